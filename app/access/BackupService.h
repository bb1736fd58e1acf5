#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QString>

namespace pd {

class Database;

/// Backups of an SQLite database and restoring one (a PostgreSQL server is backed up with its own tools, pg_dump).
///
/// A backup is SQLite's online backup of the open database (it stays in use), written to a file only its owner may
/// read and checked before it takes its name: a killed process leaves the old file, never half a copy. A copy is
/// restored only once it is verified: SQLite's integrity check, a Privacy Desk schema this version can read, and
/// an audit trail whose hash chain is whole; then it replaces the database's content in one step and the restore is
/// recorded in the audit trail. Data erased after a backup was made is in that backup until the backup is
/// discarded: restoring an old one brings it back (README, "Backups").
class BackupService
{
public:
    struct Check
    {
        int schemaVersion = 0;   ///< of the copy, as it was written
        qint64 auditEntries = 0; ///< in the copy's audit trail, its chain checked whole
        qint64 subjects = 0;
    };

    /// Writes a backup of `database` to `path` (replacing a file there) and returns its check. Administrators,
    /// officers and auditors (Action::ManageSettings or Action::ExportRegisters); recorded in the audit trail.
    static Result<Check> backup(Database &database, const Session &who, const QString &path);
    /// Replaces the content of `database` with the verified copy at `path`. Administrators only
    /// (Action::ManageSettings). A copy that fails its check is refused and nothing is replaced.
    static Result<Check> restore(Database &database, const Session &who, const QString &path);
};

} // namespace pd
