-- Privacy Desk schema, version 13: acts confirming destruction, and requests that remember that their subject was
-- erased (the request register then does not repeat the requester's identity values).

-- The opaque reference ("S-42", as the deletion log has it) of the subject this request was about, once the subject
-- was deleted or anonymized.
ALTER TABLE requests ADD COLUMN subject_erased TEXT;
-- Requests whose subject an earlier version erased for them: their deletion named the request.
UPDATE requests SET subject_erased = (SELECT MIN(d.subject_ref) FROM deletion_log d WHERE d.request_id = requests.id)
    WHERE subject_erased IS NULL AND EXISTS (SELECT 1 FROM deletion_log d WHERE d.request_id = requests.id);

-- An act confirming destruction (Roskomnadzor Order No. 179 of 28.10.2022): numbered by its id, kept for three years
-- and printed again from what it lists. `scope` says what it covers: one subject, the deletions of a request, a
-- period, or a retention sweep; `scope_value` the subject's reference, the request id, "FROM/TO" or the sweep's day.
CREATE TABLE destruction_acts (
    id {{ID}},
    drawn_at TEXT NOT NULL,
    drawn_by TEXT NOT NULL,
    drawn_by_position TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL CHECK (scope IN ('subject', 'request', 'period', 'retention')),
    scope_value TEXT NOT NULL,
    keep_until TEXT NOT NULL
);

-- The facts of deletion an act confirms.
CREATE TABLE destruction_act_entries (
    act_id {{REF}} NOT NULL REFERENCES destruction_acts (id) ON DELETE CASCADE,
    deletion_id {{REF}} NOT NULL REFERENCES deletion_log (id),
    PRIMARY KEY (act_id, deletion_id)
);
CREATE INDEX deletion_log_request ON deletion_log (request_id);
CREATE INDEX deletion_log_subject ON deletion_log (subject_ref);
