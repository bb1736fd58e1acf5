-- Privacy Desk schema, version 14: a request's timeline keeps the program's own lines untranslated with their
-- arguments (JSON, see app/requests/EventMessage.h), so that every window shows them in its own language. `comment`
-- keeps the line in English with ISO dates, as the command line and the reports read it; older lines have only that.
ALTER TABLE request_events ADD COLUMN message TEXT;
