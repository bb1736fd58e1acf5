#include "ProfileBench.h"

#include "app/policy/ProfileLoader.h"

#include <benchmark/benchmark.h>

#include <QString>

namespace pd::bench {

namespace {

constexpr int kPurposes = 100000;

/// A profile as a policy office would write it: two controllers, two systems, and purposes that each refer to
/// them, with lists and a recipient.
QString largeProfile(int purposes)
{
    QString text = QStringLiteral("[profile]\nname = Bench\npolicy_version = 2026-01-01\n\n"
                                  "[controller own]\nname = Bench LLC\nkind = own\ncountry = BY\n\n"
                                  "[controller client]\nname = Client LLC\nkind = client\ncountry = DE\n\n"
                                  "[system crm]\nname = CRM\ncontroller = own\n\n"
                                  "[system mail]\nname = Mail\ncontroller = client\n\n");
    text.reserve(text.size() + qsizetype(purposes) * 330);
    for (int i = 0; i < purposes; ++i) {
        const bool own = i % 2 == 0;
        text += QStringLiteral("[purpose p-%1]\ncontroller = %2\nsystem = %3\ntitle = Purpose number %1 of the "
                               "register\nground = %4\nsubjects = customers, visitors\ncategories = account, "
                               "technical\nfields = name, email, phone, ip\nprocessing = collection, recording, "
                               "storage, deletion\nretention = %5 months after contract-end\ncountries = BY, DE\n"
                               "recipient = Hosting LLC | processor | DE | standard contractual clauses\n\n")
                    .arg(i)
                    .arg(own ? QStringLiteral("own") : QStringLiteral("client"),
                         own ? QStringLiteral("crm") : QStringLiteral("mail"),
                         own ? QStringLiteral("contract") : QStringLiteral("consent"))
                    .arg(1 + i % 60);
    }
    return text;
}

} // namespace

void registerProfileBenchmarks()
{
    benchmark::RegisterBenchmark("profile/parse_100k",
                                 [](benchmark::State &state) {
                                     const QString text = largeProfile(kPurposes);
                                     for (auto _ : state) {
                                         const Result<Profile> profile =
                                             ProfileLoader::parse(text, QStringLiteral("bench.profile"));
                                         if (!profile || profile->purposes.size() != kPurposes) {
                                             state.SkipWithError("the profile was refused");
                                             return;
                                         }
                                         benchmark::DoNotOptimize(profile->purposes.size());
                                     }
                                     state.counters["purposes"] = kPurposes;
                                     state.counters["MB"] = double(text.toUtf8().size()) / 1e6;
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
}

} // namespace pd::bench
