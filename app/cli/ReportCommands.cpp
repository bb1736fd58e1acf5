// privacydesk-cli report ...
#include "app/cli/CliContext.h"

#include "app/reports/ReportPdf.h"
#include "app/reports/Ropa.h"
#include "app/storage/Database.h"
#include "app/storage/PrivateFile.h"

#include <QCoreApplication>

namespace pd {

namespace {

/// report ropa [--controller CODE] --format pdf|csv|xlsx [--bom] --out FILE
int ropa(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("report ropa");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("controller"), QStringLiteral("format"), QStringLiteral("out")},
                           {QStringLiteral("bom")}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return cli.usage(CliText::tr("%1: unexpected argument '%2'").arg(command, args.positionals.first()));
    }
    const QString format = args.value(QStringLiteral("format"));
    if (format != QLatin1String("pdf") && format != QLatin1String("csv") && format != QLatin1String("xlsx")) {
        return cli.usage(CliText::tr("%1: --format: expected pdf, csv or xlsx").arg(command));
    }
    const QString out = args.value(QStringLiteral("out"));
    if (out.isEmpty()) {
        return cli.usage(CliText::tr("%1: --out FILE (the file to write) is required").arg(command));
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
    QByteArray bytes;
    if (format == QLatin1String("csv")) {
        bytes = Ropa::csv(sheet.value(), args.has(QStringLiteral("bom")));
    } else if (format == QLatin1String("xlsx")) {
        const Result<QByteArray> workbook = Ropa::xlsx(sheet.value());
        if (!workbook) {
            return cli.fail(workbook.error());
        }
        bytes = workbook.value();
    } else {
        const Result<QByteArray> pdf = ReportPdf::render(Ropa::document(sheet.value(), who.name));
        if (!pdf) {
            return cli.fail(pdf.error());
        }
        bytes = pdf.value();
    }
    if (Status written = PrivateFile::write(out, bytes); !written) {
        return cli.fail(makeError(written.error().code,
                                  CliText::tr("%1: cannot write the report: %2").arg(out, written.error().message)));
    }
    cli.out
        << CliText::tr("The record of processing (%n activities) is in %1.", nullptr, int(sheet->rows.size())).arg(out)
        << '\n';
    return CliContext::Success;
}

} // namespace

int runReport(CliContext &cli, const QStringList &words)
{
    return dispatch(cli, QStringLiteral("report"), words, {{"ropa", ropa}});
}

} // namespace pd
