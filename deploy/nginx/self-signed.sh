#!/bin/sh
# Writes a self-signed certificate for nginx's default TLS: fullchain.pem and privkey.pem in the given
# directory (default: deploy/nginx/tls, which compose mounts). Replace both with a real pair for
# production (docs/deploy.md). Usage: deploy/nginx/self-signed.sh [dir] [hostname]
set -eu
dir="${1:-$(dirname "$0")/tls}"
host="${2:-localhost}"
mkdir -p "$dir"
if [ -s "$dir/fullchain.pem" ] && [ -s "$dir/privkey.pem" ]; then
  echo "$dir already has a certificate; leaving it"
  exit 0
fi
umask 077
openssl req -x509 -newkey rsa:2048 -nodes -days 365 \
  -subj "/CN=$host" \
  -addext "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>/dev/null
chmod 644 "$dir/fullchain.pem"
echo "wrote a self-signed certificate for $host to $dir"
