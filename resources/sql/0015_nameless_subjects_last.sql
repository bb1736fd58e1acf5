-- Privacy Desk schema, version 15: subjects without a name (anonymized ones) sort last in a list sorted by name. Their
-- name_key was empty, which sorted first; it is now U+FFFD, after every Latin and Cyrillic key (searchkeys::kNoName).
UPDATE subjects SET name_key = '�' WHERE name_key = '';
