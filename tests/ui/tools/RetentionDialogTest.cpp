#include "ui/tools/RetentionDialog.h"

#include "DemoFixture.h"
#include "UiTestSupport.h"
#include "app/access/Settings.h"
#include "ui/common/MessageBox.h"
#include "ui/shell/MainWindow.h"

#include <gtest/gtest.h>

#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>

namespace pd::test {

namespace {

class RetentionDialogTest : public DemoFixture
{
protected:
    void SetUp() override
    {
        DemoFixture::SetUp();
        generate(200);
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT MAX(id) + 1, MIN(controller_id) FROM purposes")) && query.next());
        m_purpose = query.value(0).toLongLong();
        const qint64 controller = query.value(1).toLongLong();
        ASSERT_TRUE(query.prepare(QStringLiteral(
            "INSERT INTO purposes (id, code, controller_id, title, legal_ground, retention_kind, retention_months, "
            "retention_event, retention_text, retention_action) VALUES (?, 't-expired', ?, 'Expired test purpose', "
            "'contract', 'fixed', 12, 'collection', '1 year after collection', 'delete')")));
        query.addBindValue(m_purpose);
        query.addBindValue(controller);
        ASSERT_TRUE(query.exec());
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT MIN(id) FROM subjects WHERE state = 'active'")) && query.next());
        const qint64 subject = query.value(0).toLongLong();
        ASSERT_TRUE(query.prepare(QStringLiteral(
            "INSERT INTO pd_items (id, subject_id, purpose_id, category, field, value, collected_at) SELECT MAX(id) + "
            "1, ?, ?, 'account', 'email', 'old@example.org', '2020-01-01T10:00:00Z' FROM pd_items")));
        query.addBindValue(subject);
        query.addBindValue(m_purpose);
        ASSERT_TRUE(query.exec());
        // One officer may sweep the whole demo: the four-eyes rule is tested with the sweep itself.
        const Session admin = signIn(QStringLiteral("admin"));
        ASSERT_TRUE(Settings::setValue(db(), admin, Settings::Key::FourEyesThreshold, 1000000).ok());
        ASSERT_TRUE(Settings::setValue(db(), admin, Settings::Key::FourEyesAllDeletions, 0).ok());
    }

    int rowOf(const RetentionDialog &dialog, const QString &title)
    {
        for (int row = 0; row < dialog.table()->rowCount(); ++row) {
            if (dialog.table()->item(row, RetentionDialog::Purpose)->text() == title) {
                return row;
            }
        }
        return -1;
    }

    qint64 itemsOfPurpose()
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE purpose_id = ?"));
        query.addBindValue(m_purpose);
        return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
    }

    qint64 m_purpose = 0;
};

} // namespace

TEST_F(RetentionDialogTest, AnOfficerSeesWhatIsDueRunsTheSweepAndReadsItsSummary)
{
    RetentionDialog dialog(m_testDatabase.database(), signIn(QStringLiteral("officer")));
    QSignalSpy loaded(&dialog, &RetentionDialog::loaded);
    ASSERT_TRUE(loaded.wait(kWaitMs));
    const int row = rowOf(dialog, QStringLiteral("Expired test purpose"));
    ASSERT_GE(row, 0);
    EXPECT_EQ(dialog.table()->item(row, RetentionDialog::Due)->text(), QStringLiteral("1"));
    EXPECT_EQ(dialog.table()->item(row, RetentionDialog::Then)->text(), QStringLiteral("Delete"));
    EXPECT_EQ(dialog.table()->item(row, RetentionDialog::Rule)->text(), QStringLiteral("1 year after collection"));
    ASSERT_TRUE(dialog.runButton()->isEnabled());

    // Saying no changes nothing.
    MessageBox::setNextAnswer(QMessageBox::No);
    dialog.runButton()->click();
    EXPECT_EQ(itemsOfPurpose(), 1);

    QSignalSpy finished(&dialog, &RetentionDialog::sweepFinished);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.runButton()->click();
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(itemsOfPurpose(), 0) << "the item past its period is gone";
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("Sweep done"))) << dialog.message().toStdString();
    EXPECT_GE(dialog.lastSummary().itemsDeleted + dialog.lastSummary().subjectsDeleted, 1);
    ASSERT_TRUE(loaded.wait(kWaitMs)) << "the preview is read again after the sweep";
    const int after = rowOf(dialog, QStringLiteral("Expired test purpose"));
    ASSERT_GE(after, 0);
    EXPECT_EQ(dialog.table()->item(after, RetentionDialog::Due)->text(), QStringLiteral("0"));
}

TEST_F(RetentionDialogTest, AnAgentSeesThePreviewButCannotRunTheSweep)
{
    RetentionDialog dialog(m_testDatabase.database(), signIn(QStringLiteral("agent")));
    QSignalSpy loaded(&dialog, &RetentionDialog::loaded);
    ASSERT_TRUE(loaded.wait(kWaitMs));
    EXPECT_GE(rowOf(dialog, QStringLiteral("Expired test purpose")), 0);
    EXPECT_FALSE(dialog.runButton()->isEnabled());
    EXPECT_FALSE(dialog.runButton()->toolTip().isEmpty()) << "says who may";
    dialog.runSweep();
    EXPECT_EQ(itemsOfPurpose(), 1);
}

} // namespace pd::test
