#include "app/domain/FieldRules.h"
#include "app/subjects/SubjectChanges_p.h"

#include "app/access/AuditLog.h"
#include "app/domain/Anonymization.h"
#include "app/storage/BatchInserter.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Dialect.h"
#include "app/storage/Sql.h"
#include "app/storage/SubjectIndex.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QVector>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::SubjectChanges)
};
} // namespace

namespace pd::subjectchanges {

Status requireReason(const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("a reason is required"));
    }
    return FieldRules::checkText(QStringLiteral("reason"), reason, FieldRules::Text::Multiline);
}

AuditEntry subjectEntry(const char *action, qint64 subjectId, const QString &reason, std::optional<qint64> requestId)
{
    AuditEntry entry;
    entry.action = QLatin1String(action);
    entry.objectType = QStringLiteral("subject");
    entry.objectId = QString::number(subjectId);
    entry.subjectId = subjectId;
    entry.requestId = requestId;
    entry.reason = reason.trimmed();
    return entry;
}

Result<SubjectState> readState(QSqlDatabase &tx, qint64 subjectId)
{
    QSqlQuery query(tx);
    if (Status status = sql::exec(
            query, QStringLiteral("SELECT state, version, updated_at FROM subjects WHERE id = ?") + sql::forUpdate(tx),
            {subjectId}, "reading the subject");
        !status) {
        return status.error();
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound, Tr::tr("there is no subject #%1").arg(subjectId));
    }
    return SubjectState{query.value(0).toString(), query.value(1).toInt(), query.value(2).toString()};
}

/// Moves the subject to its next version, provided nobody changed it since `expected` was read (-1: no check).
Status bumpVersion(QSqlDatabase &tx, qint64 subjectId, int expected)
{
    QSqlQuery query(tx);
    if (expected < 0) {
        return sql::exec(query,
                         QStringLiteral("UPDATE subjects SET version = version + 1, updated_at = ? WHERE id = ?"),
                         {sql::nowTimestamp(), subjectId}, "updating the subject");
    }
    if (Status status = sql::exec(query,
                                  QStringLiteral("UPDATE subjects SET version = version + 1, updated_at = ? "
                                                 "WHERE id = ? AND version = ?"),
                                  {sql::nowTimestamp(), subjectId, expected}, "updating the subject");
        !status) {
        return status;
    }
    if (query.numRowsAffected() == 1) {
        return {};
    }
    Result<SubjectState> current = readState(tx, subjectId);
    if (!current) {
        return current.error();
    }
    return makeError(ErrorCode::Conflict,
                     Tr::tr("subject #%1 was changed by someone else at %2 (version %3, you edited version %4); "
                            "nothing was saved: look at the newer values and try again")
                         .arg(subjectId)
                         .arg(current->updatedAt)
                         .arg(current->version)
                         .arg(expected));
}

Status refuseUnless(const SubjectState &state, qint64 subjectId, const char *allowedState)
{
    if (state.state == QLatin1String(allowedState)) {
        return {};
    }
    if (state.state == QLatin1String("anonymized")) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("subject #%1 is anonymized: nothing of it can change").arg(subjectId));
    }
    if (state.state == QLatin1String("blocked")) {
        return makeError(
            ErrorCode::InvalidArgument,
            Tr::tr("subject #%1 is blocked: its data is read-only until the block is lifted").arg(subjectId));
    }
    return makeError(ErrorCode::InvalidArgument, Tr::tr("subject #%1 is not blocked").arg(subjectId));
}

Status blockIn(QSqlDatabase &tx, const Session &who, const RestrictionService::Restriction &restriction,
               std::optional<int> expectedVersion)
{
    if (expectedVersion) {
        if (Status status = bumpVersion(tx, restriction.subjectId, *expectedVersion); !status) {
            return status;
        }
    } else {
        QSqlQuery touch(tx);
        if (Status status = sql::exec(touch,
                                      QStringLiteral("UPDATE subjects SET version = version + 1, updated_at = ? "
                                                     "WHERE id = ?"),
                                      {sql::nowTimestamp(), restriction.subjectId}, "updating the subject");
            !status) {
            return status;
        }
    }
    QSqlQuery query(tx);
    QStringList fields;
    const QString until = restriction.until.isValid() ? restriction.until.toString(Qt::ISODate) : QString();
    if (restriction.itemIds.isEmpty()) {
        if (Status status = sql::exec(
                query,
                QStringLiteral("UPDATE subjects SET state = 'blocked', blocked_reason = ?, "
                               "blocked_until = ? WHERE id = ?"),
                {restriction.reason.trimmed(), until.isEmpty() ? QVariant(QString()) : until, restriction.subjectId},
                "blocking the subject");
            !status) {
            return status;
        }
        if (Status status = sql::exec(query,
                                      QStringLiteral("UPDATE pd_items SET state = 'blocked', blocked_reason = ? "
                                                     "WHERE subject_id = ? AND state = 'active'"),
                                      {restriction.reason.trimmed(), restriction.subjectId}, "blocking the items");
            !status) {
            return status;
        }
        fields << QStringLiteral("*");
    } else {
        for (qint64 itemId : restriction.itemIds) {
            if (Status status =
                    sql::exec(query,
                              QStringLiteral("UPDATE pd_items SET state = 'blocked', blocked_reason = ? "
                                             "WHERE id = ? AND subject_id = ? AND state = 'active' "
                                             "RETURNING field"),
                              {restriction.reason.trimmed(), itemId, restriction.subjectId}, "blocking an item");
                !status) {
                return status;
            }
            if (!query.next()) {
                return makeError(ErrorCode::NotFound,
                                 Tr::tr("subject #%1 has no active item #%2").arg(restriction.subjectId).arg(itemId));
            }
            fields << query.value(0).toString();
            query.finish();
        }
    }
    AuditEntry entry = subjectEntry("subject.block", restriction.subjectId, restriction.reason, restriction.requestId);
    entry.fields = fields;
    entry.details = until.isEmpty() ? QString() : QStringLiteral("until=%1").arg(until);
    ChangeNotifier::notify(tx, QStringLiteral("subjects"));
    return AuditLog::append(tx, who, entry);
}

namespace {

/// "?,?,?" for `count` values.
QString marks(qsizetype count)
{
    return QStringLiteral("?,").repeated(int(count)).chopped(1);
}

QVariantList asValues(const QList<qint64> &ids)
{
    QVariantList values;
    values.reserve(ids.size());
    for (qint64 id : ids) {
        values << id;
    }
    return values;
}

/// Locks the subjects (in id order, so that two bulk actions never wait for each other in a cycle) and returns
/// their states; a subject that is gone is missing from the result.
Result<QHash<qint64, QString>> lockStates(QSqlDatabase &tx, const QList<qint64> &ids)
{
    QSqlQuery query(tx);
    query.setForwardOnly(true);
    if (Status status = sql::exec(
            query,
            QStringLiteral("SELECT id, state FROM subjects WHERE id IN (%1) ORDER BY id").arg(marks(ids.size())) +
                sql::forUpdate(tx),
            asValues(ids), "reading the subjects");
        !status) {
        return status.error();
    }
    QHash<qint64, QString> states;
    while (query.next()) {
        states.insert(query.value(0).toLongLong(), query.value(1).toString());
    }
    return states;
}

/// Copies of the subjects' data given out for access or portability requests go with the data itself.
Status purgeRequestCopies(QSqlDatabase &tx, const QList<qint64> &ids)
{
    QSqlQuery query(tx);
    return sql::exec(query,
                     QStringLiteral("DELETE FROM request_documents WHERE kind = 'subject-data' AND request_id IN "
                                    "(SELECT id FROM requests WHERE subject_id IN (%1))")
                         .arg(marks(ids.size())),
                     asValues(ids), "removing copies of the subjects' data");
}

QVariant optionalId(std::optional<qint64> id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qlonglong>());
}

} // namespace

Result<qint64> anonymizeMany(QSqlDatabase &tx, const Session &who, const QList<qint64> &subjectIds,
                             const QString &reason, std::optional<qint64> requestId, qint64 approvalId)
{
    if (subjectIds.isEmpty()) {
        return qint64(0);
    }
    Result<QHash<qint64, QString>> states = lockStates(tx, subjectIds);
    if (!states) {
        return states.error();
    }
    QList<qint64> targets;
    for (qint64 id : subjectIds) {
        const QString state = states->value(id);
        if (!state.isEmpty() && state != QLatin1String("anonymized")) {
            targets << id;
        }
    }
    if (targets.isEmpty()) {
        return qint64(0);
    }
    // Every item gets what its field's strategy makes of it (Anonymization), computed here and written back with
    // one statement per few thousand items.
    QSqlQuery query(tx);
    query.setForwardOnly(true);
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT id, subject_id, field, value FROM pd_items "
                                                 "WHERE subject_id IN (%1) ORDER BY id")
                                      .arg(marks(targets.size())),
                                  asValues(targets), "reading the items");
        !status) {
        return status.error();
    }
    const bool postgres = dialectOf(tx) == Dialect::PostgreSQL;
    BatchInserter items(
        tx,
        postgres
            ? QStringLiteral("UPDATE pd_items AS i SET value = v.value, state = 'anonymized', blocked_reason = NULL, "
                             "source = '', version = i.version + 1 FROM (VALUES %1) AS v (id, value) "
                             "WHERE i.id = v.id")
            : QStringLiteral("UPDATE pd_items SET value = v.column2, state = 'anonymized', blocked_reason = NULL, "
                             "source = '', version = version + 1 FROM (VALUES %1) AS v "
                             "WHERE pd_items.id = v.column1"),
        postgres ? QStringLiteral("(CAST(? AS BIGINT), CAST(? AS TEXT))") : QStringLiteral("(?, ?)"), 2, 500);
    // Read to the end before writing: a forward-only result on PostgreSQL is lost when the connection runs
    // another statement.
    QHash<qint64, QStringList> fields;
    QVector<std::pair<qint64, QString>> changes;
    while (query.next()) {
        const qint64 subject = query.value(1).toLongLong();
        const QString field = query.value(2).toString();
        QStringList &names = fields[subject];
        if (!names.contains(field)) {
            names << field;
        }
        changes.append({query.value(0).toLongLong(), Anonymization::apply(field, query.value(3).toString())});
    }
    query.finish();
    for (const auto &[itemId, value] : std::as_const(changes)) {
        if (Status status = items.add({itemId, value}); !status) {
            return status.error();
        }
    }
    if (Status status = items.flush(); !status) {
        return status.error();
    }
    QVariantList values{sql::nowTimestamp()};
    values << asValues(targets);
    if (Status status = sql::exec(query,
                                  QStringLiteral("UPDATE subjects SET display_name = '', email = '', phone = '', "
                                                 "name_key = '', email_key = '', phone_key = '', external_id = NULL, "
                                                 "state = 'anonymized', blocked_reason = NULL, blocked_until = NULL, "
                                                 "version = version + 1, updated_at = ? WHERE id IN (%1)")
                                      .arg(marks(targets.size())),
                                  values, "anonymizing the subjects");
        !status) {
        return status.error();
    }
    // Nothing of an anonymized subject is found by a search any more (its categories and purposes stay).
    if (Status status = sql::exec(
            query, QStringLiteral("DELETE FROM subject_terms WHERE subject_id IN (%1)").arg(marks(targets.size())),
            asValues(targets), "clearing the search terms");
        !status) {
        return status.error();
    }
    if (Status status = purgeRequestCopies(tx, targets); !status) {
        return status.error();
    }
    QList<AuditEntry> entries;
    entries.reserve(targets.size());
    for (qint64 id : targets) {
        AuditEntry entry = subjectEntry("subject.anonymize", id, reason, requestId);
        entry.fields = fields.value(id);
        entry.details = approvalId > 0 ? QStringLiteral("approval=%1").arg(approvalId) : QString();
        entries << entry;
    }
    ChangeNotifier::notify(tx, QStringLiteral("subjects"));
    if (Status status = AuditLog::appendMany(tx, who, entries); !status) {
        return status.error();
    }
    return qint64(targets.size());
}

Result<qint64> eraseMany(QSqlDatabase &tx, const Session &who, const QList<qint64> &subjectIds, const QString &reason,
                         std::optional<qint64> requestId, qint64 approvalId)
{
    if (subjectIds.isEmpty()) {
        return qint64(0);
    }
    Result<QHash<qint64, QString>> states = lockStates(tx, subjectIds);
    if (!states) {
        return states.error();
    }
    QList<qint64> targets;
    for (qint64 id : subjectIds) {
        if (states->contains(id)) {
            targets << id;
        }
    }
    if (targets.isEmpty()) {
        return qint64(0);
    }
    QSqlQuery query(tx);
    query.setForwardOnly(true);
    if (Status status = sql::exec(
            query, QStringLiteral("SELECT id, controller_id FROM subjects WHERE id IN (%1)").arg(marks(targets.size())),
            asValues(targets), "reading the subjects");
        !status) {
        return status.error();
    }
    QHash<qint64, QVariant> controllers;
    while (query.next()) {
        controllers.insert(query.value(0).toLongLong(), query.value(1));
    }
    query.finish();
    // What the destruction act needs: which categories, fields and systems were destroyed.
    if (Status status =
            sql::exec(query,
                      QStringLiteral("SELECT DISTINCT i.subject_id, i.category, i.field, COALESCE(s.name, '') "
                                     "FROM pd_items i LEFT JOIN purposes p ON p.id = i.purpose_id "
                                     "LEFT JOIN information_systems s ON s.id = p.system_id "
                                     "WHERE i.subject_id IN (%1) ORDER BY 1, 2, 3")
                          .arg(marks(targets.size())),
                      asValues(targets), "reading the categories");
        !status) {
        return status.error();
    }
    struct Destroyed
    {
        QStringList categories;
        QStringList fields;
        QStringList systems;
    };
    QHash<qint64, Destroyed> destroyed;
    while (query.next()) {
        Destroyed &what = destroyed[query.value(0).toLongLong()];
        for (auto [list, column] :
             {std::pair<QStringList *, int>{&what.categories, 1}, {&what.fields, 2}, {&what.systems, 3}}) {
            const QString value = query.value(column).toString();
            if (!value.isEmpty() && !list->contains(value)) {
                list->append(value);
            }
        }
    }
    query.finish();
    if (Status status = purgeRequestCopies(tx, targets); !status) {
        return status.error();
    }
    if (Status status =
            sql::exec(query, QStringLiteral("DELETE FROM subjects WHERE id IN (%1)").arg(marks(targets.size())),
                      asValues(targets), "deleting the subjects");
        !status) {
        return status.error();
    }
    BatchInserter facts(tx, QStringLiteral("deletion_log"),
                        {QStringLiteral("subject_ref"), QStringLiteral("controller_id"), QStringLiteral("deleted_at"),
                         QStringLiteral("categories"), QStringLiteral("systems"), QStringLiteral("method"),
                         QStringLiteral("reason"), QStringLiteral("operator_name"), QStringLiteral("request_id")},
                        50);
    const QString now = sql::nowTimestamp();
    QList<AuditEntry> entries;
    entries.reserve(targets.size());
    for (qint64 id : targets) {
        const Destroyed what = destroyed.value(id);
        if (Status status = facts.add({QStringLiteral("S-%1").arg(id), controllers.value(id), now,
                                       sql::text(what.categories.join(QStringLiteral(", "))),
                                       sql::text(what.systems.join(QStringLiteral(", "))),
                                       QStringLiteral("deletion from the database (secure delete)"), reason.trimmed(),
                                       who.name, optionalId(requestId)});
            !status) {
            return status.error();
        }
        AuditEntry entry = subjectEntry("subject.delete", id, reason, requestId);
        entry.fields = what.fields;
        entry.details = QStringLiteral("categories=%1%2")
                            .arg(what.categories.join(QLatin1Char('+')),
                                 approvalId > 0 ? QStringLiteral(" approval=%1").arg(approvalId) : QString());
        entries << entry;
    }
    if (Status status = facts.flush(); !status) {
        return status.error();
    }
    ChangeNotifier::notify(tx, QStringLiteral("subjects"));
    if (Status status = AuditLog::appendMany(tx, who, entries); !status) {
        return status.error();
    }
    return qint64(targets.size());
}

} // namespace pd::subjectchanges
