#pragma once

// Private to app/subjects/: how ImportService finds the subjects a file names and stores its rows.

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace pd::importing {

struct ItemValue
{
    QString category;
    QString field;
    QString value;
};

/// One checked row of an import, ready to store.
struct Row
{
    int number = 0;
    qint64 controllerId = 0;
    qint64 purposeId = 0;
    QString collectedAt; ///< timestamp
    QString source;
    QString externalId;
    QString name; ///< the listing's name, e-mail and phone (also among the items)
    QString email;
    QString phone;
    QList<ItemValue> items;
    QString consentGivenAt; ///< timestamp; empty: no consent recorded
    QString policyVersion;
    qint64 existingId = 0; ///< > 0: the subject the row updates
};

/// A subject the file names already (same controller, by external id, else by e-mail).
struct Existing
{
    qint64 id = 0;
    QString state;
};

/// The stored subjects that `rows` name, by row number (read in chunks; nothing is locked).
Result<QHash<int, Existing>> findExisting(QSqlDatabase &db, const QList<Row> &rows);

struct Stored
{
    int created = 0;
    int updated = 0;
    int unchanged = 0;
};

/// Stores the rows from `begin` up to `end` inside the caller's transaction: new subjects with their items, search
/// terms and consents in multi-row statements; existing ones item by item (a changed value is corrected, a new one
/// added), audited per subject ("subject.update", fields only). Fails (and the caller rolls back) when a subject to
/// update is no longer active.
Result<Stored> storeRows(QSqlDatabase &tx, const Session &who, const Row *begin, const Row *end,
                         const QString &fileName);

} // namespace pd::importing
