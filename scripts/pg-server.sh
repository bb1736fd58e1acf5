#!/usr/bin/env bash
# Throwaway PostgreSQL on 127.0.0.1 for tests and benchmarks.
#   scripts/pg-server.sh start DIR   -> prints the admin URL (postgresql://postgres@127.0.0.1:PORT/postgres)
#   scripts/pg-server.sh stop DIR    -> stops it (safe to call when it is not running)
# The server lives entirely in DIR (data, socket, log), listens on loopback only, on a free port from 55432 up,
# and trusts every local connection: never point DIR at anything that matters.
set -euo pipefail

usage="usage: pg-server.sh start|stop DIR"
cmd=${1:?$usage}
dir=${2:?$usage}

pgbin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] || { echo "pg-server.sh: PostgreSQL server binaries not found (install the postgresql package)" >&2; exit 1; }

# initdb and pg_ctl refuse to run as root: run the server as the postgres user then.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
    [ ! -e "$dir/data" ] || { echo "pg-server.sh: $dir/data already exists" >&2; exit 1; }
    mkdir -p "$dir/sock"
    if [ "$(id -u)" = 0 ]; then
        chown -R postgres: "$dir"
        runuser -u postgres -- test -w "$dir" \
            || { echo "pg-server.sh: the postgres user cannot reach $dir (its parent folders must be searchable)" >&2; exit 1; }
    fi
    as_owner "$pgbin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=trust \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # One role must give its password (the tests of PGPASSFILE use it); every other local connection is trusted.
    as_owner sh -c "{ echo 'host all pd_password_user 127.0.0.1/32 scram-sha-256'; cat '$dir/data/pg_hba.conf'; } \
        >'$dir/data/pg_hba.conf.new' && mv '$dir/data/pg_hba.conf.new' '$dir/data/pg_hba.conf'"
    # Another server may take a port between the check and the start: then try the next one.
    local port attempts=0
    for port in $(seq 55432 55631); do
        port_in_use "$port" && continue
        if as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
            -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/sock -c fsync=off -c max_connections=200" \
            start >/dev/null 2>&1; then
            echo "$port" >"$dir/port"
            echo "postgresql://postgres@127.0.0.1:$port/postgres"
            return 0
        fi
        attempts=$((attempts + 1))
        if [ "$attempts" -ge 5 ]; then
            break
        fi
    done
    echo "pg-server.sh: the server did not start; its log ($dir/server.log) ends with:" >&2
    tail -n 20 "$dir/server.log" >&2 2>/dev/null || true
    exit 1
}

stop() {
    [ -d "$dir/data" ] || return 0
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$pgbin/pg_ctl" -D "$dir/data" -w -t 30 -m fast stop >/dev/null 2>&1 \
            || as_owner "$pgbin/pg_ctl" -D "$dir/data" -w -t 10 -m immediate stop >/dev/null 2>&1 \
            || true
    fi
    # Last resort: the postmaster recorded in the data directory, if it is still alive.
    local pid
    pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
}

case "$cmd" in
start) start ;;
stop) stop ;;
*)
    echo "$usage" >&2
    exit 2
    ;;
esac
