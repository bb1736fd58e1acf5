-- Privacy Desk schema, version 2: an append-only audit log and four-eyes approvals.

-- Irreversible actions that wait for a second officer (four-eyes rule).
CREATE TABLE approvals (
    id {{ID}},
    action TEXT NOT NULL CHECK (action IN ('anonymize', 'delete')),
    subject_ids TEXT NOT NULL,
    subject_count INTEGER NOT NULL,
    reason TEXT NOT NULL,
    request_id {{REF}},
    requested_by {{REF}} NOT NULL REFERENCES operators (id),
    requested_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'executed', 'rejected')),
    executed_count INTEGER NOT NULL DEFAULT 0,
    decided_by {{REF}} REFERENCES operators (id),
    decided_at TEXT,
    decision_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX approvals_status ON approvals (status);

-- The Audit page filters by operator and action.
CREATE INDEX audit_log_operator ON audit_log (operator_name, id);
CREATE INDEX audit_log_action ON audit_log (action, id);

-- The audit log takes inserts only. Whoever can change the file or owns the server can still remove these
-- triggers; the hash chain (privacydesk-cli audit verify) shows what was done then.
-- @sqlite
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
-- @postgresql
CREATE FUNCTION pd_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION pd_audit_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION pd_audit_append_only();
-- @all
