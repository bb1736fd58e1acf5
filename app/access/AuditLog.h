#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace pd {

class Database;

/// One thing that happened, as the audit trail keeps it. Never holds a value of personal data: only the names of
/// the fields touched, and keyed hashes (password::keyedHash) where a value must be matched later.
struct AuditEntry
{
    QString action;     ///< "subject.correct", "subject.delete", "operator.add", "sign-in.failed", ...
    QString objectType; ///< "subject", "operator", "approval", ...
    QString objectId;
    std::optional<qint64> subjectId;
    std::optional<qint64> requestId;
    QString reason;
    QStringList fields;
    QString details;
};

/// A stored entry, for the Audit page and reports.
struct AuditRecord
{
    qint64 id = 0;
    QString at;
    QString operatorName;
    AuditEntry entry;
    QString hash;
};

struct AuditFilter
{
    QString operatorName; ///< exact
    QString action;       ///< prefix: "subject." finds every subject action
    std::optional<qint64> subjectId;
    QString from; ///< YYYY-MM-DD, inclusive
    QString to;   ///< YYYY-MM-DD, inclusive
};

/// The append-only, hash-chained audit trail.
///
/// Each entry stores the SHA-256 of the previous entry and its own SHA-256 over all its columns (including its id),
/// so a changed, removed or reordered entry breaks the chain where it happened. The head of the chain (last id and
/// hash) is kept in pd_meta, which shows entries removed from the end. Appends are serialized (an advisory lock
/// on PostgreSQL, the write lock on SQLite), so two workstations never fork the chain. Reading needs Action::ViewAudit.
class AuditLog
{
public:
    /// Appends `entry` on behalf of `who` inside the caller's transaction `tx`. A session without an operator
    /// (first start, the command line creating the first administrator) is written as "system".
    static Status append(QSqlDatabase &tx, const Session &who, const AuditEntry &entry);
    /// Appends `entries` in their order, as append() would one by one, but reading and moving the head of the chain
    /// once and writing the rows with multi-row statements (bulk actions write one entry per subject).
    static Status appendMany(QSqlDatabase &tx, const Session &who, const QList<AuditEntry> &entries);

    struct Verification
    {
        qint64 entries = 0;
        qint64 firstBrokenId = 0; ///< 0 when the chain is whole
        QString problem;          ///< what is wrong at firstBrokenId, for a human
        bool ok() const { return firstBrokenId == 0 && problem.isEmpty(); }
    };
    /// Walks the whole chain (streaming, not loading it) and reports the first entry where it breaks.
    static Result<Verification> verify(Database &database, const Session &who);

    /// Entries matching `filter`, newest first.
    static Result<QList<AuditRecord>> find(Database &database, const Session &who, const AuditFilter &filter,
                                           int offset, int limit);
    static Result<qint64> count(Database &database, const Session &who, const AuditFilter &filter);

    /// The key for keyed hashes of values in audit entries (created on first use, kept in the database so that
    /// every workstation matches alike).
    static Result<QByteArray> valueKey(QSqlDatabase &db);
};

} // namespace pd
