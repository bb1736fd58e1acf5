#include "app/subjects/SubjectService.h"

#include "app/access/AuditLog.h"
#include "app/access/Password.h"
#include "app/access/Settings.h"
#include "app/approvals/ApprovalService.h"
#include "app/domain/Anonymization.h"
#include "app/domain/Permissions.h"
#include "app/domain/SearchKeys.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"
#include "app/storage/SubjectIndex.h"
#include "app/subjects/BulkAction.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::SubjectService)
};
} // namespace

namespace pd {

namespace {

Status requireReason(const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("a reason is required"));
    }
    return {};
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

struct SubjectState
{
    QString state;
    int version = 0;
    QString updatedAt;
};

Result<SubjectState> readState(QSqlDatabase &tx, qint64 subjectId)
{
    QSqlQuery query(tx);
    if (Status status = sql::exec(query, QStringLiteral("SELECT state, version, updated_at FROM subjects WHERE id = ?"),
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

} // namespace

QString SubjectService::valueProblem(const QString &field, const QString &value)
{
    if (value.trimmed().isEmpty()) {
        return Tr::tr("field '%1': a value is required (to remove data, anonymize or delete the subject)").arg(field);
    }
    if (field == QLatin1String("email")) {
        static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$"));
        if (!email.match(value.trimmed()).hasMatch()) {
            return Tr::tr("field 'email': not an e-mail address (expected name@domain.tld)");
        }
    } else if (field == QLatin1String("phone")) {
        static const QRegularExpression phone(QStringLiteral("^\\+?[0-9 ()\\-.]+$"));
        const int digits = int(searchkeys::phone(value).size());
        if (!phone.match(value.trimmed()).hasMatch() || digits < 7 || digits > 15) {
            return Tr::tr("field 'phone': not a phone number (7 to 15 digits, optionally +, spaces, dashes, brackets)");
        }
    } else if (field == QLatin1String("birth_date") || field.endsWith(QLatin1String("_date"))) {
        const QDate date = QDate::fromString(value.trimmed(), Qt::ISODate);
        if (!date.isValid() || date > QDate::currentDate() || date.year() < 1900) {
            return Tr::tr("field '%1': not a date in the past as YYYY-MM-DD").arg(field);
        }
    } else if (field == QLatin1String("card_expiry")) {
        static const QRegularExpression expiry(QStringLiteral("^(0[1-9]|1[0-2])/\\d{2}$"));
        if (!expiry.match(value.trimmed()).hasMatch()) {
            return Tr::tr("field 'card_expiry': expected MM/YY");
        }
    } else if (field == QLatin1String("card_masked")) {
        static const QRegularExpression masked(QStringLiteral("^\\d{6}\\*{2,9}\\d{4}$"));
        if (!masked.match(value.trimmed()).hasMatch()) {
            return Tr::tr("field 'card_masked': only a masked number is stored (first 6 and last 4 digits, e.g. "
                          "427683******1234)");
        }
    }
    return {};
}

Status SubjectService::correct(Database &database, const Session &who, const Correction &correction)
{
    if (Status allowed = Permissions::check(who, Action::CorrectData); !allowed) {
        return allowed;
    }
    if (Status reason = requireReason(correction.reason); !reason) {
        return reason;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<SubjectState> state = readState(tx, correction.subjectId);
        if (!state) {
            return state.error();
        }
        if (Status open = refuseUnless(state.value(), correction.subjectId, "active"); !open) {
            return open;
        }
        QSqlQuery query(tx);
        qint64 itemId = correction.itemId;
        if (itemId == 0) {
            Result<QVariant> found = sql::scalar(
                tx,
                QStringLiteral("SELECT id FROM pd_items WHERE subject_id = ? AND field = ? AND state = 'active' "
                               "ORDER BY CASE WHEN category = 'account' THEN 0 ELSE 1 END, id LIMIT 1"),
                {correction.subjectId, correction.field}, "finding the field");
            if (!found) {
                return found.error();
            }
            if (found.value().isNull()) {
                return makeError(ErrorCode::NotFound, Tr::tr("subject #%1 has no field '%2' that can be corrected")
                                                          .arg(correction.subjectId)
                                                          .arg(correction.field));
            }
            itemId = found.value().toLongLong();
        }
        if (Status status = sql::exec(query,
                                      QStringLiteral("SELECT category, field, value, state FROM pd_items "
                                                     "WHERE id = ? AND subject_id = ?"),
                                      {itemId, correction.subjectId}, "reading the item");
            !status) {
            return status;
        }
        if (!query.next()) {
            return makeError(ErrorCode::NotFound,
                             Tr::tr("subject #%1 has no item #%2").arg(correction.subjectId).arg(itemId));
        }
        const QString category = query.value(0).toString();
        const QString field = query.value(1).toString();
        const QString oldValue = query.value(2).toString();
        const QString itemState = query.value(3).toString();
        query.finish();
        if (itemState != QLatin1String("active")) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("field '%1' of subject #%2 is %3 and cannot be corrected")
                                 .arg(field)
                                 .arg(correction.subjectId)
                                 .arg(itemState));
        }
        if (category == QLatin1String("payment") && field != QLatin1String("cardholder")) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("field '%1': payment data comes from the payment system and is not corrected here").arg(field));
        }
        if (const QString problem = valueProblem(field, correction.newValue); !problem.isEmpty()) {
            return makeError(ErrorCode::InvalidArgument, problem);
        }
        const QString newValue = correction.newValue.trimmed();
        if (Status status = bumpVersion(tx, correction.subjectId, correction.expectedVersion); !status) {
            return status;
        }
        if (Status status =
                sql::exec(query, QStringLiteral("UPDATE pd_items SET value = ?, version = version + 1 WHERE id = ?"),
                          {newValue, itemId}, "correcting the item");
            !status) {
            return status;
        }
        // The list shows the account's name, e-mail and phone: keep them and their search keys in step.
        if (category == QLatin1String("account") || category == QLatin1String("recipient")) {
            QString update;
            QString key;
            if (field == QLatin1String("name")) {
                update = QStringLiteral("UPDATE subjects SET display_name = ?, name_key = ? WHERE id = ?");
                key = searchkeys::name(newValue);
            } else if (field == QLatin1String("email")) {
                update = QStringLiteral("UPDATE subjects SET email = ?, email_key = ? WHERE id = ?");
                key = searchkeys::email(newValue);
            } else if (field == QLatin1String("phone")) {
                update = QStringLiteral("UPDATE subjects SET phone = ?, phone_key = ? WHERE id = ?");
                key = searchkeys::phone(newValue);
            }
            if (!update.isEmpty()) {
                if (Status status = sql::exec(query, update, {newValue, key, correction.subjectId},
                                              "updating the subject's listing");
                    !status) {
                    return status;
                }
            }
        }
        // A new name or IP must be findable, the old one not.
        if (Status status = SubjectIndex::refresh(tx, correction.subjectId); !status) {
            return status;
        }
        Result<QByteArray> key = AuditLog::valueKey(tx);
        if (!key) {
            return key.error();
        }
        AuditEntry entry =
            subjectEntry("subject.correct", correction.subjectId, correction.reason, correction.requestId);
        entry.fields = QStringList{field};
        entry.details = QStringLiteral("item=%1 before=%2 after=%3")
                            .arg(itemId)
                            .arg(password::keyedHash(key.value(), oldValue).left(16),
                                 password::keyedHash(key.value(), newValue).left(16));
        ChangeNotifier::notify(tx, QStringLiteral("subjects"));
        return AuditLog::append(tx, who, entry);
    });
}

Status SubjectService::block(Database &database, const Session &who, const Restriction &restriction)
{
    if (Status allowed = Permissions::check(who, Action::BlockData); !allowed) {
        return allowed;
    }
    if (Status reason = requireReason(restriction.reason); !reason) {
        return reason;
    }
    if (restriction.until.isValid() && restriction.until <= QDate::currentDate()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("the block must last until a future date"));
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<SubjectState> state = readState(tx, restriction.subjectId);
        if (!state) {
            return state.error();
        }
        if (Status open = refuseUnless(state.value(), restriction.subjectId, "active"); !open) {
            return open;
        }
        return blockIn(tx, who, restriction, restriction.expectedVersion);
    });
}

Status SubjectService::blockIn(QSqlDatabase &tx, const Session &who, const Restriction &restriction,
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

Status SubjectService::unblock(Database &database, const Session &who, const Lifting &lifting)
{
    if (Status allowed = Permissions::check(who, Action::BlockData); !allowed) {
        return allowed;
    }
    if (Status reason = requireReason(lifting.reason); !reason) {
        return reason;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<SubjectState> state = readState(tx, lifting.subjectId);
        if (!state) {
            return state.error();
        }
        QSqlQuery query(tx);
        if (state->state == QLatin1String("active")) {
            // Items may be blocked one by one while the subject is active.
            Result<QVariant> blocked = sql::scalar(
                tx, QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE subject_id = ? AND state = 'blocked'"),
                {lifting.subjectId}, "reading blocked items");
            if (!blocked) {
                return blocked.error();
            }
            if (blocked.value().toInt() == 0) {
                return makeError(ErrorCode::InvalidArgument,
                                 Tr::tr("subject #%1 is not blocked").arg(lifting.subjectId));
            }
        } else if (Status open = refuseUnless(state.value(), lifting.subjectId, "blocked"); !open) {
            return open;
        }
        if (Status status = bumpVersion(tx, lifting.subjectId, lifting.expectedVersion); !status) {
            return status;
        }
        if (Status status = sql::exec(query,
                                      QStringLiteral("UPDATE subjects SET state = 'active', blocked_reason = NULL, "
                                                     "blocked_until = NULL WHERE id = ?"),
                                      {lifting.subjectId}, "lifting the block");
            !status) {
            return status;
        }
        if (Status status = sql::exec(query,
                                      QStringLiteral("UPDATE pd_items SET state = 'active', blocked_reason = NULL "
                                                     "WHERE subject_id = ? AND state = 'blocked'"),
                                      {lifting.subjectId}, "lifting the block of the items");
            !status) {
            return status;
        }
        AuditEntry entry = subjectEntry("subject.unblock", lifting.subjectId, lifting.reason, lifting.requestId);
        entry.fields = QStringList{QStringLiteral("*")};
        // GDPR art. 18(3): the subject is told before a restriction is lifted; the trail keeps whether that was stated.
        entry.details = lifting.subjectInformed.trimmed().isEmpty()
                            ? QStringLiteral("subject informed: not stated")
                            : QStringLiteral("subject informed: %1").arg(lifting.subjectInformed.trimmed());
        ChangeNotifier::notify(tx, QStringLiteral("subjects"));
        return AuditLog::append(tx, who, entry);
    });
}

Result<SubjectService::Outcome> SubjectService::anonymize(Database &database, const Session &who,
                                                          const Irreversible &order)
{
    return runIrreversible(database, who, order, BulkAction::Kind::Anonymize);
}

Result<SubjectService::Outcome> SubjectService::erase(Database &database, const Session &who, const Irreversible &order)
{
    return runIrreversible(database, who, order, BulkAction::Kind::Delete);
}

Result<SubjectService::Outcome> SubjectService::runIrreversible(Database &database, const Session &who,
                                                                const Irreversible &order, BulkAction::Kind kind)
{
    // One code path for one subject and for a million: BulkAction checks the role, the reason and the four-eyes
    // rule, and works in all-or-nothing batches.
    BulkAction::Order bulk;
    bulk.kind = kind;
    bulk.subjectIds = order.subjectIds;
    bulk.reason = order.reason;
    bulk.requestId = order.requestId;
    Result<BulkAction::Outcome> outcome = BulkAction::run(database, who, bulk);
    if (!outcome) {
        return outcome.error();
    }
    if (outcome->pendingApproval == 0 && outcome->done == 0 && outcome->skipped > 0) {
        return makeError(ErrorCode::InvalidArgument, kind == BulkAction::Kind::Delete
                                                         ? Tr::tr("there is no such subject to delete")
                                                         : Tr::tr("the subject is already anonymized"));
    }
    Outcome result;
    result.done = int(outcome->done);
    result.pendingApproval = outcome->pendingApproval;
    return result;
}

Status SubjectService::anonymizeIn(QSqlDatabase &tx, const Session &who, qint64 subjectId, const QString &reason,
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

Status SubjectService::eraseIn(QSqlDatabase &tx, const Session &who, qint64 subjectId, const QString &reason,
                               std::optional<qint64> requestId, qint64 approvalId)
{
    QSqlQuery query(tx);
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT s.controller_id, "
                                                 "(SELECT COUNT(*) FROM pd_items i WHERE i.subject_id = s.id) "
                                                 "FROM subjects s WHERE s.id = ?"),
                                  {subjectId}, "reading the subject");
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

} // namespace pd
