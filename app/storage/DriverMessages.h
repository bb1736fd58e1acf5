#pragma once

namespace pd {

/// Keeps what Qt's SQL drivers print on their own out of stderr and the logs: Qt's PostgreSQL driver warns with the
/// server's whole error ("Unable to free statement: ERROR: ... DETAIL: Failing row contains (...)"), which quotes
/// values, and such a warning is replaced by one line that says a driver message was withheld. Every other message
/// passes to the handler that was installed before. Call once, early in main().
void installDriverMessageFilter();

/// Whether `message` is one the filter withholds (for tests).
bool isWithheldDriverMessage(const char *message);

} // namespace pd
