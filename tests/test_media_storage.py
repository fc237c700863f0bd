"""Scale-out: media on S3-compatible object storage when MEDIA_STORAGE=s3 / AWS_* are set
(django-storages), against a real S3 endpoint on loopback (moto's server), with the
production settings in a process of their own."""

import json
import os
import secrets
import subprocess
import sys
import urllib.request

import pytest

from tests.prodstack import ROOT, free_port

moto_server = pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")

SCRIPT = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from urbact_portal.ops.backup import media_files
name = default_storage.save("images/rdeca.png", ContentFile(b"\\x89PNG fake image"))
again = default_storage.save("images/rdeca.png", ContentFile(b"another"))
print(json.dumps({
    "backend": type(storages["default"]).__module__ + "." + type(storages["default"]).__name__,
    "name": name, "again": again, "url": default_storage.url(name),
    "files": list(media_files()),
    "read": default_storage.open(name).read().decode("latin-1"),
    "csp": settings.CONTENT_SECURITY_POLICY,
    "docs": getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None),
}))
"""


@pytest.fixture
def s3_endpoint():
    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    credentials = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-central-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(
        Bucket="urbact-media", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )
    yield endpoint, credentials
    server.stop()


def run_with(env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MEDIA_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="urbact_portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="urbact.si",
        **env_overrides,
    )
    env.pop("DEBUG", None)
    return subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_media_on_s3_compatible_storage(s3_endpoint):
    endpoint, credentials = s3_endpoint
    result = run_with(
        {
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": "urbact-media",
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_S3_REGION_NAME": "eu-central-1",
            "AWS_LOCATION": "media",
            "AWS_DEFAULT_ACL": "public-read",
            **credentials,
        }
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["backend"] == "storages.backends.s3.S3Storage"
    assert out["name"] == "images/rdeca.png"
    assert out["again"] != out["name"]  # never overwritten
    assert sorted(out["files"]) == sorted([out["name"], out["again"]])  # backups see them
    assert out["read"] == "\x89PNG fake image"
    assert out["url"].startswith(f"{endpoint}/urbact-media/media/images/")
    with urllib.request.urlopen(out["url"]) as response:  # public, stable URL
        assert response.read() == b"\x89PNG fake image"
    assert f"img-src 'self' data: {endpoint}" in out["csp"]
    assert out["docs"] == "serve_view"  # documents still pass the privacy checks


def test_local_media_by_default(tmp_path):
    result = run_with({"MEDIA_ROOT": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["backend"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert (tmp_path / "images" / "rdeca.png").read_bytes() == b"\x89PNG fake image"


def test_s3_without_a_bucket_is_refused():
    result = run_with({"MEDIA_STORAGE": "s3"})
    assert result.returncode != 0
    assert "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME" in result.stderr.splitlines()[-1]
