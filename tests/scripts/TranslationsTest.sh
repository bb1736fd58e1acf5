#!/usr/bin/env bash
# ctest: every text of the program is translated. Fails when a committed .ts file has an unfinished entry, and when
# lupdate, run over the sources into copies of the .ts files, finds a text the committed files lack (or one they
# keep that the sources no longer have).
#   TranslationsTest.sh REPOSITORY LUPDATE LUPDATE_PROJECT_CMAKE GENERATE_LUPDATE_PROJECT_SCRIPT
set -euo pipefail

repo=${1:?usage: TranslationsTest.sh REPOSITORY LUPDATE PROJECT.cmake GenerateLUpdateProject.cmake}
lupdate=${2:?lupdate}
project_in=${3:?project}
generate=${4:?GenerateLUpdateProject.cmake}
work=$(mktemp -d "${TMPDIR:-/tmp}/privacydesk-translations-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

# Unfinished entries of a message, as "source" lines; in English only plural forms are translated (the other texts
# are their own English).
unfinished() {
    awk -v plural_only="$2" '
        /<message/ { numerus = ($0 ~ /numerus="yes"/); source = "" }
        /<source>/ { source = $0 }
        /type="unfinished"/ { if (!plural_only || numerus) print source }
    ' "$1"
}

for ts in "$repo"/translations/*.ts; do
    plural_only=0
    [ "$(basename "$ts")" = privacydesk_en.ts ] && plural_only=1
    count=$(unfinished "$ts" "$plural_only" | wc -l)
    if [ "$count" -ne 0 ]; then
        echo "FAIL: $(basename "$ts") has $count unfinished entries, e.g.:"
        unfinished "$ts" "$plural_only" | head -5 | sed 's/^ */    /'
        failures=$((failures + 1))
    fi
    cp "$ts" "$work/"
done

# The project lupdate reads (sources, include paths, .ts files), pointed at the copies.
cmake -DIN_FILE="$project_in" -DOUT_FILE="$work/project.json" -P "$generate"
sed -i "s|\"$repo/translations/|\"$work/|g" "$work/project.json"
if ! grep -q "\"$work/privacydesk_ru.ts\"" "$work/project.json"; then
    echo "FAIL: the lupdate project does not name translations/privacydesk_ru.ts"
    exit 1
fi
"$lupdate" -silent -project "$work/project.json" -no-obsolete -locations none

for ts in "$repo"/translations/*.ts; do
    copy=$work/$(basename "$ts")
    if ! cmp -s "$ts" "$copy"; then
        echo "FAIL: lupdate changes $(basename "$ts"): texts of the sources are missing from it or left over in it:"
        diff "$ts" "$copy" | grep '^[<>].*<source>' | head -10 | sed 's/^/    /'
        failures=$((failures + 1))
    fi
done

if [ "$failures" -ne 0 ]; then
    echo "$failures problem(s); run: cmake --build build --target update_translations, then translate."
    exit 1
fi
echo "every text is translated in $(ls "$repo"/translations/*.ts | wc -l) languages"
