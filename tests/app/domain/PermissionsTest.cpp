#include "app/domain/Permissions.h"

#include <gtest/gtest.h>

using namespace pd;

TEST(Permissions, MatrixMatchesTheRoles)
{
    struct Row
    {
        Action action;
        bool admin, officer, agent, auditor;
    };
    const Row rows[] = {
        {Action::ViewPersonalData, false, true, true, true},
        {Action::CorrectData, false, true, true, false},
        {Action::BlockData, false, true, true, false},
        {Action::AnonymizeData, false, true, false, false},
        {Action::DeleteData, false, true, false, false},
        {Action::ChangeConsent, false, true, true, false},
        {Action::ImportData, false, true, false, false},
        {Action::HandleRequests, false, true, true, false},
        {Action::ManagePurposes, false, true, false, false},
        {Action::ExportRegisters, false, true, false, true},
        {Action::ApproveIrreversible, false, true, false, false},
        {Action::ViewAudit, true, true, false, true},
        {Action::ManageOperators, true, false, false, false},
        {Action::ManageSettings, true, false, false, false},
        {Action::EditLetterTemplates, false, true, false, false},
        {Action::ManageBreaches, false, true, false, false},
    };
    for (const Row &row : rows) {
        const QString what = Permissions::describe(row.action);
        EXPECT_EQ(Permissions::allows(Role::Admin, row.action), row.admin) << what.toStdString();
        EXPECT_EQ(Permissions::allows(Role::Officer, row.action), row.officer) << what.toStdString();
        EXPECT_EQ(Permissions::allows(Role::Agent, row.action), row.agent) << what.toStdString();
        EXPECT_EQ(Permissions::allows(Role::Auditor, row.action), row.auditor) << what.toStdString();
    }
}

TEST(Permissions, RefusalNamesOperatorRoleAndAction)
{
    const Status refused = Permissions::check(Session{4, QStringLiteral("agent"), Role::Agent}, Action::DeleteData);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(refused.error().message, QStringLiteral("operator agent (agent) may not delete personal data"));
    EXPECT_FALSE(Permissions::check(Session{}, Action::ViewPersonalData).ok());
}
