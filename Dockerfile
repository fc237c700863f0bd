FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

RUN useradd --create-home --uid 1000 urbact

COPY pyproject.toml README.md ./
COPY urbact_portal ./urbact_portal
COPY news ./news
COPY networks ./networks
COPY cities ./cities
RUN pip install --no-cache-dir .

COPY . .
RUN DJANGO_SETTINGS_MODULE=urbact_portal.settings.dev python manage.py compile_translations \
    && DJANGO_SETTINGS_MODULE=urbact_portal.settings.production SECRET_KEY=build \
       python manage.py collectstatic --noinput \
    && mkdir -p /srv/media && chown urbact /srv/media

USER urbact
EXPOSE 8000
CMD ["gunicorn", "urbact_portal.wsgi:application", "--bind", "0.0.0.0:8000"]
