#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/domain/Vocabulary.h"

namespace pd {

/// What an operator may ask the services to do. The matrix lives in Permissions::allows() and nowhere else.
enum class Action {
    ViewPersonalData,    ///< see subjects, their items, consents, requests
    CorrectData,         ///< clarification of a value
    BlockData,           ///< restriction: block, and lift a block
    AnonymizeData,       ///< irreversible
    DeleteData,          ///< irreversible
    ChangeConsent,       ///< record a consent or its withdrawal
    ImportData,          ///< load subjects from a file
    HandleRequests,      ///< take in and work on data-subject requests
    ManagePurposes,      ///< change the register of processing (profiles)
    ExportRegisters,     ///< export whole registers and reports
    ApproveIrreversible, ///< the second officer of the four-eyes rule
    ViewAudit,           ///< read and verify the audit trail
    ManageOperators,     ///< operator accounts and roles
    ManageSettings,      ///< application settings
    EditLetterTemplates, ///< change the office-wide reply-letter templates
    ManageBreaches,      ///< record personal-data breaches and their notices
};

class Permissions
{
public:
    /// The permission matrix:
    /// - officer: everything on data, purposes, letter templates, exports and approvals, reads the audit trail;
    /// - agent: views, corrects, blocks, records consents and handles requests; no anonymize, delete, import,
    ///   purposes or whole-register exports;
    /// - auditor: reads everything (data, audit, registers), changes nothing;
    /// - admin: operators, settings and the audit trail; no personal data.
    static bool allows(Role role, Action action);
    /// Ok, or ErrorCode::PermissionDenied with a message naming the operator, role and action.
    static Status check(const Session &session, Action action);
    /// "delete personal data", for messages.
    static QString describe(Action action);
};

} // namespace pd
