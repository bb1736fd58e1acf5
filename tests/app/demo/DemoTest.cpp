#include "CliRunner.h"
#include "TestDatabase.h"

#include "app/demo/DemoGenerator.h"
#include "app/domain/Vocabulary.h"
#include "app/storage/Sql.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace pd;
using namespace pd::test;

namespace {

const QDate kToday(2026, 11, 23);

/// A digest of every row the demo writes, in a stable order, to compare two generations.
QByteArray digest(Database &database)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QSqlDatabase db = database.connection();
    const char *const queries[] = {
        "SELECT id, external_id, controller_id, display_name, email, phone, state, created_at FROM subjects ORDER BY "
        "id",
        "SELECT subject_id, category, field, value, source, collected_at, state FROM pd_items "
        "ORDER BY subject_id, category, field, value",
        "SELECT subject_id, policy_version, given_at, withdrawn_at FROM consents ORDER BY subject_id, given_at",
        "SELECT subject_id, recipient, disclosed_at FROM disclosures ORDER BY subject_id, disclosed_at, recipient",
        "SELECT subject_id, type, regime, status, received_at, due_date, completed_at FROM requests "
        "ORDER BY received_at, subject_id, type",
    };
    for (const char *text : queries) {
        QSqlQuery query(db);
        EXPECT_TRUE(query.exec(QLatin1String(text))) << text;
        while (query.next()) {
            for (int i = 0; i < query.record().count(); ++i) {
                hash.addData(query.value(i).toString().toUtf8());
                hash.addData(QByteArrayView("|"));
            }
        }
    }
    return hash.result();
}

QStringList column(Database &database, const char *statement)
{
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    EXPECT_TRUE(query.exec(QLatin1String(statement))) << statement;
    QStringList values;
    while (query.next()) {
        values << query.value(0).toString();
    }
    return values;
}

bool luhnValid(const QString &digits)
{
    int sum = 0;
    bool twice = false;
    for (int i = int(digits.size()) - 1; i >= 0; --i) {
        int d = digits.at(i).digitValue();
        if (twice) {
            d *= 2;
            if (d > 9) {
                d -= 9;
            }
        }
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

class DemoTest : public BackendTest
{
protected:
    DemoGenerator::Summary generate(qint64 subjects, int requests, quint64 seed)
    {
        DemoGenerator::Options options;
        options.subjects = subjects;
        options.requests = requests;
        options.seed = seed;
        options.today = kToday;
        Result<DemoGenerator::Summary> summary = DemoGenerator::generate(db(), options);
        EXPECT_TRUE(summary.ok()) << summary.error().message.toStdString();
        return summary ? summary.value() : DemoGenerator::Summary();
    }
};

} // namespace

TEST_P(DemoTest, WritesWhatItReports)
{
    const DemoGenerator::Summary summary = generate(500, 90, 7);
    EXPECT_EQ(summary.subjects, 500);
    EXPECT_EQ(summary.requests, 90);
    EXPECT_EQ(column(db(), "SELECT COUNT(*) FROM subjects").first().toLongLong(), 500);
    EXPECT_EQ(column(db(), "SELECT COUNT(*) FROM pd_items").first().toLongLong(), summary.items);
    EXPECT_EQ(column(db(), "SELECT COUNT(*) FROM consents").first().toLongLong(), summary.consents);
    EXPECT_EQ(column(db(), "SELECT COUNT(*) FROM requests").first().toLongLong(), 90);
    EXPECT_GT(summary.items, 500 * 5);
    EXPECT_GT(summary.consents, 0);
    EXPECT_GT(summary.disclosures, 0);
}

TEST_P(DemoTest, IsRealistic)
{
    generate(800, 180, 3);
    const QStringList names = column(db(), "SELECT display_name FROM subjects WHERE display_name <> ''");
    static const QRegularExpression cyrillic(QStringLiteral("\\p{Cyrillic}"));
    static const QRegularExpression latin(QStringLiteral("^[\\p{Latin} ]+$"));
    EXPECT_GT(names.filter(cyrillic).size(), 200);
    EXPECT_GT(names.filter(latin).size(), 50);

    const QStringList phones = column(db(), "SELECT value FROM pd_items WHERE field = 'phone'");
    static const QRegularExpression belarusian(QStringLiteral("^\\+375 \\((29|33|44|25)\\) \\d{3}-\\d{2}-\\d{2}$"));
    EXPECT_GT(phones.filter(belarusian).size(), 200);
    EXPECT_GT(phones.size() - phones.filter(belarusian).size(), 20) << "EU numbers too";

    static const QRegularExpression email(QStringLiteral("^[a-z0-9._]+@[a-z0-9.-]+\\.[a-z]{2,}$"));
    for (const QString &value : column(db(), "SELECT email FROM subjects WHERE email <> ''")) {
        EXPECT_TRUE(email.match(value).hasMatch()) << value.toStdString();
    }
    static const QRegularExpression ipv4(QStringLiteral("^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$"));
    const QStringList ips = column(db(), "SELECT value FROM pd_items WHERE field = 'ip'");
    EXPECT_GT(ips.filter(ipv4).size(), 500);
    EXPECT_FALSE(
        column(db(), "SELECT value FROM pd_items WHERE field = 'location' AND value LIKE 'Minsk, BY'").isEmpty());
    for (const char *field : {"browser", "language", "utm", "referrer", "cookie_id", "card_expiry", "cardholder"}) {
        EXPECT_FALSE(
            column(db(), qPrintable(
                             QStringLiteral("SELECT value FROM pd_items WHERE field = '%1'").arg(QLatin1String(field))))
                .isEmpty())
            << field;
    }

    // Masked cards only: BIN and last four, and no full card number anywhere.
    static const QRegularExpression masked(QStringLiteral("^\\d{6}\\*{6}\\d{4}$"));
    const QStringList cards = column(db(), "SELECT value FROM pd_items WHERE field = 'card_masked'");
    ASSERT_GT(cards.size(), 50);
    for (const QString &card : cards) {
        EXPECT_TRUE(masked.match(card).hasMatch()) << card.toStdString();
    }
    static const QRegularExpression longDigits(QStringLiteral("\\d{13,19}"));
    for (const QString &value : column(db(), "SELECT value FROM pd_items")) {
        QRegularExpressionMatchIterator it = longDigits.globalMatch(value);
        while (it.hasNext()) {
            EXPECT_FALSE(luhnValid(it.next().captured())) << "a Luhn-valid number in the demo data";
        }
    }

    // Requests of every type and status, received over the last six months, due after they came in.
    const QStringList types = column(db(), "SELECT DISTINCT type FROM requests ORDER BY type");
    QStringList expectedTypes = allRequestTypes();
    expectedTypes.sort();
    EXPECT_EQ(types, expectedTypes);
    const QStringList statuses = column(db(), "SELECT DISTINCT status FROM requests");
    for (const QString &status : allRequestStatuses()) {
        EXPECT_TRUE(statuses.contains(status)) << status.toStdString();
    }
    const QStringList received = column(db(), "SELECT received_at FROM requests ORDER BY received_at");
    EXPECT_GE(sql::parseTimestamp(received.first()).date(), kToday.addDays(-183));
    EXPECT_LE(sql::parseTimestamp(received.last()).date(), kToday);
    EXPECT_GT(sql::parseTimestamp(received.last()).date(), kToday.addDays(-30));
    EXPECT_EQ(column(db(), "SELECT COUNT(*) FROM requests WHERE due_date < substr(received_at, 1, 10)").first(),
              QStringLiteral("0"));
    EXPECT_FALSE(column(db(), "SELECT id FROM subjects WHERE state = 'blocked'").isEmpty());
}

TEST_P(DemoTest, SameSeedGivesTheSameData)
{
    generate(300, 60, 42);
    const QByteArray first = digest(db());

    TestDatabase other(GetParam());
    ASSERT_TRUE(other.database()) << other.reason().toStdString();
    DemoGenerator::Options options;
    options.subjects = 300;
    options.requests = 60;
    options.seed = 42;
    options.today = kToday;
    ASSERT_TRUE(DemoGenerator::generate(*other.database(), options).ok());
    EXPECT_EQ(digest(*other.database()), first);

    TestDatabase third(GetParam());
    ASSERT_TRUE(third.database());
    options.seed = 43;
    ASSERT_TRUE(DemoGenerator::generate(*third.database(), options).ok());
    EXPECT_NE(digest(*third.database()), first);
}

TEST_P(DemoTest, RefusesADatabaseThatHoldsSubjects)
{
    generate(50, 10, 1);
    DemoGenerator::Options options;
    options.subjects = 10;
    Result<DemoGenerator::Summary> again = DemoGenerator::generate(db(), options);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(column(db(), "SELECT COUNT(*) FROM subjects").first(), QStringLiteral("50"));
}

TEST_P(DemoTest, CancelKeepsWholeBatchesOnly)
{
    DemoGenerator::Options options;
    options.subjects = 45000;
    options.requests = 0;
    options.today = kToday;
    Result<DemoGenerator::Summary> result =
        DemoGenerator::generate(db(), options, [](qint64 done, qint64) { return done < 20000; });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::Cancelled);
    // Exactly the first committed batch is there, each subject with its items.
    EXPECT_EQ(column(db(), "SELECT COUNT(*) FROM subjects").first(), QStringLiteral("20000"));
    EXPECT_EQ(column(db(), "SELECT COUNT(*) FROM subjects s WHERE state <> 'anonymized' AND NOT EXISTS "
                           "(SELECT 1 FROM pd_items i WHERE i.subject_id = s.id)")
                  .first(),
              QStringLiteral("0"));
}

TEST_P(DemoTest, AnInterruptedRunIsRemovedWhenTheDemoRunsAgain)
{
    DemoGenerator::Options options;
    options.subjects = 5000;
    options.requests = 10;
    options.today = kToday;
    options.subjectsPerTransaction = 2000;
    // Stopped after its first committed batch, as a kill would stop it.
    ASSERT_EQ(DemoGenerator::generate(db(), options, [](qint64, qint64) { return false; }).error().code,
              ErrorCode::Cancelled);
    ASSERT_EQ(column(db(), "SELECT COUNT(*) FROM subjects").first(), QStringLiteral("2000"));
    // A database with subjects takes no demo data, except when they are what an interrupted demo run left.
    Result<DemoGenerator::Summary> again = DemoGenerator::generate(db(), options);
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_TRUE(again->restarted);
    EXPECT_EQ(column(db(), "SELECT COUNT(*) FROM subjects").first(), QStringLiteral("5000"));
    EXPECT_EQ(column(db(), "SELECT COUNT(*) FROM requests").first(), QStringLiteral("10"));
    EXPECT_EQ(column(db(), "SELECT COUNT(*) FROM pd_meta WHERE key = 'demo.run'").first(), QStringLiteral("0"));
    // Finished: its subjects are data now, and no further demo mixes in.
    Result<DemoGenerator::Summary> third = DemoGenerator::generate(db(), options);
    ASSERT_FALSE(third.ok());
    EXPECT_EQ(third.error().code, ErrorCode::InvalidArgument);
}

TEST_P(DemoTest, CliDemoWorksOnThisBackend)
{
    const QString url = testDatabase().freshUrl();
    const CliRun run = runCli({QStringLiteral("--db"), url, QStringLiteral("demo"), QStringLiteral("--subjects"),
                               QStringLiteral("200"), QStringLiteral("--requests"), QStringLiteral("30"),
                               QStringLiteral("--seed"), QStringLiteral("5")});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("200 subjects"))) << run.out.toStdString();
    EXPECT_TRUE(run.err.isEmpty());

    // The database has operators now: adding data needs a signed-in officer, and demo data never mixes in.
    const CliRun anonymous = runCli(
        {QStringLiteral("--db"), url, QStringLiteral("demo"), QStringLiteral("--subjects"), QStringLiteral("10")});
    EXPECT_EQ(anonymous.exitCode, 2);
    EXPECT_TRUE(anonymous.err.contains(QStringLiteral("--operator"))) << anonymous.err.toStdString();
    QProcessEnvironment officer;
    officer.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QStringLiteral("officer-demo-2026"));
    const CliRun again = runCli({QStringLiteral("--db"), url, QStringLiteral("--operator"), QStringLiteral("officer"),
                                 QStringLiteral("demo"), QStringLiteral("--subjects"), QStringLiteral("10")},
                                officer);
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.err.contains(QStringLiteral("already holds 200 subjects"))) << again.err.toStdString();
}

PD_INSTANTIATE_FOR_BACKENDS(DemoTest);
