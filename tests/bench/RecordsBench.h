#pragma once

#include "app/domain/Session.h"

#include <memory>

namespace pd {
class Database;
}

namespace pd::bench {

/// Registers the records-workspace benchmarks (names read by scripts/bench.sh; keep them in step):
///   records/search_name (a surname word), records/search_ip (an IP prefix), records/search_mix (a mix of names,
///   e-mails, phones and IPs; reports p50_ms and p95_ms), records/open_subject (everything the subject page loads,
///   including the "subject.view" audit entry), and, when `bulkSubjects` > 0, records/bulk_anonymize (that many active
///   subjects from the end of the id range, as a second officer's approved order runs: all batches).
void registerRecordsBenchmarks(std::shared_ptr<Database> database, const Session &who, qint64 bulkSubjects);

} // namespace pd::bench
