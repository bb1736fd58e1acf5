// privacydesk-cli import ...
#include "app/cli/CliContext.h"

#include "app/storage/Database.h"
#include "app/subjects/ImportService.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace pd {

namespace {

/// import subjects FILE [--format csv|jsonl] [--separator ,|;] [--mapping FILE] [--purpose CODE] [--rejects FILE]
/// [--dry-run]
int importSubjects(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("import subjects");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words,
                           {QStringLiteral("rejects"), QStringLiteral("format"), QStringLiteral("separator"),
                            QStringLiteral("mapping"), QStringLiteral("purpose")},
                           {QStringLiteral("dry-run")}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (args.positionals.size() != 1) {
        return cli.usage(CliText::tr("import subjects: expected one FILE (.csv, .jsonl or a subject's .json)"));
    }
    ImportService::Options options;
    if (args.has(QStringLiteral("format"))) {
        const QString format = args.value(QStringLiteral("format"));
        if (format != QLatin1String("csv") && format != QLatin1String("jsonl") &&
            format != QLatin1String("subject-json")) {
            return cli.usage(
                CliText::tr("%1: --format: expected csv, jsonl or subject-json, got '%2'").arg(command, format));
        }
        options.file.format = format == QLatin1String("csv")     ? ImportFile::Format::Csv
                              : format == QLatin1String("jsonl") ? ImportFile::Format::Jsonl
                                                                 : ImportFile::Format::SubjectExport;
    }
    if (args.has(QStringLiteral("separator"))) {
        const QString separator = args.value(QStringLiteral("separator"));
        if (separator != QLatin1String(",") && separator != QLatin1String(";")) {
            return cli.usage(CliText::tr("%1: --separator: expected , or ;").arg(command));
        }
        options.file.separator = separator.at(0);
    }
    if (args.has(QStringLiteral("mapping"))) {
        const QString path = args.value(QStringLiteral("mapping"));
        Result<QString> text = ImportService::readText(path);
        if (!text) {
            return cli.usage(CliText::tr("%1: --mapping: %2").arg(command, text.error().message));
        }
        Result<QHash<QString, QString>> mapping = ImportFile::readMapping(text.value(), QFileInfo(path).fileName());
        if (!mapping) {
            return cli.usage(CliText::tr("%1: --mapping: %2").arg(command, mapping.error().message));
        }
        options.file.mapping = mapping.value();
    }
    options.purposeCode = args.value(QStringLiteral("purpose"));
    options.dryRun = args.has(QStringLiteral("dry-run"));
    options.keepGoing = args.has(QStringLiteral("rejects"));
    std::shared_ptr<Database> database;
    Session who;
    if (int code = cli.openSignedIn(command, &database, &who); code != 0) {
        return code;
    }
    Result<ImportService::Summary> summary =
        ImportService::importFile(*database, who, args.positionals.first(), options);
    if (!summary) {
        return cli.fail(summary.error());
    }
    for (const QString &warning : summary->warnings) {
        cli.err << CliText::tr("%1: warning: %2").arg(command, warning) << '\n';
    }
    if (options.keepGoing && !summary->rejected.isEmpty()) {
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
    const QString rejectsNote = summary->rejected.isEmpty() || !options.keepGoing
                                    ? QString()
                                    : CliText::tr(" (written to %1)").arg(args.value(QStringLiteral("rejects")));
    if (summary->dryRun) {
        cli.out << CliText::tr("Dry run, nothing was stored: %1 new subjects, %2 rows for subjects stored already "
                               "(they would be updated), %3 rows rejected.")
                       .arg(summary->imported)
                       .arg(summary->updated)
                       .arg(summary->rejected.size())
                << '\n';
        for (const ImportService::Rejected &rejected : summary->rejected) {
            cli.out << "  " << CliText::tr("row %1: %2").arg(rejected.row).arg(rejected.problem) << '\n';
        }
        return CliContext::Success;
    }
    cli.out << CliText::tr("Imported %1 subjects; %2 rows rejected%3.")
                   .arg(summary->imported)
                   .arg(summary->rejected.size())
                   .arg(rejectsNote)
            << '\n';
    if (!summary->updatedRows.isEmpty()) {
        cli.out << CliText::tr("Subjects stored already: %1 updated, %2 unchanged (not duplicated).")
                       .arg(summary->updated)
                       .arg(summary->unchanged)
                << '\n';
    }
    return CliContext::Success;
}

} // namespace

int runImport(CliContext &cli, const QStringList &words)
{
    return dispatch(cli, QStringLiteral("import"), words, {{"subjects", importSubjects}});
}

} // namespace pd
