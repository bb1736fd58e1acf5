#include "DashboardBench.h"

#include "app/requests/RequestStats.h"
#include "app/storage/Database.h"

#include <benchmark/benchmark.h>

#include <QDate>

namespace pd::bench {

void registerDashboardBenchmarks(std::shared_ptr<Database> database, const Session &who)
{
    benchmark::RegisterBenchmark("dashboard/refresh",
                                 [database, who](benchmark::State &state) {
                                     const QDate today = QDate::currentDate();
                                     qint64 open = 0;
                                     for (auto _ : state) {
                                         Result<RequestStats::Snapshot> snapshot =
                                             RequestStats::compute(*database, who, today, 12);
                                         if (!snapshot) {
                                             state.SkipWithError(snapshot.error().message.toUtf8().constData());
                                             break;
                                         }
                                         open = snapshot->open;
                                         benchmark::DoNotOptimize(open);
                                     }
                                     state.counters["open"] = double(open);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
}

} // namespace pd::bench
