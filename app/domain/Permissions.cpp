#include "app/domain/Permissions.h"

#include <QCoreApplication>

namespace pd {

bool Permissions::allows(Role role, Action action)
{
    switch (role) {
    case Role::Officer:
        return action != Action::ManageOperators && action != Action::ManageSettings;
    case Role::Agent:
        switch (action) {
        case Action::ViewPersonalData:
        case Action::CorrectData:
        case Action::BlockData:
        case Action::ChangeConsent:
        case Action::HandleRequests:
            return true;
        default:
            return false;
        }
    case Role::Auditor:
        return action == Action::ViewPersonalData || action == Action::ViewAudit || action == Action::ExportRegisters;
    case Role::Admin:
        return action == Action::ManageOperators || action == Action::ManageSettings || action == Action::ViewAudit;
    }
    return false;
}

Status Permissions::check(const Session &session, Action action)
{
    if (!session.isValid()) {
        return makeError(ErrorCode::PermissionDenied,
                         QCoreApplication::translate("pd::Permissions", "sign in first: %1 needs an operator")
                             .arg(describe(action)));
    }
    if (!allows(session.role, action)) {
        return makeError(ErrorCode::PermissionDenied,
                         QCoreApplication::translate("pd::Permissions", "operator %1 (%2) may not %3")
                             .arg(session.name, toString(session.role), describe(action)));
    }
    return {};
}

QString Permissions::describe(Action action)
{
    switch (action) {
    case Action::ViewPersonalData:
        return QCoreApplication::translate("pd::Permissions", "view personal data");
    case Action::CorrectData:
        return QCoreApplication::translate("pd::Permissions", "correct personal data");
    case Action::BlockData:
        return QCoreApplication::translate("pd::Permissions", "block or unblock personal data");
    case Action::AnonymizeData:
        return QCoreApplication::translate("pd::Permissions", "anonymize personal data");
    case Action::DeleteData:
        return QCoreApplication::translate("pd::Permissions", "delete personal data");
    case Action::ChangeConsent:
        return QCoreApplication::translate("pd::Permissions", "change consents");
    case Action::ImportData:
        return QCoreApplication::translate("pd::Permissions", "import personal data");
    case Action::HandleRequests:
        return QCoreApplication::translate("pd::Permissions", "handle data-subject requests");
    case Action::ManagePurposes:
        return QCoreApplication::translate("pd::Permissions", "change processing purposes");
    case Action::ExportRegisters:
        return QCoreApplication::translate("pd::Permissions", "export whole registers");
    case Action::ApproveIrreversible:
        return QCoreApplication::translate("pd::Permissions", "approve irreversible actions");
    case Action::ViewAudit:
        return QCoreApplication::translate("pd::Permissions", "read the audit trail");
    case Action::ManageOperators:
        return QCoreApplication::translate("pd::Permissions", "manage operators");
    case Action::ManageSettings:
        return QCoreApplication::translate("pd::Permissions", "change settings");
    case Action::EditLetterTemplates:
        return QCoreApplication::translate("pd::Permissions", "change reply-letter templates");
    case Action::ManageBreaches:
        return QCoreApplication::translate("pd::Permissions", "record personal-data breaches");
    }
    return {};
}

} // namespace pd
