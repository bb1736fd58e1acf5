#pragma once

#include "app/domain/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace pd {

class Database;

/// Read side of the register of processing purposes, for the Purposes page and reports.
class PurposeRegister
{
public:
    struct Row
    {
        qint64 id = 0;
        QString code;
        QString title;
        QString controller; ///< controller name
        qint64 controllerId = 0;
        QString controllerKind; ///< "own" or "client"
        QString legalGround;
        QString dataCategories;
        QString retentionText;
        QString countries;
        int recipients = 0;
    };
    /// Every purpose, retired ones included: own controllers first, then by controller name and title. Errors:
    /// ErrorCode::Storage.
    static Result<QList<Row>> list(Database &database);
    /// Everything the register holds of purpose `code`, as the record of processing needs it (GDPR art. 30(1),
    /// Decree 422 sub. 3.5): the purpose's own fields, its controller (address, contact, DPO, representative), the
    /// information system and where it is, and its recipients ("recipients": name, role, country, safeguards).
    /// ErrorCode::NotFound for an unknown code.
    static Result<QJsonObject> record(Database &database, const QString &code);
};

} // namespace pd
