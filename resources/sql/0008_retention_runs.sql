-- Privacy Desk schema, version 8: the retention sweep carried out.

-- A retention sweep that would change more subjects than the four-eyes threshold waits for a second officer as a
-- bulk action does: its approval names the subjects it would change on the day it was asked for.
-- @postgresql
ALTER TABLE approvals DROP CONSTRAINT IF EXISTS approvals_action_check;
ALTER TABLE approvals ADD CONSTRAINT approvals_action_check CHECK (action IN ('anonymize', 'delete', 'retention'));
-- @sqlite
CREATE TABLE approvals_v8 (
    id {{ID}},
    action TEXT NOT NULL CHECK (action IN ('anonymize', 'delete', 'retention')),
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
INSERT INTO approvals_v8 SELECT id, action, subject_ids, subject_count, reason, request_id, requested_by, requested_at,
    status, executed_count, decided_by, decided_at, decision_note FROM approvals;
DROP TABLE approvals;
ALTER TABLE approvals_v8 RENAME TO approvals;
CREATE INDEX approvals_status ON approvals (status);
-- @all

-- A legal hold (litigation, an authority's order) keeps a subject's data past every retention period until it is
-- lifted: the reason, empty or NULL when there is none.
ALTER TABLE subjects ADD COLUMN legal_hold TEXT;
