# shellcheck shell=bash
# Debian packages the scripts need (sourced, not run; needs lib/common.sh first).
# pd_install_packages NAME...: installs the ones that are missing, as root or through `sudo -n`.
# PRIVACYDESK_SKIP_DEPS=1 skips the check (for machines set up by other means).

# Build, tests and benchmarks on Debian 12 (Qt 6.4; docs/architecture.md, "Building").
# shellcheck disable=SC2034 # used by the scripts that source this file
PD_PACKAGES=(
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev libqt6sql6-sqlite libqt6sql6-psql
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libqt6svg6 qt6-svg-dev
    libgl1-mesa-dev cmake g++ ninja-build libgtest-dev googletest libbenchmark-dev
    libsodium-dev libxlsxwriter-dev libsqlite3-dev postgresql sqlite3 xvfb xauth poppler-utils unzip pkg-config
    clang-format clang desktop-file-utils appstream man-db dpkg-dev tzdata
)

PD_APT_UPDATED=${PD_APT_UPDATED:-0}

# True when the package is installed (not merely known to dpkg, e.g. removed with its configuration left).
pd_package_installed() {
    local status
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [ "$status" = "install ok installed" ]
}

pd_install_packages() {
    if [ "${PRIVACYDESK_SKIP_DEPS:-0}" = 1 ]; then
        return 0
    fi
    command -v dpkg-query >/dev/null 2>&1 \
        || pd_die "dpkg-query not found: these scripts install Debian packages; set PRIVACYDESK_SKIP_DEPS=1 to skip"
    local missing=() package
    for package in "$@"; do
        pd_package_installed "$package" || missing+=("$package")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0

    local as_root=()
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            as_root=(sudo -n)
        else
            pd_die "missing Debian packages: ${missing[*]}
  install them as root (sudo needs a password here, or is not installed):
  apt-get update && apt-get install --no-install-recommends ${missing[*]}"
        fi
    fi
    pd_say "installing missing packages: ${missing[*]}"
    if [ "$PD_APT_UPDATED" != 1 ]; then
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q \
            || pd_die "apt-get update failed"
        PD_APT_UPDATED=1
    fi
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
        </dev/null || pd_die "could not install: ${missing[*]}"
}
