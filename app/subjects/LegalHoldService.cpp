#include "app/subjects/LegalHoldService.h"

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
    Q_DECLARE_TR_FUNCTIONS(pd::LegalHoldService)
};
} // namespace

namespace pd {

namespace {

Status change(Database &database, const Session &who, qint64 subjectId, const QString &text, bool hold)
{
    if (Status allowed = Permissions::check(who, Action::DeleteData); !allowed) {
        return allowed;
    }
    if (Status given = subjectchanges::requireReason(text); !given) {
        return given;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<subjectchanges::SubjectState> state = subjectchanges::readState(tx, subjectId);
        if (!state) {
            return state.error();
        }
        if (state->state == QLatin1String("anonymized")) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("subject #%1 is anonymized: nothing of it is left to hold").arg(subjectId));
        }
        Result<QVariant> current =
            sql::scalar(tx, QStringLiteral("SELECT COALESCE(legal_hold, '') FROM subjects WHERE id = ?"), {subjectId},
                        "reading the legal hold");
        if (!current) {
            return current.error();
        }
        if (!hold && current->toString().isEmpty()) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("subject #%1 is not on hold").arg(subjectId));
        }
        if (Status status = subjectchanges::bumpVersion(tx, subjectId, -1); !status) {
            return status;
        }
        QSqlQuery query(tx);
        if (Status status = sql::exec(query, QStringLiteral("UPDATE subjects SET legal_hold = ? WHERE id = ?"),
                                      {hold ? QVariant(text.trimmed()) : QVariant(QString()), subjectId},
                                      "recording the legal hold");
            !status) {
            return status;
        }
        AuditEntry entry =
            subjectchanges::subjectEntry(hold ? "subject.hold" : "subject.hold-release", subjectId, text, std::nullopt);
        entry.fields = QStringList{QStringLiteral("legal_hold")};
        ChangeNotifier::notify(tx, QStringLiteral("subjects"));
        return AuditLog::append(tx, who, entry);
    });
}

} // namespace

Status LegalHoldService::hold(Database &database, const Session &who, qint64 subjectId, const QString &holdReason)
{
    return change(database, who, subjectId, holdReason, true);
}

Status LegalHoldService::release(Database &database, const Session &who, qint64 subjectId, const QString &reason)
{
    return change(database, who, subjectId, reason, false);
}

Result<QString> LegalHoldService::holdOf(Database &database, const Session &who, qint64 subjectId)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    Result<QVariant> value =
        sql::scalar(db, QStringLiteral("SELECT COALESCE(legal_hold, '') FROM subjects WHERE id = ?"), {subjectId},
                    "reading the legal hold");
    if (!value) {
        return value.error();
    }
    return value->toString();
}

} // namespace pd
