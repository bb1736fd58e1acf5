#include "app/subjects/CorrectionService.h"

#include "app/access/AuditLog.h"
#include "app/access/Password.h"
#include "app/domain/FieldRules.h"
#include "app/domain/Permissions.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"
#include "app/storage/SubjectIndex.h"
#include "app/subjects/SubjectChanges_p.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::CorrectionService)
};
} // namespace

namespace pd {

Status CorrectionService::correct(Database &database, const Session &who, const Correction &correction)
{
    if (Status allowed = Permissions::check(who, Action::CorrectData); !allowed) {
        return allowed;
    }
    if (Status reason = subjectchanges::requireReason(correction.reason); !reason) {
        return reason;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<subjectchanges::SubjectState> state = subjectchanges::readState(tx, correction.subjectId);
        if (!state) {
            return state.error();
        }
        if (Status open = subjectchanges::refuseUnless(state.value(), correction.subjectId, "active"); !open) {
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
        if (const QString problem = FieldRules::valueProblem(field, correction.newValue); !problem.isEmpty()) {
            return makeError(ErrorCode::InvalidArgument, problem);
        }
        const QString newValue = correction.newValue.trimmed();
        if (Status status = subjectchanges::bumpVersion(tx, correction.subjectId, correction.expectedVersion);
            !status) {
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
            if (Status status = subjectchanges::setListing(tx, correction.subjectId, field, newValue); !status) {
                return status;
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
        AuditEntry entry = subjectchanges::subjectEntry("subject.correct", correction.subjectId, correction.reason,
                                                        correction.requestId);
        entry.fields = QStringList{field};
        entry.details = QStringLiteral("item=%1 before=%2 after=%3")
                            .arg(itemId)
                            .arg(password::keyedHash(key.value(), oldValue).left(16),
                                 password::keyedHash(key.value(), newValue).left(16));
        ChangeNotifier::notify(tx, QStringLiteral("subjects"));
        return AuditLog::append(tx, who, entry);
    });
}

} // namespace pd
