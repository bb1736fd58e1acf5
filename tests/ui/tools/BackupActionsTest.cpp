#include "ui/tools/BackupActions.h"

#include "DemoFixture.h"
#include "UiTestSupport.h"
#include "ui/common/MessageBox.h"
#include "ui/shell/MainWindow.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace pd::test {

namespace {

class BackupActionsTest : public DemoFixture
{
protected:
    void SetUp() override
    {
        DemoFixture::SetUp();
        generate(60);
    }

    qint64 items()
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        return query.exec(QStringLiteral("SELECT COUNT(*) FROM pd_items")) && query.next() ? query.value(0).toLongLong()
                                                                                           : -1;
    }

    QAction *action(const char *name) { return window().findChild<QAction *>(QLatin1String(name)); }
};

} // namespace

TEST_F(BackupActionsTest, AnAdministratorBacksUpAndRestoresFromTheFileMenu)
{
    openWindow(signIn(QStringLiteral("admin")));
    ASSERT_NE(action("backUpDatabase"), nullptr);
    ASSERT_NE(action("restoreDatabase"), nullptr);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("copy.sqlite"));
    MessageBox::setNextFileName(path);
    MessageBox::setNextAnswer(QMessageBox::Ok); // the box that says where the backup is
    action("backUpDatabase")->trigger();
    ASSERT_TRUE(
        QTest::qWaitFor([] { return MessageBox::lastText().contains(QLatin1String("The backup is in")); }, 30000))
        << MessageBox::lastText().toStdString();
    EXPECT_TRUE(QFile::exists(path));
    const qint64 before = items();

    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        ASSERT_TRUE(
            query.exec(QStringLiteral("DELETE FROM pd_items WHERE subject_id = (SELECT MIN(id) FROM subjects)")));
    }
    ASSERT_LT(items(), before);
    MessageBox::setNextFileName(path);
    MessageBox::setNextAnswer(QMessageBox::No);
    action("restoreDatabase")->trigger();
    EXPECT_TRUE(MessageBox::lastText().contains(QLatin1String("data erased since comes back")))
        << "the question says what a restore brings back";
    EXPECT_LT(items(), before) << "saying no replaces nothing";

    MessageBox::setNextFileName(path);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    action("restoreDatabase")->trigger();
    MessageBox::setNextAnswer(QMessageBox::Ok); // the box that says it was restored
    ASSERT_TRUE(QTest::qWaitFor([] { return MessageBox::lastText().contains(QLatin1String("was restored")); }, 30000))
        << MessageBox::lastText().toStdString();
    EXPECT_EQ(items(), before);
}

TEST_F(BackupActionsTest, ABrokenCopyIsRefusedAndNothingIsReplaced)
{
    openWindow(signIn(QStringLiteral("admin")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("copy.sqlite"));
    MessageBox::setNextFileName(path);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    action("backUpDatabase")->trigger();
    ASSERT_TRUE(
        QTest::qWaitFor([] { return MessageBox::lastText().contains(QLatin1String("The backup is in")); }, 30000));

    // Someone rewrites an audit entry in the copy.
    {
        QSqlDatabase copy = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        copy.setDatabaseName(path);
        ASSERT_TRUE(copy.open());
        QSqlQuery query(copy);
        ASSERT_TRUE(query.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
        ASSERT_TRUE(query.exec(QStringLiteral("UPDATE audit_log SET reason = 'rewritten' WHERE id = 2")));
        query.finish();
        copy.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        ASSERT_TRUE(
            query.exec(QStringLiteral("DELETE FROM pd_items WHERE subject_id = (SELECT MIN(id) FROM subjects)")));
    }
    const qint64 now = items();

    MessageBox::setNextFileName(path);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    action("restoreDatabase")->trigger();
    MessageBox::setNextAnswer(QMessageBox::Ok); // the box that says why not
    ASSERT_TRUE(
        QTest::qWaitFor([] { return MessageBox::lastText().contains(QLatin1String("audit trail is broken")); }, 30000))
        << MessageBox::lastText().toStdString();
    EXPECT_EQ(items(), now) << "the live database is as it was";

    // A file that is not a database at all.
    QFile junk(dir.filePath(QStringLiteral("junk.sqlite")));
    ASSERT_TRUE(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(8192, 'x'));
    junk.close();
    MessageBox::setNextFileName(junk.fileName());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    action("restoreDatabase")->trigger();
    MessageBox::setNextAnswer(QMessageBox::Ok);
    ASSERT_TRUE(QTest::qWaitFor([] { return MessageBox::lastText().contains(QLatin1String("junk.sqlite:")); }, 30000))
        << MessageBox::lastText().toStdString();
    EXPECT_FALSE(MessageBox::lastText().contains(QLatin1String("was restored")));
    EXPECT_EQ(items(), now);
}

TEST_F(BackupActionsTest, OnlyAdministratorsRestoreAndAgentsDoNeither)
{
    openWindow(signIn(QStringLiteral("officer")));
    EXPECT_NE(action("backUpDatabase"), nullptr);
    EXPECT_EQ(action("restoreDatabase"), nullptr);
    m_window.reset();
    openWindow(signIn(QStringLiteral("agent")));
    EXPECT_EQ(action("backUpDatabase"), nullptr);
    EXPECT_EQ(action("restoreDatabase"), nullptr);
}

} // namespace pd::test
