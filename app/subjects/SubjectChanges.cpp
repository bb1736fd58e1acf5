#include "app/domain/FieldRules.h"
#include "app/subjects/SubjectChanges_p.h"

#include "app/access/AuditLog.h"
#include "app/domain/Anonymization.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Sql.h"
#include "app/storage/SubjectIndex.h"

#include <QCoreApplication>
#include <QSqlQuery>

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

/// Copies of the subject's data given out for access or portability requests go with the data itself.
Status purgeRequestCopies(QSqlDatabase &tx, qint64 subjectId)
{
    QSqlQuery query(tx);
    return sql::exec(query,
                     QStringLiteral("DELETE FROM request_documents WHERE kind = 'subject-data' AND request_id IN "
                                    "(SELECT id FROM requests WHERE subject_id = ?)"),
                     {subjectId}, "removing copies of the subject's data");
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

Status anonymizeIn(QSqlDatabase &tx, const Session &who, qint64 subjectId, const QString &reason,
                   std::optional<qint64> requestId, qint64 approvalId)
{
    Result<SubjectState> state = readState(tx, subjectId);
    if (!state) {
        return state.error();
    }
    if (state->state == QLatin1String("anonymized")) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("subject #%1 is already anonymized").arg(subjectId));
    }
    QSqlQuery query(tx);
    if (Status status = sql::exec(query, QStringLiteral("SELECT id, field, value FROM pd_items WHERE subject_id = ?"),
                                  {subjectId}, "reading the items");
        !status) {
        return status;
    }
    QList<std::pair<qint64, QString>> changes;
    QStringList fields;
    while (query.next()) {
        const QString field = query.value(1).toString();
        changes.append({query.value(0).toLongLong(), Anonymization::apply(field, query.value(2).toString())});
        if (!fields.contains(field)) {
            fields << field;
        }
    }
    query.finish();
    for (const auto &[itemId, value] : changes) {
        if (Status status = sql::exec(query,
                                      QStringLiteral("UPDATE pd_items SET value = ?, state = 'anonymized', "
                                                     "blocked_reason = NULL, source = '', version = version + 1 "
                                                     "WHERE id = ?"),
                                      {value, itemId}, "anonymizing an item");
            !status) {
            return status;
        }
    }
    if (Status status = sql::exec(query,
                                  QStringLiteral("UPDATE subjects SET display_name = '', email = '', phone = '', "
                                                 "name_key = '', email_key = '', phone_key = '', external_id = NULL, "
                                                 "state = 'anonymized', blocked_reason = NULL, blocked_until = NULL, "
                                                 "version = version + 1, updated_at = ? WHERE id = ?"),
                                  {sql::nowTimestamp(), subjectId}, "anonymizing the subject");
        !status) {
        return status;
    }
    if (Status status = SubjectIndex::refresh(tx, subjectId); !status) {
        return status;
    }
    if (Status status = purgeRequestCopies(tx, subjectId); !status) {
        return status;
    }
    AuditEntry entry = subjectEntry("subject.anonymize", subjectId, reason, requestId);
    entry.fields = fields;
    entry.details = approvalId > 0 ? QStringLiteral("approval=%1").arg(approvalId) : QString();
    ChangeNotifier::notify(tx, QStringLiteral("subjects"));
    return AuditLog::append(tx, who, entry);
}

Status eraseIn(QSqlDatabase &tx, const Session &who, qint64 subjectId, const QString &reason,
               std::optional<qint64> requestId, qint64 approvalId)
{
    if (Result<SubjectState> state = readState(tx, subjectId); !state) {
        return state.error();
    }
    QSqlQuery query(tx);
    if (Status status = sql::exec(query, QStringLiteral("SELECT controller_id FROM subjects WHERE id = ?"), {subjectId},
                                  "reading the subject");
        !status) {
        return status;
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound, Tr::tr("there is no subject #%1").arg(subjectId));
    }
    const QVariant controller = query.value(0);
    query.finish();
    // What the destruction act needs: which categories, fields and systems were destroyed.
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT DISTINCT i.category, i.field, COALESCE(s.name, '') "
                                                 "FROM pd_items i LEFT JOIN purposes p ON p.id = i.purpose_id "
                                                 "LEFT JOIN information_systems s ON s.id = p.system_id "
                                                 "WHERE i.subject_id = ? ORDER BY 1, 2"),
                                  {subjectId}, "reading the categories");
        !status) {
        return status;
    }
    QStringList categories;
    QStringList fields;
    QStringList systems;
    while (query.next()) {
        for (auto [list, column] : {std::pair<QStringList *, int>{&categories, 0}, {&fields, 1}, {&systems, 2}}) {
            const QString value = query.value(column).toString();
            if (!value.isEmpty() && !list->contains(value)) {
                list->append(value);
            }
        }
    }
    query.finish();
    if (Status status = purgeRequestCopies(tx, subjectId); !status) {
        return status;
    }
    if (Status status =
            sql::exec(query, QStringLiteral("DELETE FROM subjects WHERE id = ?"), {subjectId}, "deleting the subject");
        !status) {
        return status;
    }
    if (Status status =
            sql::exec(query,
                      QStringLiteral("INSERT INTO deletion_log (subject_ref, controller_id, deleted_at, "
                                     "categories, systems, method, reason, operator_name, request_id) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {QStringLiteral("S-%1").arg(subjectId), controller, sql::nowTimestamp(),
                       sql::text(categories.join(QStringLiteral(", "))), sql::text(systems.join(QStringLiteral(", "))),
                       QStringLiteral("deletion from the database (secure delete)"), reason.trimmed(), who.name,
                       requestId ? QVariant(*requestId) : QVariant(QMetaType::fromType<qlonglong>())},
                      "recording the fact of deletion");
        !status) {
        return status;
    }
    AuditEntry entry = subjectEntry("subject.delete", subjectId, reason, requestId);
    entry.fields = fields;
    entry.details = QStringLiteral("categories=%1%2")
                        .arg(categories.join(QLatin1Char('+')),
                             approvalId > 0 ? QStringLiteral(" approval=%1").arg(approvalId) : QString());
    ChangeNotifier::notify(tx, QStringLiteral("subjects"));
    return AuditLog::append(tx, who, entry);
}

} // namespace pd::subjectchanges
