-- Privacy Desk schema, version 10: the record of processing complete (GDPR art. 30(1)-(2), Decree 422 sub. 3.5),
-- editable in the panel, with retention per data category.

-- A controller's joint controller (art. 26), and for a client the contract under which we process its data.
ALTER TABLE controllers ADD COLUMN joint_controller TEXT NOT NULL DEFAULT '';
ALTER TABLE controllers ADD COLUMN contract TEXT NOT NULL DEFAULT '';

-- Special categories of data (art. 9) and the condition that allows them; where the data comes from; automated
-- decision-making (art. 22), empty when there is none; the data protection impact assessment (art. 35). A purpose
-- in use is retired (retired_at, an ISO date), never deleted: its data and history keep referring to it.
ALTER TABLE purposes ADD COLUMN special_category INTEGER NOT NULL DEFAULT 0;
ALTER TABLE purposes ADD COLUMN special_condition TEXT NOT NULL DEFAULT '';
ALTER TABLE purposes ADD COLUMN data_source TEXT NOT NULL DEFAULT '';
ALTER TABLE purposes ADD COLUMN automated_decisions TEXT NOT NULL DEFAULT '';
ALTER TABLE purposes ADD COLUMN dpia TEXT NOT NULL DEFAULT 'not-assessed'
    CHECK (dpia IN ('not-assessed', 'not-needed', 'needed', 'in-progress', 'done'));
ALTER TABLE purposes ADD COLUMN retired_at TEXT;

-- A data category of a purpose kept for a period of its own (seed 004 sub. 2.3: the same purpose keeps payment data
-- for the period set by law and account data while the contract lasts). Items of the other categories follow the
-- purpose's own rule.
CREATE TABLE purpose_category_retention (
    id {{ID}},
    purpose_id {{REF}} NOT NULL REFERENCES purposes (id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    retention_kind TEXT NOT NULL CHECK (retention_kind IN ('contract-term', 'fixed', 'backup-cycle',
                                                           'until-withdrawal', 'legal')),
    retention_months INTEGER,
    retention_event TEXT,
    retention_text TEXT NOT NULL DEFAULT '',
    retention_action TEXT NOT NULL DEFAULT 'delete' CHECK (retention_action IN ('delete', 'anonymize')),
    UNIQUE (purpose_id, category)
);

-- Recipients by kind: internal (a department of our own), an external controller, a processor (Decree 422's
-- "authorised person", with the contract it processes under), an authority.
ALTER TABLE recipients ADD COLUMN contract TEXT NOT NULL DEFAULT '';
-- @postgresql
ALTER TABLE recipients DROP CONSTRAINT IF EXISTS recipients_role_check;
ALTER TABLE recipients ADD CONSTRAINT recipients_role_check
    CHECK (role IN ('processor', 'controller', 'authority', 'internal'));
-- @sqlite
CREATE TABLE recipients_v10 (
    id {{ID}},
    purpose_id {{REF}} NOT NULL REFERENCES purposes (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('processor', 'controller', 'authority', 'internal')),
    country TEXT NOT NULL DEFAULT '',
    safeguards TEXT NOT NULL DEFAULT '',
    contract TEXT NOT NULL DEFAULT ''
);
INSERT INTO recipients_v10 SELECT id, purpose_id, name, role, country, safeguards, contract FROM recipients;
DROP TABLE recipients;
ALTER TABLE recipients_v10 RENAME TO recipients;
CREATE INDEX recipients_purpose ON recipients (purpose_id);
-- @all
-- The retention sweep counts what each purpose holds per data category (periods per category) from this index alone,
-- and finds a category's due items by their collection. (app/storage/BulkLoad.cpp suspends it during a bulk load:
-- keep them in step.)
DROP INDEX pd_items_purpose;
CREATE INDEX pd_items_purpose ON pd_items (purpose_id, category, collected_at, state);
