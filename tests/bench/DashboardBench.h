#pragma once

#include "app/domain/Session.h"

#include <memory>

namespace pd {
class Database;
}

namespace pd::bench {

/// Registers dashboard/refresh: every figure of the Dashboard page (RequestStats::compute over 12 weeks, for the
/// current date), as one refresh of the page counts them. scripts/bench.sh runs it on a database with 100,000
/// requests and times the same statements in the sqlite3 shell (scripts/lib/sqlite-bench.sh: keep them in step).
void registerDashboardBenchmarks(std::shared_ptr<Database> database, const Session &who);

} // namespace pd::bench
