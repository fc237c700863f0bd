"""The editors' groups and the moderation workflow, in Slovene.

- "Uredniki" (editors): create and edit pages (saving drafts and submitting them for
  moderation), add and edit images, documents and themes.
- "Moderatorji" (moderators): the same, plus publishing, locking and unlocking pages, and
  deleting images, documents and themes.

Both hold their page permissions on the root page (every site) and their image and document
permissions on the root collection. Wagtail's own "Editors" and "Moderators" groups become
these two (renamed, so users already in them stay in them); its default workflow "Moderators
approval" and its task are renamed "Odobritev moderatorjev".

Permissions are created here when they do not exist yet (Django makes them only after the
whole migrate run, in post_migrate)."""

from django.db import migrations

EDITORS = "Uredniki"
MODERATORS = "Moderatorji"
WORKFLOW = "Odobritev moderatorjev"
OLD_NAMES = {EDITORS: "Editors", MODERATORS: "Moderators"}
OLD_WORKFLOW = "Moderators approval"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: {
        ("wagtailimages", "image"): ["add", "change", "choose"],
        ("wagtaildocs", "document"): ["add", "change", "choose"],
    },
    MODERATORS: {
        ("wagtailimages", "image"): ["add", "change", "choose", "delete"],
        ("wagtaildocs", "document"): ["add", "change", "choose", "delete"],
    },
}
# Model permissions: the admin itself and the snippets.
MODEL_PERMISSIONS = {
    EDITORS: {
        ("wagtailadmin", "admin"): ["access_admin"],
        ("urbact_portal", "theme"): ["add_theme", "change_theme", "view_theme"],
    },
    MODERATORS: {
        ("wagtailadmin", "admin"): ["access_admin"],
        ("urbact_portal", "theme"): ["add_theme", "change_theme", "delete_theme", "view_theme"],
    },
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return found


def group_named(apps, name):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=name).first()
    if group is None:
        group = Group.objects.filter(name=OLD_NAMES[name]).first()
        if group is not None:
            group.name = name
            group.save(update_fields=["name"])
        else:
            group = Group.objects.create(name=name)
    return group


def create_groups(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    groups = {}
    for name in (EDITORS, MODERATORS):
        group = groups[name] = group_named(apps, name)
        if root_page is not None:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=permission(apps, "wagtailcore", "page", codename),
                )
        if root_collection is not None:
            for (app_label, model), actions in COLLECTION_PERMISSIONS[name].items():
                for action in actions:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=permission(apps, app_label, model, f"{action}_{model}"),
                    )
        for (app_label, model), codenames in MODEL_PERMISSIONS[name].items():
            group.permissions.add(
                *(permission(apps, app_label, model, codename) for codename in codenames)
            )
        if name == EDITORS:
            # Wagtail's "Editors" could delete images and documents; editors here cannot.
            deleting = {"delete_image", "delete_document"}
            group.permissions.remove(*group.permissions.filter(codename__in=deleting))
            GroupCollectionPermission.objects.filter(
                group=group, permission__codename__in=deleting
            ).delete()

    slovene_workflow(apps, groups[MODERATORS], root_page)


def slovene_workflow(apps, moderators, root_page):
    """Rename Wagtail's default workflow and task; create them if there are none."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ContentType = apps.get_model("contenttypes", "ContentType")

    Workflow.objects.filter(name=OLD_WORKFLOW).update(name=WORKFLOW)
    Task.objects.filter(name=OLD_WORKFLOW).update(name=WORKFLOW)
    if Workflow.objects.filter(name=WORKFLOW).exists() or root_page is None:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(name=WORKFLOW, content_type=content_type, active=True)
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if not WorkflowPage.objects.filter(page=root_page).exists():
        WorkflowPage.objects.create(workflow=workflow, page=root_page)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("urbact_portal", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
