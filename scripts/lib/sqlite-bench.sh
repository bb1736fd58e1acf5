# shellcheck shell=bash
# The sqlite3-shell side of scripts/bench.sh (sourced, not run; needs lib/common.sh first): the same statements as
# pd::SubjectDirectory and the demo generator, with literal values, and a timer for them.
# Keep the SQL in step with app/subjects/SubjectDirectory.cpp and app/subjects/BulkAction.cpp.

sqlite_quote() {
    local text=${1//\'/\'\'}
    printf "'%s'" "$text"
}

# Three e-mails spread over the table, as tests/bench/BenchMain.cpp picks them.
sqlite_sample_emails_sql() {
    local q parts=()
    for q in 1 2 3; do
        parts+=("SELECT (SELECT email_key FROM subjects WHERE id >= (SELECT MIN(id) + (MAX(id) - MIN(id)) * $q / 4
                 FROM subjects) AND email_key LIKE '_____%@%' ORDER BY id LIMIT 1) AS e")
    done
    local IFS=$'\n'
    printf 'SELECT e FROM (%s UNION ALL %s UNION ALL %s) WHERE e IS NOT NULL;' "${parts[@]}"
}

# " WHERE ..." for a search text, chosen the way SubjectDirectory's whereFor() chooses the search key.
sqlite_search_where() {
    local text=$1 key condition lowered digits word terms=()
    lowered=${text,,}
    digits=${text//[^0-9]/}
    # The same choice of index as SubjectDirectory: e-mail key, IP or phone prefix, or name words in subject_terms.
    if [[ "$text" == *@* ]]; then
        key=$(sqlite_quote "$lowered")
        condition="(s.email_key >= $key AND s.email_key < $key || char(65535))"
    elif [[ "$text" =~ ^[0-9]{1,3}\.[0-9.]*$ ]]; then
        key=$(sqlite_quote "$text")
        condition="(s.id IN (SELECT subject_id FROM subject_terms WHERE term >= $key AND term < $key || char(65535)))"
    elif [ "${#digits}" -ge 3 ] && [[ "$text" =~ ^[-+().\ 0-9]+$ ]]; then
        key=$(sqlite_quote "$digits")
        condition="((s.phone_key >= $key AND s.phone_key < $key || char(65535)) OR s.external_id = $(sqlite_quote "$text"))"
    else
        condition=''
        for word in $lowered; do
            key=$(sqlite_quote "$word")
            terms+=("$word")
            [ -z "$condition" ] || condition+=' AND '
            condition+="s.id IN (SELECT subject_id FROM subject_terms WHERE term >= $key AND term < $key || char(65535))"
        done
        if [ "${#terms[@]}" -eq 1 ]; then
            key=$(sqlite_quote "$lowered")
            condition="$condition OR (s.email_key >= $key AND s.email_key < $key || char(65535))"
        fi
        condition="($condition OR s.external_id = $(sqlite_quote "$text"))"
    fi
    printf ' WHERE %s' "$condition"
}

sqlite_count_sql() {
    printf 'SELECT COUNT(*) FROM subjects s%s;\n' "$1"
}

# sqlite_page_sql WHERE ORDER OFFSET
sqlite_page_sql() {
    printf 'SELECT s.id, s.external_id, s.display_name, s.email, s.phone, s.state, c.name, s.created_at FROM subjects s JOIN controllers c ON c.id = s.controller_id%s ORDER BY %s LIMIT 200 OFFSET %s;\n' \
        "$1" "$2" "$3"
}

# sqlite_keyset_page_sql KEY OFFSET: a deep page as pd::SubjectDirectory::page reads it (keyset, not OFFSET): the key
# of the row at OFFSET from the sort column's index alone, then 200 rows from there. KEY is s.id or s.name_key.
sqlite_keyset_page_sql() {
    local key=$1 offset=$2
    local columns='s.id, s.external_id, s.display_name, s.email, s.phone, s.state, c.name, s.created_at'
    local from='FROM subjects s JOIN controllers c ON c.id = s.controller_id'
    if [ "$key" = s.id ]; then
        printf 'SELECT %s %s WHERE s.id >= (SELECT s.id FROM subjects s ORDER BY s.id LIMIT 1 OFFSET %s) ORDER BY s.id LIMIT 200;\n' \
            "$columns" "$from" "$offset"
        return
    fi
    # The key found first, as the core binds it into the second statement.
    printf 'CREATE TEMP TABLE k AS SELECT %s AS key, s.id FROM subjects s ORDER BY %s, s.id LIMIT 1 OFFSET %s;\n' \
        "$key" "$key" "$offset"
    printf 'SELECT %s %s WHERE %s >= (SELECT key FROM k) AND (%s, s.id) >= (SELECT key, id FROM k) ORDER BY %s, s.id LIMIT 200;\n' \
        "$columns" "$from" "$key" "$key" "$key"
    printf 'DROP TABLE k;\n'
}

# --- Bulk actions in plain SQL ------------------------------------------------------------------------------------

# The connection settings of pd::Database (app/storage/Database.cpp): erased values overwritten, WAL, 64 MB cache.
sqlite_connection_sql() {
    printf 'PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;\n'
    printf 'PRAGMA cache_size = -65536;\n'
}

# sqlite_bulk_anonymize_sql N, sqlite_bulk_delete_sql N: the statements of lib/bulk-sql.sh on a connection set up as
# pd::Database sets up its own, with the WAL checkpointed at the end as BulkAction does.
sqlite_bulk_anonymize_sql() {
    sqlite_connection_sql
    bulk_anonymize_sql "$1"
    printf 'PRAGMA wal_checkpoint(TRUNCATE);\n'
}

sqlite_bulk_delete_sql() {
    sqlite_connection_sql
    bulk_delete_sql "$1"
    printf 'PRAGMA wal_checkpoint(TRUNCATE);\n'
}

# sqlite_search_indexes drop|create: the statements for the search indexes that app/storage/BulkLoad suspends
# during a load and builds after it (the same list, index by index).
sqlite_search_indexes() {
    local index
    for index in "subjects_name_key subjects (name_key)" "subjects_email_key subjects (email_key)" \
        "subjects_phone_key subjects (phone_key)" "subjects_external_id subjects (external_id)" \
        "subjects_id subjects (id)" "subject_terms_term subject_terms (term)" "subjects_created subjects (created_at)" \
        "subjects_contract_end subjects (contract_end)" \
        "pd_items_purpose pd_items (purpose_id, category, collected_at, state)"; do
        if [ "$1" = drop ]; then
            printf 'DROP INDEX IF EXISTS %s;\n' "${index%% *}"
        else
            printf 'CREATE INDEX %s ON %s;\n' "${index%% *}" "${index#* }"
        fi
    done
}

# --- Demo data in plain SQL ---------------------------------------------------------------------------------------

# Run once, untimed, on a database made by `privacydesk-cli init`: one controller and one purpose to refer to.
sqlite_demo_setup_sql() {
    cat <<'SQL'
INSERT OR IGNORE INTO controllers (code, name, kind) VALUES ('bench', 'Benchmark Ltd', 'own');
INSERT OR IGNORE INTO purposes (code, controller_id, title, legal_ground, retention_kind)
    VALUES ('bench-accounts', (SELECT MIN(id) FROM controllers), 'Customer accounts', 'contract', 'contract-term');
SQL
}

# sqlite_demo_sql SUBJECTS ITEMS: the timed part. Same connection settings as pd::Database and the demo generator
# (256 MB page cache, the search indexes built after the rows, as app/storage/BulkLoad does), one transaction,
# names and e-mails in scattered order (as generated data lands in the indexes), items grouped by subject.
# Timestamps come from printf, not strftime: the shell should do the storage work, not date arithmetic.
sqlite_demo_sql() {
    local subjects=$1 items=$2
    local firsts="Aliaksandr Ivan       Maria      Olga       Pavel      Anna       Dmitry     Elena      "
    firsts+="Siarhei    Natalia    Andrei     Tatsiana   Mikhail    Irina      Aleh       Sviatlana  "
    local lasts="Kovalenko  Petrov     Novak      Schmidt    Ivanova    Lukashuk   Moreau     Rossi      "
    lasts+="Garcia     Kowalski   Sidorov    Zhuk       Bondar     Muller     Smith      Tkachenko  "
    cat <<SQL
PRAGMA foreign_keys = ON;
PRAGMA secure_delete = ON;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -262144;
BEGIN;
$(sqlite_search_indexes drop)
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < $subjects),
h AS (SELECT i, (i * 48271) % 2147483647 AS h1, ((i * 69621) % 2147483647) * 16807 % 2147483647 AS h2 FROM seq),
n AS (SELECT i, h1, h2,
             rtrim(substr('$firsts', (h1 % 16) * 11 + 1, 11)) AS first,
             rtrim(substr('$lasts', ((h1 / 16) % 16) * 11 + 1, 11)) AS last FROM h)
INSERT INTO subjects (external_id, controller_id, display_name, email, phone, name_key, email_key, phone_key,
                      created_at, updated_at)
SELECT printf('CRM-%08d', i), (SELECT MIN(id) FROM controllers),
       first || ' ' || last,
       lower(first) || '.' || lower(last) || (h2 % 100000) || '@example.com',
       printf('+375 29 %03d-%02d-%02d', h2 % 1000, (h2 / 1000) % 100, (h2 / 100000) % 100),
       lower(first || ' ' || last),
       lower(first) || '.' || lower(last) || (h2 % 100000) || '@example.com',
       printf('37529%03d%02d%02d', h2 % 1000, (h2 / 1000) % 100, (h2 / 100000) % 100),
       printf('2026-%02d-%02dT%02d:%02d:%02dZ', 1 + h1 % 12, 1 + h1 % 28, h1 % 24, h1 % 60, h2 % 60),
       printf('2026-%02d-%02dT%02d:%02d:%02dZ', 1 + h1 % 12, 1 + h1 % 28, h1 % 24, h1 % 60, h2 % 60)
FROM n;
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < $items - 1)
INSERT INTO pd_items (subject_id, purpose_id, category, field, value, collected_at)
SELECT (SELECT MIN(id) FROM subjects) + i * $subjects / $items, (SELECT MIN(id) FROM purposes),
       CASE i % 4 WHEN 0 THEN 'account' WHEN 1 THEN 'account' WHEN 2 THEN 'technical' ELSE 'technical' END,
       CASE i % 4 WHEN 0 THEN 'email' WHEN 1 THEN 'phone' WHEN 2 THEN 'ip' ELSE 'browser' END,
       printf('%x-%x', (i * 48271) % 2147483647, (i * 16807) % 2147483647),
       printf('2026-%02d-%02dT%02d:%02d:%02dZ', 1 + i % 12, 1 + i % 28, i % 24, i % 60, (i * 7) % 60)
FROM seq;
$(sqlite_search_indexes create)
COMMIT;
SQL
}

# sqlite_import_same_sql CSV: what `import subjects` stores for the bench's CSV (full_name, email, phone,
# external_id, city, ip), done by the shell from set-based SQL on a copy of the same template: the file into a staging
# table, then per row a subject with its listing keys, five data items grouped by subject and three search terms
# (the two words of the name and the IP; CROSS JOIN keeps them in that order), the search indexes built after the
# rows as app/storage/BulkLoad does, in one transaction. It checks nothing and writes no audit entry: the least any
# import of this shape must do.
sqlite_import_same_sql() {
    cat <<SQL
PRAGMA foreign_keys = ON;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -65536;
.import --csv $1 staging
BEGIN;
$(sqlite_search_indexes drop)
CREATE TEMP TABLE base AS SELECT COALESCE(MAX(id), 0) AS id, '2026-12-01T10:00:00Z' AS now,
    (SELECT MIN(id) FROM controllers) AS controller, (SELECT id FROM purposes WHERE code = 'registration') AS purpose
    FROM subjects;
INSERT INTO subjects (id, external_id, controller_id, display_name, email, phone, name_key, email_key, phone_key,
                      created_at, updated_at, categories, purpose_ids)
SELECT b.id + s.rowid, s.external_id, b.controller, s.full_name, s.email, s.phone, lower(s.full_name), lower(s.email),
       replace(replace(replace(s.phone, '+', ''), ' ', ''), '-', ''), b.now, b.now, ',account,technical,',
       ',' || b.purpose || ','
FROM staging s CROSS JOIN base b;
INSERT INTO pd_items (subject_id, purpose_id, category, field, value, source, collected_at)
SELECT b.id + s.rowid, b.purpose, CASE f.n WHEN 5 THEN 'technical' ELSE 'account' END,
       CASE f.n WHEN 1 THEN 'name' WHEN 2 THEN 'email' WHEN 3 THEN 'phone' WHEN 4 THEN 'city' ELSE 'ip' END,
       CASE f.n WHEN 1 THEN s.full_name WHEN 2 THEN s.email WHEN 3 THEN s.phone WHEN 4 THEN s.city ELSE s.ip END,
       'import of the bench file', b.now
FROM staging s CROSS JOIN base b
    CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) f;
INSERT INTO subject_terms (term, subject_id)
SELECT CASE t.n WHEN 1 THEN lower(substr(s.full_name, 1, instr(s.full_name, ' ') - 1))
                WHEN 2 THEN lower(substr(s.full_name, instr(s.full_name, ' ') + 1)) ELSE s.ip END, b.id + s.rowid
FROM staging s CROSS JOIN base b CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) t;
DROP TABLE staging;
$(sqlite_search_indexes create)
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
}

# --- Timing -------------------------------------------------------------------------------------------------------

SB_DB=
SB_TMP=
SB_BASE=0

# Median of the numbers on stdin.
sqlite_median() {
    sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2];
                                        else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# Seconds one sqlite3 process takes to run FILE on the database (results thrown away).
sqlite_run_s() {
    local t0
    t0=$(pd_now)
    sqlite3 -batch -bail "$SB_DB" <"$1" >/dev/null || pd_die "sqlite3 failed on $1"
    pd_elapsed "$t0"
}

# sqlite_bench_init DB: measures the start-up of the shell (open, one trivial statement) to subtract later.
sqlite_bench_init() {
    SB_DB=$1
    SB_TMP=$(mktemp -d "${TMPDIR:-/tmp}/privacydesk-bench.XXXXXX")
    echo 'SELECT 1;' >"$SB_TMP/base.sql"
    SB_BASE=$(for _ in 1 2 3 4 5; do sqlite_run_s "$SB_TMP/base.sql"; done | sqlite_median)
}

sqlite_bench_done() {
    [ -z "$SB_TMP" ] || rm -rf "$SB_TMP"
    SB_TMP=
}

# sqlite_bench_ms DIVISOR SQL: milliseconds per run of SQL divided by DIVISOR (SQL holds DIVISOR searches), median
# of 5 processes. Each process repeats SQL enough times to last about 0.3 s, so that short statements are measured
# well above the clock's and the start-up's noise.
sqlite_bench_ms() {
    local divisor=$1 unit=$2 once reps k
    printf '%s\n' "$unit" >"$SB_TMP/once.sql"
    once=$( (sqlite_run_s "$SB_TMP/once.sql"; sqlite_run_s "$SB_TMP/once.sql") | sort -g | head -n 1)
    reps=$(awk -v t="$once" -v b="$SB_BASE" 'BEGIN { d = t - b; if (d < 0.0001) d = 0.0001;
                                              r = int(0.3 / d + 0.5); print (r < 1) ? 1 : (r > 2000) ? 2000 : r }')
    for ((k = 0; k < reps; k++)); do
        printf '%s\n' "$unit"
    done >"$SB_TMP/reps.sql"
    for _ in 1 2 3 4 5; do
        awk -v t="$(sqlite_run_s "$SB_TMP/reps.sql")" -v b="$SB_BASE" -v r="$reps" -v n="$divisor" \
            'BEGIN { d = t - b; if (d < 0) d = 0; printf "%.4f\n", d / r / n * 1000 }'
    done | sqlite_median | awk '{ printf "%.3f", $1 }'
}

# --- The dashboard ------------------------------------------------------------------------------------------------

# sqlite_dashboard_sql TODAY WEEKS: the four statements of pd::RequestStats::compute (app/services/RequestStats.cpp:
# keep them in step) with the dates it binds written in: open requests by type, status and deadline bucket; received
# and completed per ISO week; the total.
sqlite_dashboard_sql() {
    local today=$1 weeks=$2 dow monday first end in3 in7
    dow=$(date -d "$today" +%u)
    monday=$(date -d "$today -$((dow - 1)) days" +%F)
    first=$(date -d "$monday -$((7 * (weeks - 1))) days" +%F)
    end=$(date -d "$monday +7 days" +%F)
    in3=$(date -d "$today +3 days" +%F)
    in7=$(date -d "$today +7 days" +%F)
    sqlite_week_case() {
        local column=$1 week
        if [ "$weeks" -lt 2 ]; then
            printf '0'
            return
        fi
        printf 'CASE'
        for ((week = 1; week < weeks; week++)); do
            printf " WHEN %s < '%s' THEN %d" "$column" "$(date -d "$first +$((7 * week)) days" +%F)" $((week - 1))
        done
        printf ' ELSE %d END' $((weeks - 1))
    }
    cat <<SQL
SELECT type, status, CASE WHEN due < '$today' THEN 0 WHEN due <= '$in3' THEN 1 WHEN due <= '$in7' THEN 2 ELSE 3 END, COUNT(*) FROM (SELECT type, status, COALESCE(extended_due_date, due_date) AS due FROM requests WHERE status IN ('new', 'identity-pending', 'in-progress', 'awaiting-approval')) o GROUP BY 1, 2, 3;
SELECT $(sqlite_week_case received_at), COUNT(*) FROM requests WHERE received_at >= '$first' AND received_at < '$end' GROUP BY 1;
SELECT $(sqlite_week_case completed_at), COUNT(*), SUM(CASE WHEN substr(completed_at, 1, 10) <= COALESCE(extended_due_date, due_date) THEN 1 ELSE 0 END) FROM requests WHERE status = 'completed' AND completed_at >= '$first' AND completed_at < '$end' GROUP BY 1;
SELECT COUNT(*) FROM requests;
SQL
}
