#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QString>

#include <optional>

namespace pd {

class Database;

/// Consents given and withdrawn. Each change checks Action::ChangeConsent, runs in one transaction and is audited
/// there. Withdrawing is allowed while the subject is blocked: a block stops processing, not the subject's rights.
class ConsentService
{
public:
    struct Grant
    {
        qint64 subjectId = 0;
        QString purposeCode;
        QString policyVersion; ///< the version of the policy the subject agreed to
        QString channel;       ///< web form, letter, ...
        std::optional<qint64> requestId;
    };

    /// Records a consent; returns its id. Refused for a purpose whose legal ground is not consent.
    static Result<qint64> give(Database &database, const Session &who, const Grant &grant);
    /// Records the withdrawal of a consent (now). Refused when it was already withdrawn.
    static Status withdraw(Database &database, const Session &who, qint64 consentId, const QString &reason,
                           std::optional<qint64> requestId);
};

} // namespace pd
