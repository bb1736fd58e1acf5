// privacydesk_bench: opens the database named by PRIVACYDESK_BENCH_DB and times the subjects register on it.
//   PRIVACYDESK_BENCH_DB=sqlite:/path/bench.sqlite privacydesk_bench [--benchmark_* options]
// Without PRIVACYDESK_BENCH_DB only the benchmarks that need no database run (profile parsing).
// Optional: PRIVACYDESK_BENCH_EMAILS (space-separated e-mails to search for; default: three taken from the
// database), PRIVACYDESK_BENCH_DEEP_OFFSET (default: 90% of the subjects, i.e. 900000 at one million).
#include "DashboardBench.h"
#include "ProfileBench.h"
#include "RecordsBench.h"
#include "ReportBench.h"
#include "RetentionBench.h"
#include "SubjectDirectoryBench.h"

#include "app/storage/Database.h"
#include "app/storage/DatabaseUrl.h"
#include "app/storage/Sql.h"

#include <benchmark/benchmark.h>

#include <QGuiApplication>
#include <QSqlQuery>

#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "privacydesk_bench: %s\n", qUtf8Printable(message));
    return 1;
}

/// E-mails spread over the table (at a quarter, half and three quarters of the ids), with a local part of at least
/// five characters so that the five-character prefix is not itself an e-mail search.
QStringList sampleEmails(pd::Database &database)
{
    QStringList emails;
    QSqlDatabase db = database.connection();
    for (int quarter = 1; quarter <= 3; ++quarter) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT email_key FROM subjects WHERE id >= (SELECT MIN(id) + (MAX(id) - MIN(id)) "
                                     "* ? / 4 FROM subjects) AND email_key LIKE '_____%@%' ORDER BY id LIMIT 1"));
        query.addBindValue(quarter);
        if (query.exec() && query.next()) {
            emails << query.value(0).toString();
        }
    }
    return emails;
}

} // namespace

int main(int argc, char **argv)
{
    // The reports draw PDFs: fonts need the graphical application, without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 2;
    }

    pd::bench::registerProfileBenchmarks();
    const QString urlText = qEnvironmentVariable("PRIVACYDESK_BENCH_DB");
    if (urlText.isEmpty()) {
        std::fprintf(stderr, "privacydesk_bench: no PRIVACYDESK_BENCH_DB (the URL of a database filled by "
                             "'privacydesk-cli demo'): only the profile benchmarks run\n");
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
        return 0;
    }
    pd::Result<pd::DatabaseUrl> url = pd::DatabaseUrl::parse(urlText);
    if (!url) {
        return fail(QStringLiteral("PRIVACYDESK_BENCH_DB: ") + url.error().message);
    }
    pd::Result<std::shared_ptr<pd::Database>> database =
        pd::Database::open(url.value(), pd::Database::OpenMode::ExistingOnly);
    if (!database) {
        return fail(database.error().message);
    }

    pd::bench::SubjectBenchSetup setup;
    QSqlDatabase db = database.value()->connection();
    pd::Result<QVariant> count =
        pd::sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM subjects"), {}, "counting subjects");
    if (!count) {
        return fail(count.error().message);
    }
    setup.subjects = count->toLongLong();
    if (setup.subjects < 1) {
        return fail(
            QStringLiteral("%1 holds no subjects: fill it with 'privacydesk-cli demo' first").arg(url->displayName()));
    }
    bool ok = true;
    const QString deepOffset = qEnvironmentVariable("PRIVACYDESK_BENCH_DEEP_OFFSET");
    setup.deepOffset = deepOffset.isEmpty() ? setup.subjects * 9 / 10 : deepOffset.toLongLong(&ok);
    if (!ok || setup.deepOffset < 0 || setup.deepOffset >= setup.subjects) {
        return fail(
            QStringLiteral("PRIVACYDESK_BENCH_DEEP_OFFSET must be a whole number below %1").arg(setup.subjects));
    }
    const QString emails = qEnvironmentVariable("PRIVACYDESK_BENCH_EMAILS");
    setup.emails =
        emails.isEmpty() ? sampleEmails(*database.value()) : emails.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (setup.emails.isEmpty()) {
        std::fprintf(stderr, "privacydesk_bench: no e-mails to search for: the search benchmarks are left out\n");
    }

    // The demo officer: reading personal data needs a role that may (the services check it).
    pd::Result<QVariant> officer = pd::sql::scalar(db,
                                                   QStringLiteral("SELECT id FROM operators WHERE role = 'officer' "
                                                                  "ORDER BY id LIMIT 1"),
                                                   {}, "finding an officer");
    if (!officer || officer->isNull()) {
        return fail(QStringLiteral("the database has no officer: make it with 'privacydesk-cli demo'"));
    }
    setup.who = pd::Session{officer->toLongLong(), QStringLiteral("bench"), pd::Role::Officer};

    benchmark::AddCustomContext("subjects", std::to_string(setup.subjects));
    benchmark::AddCustomContext("deep_offset", std::to_string(setup.deepOffset));
    benchmark::AddCustomContext("searches", std::to_string(setup.emails.size()) + " e-mails");
    pd::bench::registerSubjectDirectoryBenchmarks(database.value(), setup);
    pd::bench::registerDashboardBenchmarks(database.value(), setup.who);
    pd::bench::registerRetentionBenchmarks(database.value(), setup.who);
    pd::bench::registerReportBenchmarks(database.value(), setup.who);
    // Bulk anonymization changes the database: bench.sh runs it last, on a copy, with PRIVACYDESK_BENCH_BULK=N.
    pd::bench::registerRecordsBenchmarks(database.value(), setup.who,
                                         qEnvironmentVariable("PRIVACYDESK_BENCH_BULK").toLongLong());
    db = QSqlDatabase();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    // The registered benchmarks hold the Database: close it now, while Qt's SQL registry is there (not at exit).
    benchmark::ClearRegisteredBenchmarks();
    return 0;
}
