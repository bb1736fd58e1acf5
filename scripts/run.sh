#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Builds Privacy Desk (Release, in build-release) and starts the window on the default SQLite database. On the first
# start the database is created and filled with 20,000 made-up demo subjects.
#   scripts/run.sh [arguments for privacydesk]
# Environment: PRIVACYDESK_DB or --db URL (another database; an SQLite file that does not exist yet gets demo data too),
#              PRIVACYDESK_JOBS, PRIVACYDESK_SKIP_DEPS=1 (as in scripts/test.sh).
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/deps.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/deps.sh"

build=$PD_ROOT/build-release
demo_subjects=20000

pd_install_packages "${PD_PACKAGES[@]}" fonts-dejavu-core
pd_say "configuring a Release build in $build"
pd_configure "$build" -DCMAKE_BUILD_TYPE=Release -DPRIVACYDESK_BUILD_TESTS=OFF >/dev/null
pd_say "building"
cmake --build "$build" -j "$(pd_jobs)" --target privacydesk privacydesk-cli

# The database the window will open: --db among the arguments, then PRIVACYDESK_DB, then the default file.
db_url=${PRIVACYDESK_DB:-}
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
    --db=*) db_url=${args[i]#--db=} ;;
    --db) db_url=${args[i + 1]:-} ;;
    esac
done

# The SQLite file to create with demo data when it is missing (none for a PostgreSQL URL).
if [ -n "$db_url" ]; then
    case "$db_url" in
    sqlite:*) db_file=${db_url#sqlite:} ;;
    *) db_file= ;;
    esac
else
    # Qt's AppDataLocation for organization "PrivacyDesk", application "privacydesk" (Qt ignores a relative
    # XDG_DATA_HOME); the window opens the same file when neither --db nor PRIVACYDESK_DB is given.
    data_home=${XDG_DATA_HOME:-}
    [[ "$data_home" == /* ]] || data_home=$HOME/.local/share
    db_file=$data_home/PrivacyDesk/privacydesk/privacydesk.sqlite
fi

if [ -n "$db_file" ] && [ ! -e "$db_file" ]; then
    mkdir -p "$(dirname "$db_file")"
    # Generate under another name and rename at the end: an interrupted first start leaves no half-filled database.
    partial=$(dirname "$db_file")/.privacydesk-demo.$$.sqlite
    # shellcheck disable=SC2317 # called by the trap
    remove_partial() {
        rm -f "$partial" "$partial-wal" "$partial-shm" "$partial-journal"
    }
    trap remove_partial EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    pd_say "first start: creating $db_file with $demo_subjects demo subjects"
    "$build/app/privacydesk-cli" --db "sqlite:$partial" demo --subjects "$demo_subjects" --seed 1 </dev/null \
        || pd_die "could not create the demo database (see the message above); nothing was left at $db_file"
    for suffix in -wal -shm; do
        if [ -e "$partial$suffix" ]; then
            mv "$partial$suffix" "$db_file$suffix"
        fi
    done
    mv "$partial" "$db_file"
    trap - EXIT INT TERM
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    pd_warn "no DISPLAY or WAYLAND_DISPLAY: the window needs a desktop session" \
        "(or try: xvfb-run -a scripts/run.sh, or QT_QPA_PLATFORM=offscreen)"
fi
shown_url=$(printf '%s' "${db_url:-sqlite:$db_file}" | sed -E 's#^(postgres(ql)?://[^:@/]*):[^@/]*@#\1:***@#')
pd_say "starting $build/ui/privacydesk on $shown_url"
if [ -z "$db_url" ]; then
    # Named, so that the demo opens even when the window would otherwise open the database signed in to last.
    exec "$build/ui/privacydesk" --db "sqlite:$db_file" "$@"
fi
exec "$build/ui/privacydesk" "$@"
