# shellcheck shell=bash
# The bulk actions as set-based statements in one transaction, for the sqlite3 shell (scripts/lib/sqlite-bench.sh adds
# the connection settings) and psql alike (sourced by scripts/bench.sh, not run): what BulkAction does without
# strategies, batches or hashes. Rows of the log tables get their ids from the highest one (the demo writes ids of its
# own, ahead of PostgreSQL's identity sequences).

# bulk_anonymize_sql N: the N subjects with the highest ids, emptied by four statements, with one (unchained) audit row
# each.
bulk_anonymize_sql() {
    cat <<SQL
BEGIN;
CREATE TEMP TABLE t AS SELECT id FROM subjects WHERE state <> 'anonymized' ORDER BY id DESC LIMIT $1;
UPDATE pd_items SET value = '', state = 'anonymized', source = '' WHERE subject_id IN (SELECT id FROM t);
UPDATE subjects SET display_name = '', email = '', phone = '', name_key = '', email_key = '', phone_key = '',
    external_id = NULL, state = 'anonymized' WHERE id IN (SELECT id FROM t);
DELETE FROM subject_terms WHERE subject_id IN (SELECT id FROM t);
INSERT INTO audit_log (id, at, operator_name, action, object_type, object_id, subject_id, prev_hash, hash)
    SELECT (SELECT COALESCE(MAX(id), 0) FROM audit_log) + row_number() OVER (), '2026-01-01T00:00:00Z', 'bench',
           'subject.anonymize', 'subject', id, id, '', '' FROM t;
COMMIT;
SQL
}

# bulk_delete_sql N: the same subjects deleted (cascading to their items, consents, terms, ...), with the deletion
# log's row and an audit row each.
bulk_delete_sql() {
    cat <<SQL
BEGIN;
CREATE TEMP TABLE t AS SELECT id, controller_id FROM subjects WHERE state <> 'anonymized' ORDER BY id DESC LIMIT $1;
DELETE FROM request_documents WHERE kind = 'subject-data'
    AND request_id IN (SELECT id FROM requests WHERE subject_id IN (SELECT id FROM t));
INSERT INTO deletion_log (id, subject_ref, controller_id, deleted_at, categories, systems, method, reason,
                          operator_name)
    SELECT (SELECT COALESCE(MAX(id), 0) FROM deletion_log) + row_number() OVER (), 'S-' || id, controller_id,
           '2026-01-01T00:00:00Z', '', '', 'deletion', 'bench', 'bench' FROM t;
DELETE FROM subjects WHERE id IN (SELECT id FROM t);
INSERT INTO audit_log (id, at, operator_name, action, object_type, object_id, subject_id, prev_hash, hash)
    SELECT (SELECT COALESCE(MAX(id), 0) FROM audit_log) + row_number() OVER (), '2026-01-01T00:00:00Z', 'bench',
           'subject.delete', 'subject', id, id, '', '' FROM t;
COMMIT;
SQL
}
