#pragma once

#include "app/domain/Result.h"

#include <QSqlDatabase>

namespace pd {

/// Bulk loads into an empty subjects table.
///
/// Keeping four search indexes ordered while a million subjects arrive in random key order costs most of the
/// load; building them afterwards sorts once and is an order of magnitude cheaper. suspendSubjectIndexes() drops
/// them, restoreSubjectIndexes() builds the missing ones again. Database::open() also restores them, so a load that
/// was killed half-way never leaves a database without its indexes; when none is missing (every normal open) it
/// only reads the catalog, changes no schema and waits for no lock.
class BulkLoad
{
public:
    static Status suspendSubjectIndexes(QSqlDatabase &db);
    /// Creates whichever of the subject search indexes is missing (a no-op when all exist).
    static Status restoreSubjectIndexes(QSqlDatabase &db);
};

} // namespace pd
