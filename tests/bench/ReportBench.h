#pragma once

#include "app/domain/Session.h"

#include <memory>

namespace pd {
class Database;
}

namespace pd::bench {

/// Registers reports/requests-*: the request register of every request in the database (scripts/bench.sh runs it on
/// the dashboard's database of 100,000 requests) built through pd::Reports, and written as CSV, XLSX and PDF.
void registerReportBenchmarks(std::shared_ptr<Database> database, const Session &who);

} // namespace pd::bench
