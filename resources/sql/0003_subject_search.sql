-- Privacy Desk schema, version 3: search by any word of a name or by IP, and filters by purpose and category.

-- Words of the subject's name (case-folded) and its IP addresses, each findable by prefix. Rebuilt by the services
-- whenever a name or IP changes; emptied on anonymization, removed with the subject.
CREATE TABLE subject_terms (
    term {{KEY}} NOT NULL,
    subject_id {{REF}} NOT NULL REFERENCES subjects (id) ON DELETE CASCADE
);
CREATE INDEX subject_terms_term ON subject_terms (term);
CREATE INDEX subject_terms_subject ON subject_terms (subject_id);

-- Which categories and purposes a subject has items in, as ",a,b," lists, so that the list can filter a million
-- subjects with one pass over one table instead of probing their items.
ALTER TABLE subjects ADD COLUMN categories TEXT NOT NULL DEFAULT '';
ALTER TABLE subjects ADD COLUMN purpose_ids TEXT NOT NULL DEFAULT '';

-- @sqlite
UPDATE subjects SET
    categories = COALESCE(',' || (SELECT group_concat(category, ',') FROM
                                  (SELECT DISTINCT category FROM pd_items WHERE subject_id = subjects.id)) || ',', ''),
    purpose_ids = COALESCE(',' || (SELECT group_concat(purpose_id, ',') FROM
                                   (SELECT DISTINCT purpose_id FROM pd_items
                                    WHERE subject_id = subjects.id AND purpose_id IS NOT NULL)) || ',', '');
-- @postgresql
UPDATE subjects SET
    categories = COALESCE(',' || (SELECT string_agg(DISTINCT category, ',') FROM pd_items
                                  WHERE subject_id = subjects.id) || ',', ''),
    purpose_ids = COALESCE(',' || (SELECT string_agg(DISTINCT purpose_id::text, ',') FROM pd_items
                                   WHERE subject_id = subjects.id AND purpose_id IS NOT NULL) || ',', '');
-- @all
