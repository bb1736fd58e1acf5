#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Benchmarks Privacy Desk at scale and puts every figure beside the sqlite3 shell doing the same work.
#   scripts/bench.sh [extra privacydesk_bench options, e.g. --benchmark_filter=search]
# Environment: BENCH_SUBJECTS (default 1000000), BENCH_DIR (default build-bench/bench-data),
#              BENCH_REQUESTS (requests of the dashboard database, default 100000; 0 leaves the dashboard out),
#              BENCH_DASHBOARD_SUBJECTS (its subjects, default 5000),
#              BENCH_REUSE=1 (keep an existing bench.sqlite of the same size: no generation figures),
#              BENCH_BULK (subjects of the bulk anonymization and deletion, default 100000; 0 leaves them out),
#              BENCH_IMPORT (rows of the import figure, default BENCH_SUBJECTS; 0 leaves it out),
#              BENCH_PG_URL (an administrator's URL of a PostgreSQL server, e.g. the one scripts/pg-server.sh starts:
#              the bulk figures again there, beside psql; its database pdbench is made once and kept for BENCH_REUSE),
#              PRIVACYDESK_JOBS, PRIVACYDESK_SKIP_DEPS=1 (as in scripts/test.sh).
# Figures: demo data generation (wall seconds), then the Subjects list through pd::SubjectDirectory (Google
# Benchmark medians of 5 repetitions) against the same SQL in the sqlite3 shell (median of 5 runs), a refresh of
# the Dashboard (pd::RequestStats) over a second database of BENCH_REQUESTS requests against its statements, bulk
# anonymization and deletion against set-based statements, and the parsing of a profile of 100,000 purposes.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/deps.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/deps.sh"
# shellcheck source=lib/sqlite-bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/sqlite-bench.sh"
# shellcheck source=lib/bulk-sql.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/bulk-sql.sh"
trap sqlite_bench_done EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

subjects=${BENCH_SUBJECTS:-1000000}
[[ "$subjects" =~ ^[1-9][0-9]*$ ]] || pd_die "BENCH_SUBJECTS must be a whole number above 0, got '$subjects'"
build=$PD_ROOT/build-bench
dir=${BENCH_DIR:-$build/bench-data}
cli=$build/app/privacydesk-cli
bench=$build/tests/bench/privacydesk_bench
db=$dir/bench.sqlite

pd_install_packages "${PD_PACKAGES[@]}"
pd_say "configuring a Release build in $build"
pd_configure "$build" -DCMAKE_BUILD_TYPE=Release -DPRIVACYDESK_BUILD_BENCH=ON -DPRIVACYDESK_BUILD_TESTS=OFF >/dev/null
pd_say "building privacydesk-cli and privacydesk_bench"
cmake --build "$build" -j "$(pd_jobs)" --target privacydesk-cli privacydesk_bench
mkdir -p "$dir"

sq() {
    sqlite3 -batch -bail "$@"
}

remove_db() {
    rm -f "$1" "$1-wal" "$1-shm" "$1-journal"
}

# --- Demo data: ours, then the sqlite3 shell inserting as many subjects and items into the same schema -------------
ours_demo_s=
sqlite_demo_s=
if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$db" ] && [ "$(sq "$db" 'SELECT COUNT(*) FROM subjects' 2>/dev/null)" = "$subjects" ]; then
    pd_say "reusing $db ($subjects subjects): no generation figures"
else
    remove_db "$db"
    pd_say "generating $subjects demo subjects into $db"
    t0=$(pd_now)
    "$cli" --db "sqlite:$db" demo --subjects "$subjects" --seed 1 </dev/null \
        || pd_die "privacydesk-cli demo failed (see above)"
    ours_demo_s=$(pd_elapsed "$t0")
fi
counts=$(sq "$db" "SELECT (SELECT COUNT(*) FROM subjects), (SELECT COUNT(*) FROM pd_items),
    (SELECT COUNT(*) FROM consents), (SELECT COUNT(*) FROM disclosures), (SELECT COUNT(*) FROM requests)")
IFS='|' read -r n_subjects n_items n_consents n_disclosures n_requests <<<"$counts"
[ "$n_subjects" -gt 0 ] || pd_die "$db holds no subjects"

if [ -n "$ours_demo_s" ]; then
    plain=$dir/sqlite3-demo.sqlite
    remove_db "$plain"
    "$cli" --db "sqlite:$plain" init >/dev/null </dev/null || pd_die "privacydesk-cli init failed (see above)"
    pd_say "sqlite3 shell: inserting $n_subjects subjects and $n_items data items into an empty copy of the schema"
    sq "$plain" "$(sqlite_demo_setup_sql)" >/dev/null
    t0=$(pd_now)
    sq "$plain" "$(sqlite_demo_sql "$n_subjects" "$n_items")" >/dev/null
    sqlite_demo_s=$(pd_elapsed "$t0")
    [ "$(sq "$plain" 'SELECT COUNT(*) FROM subjects')" = "$n_subjects" ] || pd_die "the sqlite3 demo insert came up short"
    remove_db "$plain"
fi

# --- The Subjects list: Google Benchmark through the core, and the same statements in the sqlite3 shell ------------
deep_offset=$((n_subjects * 9 / 10))
mapfile -t emails < <(sq "$db" "$(sqlite_sample_emails_sql)")
[ "${#emails[@]}" -gt 0 ] || pd_warn "no e-mails with a local part of five characters or more: no search figures"

pd_say "running privacydesk_bench (5 repetitions of each figure)"
csv=$dir/privacydesk_bench.csv
PRIVACYDESK_BENCH_DB="sqlite:$db" PRIVACYDESK_BENCH_DEEP_OFFSET=$deep_offset PRIVACYDESK_BENCH_EMAILS="${emails[*]}" \
    "$bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_filter='^(subjects|search|profile|retention)/|^records/(search_name|search_ip|open_subject)' \
    --benchmark_out="$csv" --benchmark_out_format=csv "$@" \
    || pd_die "privacydesk_bench failed (see above)"
# Percentiles are counters of their own benchmark; Google Benchmark's CSV wants the same counters in every row.
mix_csv=$dir/privacydesk_bench_mix.csv
PRIVACYDESK_BENCH_DB="sqlite:$db" "$bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_filter='^records/search_mix' --benchmark_out="$mix_csv" --benchmark_out_format=csv \
    || pd_die "privacydesk_bench failed (see above)"

# Median real time in ms of one benchmark from the CSV ("name_median",iterations,real_time,cpu_time,time_unit,...);
# the CSV is $csv unless a second argument names another.
ours_ms() {
    awk -F, -v name="\"$1/real_time_median\"" '$1 == name && $9 == "" {
        f = ($5 == "ns") ? 1e-6 : ($5 == "us") ? 1e-3 : ($5 == "s") ? 1e3 : 1
        printf "%.3f", $3 * f; found = 1 }
        END { if (!found) print "-" }' "${2:-$csv}"
}

pd_say "timing the same statements in the sqlite3 shell"
sqlite_bench_init "$db"
declare -A ours sqlite3ms
ours[count]=$(ours_ms subjects/count)
sqlite3ms[count]=$(sqlite_bench_ms 1 "$(sqlite_count_sql '')")
ours[first_id]=$(ours_ms subjects/first_page_by_id)
sqlite3ms[first_id]=$(sqlite_bench_ms 1 "$(sqlite_page_sql '' 's.id' 0)")
ours[first_name]=$(ours_ms subjects/first_page_by_name)
sqlite3ms[first_name]=$(sqlite_bench_ms 1 "$(sqlite_page_sql '' 's.name_key, s.id' 0)")
ours[deep]=$(ours_ms subjects/deep_page)
sqlite3ms[deep]=$(sqlite_bench_ms 1 "$(sqlite_keyset_page_sql s.id "$deep_offset")")
ours[deep_name]=$(ours_ms subjects/deep_page_by_name)
sqlite3ms[deep_name]=$(sqlite_bench_ms 1 "$(sqlite_keyset_page_sql s.name_key "$deep_offset")")
sqlite3ms[deep_offset]=$(sqlite_bench_ms 1 "$(sqlite_page_sql '' 's.name_key, s.id' "$deep_offset")")
ours[profile]=$(ours_ms profile/parse_100k)
ours[retention]=$(ours_ms retention/preview/iterations:1)
if [ "${#emails[@]}" -gt 0 ]; then
    at_sql=''
    prefix_sql=''
    for email in "${emails[@]}"; do
        where=$(sqlite_search_where "${email%%@*}@")
        at_sql+="$(sqlite_count_sql "$where")$(sqlite_page_sql "$where" 's.id' 0)"
        where=$(sqlite_search_where "${email:0:5}")
        prefix_sql+="$(sqlite_count_sql "$where")$(sqlite_page_sql "$where" 's.id' 0)"
    done
    ours[email_at]=$(ours_ms search/email_at)
    sqlite3ms[email_at]=$(sqlite_bench_ms "${#emails[@]}" "$at_sql")
    ours[prefix5]=$(ours_ms search/prefix5)
    sqlite3ms[prefix5]=$(sqlite_bench_ms "${#emails[@]}" "$prefix_sql")
fi

# --- The records workspace: search by surname and IP, opening a subject, bulk anonymization --------------------------
# The same samples as tests/bench/RecordsBench.cpp: every 997th active subject with a phone, the first 60.
sample_sql="SELECT s.id, s.display_name, (SELECT value FROM pd_items WHERE subject_id = s.id AND field = 'ip') \
FROM subjects s WHERE s.state = 'active' AND s.id % 997 = 0 AND s.phone <> '' LIMIT 60"
mapfile -t samples < <(sq "$db" "$sample_sql")
surname_sql=''
ip_sql=''
open_sql=''
for sample in "${samples[@]}"; do
    IFS='|' read -r sid sname sip <<<"$sample"
    where=$(sqlite_search_where "${sname##* }")
    surname_sql+="$(sqlite_count_sql "$where")$(sqlite_page_sql "$where" 's.name_key, s.id' 0)"
    where=$(sqlite_search_where "${sip%.*}")
    ip_sql+="$(sqlite_count_sql "$where")$(sqlite_page_sql "$where" 's.name_key, s.id' 0)"
    open_sql+="SELECT * FROM subjects WHERE id = $sid; SELECT * FROM pd_items WHERE subject_id = $sid; \
SELECT * FROM consents WHERE subject_id = $sid; SELECT * FROM disclosures WHERE subject_id = $sid; \
SELECT * FROM requests WHERE subject_id = $sid; SELECT * FROM audit_log WHERE subject_id = $sid ORDER BY id DESC LIMIT 500;"
done
ours_counter() { # benchmark counter
    awk -F, -v name="\"$1\"" -v col="$2" '$1 == "name" { for (i = 1; i <= NF; i++) if ($i == "\"" col "\"" || $i == col) c = i }
        $1 == name { printf "%.3f", $c; found = 1 } END { if (!found) print "-" }' "$mix_csv"
}
if [ "${#samples[@]}" -gt 0 ]; then
    ours[surname]=$(ours_ms records/search_name)
    sqlite3ms[surname]=$(sqlite_bench_ms "${#samples[@]}" "$surname_sql")
    ours[ip]=$(ours_ms records/search_ip)
    sqlite3ms[ip]=$(sqlite_bench_ms "${#samples[@]}" "$ip_sql")
    ours[open]=$(ours_ms records/open_subject)
    sqlite3ms[open]=$(sqlite_bench_ms "${#samples[@]}" "$open_sql")
    ours[p50]=$(ours_counter "records/search_mix/iterations:1/real_time_median" p50_ms)
    ours[p95]=$(ours_counter "records/search_mix/iterations:1/real_time_median" p95_ms)
fi

# --- The dashboard: every figure of one refresh, over a register of BENCH_REQUESTS requests --------------------------
requests=${BENCH_REQUESTS:-100000}
dash_subjects=${BENCH_DASHBOARD_SUBJECTS:-5000}
[[ "$requests" =~ ^[0-9]+$ ]] || pd_die "BENCH_REQUESTS must be a whole number, got '$requests'"
if [ "$requests" -gt 0 ]; then
    dash_db=$dir/dashboard.sqlite
    if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$dash_db" ] \
        && [ "$(sq "$dash_db" 'SELECT COUNT(*) FROM requests' 2>/dev/null)" = "$requests" ]; then
        pd_say "reusing $dash_db ($requests requests)"
    else
        remove_db "$dash_db"
        pd_say "generating $requests demo requests of $dash_subjects subjects into $dash_db"
        "$cli" --db "sqlite:$dash_db" demo --subjects "$dash_subjects" --requests "$requests" --seed 1 </dev/null \
            >/dev/null || pd_die "privacydesk-cli demo failed (see above)"
    fi
    dash_csv=$dir/dashboard.csv
    PRIVACYDESK_BENCH_DB="sqlite:$dash_db" "$bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
        --benchmark_filter='^dashboard/' --benchmark_out="$dash_csv" --benchmark_out_format=csv >/dev/null \
        || pd_die "the dashboard benchmark failed"
    ours[dashboard]=$(ours_ms dashboard/refresh "$dash_csv")
    sqlite_bench_done
    sqlite_bench_init "$dash_db"
    sqlite3ms[dashboard]=$(sqlite_bench_ms 1 "$(sqlite_dashboard_sql "$(date +%F)" 12)")
    # The request register of every request: built, and written as CSV, XLSX and PDF (one run per repetition).
    report_csv=$dir/reports.csv
    PRIVACYDESK_BENCH_DB="sqlite:$dash_db" "$bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
        --benchmark_filter='^reports/' --benchmark_out="$report_csv" --benchmark_out_format=csv >/dev/null \
        || pd_die "the report benchmark failed"
    for format in build csv xlsx pdf; do
        ours[report_$format]=$(ours_ms "reports/requests-$format" "$report_csv")
    done
    # The shell writing the same requests, joined with their operators, as CSV.
    sqlite3ms[report_csv]=$(sqlite_bench_ms 1 ".mode csv
.output /dev/null
SELECT r.*, io.display_name, ao.display_name, s.state FROM requests r LEFT JOIN subjects s ON s.id = r.subject_id
  LEFT JOIN operators io ON io.id = r.identity_checked_by LEFT JOIN operators ao ON ao.id = r.assignee_id
  ORDER BY r.received_at, r.id;
.output stdout")
fi

# --- Bulk anonymization and deletion, each on a fresh copy of the database -------------------------------------------
bulk=${BENCH_BULK:-100000}
[[ "$bulk" =~ ^[0-9]+$ ]] || pd_die "BENCH_BULK must be a whole number, got '$bulk'"
copy=$dir/bulk.sqlite
fresh_copy() {
    remove_db "$copy"
    sqlite3 "$db" ".backup '$copy'"
}
# Seconds of one benchmark run (iterations:1) from a CSV.
ours_s() {
    awk -F, -v name="\"$1/iterations:1/real_time\"" '$1 == name {
        f = ($5 == "ns") ? 1e-9 : ($5 == "us") ? 1e-6 : ($5 == "ms") ? 1e-3 : 1
        printf "%.1f", $3 * f; found = 1 } END { if (!found) print "-" }' "$2"
}
if [ "$bulk" -gt 0 ]; then
    for kind in anonymize delete; do
        pd_say "bulk $kind of $bulk subjects, on copies of the database"
        fresh_copy
        PRIVACYDESK_BENCH_DB="sqlite:$copy" PRIVACYDESK_BENCH_BULK=$bulk "$bench" --benchmark_filter="records/bulk_$kind" \
            --benchmark_out="$dir/bulk_$kind.csv" --benchmark_out_format=csv >/dev/null || pd_die "the bulk benchmark failed"
        ours[bulk_$kind]=$(ours_s "records/bulk_$kind" "$dir/bulk_$kind.csv")
        fresh_copy
        t0=$(pd_now)
        "sqlite_bulk_${kind}_sql" "$bulk" | sq "$copy" >/dev/null
        sqlite3ms[bulk_$kind]=$(pd_elapsed "$t0" | awk '{ printf "%.1f", $1 }')
    done
    remove_db "$copy"
fi

# --- The same on PostgreSQL, beside psql ------------------------------------------------------------------------------
declare -A pg_ours=() pg_psql=()
pg_ran=0
if [ -n "${BENCH_PG_URL:-}" ] && [ "$bulk" -gt 0 ]; then
    pg_ran=1
    pg_admin=$BENCH_PG_URL
    pg_base=${pg_admin%/*}
    pg_db=$pg_base/pdbench
    pg_copy=$pg_base/pdbulk
    psql_admin() {
        psql -X -q -v ON_ERROR_STOP=1 "$pg_admin" "$@" >/dev/null
    }
    pg_count=$(psql -X -At "$pg_db" -c 'SELECT COUNT(*) FROM subjects' 2>/dev/null || true)
    if [ "${BENCH_REUSE:-0}" != 1 ] || [ "$pg_count" != "$n_subjects" ]; then
        pd_say "PostgreSQL: generating $n_subjects demo subjects into pdbench (minutes at a million)"
        psql_admin -c 'DROP DATABASE IF EXISTS pdbench' -c 'CREATE DATABASE pdbench'
        "$cli" --db "$pg_db" demo --subjects "$n_subjects" --seed 1 </dev/null >/dev/null \
            || pd_die "privacydesk-cli demo failed on PostgreSQL (see above)"
    fi
    pg_fresh_copy() {
        psql_admin -c 'DROP DATABASE IF EXISTS pdbulk' -c 'CREATE DATABASE pdbulk TEMPLATE pdbench'
    }
    for kind in anonymize delete; do
        pd_say "PostgreSQL: bulk $kind of $bulk subjects, on copies of pdbench"
        pg_fresh_copy
        PRIVACYDESK_BENCH_DB="$pg_copy" PRIVACYDESK_BENCH_BULK=$bulk "$bench" --benchmark_filter="records/bulk_$kind" \
            --benchmark_out="$dir/pg_bulk_$kind.csv" --benchmark_out_format=csv >/dev/null \
            || pd_die "the bulk benchmark failed on PostgreSQL"
        pg_ours[$kind]=$(ours_s "records/bulk_$kind" "$dir/pg_bulk_$kind.csv")
        pg_fresh_copy
        t0=$(pd_now)
        "bulk_${kind}_sql" "$bulk" | psql -X -q -v ON_ERROR_STOP=1 "$pg_copy" >/dev/null \
            || pd_die "psql failed on the bulk $kind statements"
        pg_psql[$kind]=$(pd_elapsed "$t0" | awk '{ printf "%.1f", $1 }')
    done
    psql_admin -c 'DROP DATABASE IF EXISTS pdbulk'
fi

# --- Report -----------------------------------------------------------------------------------------------------------
size_mb=$(stat -c %s "$db" | awk '{ printf "%.1f", $1 / 1048576 }')
# --- Import: a CSV of BENCH_IMPORT rows through `import subjects`, beside `.import` of the same file ---------------
import_rows=${BENCH_IMPORT:-$subjects}
[[ "$import_rows" =~ ^[0-9]+$ ]] || pd_die "BENCH_IMPORT must be a whole number, got '$import_rows'"
if [ "$import_rows" -gt 0 ]; then
    import_csv=$dir/import-$import_rows.csv
    if [ ! -f "$import_csv" ]; then
        pd_say "writing $import_csv ($import_rows made-up rows)"
        awk -v n="$import_rows" 'BEGIN {
            split("Anna Ivan Olga Pavel Maria Sergei Alesia Dmitry Elena Nikolai", first, " ")
            split("Petrova Ivanov Novak Kavalenka Sidorov Muller Schmidt Navitski Smirnova Kuznetsov", last, " ")
            print "full_name,email,phone,external_id,city,ip"
            for (i = 1; i <= n; i++) {
                f = first[i % 10 + 1]; l = last[int(i / 10) % 10 + 1]
                printf "%s %s,%s.%d@example.org,+375 29 %03d-%02d-%02d,X-%d,Minsk,10.%d.%d.%d\n", f, l, tolower(f), i,
                    i % 1000, i % 100, int(i / 100) % 100, i, i % 256, int(i / 256) % 256, i % 200 + 1
            }
        }' >"$import_csv"
    fi
    import_template=$dir/import-template.sqlite
    if [ ! -f "$import_template" ]; then
        "$cli" --db "sqlite:$import_template" demo --subjects 1 >/dev/null || pd_die "cannot make $import_template"
    fi
    import_db=$dir/import-run.sqlite
    pd_say "importing $import_rows rows with privacydesk-cli import subjects"
    remove_db "$import_db"
    cp "$import_template" "$import_db"
    t0=$(pd_now)
    PRIVACYDESK_PASSWORD=officer-demo-2026 "$cli" --db "sqlite:$import_db" --operator officer import subjects \
        "$import_csv" --purpose registration >/dev/null || pd_die "the import failed"
    ours[import]=$(printf %.1f "$(pd_elapsed "$t0")")
    remove_db "$import_db"
    pd_say "importing the same file with the sqlite3 shell (.import into a plain table, median of 3)"
    shell_runs=()
    for _ in 1 2 3; do
        remove_db "$import_db"
        t0=$(pd_now)
        sqlite3 "$import_db" ".import --csv $import_csv plain" || pd_die "sqlite3 .import failed"
        shell_runs+=("$(pd_elapsed "$t0")")
    done
    remove_db "$import_db"
    sqlite3ms[import]=$(printf '%s\n' "${shell_runs[@]}" | sort -g | sed -n 2p | xargs printf %.1f)
    pd_say "storing the same rows with the sqlite3 shell from set-based SQL (subjects, items, terms, indexes)"
    cp "$import_template" "$import_db"
    same_sql=$dir/import-same.sql
    sqlite_import_same_sql "$import_csv" >"$same_sql"
    t0=$(pd_now)
    sqlite3 -batch -bail "$import_db" <"$same_sql" >/dev/null || pd_die "the sqlite3 shell failed on $same_sql"
    sqlite3ms[import_same]=$(printf %.1f "$(pd_elapsed "$t0")")
    remove_db "$import_db"
    ours[import_rate]=$(awk -v n="$import_rows" -v s="${ours[import]}" 'BEGIN { printf "%.0f", n / s }')
fi

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b <= 0) print "-"; else printf "%.2f", a / b }'
}
row() { # label ours sqlite3 unit
    local a=$2 b=$3
    [ "$a" = - ] || a="$a $4"
    [ "$b" = - ] || b="$b $4"
    printf '| %-44s | %16s | %16s | %6s |\n' "$1" "$a" "$b" "$(ratio "$2" "$3")"
}
echo
echo "Privacy Desk benchmark: $n_subjects subjects, $n_items data items, $n_consents consents," \
    "$n_disclosures disclosures, $n_requests requests; $db is $size_mb MB"
echo "SQLite $(sqlite3 --version | cut -d' ' -f1), $(nproc) cores; ratio = Privacy Desk / sqlite3 shell (lower is better)"
echo
printf '| %-44s | %16s | %16s | %6s |\n' "figure" "Privacy Desk" "sqlite3 shell" "ratio"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..18})" \
    "$(printf -- '-%.0s' {1..18})" "$(printf -- '-%.0s' {1..8})"
if [ -n "$ours_demo_s" ]; then
    row "demo data ($n_subjects subjects, $n_items items)" "$(printf %.1f "$ours_demo_s")" \
        "$(printf %.1f "$sqlite_demo_s")" s
fi
row "count all subjects" "${ours[count]}" "${sqlite3ms[count]}" ms
row "first page of 200, by id" "${ours[first_id]}" "${sqlite3ms[first_id]}" ms
row "first page of 200, by name" "${ours[first_name]}" "${sqlite3ms[first_name]}" ms
row "page of 200 at row $deep_offset, by id" "${ours[deep]}" "${sqlite3ms[deep]}" ms
row "page of 200 at row $deep_offset, by name" "${ours[deep_name]}" "${sqlite3ms[deep_name]}" ms
row "  the same page with OFFSET (as before)" - "${sqlite3ms[deep_offset]}" ms
if [ "${#emails[@]}" -gt 0 ]; then
    row "search e-mail 'local@' (count + page)" "${ours[email_at]}" "${sqlite3ms[email_at]}" ms
    row "search 5-char prefix (count + page)" "${ours[prefix5]}" "${sqlite3ms[prefix5]}" ms
fi
if [ "${#samples[@]}" -gt 0 ]; then
    row "search by surname, ${#samples[@]} samples (count + page)" "${ours[surname]}" "${sqlite3ms[surname]}" ms
    row "search by IP prefix (count + page)" "${ours[ip]}" "${sqlite3ms[ip]}" ms
    row "search mix ${#samples[@]}x4 queries: p50" "${ours[p50]}" - ms
    row "search mix ${#samples[@]}x4 queries: p95" "${ours[p95]}" - ms
    row "open a subject (all its data + audit entry)" "${ours[open]}" "${sqlite3ms[open]}" ms
fi
if [ "$requests" -gt 0 ]; then
    row "dashboard refresh, $requests requests" "${ours[dashboard]}" "${sqlite3ms[dashboard]}" ms
    row "request register of $requests: build" "${ours[report_build]}" - ms
    row "  the same, written as CSV" "${ours[report_csv]}" "${sqlite3ms[report_csv]}" ms
    row "  the same, written as XLSX" "${ours[report_xlsx]}" - ms
    row "  the same, written as PDF (first 5,000)" "${ours[report_pdf]}" - ms
fi
if [ "$bulk" -gt 0 ]; then
    row "bulk anonymize $bulk subjects" "${ours[bulk_anonymize]}" "${sqlite3ms[bulk_anonymize]}" s
    row "bulk delete $bulk subjects" "${ours[bulk_delete]}" "${sqlite3ms[bulk_delete]}" s
fi
row "parse a profile of 100,000 purposes" "${ours[profile]}" - ms
row "retention sweep preview (every purpose)" "${ours[retention]}" - ms
if [ "$import_rows" -gt 0 ]; then
    row "import $import_rows CSV rows (${ours[import_rate]} rows/s)" "${ours[import]}" "${sqlite3ms[import]}" s
    row "  the same stored rows, shell from SQL" "${ours[import]}" "${sqlite3ms[import_same]}" s
fi
if [ "$pg_ran" = 1 ]; then
    echo
    printf '| %-44s | %16s | %16s | %6s |\n' "PostgreSQL $(psql -X -At "$pg_db" -c 'SHOW server_version' | cut -d' ' -f1)" \
        "Privacy Desk" "psql" "ratio"
    printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..18})" \
        "$(printf -- '-%.0s' {1..18})" "$(printf -- '-%.0s' {1..8})"
    row "bulk anonymize $bulk subjects" "${pg_ours[anonymize]}" "${pg_psql[anonymize]}" s
    row "bulk delete $bulk subjects" "${pg_ours[delete]}" "${pg_psql[delete]}" s
fi
echo
echo "Privacy Desk: Google Benchmark medians of 5 repetitions (raw figures: $csv)."
echo "Bulk actions: ours changes each item by its field's strategy, re-indexes and writes one hash-chained audit entry"
echo "per subject, in transactions sized to about half a second each (other workstations wait at most one); the shell"
echo "empties or deletes the same rows with set-based statements in one transaction, with one unchained audit row each."
echo "Deep pages: both find the row at the offset on the sort column's index, then read 200 rows from there (keyset)."
echo "Dashboard refresh: every figure of the page (open requests by type, status and deadline; received, completed"
echo "and on time per week for 12 weeks; the total) in four aggregate statements, over $dir/dashboard.sqlite."
echo "Request register: every request with its 31 fields, events, deletions and the systems and processors of its"
echo "subject's purposes, through pd::Reports; the shell writes the requests table joined with its operators as CSV."
echo "Import: ours checks every field and card numbers, matches stored subjects, stores each row as a subject, five"
echo "data items and its search terms with audit entries in batches sized by time; the shell's .import copies the text"
echo "into one plain table. The second import row has the shell store what ours stores (a subject, five items and three"
echo "search terms per row, the search indexes built after the rows) from set-based SQL in one transaction, checking"
echo "nothing: the least this work costs the database engine on this machine."
echo "The demo figure includes the profile, consents, disclosures and requests; the sqlite3 shell inserts only subjects"
echo "and data items. sqlite3 shell queries: median of 5 processes, each repeating the statements, start-up subtracted."
