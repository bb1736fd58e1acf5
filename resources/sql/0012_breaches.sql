-- Privacy Desk schema, version 12: the register of personal-data breaches (GDPR art. 33(5): every breach is
-- documented, notified or not; Belarus 99-Z art. 16; Russia 152-FZ art. 21(3.1)). Times are UTC ISO 8601.
CREATE TABLE breaches (
    id {{ID}},
    discovered_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    nature TEXT NOT NULL,
    -- Data categories concerned, as ",account,payment,"; approximate numbers (NULL: not known yet).
    categories TEXT NOT NULL DEFAULT '',
    subjects_count INTEGER CHECK (subjects_count IS NULL OR subjects_count >= 0),
    records_count INTEGER CHECK (records_count IS NULL OR records_count >= 0),
    consequences TEXT NOT NULL DEFAULT '',
    measures_taken TEXT NOT NULL DEFAULT '',
    measures_proposed TEXT NOT NULL DEFAULT '',
    dpo_contact TEXT NOT NULL DEFAULT '',
    -- A high risk to the subjects: they are told without undue delay (GDPR art. 34).
    high_risk INTEGER NOT NULL DEFAULT 0,
    subjects_told_at TEXT,
    version INTEGER NOT NULL DEFAULT 1
);

-- One notice per regime that applies: when it is due (NULL: no fixed time), when it was made, and why late.
CREATE TABLE breach_notifications (
    breach_id {{REF}} NOT NULL REFERENCES breaches (id) ON DELETE CASCADE,
    regime TEXT NOT NULL,
    notify_by TEXT,
    follow_up_by TEXT,
    notified_at TEXT,
    late_reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (breach_id, regime)
);
CREATE INDEX breach_notifications_due ON breach_notifications (notified_at, notify_by);
