#include "ui/bulk/ApprovalsDialog.h"

#include "TestDatabase.h"
#include "UiTestSupport.h"
#include "app/access/AuditLog.h"
#include "app/subjects/ErasureService.h"
#include "app/subjects/SubjectDirectory.h"
#include "ui/common/MessageBox.h"
#include "ui/shell/MainWindow.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTest>

#include <memory>

namespace pd::test {

namespace {

class ApprovalsDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        ASSERT_TRUE(m_testDatabase.database()) << m_testDatabase.reason().toStdString();
        seedSubjects(db(), 30);
        m_anna = makeOperator(db(), QStringLiteral("anna"), Role::Officer);
        m_boris = makeOperator(db(), QStringLiteral("boris"), Role::Officer);
        ASSERT_FALSE(HasFailure());
    }

    void TearDown() override { QSettings().clear(); }

    Database &db() { return *m_testDatabase.database(); }

    /// Officer anna anonymizes `count` subjects from `first` on: above the threshold this waits for approval.
    qint64 askToAnonymize(qint64 first, int count)
    {
        ErasureService::Irreversible order;
        for (int i = 0; i < count; ++i) {
            order.subjectIds << first + i;
        }
        order.reason = QStringLiteral("erasure request");
        const Result<ErasureService::Outcome> outcome = ErasureService::anonymize(db(), m_anna, order);
        EXPECT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
        return outcome.ok() ? outcome->pendingApproval : 0;
    }

    qint64 anonymized()
    {
        SubjectFilter filter;
        filter.state = DataState::Anonymized;
        return SubjectDirectory::count(db(), m_boris, filter).value();
    }

    TestDatabase m_testDatabase{Backend::SQLite};
    Session m_anna;
    Session m_boris;
};

TEST_F(ApprovalsDialogTest, ASecondOfficerApprovesWhatTheFirstAskedFor)
{
    const qint64 approval = askToAnonymize(1, 11);
    ASSERT_GT(approval, 0);
    EXPECT_EQ(anonymized(), 0);

    ApprovalsDialog asker(m_testDatabase.database(), m_anna);
    ASSERT_EQ(asker.approvalCount(), 1);
    EXPECT_EQ(asker.selectedApproval(), approval);
    EXPECT_TRUE(asker.findChild<QPushButton *>(QStringLiteral("approveButton"))->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    asker.approveSelected();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !asker.isBusy(); }, kWaitMs));
    EXPECT_TRUE(asker.messageIsError());
    EXPECT_TRUE(asker.messageText().contains(QStringLiteral("needs a second officer")))
        << asker.messageText().toStdString();
    EXPECT_EQ(asker.approvalCount(), 1);
    EXPECT_EQ(anonymized(), 0);

    ApprovalsDialog second(m_testDatabase.database(), m_boris);
    ASSERT_TRUE(second.selectApproval(approval));
    MessageBox::setNextAnswer(QMessageBox::No); // a second thought: nothing happens
    second.approveSelected();
    EXPECT_EQ(second.approvalCount(), 1);
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("Anonymize 11 subject")))
        << MessageBox::lastText().toStdString();

    MessageBox::setNextAnswer(QMessageBox::Yes);
    second.approveSelected();
    ASSERT_NE(second.job(), nullptr) << "the action runs off the UI thread";
    EXPECT_FALSE(second.findChild<QPushButton *>(QStringLiteral("approveButton"))->isEnabled()) << "one at a time";
    ASSERT_TRUE(QTest::qWaitFor([&] { return !second.isBusy(); }, kWaitMs));
    EXPECT_FALSE(second.messageIsError()) << second.messageText().toStdString();
    EXPECT_TRUE(second.messageText().startsWith(QStringLiteral("Approval #%1 carried out").arg(approval)));
    EXPECT_EQ(second.approvalCount(), 0);
    EXPECT_EQ(anonymized(), 11);

    AuditFilter approvals;
    approvals.action = QStringLiteral("approval.approve");
    const Result<QList<AuditRecord>> audited = AuditLog::find(db(), auditReader(), approvals, 0, 10);
    ASSERT_TRUE(audited.ok());
    ASSERT_EQ(audited->size(), 1);
    EXPECT_EQ(audited->first().operatorName, QStringLiteral("boris"));
}

TEST_F(ApprovalsDialogTest, RejectingNeedsANote)
{
    const qint64 approval = askToAnonymize(1, 12);
    ASSERT_GT(approval, 0);
    ApprovalsDialog dialog(m_testDatabase.database(), m_boris);
    ASSERT_TRUE(dialog.selectApproval(approval));

    MessageBox::setNextText(std::nullopt); // cancelled
    dialog.rejectSelected();
    EXPECT_EQ(dialog.approvalCount(), 1);
    MessageBox::setNextText(QStringLiteral("  "));
    dialog.rejectSelected();
    EXPECT_TRUE(dialog.messageIsError());
    EXPECT_EQ(dialog.approvalCount(), 1);

    MessageBox::setNextText(QStringLiteral("the request was withdrawn"));
    dialog.rejectSelected();
    EXPECT_FALSE(dialog.messageIsError()) << dialog.messageText().toStdString();
    EXPECT_EQ(dialog.approvalCount(), 0);
    EXPECT_EQ(anonymized(), 0);
}

TEST_F(ApprovalsDialogTest, AHalfDoneApprovalShowsHowFarItCameAndIsFinishedOrCancelled)
{
    const qint64 approval = askToAnonymize(1, 40);
    ASSERT_GT(approval, 0);
    // Approved elsewhere and stopped after one batch (a cancel, or the program was closed).
    ASSERT_EQ(ApprovalService::approve(
                  db(), m_boris, approval, [](qint64, qint64) { return false; }, 15)
                  .error()
                  .code,
              ErrorCode::Cancelled);
    ApprovalsDialog dialog(m_testDatabase.database(), m_boris);
    ASSERT_TRUE(dialog.selectApproval(approval));
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("approvalTable"));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->item(0, ApprovalsDialog::Progress)->text(), QStringLiteral("15 of 40 (half done)"));
    EXPECT_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("rejectButton"))->isEnabled())
        << "half done: it can be finished or cancelled, not rejected";
    EXPECT_TRUE(dialog.findChild<QPushButton *>(QStringLiteral("cancelApprovalButton"))->isEnabled());

    MessageBox::setNextText(QStringLiteral("legal hold on the rest"));
    dialog.cancelSelected();
    EXPECT_FALSE(dialog.messageIsError()) << dialog.messageText().toStdString();
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("15 of 40"))) << MessageBox::lastText().toStdString();
    EXPECT_EQ(dialog.approvalCount(), 0);
    EXPECT_EQ(anonymized(), 15) << "what was done stays done, the rest is not touched";
}

TEST_F(ApprovalsDialogTest, AnAgentCannotDecide)
{
    askToAnonymize(1, 11);
    const Session agent = makeOperator(db(), QStringLiteral("carl"), Role::Agent);
    ApprovalsDialog dialog(m_testDatabase.database(), agent);
    EXPECT_TRUE(dialog.messageIsError());
    EXPECT_TRUE(dialog.messageText().contains(QStringLiteral("may not approve irreversible actions")))
        << dialog.messageText().toStdString();
    EXPECT_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("approveButton"))->isEnabled());
    EXPECT_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("rejectButton"))->isEnabled());
}

TEST_F(ApprovalsDialogTest, TheStatusBarCountsWhatWaits)
{
    MainWindow window(m_testDatabase.database(), m_boris);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *button = window.findChild<QPushButton *>(QStringLiteral("approvalsButton"));
    ASSERT_NE(button, nullptr);
    EXPECT_FALSE(button->isVisible());

    const qint64 approval = askToAnonymize(1, 11);
    ASSERT_TRUE(QTest::qWaitFor([&] { return button->isVisible(); }, kWaitMs)); // told by the change notifier
    EXPECT_EQ(window.waitingApprovals(), 1);
    EXPECT_TRUE(button->text().startsWith(QStringLiteral("1 approval")));

    button->click();
    ApprovalsDialog *dialog = window.showApprovals();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    ASSERT_TRUE(dialog->selectApproval(approval));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog->approveSelected();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog->isBusy(); }, kWaitMs));
    EXPECT_EQ(window.waitingApprovals(), 0);
    EXPECT_FALSE(button->isVisible());
    EXPECT_EQ(anonymized(), 11);
}

} // namespace

} // namespace pd::test
