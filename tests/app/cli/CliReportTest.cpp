// privacydesk-cli report ropa, as an officer preparing the record for a regulator uses it.
#include "CliRunner.h"
#include "ServiceFixture.h"

#include <QFile>
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
    EXPECT_TRUE(wroteCsv.out.contains(QStringLiteral("(%1 activities)").arg(own))) << wroteCsv.out.toStdString();
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

PD_INSTANTIATE_FOR_BACKENDS(CliReportTest);
