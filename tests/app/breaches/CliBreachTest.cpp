// privacydesk-cli breach add|list|show|notify, as a script or an officer on call uses them.
#include "CliRunner.h"
#include "ServiceFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace pd;
using namespace pd::test;

class CliBreachTest : public ServiceFixture
{
protected:
    CliRun cli(const QStringList &arguments, const char *operatorName = "officer",
               const char *password = "officer-demo-2026")
    {
        return runCliAs(testDatabase().url(), operatorName, password, arguments);
    }

    CliRun add(const QStringList &more = {})
    {
        return cli(QStringList{QStringLiteral("breach"), QStringLiteral("add"), QStringLiteral("--discovered"),
                               QStringLiteral("2026-10-30T16:00:00+03:00"), QStringLiteral("--regime"),
                               QStringLiteral("gdpr,by-99z,ru-152fz"), QStringLiteral("--nature"),
                               QStringLiteral("Mailing list sent to the wrong client"), QStringLiteral("--subjects"),
                               QStringLiteral("40"), QStringLiteral("--records"), QStringLiteral("80")} +
                   more);
    }
};

TEST_P(CliBreachTest, AddGivesTheIdOrWithJsonTheDeadlinePerRegimeInUtc)
{
    const CliRun plain = add();
    ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    bool numeric = false;
    plain.out.trimmed().toLongLong(&numeric);
    EXPECT_TRUE(numeric) << "add prints only the new id: " << plain.out.toStdString();

    const CliRun json = add({QStringLiteral("--json")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonObject breach = QJsonDocument::fromJson(json.out.toUtf8()).object();
    EXPECT_EQ(breach.value(QStringLiteral("discovered_at")).toString(), QStringLiteral("2026-10-30T13:00:00Z"));
    EXPECT_EQ(breach.value(QStringLiteral("subjects")).toInteger(), 40);
    QHash<QString, QString> notifyBy;
    for (const QJsonValue &notice : breach.value(QStringLiteral("notifications")).toArray()) {
        notifyBy.insert(notice[QStringLiteral("regime")].toString(), notice[QStringLiteral("notify_by")].toString());
    }
    EXPECT_EQ(notifyBy.value(QStringLiteral("gdpr")), QStringLiteral("2026-11-02T13:00:00Z"));
    EXPECT_EQ(notifyBy.value(QStringLiteral("ru-152fz")), QStringLiteral("2026-10-31T13:00:00Z"));
    EXPECT_FALSE(notifyBy.value(QStringLiteral("by-99z")).isEmpty());
}

TEST_P(CliBreachTest, ALateNoticeWithoutReasonExitsOneAndWithOneIsShown)
{
    const QString id = add().out.trimmed();
    const CliRun late =
        cli({QStringLiteral("breach"), QStringLiteral("notify"), id, QStringLiteral("--at"),
             QStringLiteral("2026-11-03T09:00:00Z"), QStringLiteral("--regime"), QStringLiteral("gdpr")});
    EXPECT_EQ(late.exitCode, 1);
    EXPECT_TRUE(late.err.contains(QLatin1String("reason"))) << late.err.toStdString();
    EXPECT_EQ(late.err.count(QLatin1Char('\n')), 1) << "one line: " << late.err.toStdString();

    const CliRun notified =
        cli({QStringLiteral("breach"), QStringLiteral("notify"), id, QStringLiteral("--at"),
             QStringLiteral("2026-11-03T09:00:00Z"), QStringLiteral("--reason"), QStringLiteral("weekend on call")});
    ASSERT_EQ(notified.exitCode, 0) << notified.err.toStdString();
    const CliRun shown = cli({QStringLiteral("breach"), QStringLiteral("show"), id, QStringLiteral("--json")});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    for (const QJsonValue &notice :
         QJsonDocument::fromJson(shown.out.toUtf8()).object().value(QStringLiteral("notifications")).toArray()) {
        EXPECT_EQ(notice[QStringLiteral("notified_at")].toString(), QStringLiteral("2026-11-03T09:00:00Z"));
        const bool byLaw = notice[QStringLiteral("regime")].toString() == QLatin1String("by-99z");
        EXPECT_EQ(notice[QStringLiteral("late")].toBool(), !byLaw) << "Belarus's three working days still ran";
    }
    const CliRun due =
        cli({QStringLiteral("breach"), QStringLiteral("list"), QStringLiteral("--due"), QStringLiteral("--json")});
    ASSERT_EQ(due.exitCode, 0);
    EXPECT_TRUE(
        QJsonDocument::fromJson(due.out.toUtf8()).object().value(QStringLiteral("breaches")).toArray().isEmpty());
}

TEST_P(CliBreachTest, BadArgumentsAreNamedAndAgentsAreRefused)
{
    const CliRun noZone = cli({QStringLiteral("breach"), QStringLiteral("add"), QStringLiteral("--discovered"),
                               QStringLiteral("2026-11-27T16:00"), QStringLiteral("--regime"), QStringLiteral("gdpr"),
                               QStringLiteral("--nature"), QStringLiteral("x")});
    EXPECT_EQ(noZone.exitCode, 2);
    EXPECT_TRUE(noZone.err.contains(QLatin1String("--discovered"))) << noZone.err.toStdString();
    const CliRun regime = add({QStringLiteral("--regime"), QStringLiteral("gdpr,mars")});
    EXPECT_EQ(regime.exitCode, 2);
    EXPECT_TRUE(regime.err.contains(QLatin1String("mars"))) << regime.err.toStdString();
    const CliRun agent = cli({QStringLiteral("breach"), QStringLiteral("add"), QStringLiteral("--discovered"),
                              QStringLiteral("2026-10-30T16:00:00Z"), QStringLiteral("--regime"),
                              QStringLiteral("gdpr"), QStringLiteral("--nature"), QStringLiteral("x")},
                             "agent", "agent-demo-2026");
    EXPECT_EQ(agent.exitCode, 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM breaches")).toInt(), 0);
}

TEST_P(CliBreachTest, NoticeWritesThePdfForTheRegulatorReadableByTheOwnerOnly)
{
    const QString id = add().out.trimmed();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notice.pdf"));
    const CliRun written = cli({QStringLiteral("breach"), QStringLiteral("notice"), id, QStringLiteral("--out"), path,
                                QStringLiteral("--regime"), QStringLiteral("gdpr")});
    ASSERT_EQ(written.exitCode, 0) << written.err.toStdString();
    QFile pdf(path);
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdf.read(4) == "%PDF");
    EXPECT_EQ(pdf.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());

    const CliRun noFile = cli({QStringLiteral("breach"), QStringLiteral("notice"), id});
    EXPECT_EQ(noFile.exitCode, 2);
    EXPECT_TRUE(noFile.err.contains(QLatin1String("--out"))) << noFile.err.toStdString();
    const CliRun agent = cli({QStringLiteral("breach"), QStringLiteral("notice"), id, QStringLiteral("--out"),
                              dir.filePath(QStringLiteral("agent.pdf"))},
                             "agent", "agent-demo-2026");
    EXPECT_EQ(agent.exitCode, 1);
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("agent.pdf"))));
}

PD_INSTANTIATE_FOR_BACKENDS(CliBreachTest);
