#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Builds Privacy Desk with its tests and runs every test against SQLite and a throwaway PostgreSQL server.
#   scripts/test.sh [extra ctest arguments, e.g. -R Storage]
# Then, on a whole run, the import reader's fuzz target for PRIVACYDESK_FUZZ_SECONDS (default 60; scripts/fuzz.sh).
# Environment: PRIVACYDESK_BUILD_DIR (default: build), PRIVACYDESK_JOBS (build jobs, default: all cores),
#              PRIVACYDESK_SKIP_DEPS=1 (do not check Debian packages), PRIVACYDESK_WERROR=ON (warnings are errors;
#              CI sets it).
# Exits non-zero when the build or any test fails. The server is stopped on every exit path.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/deps.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/deps.sh"

build=${PRIVACYDESK_BUILD_DIR:-$PD_ROOT/build}
started=$SECONDS

pd_install_packages "${PD_PACKAGES[@]}"

pd_say "checking the written rules (scripts/lint.sh)"
"$PD_ROOT/scripts/lint.sh" || pd_die "scripts/lint.sh found problems (see above); nothing was built"

pd_say "configuring $build"
pd_configure "$build" -DCMAKE_BUILD_TYPE=Debug -DPRIVACYDESK_BUILD_TESTS=ON -DPRIVACYDESK_WERROR="${PRIVACYDESK_WERROR:-OFF}"
pd_say "building"
cmake --build "$build" -j "$(pd_jobs)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/privacydesk-test.XXXXXX")
chmod 711 "$tmp" # the server runs as the postgres user when we are root: it must reach $tmp/pg
# shellcheck disable=SC2317 # called by the trap
cleanup() {
    "$PD_ROOT/scripts/pg-server.sh" stop "$tmp/pg" || true
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'pd_warn "interrupted"; exit 130' INT
trap 'pd_warn "terminated"; exit 143' TERM

PRIVACYDESK_TEST_PG_URL=$("$PD_ROOT/scripts/pg-server.sh" start "$tmp/pg")
export PRIVACYDESK_TEST_PG_URL
pg_version=$(cat "$tmp/pg/data/PG_VERSION")
pd_say "started PostgreSQL $pg_version at $PRIVACYDESK_TEST_PG_URL (data in $tmp/pg, stopped on exit)"

status=0
ctest --test-dir "$build" --output-on-failure -j2 --schedule-random "$@" 2>&1 | tee "$tmp/ctest.log" || status=$?

registered=$(ctest --test-dir "$build" -N "$@" | grep -c '/PostgreSQL' || true)
# ctest's result lines: " 12/80 Test #12: Backends/StorageTest.Opens/PostgreSQL ....   Passed    0.05 sec"
result_line='^ *[0-9]+/[0-9]+ +Test +#[0-9]+: [^ ]*/PostgreSQL '
ran=$(grep -E "$result_line" "$tmp/ctest.log" | grep -c . || true)
passed=$(grep -E "$result_line" "$tmp/ctest.log" | grep -c ' Passed ' || true)
pd_say "PostgreSQL: $ran of $registered registered tests ran against it, $passed passed"
if [ "$registered" -eq 0 ]; then
    pd_warn "no test ran against PostgreSQL: the /PostgreSQL tests are missing"
    status=1
fi

# The import reader's fuzz target, for a minute, on a whole run (not when ctest was given a selection).
if [ "$status" -eq 0 ] && [ $# -eq 0 ]; then
    if command -v clang++ >/dev/null 2>&1; then
        PRIVACYDESK_FUZZ_BUILD_DIR="$build-fuzz" "$PD_ROOT/scripts/fuzz.sh" "${PRIVACYDESK_FUZZ_SECONDS:-60}" || status=1
    else
        pd_say "clang++ not found: the fuzz target (tests/fuzz) is skipped"
    fi
fi

if [ "$status" -eq 0 ]; then
    pd_say "all tests passed ($((SECONDS - started)) s)"
else
    pd_warn "FAILED ($((SECONDS - started)) s): see the output above"
fi
exit "$status"
