#include "ReportBench.h"

#include "app/reports/Reports.h"
#include "app/storage/Database.h"

#include <benchmark/benchmark.h>

namespace pd::bench {

namespace {

ReportParameters everything()
{
    ReportParameters parameters;
    parameters.from = QDate(1970, 1, 1);
    parameters.to = QDate(2999, 12, 31);
    return parameters;
}

} // namespace

void registerReportBenchmarks(std::shared_ptr<Database> database, const Session &who)
{
    benchmark::RegisterBenchmark("reports/requests-build",
                                 [database, who](benchmark::State &state) {
                                     qint64 rows = 0;
                                     for (auto _ : state) {
                                         Result<Report> report =
                                             Reports::build(*database, who, ReportKind::Requests, everything());
                                         if (!report) {
                                             state.SkipWithError(report.error().message.toUtf8().constData());
                                             break;
                                         }
                                         rows = report->count;
                                         benchmark::DoNotOptimize(rows);
                                     }
                                     state.counters["rows"] = double(rows);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    for (const ReportFormat format : {ReportFormat::Csv, ReportFormat::Xlsx, ReportFormat::Pdf}) {
        const std::string name = "reports/requests-" + toString(format).toStdString();
        benchmark::RegisterBenchmark(name.c_str(),
                                     [database, who, format](benchmark::State &state) {
                                         qint64 bytes = 0;
                                         for (auto _ : state) {
                                             Result<Report> report =
                                                 Reports::build(*database, who, ReportKind::Requests, everything());
                                             Result<QByteArray> written = report ? ReportFile::write(*report, format)
                                                                                 : Result<QByteArray>(report.error());
                                             if (!written) {
                                                 state.SkipWithError(written.error().message.toUtf8().constData());
                                                 break;
                                             }
                                             bytes = written->size();
                                             benchmark::DoNotOptimize(bytes);
                                         }
                                         state.counters["bytes"] = double(bytes);
                                     })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->Iterations(1);
    }
}

} // namespace pd::bench
