// privacydesk-cli audit ... and approval ...
#include "app/cli/CliContext.h"

#include "app/access/AuditLog.h"
#include "app/approvals/ApprovalService.h"
#include "app/domain/Permissions.h"
#include "app/storage/Database.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pd {

namespace {

/// Opens the database and signs in an operator who may read the audit trail.
int openForAudit(CliContext &cli, const QString &command, std::shared_ptr<Database> *database, Session *who,
                 Action action = Action::ViewAudit)
{
    Result<std::shared_ptr<Database>> opened = cli.open(false);
    if (!opened) {
        return cli.fail(opened.error());
    }
    if (int code = cli.signIn(*opened.value(), command, who); code != 0) {
        return code;
    }
    if (Status allowed = Permissions::check(*who, action); !allowed) {
        return cli.fail(allowed.error());
    }
    *database = opened.value();
    return CliContext::Success;
}

int auditVerify(CliContext &cli, const QStringList &words)
{
    if (!words.isEmpty()) {
        return cli.usage(CliText::tr("audit verify: unexpected argument '%1'").arg(words.first()));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int code = openForAudit(cli, QStringLiteral("audit verify"), &database, &who); code != 0) {
        return code;
    }
    Result<AuditLog::Verification> verification = AuditLog::verify(*database, who);
    if (!verification) {
        return cli.fail(verification.error());
    }
    if (!verification->ok()) {
        return cli.fail(makeError(ErrorCode::Conflict, CliText::tr("audit trail broken at entry %1: %2")
                                                           .arg(verification->firstBrokenId)
                                                           .arg(verification->problem)));
    }
    cli.out << CliText::tr("Audit trail intact: %1 entries verified.").arg(verification->entries) << '\n';
    return CliContext::Success;
}

int auditList(CliContext &cli, const QStringList &words)
{
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words,
                           {QStringLiteral("operator-name"), QStringLiteral("action"), QStringLiteral("subject"),
                            QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("limit")},
                           {}, &args, &error)) {
        return cli.usage(QStringLiteral("audit list: ") + error);
    }
    AuditFilter filter;
    filter.operatorName = args.value(QStringLiteral("operator-name"));
    filter.action = args.value(QStringLiteral("action"));
    if (args.has(QStringLiteral("subject"))) {
        bool ok = false;
        filter.subjectId = args.value(QStringLiteral("subject")).toLongLong(&ok);
        if (!ok) {
            return cli.usage(CliText::tr("audit list: --subject: expected a subject id, got '%1'")
                                 .arg(args.value(QStringLiteral("subject"))));
        }
    }
    for (const char *name : {"from", "to"}) {
        const QString value = args.value(QLatin1String(name));
        if (!value.isEmpty() && !QDate::fromString(value, Qt::ISODate).isValid()) {
            return cli.usage(
                CliText::tr("audit list: --%1: expected YYYY-MM-DD, got '%2'").arg(QLatin1String(name), value));
        }
    }
    filter.from = args.value(QStringLiteral("from"));
    filter.to = args.value(QStringLiteral("to"));
    const int limit = args.value(QStringLiteral("limit"), QStringLiteral("100")).toInt();
    if (limit <= 0) {
        return cli.usage(CliText::tr("audit list: --limit: expected a whole number above 0"));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int code = openForAudit(cli, QStringLiteral("audit list"), &database, &who); code != 0) {
        return code;
    }
    Result<QList<AuditRecord>> records = AuditLog::find(*database, who, filter, 0, limit);
    if (!records) {
        return cli.fail(records.error());
    }
    QJsonArray array;
    for (const AuditRecord &record : records.value()) {
        const AuditEntry &e = record.entry;
        if (cli.json) {
            array.append(QJsonObject{{QStringLiteral("id"), record.id},
                                     {QStringLiteral("at"), record.at},
                                     {QStringLiteral("operator"), record.operatorName},
                                     {QStringLiteral("action"), e.action},
                                     {QStringLiteral("object"), QString(e.objectType + QLatin1Char(':') + e.objectId)},
                                     {QStringLiteral("subject"), e.subjectId ? QJsonValue(*e.subjectId) : QJsonValue()},
                                     {QStringLiteral("request"), e.requestId ? QJsonValue(*e.requestId) : QJsonValue()},
                                     {QStringLiteral("fields"), QJsonArray::fromStringList(e.fields)},
                                     {QStringLiteral("reason"), e.reason},
                                     {QStringLiteral("details"), e.details}});
        } else {
            cli.out << QStringLiteral("%1\t%2\t%3\t%4\t%5:%6\t%7\t%8\n")
                           .arg(record.id)
                           .arg(record.at, CliContext::printable(record.operatorName), e.action, e.objectType,
                                CliContext::printable(e.objectId), e.fields.join(QLatin1Char(',')),
                                CliContext::printable(e.reason));
        }
    }
    if (cli.json) {
        cli.printJson(array);
    }
    return CliContext::Success;
}

} // namespace

int runAudit(CliContext &cli, const QStringList &words)
{
    return dispatch(cli, QStringLiteral("audit"), words, {{"verify", auditVerify}, {"list", auditList}});
}

int runApproval(CliContext &cli, const QStringList &words)
{
    const QString sub = words.value(0);
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words.mid(1), {QStringLiteral("note")}, {}, &args, &error)) {
        return cli.usage(QStringLiteral("approval: ") + error);
    }
    const bool list = sub == QLatin1String("list") && args.positionals.isEmpty();
    const bool decide =
        (sub == QLatin1String("approve") || sub == QLatin1String("reject") || sub == QLatin1String("cancel")) &&
        args.positionals.size() == 1;
    if (!list && !decide) {
        return cli.usage(
            CliText::tr("approval: expected 'list', 'approve ID', 'reject ID --note TEXT' or 'cancel ID --note TEXT'"));
    }
    qint64 id = 0;
    if (decide) {
        if (!CliContext::positiveId(args.positionals.first(), &id)) {
            return cli.usage(CliText::tr("approval %1: ID: expected an approval number, got '%2'")
                                 .arg(sub, args.positionals.first()));
        }
        if (sub != QLatin1String("approve") && args.value(QStringLiteral("note")).trimmed().isEmpty()) {
            return cli.usage(CliText::tr("approval %1: --note TEXT is required").arg(sub));
        }
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int code = cli.openSignedIn(QStringLiteral("approval ") + sub, &database, &who); code != 0) {
        return code;
    }
    if (decide) {
        const QString note = args.value(QStringLiteral("note"));
        Status status = sub == QLatin1String("approve")  ? ApprovalService::approve(*database, who, id)
                        : sub == QLatin1String("reject") ? ApprovalService::reject(*database, who, id, note)
                                                         : ApprovalService::cancel(*database, who, id, note);
        if (!status) {
            return cli.fail(status.error());
        }
        cli.out << (sub == QLatin1String("approve")  ? CliText::tr("Approval %1 approved and carried out.")
                    : sub == QLatin1String("reject") ? CliText::tr("Approval %1 rejected.")
                                                     : CliText::tr("Approval %1 cancelled; what was done stays done."))
                       .arg(id)
                << '\n';
        return CliContext::Success;
    }
    Result<QList<ApprovalService::Approval>> pending = ApprovalService::pending(*database, who);
    if (!pending) {
        return cli.fail(pending.error());
    }
    QJsonArray array;
    for (const ApprovalService::Approval &approval : pending.value()) {
        if (cli.json) {
            array.append(QJsonObject{{QStringLiteral("id"), approval.id},
                                     {QStringLiteral("action"), approval.action},
                                     {QStringLiteral("subjects"), approval.total},
                                     {QStringLiteral("done"), approval.done},
                                     {QStringLiteral("status"), approval.status},
                                     {QStringLiteral("half_done"), approval.isHalfDone()},
                                     {QStringLiteral("reason"), approval.reason},
                                     {QStringLiteral("requested_by"), approval.requestedBy},
                                     {QStringLiteral("requested_at"), approval.requestedAt}});
        } else {
            const QString progress = approval.status == QLatin1String("pending")
                                         ? CliText::tr("pending")
                                         : CliText::tr("%1 of %2 done").arg(approval.done).arg(approval.total);
            cli.out << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7\n")
                           .arg(approval.id)
                           .arg(approval.action)
                           .arg(approval.total)
                           .arg(progress, approval.requestedBy, approval.requestedAt,
                                CliContext::printable(approval.reason));
        }
    }
    if (cli.json) {
        cli.printJson(array);
    }
    return CliContext::Success;
}

} // namespace pd
