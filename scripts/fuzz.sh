#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Builds the import reader's fuzz target (tests/fuzz, libFuzzer) with clang++ and runs it.
#   scripts/fuzz.sh [SECONDS]        default 60
# Environment: PRIVACYDESK_FUZZ_BUILD_DIR (default: build-fuzz).
# Exits non-zero when clang++ is missing, the build fails, or the target finds a crash (the input is kept in the
# build directory, crash-*). The seed corpus in tests/fuzz/corpus is read, never written.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

seconds=${1:-60}
case $seconds in '' | *[!0-9]*) pd_die "SECONDS: expected a whole number, got '$seconds'" ;; esac
command -v clang++ >/dev/null || pd_die "clang++ not found (Debian package clang)"
build=${PRIVACYDESK_FUZZ_BUILD_DIR:-$PD_ROOT/build-fuzz}

pd_say "configuring $build (clang++, libFuzzer with ASan and UBSan)"
[ -f "$build/CMakeCache.txt" ] || cmake -S "$PD_ROOT/tests/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(pd_jobs)"

corpus=$(mktemp -d "${TMPDIR:-/tmp}/privacydesk-fuzz.XXXXXX")
trap 'rm -rf "$corpus"' EXIT
pd_say "fuzzing the import reader for ${seconds}s"
# New inputs go to the temporary corpus; the seeds are only read.
"$build/import_reader_fuzz" -max_total_time="$seconds" -max_len=4096 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$build/" "$corpus" "$PD_ROOT/tests/fuzz/corpus" 2>"$build/fuzz.log" || {
    tail -n 40 "$build/fuzz.log" >&2
    pd_die "the fuzz target failed; the input is in $build/crash-* (see $build/fuzz.log)"
}
grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$build/fuzz.log" | sed "s/^/$PD_SCRIPT: /"
pd_say "no crash in ${seconds}s"
