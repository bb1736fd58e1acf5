#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/requests/Request.h"
#include "app/requests/RequestFilter.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantList>

namespace pd {

class Database;

/// Reading requests: the Requests page, `request list|show`, and the dashboard's drill-down. Needs
/// Action::ViewPersonalData (requests name their requesters). Opening one request is recorded in the audit trail
/// ("request.view"), as opening a subject is.
class RequestRegister
{
public:
    enum class Sort {
        Due,      ///< soonest effective due date first (open work), then id
        Received, ///< newest first
        Id,       ///< ascending
    };

    static Result<qint64> count(Database &database, const Session &who, const RequestFilter &filter);
    /// One page of requests matching `filter`.
    static Result<QList<RequestRecord>> page(Database &database, const Session &who, const RequestFilter &filter,
                                             Sort sort, int offset, int limit);
    /// One request with everything about it, audited as viewed.
    static Result<RequestRecord> get(Database &database, const Session &who, qint64 requestId);
    static Result<QList<RequestEvent>> events(Database &database, const Session &who, qint64 requestId);
    static Result<QList<RequestDocument>> documents(Database &database, const Session &who, qint64 requestId);
    /// The bytes of a document kept with a request.
    static Result<QByteArray> documentContent(Database &database, const Session &who, qint64 documentId);

    /// Operators a request can be assigned to (active officers and agents): id and name, by name.
    static Result<QList<std::pair<qint64, QString>>> assignees(Database &database, const Session &who);

    /// The WHERE clause (with "?" placeholders appended to `values`) that selects `filter` from `requests r`; the
    /// dashboard counts with the same conditions.
    static QString where(const RequestFilter &filter, QVariantList *values);
};

} // namespace pd
