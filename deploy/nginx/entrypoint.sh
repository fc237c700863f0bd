#!/bin/sh
# The proxy container of docker-compose.yml: picks the TLS certificate, renders the one
# template (render.sh, as `make prod` does), runs nginx in the foreground, and re-renders and
# reloads it twice a day so that certificates renewed by the certbot service are used.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
conf=/etc/nginx/urbact.conf
name="${CERT_NAME:-${SITE_HOST%% *}}"
live="/etc/letsencrypt/live/$name"
fallback=/var/cache/urbact-tls

choose_certificate() {
    if [ -s "$live/fullchain.pem" ] && [ -s "$live/privkey.pem" ]; then
        TLS_CERT="$live/fullchain.pem"
        TLS_KEY="$live/privkey.pem"
    else
        # No Let's Encrypt certificate yet (first start): a temporary self-signed one, so
        # nginx starts and port 80 answers Let's Encrypt's challenge (README: Production).
        mkdir -p "$fallback"
        if [ ! -s "$fallback/cert.pem" ]; then
            openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$name" \
                -keyout "$fallback/key.pem" -out "$fallback/cert.pem" 2>/dev/null
        fi
        TLS_CERT="$fallback/cert.pem"
        TLS_KEY="$fallback/key.pem"
        echo "proxy: no certificate in $live yet - serving a temporary self-signed one" >&2
    fi
    export TLS_CERT TLS_KEY
}

render() {
    choose_certificate
    sh "$here/render.sh" "$conf"
    nginx -t -q -c "$conf"
}

render
(
    while sleep "${RELOAD_INTERVAL:-12h}"; do
        render && nginx -s reload -c "$conf"
    done
) &
exec nginx -c "$conf" -g 'daemon off;'
