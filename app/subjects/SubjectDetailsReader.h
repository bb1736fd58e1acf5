#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/subjects/Subject.h"

namespace pd {

class Database;

/// Everything the subject page shows about one subject: its items by category and purpose, consents, disclosures,
/// requests and the audit timeline. Reading needs Action::ViewPersonalData; opening a subject is itself recorded in
/// the audit trail ("subject.view"). Runs on the calling thread's own connection.
class SubjectDetailsReader
{
public:
    /// One subject with all its data; ErrorCode::NotFound when there is no such subject. Secret values (tokens and
    /// keys, FieldRules::isSecret) are left out and marked hidden.
    static Result<SubjectDetails> read(Database &database, const Session &who, qint64 subjectId);
};

} // namespace pd
