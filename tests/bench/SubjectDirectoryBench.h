#pragma once

#include "app/domain/Session.h"

#include <QStringList>

#include <memory>

namespace pd {
class Database;
}

namespace pd::bench {

/// What the subjects benchmarks work on; scripts/bench.sh runs the same queries in the sqlite3 shell.
struct SubjectBenchSetup
{
    qint64 subjects = 0;   ///< rows in the subjects table
    qint64 deepOffset = 0; ///< offset of the "deep page" (900000 at one million subjects)
    QStringList emails;    ///< real e-mails from the database; searches cycle through them
    Session who;           ///< the demo officer: reading personal data needs a role that may
};

/// Registers the benchmarks (names are read by scripts/bench.sh; keep them in step):
///   subjects/count, subjects/first_page_by_id, subjects/first_page_by_name, subjects/deep_page,
///   search/email_at (local part + "@": one e-mail key range), search/prefix5 (first five characters: name, e-mail
///   and external id), each search being a count plus the first page of 200, as the Subjects list does.
void registerSubjectDirectoryBenchmarks(std::shared_ptr<Database> database, const SubjectBenchSetup &setup);

} // namespace pd::bench
