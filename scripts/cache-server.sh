#!/usr/bin/env bash
# A Bazel HTTP cache on loopback for tests and measurements: Debian's nginx with WebDAV PUT,
# run as the current user with everything (config, logs, stored entries) in one folder.
#
#   scripts/cache-server.sh start FOLDER   # prints the cache URL (http://127.0.0.1:PORT)
#   scripts/cache-server.sh stop FOLDER
#
# Besides the cache at the root URL, two locations fake broken servers for fault tests:
# URL/garbage answers every request with 200 and a few junk bytes; URL/failing answers 500.
# URL/private is a cache that answers 401 unless sent "Authorization: Bearer snapgen-test-token".
# nginx is installed with apt-get when missing (nothing is removed or upgraded).
set -euo pipefail

command=${1:-}
folder=${2:-}
[ -n "$command" ] && [ -n "$folder" ] || { echo "usage: $0 start|stop FOLDER" >&2; exit 64; }

nginx_binary() {
  if command -v nginx >/dev/null 2>&1; then command -v nginx; return; fi
  if [ -x /usr/sbin/nginx ]; then echo /usr/sbin/nginx; return; fi
  echo "cache-server: installing Debian's nginx" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
  echo /usr/sbin/nginx
}

case "$command" in
start)
  nginx=$(nginx_binary)
  mkdir -p "$folder/store" "$folder/temp"
  folder=$(cd "$folder" && pwd)
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 30000))
    cat >"$folder/nginx.conf" <<CONF
user $(id -un) $(id -gn);
worker_processes 1;
pid $folder/nginx.pid;
error_log $folder/error.log warn;
events { worker_connections 64; }
http {
  # The connection number and its request count show whether a client reuses connections.
  log_format snapgen '\$connection \$connection_requests "\$request" \$status';
  access_log $folder/access.log snapgen;
  client_body_temp_path $folder/temp/body;
  proxy_temp_path $folder/temp/proxy;
  fastcgi_temp_path $folder/temp/fastcgi;
  uwsgi_temp_path $folder/temp/uwsgi;
  scgi_temp_path $folder/temp/scgi;
  client_max_body_size 1g;
  server {
    listen 127.0.0.1:$port;
    root $folder/store;
    location / {
      dav_methods PUT;
      create_full_put_path on;
      dav_access user:rw;
    }
    location /garbage/ { return 200 "not a cache entry"; }
    location /failing/ { return 500; }
    location /private/ {
      if (\$http_authorization != "Bearer snapgen-test-token") { return 401; }
      dav_methods PUT;
      create_full_put_path on;
      dav_access user:rw;
    }
  }
}
CONF
    if "$nginx" -p "$folder" -c "$folder/nginx.conf" -e "$folder/error.log" 2>>"$folder/start.log"; then
      echo "http://127.0.0.1:$port"
      exit 0
    fi
  done
  echo "cache-server: nginx did not start; see $folder/start.log and $folder/error.log" >&2
  exit 1
  ;;
stop)
  if [ -f "$folder/nginx.pid" ]; then
    pid=$(cat "$folder/nginx.pid")
    kill -QUIT "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  ;;
*)
  echo "usage: $0 start|stop FOLDER" >&2
  exit 64
  ;;
esac
