#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests and print its URL on stdout.
# Installs Debian's postgresql package when no server binaries are found.
# Usage: .ci/postgres.sh [DATA_DIR] [PORT]
set -euo pipefail
data_dir=${1:-/tmp/civmon-test-pg}
port=${2:-54329}

find_bin() {
  command -v "$1" 2>/dev/null && return
  ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1
}
if [ -z "$(find_bin initdb)" ]; then
  echo "installing postgresql from Debian packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
fi
initdb=$(find_bin initdb); pg_ctl=$(find_bin pg_ctl)
[ -n "$initdb" ] || { echo "error: initdb not found after install" >&2; exit 1; }

# PostgreSQL refuses to run as root: run it as the 'postgres' user when we are root.
as_pg=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  as_pg=(runuser -u postgres --)
fi
if "${as_pg[@]}" "$pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
  echo "postgresql://postgres@127.0.0.1:$port/postgres"; exit 0
fi
rm -rf "$data_dir"; mkdir -p "$data_dir"
[ "$(id -u)" = 0 ] && chown postgres "$data_dir"
"${as_pg[@]}" "$initdb" -D "$data_dir" -U postgres --auth=trust -E UTF8 >/dev/null
"${as_pg[@]}" "$pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $data_dir -c fsync=off -c max_connections=200" start >/dev/null
echo "postgresql://postgres@127.0.0.1:$port/postgres"
