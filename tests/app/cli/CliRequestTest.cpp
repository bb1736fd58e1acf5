// privacydesk-cli request add|list|show, as scripts use them.
#include "CliRunner.h"
#include "ServiceFixture.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace pd;
using namespace pd::test;

class CliRequestTest : public ServiceFixture
{
protected:
    CliRun cli(const QStringList &arguments, const char *operatorName = "agent",
               const char *password = "agent-demo-2026")
    {
        return runCliAs(testDatabase().url(), operatorName, password, arguments);
    }
};

TEST_P(CliRequestTest, AddPrintsTheNewIdAndShowGivesTheComputedDueDate)
{
    const Target target = activeSubject();
    const CliRun added =
        cli({QStringLiteral("request"), QStringLiteral("add"), QStringLiteral("--type"), QStringLiteral("erasure"),
             QStringLiteral("--regime"), QStringLiteral("gdpr"), QStringLiteral("--subject"),
             QString::number(target.subject), QStringLiteral("--received"), QStringLiteral("2026-01-31"),
             QStringLiteral("--channel"), QStringLiteral("letter")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    bool numeric = false;
    const qint64 id = added.out.trimmed().toLongLong(&numeric);
    ASSERT_TRUE(numeric) << "add prints only the new id: " << added.out.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT channel FROM requests WHERE id = ?"), {id}).toString(),
              QStringLiteral("letter"));

    const CliRun shown =
        cli({QStringLiteral("request"), QStringLiteral("show"), QString::number(id), QStringLiteral("--json")});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    const QJsonObject request = QJsonDocument::fromJson(shown.out.toUtf8()).object();
    EXPECT_EQ(request.value(QStringLiteral("id")).toInteger(), id);
    EXPECT_EQ(request.value(QStringLiteral("type")).toString(), QStringLiteral("erasure"));
    EXPECT_EQ(request.value(QStringLiteral("regime")).toString(), QStringLiteral("gdpr"));
    EXPECT_EQ(request.value(QStringLiteral("status")).toString(), QStringLiteral("new"));
    EXPECT_EQ(request.value(QStringLiteral("received")).toString(), QStringLiteral("2026-01-31"));
    EXPECT_EQ(request.value(QStringLiteral("due")).toString(), QStringLiteral("2026-03-02"));
    EXPECT_EQ(request.value(QStringLiteral("events")).toArray().size(), 1);

    const CliRun json = cli({QStringLiteral("request"), QStringLiteral("add"), QStringLiteral("--type"),
                             QStringLiteral("access"), QStringLiteral("--regime"), QStringLiteral("by-99z"),
                             QStringLiteral("--subject"), QString::number(target.subject), QStringLiteral("--json")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonObject created = QJsonDocument::fromJson(json.out.toUtf8()).object();
    for (const char *field : {"id", "type", "regime", "status", "received", "due"}) {
        EXPECT_TRUE(created.contains(QLatin1String(field))) << field;
    }
    EXPECT_EQ(created.value(QStringLiteral("received")).toString(), QDate::currentDate().toString(Qt::ISODate));
}

TEST_P(CliRequestTest, ListFiltersByStatusAndOverdue)
{
    const CliRun all = cli({QStringLiteral("request"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(all.exitCode, 0) << all.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(all.out.toUtf8()).array().size(),
              scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toInt());

    const CliRun overdue =
        cli({QStringLiteral("request"), QStringLiteral("list"), QStringLiteral("--overdue"), QStringLiteral("--json")});
    ASSERT_EQ(overdue.exitCode, 0) << overdue.err.toStdString();
    const QJsonArray late = QJsonDocument::fromJson(overdue.out.toUtf8()).array();
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    EXPECT_EQ(late.size(),
              scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE status NOT IN ('completed', 'refused', "
                                    "'withdrawn') AND COALESCE(extended_due_date, due_date) < ?"),
                     {today})
                  .toInt());
    for (const QJsonValue &value : late) {
        EXPECT_LT(value.toObject().value(QStringLiteral("due")).toString(), today);
    }

    const CliRun completed = cli({QStringLiteral("request"), QStringLiteral("list"), QStringLiteral("--status"),
                                  QStringLiteral("completed"), QStringLiteral("--json")});
    ASSERT_EQ(completed.exitCode, 0);
    for (const QJsonValue &value : QJsonDocument::fromJson(completed.out.toUtf8()).array()) {
        EXPECT_EQ(value.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    }
}

TEST_P(CliRequestTest, BadArgumentsAreNamedAndNothingIsStored)
{
    const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toLongLong();
    const CliRun type =
        cli({QStringLiteral("request"), QStringLiteral("add"), QStringLiteral("--type"), QStringLiteral("forget-me"),
             QStringLiteral("--regime"), QStringLiteral("gdpr"), QStringLiteral("--subject"), QStringLiteral("1")});
    EXPECT_EQ(type.exitCode, 2);
    EXPECT_TRUE(type.err.contains(QStringLiteral("--type"))) << type.err.toStdString();
    const CliRun date =
        cli({QStringLiteral("request"), QStringLiteral("add"), QStringLiteral("--type"), QStringLiteral("access"),
             QStringLiteral("--regime"), QStringLiteral("gdpr"), QStringLiteral("--subject"), QStringLiteral("1"),
             QStringLiteral("--received"), QStringLiteral("31.01.2026")});
    EXPECT_EQ(date.exitCode, 2);
    EXPECT_TRUE(date.err.contains(QStringLiteral("--received"))) << date.err.toStdString();
    const CliRun missing = cli({QStringLiteral("request"), QStringLiteral("add"), QStringLiteral("--type"),
                                QStringLiteral("access"), QStringLiteral("--regime"), QStringLiteral("gdpr"),
                                QStringLiteral("--subject"), QStringLiteral("999999")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("999999"))) << missing.err.toStdString();
    const CliRun auditor =
        cli({QStringLiteral("request"), QStringLiteral("add"), QStringLiteral("--type"), QStringLiteral("access"),
             QStringLiteral("--regime"), QStringLiteral("gdpr"), QStringLiteral("--subject"), QStringLiteral("1")},
            "auditor", "auditor-demo-2026");
    EXPECT_EQ(auditor.exitCode, 1);
    const CliRun show = cli({QStringLiteral("request"), QStringLiteral("show"), QStringLiteral("abc")});
    EXPECT_EQ(show.exitCode, 2);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toLongLong(), before);
}

PD_INSTANTIATE_FOR_BACKENDS(CliRequestTest);
