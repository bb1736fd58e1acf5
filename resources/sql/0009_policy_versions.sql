-- Privacy Desk schema, version 9: the versions of the privacy policy, so that consents given for an older one can be
-- found (re-consent).
CREATE TABLE policy_versions (
    id {{ID}},
    version TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    operator_name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consents_purpose_version ON consents (purpose_id, policy_version);
