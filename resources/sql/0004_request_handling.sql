-- Privacy Desk schema, version 4: handling data-subject requests (intake, identity check, deadlines, execution,
-- answer) and the calendars their deadlines are counted on.

-- The intake: a request that repeats an open one of the same subject points to it; the identity check keeps a note
-- of what was seen (never a copy of the document). The representative's document of authority is kept in
-- representative_authority (schema 1).
ALTER TABLE requests ADD COLUMN duplicate_of {{REF}} REFERENCES requests (id) ON DELETE SET NULL;
ALTER TABLE requests ADD COLUMN identity_note TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN requester_phone TEXT NOT NULL DEFAULT '';
-- The requester's name case-folded (SQLite's lower() folds only ASCII), for the Requests page's search.
ALTER TABLE requests ADD COLUMN requester_key TEXT NOT NULL DEFAULT '';
CREATE INDEX requests_completed ON requests (completed_at);
CREATE INDEX requests_assignee ON requests (assignee_id);

-- Days off and working days the office adds to (or takes back from) the built-in public holidays of a country:
-- government transfers, a holiday declared for one year, the holidays of a country without a built-in calendar.
CREATE TABLE calendar_days (
    id {{ID}},
    country TEXT NOT NULL,
    day TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('day-off', 'working-day')),
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (country, day)
);

-- What was produced for a request: the subject's data for access and portability, the reply letter.
CREATE TABLE request_documents (
    id {{ID}},
    request_id {{REF}} NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('subject-data', 'reply-letter')),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    media_type TEXT NOT NULL,
    form TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    content {{BLOB}} NOT NULL
);
CREATE INDEX request_documents_request ON request_documents (request_id);

-- Reply-letter templates as the office edited them; the built-in ones ship in resources/templates.
CREATE TABLE letter_templates (
    id {{ID}},
    language TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    UNIQUE (language, kind)
);

-- Deletion scheduled by a withdrawn consent: the data kept only for that purpose must go by `due_date`
-- (carried out by `retention run`).
CREATE TABLE scheduled_erasures (
    id {{ID}},
    subject_id {{REF}} NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
    purpose_id {{REF}} REFERENCES purposes (id),
    request_id {{REF}} REFERENCES requests (id) ON DELETE SET NULL,
    due_date TEXT NOT NULL,
    created_at TEXT NOT NULL,
    done_at TEXT
);
CREATE INDEX scheduled_erasures_due ON scheduled_erasures (due_date);
