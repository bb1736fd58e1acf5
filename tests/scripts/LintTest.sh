#!/usr/bin/env bash
# ctest: scripts/lint.sh passes a clean tree and names each planted violation in a spoiled one (run on small trees
# in a temporary folder, so that it takes a second).
#   LintTest.sh REPOSITORY
set -euo pipefail

repo=${1:?usage: LintTest.sh REPOSITORY}
lint=$repo/scripts/lint.sh
work=$(mktemp -d "${TMPDIR:-/tmp}/privacydesk-lint-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# A small tree that keeps every rule: a domain header, a storage file including it, a ui page including both.
make_tree() {
    local tree=$1
    mkdir -p "$tree/app/domain" "$tree/app/storage" "$tree/app/subjects" "$tree/ui/common" "$tree/ui/subjects"
    cp "$repo/.clang-format" "$tree/"
    printf '#pragma once\n\nnamespace pd {\nint answer();\n} // namespace pd\n' >"$tree/app/domain/Answer.h"
    printf '#include "app/domain/Answer.h"\n\nint pd::answer()\n{\n    return 42;\n}\n' >"$tree/app/storage/Store.cpp"
    printf '#pragma once\n\nnamespace pd {\nint hidden();\n} // namespace pd\n' >"$tree/app/subjects/Steps_p.h"
    printf '#include "app/domain/Answer.h"\n#include "app/subjects/Steps_p.h"\n\n#include <QObject>\n' \
        >"$tree/app/subjects/Service.cpp"
    printf '#include "app/domain/Answer.h"\n\n#include <QLabel>\n' >"$tree/ui/common/Page.cpp"
}

# expect_problem TREE TEXT: lint fails on TREE and one of its lines contains TEXT.
expect_problem() {
    local tree=$1 text=$2 output status=0
    output=$("$lint" "$tree" 2>&1) || status=$?
    if [ "$status" -ne 1 ]; then
        fail "expected exit 1 for '$text', got $status: $output"
    elif ! grep -qF -- "$text" <<<"$output"; then
        fail "expected a line with '$text', got: $output"
    fi
}

clean=$work/clean
make_tree "$clean"
if ! output=$("$lint" "$clean" 2>&1); then
    fail "a clean tree was refused: $output"
fi

tree=$work/sql-in-ui
make_tree "$tree"
printf '#include <QSqlQuery>\n' >>"$tree/ui/common/Page.cpp"
expect_problem "$tree" "ui/common/Page.cpp:4: include <QSqlQuery>: ui/ never talks SQL"

tree=$work/long-file
make_tree "$tree"
for _ in $(seq 601); do echo "// line"; done >"$tree/app/domain/Long.h"
expect_problem "$tree" "app/domain/Long.h:601: 601 lines"

tree=$work/upward
make_tree "$tree"
printf '#include "app/subjects/Service.h"\n' >>"$tree/app/storage/Store.cpp"
expect_problem "$tree" "app/storage/Store.cpp:7: include \"app/subjects/Service.h\": app/storage may not include app/subjects"

tree=$work/private-header
make_tree "$tree"
printf '#include "app/subjects/Steps_p.h"\n' >>"$tree/ui/common/Page.cpp"
expect_problem "$tree" "a private header (_p.h) belongs to app/subjects alone"

tree=$work/widget-in-app
make_tree "$tree"
printf '#include <QWidget>\n' >>"$tree/app/subjects/Service.cpp"
expect_problem "$tree" "app/subjects/Service.cpp:5: include <QWidget>: app/ never includes a widget header"

tree=$work/unformatted
make_tree "$tree"
printf 'int  spoiled ;\n' >>"$tree/app/domain/Answer.h"
expect_problem "$tree" "app/domain/Answer.h:6: not formatted"

tree=$work/contextless
make_tree "$tree"
printf 'void wire(QObject *a)\n{\n    QObject::connect(a, &QObject::destroyed, [] {});\n}\n' >>"$tree/app/subjects/Service.cpp"
expect_problem "$tree" "app/subjects/Service.cpp:7: connect() to a lambda without a context object"

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "lint.sh passed the clean tree and found all 7 planted violations"
