#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QList>
#include <QString>

namespace pd {

class Database;

/// The policy's versions and the consents given for an older one: when the policy changes, the subjects who agreed
/// to an earlier text are asked again (re-consent).
class ConsentReview
{
public:
    struct Outdated
    {
        qint64 consentId = 0;
        qint64 subjectId = 0;
        QString purposeCode;
        QString policyVersion; ///< the version the subject agreed to
        QString givenAt;
    };

    /// Records that `version` of the policy is in force from now (officers: Action::ManagePurposes; audited).
    static Status recordVersion(Database &database, const Session &who, const QString &version, const QString &note);
    /// The version recorded last; empty when none was.
    static Result<QString> currentVersion(Database &database);
    /// Consents in force (not withdrawn) given for another version than `version` (empty: the current one), of
    /// `purposeCode` (empty: every purpose), oldest first, at most `limit`. `total`, when given, receives how many
    /// there are in all. Needs Action::ViewPersonalData.
    static Result<QList<Outdated>> outdated(Database &database, const Session &who, const QString &version,
                                            const QString &purposeCode, int limit, qint64 *total = nullptr);
};

} // namespace pd
