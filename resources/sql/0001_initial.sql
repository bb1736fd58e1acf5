-- Privacy Desk schema, version 1.
-- Shared by SQLite and PostgreSQL; see app/storage/Migrations.h for placeholders and dialect sections.
-- Timestamps are ISO 8601 UTC text, dates are YYYY-MM-DD text (same ordering and reading on both backends).

CREATE TABLE pd_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

-- Application settings shared by every workstation (idle lock, four-eyes threshold, ...).
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Who decides about the data: the operator's own company ('own': we are the controller) or a client for whom we
-- process data on instructions ('client': we are the processor; seed 003 §2).
CREATE TABLE controllers (
    id {{ID}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('own', 'client')),
    address TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    dpo_contact TEXT NOT NULL DEFAULT '',
    representative TEXT NOT NULL DEFAULT ''
);

-- Information systems holding personal data (Belarus Decree 422 sub. 3.5).
CREATE TABLE information_systems (
    id {{ID}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    controller_id {{REF}} REFERENCES controllers (id)
);

-- Processing purposes: the register of processing (GDPR art. 30, seed 004 §2.3).
CREATE TABLE purposes (
    id {{ID}},
    code TEXT NOT NULL UNIQUE,
    controller_id {{REF}} NOT NULL REFERENCES controllers (id),
    system_id {{REF}} REFERENCES information_systems (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    legal_ground TEXT NOT NULL CHECK (legal_ground IN ('contract', 'consent', 'legitimate-interest',
                                                       'legal-obligation', 'vital-interest', 'public-task')),
    legal_reference TEXT NOT NULL DEFAULT '',
    subject_categories TEXT NOT NULL DEFAULT '',
    data_categories TEXT NOT NULL DEFAULT '',
    data_fields TEXT NOT NULL DEFAULT '',
    processing_kinds TEXT NOT NULL DEFAULT '',
    retention_kind TEXT NOT NULL CHECK (retention_kind IN ('contract-term', 'fixed', 'backup-cycle',
                                                           'until-withdrawal', 'legal')),
    retention_months INTEGER,
    retention_event TEXT,
    retention_text TEXT NOT NULL DEFAULT '',
    deletion_method TEXT NOT NULL DEFAULT '',
    security_measures TEXT NOT NULL DEFAULT '',
    countries TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT ''
);

-- Who receives data for a purpose, and where (seed 003 §7; cross-border transfers with their safeguards).
CREATE TABLE recipients (
    id {{ID}},
    purpose_id {{REF}} NOT NULL REFERENCES purposes (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('processor', 'controller', 'authority')),
    country TEXT NOT NULL DEFAULT '',
    safeguards TEXT NOT NULL DEFAULT ''
);
CREATE INDEX recipients_purpose ON recipients (purpose_id);

-- Operators of the panel. Passwords are Argon2id hashes (libsodium's crypto_pwhash_str format).
CREATE TABLE operators (
    id {{ID}},
    name {{KEY}} NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'agent', 'auditor')),
    password_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    last_sign_in_at TEXT
);

-- Data subjects. display_name, email and phone repeat the current account items for listing; the *_key columns
-- are their search forms (case-folded name, lower-case e-mail, digits of the phone). All are cleared on
-- anonymization and removed on deletion together with the items.
CREATE TABLE subjects (
    id {{ID}},
    external_id {{KEY}},
    controller_id {{REF}} NOT NULL REFERENCES controllers (id),
    display_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    name_key {{KEY}} NOT NULL DEFAULT '',
    email_key {{KEY}} NOT NULL DEFAULT '',
    phone_key {{KEY}} NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'blocked', 'anonymized')),
    blocked_reason TEXT,
    blocked_until TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX subjects_name_key ON subjects (name_key);
CREATE INDEX subjects_email_key ON subjects (email_key);
CREATE INDEX subjects_phone_key ON subjects (phone_key);
CREATE INDEX subjects_external_id ON subjects (external_id);

-- Personal-data items: one value of one field of one subject, collected for one purpose.
CREATE TABLE pd_items (
    id {{ID}},
    subject_id {{REF}} NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
    purpose_id {{REF}} REFERENCES purposes (id),
    category TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    collected_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'blocked', 'anonymized')),
    blocked_reason TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX pd_items_subject ON pd_items (subject_id);

CREATE TABLE consents (
    id {{ID}},
    subject_id {{REF}} NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
    purpose_id {{REF}} NOT NULL REFERENCES purposes (id),
    policy_version TEXT NOT NULL,
    given_at TEXT NOT NULL,
    withdrawn_at TEXT,
    channel TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consents_subject ON consents (subject_id);

-- Data-subject requests (register fields: docs/legal.md, "The request register").
CREATE TABLE requests (
    id {{ID}},
    subject_id {{REF}} REFERENCES subjects (id) ON DELETE SET NULL,
    controller_id {{REF}} REFERENCES controllers (id),
    type TEXT NOT NULL CHECK (type IN ('access', 'disclosures', 'rectification', 'erasure', 'restriction',
                                       'objection', 'consent-withdrawal', 'portability', 'complaint')),
    regime TEXT NOT NULL CHECK (regime IN ('by-99z', 'gdpr', 'uk-gdpr', 'ccpa', 'ru-152fz', 'br-lgpd')),
    status TEXT NOT NULL CHECK (status IN ('new', 'identity-pending', 'in-progress', 'awaiting-approval',
                                           'completed', 'refused', 'withdrawn')),
    channel TEXT NOT NULL DEFAULT 'email',
    received_at TEXT NOT NULL,
    due_date TEXT NOT NULL,
    extended_due_date TEXT,
    extension_reason TEXT,
    extension_notified_at TEXT,
    paused_since TEXT,
    paused_days INTEGER NOT NULL DEFAULT 0,
    assignee_id {{REF}} REFERENCES operators (id),
    requester_name TEXT NOT NULL DEFAULT '',
    requester_address TEXT NOT NULL DEFAULT '',
    requester_birth_date TEXT,
    requester_id_number TEXT NOT NULL DEFAULT '',
    requester_email TEXT NOT NULL DEFAULT '',
    what_asked TEXT NOT NULL DEFAULT '',
    answer_form TEXT NOT NULL DEFAULT 'email',
    language TEXT NOT NULL DEFAULT 'en',
    representative_name TEXT NOT NULL DEFAULT '',
    representative_authority TEXT NOT NULL DEFAULT '',
    identity_method TEXT,
    identity_result TEXT,
    identity_checked_by {{REF}} REFERENCES operators (id),
    identity_checked_at TEXT,
    decision TEXT,
    refusal_ground TEXT,
    replied_at TEXT,
    reply_form TEXT,
    completed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX requests_status_due ON requests (status, due_date);
CREATE INDEX requests_subject ON requests (subject_id);
CREATE INDEX requests_received ON requests (received_at);

CREATE TABLE request_events (
    id {{ID}},
    request_id {{REF}} NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    operator_id {{REF}} REFERENCES operators (id),
    kind TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_events_request ON request_events (request_id);

-- Disclosures to third parties (Belarus 99-Z art. 12(2): information on disclosures of the last year).
CREATE TABLE disclosures (
    id {{ID}},
    subject_id {{REF}} NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
    purpose_id {{REF}} REFERENCES purposes (id),
    recipient TEXT NOT NULL,
    recipient_country TEXT NOT NULL DEFAULT '',
    data_categories TEXT NOT NULL,
    legal_basis TEXT NOT NULL DEFAULT '',
    disclosed_at TEXT NOT NULL
);
CREATE INDEX disclosures_subject ON disclosures (subject_id);

-- Append-only audit trail. Values of personal data are never written here: only field names, and a keyed hash
-- where matching is needed. Each entry carries the SHA-256 of the previous one.
CREATE TABLE audit_log (
    id {{ID}},
    at TEXT NOT NULL,
    operator_id {{REF}},
    operator_name TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL DEFAULT '',
    subject_id {{REF}},
    request_id {{REF}},
    reason TEXT NOT NULL DEFAULT '',
    fields TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject_id);
CREATE INDEX audit_log_at ON audit_log (at);

-- The fact of deletion, kept after the subject's data is gone (seed 004 §2.3.2); feeds the destruction act.
CREATE TABLE deletion_log (
    id {{ID}},
    subject_ref TEXT NOT NULL,
    controller_id {{REF}},
    deleted_at TEXT NOT NULL,
    categories TEXT NOT NULL,
    systems TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL,
    reason TEXT NOT NULL,
    operator_name TEXT NOT NULL,
    request_id {{REF}}
);
CREATE INDEX deletion_log_deleted_at ON deletion_log (deleted_at);
