#!/usr/bin/env bash
# Throwaway PostgreSQL on 127.0.0.1 for tests and benchmarks.
#   scripts/pg-server.sh start DIR   -> prints the admin URL (postgresql://postgres@127.0.0.1:PORT/postgres)
#   scripts/pg-server.sh stop DIR
# The server lives entirely in DIR (data, socket, log) and listens on loopback only, on a free port.
set -euo pipefail

cmd=${1:?usage: pg-server.sh start|stop DIR}
dir=${2:?usage: pg-server.sh start|stop DIR}

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] || { echo "pg-server.sh: PostgreSQL server binaries not found (install the postgresql package)" >&2; exit 1; }

# initdb refuses to run as root: run the server as the postgres user then.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    local port
    for port in $(seq 55432 55532); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

case "$cmd" in
start)
    mkdir -p "$dir/sock"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
    as_owner "$pgbin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=trust \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port) || { echo "pg-server.sh: no free port between 55432 and 55532" >&2; exit 1; }
    as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/sock -c fsync=off -c max_connections=200" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner "$pgbin/pg_ctl" -D "$dir/data" -w -m fast stop >/dev/null 2>&1 || true
    fi
    ;;
*)
    echo "usage: pg-server.sh start|stop DIR" >&2
    exit 2
    ;;
esac
