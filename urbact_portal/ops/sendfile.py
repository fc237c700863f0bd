"""Documents handed to nginx: Wagtail's document view checks the collection's privacy rules,
then answers with an X-Accel-Redirect to /media/documents/..., an `internal` location of the
proxy, and nginx sends the bytes (deploy/nginx/nginx.conf.template). On when
MEDIA_X_ACCEL_REDIRECT=1 (the production stack sets it); without the proxy the file is
streamed by Django as before."""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse


def sendfile(request, filename, **kwargs):
    media_root = Path(settings.MEDIA_ROOT).resolve()
    try:
        relative = Path(filename).resolve().relative_to(media_root)
    except ValueError as exc:  # not under MEDIA_ROOT: nothing nginx may serve
        raise Http404("Not a media file") from exc
    response = HttpResponse()
    response["X-Accel-Redirect"] = quote(f"{settings.MEDIA_URL}{relative.as_posix()}")
    return response
