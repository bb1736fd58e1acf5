#include "app/subjects/ContractService.h"

#include "app/access/AuditLog.h"
#include "app/domain/Permissions.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"
#include "app/subjects/SubjectChanges_p.h"

#include <QSqlQuery>

namespace pd {

Status ContractService::setContractEnd(Database &database, const Session &who, qint64 subjectId, const QDate &end,
                                       const QString &reason)
{
    if (Status allowed = Permissions::check(who, Action::CorrectData); !allowed) {
        return allowed;
    }
    if (Status given = subjectchanges::requireReason(reason); !given) {
        return given;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<subjectchanges::SubjectState> state = subjectchanges::readState(tx, subjectId);
        if (!state) {
            return state.error();
        }
        if (Status open = subjectchanges::refuseUnless(state.value(), subjectId, "active"); !open) {
            return open;
        }
        if (Status status = subjectchanges::bumpVersion(tx, subjectId, -1); !status) {
            return status;
        }
        QSqlQuery query(tx);
        if (Status status =
                sql::exec(query, QStringLiteral("UPDATE subjects SET contract_end = ? WHERE id = ?"),
                          {end.isValid() ? QVariant(end.toString(Qt::ISODate)) : QVariant(QString()), subjectId},
                          "recording the end of the contract");
            !status) {
            return status;
        }
        AuditEntry entry = subjectchanges::subjectEntry("subject.contract-end", subjectId, reason, std::nullopt);
        entry.fields = QStringList{QStringLiteral("contract_end")};
        ChangeNotifier::notify(tx, QStringLiteral("subjects"));
        return AuditLog::append(tx, who, entry);
    });
}

Result<QDate> ContractService::contractEnd(Database &database, const Session &who, qint64 subjectId)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    Result<QVariant> value =
        sql::scalar(db, QStringLiteral("SELECT COALESCE(contract_end, '') FROM subjects WHERE id = ?"), {subjectId},
                    "reading the end of the contract");
    if (!value) {
        return value.error();
    }
    return QDate::fromString(value->toString(), Qt::ISODate);
}

} // namespace pd
