#include "CliRunner.h"
#include "TestDatabase.h"

#include <QFile>
#include <QTemporaryDir>

using namespace pd;
using namespace pd::test;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int countLines(const QString &text)
{
    return int(text.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size());
}

} // namespace

TEST(Cli, BadUsageExitsTwoNamingTheArgument)
{
    QTemporaryDir dir;
    const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("x.sqlite"));
    struct Case
    {
        QStringList arguments;
        const char *named;
    };
    const Case cases[] = {
        {{}, "no command"},
        {{QStringLiteral("--db"), QStringLiteral("mysql://root@localhost/x"), QStringLiteral("init")}, "--db"},
        {{QStringLiteral("--db")}, "--db"},
        {{QStringLiteral("--db"), db, QStringLiteral("frobnicate")}, "frobnicate"},
        {{QStringLiteral("--db"), db, QStringLiteral("demo")}, "--subjects"},
        {{QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--subjects"), QStringLiteral("many")},
         "--subjects"},
        {{QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--subjects"), QStringLiteral("5"),
          QStringLiteral("--today"), QStringLiteral("23.11.2026")},
         "--today"},
        {{QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--subjects"), QStringLiteral("5"),
          QStringLiteral("--colour")},
         "--colour"},
        {{QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--profile")}, "--profile"},
        // A subcommand that does not exist is named, with the ones that do.
        {{QStringLiteral("--db"), db, QStringLiteral("subject"), QStringLiteral("frob")},
         "subject: unknown 'frob' (expected one of: show, correct, block, unblock, contract-end, hold, anonymize, "
         "delete)"},
        {{QStringLiteral("--db"), db, QStringLiteral("request")}, "request: expected one of: add, list, show"},
        {{QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("requests")},
         "import: unknown 'requests' (expected one of: subjects)"},
    };
    for (const Case &c : cases) {
        const CliRun run = runCli(c.arguments);
        EXPECT_EQ(run.exitCode, 2) << c.arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(run.err.contains(QLatin1String(c.named))) << run.err.toStdString();
        EXPECT_TRUE(run.out.isEmpty());
    }
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("x.sqlite")))) << "bad usage must not create a database";
}

TEST(Cli, InitCreatesAMigratedDatabase)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new/desk.sqlite"));
    const CliRun run = runCli({QStringLiteral("--db"), QStringLiteral("sqlite:") + path, QStringLiteral("init")});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(QFile::exists(path));
    EXPECT_TRUE(run.out.contains(QStringLiteral("schema version %1").arg(Database::latestSchemaVersion())))
        << run.out.toStdString();
}

TEST(Cli, DatabaseFromEnvironmentIsUsed)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("env.sqlite"));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PRIVACYDESK_DB"), QStringLiteral("sqlite:") + path);
    const CliRun run = runCli({QStringLiteral("init")}, environment);
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(QFile::exists(path));
}

TEST(Cli, ForeignFileIsRefusedWithOneLineAndLeftUnchanged)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("photo.sqlite"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("\x89PNG\r\n\x1a\n not a database");
    file.close();
    const QByteArray before = fileBytes(path);

    const CliRun run = runCli({QStringLiteral("--db"), QStringLiteral("sqlite:") + path, QStringLiteral("init")});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(countLines(run.err), 1) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("not a Privacy Desk database")));
    EXPECT_EQ(fileBytes(path), before);
}

TEST(Cli, MalformedProfileIsRefusedBeforeTheDatabaseIsTouched)
{
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("broken.profile"));
    QFile file(profile);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("[profile]\nname = Broken\npolicy_version = 1\n\n[controller own]\nname = Own\nkind = sometimes\n");
    file.close();
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));

    const CliRun run = runCli({QStringLiteral("--db"), QStringLiteral("sqlite:") + path, QStringLiteral("init"),
                               QStringLiteral("--profile"), profile});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(countLines(run.err), 1) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("broken.profile:7"))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("kind"))) << run.err.toStdString();
    EXPECT_FALSE(QFile::exists(path));
}

TEST(Cli, InitLoadsEveryBuiltInProfile)
{
    QTemporaryDir dir;
    const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("desk.sqlite"));
    for (const char *name : {"savaniuk", "dynaassistant", "dynamail", "ai-assistants", "voice-service", "demo"}) {
        const QString profile =
            QStringLiteral(PRIVACYDESK_SOURCE_DIR "/resources/profiles/%1.profile").arg(QLatin1String(name));
        const CliRun run =
            runCli({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--profile"), profile});
        EXPECT_EQ(run.exitCode, 0) << name << ": " << run.err.toStdString();
        EXPECT_TRUE(run.out.contains(QStringLiteral("purposes"))) << run.out.toStdString();
    }
}
