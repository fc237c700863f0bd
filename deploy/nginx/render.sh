#!/bin/sh
# Render deploy/nginx/nginx.conf.template into the file named by $1, for docker compose (the
# proxy container's entrypoint) and for `make prod` (deploy/run_prod.py) alike.
#
# Environment (defaults are make prod's; compose sets its own in docker-compose.yml):
#   SITE_HOST            server_name(s) of the site                 127.0.0.1 localhost
#   NGINX_LISTEN         the site's listen address                  127.0.0.1:8080
#                        (compose: "443 ssl http2")
#   NGINX_HTTP_LISTEN    plain HTTP: ACME + redirect to HTTPS       unix:$NGINX_RUN_DIR/http.sock
#                        (compose: 80)
#   TLS_CERT, TLS_KEY    certificate and key; unset = no TLS        (none)
#   NGINX_PURGE_LISTEN   cache purge listener (never published)     127.0.0.1:8081
#   PURGE_ALLOW          addresses/networks allowed to purge        127.0.0.1 ::1
#   APP_UPSTREAM         gunicorn address(es), space-separated      127.0.0.1:8000
#   STATIC_ROOT          collected static files (required)
#   MEDIA_ROOT           uploaded media (required)
#   NGINX_RUN_DIR        pid file, temp and cache dirs              ./var/prod/nginx
#   NGINX_CACHE_DIR      page cache                                 $NGINX_RUN_DIR/cache
#   ACME_ROOT            webroot for certbot's http-01 challenges   $NGINX_RUN_DIR/acme
#   NGINX_ACCESS_LOG     access log (JSON lines)                    /dev/stdout
#   NGINX_ERROR_LOG      error log                                  stderr
#   NGINX_USER           user of the worker processes (root only)   (none)
#   PAGE_CACHE           1 = cache anonymous pages at the proxy     1
#   PAGE_CACHE_TTL       lifetime of a cached response that has no  2s
#                        Cache-Control (pages have: s-maxage, set
#                        by the app's PAGE_CACHE_SECONDS)
#   NGINX_MAX_BODY_PUBLIC / NGINX_MAX_BODY_ADMIN  request size limits  5m / 25m
set -eu

out="${1:?usage: render.sh OUTPUT_FILE}"
here="$(cd "$(dirname "$0")" && pwd)"

: "${STATIC_ROOT:?STATIC_ROOT must be set (the collected static files)}"
: "${MEDIA_ROOT:?MEDIA_ROOT must be set (the uploaded media)}"
NGINX_RUN_DIR="${NGINX_RUN_DIR:-$PWD/var/prod/nginx}"
export STATIC_ROOT="${STATIC_ROOT%/}" MEDIA_ROOT="${MEDIA_ROOT%/}" NGINX_RUN_DIR
export SITE_HOST="${SITE_HOST:-127.0.0.1 localhost}"
export NGINX_LISTEN="${NGINX_LISTEN:-127.0.0.1:8080}"
export NGINX_HTTP_LISTEN="${NGINX_HTTP_LISTEN:-unix:$NGINX_RUN_DIR/http.sock}"
export NGINX_PURGE_LISTEN="${NGINX_PURGE_LISTEN:-127.0.0.1:8081}"
export NGINX_CACHE_DIR="${NGINX_CACHE_DIR:-$NGINX_RUN_DIR/cache}"
export ACME_ROOT="${ACME_ROOT:-$NGINX_RUN_DIR/acme}"
export NGINX_ACCESS_LOG="${NGINX_ACCESS_LOG:-/dev/stdout}"
export NGINX_ERROR_LOG="${NGINX_ERROR_LOG:-stderr}"
export NGINX_ERRORS_DIR="$here/errors"
export NGINX_MAX_BODY_PUBLIC="${NGINX_MAX_BODY_PUBLIC:-5m}"
export NGINX_MAX_BODY_ADMIN="${NGINX_MAX_BODY_ADMIN:-25m}"
export NGINX_PAGE_CACHE_TTL="${PAGE_CACHE_TTL:-2s}"

case "${PAGE_CACHE:-1}" in
    1|true|yes|on) NGINX_PAGE_CACHE=pages ;;
    *) NGINX_PAGE_CACHE=off ;;
esac
export NGINX_PAGE_CACHE

if [ -n "${TLS_CERT:-}" ]; then
    : "${TLS_KEY:?TLS_KEY must be set with TLS_CERT}"
    NGINX_TLS="ssl_certificate $TLS_CERT; ssl_certificate_key $TLS_KEY;"
else
    NGINX_TLS="# no TLS here: plain HTTP on loopback (make prod)"
fi
export NGINX_TLS

if [ -n "${NGINX_USER:-}" ]; then
    NGINX_USER_DIRECTIVE="user $NGINX_USER;"
else
    NGINX_USER_DIRECTIVE="# workers run as the user that starts nginx"
fi
export NGINX_USER_DIRECTIVE

servers=""
for address in ${APP_UPSTREAM:-127.0.0.1:8000}; do
    servers="$servers server $address max_fails=3 fail_timeout=10s;"
done
export NGINX_UPSTREAM_SERVERS="${servers# }"

allow=""
for address in ${PURGE_ALLOW:-127.0.0.1 ::1}; do
    allow="$allow allow $address;"
done
export NGINX_PURGE_ALLOW="${allow# }"

mkdir -p "$NGINX_RUN_DIR/tmp" "$NGINX_CACHE_DIR" "$ACME_ROOT/.well-known/acme-challenge" \
    "$(dirname "$out")"

# Only these variables are replaced; every other $name is nginx's own.
envsubst '${SITE_HOST} ${NGINX_LISTEN} ${NGINX_HTTP_LISTEN} ${NGINX_TLS} ${NGINX_PURGE_LISTEN}
${NGINX_PURGE_ALLOW} ${NGINX_UPSTREAM_SERVERS} ${STATIC_ROOT} ${MEDIA_ROOT} ${NGINX_RUN_DIR}
${NGINX_CACHE_DIR} ${ACME_ROOT} ${NGINX_ACCESS_LOG} ${NGINX_ERROR_LOG} ${NGINX_ERRORS_DIR}
${NGINX_USER_DIRECTIVE} ${NGINX_PAGE_CACHE} ${NGINX_PAGE_CACHE_TTL} ${NGINX_MAX_BODY_PUBLIC}
${NGINX_MAX_BODY_ADMIN}' < "$here/nginx.conf.template" > "$out.tmp"
mv "$out.tmp" "$out"
