// privacydesk-cli report KIND, as an officer preparing a record for a regulator, or a scheduled export, uses it.
#include "CliRunner.h"
#include "ServiceFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace pd;
using namespace pd::test;

class CliReportTest : public ServiceFixture
{
protected:
    CliRun cli(const QStringList &arguments, const char *operatorName = "officer",
               const char *password = "officer-demo-2026")
    {
        return runCliAs(testDatabase().url(), operatorName, password, arguments);
    }

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

TEST_P(CliReportTest, RopaWritesCsvWithItsBomPdfAndXlsxForTheOwnerOnly)
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("ropa.csv"));
    const CliRun wroteCsv = cli({QStringLiteral("report"), QStringLiteral("ropa"), QStringLiteral("--format"),
                                 QStringLiteral("csv"), QStringLiteral("--bom"), QStringLiteral("--out"), csv});
    ASSERT_EQ(wroteCsv.exitCode, 0) << wroteCsv.err.toStdString();
    const QByteArray text = read(csv);
    EXPECT_TRUE(text.startsWith("\xEF\xBB\xBFPurpose of processing,")) << text.left(80).toStdString();
    const qint64 own = scalar(QStringLiteral("SELECT COUNT(*) FROM purposes p JOIN controllers c ON c.id = "
                                             "p.controller_id WHERE c.kind = 'own'"))
                           .toLongLong();
    EXPECT_TRUE(wroteCsv.out.contains(QStringLiteral("(rows: %1)").arg(own))) << wroteCsv.out.toStdString();
    EXPECT_EQ(QFile(csv).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());

    const QString pdf = dir.filePath(QStringLiteral("ropa.pdf"));
    const CliRun wrotePdf = cli({QStringLiteral("report"), QStringLiteral("ropa"), QStringLiteral("--format"),
                                 QStringLiteral("pdf"), QStringLiteral("--out"), pdf},
                                "auditor", "auditor-demo-2026");
    ASSERT_EQ(wrotePdf.exitCode, 0) << wrotePdf.err.toStdString();
    EXPECT_TRUE(read(pdf).startsWith("%PDF"));

    const QString xlsx = dir.filePath(QStringLiteral("ropa.xlsx"));
    const CliRun wroteXlsx = cli({QStringLiteral("report"), QStringLiteral("ropa"), QStringLiteral("--format"),
                                  QStringLiteral("xlsx"), QStringLiteral("--out"), xlsx});
    ASSERT_EQ(wroteXlsx.exitCode, 0) << wroteXlsx.err.toStdString();
    EXPECT_TRUE(read(xlsx).startsWith("PK\x03\x04"));
    EXPECT_EQ(QFile(xlsx).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
              QFileDevice::Permissions());
}

TEST_P(CliReportTest, BadArgumentsAreNamedAndAgentsAreRefused)
{
    QTemporaryDir dir;
    const CliRun xml = cli({QStringLiteral("report"), QStringLiteral("ropa"), QStringLiteral("--format"),
                            QStringLiteral("xml"), QStringLiteral("--out"), dir.filePath(QStringLiteral("r.xml"))});
    EXPECT_EQ(xml.exitCode, 2);
    EXPECT_TRUE(xml.err.contains(QLatin1String("--format"))) << xml.err.toStdString();
    const CliRun noOut =
        cli({QStringLiteral("report"), QStringLiteral("ropa"), QStringLiteral("--format"), QStringLiteral("csv")});
    EXPECT_EQ(noOut.exitCode, 2);
    EXPECT_TRUE(noOut.err.contains(QLatin1String("--out")));
    const QString path = dir.filePath(QStringLiteral("agent.csv"));
    const CliRun agent = cli({QStringLiteral("report"), QStringLiteral("ropa"), QStringLiteral("--format"),
                              QStringLiteral("csv"), QStringLiteral("--out"), path},
                             "agent", "agent-demo-2026");
    EXPECT_EQ(agent.exitCode, 1);
    EXPECT_FALSE(QFile::exists(path));
}

TEST_P(CliReportTest, EveryKindIsWrittenAsJsonAndTheExportIsAudited)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("requests.json"));
    const CliRun run = cli({QStringLiteral("report"), QStringLiteral("requests"), QStringLiteral("--from"),
                            QStringLiteral("2026-01-01"), QStringLiteral("--to"), QStringLiteral("2026-12-31"),
                            QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), path},
                           "auditor", "auditor-demo-2026");
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(read(path)).object();
    const qint64 stored = scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE received_at >= '2026-01-01' AND "
                                                "received_at < '2027-01-01'"))
                              .toLongLong();
    EXPECT_EQ(json.value(QStringLiteral("requests")).toArray().size(), stored);
    EXPECT_EQ(QFile::permissions(path) & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export' AND object_id = "
                                    "'requests' AND operator_name = 'auditor'"))
                  .toLongLong(),
              1);

    for (const char *kind : {"ropa", "breaches", "statistics", "disclosures", "audit"}) {
        QStringList arguments{QStringLiteral("report"),   QLatin1String(kind),
                              QStringLiteral("--format"), QStringLiteral("json"),
                              QStringLiteral("--out"),    dir.filePath(QLatin1String(kind) + QStringLiteral(".json"))};
        if (QLatin1String(kind) != QLatin1String("ropa") && QLatin1String(kind) != QLatin1String("breaches")) {
            arguments << QStringLiteral("--from") << QStringLiteral("2026-01-01") << QStringLiteral("--to")
                      << QStringLiteral("2026-12-31");
        }
        const CliRun each = cli(arguments, "auditor", "auditor-demo-2026");
        EXPECT_EQ(each.exitCode, 0) << kind << ": " << each.err.toStdString();
        EXPECT_EQ(QJsonDocument::fromJson(read(arguments.at(5))).object().value(QStringLiteral("report")).toString(),
                  QLatin1String(kind));
    }
}

TEST_P(CliReportTest, ADestructionActIsDrawnUpOnceAndPrintedAgainByItsNumber)
{
    const Target target = activeSubject(3);
    const CliRun erased = cli({QStringLiteral("subject"), QStringLiteral("delete"), QString::number(target.subject),
                               QStringLiteral("--reason"), QStringLiteral("asked in writing")});
    ASSERT_EQ(erased.exitCode, 0) << erased.err.toStdString();
    QTemporaryDir dir;
    const QString act = dir.filePath(QStringLiteral("act.pdf"));
    const CliRun drawn = cli({QStringLiteral("report"), QStringLiteral("destruction"), QStringLiteral("--subject"),
                              QString::number(target.subject), QStringLiteral("--format"), QStringLiteral("pdf"),
                              QStringLiteral("--out"), act});
    ASSERT_EQ(drawn.exitCode, 0) << drawn.err.toStdString();
    EXPECT_TRUE(read(act).startsWith("%PDF"));
    const qint64 number = scalar(QStringLiteral("SELECT MAX(id) FROM destruction_acts")).toLongLong();
    EXPECT_TRUE(drawn.out.contains(QStringLiteral("Act No. %1 is kept until").arg(number))) << drawn.out.toStdString();
    const QString again = dir.filePath(QStringLiteral("again.csv"));
    const CliRun reprint =
        cli({QStringLiteral("report"), QStringLiteral("destruction"), QStringLiteral("--act"), QString::number(number),
             QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), again},
            "auditor", "auditor-demo-2026");
    ASSERT_EQ(reprint.exitCode, 0) << reprint.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(read(again)).contains(QStringLiteral("S-%1").arg(target.subject)));
    EXPECT_FALSE(QString::fromUtf8(read(again)).contains(target.email));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM destruction_acts")).toLongLong(), 1);
}

TEST_P(CliReportTest, ArgumentsAReportDoesNotReadAreRefusedByName)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("r.csv"));
    const auto run = [&](const QStringList &arguments) {
        return cli(QStringList{QStringLiteral("report")} << arguments << QStringLiteral("--out") << out);
    };
    const CliRun unknown = run({QStringLiteral("salaries"), QStringLiteral("--format"), QStringLiteral("csv")});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QLatin1String("subject-access"))) << "the kinds are listed";
    const CliRun noPeriod = run({QStringLiteral("requests"), QStringLiteral("--format"), QStringLiteral("csv")});
    EXPECT_EQ(noPeriod.exitCode, 2);
    EXPECT_TRUE(noPeriod.err.contains(QLatin1String("--from"))) << noPeriod.err.toStdString();
    const CliRun badDate =
        run({QStringLiteral("audit"), QStringLiteral("--from"), QStringLiteral("2026-13-01"), QStringLiteral("--to"),
             QStringLiteral("2026-12-31"), QStringLiteral("--format"), QStringLiteral("csv")});
    EXPECT_EQ(badDate.exitCode, 2);
    EXPECT_TRUE(badDate.err.contains(QLatin1String("--from"))) << badDate.err.toStdString();
    const CliRun stray = run({QStringLiteral("ropa"), QStringLiteral("--subject"), QStringLiteral("4"),
                              QStringLiteral("--format"), QStringLiteral("csv")});
    EXPECT_EQ(stray.exitCode, 2);
    EXPECT_TRUE(stray.err.contains(QLatin1String("--subject"))) << stray.err.toStdString();
    const CliRun attach = run({QStringLiteral("subject-access"), QStringLiteral("--subject"), QStringLiteral("4"),
                               QStringLiteral("--attach"), QStringLiteral("--format"), QStringLiteral("pdf")});
    EXPECT_EQ(attach.exitCode, 2);
    EXPECT_TRUE(attach.err.contains(QLatin1String("--request"))) << attach.err.toStdString();
    EXPECT_FALSE(QFile::exists(out)) << "nothing is written for a refused command";
}

PD_INSTANTIATE_FOR_BACKENDS(CliReportTest);
