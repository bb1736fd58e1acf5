// privacydesk-cli import ...
#include "app/cli/CliContext.h"

#include "app/storage/Database.h"
#include "app/subjects/ImportService.h"

#include <QCoreApplication>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::CliApp)
};
} // namespace

namespace pd {

int runImport(CliContext &cli, const QStringList &words)
{
    CliContext::Arguments args;
    QString error;
    if (words.value(0) != QLatin1String("subjects")) {
        return cli.usage(Tr::tr("import: expected 'subjects FILE.csv', got '%1'").arg(words.value(0)));
    }
    if (!CliContext::parse(words.mid(1), {QStringLiteral("rejects")}, {}, &args, &error)) {
        return cli.usage(QStringLiteral("import subjects: ") + error);
    }
    if (args.positionals.size() != 1) {
        return cli.usage(Tr::tr("import subjects: expected one FILE.csv"));
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
    cli.out << Tr::tr("Imported %1 subjects; %2 rows rejected%3.")
                   .arg(summary->imported)
                   .arg(summary->rejected.size())
                   .arg(summary->rejected.isEmpty()
                            ? QString()
                            : Tr::tr(" (written to %1)").arg(args.value(QStringLiteral("rejects"))))
            << '\n';
    return CliContext::Success;
}

} // namespace pd
