"""Delivery with a claim: explicit states, the claim (attempt id and expiry), the time the
next attempt is due, and a Message-ID of each submission's own."""

import uuid

from django.db import migrations, models

import urbact_portal.contact.submissions


def forwards(apps, schema_editor):
    ContactSubmission = apps.get_model("contact", "ContactSubmission")
    ContactSubmission.objects.filter(delivery_state="pending", attempts=0).update(
        delivery_state="received"
    )
    ContactSubmission.objects.filter(delivery_state="pending").update(delivery_state="retrying")
    for submission in ContactSubmission.objects.filter(message_id=""):
        submission.message_id = f"<contact.{uuid.uuid4().hex}@urbact.si>"
        submission.save(update_fields=["message_id"])


def backwards(apps, schema_editor):
    ContactSubmission = apps.get_model("contact", "ContactSubmission")
    ContactSubmission.objects.filter(
        delivery_state__in=["received", "sending", "retrying"]
    ).update(delivery_state="pending")


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0003_single_use_form_token"),
    ]

    operations = [
        migrations.RemoveField(model_name="contactsubmission", name="task_id"),
        migrations.AddField(
            model_name="contactsubmission",
            name="next_attempt_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="next attempt"),
        ),
        migrations.AddField(
            model_name="contactsubmission",
            name="claim_id",
            field=models.UUIDField(blank=True, editable=False, null=True, verbose_name="attempt"),
        ),
        migrations.AddField(
            model_name="contactsubmission",
            name="claim_expires_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="attempt expires"),
        ),
        migrations.AddField(
            model_name="contactsubmission",
            name="message_id",
            field=models.CharField(
                default="", editable=False, max_length=255, verbose_name="Message-ID"
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="contactsubmission",
            name="delivery_state",
            field=models.CharField(
                choices=[
                    ("received", "received"),
                    ("sending", "sending"),
                    ("retrying", "waiting for a retry"),
                    ("sent", "sent"),
                    ("failed", "failed"),
                ],
                default="received",
                max_length=16,
                verbose_name="delivery",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AlterField(
            model_name="contactsubmission",
            name="message_id",
            field=models.CharField(
                default=urbact_portal.contact.submissions.new_message_id,
                editable=False,
                max_length=255,
                verbose_name="Message-ID",
            ),
        ),
        migrations.AddIndex(
            model_name="contactsubmission",
            index=models.Index(
                condition=models.Q(delivery_state__in=["received", "sending", "retrying"]),
                fields=["next_attempt_at"],
                name="contact_unsent_due_idx",
            ),
        ),
    ]
