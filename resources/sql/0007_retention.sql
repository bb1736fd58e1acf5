-- Retention that can be computed (docs/legal.md; app/domain/Retention.h).

-- "For the term of the contract" needs the contract's end: recorded per subject (ISO date), empty while it runs.
ALTER TABLE subjects ADD COLUMN contract_end TEXT;

-- What happens once a purpose's period is over: the data is deleted, or anonymized (seed 003 §9.4).
ALTER TABLE purposes ADD COLUMN retention_action TEXT NOT NULL DEFAULT 'delete'
    CHECK (retention_action IN ('delete', 'anonymize'));

-- The retention sweep starts from each rule's event: items of a purpose by collection (and counted per purpose from
-- this index alone), subjects by registration and by the end of their contract. (app/storage/BulkLoad.cpp suspends
-- these during a bulk load: keep them in step.)
CREATE INDEX pd_items_purpose ON pd_items (purpose_id, collected_at, state);
CREATE INDEX subjects_created ON subjects (created_at);
CREATE INDEX subjects_contract_end ON subjects (contract_end);
