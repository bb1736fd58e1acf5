#!/usr/bin/env bash
# ctest: the desktop integration files of the Debian package pass Debian 12's validators, and agree with each other.
#   PackagingTest.sh SOURCE-DIR [BUILD-DIR]
# - desktop-file-validate on the desktop entry (errors and warnings fail), appstreamcli validate --no-net on the
#   AppStream metadata (warnings fail, pedantic notes do not), man --warnings and lexgrog on the man pages;
# - one id for the desktop file, the metainfo and the window (QGuiApplication::setDesktopFileName);
# - the icon in every hicolor size; the same version in CMakeLists.txt, the Debian changelog and the metainfo;
# - with BUILD-DIR (built, configured with CPack): every library dpkg-shlibdeps finds for the two binaries is in
#   CPACK_DEBIAN_PACKAGE_DEPENDS.
# Exit 77 (skipped) when a validator is not installed.
set -euo pipefail

source_dir=${1:?usage: PackagingTest.sh SOURCE-DIR [BUILD-DIR]}
build_dir=${2:-}
linux=$source_dir/packaging/linux
icons=$source_dir/resources/icons
id=org.privacydesk.PrivacyDesk
desktop=$linux/$id.desktop
metainfo=$linux/$id.metainfo.xml
manpages=("$linux/privacydesk.1" "$linux/privacydesk-cli.1")
sizes=(16 24 32 48 64 128 256)

missing=()
command -v desktop-file-validate >/dev/null 2>&1 || missing+=("desktop-file-validate (package desktop-file-utils)")
command -v appstreamcli >/dev/null 2>&1 || missing+=("appstreamcli (package appstream)")
command -v man >/dev/null 2>&1 || missing+=("man (package man-db)")
if [ "${#missing[@]}" -gt 0 ]; then
    printf 'SKIP: not installed: %s\n' "${missing[@]}"
    echo "  apt-get install --no-install-recommends desktop-file-utils appstream man-db"
    exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/privacydesk-packaging-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

for file in "$desktop" "$metainfo" "${manpages[@]}" "$linux/changelog" "$linux/copyright" "$icons/privacydesk.svg"; do
    [ -f "$file" ] || fail "missing $file"
done
if [ "$failures" -gt 0 ]; then
    exit 1
fi

# --- Validators ---------------------------------------------------------------------------------------------------
# desktop-file-validate exits 0 on warnings: any "error:" or "warning:" line fails; hints are only shown.
status=0
output=$(desktop-file-validate "$desktop" 2>&1) || status=$?
if [ "$status" -ne 0 ] || grep -qE '(error|warning):' <<<"$output"; then
    fail "desktop-file-validate $desktop (exit $status):"$'\n'"$output"
elif [ -n "$output" ]; then
    echo "desktop-file-validate: $output"
fi

# appstreamcli exits non-zero on errors and warnings (infos and pedantic notes pass). No network here: --no-net.
status=0
output=$(appstreamcli validate --no-net "$metainfo" 2>&1) || status=$?
if [ "$status" -ne 0 ]; then
    fail "appstreamcli validate --no-net $metainfo (exit $status):"$'\n'"$output"
fi

# man --warnings prints groff's warnings on stderr and still exits 0: any stderr output fails.
for page in "${manpages[@]}"; do
    status=0
    output=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null) || status=$?
    if [ "$status" -ne 0 ] || [ -n "$output" ]; then
        fail "man --warnings -l $page (exit $status):"$'\n'"$output"
    fi
    # lexgrog reads the NAME section the way mandb does for whatis(1) and apropos(1).
    if command -v lexgrog >/dev/null 2>&1 && ! output=$(lexgrog "$page" 2>&1); then
        fail "lexgrog $page: no usable NAME section: $output"
    fi
done

# --- One id, one icon, one version --------------------------------------------------------------------------------
grep -qF "<id>$id</id>" "$metainfo" || fail "$metainfo: expected <id>$id</id>"
grep -qF "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" \
    || fail "$metainfo: expected <launchable type=\"desktop-id\">$id.desktop</launchable>"
application=$source_dir/ui/shell/Application.cpp
if [ -f "$application" ] && ! grep -qF "setDesktopFileName(QStringLiteral(\"$id\"))" "$application"; then
    fail "$application: the window must call QGuiApplication::setDesktopFileName(QStringLiteral(\"$id\")) (the \
Wayland app id that finds $id.desktop)"
fi

icon=$(sed -n 's/^Icon=//p' "$desktop")
[ "$icon" = privacydesk ] || fail "$desktop: Icon=$icon, expected privacydesk (the installed icons' name)"
# A PNG's width and height are the big-endian 32-bit numbers at bytes 16 and 20 (the IHDR chunk).
for size in "${sizes[@]}"; do
    png=$icons/hicolor/${size}x$size/privacydesk.png
    if [ ! -f "$png" ]; then
        fail "missing $png"
        continue
    fi
    dimensions=$(od -A n -t u1 -j 16 -N 8 "$png" \
        | awk '{ printf "%dx%d", (($1 * 256 + $2) * 256 + $3) * 256 + $4, (($5 * 256 + $6) * 256 + $7) * 256 + $8 }')
    [ "$dimensions" = "${size}x$size" ] || fail "$png is $dimensions, expected ${size}x$size"
done

project_version=$(sed -n 's/^project([A-Za-z]* VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
changelog_version=$(sed -n '1s/^privacydesk (\([^)]*\)).*/\1/p' "$linux/changelog")
release_version=$(grep -m1 -o '<release version="[^"]*"' "$metainfo" | sed 's/.*"\(.*\)"/\1/')
[ -n "$project_version" ] || fail "no VERSION in the project() line of $source_dir/CMakeLists.txt"
[ "$changelog_version" = "$project_version" ] \
    || fail "$linux/changelog: the top entry is '$changelog_version', the project is $project_version (add an entry)"
[ "$release_version" = "$project_version" ] \
    || fail "$metainfo: the newest <release> is '$release_version', the project is $project_version (add one)"

# --- Depends against what the binaries link -----------------------------------------------------------------------
if [ -n "$build_dir" ]; then
    binaries=("$build_dir/ui/privacydesk" "$build_dir/app/privacydesk-cli")
    config=$build_dir/CPackConfig.cmake
    if ! command -v dpkg-shlibdeps >/dev/null 2>&1; then
        echo "note: dpkg-shlibdeps (package dpkg-dev) not installed: Depends not checked against the binaries"
    elif [ ! -f "$config" ] || [ ! -x "${binaries[0]}" ] || [ ! -x "${binaries[1]}" ]; then
        echo "note: $build_dir has no CPackConfig.cmake or binaries: Depends not checked against the binaries"
    else
        depends=$(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_DEPENDS "\(.*\)")$/\1/p' "$config")
        mkdir -p "$work/shlibs/debian"
        printf 'Source: privacydesk\n\nPackage: privacydesk\nArchitecture: any\n' >"$work/shlibs/debian/control"
        if ! output=$(cd "$work/shlibs" && dpkg-shlibdeps -O "${binaries[@]}" 2>"$work/shlibdeps.err"); then
            fail "dpkg-shlibdeps failed: $(cat "$work/shlibdeps.err")"
        else
            # "a (>= 1), b | c (>= 2)": one package name a line, versions dropped.
            names() { sed 's/^shlibs:Depends=//; s/[,|]/\n/g' | sed 's/([^)]*)//; s/^ *//; s/ *$//' | grep -v '^$'; }
            listed=$(names <<<"$depends")
            for package in $(names <<<"$output"); do
                grep -qxF "$package" <<<"$listed" \
                    || fail "the binaries link a library of $package, which CPACK_DEBIAN_PACKAGE_DEPENDS \
(packaging/CMakeLists.txt) does not list"
            done
        fi
    fi
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "desktop entry, AppStream metadata, man pages, icons and versions of the package are valid"
