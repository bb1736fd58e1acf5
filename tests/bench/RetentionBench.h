#pragma once

#include "app/domain/Session.h"

#include <memory>

namespace pd {
class Database;
}

namespace pd::bench {

/// Registers retention/preview: RetentionSweep::preview() for the current date over the whole database (per purpose:
/// what is held, due, held back and coming), as the Retention Sweep dialog and `retention run --dry-run` read it.
/// The target at a million subjects: under 2 s.
void registerRetentionBenchmarks(std::shared_ptr<Database> database, const Session &who);

} // namespace pd::bench
