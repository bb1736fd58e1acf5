#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace pd {

class Database;

/// Restriction of processing: blocking a subject (or some of its items) and lifting the block.
///
/// Each call checks Action::BlockData, runs in one transaction and is audited there. Blocked data is read-only until
/// the block is lifted. A change made against an older version than the stored one is refused with
/// ErrorCode::Conflict.
class RestrictionService
{
public:
    struct Restriction
    {
        qint64 subjectId = 0;
        int expectedVersion = 0; ///< -1: whatever is stored
        QList<qint64> itemIds;   ///< empty: the whole subject
        QString reason;          ///< required, e.g. accuracy disputed while it is verified
        QDate until;             ///< optional end of the block
        std::optional<qint64> requestId;
    };

    struct Lifting
    {
        qint64 subjectId = 0;
        int expectedVersion = 0; ///< -1: whatever is stored
        QString reason;          ///< required
        QString subjectInformed; ///< how and when the subject was told before the block was lifted (GDPR art. 18(3));
                                 ///< recorded as "not stated" when empty
        std::optional<qint64> requestId;
    };

    static Status block(Database &database, const Session &who, const Restriction &restriction);
    static Status unblock(Database &database, const Session &who, const Lifting &lifting);
};

} // namespace pd
