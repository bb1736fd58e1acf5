#include "SubjectDirectoryBench.h"

#include "app/storage/Database.h"
#include "app/subjects/SubjectDirectory.h"

#include <benchmark/benchmark.h>

#include <functional>

namespace pd::bench {

namespace {

constexpr int kPageSize = 200; // the Subjects list fetches this many rows at a time

using Work = std::function<Status(qint64 iteration)>;

void registerOne(const char *name, Work work)
{
    benchmark::RegisterBenchmark(name,
                                 [work](benchmark::State &state) {
                                     qint64 iteration = 0;
                                     for (auto _ : state) {
                                         if (Status status = work(iteration++); !status) {
                                             state.SkipWithError(status.error().message.toUtf8().constData());
                                             break;
                                         }
                                     }
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
}

Status pageOf(Database &database, const Session &who, const SubjectFilter &filter, SubjectDirectory::Sort sort,
              qint64 offset)
{
    Result<QList<SubjectRow>> rows = SubjectDirectory::page(database, who, filter, sort, false, offset, kPageSize);
    if (!rows) {
        return rows.error();
    }
    if (rows->isEmpty()) {
        return makeError(ErrorCode::NotFound, QStringLiteral("the page at offset %1 is empty").arg(offset));
    }
    benchmark::DoNotOptimize(rows->constFirst().id);
    return {};
}

/// What the Subjects list does when the operator types a search: count the matches, then fetch the first page.
Status search(Database &database, const Session &who, const QString &text)
{
    SubjectFilter filter;
    filter.text = text;
    Result<qint64> count = SubjectDirectory::count(database, who, filter);
    if (!count) {
        return count.error();
    }
    if (count.value() == 0) {
        return makeError(ErrorCode::NotFound, QStringLiteral("a search found nothing"));
    }
    return pageOf(database, who, filter, SubjectDirectory::Sort::Id, 0);
}

} // namespace

void registerSubjectDirectoryBenchmarks(std::shared_ptr<Database> database, const SubjectBenchSetup &setup)
{
    Database *db = database.get(); // kept alive by the captures below
    const Session who = setup.who;
    registerOne("subjects/count", [database, db, who](qint64) -> Status {
        Result<qint64> count = SubjectDirectory::count(*db, who, {});
        if (!count) {
            return count.error();
        }
        benchmark::DoNotOptimize(count.value());
        return {};
    });
    registerOne("subjects/first_page_by_id",
                [database, db, who](qint64) { return pageOf(*db, who, {}, SubjectDirectory::Sort::Id, 0); });
    registerOne("subjects/first_page_by_name",
                [database, db, who](qint64) { return pageOf(*db, who, {}, SubjectDirectory::Sort::Name, 0); });
    const qint64 deepOffset = setup.deepOffset;
    registerOne("subjects/deep_page", [database, db, deepOffset, who](qint64) {
        return pageOf(*db, who, {}, SubjectDirectory::Sort::Id, deepOffset);
    });
    registerOne("subjects/deep_page_by_name", [database, db, deepOffset, who](qint64) {
        return pageOf(*db, who, {}, SubjectDirectory::Sort::Name, deepOffset);
    });

    QStringList withAt;
    QStringList prefixes;
    for (const QString &email : setup.emails) {
        withAt << email.left(email.indexOf(QLatin1Char('@')) + 1);
        prefixes << email.left(5);
    }
    if (withAt.isEmpty()) {
        return;
    }
    registerOne("search/email_at", [database, db, withAt, who](qint64 iteration) {
        return search(*db, who, withAt.at(int(iteration % withAt.size())));
    });
    registerOne("search/prefix5", [database, db, prefixes, who](qint64 iteration) {
        return search(*db, who, prefixes.at(int(iteration % prefixes.size())));
    });
}

} // namespace pd::bench
