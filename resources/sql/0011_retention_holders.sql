-- Privacy Desk schema, version 11: the subjects that may hold their due data back (blocked, or under a legal hold)
-- found without reading every subject. The retention preview counts what they hold back over these few; the
-- condition is the one RetentionDue's kHolders writes, term for term, so that both databases use the index.
CREATE INDEX subjects_holding ON subjects (id) WHERE state = 'blocked' OR legal_hold <> '';
