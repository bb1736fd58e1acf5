#!/usr/bin/env bash
# Checks the written rules of CONTRIBUTING.md and docs/architecture.md in a few seconds, before anything is built:
#   - formatting: every C++ file as the committed .clang-format wants it (clang-format --dry-run);
#   - layering: includes run one way between the folders (docs/architecture.md), a *_p.h header is included only
#     by its own folder, ui/ never names Qt SQL, app/ never includes a widget header;
#   - size: no C++ file over 600 lines;
#   - connections: every connect() to a lambda names a context object (QT_NO_CONTEXTLESS_CONNECT checks this
#     from Qt 6.7; Debian 12 has 6.4).
# Prints one line per problem (file:line: what) and exits 1 when there is any.
#   scripts/lint.sh [--no-format] [DIR]     DIR: the tree to check (default: this repository)
# scripts/test.sh runs it first; `cmake --build build --target format` fixes the formatting.
set -euo pipefail

format=1
root=
for argument in "$@"; do
    case "$argument" in
    --no-format) format=0 ;;
    -h | --help)
        sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    -*)
        echo "lint.sh: unknown option $argument" >&2
        exit 2
        ;;
    *) root=$argument ;;
    esac
done
[ -n "$root" ] || root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || {
    echo "lint.sh: cannot enter $root" >&2
    exit 2
}

# The C++ files of the tree: tracked and new ones when it is a git work tree, else every file on disk.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && [ "$(git rev-parse --show-toplevel)" = "$(pwd -P)" ]; then
    mapfile -t files < <(git ls-files --cached --others --exclude-standard -- 'app/*.h' 'app/*.cpp' 'ui/*.h' \
        'ui/*.cpp' 'tests/*.h' 'tests/*.cpp' | while read -r f; do [ -f "$f" ] && echo "$f"; done | sort -u)
else
    mapfile -t files < <(find app ui tests -type f \( -name '*.h' -o -name '*.cpp' \) 2>/dev/null | sort)
fi
if [ "${#files[@]}" -eq 0 ]; then
    echo "lint.sh: no C++ files under $root" >&2
    exit 2
fi

problems=$(mktemp)
trap 'rm -f "$problems"' EXIT

# --- Formatting ------------------------------------------------------------------------------------------------------
if [ "$format" = 1 ]; then
    if ! command -v clang-format >/dev/null 2>&1; then
        echo "lint.sh: clang-format not found (Debian package clang-format; or run with --no-format)" >&2
        exit 2
    fi
    # One line per file that differs; clang-format names the first place.
    printf '%s\0' "${files[@]}" | xargs -0 -n 25 -P "$(nproc 2>/dev/null || echo 2)" \
        clang-format --dry-run --Werror 2>&1 |
        grep -E '^[^ ]+:[0-9]+:[0-9]+: (error|warning):' |
        awk -F: '!seen[$1]++ { printf "%s:%s: not formatted as .clang-format wants (cmake --build build --target format)\n", $1, $2 }' \
            >>"$problems" || true
fi

# --- Size ------------------------------------------------------------------------------------------------------------
for f in "${files[@]}"; do
    lines=$(wc -l <"$f")
    if [ "$lines" -gt 600 ]; then
        echo "$f:$lines: $lines lines: split it (no C++ file over 600 lines)" >>"$problems"
    fi
done

# --- Layering, Qt SQL in ui/, widgets in app/, contextless connects ----------------------------------------------------
# Widget headers are every header of Qt Widgets, Charts and Print Support, read from the installed Qt when there is
# one (the usual ones otherwise).
widget_headers=$(
    for module in QtWidgets QtCharts QtPrintSupport; do
        for dir in /usr/include/*/qt6/"$module" /usr/include/qt6/"$module"; do
            if [ -d "$dir" ]; then ls "$dir"; fi
        done
    done 2>/dev/null | grep -E '^Q[A-Za-z0-9]+$' | sort -u | tr '\n' ' ' || true
)
[ -n "$widget_headers" ] || widget_headers="QWidget QDialog QMessageBox QApplication QMainWindow QLabel QLineEdit \
QPushButton QTableView QTreeView QComboBox QFileDialog QInputDialog QChart QChartView QPrinter QPrintDialog"

source_files=()
for f in "${files[@]}"; do
    case "$f" in app/* | ui/*) source_files+=("$f") ;; esac
done

if [ "${#source_files[@]}" -gt 0 ]; then
    awk -v widgets="$widget_headers" '
    BEGIN {
        n = split(widgets, list, " ")
        for (i = 1; i <= n; i++) widget[list[i]] = 1
        # The arrows of docs/architecture.md: a folder may include its own headers and those of folders with a lower
        # rank. Folders of one rank do not include each other.
        rank["app/domain"] = 0;   rank["app/storage"] = 1;  rank["app/access"] = 2;   rank["app/policy"] = 3
        rank["app/subjects"] = 4; rank["app/requests"] = 5; rank["app/retention"] = 6; rank["app/breaches"] = 6
        rank["app/approvals"] = 7
        rank["app/reports"] = 8;  rank["app/demo"] = 8;     rank["app/cli"] = 9
        rank["ui/common"] = 10;   rank["ui/bulk"] = 11
        rank["ui/subjects"] = 12; rank["ui/requests"] = 12; rank["ui/dashboard"] = 12; rank["ui/audit"] = 12
        rank["ui/policy"] = 12;   rank["ui/tools"] = 12;    rank["ui/reports"] = 12;    rank["ui/settings"] = 12.5; rank["ui/shell"] = 13;      rank["ui/main"] = 14
    }
    function folder(path,    parts, k) {
        k = split(path, parts, "/")
        if (k == 2) return parts[1] "/main"   # ui/main.cpp
        return parts[1] "/" parts[2]
    }
    function problem(text) { printf "%s:%d: %s\n", FILENAME, FNR, text }
    FNR == 1 {
        from = folder(FILENAME)
        if (!(from in rank)) problem("folder " from " is not in the layering of docs/architecture.md (scripts/lint.sh)")
        joined = ""
    }
    /^[ \t]*#[ \t]*include[ \t]*"/ {
        target = $0
        sub(/^[^"]*"/, "", target); sub(/".*$/, "", target)
        to = folder(target)
        if (to == from) next
        if (!(to in rank)) {
            problem("include \"" target "\": name headers by their path from the repository root (app/... or ui/...)")
            next
        }
        if (target ~ /_p\.h$/) {
            problem("include \"" target "\": a private header (_p.h) belongs to " to " alone")
        } else if (from ~ /^app\// && to ~ /^ui\//) {
            problem("include \"" target "\": app/ never includes ui/")
        } else if (from ~ /^ui\// && (to == "app/cli" || to == "app/demo")) {
            problem("include \"" target "\": the GUI links neither the command line nor the demo generator")
        } else if (rank[to] >= rank[from]) {
            problem("include \"" target "\": " from " may not include " to ": includes point down the layers (docs/architecture.md)")
        }
        next
    }
    /^[ \t]*#[ \t]*include[ \t]*</ {
        header = $0
        sub(/^[^<]*</, "", header); sub(/>.*$/, "", header)
        base = header; sub(/^.*\//, "", base)
        if (FILENAME ~ /^ui\// && base ~ /^QSql/) problem("include <" header ">: ui/ never talks SQL: ask a service in app/")
        if (FILENAME ~ /^app\// && (header ~ /^Qt(Widgets|Charts|PrintSupport)\// || base in widget))
            problem("include <" header ">: app/ never includes a widget header")
        next
    }
    FILENAME ~ /^ui\// && /QSql/ && !/^[ \t]*\/\// { problem("ui/ names Qt SQL (" $0 "): ask a service in app/") }
    /QLatin1(String|Char|StringView)\([^)]*\\u[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]/ {
        problem("a \\u escape in QLatin1String is UTF-8 read as Latin-1 (mojibake): use QStringLiteral")
    }
    ' "${source_files[@]}" >>"$problems"
fi

# connect(sender, &Class::signal, [lambda]) without a context object, anywhere in the C++ files.
for f in "${files[@]}"; do
    { grep -Pzbo 'connect\(\s*[^,;(){}]+(\([^()]*\))?,\s*&[\w:]+,\s*\[' "$f" 2>/dev/null || true; } | tr '\0' '\n' |
        { grep -aoE '^[0-9]+:' || true; } | tr -d : | while read -r offset; do
        line=$(($(head -c "$offset" "$f" | wc -l) + 1))
        echo "$f:$line: connect() to a lambda without a context object: name the object whose lifetime ends it"
    done >>"$problems"
done

if [ -s "$problems" ]; then
    sort -u "$problems"
    echo "lint.sh: $(sort -u "$problems" | wc -l) problem(s) in ${#files[@]} files" >&2
    exit 1
fi
echo "lint.sh: ${#files[@]} files checked: formatting, layering, sizes, connections"
