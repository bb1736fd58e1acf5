#include "app/subjects/RestrictionService.h"
#include "app/domain/FieldRules.h"

#include "app/access/AuditLog.h"
#include "app/domain/Permissions.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"
#include "app/subjects/SubjectChanges_p.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::RestrictionService)
};
} // namespace

namespace pd {

Status RestrictionService::block(Database &database, const Session &who, const Restriction &restriction)
{
    if (Status allowed = Permissions::check(who, Action::BlockData); !allowed) {
        return allowed;
    }
    if (Status reason = subjectchanges::requireReason(restriction.reason); !reason) {
        return reason;
    }
    if (restriction.until.isValid() && restriction.until <= QDate::currentDate()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("the block must last until a future date"));
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<subjectchanges::SubjectState> state = subjectchanges::readState(tx, restriction.subjectId);
        if (!state) {
            return state.error();
        }
        if (Status open = subjectchanges::refuseUnless(state.value(), restriction.subjectId, "active"); !open) {
            return open;
        }
        return subjectchanges::blockIn(tx, who, restriction, restriction.expectedVersion);
    });
}

Status RestrictionService::unblock(Database &database, const Session &who, const Lifting &lifting)
{
    if (Status allowed = Permissions::check(who, Action::BlockData); !allowed) {
        return allowed;
    }
    if (Status reason = subjectchanges::requireReason(lifting.reason); !reason) {
        return reason;
    }
    if (Status informed = FieldRules::checkText(QStringLiteral("subject informed"), lifting.subjectInformed,
                                                FieldRules::Text::Multiline);
        !informed) {
        return informed;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<subjectchanges::SubjectState> state = subjectchanges::readState(tx, lifting.subjectId);
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
        } else if (Status open = subjectchanges::refuseUnless(state.value(), lifting.subjectId, "blocked"); !open) {
            return open;
        }
        if (Status status = subjectchanges::bumpVersion(tx, lifting.subjectId, lifting.expectedVersion); !status) {
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
        AuditEntry entry =
            subjectchanges::subjectEntry("subject.unblock", lifting.subjectId, lifting.reason, lifting.requestId);
        entry.fields = QStringList{QStringLiteral("*")};
        // GDPR art. 18(3): the subject is told before a restriction is lifted; the trail keeps whether that was stated.
        entry.details = lifting.subjectInformed.trimmed().isEmpty()
                            ? QStringLiteral("subject informed: not stated")
                            : QStringLiteral("subject informed: %1").arg(lifting.subjectInformed.trimmed());
        ChangeNotifier::notify(tx, QStringLiteral("subjects"));
        return AuditLog::append(tx, who, entry);
    });
}

} // namespace pd
