# shellcheck shell=bash
# Shared by scripts/*.sh (sourced, not run). Expects `set -euo pipefail` in the caller.
# Sets PD_ROOT (the repository) and PD_SCRIPT (the caller's name, for messages).

PD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PD_SCRIPT=$(basename "$0")

pd_say() {
    printf '%s: %s\n' "$PD_SCRIPT" "$*"
}

pd_warn() {
    printf '%s: %s\n' "$PD_SCRIPT" "$*" >&2
}

pd_die() {
    printf '%s: error: %s\n' "$PD_SCRIPT" "$*" >&2
    exit 1
}

# Parallel build jobs: PRIVACYDESK_JOBS, else the number of cores.
pd_jobs() {
    echo "${PRIVACYDESK_JOBS:-$(nproc 2>/dev/null || echo 2)}"
}

# pd_configure BUILD_DIR CMAKE_ARGS...: configures with Ninja on first use; later runs keep the cached generator
# (asking for another one on an existing build directory is an error in CMake).
pd_configure() {
    local dir=$1
    shift
    local generator=()
    [ -f "$dir/CMakeCache.txt" ] || generator=(-G Ninja)
    cmake -S "$PD_ROOT" -B "$dir" "${generator[@]}" "$@"
}

# Wall clock in seconds with nanoseconds, and the seconds elapsed since such a reading.
pd_now() {
    date +%s.%N
}

pd_elapsed() {
    awk -v t0="$1" -v t1="$(date +%s.%N)" 'BEGIN { printf "%.6f\n", t1 - t0 }'
}
