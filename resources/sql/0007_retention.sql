-- Retention that can be computed (docs/legal.md; app/domain/Retention.h).

-- "For the term of the contract" needs the contract's end: recorded per subject (ISO date), empty while it runs.
ALTER TABLE subjects ADD COLUMN contract_end TEXT;

-- What happens once a purpose's period is over: the data is deleted, or anonymized (seed 003 §9.4).
ALTER TABLE purposes ADD COLUMN retention_action TEXT NOT NULL DEFAULT 'delete'
    CHECK (retention_action IN ('delete', 'anonymize'));
