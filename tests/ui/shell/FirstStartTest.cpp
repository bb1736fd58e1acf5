// The first start on a new machine and File > Open Database: a new database gets its first administrator and a
// policy profile in one step, or the operator opens the demo or another database; what was signed in to is
// remembered without its password, and switching databases replaces the window only once signed in.
#include "ui/shell/Application.h"

#include "TestDatabase.h"
#include "UiTestSupport.h"
#include "app/access/AuthService.h"
#include "app/policy/ProfileExport.h"
#include "app/policy/ProfileLoader.h"
#include "app/storage/Database.h"
#include "ui/shell/DemoDatabase.h"
#include "ui/shell/FirstAdministratorDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/OpenDatabaseDialog.h"
#include "ui/shell/RecentDatabases.h"
#include "ui/shell/SignInDialog.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include <sys/stat.h>

namespace pd::test {

namespace {

const QString kPassword = QStringLiteral("first-admin-2026");

class FirstStartTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        ASSERT_TRUE(m_folder.isValid());
        qputenv("PRIVACYDESK_CLI", PRIVACYDESK_CLI_PATH);
    }
    void TearDown() override
    {
        QSettings().clear();
        qunsetenv("PRIVACYDESK_CLI");
        QFile::remove(DemoDatabase::filePath());
    }

    DatabaseUrl fileUrl(const char *name) const { return DatabaseUrl::sqlite(m_folder.filePath(QLatin1String(name))); }

    /// The dialogs shown, by object name, in order; each answered by the handler for its type.
    std::optional<Application::Opened> open(const DatabaseUrl &url, bool *failed = nullptr)
    {
        return Application::openAndSignIn(
            url,
            [this](QDialog &dialog) -> int {
                m_shown << dialog.objectName();
                if (auto *first = qobject_cast<FirstAdministratorDialog *>(&dialog)) {
                    return onFirst ? onFirst(*first) : QDialog::Rejected;
                }
                if (auto *signIn = qobject_cast<SignInDialog *>(&dialog)) {
                    return onSignIn ? onSignIn(*signIn) : QDialog::Rejected;
                }
                if (auto *address = qobject_cast<OpenDatabaseDialog *>(&dialog)) {
                    return onAddress ? onAddress(*address) : QDialog::Rejected;
                }
                ADD_FAILURE() << "unexpected dialog " << dialog.objectName().toStdString();
                return QDialog::Rejected;
            },
            nullptr, failed);
    }

    static int createAdministrator(FirstAdministratorDialog &dialog)
    {
        dialog.setFields(QStringLiteral("chief"), QStringLiteral("Chief Administrator"), kPassword, kPassword);
        dialog.accept();
        return dialog.result();
    }
    static int signInAs(SignInDialog &dialog, const QString &name, const QString &password)
    {
        dialog.setOperatorName(name);
        dialog.setPassword(password);
        dialog.accept();
        return dialog.result();
    }

    QTemporaryDir m_folder;
    QStringList m_shown;
    std::function<int(FirstAdministratorDialog &)> onFirst;
    std::function<int(SignInDialog &)> onSignIn;
    std::function<int(OpenDatabaseDialog &)> onAddress;
};

} // namespace

TEST_F(FirstStartTest, ANewDatabaseGetsItsAdministratorAndTheChosenProfileInOneStep)
{
    QString profilePath;
    for (const QString &path : ProfileLoader::builtInProfiles()) {
        if (path.endsWith(QLatin1String("/savaniuk.profile"))) {
            profilePath = path;
        }
    }
    ASSERT_FALSE(profilePath.isEmpty());
    onFirst = [&](FirstAdministratorDialog &dialog) {
        EXPECT_NE(dialog.profile(), ProfileLoader::defaultProfilePath()) << "the demo's profile is not offered";
        dialog.setProfile(profilePath);
        return createAdministrator(dialog);
    };
    onSignIn = [](SignInDialog &dialog) {
        EXPECT_TRUE(dialog.hint().isEmpty()) << "no demo passwords on a real database";
        EXPECT_TRUE(
            dialog.findChild<QLabel *>(QStringLiteral("signInIntro"))->text().contains(QLatin1String("new.sqlite")));
        dialog.setPassword(kPassword); // the name is filled in with the administrator just made
        dialog.accept();
        return dialog.result();
    };
    const std::optional<Application::Opened> opened = open(fileUrl("new.sqlite"));
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->session.role, Role::Admin);
    EXPECT_EQ(m_shown, (QStringList{QStringLiteral("firstAdministratorDialog"), QStringLiteral("signInDialog")}));
    const Result<Profile> stored = ProfileExport::read(*opened->database);
    const Result<Profile> expected = ProfileLoader::load(profilePath);
    ASSERT_TRUE(stored.ok() && expected.ok());
    EXPECT_EQ(stored->purposes.size(), expected->purposes.size());
    EXPECT_FALSE(stored->purposes.isEmpty());
    EXPECT_EQ(RecentDatabases::list(), QStringList{fileUrl("new.sqlite").toString()});
}

TEST_F(FirstStartTest, AProfileThatDoesNotLoadCreatesNothing)
{
    const QString bad = m_folder.filePath(QStringLiteral("broken.profile"));
    QFile file(bad);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("[profile]\nname = Broken\n[purpose nowhere]\ntitle = x\n");
    file.close();
    QString problem;
    onFirst = [&](FirstAdministratorDialog &dialog) {
        dialog.setProfile(bad);
        EXPECT_EQ(createAdministrator(dialog), QDialog::Rejected) << "stays open";
        problem = dialog.problemText();
        return QDialog::Rejected; // then the operator gives up
    };
    bool failed = true;
    EXPECT_FALSE(open(fileUrl("new.sqlite"), &failed));
    EXPECT_FALSE(failed) << "cancelled, not failed";
    EXPECT_TRUE(problem.contains(QLatin1String("broken.profile:"))) << problem.toStdString();
    const Result<std::shared_ptr<Database>> database = Database::open(fileUrl("new.sqlite"));
    ASSERT_TRUE(database.ok());
    EXPECT_FALSE(AuthService::hasOperators(*database.value()).value()) << "no administrator without the profile";
    EXPECT_TRUE(ProfileExport::read(*database.value())->purposes.isEmpty());
    EXPECT_TRUE(RecentDatabases::list().isEmpty());
}

TEST_F(FirstStartTest, TheDemoIsMadeOnRequestAndSaysWhoMaySignIn)
{
    onFirst = [](FirstAdministratorDialog &dialog) {
        dialog.findChild<QPushButton *>(QStringLiteral("openDemo"))->click();
        return dialog.result();
    };
    QString hint;
    onSignIn = [&hint](SignInDialog &dialog) {
        hint = dialog.hint();
        return signInAs(dialog, QStringLiteral("officer"), QStringLiteral("officer-demo-2026"));
    };
    const std::optional<Application::Opened> opened = open(fileUrl("new.sqlite"));
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->session.role, Role::Officer);
    EXPECT_EQ(opened->database->url().path(), DemoDatabase::filePath());
    EXPECT_TRUE(hint.contains(QLatin1String("officer-demo-2026")));
    EXPECT_EQ(RecentDatabases::list().value(0), DatabaseUrl::sqlite(DemoDatabase::filePath()).toString());
    const QStringList left = QDir(QFileInfo(DemoDatabase::filePath()).absolutePath())
                                 .entryList({QStringLiteral(".demo-*")}, QDir::Files | QDir::Hidden);
    EXPECT_TRUE(left.isEmpty()) << "the temporary file was renamed";
    EXPECT_FALSE(QFileInfo(DemoDatabase::filePath()).permissions() & QFileDevice::ReadOther);
}

TEST_F(FirstStartTest, AnotherDatabaseIsOpenedFromTheFirstStartOrWhenOneDoesNotOpen)
{
    {
        const Result<std::shared_ptr<Database>> other = Database::open(fileUrl("office.sqlite"));
        ASSERT_TRUE(other.ok());
        ASSERT_TRUE(
            AuthService::addOperator(*other.value(), Session(), QStringLiteral("chief"), Role::Admin, kPassword).ok());
    }
    QFile junk(m_folder.filePath(QStringLiteral("junk.sqlite")));
    ASSERT_TRUE(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();

    // A file that is not a database: the address form says why and offers another.
    QString message;
    onAddress = [&](OpenDatabaseDialog &dialog) {
        message = dialog.messageText();
        dialog.setUrl(fileUrl("office.sqlite"));
        dialog.accept();
        return dialog.result();
    };
    onSignIn = [](SignInDialog &dialog) { return signInAs(dialog, QStringLiteral("chief"), kPassword); };
    std::optional<Application::Opened> opened = open(fileUrl("junk.sqlite"));
    ASSERT_TRUE(opened);
    EXPECT_TRUE(message.contains(QLatin1String("junk.sqlite"))) << message.toStdString();
    EXPECT_EQ(opened->database->url().path(), fileUrl("office.sqlite").path());

    // From the first start of a new database.
    m_shown.clear();
    onFirst = [](FirstAdministratorDialog &dialog) {
        dialog.findChild<QPushButton *>(QStringLiteral("openOther"))->click();
        return dialog.result();
    };
    opened = open(fileUrl("empty.sqlite"));
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->database->url().path(), fileUrl("office.sqlite").path());
    EXPECT_EQ(m_shown, (QStringList{QStringLiteral("firstAdministratorDialog"), QStringLiteral("openDatabaseDialog"),
                                    QStringLiteral("signInDialog")}));
}

TEST_F(FirstStartTest, APostgreSQLPasswordIsAskedForAndNeverRemembered)
{
    bool asked = false;
    onAddress = [&asked](OpenDatabaseDialog &dialog) {
        asked = true;
        EXPECT_TRUE(dialog.messageText().contains(QLatin1String("password")));
        EXPECT_EQ(dialog.focusWidget(), dialog.findChild<QWidget *>(QStringLiteral("serverPassword")));
        return int(QDialog::Rejected);
    };
    bool failed = true;
    const Result<DatabaseUrl> url = DatabaseUrl::parse(QStringLiteral("postgresql://clerk@db.example:5433/office"));
    ASSERT_TRUE(url.ok());
    EXPECT_FALSE(open(url.value(), &failed));
    EXPECT_TRUE(asked);
    EXPECT_FALSE(failed);

    DatabaseUrl withPassword = url.value();
    withPassword.setPassword(QStringLiteral("s3cret-pass"));
    RecentDatabases::remember(withPassword);
    EXPECT_EQ(RecentDatabases::list(), QStringList{QStringLiteral("postgresql://clerk@db.example:5433/office")});
    QSettings().sync();
    QFile settings(QSettings().fileName());
    ASSERT_TRUE(settings.open(QIODevice::ReadOnly));
    EXPECT_FALSE(settings.readAll().contains("s3cret-pass"));
}

TEST_F(FirstStartTest, OpenRecentSwitchesTheWindowOnlyOnceSignedIn)
{
    onFirst = &FirstStartTest::createAdministrator;
    onSignIn = [](SignInDialog &dialog) { return signInAs(dialog, QStringLiteral("chief"), kPassword); };
    std::optional<Application::Opened> first = open(fileUrl("one.sqlite"));
    std::optional<Application::Opened> second = open(fileUrl("two.sqlite"));
    ASSERT_TRUE(first && second);
    second.reset(); // closed; signed in to again below
    EXPECT_EQ(RecentDatabases::list(),
              (QStringList{fileUrl("two.sqlite").toString(), fileUrl("one.sqlite").toString()}));

    Application app;
    app.show(std::move(*first));
    MainWindow *window = app.window();
    ASSERT_TRUE(window);
    auto *recent = window->findChild<QMenu *>(QStringLiteral("recentDatabases"));
    ASSERT_TRUE(recent);
    emit recent->aboutToShow();
    const QList<QAction *> actions = recent->actions();
    ASSERT_GE(actions.size(), 2);
    EXPECT_TRUE(actions.at(0)->text().contains(QLatin1String("two.sqlite"))) << "signed in to last";
    EXPECT_TRUE(actions.at(0)->isEnabled());
    EXPECT_TRUE(actions.at(1)->text().contains(QLatin1String("one.sqlite")));
    EXPECT_FALSE(actions.at(1)->isEnabled()) << "the database open now";
    QSignalSpy wanted(window, &MainWindow::openDatabaseWanted);
    actions.at(0)->trigger();
    ASSERT_EQ(wanted.size(), 1);
    const QString other = wanted.first().first().toString();
    EXPECT_EQ(other, fileUrl("two.sqlite").toString());

    // Cancelled sign-in: the window stays.
    const auto cancel = [](QDialog &) { return int(QDialog::Rejected); };
    app.switchDatabase(other, cancel);
    EXPECT_EQ(app.window(), window);
    // Signed in: a new window on the other database, the old one gone.
    app.switchDatabase(other, [](QDialog &dialog) {
        auto *signIn = qobject_cast<SignInDialog *>(&dialog);
        return signIn ? signInAs(*signIn, QStringLiteral("chief"), kPassword) : int(QDialog::Rejected);
    });
    ASSERT_NE(app.window(), nullptr);
    EXPECT_TRUE(app.window()
                    ->findChild<QLabel *>(QStringLiteral("databaseLabel"))
                    ->text()
                    .contains(QLatin1String("two.sqlite")));
    EXPECT_TRUE(app.window()->isVisible());
    EXPECT_EQ(RecentDatabases::list().value(0), other);
}

// The settings name the operator who signed in last and the databases opened: nobody else on the machine reads
// them, whatever the umask, and Qt's rewriting of the file keeps it so.
TEST(SettingsFile, IsTheUsersAloneWhateverTheUmask)
{
    const mode_t previous = ::umask(022);
    Application::keepSettingsPrivate();
    const QString path = QSettings().fileName();
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    for (const QString &database :
         {QStringLiteral("sqlite:/srv/one.sqlite"), QStringLiteral("sqlite:/srv/two.sqlite")}) {
        RecentDatabases::remember(DatabaseUrl::parse(database).value());
        QSettings().sync();
        ASSERT_TRUE(QFile::exists(path));
        EXPECT_EQ(QFile::permissions(path) & others, QFileDevice::Permissions()) << path.toStdString();
        EXPECT_EQ(QFile::permissions(QFileInfo(path).absolutePath()) & others, QFileDevice::Permissions());
    }
    EXPECT_TRUE(QSettings(path, QSettings::IniFormat)
                    .value(QStringLiteral("databases/recent"))
                    .toStringList()
                    .contains(QStringLiteral("sqlite:/srv/two.sqlite")))
        << "the file was written";
    ::umask(previous);
}

} // namespace pd::test
