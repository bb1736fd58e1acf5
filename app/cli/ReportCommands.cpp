// privacydesk-cli report KIND ...
#include "app/cli/CliContext.h"

#include "app/reports/Reports.h"
#include "app/storage/Database.h"
#include "app/storage/PrivateFile.h"

#include <QCoreApplication>
#include <QDate>

namespace pd {

namespace {

/// Reads a --NAME value as a date; false (reported) when given and not a date.
bool dateOption(CliContext &cli, const QString &command, const CliContext::Arguments &args, const QString &name,
                QDate *date, int *code)
{
    if (!args.has(name)) {
        return true;
    }
    *date = QDate::fromString(args.value(name), Qt::ISODate);
    if (!date->isValid()) {
        *code = cli.usage(CliText::tr("%1: --%2: expected a date as YYYY-MM-DD").arg(command, name));
        return false;
    }
    return true;
}

/// Reads a --NAME value as a positive number.
bool idOption(CliContext &cli, const QString &command, const CliContext::Arguments &args, const QString &name,
              std::optional<qint64> *id, int *code)
{
    if (!args.has(name)) {
        return true;
    }
    bool ok = false;
    const qint64 value = args.value(name).toLongLong(&ok);
    if (!ok || value <= 0) {
        *code = cli.usage(CliText::tr("%1: --%2: expected a positive number").arg(command, name));
        return false;
    }
    *id = value;
    return true;
}

} // namespace

/// report KIND --format pdf|csv|xlsx|json --out FILE [--from DATE] [--to DATE] [--controller CODE] [--subject ID]
/// [--request ID] [--act N] [--retention-sweep DATE] [--bom] [--attach]
int runReport(CliContext &cli, const QStringList &words)
{
    const QString kindName = words.value(0);
    const std::optional<ReportKind> kind = Reports::parse(kindName);
    if (!kind) {
        QStringList names;
        for (ReportKind each : Reports::all()) {
            names << Reports::name(each);
        }
        return cli.usage(kindName.isEmpty()
                             ? CliText::tr("report: name the report: %1").arg(names.join(QStringLiteral(", ")))
                             : CliText::tr("report: unknown report '%1'; expected one of %2")
                                   .arg(kindName, names.join(QStringLiteral(", "))));
    }
    const QString command = QStringLiteral("report ") + kindName;
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words.mid(1),
                           {QStringLiteral("format"), QStringLiteral("out"), QStringLiteral("from"),
                            QStringLiteral("to"), QStringLiteral("controller"), QStringLiteral("subject"),
                            QStringLiteral("request"), QStringLiteral("act"), QStringLiteral("retention-sweep")},
                           {QStringLiteral("bom"), QStringLiteral("attach")}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return cli.usage(CliText::tr("%1: unexpected argument '%2'").arg(command, args.positionals.first()));
    }
    const std::optional<ReportFormat> format = parseReportFormat(args.value(QStringLiteral("format")));
    if (!format) {
        return cli.usage(CliText::tr("%1: --format: expected pdf, csv, xlsx or json").arg(command));
    }
    const QString path = args.value(QStringLiteral("out"));
    if (path.isEmpty()) {
        return cli.usage(CliText::tr("%1: --out FILE (the file to write) is required").arg(command));
    }
    const Reports::Needs needs = Reports::needs(*kind);
    ReportParameters parameters;
    int code = 0;
    if (!dateOption(cli, command, args, QStringLiteral("from"), &parameters.from, &code) ||
        !dateOption(cli, command, args, QStringLiteral("to"), &parameters.to, &code) ||
        !dateOption(cli, command, args, QStringLiteral("retention-sweep"), &parameters.retentionSweep, &code) ||
        !idOption(cli, command, args, QStringLiteral("subject"), &parameters.subjectId, &code) ||
        !idOption(cli, command, args, QStringLiteral("request"), &parameters.requestId, &code) ||
        !idOption(cli, command, args, QStringLiteral("act"), &parameters.act, &code)) {
        return code;
    }
    parameters.controller = args.value(QStringLiteral("controller"));
    if (needs.period && (!parameters.from.isValid() || !parameters.to.isValid())) {
        return cli.usage(CliText::tr("%1: --from DATE and --to DATE (the period) are required").arg(command));
    }
    // What a kind does not read is refused, so that a mistyped command does not quietly give another report.
    const auto refuse = [&](const QString &option, bool read) { return !read && args.has(option); };
    for (const auto &[option, read] : {std::pair{QStringLiteral("from"), needs.period || needs.destruction},
                                       std::pair{QStringLiteral("to"), needs.period || needs.destruction},
                                       std::pair{QStringLiteral("controller"), needs.controller},
                                       std::pair{QStringLiteral("subject"), needs.subject || needs.destruction},
                                       std::pair{QStringLiteral("request"), needs.subject || needs.destruction},
                                       std::pair{QStringLiteral("act"), needs.destruction},
                                       std::pair{QStringLiteral("retention-sweep"), needs.destruction},
                                       std::pair{QStringLiteral("attach"), needs.subject}}) {
        if (refuse(option, read)) {
            return cli.usage(CliText::tr("%1: --%2 does not apply to this report").arg(command, option));
        }
    }
    if (args.has(QStringLiteral("attach")) && !parameters.requestId) {
        return cli.usage(CliText::tr("%1: --attach needs --request ID (the request it answers)").arg(command));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    Result<Report> report = Reports::build(*database, who, *kind, parameters);
    if (!report) {
        return cli.fail(report.error());
    }
    Result<QByteArray> bytes = ReportFile::write(report.value(), *format, args.has(QStringLiteral("bom")));
    if (!bytes) {
        return cli.fail(bytes.error());
    }
    if (Status written = PrivateFile::write(path, bytes.value()); !written) {
        return cli.fail(makeError(written.error().code,
                                  CliText::tr("%1: cannot write the report: %2").arg(path, written.error().message)));
    }
    if (Status recorded = Reports::recordExport(*database, who, report.value(), *format, parameters); !recorded) {
        return cli.fail(recorded.error());
    }
    cli.out << CliText::tr("%1 is in %2 (rows: %3).").arg(Reports::title(*kind), path).arg(report->count) << '\n';
    if (args.has(QStringLiteral("attach"))) {
        Result<qint64> attached = Reports::answerRequest(*database, who, *parameters.requestId, report.value());
        if (!attached) {
            return cli.fail(attached.error());
        }
        cli.out << CliText::tr("Attached to request #%1 (PDF, JSON and CSV); the request is carried out.")
                       .arg(*parameters.requestId)
                << '\n';
    }
    if (*kind == ReportKind::Audit) {
        const QJsonObject chain = report->jsonExtra.value(QStringLiteral("chain")).toObject();
        if (!chain.value(QStringLiteral("whole")).toBool()) {
            return cli.fail(
                makeError(ErrorCode::Storage, CliText::tr("the audit chain is broken at entry #%1; the extract says so")
                                                  .arg(chain.value(QStringLiteral("first_broken_id")).toInteger())));
        }
    }
    if (*kind == ReportKind::Destruction) {
        cli.out << CliText::tr("Act No. %1 is kept until %2.")
                       .arg(report->jsonExtra.value(QStringLiteral("act"))
                                .toObject()
                                .value(QStringLiteral("number"))
                                .toInteger())
                       .arg(report->jsonExtra.value(QStringLiteral("act"))
                                .toObject()
                                .value(QStringLiteral("keep_until"))
                                .toString()
                                .left(10))
                << '\n';
    }
    return CliContext::Success;
}

} // namespace pd
