#include "app/cli/CliContext.h"

#include "app/access/AuthService.h"
#include "app/demo/DemoGenerator.h"
#include "app/domain/Permissions.h"
#include "app/policy/ProfileInstaller.h"
#include "app/policy/ProfileLoader.h"
#include "app/storage/Database.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>

#include <limits>
#include <optional>

namespace pd {

namespace {

bool parseWholeNumber(const QString &text, qint64 minimum, qint64 maximum, qint64 *value)
{
    bool ok = false;
    const qint64 parsed = text.toLongLong(&ok);
    if (!ok || parsed < minimum || parsed > maximum) {
        return false;
    }
    *value = parsed;
    return true;
}

} // namespace

int runInit(CliContext &cli, const QStringList &words)
{
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("profile")}, {}, &args, &error)) {
        return cli.usage(QStringLiteral("init: ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return cli.usage(CliText::tr("init: unexpected argument '%1'").arg(args.positionals.first()));
    }
    // Check the profile before touching the database: a bad profile leaves nothing behind.
    std::optional<Profile> profile;
    if (args.has(QStringLiteral("profile"))) {
        Result<Profile> loaded = ProfileLoader::load(args.value(QStringLiteral("profile")));
        if (!loaded) {
            return cli.fail(loaded.error());
        }
        profile = loaded.value();
    }
    Result<std::shared_ptr<Database>> database = cli.open(true);
    if (!database) {
        return cli.fail(database.error());
    }
    cli.out << CliText::tr("Database %1 is at schema version %2.")
                   .arg(database.value()->url().displayName())
                   .arg(database.value()->schemaVersion())
            << '\n';
    if (profile) {
        // Once a database has operators, changing its register of purposes is an officer's signed act.
        Result<bool> guarded = AuthService::hasOperators(*database.value());
        if (!guarded) {
            return cli.fail(guarded.error());
        }
        if (guarded.value()) {
            Session who;
            if (int code = cli.signIn(*database.value(), QStringLiteral("init --profile"), &who); code != 0) {
                return code;
            }
            if (Status allowed = Permissions::check(who, Action::ManagePurposes); !allowed) {
                return cli.fail(allowed.error());
            }
        }
        Result<ProfileInstaller::Summary> summary = ProfileInstaller::install(*database.value(), *profile);
        if (!summary) {
            return cli.fail(summary.error());
        }
        cli.out << CliText::tr("Profile \"%1\": %2 controllers, %3 information systems, %4 purposes, %5 recipients.")
                       .arg(profile->name)
                       .arg(summary->controllers)
                       .arg(summary->systems)
                       .arg(summary->purposes)
                       .arg(summary->recipients)
                << '\n';
    }
    return CliContext::Success;
}

int runDemo(CliContext &cli, const QStringList &words)
{
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(
            words,
            {QStringLiteral("subjects"), QStringLiteral("requests"), QStringLiteral("seed"), QStringLiteral("today")},
            {}, &args, &error)) {
        return cli.usage(QStringLiteral("demo: ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return cli.usage(CliText::tr("demo: unexpected argument '%1'").arg(args.positionals.first()));
    }
    if (!args.has(QStringLiteral("subjects"))) {
        return cli.usage(CliText::tr("demo: --subjects N is required"));
    }
    DemoGenerator::Options options;
    qint64 number = 0;
    if (!parseWholeNumber(args.value(QStringLiteral("subjects")), 1, 10000000, &number)) {
        return cli.usage(CliText::tr("demo: --subjects: expected a whole number from 1 to 10000000, got '%1'")
                             .arg(args.value(QStringLiteral("subjects"))));
    }
    options.subjects = number;
    if (args.has(QStringLiteral("requests"))) {
        if (!parseWholeNumber(args.value(QStringLiteral("requests")), 0, 10000000, &number)) {
            return cli.usage(CliText::tr("demo: --requests: expected a whole number from 0 to 10000000, got '%1'")
                                 .arg(args.value(QStringLiteral("requests"))));
        }
        options.requests = int(number);
    }
    if (args.has(QStringLiteral("seed"))) {
        if (!parseWholeNumber(args.value(QStringLiteral("seed")), 0, std::numeric_limits<qint64>::max(), &number)) {
            return cli.usage(
                CliText::tr("demo: --seed: expected a whole number, got '%1'").arg(args.value(QStringLiteral("seed"))));
        }
        options.seed = quint64(number);
    }
    if (args.has(QStringLiteral("today"))) {
        options.today = QDate::fromString(args.value(QStringLiteral("today")), Qt::ISODate);
        if (!options.today.isValid()) {
            return cli.usage(CliText::tr("demo: --today: expected a date as YYYY-MM-DD, got '%1'")
                                 .arg(args.value(QStringLiteral("today"))));
        }
    }

    Result<std::shared_ptr<Database>> database = cli.open(true);
    if (!database) {
        return cli.fail(database.error());
    }
    // A new database gets the demo operators; one that has operators already takes data only from an officer.
    Result<bool> guarded = AuthService::hasOperators(*database.value());
    if (!guarded) {
        return cli.fail(guarded.error());
    }
    if (guarded.value()) {
        if (int code = cli.signIn(*database.value(), QStringLiteral("demo"), &options.who); code != 0) {
            return code;
        }
        if (Status allowed = Permissions::check(options.who, Action::ImportData); !allowed) {
            return cli.fail(allowed.error());
        }
    }
    QElapsedTimer timer;
    timer.start();
    Result<DemoGenerator::Summary> summary = DemoGenerator::generate(*database.value(), options);
    if (!summary) {
        return cli.fail(summary.error());
    }
    if (summary->restarted) {
        cli.out << CliText::tr("An interrupted demo run was removed before this one.") << '\n';
    }
    cli.out << CliText::tr("Demo data: %1 subjects, %2 data items, %3 consents, %4 disclosures, %5 requests in %6 s.")
                   .arg(summary->subjects)
                   .arg(summary->items)
                   .arg(summary->consents)
                   .arg(summary->disclosures)
                   .arg(summary->requests)
                   .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
            << '\n';
    return CliContext::Success;
}

} // namespace pd
