// Bulk actions from the Subjects list: selection, confirmation, progress off the UI thread, cancel, summary.
#include "DemoFixture.h"
#include "UiTestSupport.h"

#include "app/approvals/ApprovalService.h"
#include "ui/bulk/BulkActionDialog.h"
#include "ui/bulk/BulkJob.h"
#include "ui/common/MessageBox.h"
#include "ui/shell/MainWindow.h"
#include "ui/subjects/SubjectListModel.h"
#include "ui/subjects/SubjectsPage.h"

#include <QAction>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

namespace pd::test {

namespace {

class BulkActionsTest : public DemoFixture
{
protected:
    void SetUp() override
    {
        DemoFixture::SetUp();
        generate(600);
        m_officer = signIn(QStringLiteral("officer"));
        ASSERT_FALSE(HasFailure());
        openWindow(m_officer);
    }

    /// Shows only active subjects and selects the first `rows` of them with the keyboard-free selection model.
    void selectActiveRows(int rows)
    {
        SubjectFilter active;
        active.state = DataState::Active;
        auto *state = window().findChild<QComboBox *>(QStringLiteral("stateFilter"));
        state->setCurrentIndex(state->findData(int(DataState::Active)));
        ASSERT_TRUE(waitForRows(int(count(m_officer, active))));
        ASSERT_GE(page().model()->rowCount(), rows);
        QTableView *table = page().table();
        const QItemSelection selection(page().model()->index(0, 0),
                                       page().model()->index(rows - 1, SubjectListModel::ColumnCount - 1));
        table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
        table->setFocus();
    }

    /// Waits until the subjects and what would change are counted, and returns the dialog that opens then.
    BulkActionDialog *waitForDialog()
    {
        QSignalSpy prepared(&page(), &SubjectsPage::bulkPrepared);
        if (page().isPreparingBulk()) {
            EXPECT_TRUE(prepared.wait(kWaitMs)) << "the bulk action's dialog did not open";
        }
        return page().bulkDialog();
    }

    qint64 blockedCount()
    {
        SubjectFilter blocked;
        blocked.state = DataState::Blocked;
        return count(m_officer, blocked);
    }

    Session m_officer;
};

TEST_F(BulkActionsTest, BlockingManyRunsWithProgressAndStopsCleanlyWhenCancelled)
{
    constexpr int kBatch = 10;
    constexpr int kSelected = 400;
    page().setBatchSize(kBatch);
    selectActiveRows(kSelected);
    const qint64 blockedBefore = blockedCount();

    QAction *block = page().commandAction(SubjectsPage::Block);
    ASSERT_TRUE(block->isEnabled()) << block->toolTip().toStdString();
    QTest::keyClick(page().table(), Qt::Key_B, Qt::ControlModifier);
    BulkActionDialog *dialog = waitForDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->impactText().contains(QStringLiteral("400 subject"))) << dialog->impactText().toStdString();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("reason")), QStringLiteral("audit of the list"));

    // The test's own event loop keeps ticking while the worker runs: the window stays responsive.
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] { ++ticks; });
    ticker.start();

    MessageBox::setNextAnswer(QMessageBox::Ok); // the summary at the end
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("runButton")), Qt::LeftButton);
    BulkJob *job = page().bulkJob();
    ASSERT_NE(job, nullptr);
    ASSERT_TRUE(job->isRunning());
    EXPECT_FALSE(block->isEnabled()); // one bulk action at a time
    QProgressDialog *progress = job->progressDialog();
    ASSERT_NE(progress, nullptr);
    EXPECT_TRUE(progress->isVisible());

    // Cancel as the operator does, from the progress dialog, as soon as the first batch is reported.
    QObject::connect(job, &BulkJob::progressed, progress, [progress](qint64 done, qint64) {
        if (done > 0 && !progress->wasCanceled()) {
            if (auto *cancel = progress->findChild<QPushButton *>()) {
                cancel->click();
            }
        }
    });
    QSignalSpy finished(job, &BulkJob::finished);
    ASSERT_TRUE(finished.wait(60000));
    ticker.stop();

    EXPECT_GT(ticks, 0);
    EXPECT_GE(job->progressCount(), 1);
    EXPECT_TRUE(job->cancelRequested());
    const BulkAction::Outcome outcome = job->outcome();
    EXPECT_TRUE(job->error().isEmpty()) << job->error().toStdString();
    EXPECT_TRUE(outcome.cancelled);
    EXPECT_GT(outcome.done, 0);
    EXPECT_LT(outcome.done, kSelected);
    EXPECT_EQ(outcome.done % kBatch, 0); // whole batches only
    // Every subject is either blocked or untouched: exactly `done` more are blocked.
    EXPECT_EQ(blockedCount() - blockedBefore, outcome.done);
    EXPECT_TRUE(page().lastBulkSummary().contains(QStringLiteral("Cancelled")))
        << page().lastBulkSummary().toStdString();
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("blocked")));
    EXPECT_EQ(page().bulkJob(), nullptr);
    // The list refreshes: active subjects are fewer now.
    SubjectFilter active;
    active.state = DataState::Active;
    EXPECT_TRUE(waitForRows(int(count(m_officer, active))));
}

TEST_F(BulkActionsTest, AllMatchingTheFilterAnonymizesEveryMatchOrWaitsForASecondOfficer)
{
    selectActiveRows(1);
    page().setAllMatching(true);
    const int matching = page().model()->rowCount();
    QTest::keyClick(page().table(), Qt::Key_A, Qt::ControlModifier | Qt::AltModifier);
    // Every match and what would be lost are counted on a worker thread: the window says so and keeps responding.
    EXPECT_TRUE(page().isPreparingBulk());
    EXPECT_EQ(page().bulkDialog(), nullptr);
    EXPECT_FALSE(page().commandAction(SubjectsPage::Delete)->isEnabled()) << "one bulk action at a time";
    auto *selection = page().findChild<QLabel *>(QStringLiteral("subjectSelection"));
    ASSERT_NE(selection, nullptr);
    EXPECT_EQ(selection->text(), QStringLiteral("Counting what will change…"));
    BulkActionDialog *dialog = waitForDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->kind(), BulkAction::Kind::Anonymize);
    EXPECT_TRUE(dialog->impactText().contains(QStringLiteral("%1 subject").arg(QLocale().toString(matching))))
        << dialog->impactText().toStdString();
    dialog->findChild<QLineEdit *>(QStringLiteral("reason"))->setText(QStringLiteral("retention period over"));

    // Above the four-eyes threshold nothing is anonymized: it waits for approval.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("runButton")), Qt::LeftButton);
    BulkJob *job = page().bulkJob();
    ASSERT_NE(job, nullptr);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QSignalSpy finished(job, &BulkJob::finished);
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_GT(job->outcome().pendingApproval, 0);
    EXPECT_TRUE(page().lastBulkSummary().contains(
        QStringLiteral("waits for a second officer (approval #%1)").arg(job->outcome().pendingApproval)))
        << page().lastBulkSummary().toStdString();
    SubjectFilter anonymized;
    anonymized.state = DataState::Anonymized;
    const Result<QList<ApprovalService::Approval>> pending = ApprovalService::pending(db(), m_officer);
    ASSERT_TRUE(pending.ok());
    ASSERT_EQ(pending->size(), 1);
    EXPECT_EQ(pending->first().subjectIds.size(), matching);
}

TEST_F(BulkActionsTest, TheDeleteKeyAsksFirstAndNoKeepsEverything)
{
    selectActiveRows(3);
    const qint64 before = count(m_officer, SubjectFilter());
    QTest::keyClick(page().table(), Qt::Key_Delete);
    BulkActionDialog *dialog = waitForDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->kind(), BulkAction::Kind::Delete);
    EXPECT_TRUE(dialog->impactText().contains(QStringLiteral("3 subject")));
    dialog->findChild<QLineEdit *>(QStringLiteral("reason"))->setText(QStringLiteral("erasure request"));
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("runButton")), Qt::LeftButton);
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("only the fact of deletion is kept")));
    EXPECT_EQ(page().bulkJob(), nullptr);
    EXPECT_EQ(count(m_officer, SubjectFilter()), before);
}

} // namespace

} // namespace pd::test
