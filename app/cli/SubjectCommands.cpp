// privacydesk-cli subjects search ... and subject show|correct|block|unblock|anonymize|delete ...
#include "app/cli/CliContext.h"

#include "app/storage/Database.h"
#include "app/subjects/BulkAction.h"
#include "app/subjects/ContractService.h"
#include "app/subjects/CorrectionService.h"
#include "app/subjects/LegalHoldService.h"
#include "app/subjects/RestrictionService.h"
#include "app/subjects/SubjectDetailsReader.h"
#include "app/subjects/SubjectDirectory.h"
#include "app/subjects/SubjectJson.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace pd {

namespace {

/// Parses "--request ID" when given.
bool requestOption(CliContext &cli, const CliContext::Arguments &args, const QString &command,
                   std::optional<qint64> *request, int *code)
{
    if (!args.has(QStringLiteral("request"))) {
        return true;
    }
    qint64 id = 0;
    if (!CliContext::positiveId(args.value(QStringLiteral("request")), &id)) {
        *code = cli.usage(CliText::tr("%1: --request: expected a request number, got '%2'")
                              .arg(command, args.value(QStringLiteral("request"))));
        return false;
    }
    *request = id;
    return true;
}

bool subjectId(CliContext &cli, const QString &text, const QString &command, qint64 *id, int *code)
{
    if (!CliContext::positiveId(text, id)) {
        *code = cli.usage(CliText::tr("%1: ID: expected a subject number, got '%2'").arg(command, text));
        return false;
    }
    return true;
}

int search(CliContext &cli, const QStringList &words)
{
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("limit"), QStringLiteral("state"), QStringLiteral("category")}, {},
                           &args, &error)) {
        return cli.usage(QStringLiteral("subjects search: ") + error);
    }
    if (args.positionals.size() != 1) {
        return cli.usage(CliText::tr("subjects search: expected one TEXT (quote it when it has spaces)"));
    }
    SubjectFilter filter;
    filter.text = args.positionals.first();
    if (args.has(QStringLiteral("state"))) {
        filter.state = parseDataState(args.value(QStringLiteral("state")));
        if (!filter.state) {
            return cli.usage(CliText::tr("subjects search: --state: expected active, blocked or anonymized, got '%1'")
                                 .arg(args.value(QStringLiteral("state"))));
        }
    }
    filter.category = args.value(QStringLiteral("category"));
    if (!filter.category.isEmpty() && !allDataCategories().contains(filter.category)) {
        return cli.usage(CliText::tr("subjects search: --category: expected one of %1, got '%2'")
                             .arg(allDataCategories().join(QStringLiteral(", ")), filter.category));
    }
    bool ok = true;
    const int limit = args.has(QStringLiteral("limit")) ? args.value(QStringLiteral("limit")).toInt(&ok) : 50;
    if (!ok || limit <= 0 || limit > 100000) {
        return cli.usage(CliText::tr("subjects search: --limit: expected a whole number from 1 to 100000, got '%1'")
                             .arg(args.value(QStringLiteral("limit"))));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int code = cli.openSignedIn(QStringLiteral("subjects search"), &database, &who); code != 0) {
        return code;
    }
    Result<QList<SubjectRow>> rows =
        SubjectDirectory::page(*database, who, filter, SubjectDirectory::Sort::Name, false, 0, limit);
    if (!rows) {
        return cli.fail(rows.error());
    }
    if (cli.json) {
        QJsonArray array;
        for (const SubjectRow &row : rows.value()) {
            array.append(subjectJson(row));
        }
        cli.printJson(array);
        return CliContext::Success;
    }
    for (const SubjectRow &row : rows.value()) {
        cli.out << QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                       .arg(row.id)
                       .arg(CliContext::printable(row.displayName), CliContext::printable(row.email),
                            CliContext::printable(row.phone), row.state);
    }
    return CliContext::Success;
}

int show(CliContext &cli, const QStringList &words)
{
    int code = 0;
    qint64 id = 0;
    if (words.size() != 1) {
        return cli.usage(CliText::tr("subject show: expected one ID"));
    }
    if (!subjectId(cli, words.first(), QStringLiteral("subject show"), &id, &code)) {
        return code;
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(QStringLiteral("subject show"), &database, &who); signedIn != 0) {
        return signedIn;
    }
    Result<SubjectDetails> details = SubjectDetailsReader::read(*database, who, id);
    if (!details) {
        return cli.fail(details.error());
    }
    if (cli.json) {
        cli.printJson(subjectJson(details.value()));
        return CliContext::Success;
    }
    const SubjectRow &s = details->subject;
    cli.out << CliText::tr("Subject #%1 (%2), version %3, controller %4")
                   .arg(s.id)
                   .arg(s.state)
                   .arg(details->version)
                   .arg(CliContext::printable(s.controller))
            << '\n';
    for (const SubjectDetails::Item &item : details->items) {
        cli.out << QStringLiteral("  %1/%2 [%3] %4 (%5, %6)\n")
                       .arg(item.category, item.field, item.state,
                            item.hidden ? CliText::tr("(hidden)") : CliContext::printable(item.value), item.purposeCode,
                            item.collectedAt);
    }
    return CliContext::Success;
}

/// subject correct|block|unblock: one subject, a reason, options per action.
int change(CliContext &cli, const QString &action, const QStringList &words)
{
    const QString command = QStringLiteral("subject ") + action;
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words,
                           {QStringLiteral("reason"), QStringLiteral("request"), QStringLiteral("until"),
                            QStringLiteral("informed"), QStringLiteral("value-file")},
                           {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    const bool fromFile = args.has(QStringLiteral("value-file"));
    const int expected = action == QLatin1String("correct") ? (fromFile ? 2 : 3) : 1;
    if (args.positionals.size() != expected || (fromFile && action != QLatin1String("correct"))) {
        return cli.usage(
            action == QLatin1String("correct")
                ? CliText::tr("subject correct: expected ID FIELD VALUE, ID FIELD - (the value on standard "
                              "input) or ID FIELD --value-file FILE")
                : CliText::tr("%1: expected one ID").arg(command));
    }
    int code = 0;
    qint64 id = 0;
    std::optional<qint64> request;
    if (!subjectId(cli, args.positionals.first(), command, &id, &code) ||
        !requestOption(cli, args, command, &request, &code)) {
        return code;
    }
    if (args.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        return cli.usage(CliText::tr("%1: --reason TEXT is required").arg(command));
    }
    QDate until;
    if (args.has(QStringLiteral("until"))) {
        until = QDate::fromString(args.value(QStringLiteral("until")), Qt::ISODate);
        if (action != QLatin1String("block") || !until.isValid()) {
            return cli.usage(CliText::tr("%1: --until: expected a date as YYYY-MM-DD (block only)").arg(command));
        }
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    const QString reason = args.value(QStringLiteral("reason"));
    Status status;
    if (action == QLatin1String("correct")) {
        CorrectionService::Correction correction;
        correction.subjectId = id;
        correction.expectedVersion = -1;
        correction.field = args.positionals.at(1);
        if (fromFile || args.positionals.at(2) == QLatin1String("-")) {
            // The value stays out of the arguments, which every local user can read (ps).
            Result<QString> value = CliContext::readInput(
                fromFile ? args.value(QStringLiteral("value-file")) : QStringLiteral("-"), QStringLiteral("VALUE"));
            if (!value) {
                return cli.fail(value.error());
            }
            QString text = value.value();
            if (text.endsWith(QLatin1Char('\n'))) {
                text.chop(text.endsWith(QLatin1String("\r\n")) ? 2 : 1);
            }
            correction.newValue = text;
        } else {
            correction.newValue = args.positionals.at(2);
        }
        correction.reason = reason;
        correction.requestId = request;
        status = CorrectionService::correct(*database, who, correction);
    } else if (action == QLatin1String("block")) {
        status = RestrictionService::block(*database, who, {id, -1, {}, reason, until, request});
    } else {
        status = RestrictionService::unblock(*database, who,
                                             {id, -1, reason, args.value(QStringLiteral("informed")), request});
    }
    if (!status) {
        return cli.fail(status.error());
    }
    cli.out << CliText::tr("Subject #%1: %2 done.").arg(id).arg(action) << '\n';
    return CliContext::Success;
}

/// subject contract-end ID DATE|none --reason TEXT: when the subject's contract ended (retention counts from it).
int contractEnd(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("subject contract-end");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("reason")}, {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (args.positionals.size() != 2) {
        return cli.usage(
            CliText::tr("%1: expected ID DATE (YYYY-MM-DD, or none while the contract runs)").arg(command));
    }
    int code = 0;
    qint64 id = 0;
    if (!subjectId(cli, args.positionals.first(), command, &id, &code)) {
        return code;
    }
    const QString text = args.positionals.at(1);
    const QDate end = QDate::fromString(text, Qt::ISODate);
    if (text != QLatin1String("none") && !end.isValid()) {
        return cli.usage(CliText::tr("%1: DATE: expected YYYY-MM-DD or none").arg(command));
    }
    if (args.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        return cli.usage(CliText::tr("%1: --reason TEXT is required").arg(command));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    if (Status status = ContractService::setContractEnd(*database, who, id, end, args.value(QStringLiteral("reason")));
        !status) {
        return cli.fail(status.error());
    }
    cli.out << (end.isValid()
                    ? CliText::tr("Subject #%1: the contract ended on %2.").arg(id).arg(end.toString(Qt::ISODate))
                    : CliText::tr("Subject #%1: the contract runs.").arg(id))
            << '\n';
    return CliContext::Success;
}

/// subject hold ID --reason TEXT [--release]: a legal hold keeps the subject's data past every retention period.
int legalHold(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("subject hold");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("reason")}, {QStringLiteral("release")}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (args.positionals.size() != 1) {
        return cli.usage(CliText::tr("%1: expected one subject ID").arg(command));
    }
    int code = 0;
    qint64 id = 0;
    if (!subjectId(cli, args.positionals.first(), command, &id, &code)) {
        return code;
    }
    if (args.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        return cli.usage(CliText::tr("%1: --reason TEXT is required").arg(command));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    const bool release = args.has(QStringLiteral("release"));
    const QString reason = args.value(QStringLiteral("reason"));
    if (Status status = release ? LegalHoldService::release(*database, who, id, reason)
                                : LegalHoldService::hold(*database, who, id, reason);
        !status) {
        return cli.fail(status.error());
    }
    cli.out << (release ? CliText::tr("Subject #%1: the legal hold is lifted.").arg(id)
                        : CliText::tr("Subject #%1 is on legal hold: the retention sweep keeps its data.").arg(id))
            << '\n';
    return CliContext::Success;
}

/// subject anonymize|delete ID...: irreversible, maybe waiting for a second officer.
int irreversible(CliContext &cli, const QString &action, const QStringList &words)
{
    const QString command = QStringLiteral("subject ") + action;
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("reason"), QStringLiteral("request"), QStringLiteral("ids-file")},
                           {QStringLiteral("progress")}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (args.has(QStringLiteral("ids-file"))) {
        // Ids one per line (or separated by blanks): a list of any length, as a nightly job makes it.
        Result<QString> text =
            CliContext::readInput(args.value(QStringLiteral("ids-file")), QStringLiteral("--ids-file"));
        if (!text) {
            return cli.fail(text.error());
        }
        args.positionals << text->split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    }
    if (args.positionals.isEmpty()) {
        return cli.usage(CliText::tr("%1: expected one or more IDs").arg(command));
    }
    if (args.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        return cli.usage(CliText::tr("%1: --reason TEXT is required").arg(command));
    }
    int code = 0;
    BulkAction::Order order;
    order.kind = action == QLatin1String("delete") ? BulkAction::Kind::Delete : BulkAction::Kind::Anonymize;
    order.reason = args.value(QStringLiteral("reason"));
    for (const QString &text : args.positionals) {
        qint64 id = 0;
        if (!subjectId(cli, text, command, &id, &code)) {
            return code;
        }
        order.subjectIds << id;
    }
    if (!requestOption(cli, args, command, &order.requestId, &code)) {
        return code;
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    BulkAction::Progress progress;
    if (args.has(QStringLiteral("progress"))) {
        // After each batch (each one transaction): how far it came, for whoever watches a long run.
        progress = [&cli](qint64 done, qint64 total) {
            cli.err << "privacydesk-cli: " << CliText::tr("%1 of %2 subjects").arg(done).arg(total) << '\n';
            cli.err.flush();
            return true;
        };
    }
    Result<BulkAction::Outcome> outcome = BulkAction::run(*database, who, order, progress);
    if (!outcome) {
        return cli.fail(outcome.error());
    }
    if (outcome->pendingApproval > 0) {
        cli.out << CliText::tr("Waiting for a second officer: approval #%1 (privacydesk-cli approval approve %1).")
                       .arg(outcome->pendingApproval)
                << '\n';
        return CliContext::Success;
    }
    if (outcome->done == 0) {
        return cli.fail(makeError(
            ErrorCode::NotFound,
            CliText::tr("%1: nothing to do: the subjects are gone or already %2")
                .arg(command, action == QLatin1String("delete") ? CliText::tr("deleted") : CliText::tr("anonymized"))));
    }
    cli.out << CliText::tr("%1: %2 subjects done, %3 skipped.").arg(command).arg(outcome->done).arg(outcome->skipped)
            << '\n';
    return CliContext::Success;
}

} // namespace

int runSubjects(CliContext &cli, const QStringList &words)
{
    return dispatch(cli, QStringLiteral("subjects"), words, {{"search", search}});
}

int runSubject(CliContext &cli, const QStringList &words)
{
    const auto changing = [](const char *action) {
        return [action](CliContext &c, const QStringList &rest) { return change(c, QLatin1String(action), rest); };
    };
    const auto erasing = [](const char *action) {
        return
            [action](CliContext &c, const QStringList &rest) { return irreversible(c, QLatin1String(action), rest); };
    };
    return dispatch(cli, QStringLiteral("subject"), words,
                    {{"show", show},
                     {"correct", changing("correct")},
                     {"block", changing("block")},
                     {"unblock", changing("unblock")},
                     {"contract-end", contractEnd},
                     {"hold", legalHold},
                     {"anonymize", erasing("anonymize")},
                     {"delete", erasing("delete")}});
}

} // namespace pd
