#include "RecordsBench.h"

#include "app/storage/Database.h"
#include "app/subjects/BulkAction.h"
#include "app/subjects/SubjectDetailsReader.h"
#include "app/subjects/SubjectDirectory.h"

#include <benchmark/benchmark.h>

#include <QElapsedTimer>
#include <QSqlQuery>

#include <algorithm>

namespace pd::bench {

namespace {

/// Sample values from the database to search for: surnames, e-mail local parts, phone fragments, IP prefixes.
struct Samples
{
    QStringList surnames;
    QStringList mix;
    QStringList ips;
    QList<qint64> ids;
};

Samples sample(Database &database)
{
    Samples samples;
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    // Every 997th subject: spread over the whole table, the same on every run.
    query.exec(QStringLiteral("SELECT s.id, s.display_name, s.email, s.phone, (SELECT value FROM pd_items WHERE "
                              "subject_id = s.id AND field = 'ip') FROM subjects s WHERE s.state = 'active' AND "
                              "s.id % 997 = 0 AND s.phone <> '' LIMIT 60"));
    while (query.next()) {
        samples.ids << query.value(0).toLongLong();
        const QString surname = query.value(1).toString().section(QLatin1Char(' '), -1);
        const QString ip = query.value(4).toString().section(QLatin1Char('.'), 0, 2);
        samples.surnames << surname;
        samples.ips << ip;
        samples.mix << surname << query.value(2).toString().section(QLatin1Char('@'), 0, 0).left(6)
                    << query.value(3).toString().left(12) << ip;
    }
    return samples;
}

Status search(Database &database, const Session &who, const QString &text)
{
    SubjectFilter filter;
    filter.text = text;
    Result<qint64> count = SubjectDirectory::count(database, who, filter);
    if (!count) {
        return count.error();
    }
    Result<QList<SubjectRow>> rows =
        SubjectDirectory::page(database, who, filter, SubjectDirectory::Sort::Name, false, 0, 200);
    if (!rows) {
        return rows.error();
    }
    benchmark::DoNotOptimize(count.value());
    return {};
}

void registerCycling(const char *name, std::shared_ptr<Database> database, const Session &who, const QStringList &texts)
{
    benchmark::RegisterBenchmark(name,
                                 [database, who, texts](benchmark::State &state) {
                                     qint64 i = 0;
                                     for (auto _ : state) {
                                         if (Status status = search(*database, who, texts.at(int(i++ % texts.size())));
                                             !status) {
                                             state.SkipWithError(status.error().message.toUtf8().constData());
                                             break;
                                         }
                                     }
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
}

/// Anonymizes or deletes the last `subjects` subjects not anonymized yet, in batches sized by time as the program
/// does (BulkAction::run without the four-eyes step: the approval is taken as given).
void bulk(benchmark::State &state, Database &database, const Session &who, BulkAction::Kind kind, qint64 subjects)
{
    for (auto _ : state) {
        state.PauseTiming();
        QSqlDatabase db = database.connection();
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT id FROM subjects WHERE state <> 'anonymized' ORDER BY id DESC LIMIT ?"));
        query.addBindValue(subjects);
        query.exec();
        BulkAction::Order order;
        order.kind = kind;
        order.reason = QStringLiteral("benchmark: retention period over");
        while (query.next()) {
            order.subjectIds << query.value(0).toLongLong();
        }
        state.ResumeTiming();
        Result<BulkAction::Outcome> outcome = BulkAction::runApproved(database, who, order, 0);
        if (!outcome) {
            state.SkipWithError(outcome.error().message.toUtf8().constData());
            break;
        }
        state.counters["subjects"] = double(outcome->done);
    }
}

} // namespace

void registerRecordsBenchmarks(std::shared_ptr<Database> database, const Session &who, qint64 bulkSubjects)
{
    const Samples samples = sample(*database);
    if (samples.ids.isEmpty()) {
        return;
    }
    registerCycling("records/search_name", database, who, samples.surnames);
    registerCycling("records/search_ip", database, who, samples.ips);

    // Percentiles over one pass of every sample query, timed one by one.
    benchmark::RegisterBenchmark("records/search_mix",
                                 [database, who, samples](benchmark::State &state) {
                                     std::vector<double> times;
                                     for (auto _ : state) {
                                         times.clear();
                                         for (const QString &text : samples.mix) {
                                             QElapsedTimer timer;
                                             timer.start();
                                             if (Status status = search(*database, who, text); !status) {
                                                 state.SkipWithError(status.error().message.toUtf8().constData());
                                                 return;
                                             }
                                             times.push_back(double(timer.nsecsElapsed()) / 1e6);
                                         }
                                     }
                                     std::sort(times.begin(), times.end());
                                     state.counters["p50_ms"] = times.at(times.size() / 2);
                                     state.counters["p95_ms"] =
                                         times.at(std::min(times.size() - 1, times.size() * 95 / 100));
                                     state.counters["queries"] = double(times.size());
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(1);

    benchmark::RegisterBenchmark("records/open_subject",
                                 [database, who, samples](benchmark::State &state) {
                                     qint64 i = 0;
                                     for (auto _ : state) {
                                         Result<SubjectDetails> details = SubjectDetailsReader::read(
                                             *database, who, samples.ids.at(int(i++ % samples.ids.size())));
                                         if (!details) {
                                             state.SkipWithError(details.error().message.toUtf8().constData());
                                             break;
                                         }
                                         benchmark::DoNotOptimize(details->items.size());
                                     }
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();

    if (bulkSubjects <= 0) {
        return;
    }
    // Both change the database: bench.sh runs each on its own copy, with --benchmark_filter naming one.
    for (auto [name, kind] : {std::pair{"records/bulk_anonymize", BulkAction::Kind::Anonymize},
                              std::pair{"records/bulk_delete", BulkAction::Kind::Delete}}) {
        benchmark::RegisterBenchmark(name,
                                     [database, who, bulkSubjects, kind = kind](benchmark::State &state) {
                                         bulk(state, *database, who, kind, bulkSubjects);
                                     })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->Iterations(1);
    }
}

} // namespace pd::bench
