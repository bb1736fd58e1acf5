#include "cli/CliApp.h"

#include "services/DemoGenerator.h"
#include "services/ProfileInstaller.h"
#include "services/ProfileLoader.h"
#include "storage/Database.h"
#include "storage/DatabaseUrl.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::CliApp)
};
} // namespace

namespace pd {

namespace {

const char *const kUsage =
    "usage: privacydesk-cli [--db URL] [--operator NAME] [--json] COMMAND ...\n"
    "\n"
    "commands:\n"
    "  init [--profile FILE]                       create or migrate the schema, load a policy profile\n"
    "  demo --subjects N [--requests M] [--seed S] [--today YYYY-MM-DD]\n"
    "                                              fill an empty database with made-up demo data\n"
    "\n"
    "URL: sqlite:/path/file.sqlite or postgresql://user:password@host:port/dbname\n"
    "     (default: $PRIVACYDESK_DB, then the SQLite file in the user's data folder)\n"
    "exit codes: 0 success, 1 refused or failed, 2 bad usage\n";

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

CliApp::CliApp(QStringList arguments, QTextStream &out, QTextStream &err)
    : m_arguments(std::move(arguments)), m_out(out), m_err(err)
{
}

int CliApp::usageError(const QString &message)
{
    m_err << "privacydesk-cli: " << message << '\n'
          << Tr::tr("Try 'privacydesk-cli --help'.") << '\n';
    return Usage;
}

int CliApp::failure(const Error &error)
{
    m_err << "privacydesk-cli: " << error.message << '\n';
    return Failure;
}

void CliApp::printHelp()
{
    m_out << QLatin1String(kUsage);
}

bool CliApp::parse(const QStringList &words, const QStringList &valueOptions, const QStringList &flagOptions,
                   Arguments *result, QString *error) const
{
    for (int i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (!word.startsWith(QLatin1String("--"))) {
            result->positionals.append(word);
            continue;
        }
        QString name = word.mid(2);
        QString inlineValue;
        const int equals = name.indexOf(QLatin1Char('='));
        const bool hasInline = equals >= 0;
        if (hasInline) {
            inlineValue = name.mid(equals + 1);
            name.truncate(equals);
        }
        if (flagOptions.contains(name)) {
            if (hasInline) {
                *error = Tr::tr("option --%1 takes no value").arg(name);
                return false;
            }
            result->flags.append(name);
        } else if (valueOptions.contains(name)) {
            if (!hasInline) {
                if (i + 1 >= words.size()) {
                    *error = Tr::tr("option --%1 needs a value").arg(name);
                    return false;
                }
                inlineValue = words.at(++i);
            }
            result->options.insert(name, inlineValue);
        } else {
            *error = Tr::tr("unknown option --%1").arg(name);
            return false;
        }
    }
    return true;
}

Result<std::shared_ptr<Database>> CliApp::openDatabase(bool mayCreate)
{
    Result<DatabaseUrl> url = DatabaseUrl::resolve(m_dbUrl);
    if (!url) {
        return url.error();
    }
    return Database::open(url.value(), mayCreate ? Database::OpenMode::CreateIfMissing
                                                 : Database::OpenMode::ExistingOnly);
}

int CliApp::run()
{
    // Global options come before the command words.
    int index = 0;
    while (index < m_arguments.size() && m_arguments.at(index).startsWith(QLatin1String("--"))) {
        const QString option = m_arguments.at(index);
        if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            printHelp();
            return Success;
        }
        if (option == QLatin1String("--version")) {
            m_out << "privacydesk-cli " << QCoreApplication::applicationVersion() << '\n';
            return Success;
        }
        if (option == QLatin1String("--json")) {
            m_json = true;
            ++index;
            continue;
        }
        QString *target = nullptr;
        if (option == QLatin1String("--db")) {
            target = &m_dbUrl;
        } else if (option == QLatin1String("--operator")) {
            target = &m_operator;
        } else {
            return usageError(Tr::tr("unknown option %1").arg(option));
        }
        if (index + 1 >= m_arguments.size()) {
            return usageError(Tr::tr("option %1 needs a value").arg(option));
        }
        *target = m_arguments.at(index + 1);
        index += 2;
    }
    if (index >= m_arguments.size()) {
        return usageError(Tr::tr("no command given"));
    }
    if (!m_dbUrl.isEmpty()) {
        if (Result<DatabaseUrl> url = DatabaseUrl::parse(m_dbUrl); !url) {
            return usageError(QStringLiteral("--db: ") + url.error().message);
        }
    }
    const QString command = m_arguments.at(index);
    const QStringList rest = m_arguments.mid(index + 1);
    if (command == QLatin1String("init")) {
        return commandInit(rest);
    }
    if (command == QLatin1String("demo")) {
        return commandDemo(rest);
    }
    if (command == QLatin1String("help")) {
        printHelp();
        return Success;
    }
    return usageError(Tr::tr("unknown command '%1'").arg(command));
}

int CliApp::commandInit(const QStringList &words)
{
    Arguments args;
    QString error;
    if (!parse(words, {QStringLiteral("profile")}, {}, &args, &error)) {
        return usageError(QStringLiteral("init: ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return usageError(Tr::tr("init: unexpected argument '%1'").arg(args.positionals.first()));
    }
    // Check the profile before touching the database: a bad profile leaves nothing behind.
    std::optional<Profile> profile;
    if (args.has(QStringLiteral("profile"))) {
        Result<Profile> loaded = ProfileLoader::load(args.value(QStringLiteral("profile")));
        if (!loaded) {
            return failure(loaded.error());
        }
        profile = loaded.value();
    }
    Result<std::shared_ptr<Database>> database = openDatabase(true);
    if (!database) {
        return failure(database.error());
    }
    m_out << Tr::tr("Database %1 is at schema version %2.")
                 .arg(database.value()->url().displayName())
                 .arg(database.value()->schemaVersion())
          << '\n';
    if (profile) {
        Result<ProfileInstaller::Summary> summary = ProfileInstaller::install(*database.value(), *profile);
        if (!summary) {
            return failure(summary.error());
        }
        m_out << Tr::tr("Profile \"%1\": %2 controllers, %3 information systems, %4 purposes, %5 recipients.")
                     .arg(profile->name)
                     .arg(summary->controllers)
                     .arg(summary->systems)
                     .arg(summary->purposes)
                     .arg(summary->recipients)
              << '\n';
    }
    return Success;
}

int CliApp::commandDemo(const QStringList &words)
{
    Arguments args;
    QString error;
    if (!parse(words, {QStringLiteral("subjects"), QStringLiteral("requests"), QStringLiteral("seed"),
                       QStringLiteral("today")},
               {}, &args, &error)) {
        return usageError(QStringLiteral("demo: ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return usageError(Tr::tr("demo: unexpected argument '%1'").arg(args.positionals.first()));
    }
    if (!args.has(QStringLiteral("subjects"))) {
        return usageError(Tr::tr("demo: --subjects N is required"));
    }
    DemoGenerator::Options options;
    qint64 number = 0;
    if (!parseWholeNumber(args.value(QStringLiteral("subjects")), 1, 10000000, &number)) {
        return usageError(Tr::tr("demo: --subjects: expected a whole number from 1 to 10000000, got '%1'")
                              .arg(args.value(QStringLiteral("subjects"))));
    }
    options.subjects = number;
    if (args.has(QStringLiteral("requests"))) {
        if (!parseWholeNumber(args.value(QStringLiteral("requests")), 0, 10000000, &number)) {
            return usageError(Tr::tr("demo: --requests: expected a whole number from 0 to 10000000, got '%1'")
                                  .arg(args.value(QStringLiteral("requests"))));
        }
        options.requests = int(number);
    }
    if (args.has(QStringLiteral("seed"))) {
        if (!parseWholeNumber(args.value(QStringLiteral("seed")), 0, std::numeric_limits<qint64>::max(), &number)) {
            return usageError(Tr::tr("demo: --seed: expected a whole number, got '%1'").arg(args.value(QStringLiteral("seed"))));
        }
        options.seed = quint64(number);
    }
    if (args.has(QStringLiteral("today"))) {
        options.today = QDate::fromString(args.value(QStringLiteral("today")), Qt::ISODate);
        if (!options.today.isValid()) {
            return usageError(Tr::tr("demo: --today: expected a date as YYYY-MM-DD, got '%1'")
                                  .arg(args.value(QStringLiteral("today"))));
        }
    }

    Result<std::shared_ptr<Database>> database = openDatabase(true);
    if (!database) {
        return failure(database.error());
    }
    QElapsedTimer timer;
    timer.start();
    Result<DemoGenerator::Summary> summary = DemoGenerator::generate(*database.value(), options);
    if (!summary) {
        return failure(summary.error());
    }
    m_out << Tr::tr("Demo data: %1 subjects, %2 data items, %3 consents, %4 disclosures, %5 requests in %6 s.")
                 .arg(summary->subjects)
                 .arg(summary->items)
                 .arg(summary->consents)
                 .arg(summary->disclosures)
                 .arg(summary->requests)
                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
          << '\n';
    return Success;
}

} // namespace pd
