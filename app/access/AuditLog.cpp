#include "app/access/AuditLog.h"

#include "app/access/Password.h"
#include "app/domain/Permissions.h"
#include "app/storage/BatchInserter.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Dialect.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariantList>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::AuditLog)
};
} // namespace

namespace pd {

namespace {

const QString kGenesis = QString(64, QLatin1Char('0'));
const QLatin1String kHeadKey("audit_head");
const QLatin1String kValueKey("audit_value_key");

QString optionalText(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : QStringLiteral("-");
}

/// The bytes an entry's hash covers: every column but the hash itself, separated by a unit separator.
QString entryHash(qint64 id, const QString &at, const QString &operatorId, const QString &operatorName,
                  const AuditEntry &entry, const QString &previous)
{
    const QStringList parts = {QString::number(id),
                               at,
                               operatorId,
                               operatorName,
                               entry.action,
                               entry.objectType,
                               entry.objectId,
                               optionalText(entry.subjectId),
                               optionalText(entry.requestId),
                               entry.reason,
                               entry.fields.join(QLatin1Char(',')),
                               entry.details,
                               previous};
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha256).toHex());
}

std::optional<qint64> optionalId(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QVariant nullable(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qlonglong>());
}

Status putMeta(QSqlDatabase &tx, const QString &key, const QString &value)
{
    QSqlQuery query(tx);
    return sql::exec(query,
                     QStringLiteral("INSERT INTO pd_meta (key, value) VALUES (?, ?) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                     {key, value}, "recording the head of the audit trail");
}

struct Where
{
    QString sql;
    QVariantList values;
};

Where whereFor(const AuditFilter &filter)
{
    QStringList conditions;
    Where where;
    if (!filter.operatorName.isEmpty()) {
        conditions << QStringLiteral("operator_name = ?");
        where.values << filter.operatorName;
    }
    if (!filter.action.isEmpty()) {
        conditions << QStringLiteral("action >= ? AND action < ?");
        where.values << filter.action << QString(filter.action + QChar(0xFFFF));
    }
    if (filter.subjectId) {
        conditions << QStringLiteral("subject_id = ?");
        where.values << *filter.subjectId;
    }
    if (!filter.from.isEmpty()) {
        conditions << QStringLiteral("at >= ?");
        where.values << filter.from;
    }
    if (!filter.to.isEmpty()) {
        conditions << QStringLiteral("at < ?");
        where.values << QDate::fromString(filter.to, Qt::ISODate).addDays(1).toString(Qt::ISODate);
    }
    if (!conditions.isEmpty()) {
        where.sql = QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
    return where;
}

} // namespace

Status AuditLog::append(QSqlDatabase &tx, const Session &who, const AuditEntry &entry)
{
    return appendMany(tx, who, {entry});
}

Status AuditLog::appendMany(QSqlDatabase &tx, const Session &who, const QList<AuditEntry> &entries)
{
    if (entries.isEmpty()) {
        return {};
    }
    QSqlQuery query(tx);
    if (dialectOf(tx) == Dialect::PostgreSQL) {
        if (!query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(727002)"))) {
            return sql::queryError(query, "locking the audit trail");
        }
    }
    if (!query.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"))) {
        return sql::queryError(query, "reading the audit trail");
    }
    qint64 id = 1;
    QString previous = kGenesis;
    if (query.next()) {
        id = query.value(0).toLongLong() + 1;
        previous = query.value(1).toString();
    }
    query.finish();

    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString operatorId = who.isValid() ? QString::number(who.operatorId) : QStringLiteral("-");
    const QString operatorName = who.isValid() ? who.name : QStringLiteral("system");
    const QVariant operatorValue =
        who.isValid() ? QVariant(who.operatorId) : QVariant(QMetaType::fromType<qlonglong>());
    BatchInserter rows(tx, QStringLiteral("audit_log"),
                       {QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("operator_id"),
                        QStringLiteral("operator_name"), QStringLiteral("action"), QStringLiteral("object_type"),
                        QStringLiteral("object_id"), QStringLiteral("subject_id"), QStringLiteral("request_id"),
                        QStringLiteral("reason"), QStringLiteral("fields"), QStringLiteral("details"),
                        QStringLiteral("prev_hash"), QStringLiteral("hash")},
                       entries.size() < 64 ? int(entries.size()) : 64);
    for (const AuditEntry &entry : entries) {
        const QString hash = entryHash(id, at, operatorId, operatorName, entry, previous);
        const QString fields = entry.fields.join(QLatin1Char(','));
        if (Status status =
                rows.add({id, at, operatorValue, operatorName, sql::text(entry.action), sql::text(entry.objectType),
                          sql::text(entry.objectId), nullable(entry.subjectId), nullable(entry.requestId),
                          sql::text(entry.reason), sql::text(fields), sql::text(entry.details), previous, hash});
            !status) {
            return status;
        }
        previous = hash;
        ++id;
    }
    if (Status status = rows.flush(); !status) {
        return status;
    }
    // Open Audit pages on every workstation show the new entries.
    ChangeNotifier::notify(tx, QStringLiteral("audit"));
    return putMeta(tx, kHeadKey, QString::number(id - 1) + QLatin1Char(':') + previous);
}

Result<AuditLog::Verification> AuditLog::verify(Database &database, const Session &who)
{
    if (Status allowed = Permissions::check(who, Action::ViewAudit); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, at, operator_id, operator_name, action, object_type, object_id, "
                                   "subject_id, request_id, reason, fields, details, prev_hash, hash "
                                   "FROM audit_log ORDER BY id"))) {
        return sql::queryError(query, "reading the audit trail");
    }
    Verification result;
    qint64 expectedId = 1;
    QString previous = kGenesis;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        ++result.entries;
        AuditEntry entry;
        entry.action = query.value(4).toString();
        entry.objectType = query.value(5).toString();
        entry.objectId = query.value(6).toString();
        entry.subjectId = optionalId(query.value(7));
        entry.requestId = optionalId(query.value(8));
        entry.reason = query.value(9).toString();
        entry.fields = query.value(10).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        entry.details = query.value(11).toString();
        const QString operatorId = query.value(2).isNull() ? QStringLiteral("-") : query.value(2).toString();
        const QString storedPrevious = query.value(12).toString();
        const QString storedHash = query.value(13).toString();

        if (id != expectedId) {
            result.firstBrokenId = id;
            result.problem =
                id > expectedId
                    ? Tr::tr("entry %1 follows entry %2: entries in between were removed").arg(id).arg(expectedId - 1)
                    : Tr::tr("entry %1 appears out of order").arg(id);
            return result;
        }
        if (storedPrevious != previous) {
            result.firstBrokenId = id;
            result.problem = Tr::tr("entry %1 does not follow the entry before it: an entry was removed, reordered or "
                                    "changed")
                                 .arg(id);
            return result;
        }
        const QString computed =
            entryHash(id, query.value(1).toString(), operatorId, query.value(3).toString(), entry, storedPrevious);
        if (computed != storedHash) {
            result.firstBrokenId = id;
            result.problem = Tr::tr("entry %1 was changed after it was written").arg(id);
            return result;
        }
        previous = storedHash;
        ++expectedId;
    }
    Result<QVariant> head = sql::scalar(db, QStringLiteral("SELECT value FROM pd_meta WHERE key = ?"), {kHeadKey},
                                        "reading the head of the audit trail");
    if (!head) {
        return head.error();
    }
    const QString expectedHead =
        result.entries == 0 ? QString() : QString::number(expectedId - 1) + QLatin1Char(':') + previous;
    if (head.value().toString() != expectedHead) {
        const qint64 headId = head.value().toString().section(QLatin1Char(':'), 0, 0).toLongLong();
        result.firstBrokenId = std::max<qint64>(1, expectedId);
        result.problem =
            headId >= expectedId
                ? Tr::tr("the audit trail ends at entry %1 but entry %2 was written: the last entries were "
                         "removed")
                      .arg(expectedId - 1)
                      .arg(headId)
                : Tr::tr("the head of the audit trail does not match its last entry %1").arg(expectedId - 1);
    }
    return result;
}

Result<QList<AuditRecord>> AuditLog::find(Database &database, const Session &who, const AuditFilter &filter, int offset,
                                          int limit)
{
    if (Status allowed = Permissions::check(who, Action::ViewAudit); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    const Where where = whereFor(filter);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status =
            sql::exec(query,
                      QStringLiteral("SELECT id, at, operator_name, action, object_type, object_id, "
                                     "subject_id, request_id, reason, fields, details, hash FROM audit_log") +
                          where.sql + QStringLiteral(" ORDER BY id DESC LIMIT ? OFFSET ?"),
                      where.values + QVariantList{limit, offset}, "reading the audit trail");
        !status) {
        return status.error();
    }
    QList<AuditRecord> records;
    while (query.next()) {
        AuditRecord record;
        record.id = query.value(0).toLongLong();
        record.at = query.value(1).toString();
        record.operatorName = query.value(2).toString();
        record.entry.action = query.value(3).toString();
        record.entry.objectType = query.value(4).toString();
        record.entry.objectId = query.value(5).toString();
        record.entry.subjectId = optionalId(query.value(6));
        record.entry.requestId = optionalId(query.value(7));
        record.entry.reason = query.value(8).toString();
        record.entry.fields = query.value(9).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        record.entry.details = query.value(10).toString();
        record.hash = query.value(11).toString();
        records.append(record);
    }
    return records;
}

Result<qint64> AuditLog::count(Database &database, const Session &who, const AuditFilter &filter)
{
    if (Status allowed = Permissions::check(who, Action::ViewAudit); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    const Where where = whereFor(filter);
    QSqlQuery query(db);
    if (Status status = sql::exec(query, QStringLiteral("SELECT COUNT(*) FROM audit_log") + where.sql, where.values,
                                  "counting audit entries");
        !status) {
        return status.error();
    }
    if (!query.next()) {
        return sql::queryError(query, "counting audit entries");
    }
    return query.value(0).toLongLong();
}

Result<QByteArray> AuditLog::valueKey(QSqlDatabase &db)
{
    Result<QVariant> stored = sql::scalar(db, QStringLiteral("SELECT value FROM pd_meta WHERE key = ?"), {kValueKey},
                                          "reading the audit key");
    if (!stored) {
        return stored.error();
    }
    if (!stored.value().isNull()) {
        return QByteArray::fromHex(stored.value().toString().toLatin1());
    }
    const QByteArray key = password::randomKey();
    QSqlQuery query(db);
    if (Status status = sql::exec(query,
                                  QStringLiteral("INSERT INTO pd_meta (key, value) VALUES (?, ?) "
                                                 "ON CONFLICT (key) DO NOTHING"),
                                  {kValueKey, QString::fromLatin1(key.toHex())}, "storing the audit key");
        !status) {
        return status.error();
    }
    Result<QVariant> again = sql::scalar(db, QStringLiteral("SELECT value FROM pd_meta WHERE key = ?"), {kValueKey},
                                         "reading the audit key");
    if (!again) {
        return again.error();
    }
    return QByteArray::fromHex(again.value().toString().toLatin1());
}

} // namespace pd
