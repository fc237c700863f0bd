"""Where uploaded media live: the local MEDIA_ROOT (default; one machine, the `media` volume)
or S3-compatible object storage (scale-out: several machines share it), chosen by
MEDIA_STORAGE=s3 or by setting AWS_STORAGE_BUCKET_NAME. Needs the optional extra:
pip install ".[s3]" (django-storages with boto3; in the Docker image already).

    MEDIA_STORAGE=s3
    AWS_STORAGE_BUCKET_NAME=urbact-media
    AWS_S3_ENDPOINT_URL=https://s3.example.net   # any S3-compatible service; unset for AWS
    AWS_S3_REGION_NAME=eu-central-1
    AWS_ACCESS_KEY_ID=...   AWS_SECRET_ACCESS_KEY=...
    AWS_S3_CUSTOM_DOMAIN=media.urbact.si         # optional: a CDN or the bucket's public name
    AWS_LOCATION=media                           # optional prefix inside the bucket
    AWS_DEFAULT_ACL=public-read                  # or a bucket policy that allows public reads

Images are public and linked by their stable URLs, so the bucket (or the CDN in front of it)
must let anyone read them; the site's CSP allows images from that origin automatically.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_str

FILESYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def media_storage() -> dict:
    """The STORAGES["default"] entry for uploaded media."""
    kind = (env_str("MEDIA_STORAGE") or "").strip().lower()
    bucket = env_str("AWS_STORAGE_BUCKET_NAME")
    if kind in ("", "filesystem", "local") and not (kind == "" and bucket):
        return FILESYSTEM
    if kind not in ("", "s3"):
        raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'filesystem' or 's3', not {kind!r}.")
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME (the bucket).")
    try:
        import storages  # noqa: F401
    except ImportError as exc:
        raise ImproperlyConfigured(
            'Media on S3 needs django-storages: pip install ".[s3]".'
        ) from exc
    options = {
        "bucket_name": bucket,
        "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env_str("AWS_S3_REGION_NAME") or None,
        "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
        "location": env_str("AWS_LOCATION", "") or "",
        # Public media under stable URLs (images on public pages); private documents are
        # never linked by their file URL (WAGTAILDOCS_SERVE_METHOD = "serve_view").
        "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
        "default_acl": env_str("AWS_DEFAULT_ACL") or None,
        # Never overwrite: an upload with a taken name gets a new one, as on disk.
        "file_overwrite": False,
        "object_parameters": {"CacheControl": "public, max-age=86400"},
    }
    # Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or an instance role),
    # read by boto3 itself.
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origin(storage: dict) -> str:
    """The origin images come from when they are not on this site (for the CSP)."""
    options = storage.get("OPTIONS", {})
    if storage is FILESYSTEM:
        return ""
    if options.get("custom_domain"):
        return f"https://{options['custom_domain']}"
    endpoint = options.get("endpoint_url")
    if endpoint:
        parts = urlsplit(endpoint)
        return f"{parts.scheme}://{parts.netloc}"
    return f"https://{options['bucket_name']}.s3.amazonaws.com"
