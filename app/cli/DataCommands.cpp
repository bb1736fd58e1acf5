// privacydesk-cli import ...
#include "app/cli/CliContext.h"

#include "app/storage/Database.h"
#include "app/subjects/ImportService.h"

#include <QCoreApplication>

namespace pd {

namespace {

int importSubjects(CliContext &cli, const QStringList &words)
{
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("rejects")}, {}, &args, &error)) {
        return cli.usage(QStringLiteral("import subjects: ") + error);
    }
    if (args.positionals.size() != 1) {
        return cli.usage(CliText::tr("import subjects: expected one FILE.csv"));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int code = cli.openSignedIn(QStringLiteral("import subjects"), &database, &who); code != 0) {
        return code;
    }
    const bool keepGoing = args.has(QStringLiteral("rejects"));
    Result<ImportService::Summary> summary =
        ImportService::importFile(*database, who, args.positionals.first(), keepGoing);
    if (!summary) {
        return cli.fail(summary.error());
    }
    if (keepGoing && !summary->rejected.isEmpty()) {
        if (Status written = ImportService::writeRejects(args.value(QStringLiteral("rejects")), summary.value());
            !written) {
            return cli.fail(written.error());
        }
    }
    if (summary->resumedAfterRow > 0) {
        cli.out << CliText::tr("An interrupted import of this file was carried on after row %1.")
                       .arg(summary->resumedAfterRow)
                << '\n';
    }
    cli.out << CliText::tr("Imported %1 subjects; %2 rows rejected%3.")
                   .arg(summary->imported)
                   .arg(summary->rejected.size())
                   .arg(summary->rejected.isEmpty()
                            ? QString()
                            : CliText::tr(" (written to %1)").arg(args.value(QStringLiteral("rejects"))))
            << '\n';
    return CliContext::Success;
}

} // namespace

int runImport(CliContext &cli, const QStringList &words)
{
    return dispatch(cli, QStringLiteral("import"), words, {{"subjects", importSubjects}});
}

} // namespace pd
