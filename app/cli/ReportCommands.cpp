// privacydesk-cli report ...
#include "app/cli/CliContext.h"

#include "app/reports/AuditExtract.h"
#include "app/reports/ReportPdf.h"
#include "app/reports/Ropa.h"
#include "app/reports/SheetFile.h"
#include "app/storage/Database.h"
#include "app/storage/PrivateFile.h"

#include <QCoreApplication>
#include <QDate>

#include <functional>

namespace pd {

namespace {

/// What every report command reads: --format and --out (checked), --bom.
struct Output
{
    QString format;
    QString path;
    bool bom = false;
};

/// Parses the report's own options besides --format, --out and --bom; the exit code on failure (reported).
int parseReport(CliContext &cli, const QString &command, const QStringList &words, const QStringList &options,
                CliContext::Arguments *args, Output *output)
{
    QString error;
    if (!CliContext::parse(words, QStringList{QStringLiteral("format"), QStringLiteral("out")} + options,
                           {QStringLiteral("bom")}, args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (!args->positionals.isEmpty()) {
        return cli.usage(CliText::tr("%1: unexpected argument '%2'").arg(command, args->positionals.first()));
    }
    output->format = args->value(QStringLiteral("format"));
    if (output->format != QLatin1String("pdf") && output->format != QLatin1String("csv") &&
        output->format != QLatin1String("xlsx")) {
        return cli.usage(CliText::tr("%1: --format: expected pdf, csv or xlsx").arg(command));
    }
    output->path = args->value(QStringLiteral("out"));
    if (output->path.isEmpty()) {
        return cli.usage(CliText::tr("%1: --out FILE (the file to write) is required").arg(command));
    }
    output->bom = args->has(QStringLiteral("bom"));
    return CliContext::Success;
}

/// Writes the report as `output` says: its table as CSV or XLSX, or `document()` as PDF; the exit code.
int writeReport(CliContext &cli, const Output &output, const QString &sheetName, const QStringList &header,
                const QList<QStringList> &rows, const QList<QList<int>> &bold,
                const std::function<ReportDocument()> &document)
{
    Result<QByteArray> bytes = QByteArray();
    if (output.format == QLatin1String("csv")) {
        bytes = SheetFile::csv(header, rows, output.bom);
    } else if (output.format == QLatin1String("xlsx")) {
        bytes = SheetFile::xlsx(sheetName, header, rows, bold);
    } else {
        bytes = ReportPdf::render(document());
    }
    if (!bytes) {
        return cli.fail(bytes.error());
    }
    if (Status written = PrivateFile::write(output.path, bytes.value()); !written) {
        return cli.fail(
            makeError(written.error().code,
                      CliText::tr("%1: cannot write the report: %2").arg(output.path, written.error().message)));
    }
    return CliContext::Success;
}

/// report ropa [--controller CODE] --format pdf|csv|xlsx [--bom] --out FILE
int ropa(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("report ropa");
    CliContext::Arguments args;
    Output output;
    if (int code = parseReport(cli, command, words, {QStringLiteral("controller")}, &args, &output); code != 0) {
        return code;
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    const Result<Ropa::Sheet> sheet = Ropa::sheet(*database, who, args.value(QStringLiteral("controller")));
    if (!sheet) {
        return cli.fail(sheet.error());
    }
    if (int code = writeReport(cli, output, Ropa::sheetName(sheet.value()), sheet->header, sheet->rows, sheet->standOut,
                               [&] { return Ropa::document(sheet.value(), who.name); });
        code != 0) {
        return code;
    }
    cli.out << CliText::tr("The record of processing (%n activities) is in %1.", nullptr, int(sheet->rows.size()))
                   .arg(output.path)
            << '\n';
    return CliContext::Success;
}

/// report audit --from DATE --to DATE --format pdf|csv|xlsx [--bom] --out FILE
int audit(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("report audit");
    CliContext::Arguments args;
    Output output;
    if (int code = parseReport(cli, command, words, {QStringLiteral("from"), QStringLiteral("to")}, &args, &output);
        code != 0) {
        return code;
    }
    const QDate from = QDate::fromString(args.value(QStringLiteral("from")), Qt::ISODate);
    const QDate to = QDate::fromString(args.value(QStringLiteral("to")), Qt::ISODate);
    if (!from.isValid() || !to.isValid()) {
        return cli.usage(CliText::tr("%1: --from and --to: expected dates as YYYY-MM-DD").arg(command));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    const Result<AuditExtract::Extract> extract = AuditExtract::build(*database, who, from, to);
    if (!extract) {
        return cli.fail(extract.error());
    }
    if (int code = writeReport(cli, output, CliText::tr("Audit extract"), extract->header, extract->rows, {},
                               [&] { return AuditExtract::document(extract.value(), who.name); });
        code != 0) {
        return code;
    }
    cli.out
        << CliText::tr("The audit extract (%n entries) is in %1.", nullptr, int(extract->rows.size())).arg(output.path)
        << '\n';
    if (!extract->verification.ok()) {
        return cli.fail(
            makeError(ErrorCode::Storage, CliText::tr("the audit chain is broken at entry #%1; the extract says so")
                                              .arg(extract->verification.firstBrokenId)));
    }
    return CliContext::Success;
}

} // namespace

int runReport(CliContext &cli, const QStringList &words)
{
    return dispatch(cli, QStringLiteral("report"), words, {{"ropa", ropa}, {"audit", audit}});
}

} // namespace pd
