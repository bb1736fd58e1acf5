#include "ui/audit/AuditPage.h"

#include "TestDatabase.h"
#include "UiTestSupport.h"
#include "app/access/AuditLog.h"
#include "app/access/AuthService.h"
#include "app/storage/Database.h"
#include "app/subjects/RestrictionService.h"
#include "ui/audit/AuditModel.h"
#include "ui/common/EmptyState.h"
#include "ui/shell/MainWindow.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

#include <memory>

namespace pd::test {

namespace {

class AuditPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        ASSERT_TRUE(m_testDatabase.database()) << m_testDatabase.reason().toStdString();
        seedSubjects(db(), 20);
        // Operators, sign-ins (one failed) and a block: entries of several operators and kinds.
        m_anna = makeOperator(db(), QStringLiteral("anna"), Role::Officer);
        makeOperator(db(), QStringLiteral("boris"), Role::Agent);
        EXPECT_TRUE(AuthService::signIn(db(), QStringLiteral("boris"), kTestPassword).ok());
        EXPECT_FALSE(AuthService::signIn(db(), QStringLiteral("boris"), QStringLiteral("wrong-password")).ok());
        EXPECT_TRUE(AuthService::signIn(db(), QStringLiteral("anna"), kTestPassword).ok());
        RestrictionService::Restriction restriction;
        restriction.subjectId = 3;
        restriction.expectedVersion = 1;
        restriction.reason = QStringLiteral("accuracy disputed");
        const Status blocked = RestrictionService::block(db(), m_anna, restriction);
        EXPECT_TRUE(blocked.ok()) << blocked.error().message.toStdString();
        ASSERT_FALSE(HasFailure());
    }

    void TearDown() override
    {
        m_window.reset();
        QSettings().clear();
    }

    Database &db() { return *m_testDatabase.database(); }

    void open(const Session &session)
    {
        m_window = std::make_unique<MainWindow>(m_testDatabase.database(), session);
        m_window->resize(1300, 700);
        m_window->setCurrentPage(MainWindow::Page::Audit);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }

    AuditPage &page() const { return *m_window->auditPage(); }
    AuditModel &model() const { return *page().model(); }
    qint64 total() { return AuditLog::count(db(), auditReader(), AuditFilter()).value(); }

    bool waitForVerification(const QString &start)
    {
        return QTest::qWaitFor([&] { return !page().isVerifying() && page().verificationText().startsWith(start); },
                               kWaitMs);
    }

    QString cell(int row, int column) const { return model().data(model().index(row, column)).toString(); }
    /// The action's code, as the Action column's tooltip gives it (the column shows its name).
    QString actionCode(int row) const
    {
        return model().data(model().index(row, AuditModel::Action), Qt::ToolTipRole).toString();
    }

    TestDatabase m_testDatabase{Backend::SQLite};
    Session m_anna;
    std::unique_ptr<MainWindow> m_window;
};

TEST_F(AuditPageTest, ListsEntriesNewestFirstAndVerifiesTheChain)
{
    open(m_anna);
    QAbstractItemModelTester tester(&model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(waitForVerification(QStringLiteral("Audit trail intact"))) << page().verificationText().toStdString();
    EXPECT_EQ(page().verificationText(), QStringLiteral("Audit trail intact: %1 entries verified").arg(total()));
    EXPECT_EQ(model().rowCount(), total());
    EXPECT_EQ(cell(0, AuditModel::Action), QStringLiteral("Blocked")) << "the action by its name, not its code";
    EXPECT_EQ(actionCode(0), QStringLiteral("subject.block"));
    EXPECT_EQ(cell(0, AuditModel::Operator), QStringLiteral("anna"));
    EXPECT_EQ(cell(0, AuditModel::Subject), QStringLiteral("3"));
    EXPECT_EQ(cell(0, AuditModel::Reason), QStringLiteral("accuracy disputed"));
    EXPECT_EQ(cell(0, AuditModel::Fields), QStringLiteral("all"));
    EXPECT_EQ(cell(model().rowCount() - 1, AuditModel::Id), QStringLiteral("1"));
    EXPECT_EQ(model().headerData(AuditModel::Time, Qt::Horizontal).toString(), QStringLiteral("Time"));
    EXPECT_TRUE(page().findChild<QLabel *>(QStringLiteral("auditCount"))->text().startsWith(QString::number(total())));
}

TEST_F(AuditPageTest, FiltersByOperatorActionAndSubject)
{
    open(m_anna);
    ASSERT_TRUE(waitForVerification(QStringLiteral("Audit trail intact")));
    const int all = model().rowCount();

    auto *operatorField = page().findChild<QComboBox *>(QStringLiteral("auditOperator"));
    ASSERT_NE(operatorField, nullptr);
    EXPECT_GE(operatorField->findText(QStringLiteral("boris")), 0); // offered from the entries shown
    operatorField->setEditText(QStringLiteral("boris"));
    page().applyFilter();
    ASSERT_GT(model().rowCount(), 0);
    EXPECT_LT(model().rowCount(), all);
    for (int row = 0; row < model().rowCount(); ++row) {
        EXPECT_EQ(cell(row, AuditModel::Operator), QStringLiteral("boris")) << row;
    }

    operatorField->setEditText(QString());
    auto *action = page().findChild<QComboBox *>(QStringLiteral("auditAction"));
    action->setCurrentIndex(action->findText(QStringLiteral("Sign-ins")));
    ASSERT_GT(model().rowCount(), 0);
    EXPECT_LT(model().rowCount(), all);
    bool sawFailure = false;
    for (int row = 0; row < model().rowCount(); ++row) {
        EXPECT_TRUE(actionCode(row).startsWith(QStringLiteral("sign-in"))) << row;
        sawFailure = sawFailure || cell(row, AuditModel::Action) == QStringLiteral("Sign-in failed");
    }
    EXPECT_TRUE(sawFailure);

    action->setCurrentIndex(0);
    auto *subject = page().findChild<QLineEdit *>(QStringLiteral("auditSubject"));
    QTest::keyClicks(subject, QStringLiteral("x3"));
    EXPECT_EQ(subject->text(), QStringLiteral("3")); // digits only
    page().applyFilter();
    ASSERT_EQ(model().rowCount(), 1);
    EXPECT_EQ(actionCode(0), QStringLiteral("subject.block"));

    subject->setText(QStringLiteral("999"));
    page().applyFilter();
    EXPECT_EQ(model().rowCount(), 0);
    auto *empty = page().findChild<EmptyState *>(QStringLiteral("auditEmptyState"));
    EXPECT_TRUE(empty->isVisible());
    EXPECT_TRUE(empty->text().contains(QStringLiteral("No entry matches")));

    page().findChild<QPushButton *>(QStringLiteral("auditClearFilters"))->click();
    EXPECT_EQ(model().rowCount(), all);
}

TEST_F(AuditPageTest, ReverifyingAfterTamperingPointsAtTheChangedEntry)
{
    open(m_anna);
    ASSERT_TRUE(waitForVerification(QStringLiteral("Audit trail intact")));

    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    ASSERT_TRUE(query.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")))
        << query.lastError().text().toStdString();
    ASSERT_TRUE(query.exec(QStringLiteral("UPDATE audit_log SET reason = 'x' WHERE id = 2")))
        << query.lastError().text().toStdString();

    page().findChild<QPushButton *>(QStringLiteral("verifyButton"))->click();
    ASSERT_TRUE(waitForVerification(QStringLiteral("Audit trail broken"))) << page().verificationText().toStdString();
    EXPECT_TRUE(page().verificationText().startsWith(QStringLiteral("Audit trail broken at entry #2: ")))
        << page().verificationText().toStdString();
    const int row = model().rowOfEntry(2);
    ASSERT_GE(row, 0);
    EXPECT_TRUE(page().table()->selectionModel()->isRowSelected(row, QModelIndex()));
    EXPECT_TRUE(model().data(model().index(row, 0), Qt::ForegroundRole).isValid());
}

TEST_F(AuditPageTest, NewEntriesAppearAfterAChangeNotification)
{
    open(m_anna);
    ASSERT_TRUE(waitForVerification(QStringLiteral("Audit trail intact")));
    const int before = model().rowCount();
    page().table()->selectRow(3);
    const qint64 selectedId = model().data(model().index(3, 0), AuditModel::EntryIdRole).toLongLong();

    RestrictionService::Restriction restriction;
    restriction.subjectId = 5;
    restriction.expectedVersion = 1;
    restriction.reason = QStringLiteral("objection");
    ASSERT_TRUE(RestrictionService::block(db(), m_anna, restriction).ok());
    ASSERT_TRUE(QTest::qWaitFor([&] { return model().rowCount() == before + 1; }, kWaitMs));
    EXPECT_EQ(cell(0, AuditModel::Subject), QStringLiteral("5"));
    // The selection follows its entry down.
    const int row = model().rowOfEntry(selectedId);
    EXPECT_EQ(row, 4);
    EXPECT_TRUE(page().table()->selectionModel()->isRowSelected(row, QModelIndex()));
}

TEST_F(AuditPageTest, AnAgentSeesNoEntries)
{
    const Result<Session> agent = AuthService::signIn(db(), QStringLiteral("boris"), kTestPassword);
    ASSERT_TRUE(agent.ok());
    open(agent.value());
    auto *empty = page().findChild<EmptyState *>(QStringLiteral("auditEmptyState"));
    ASSERT_NE(empty, nullptr);
    EXPECT_TRUE(empty->isVisible());
    EXPECT_TRUE(empty->text().contains(QStringLiteral("does not include reading the audit trail")));
    EXPECT_FALSE(page().canView());
    EXPECT_EQ(model().rowCount(), 0);
    EXPECT_FALSE(page().findChild<QPushButton *>(QStringLiteral("verifyButton"))->isEnabled());
    EXPECT_FALSE(page().isVerifying());
}

} // namespace

} // namespace pd::test
