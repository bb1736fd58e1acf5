-- Privacy Desk schema, version 6: cancelled approvals, the four-eyes rule's window, resumable imports, the state of a
-- demo run.

-- An approval carried out in part can be cancelled: what was done stays, the rest is not done.
-- @postgresql
ALTER TABLE approvals DROP CONSTRAINT IF EXISTS approvals_status_check;
ALTER TABLE approvals ADD CONSTRAINT approvals_status_check
    CHECK (status IN ('pending', 'approved', 'executed', 'rejected', 'cancelled'));
-- @sqlite
CREATE TABLE approvals_v6 (
    id {{ID}},
    action TEXT NOT NULL CHECK (action IN ('anonymize', 'delete')),
    subject_ids TEXT NOT NULL,
    subject_count INTEGER NOT NULL,
    reason TEXT NOT NULL,
    request_id {{REF}},
    requested_by {{REF}} NOT NULL REFERENCES operators (id),
    requested_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'executed', 'rejected', 'cancelled')),
    executed_count INTEGER NOT NULL DEFAULT 0,
    decided_by {{REF}} REFERENCES operators (id),
    decided_at TEXT,
    decision_note TEXT NOT NULL DEFAULT ''
);
INSERT INTO approvals_v6 SELECT id, action, subject_ids, subject_count, reason, request_id, requested_by, requested_at,
    status, executed_count, decided_by, decided_at, decision_note FROM approvals;
DROP TABLE approvals;
ALTER TABLE approvals_v6 RENAME TO approvals;
CREATE INDEX approvals_status ON approvals (status);
-- @all

-- The four-eyes rule adds up one operator's anonymizations and deletions over the last window.
CREATE INDEX audit_log_operator_action_at ON audit_log (operator_name, action, at);

-- Imports commit in batches; a run remembers how far it came, so that running the same file again resumes it.
CREATE TABLE import_runs (
    id {{ID}},
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    operator_name TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    rows_total INTEGER NOT NULL,
    rows_done INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('running', 'finished'))
);
CREATE INDEX import_runs_file ON import_runs (file_sha256, status);

-- Deleting subjects cascades to their scheduled erasures: found by subject, not by reading the whole table each time.
CREATE INDEX scheduled_erasures_subject ON scheduled_erasures (subject_id);

-- Deep pages of the Subjects list in id order step over this narrow index to their first row, instead of over the
-- table's own rows (a million rows: 10 ms instead of half a second). PostgreSQL has its primary key for that.
-- @sqlite
CREATE INDEX subjects_id ON subjects (id);
-- @all
