#!/bin/sh
# Installs what the production stack needs from the system, when it is missing: Debian's
# nginx with the cache-purge and brotli modules, envsubst (gettext-base) and the PostgreSQL
# client tools (pg_dump/pg_restore for backups). Used by `make prod`, `make test` and .ci/run.
set -eu

missing=""
command -v nginx >/dev/null 2>&1 || missing="$missing nginx"
[ -e /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ] \
    || missing="$missing libnginx-mod-http-cache-purge"
[ -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] \
    || missing="$missing libnginx-mod-http-brotli-filter"
[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] \
    || missing="$missing libnginx-mod-http-brotli-static"
command -v envsubst >/dev/null 2>&1 || missing="$missing gettext-base"
command -v pg_dump >/dev/null 2>&1 || missing="$missing postgresql-client"
[ -z "$missing" ] && exit 0

echo "Installing:$missing"
sudo=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "Run as root (or install sudo) to install:$missing" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# --no-install-recommends: nginx only, no default site started as a service.
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
