#pragma once

#include "core/Result.h"
#include "domain/Session.h"
#include "domain/Vocabulary.h"

#include <QList>
#include <QString>

#include <optional>

namespace pd {

class Database;

/// What the Subjects list asks for: free text plus filters. Empty means everything.
struct SubjectFilter
{
    QString text; ///< a name, e-mail, phone or external id prefix (matched on the stored search keys)
    std::optional<DataState> state;

    bool operator==(const SubjectFilter &other) const { return text == other.text && state == other.state; }
};

/// One line of the Subjects list. Values of blocked subjects are included (the view marks them); anonymized
/// subjects have nothing identifying left to show.
struct SubjectRow
{
    qint64 id = 0;
    QString externalId;
    QString displayName;
    QString email;
    QString phone;
    QString state;
    QString controller;
    QString createdAt; ///< ISO 8601 UTC
};

/// Read side of the subjects register: counting, paging and searching without loading the table into memory.
/// Every call runs on the calling thread's own connection, so worker threads may call it. Reading personal data
/// needs Action::ViewPersonalData (ErrorCode::PermissionDenied otherwise).
class SubjectDirectory
{
public:
    enum class Sort { Id, Name, Email, Created };

    /// How many subjects match.
    static Result<qint64> count(Database &database, const Session &who, const SubjectFilter &filter);
    /// Rows [offset, offset + limit) of the matching subjects in the given order (ties broken by id).
    static Result<QList<SubjectRow>> page(Database &database, const Session &who, const SubjectFilter &filter, Sort sort,
                                          bool descending, qint64 offset, int limit);
};

} // namespace pd
