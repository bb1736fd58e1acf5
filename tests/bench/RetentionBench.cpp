#include "RetentionBench.h"

#include "app/retention/RetentionSweep.h"
#include "app/storage/Database.h"

#include <benchmark/benchmark.h>

#include <QDate>

namespace pd::bench {

void registerRetentionBenchmarks(std::shared_ptr<Database> database, const Session &who)
{
    benchmark::RegisterBenchmark("retention/preview",
                                 [database, who](benchmark::State &state) {
                                     qint64 due = 0;
                                     for (auto _ : state) {
                                         const Result<RetentionSweep::Preview> preview =
                                             RetentionSweep::preview(*database, who, QDate::currentDate());
                                         if (!preview) {
                                             state.SkipWithError(qUtf8Printable(preview.error().message));
                                             return;
                                         }
                                         due = preview->toChange();
                                         benchmark::DoNotOptimize(due);
                                     }
                                     state.counters["to_change"] = double(due);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->Iterations(1)
        ->UseRealTime();
}

} // namespace pd::bench
