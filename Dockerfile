# Two images from one build, so that the proxy's static files always match the app's code:
#   app    - the Django app (gunicorn, the mail worker, the scheduler, migrations, backups)
#   proxy  - Debian's nginx with the cache-purge and brotli modules, the repository's template
#            (deploy/nginx/) and the collected static files
# docker-compose.yml builds both (`target:`).

FROM python:3.11-slim-bookworm AS app

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# pg_dump/pg_restore for `manage.py backup` / `restore` (Debian bookworm: PostgreSQL 15).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 urbact

# The dependencies first, in a layer that changes only with pyproject.toml; then the site's
# packages (the core and every content app, found by setuptools: no line per app here).
COPY pyproject.toml README.md ./
RUN python -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
extras = p['optional-dependencies']; \
print('\n'.join(p['dependencies'] + extras['sentry'] + extras['s3']))" > /tmp/requirements.txt \
    && pip install --no-cache-dir -r /tmp/requirements.txt

COPY . .
RUN pip install --no-cache-dir --no-deps .
RUN DJANGO_SETTINGS_MODULE=urbact_portal.settings.dev python manage.py compile_translations \
    && DJANGO_SETTINGS_MODULE=urbact_portal.settings.production ALLOWED_HOSTS=localhost \
       SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
       python manage.py collectstatic --noinput \
    && mkdir -p /srv/media /srv/backups \
    && chown urbact:urbact /srv/media /srv/backups

# Never root: the app cannot change its own code or the system.
USER urbact
EXPOSE 8000
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "urbact_portal.wsgi:application"]


FROM debian:bookworm-slim AS proxy

RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx libnginx-mod-http-cache-purge \
       libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static gettext-base \
       openssl curl ca-certificates \
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default
COPY deploy/nginx /opt/urbact/deploy/nginx
COPY --from=app /app/staticfiles /srv/static
EXPOSE 80 443
ENTRYPOINT ["/opt/urbact/deploy/nginx/entrypoint.sh"]
