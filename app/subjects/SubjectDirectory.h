#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/domain/Vocabulary.h"
#include "app/subjects/Subject.h"

#include <QList>
#include <QString>

#include <optional>

namespace pd {

class Database;

/// Read side of the subjects register: counting, paging and searching without loading the table into memory.
/// Every call runs on the calling thread's own connection, so worker threads may call it. Reading personal data
/// needs Action::ViewPersonalData (ErrorCode::PermissionDenied otherwise).
class SubjectDirectory
{
public:
    enum class Sort { Id, Name, Email, Created };

    /// Whether the search text is read as an IP address or its start ("178.120", "2a02:"); the rows of such a
    /// search say which of the subject's addresses matched (SubjectRow::matchedIp).
    static bool isIpSearch(const QString &text);

    /// How many subjects match.
    static Result<qint64> count(Database &database, const Session &who, const SubjectFilter &filter);
    /// Rows [offset, offset + limit) of the matching subjects in the given order (ties broken by id). A deep page
    /// costs a step over one index to its first row and then the page itself, not a read of every row before it.
    static Result<QList<SubjectRow>> page(Database &database, const Session &who, const SubjectFilter &filter,
                                          Sort sort, bool descending, qint64 offset, int limit);
    /// Ids of every matching subject, in id order (for "all matching the filter" bulk actions).
    static Result<QList<qint64>> ids(Database &database, const Session &who, const SubjectFilter &filter);
};

} // namespace pd
