// privacydesk-cli request add|list|show
#include "app/cli/CliContext.h"

#include "app/requests/RequestRegister.h"
#include "app/requests/RequestService.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace pd {

namespace {

QJsonValue dateValue(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue idValue(std::optional<qint64> id)
{
    return id ? QJsonValue(*id) : QJsonValue();
}

QJsonObject toJson(const RequestRecord &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("type"), toString(r.type)},
            {QStringLiteral("regime"), toString(r.regime)},
            {QStringLiteral("status"), toString(r.status)},
            {QStringLiteral("received"), r.received.toString(Qt::ISODate)},
            {QStringLiteral("received_at"), sql::timestamp(r.receivedAt)},
            {QStringLiteral("due"), dateValue(r.effectiveDue())},
            {QStringLiteral("statutory_due"), dateValue(r.due)},
            {QStringLiteral("extended_due"), dateValue(r.extendedDue)},
            {QStringLiteral("paused_since"), dateValue(r.pausedSince)},
            {QStringLiteral("paused_days"), r.pausedDays},
            {QStringLiteral("subject_id"), idValue(r.subjectId)},
            {QStringLiteral("channel"), r.channel},
            {QStringLiteral("requester"), r.requesterName},
            {QStringLiteral("assignee"), r.assigneeName},
            {QStringLiteral("duplicate_of"), idValue(r.duplicateOf)},
            {QStringLiteral("completed_at"), r.completedAt.isEmpty() ? QJsonValue() : QJsonValue(r.completedAt)},
            {QStringLiteral("version"), r.version}};
}

QJsonObject detailsJson(const RequestRecord &r, const QList<RequestEvent> &events)
{
    QJsonObject object = toJson(r);
    object.insert(QStringLiteral("requester_address"), r.requesterAddress);
    object.insert(QStringLiteral("requester_birth_date"), dateValue(r.requesterBirthDate));
    object.insert(QStringLiteral("requester_id_number"), r.requesterIdNumber);
    object.insert(QStringLiteral("requester_email"), r.requesterEmail);
    object.insert(QStringLiteral("requester_phone"), r.requesterPhone);
    object.insert(QStringLiteral("what_asked"), r.whatAsked);
    object.insert(QStringLiteral("answer_form"), r.answerForm);
    object.insert(QStringLiteral("language"), r.language);
    object.insert(QStringLiteral("representative"), r.representativeName);
    object.insert(QStringLiteral("representative_document"), r.representativeDocument);
    object.insert(QStringLiteral("identity_method"), r.identityMethod);
    object.insert(QStringLiteral("identity_result"), r.identityResult);
    object.insert(QStringLiteral("extension_reason"), r.extensionReason);
    object.insert(QStringLiteral("extension_notified"), dateValue(r.extensionNotified));
    object.insert(QStringLiteral("decision"), r.decision);
    object.insert(QStringLiteral("refusal_ground"), r.refusalGround);
    object.insert(QStringLiteral("replied_at"), r.repliedAt.isEmpty() ? QJsonValue() : QJsonValue(r.repliedAt));
    object.insert(QStringLiteral("reply_form"), r.replyForm);
    QJsonArray timeline;
    for (const RequestEvent &e : events) {
        timeline.append(QJsonObject{{QStringLiteral("at"), e.at},
                                    {QStringLiteral("operator"), e.operatorName},
                                    {QStringLiteral("kind"), e.kind},
                                    {QStringLiteral("from"), e.fromStatus},
                                    {QStringLiteral("to"), e.toStatus},
                                    {QStringLiteral("comment"), e.comment}});
    }
    object.insert(QStringLiteral("events"), timeline);
    return object;
}

int add(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("request add");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words,
                           {QStringLiteral("type"), QStringLiteral("regime"), QStringLiteral("subject"),
                            QStringLiteral("received"), QStringLiteral("channel"), QStringLiteral("name"),
                            QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("address"),
                            QStringLiteral("birth-date"), QStringLiteral("id-number"), QStringLiteral("asked"),
                            QStringLiteral("answer-form"), QStringLiteral("language"), QStringLiteral("representative"),
                            QStringLiteral("authority"), QStringLiteral("from")},
                           {QStringLiteral("new-subject")}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return cli.usage(CliText::tr("request add: unexpected argument '%1'").arg(args.positionals.first()));
    }
    if (args.has(QStringLiteral("from"))) {
        // The requester's details from a JSON object ("-": standard input) instead of the arguments, which every
        // local user can read (ps). Its keys are the option names; an option given as well wins.
        Result<QString> text = CliContext::readInput(args.value(QStringLiteral("from")), QStringLiteral("--from"));
        if (!text) {
            return cli.fail(text.error());
        }
        QJsonParseError parsed;
        const QJsonDocument document = QJsonDocument::fromJson(text.value().toUtf8(), &parsed);
        if (parsed.error != QJsonParseError::NoError || !document.isObject()) {
            return cli.usage(
                CliText::tr("request add: --from: not a JSON object (at character %1)").arg(parsed.offset));
        }
        const QStringList known = {
            QStringLiteral("type"),        QStringLiteral("regime"),     QStringLiteral("subject"),
            QStringLiteral("received"),    QStringLiteral("channel"),    QStringLiteral("name"),
            QStringLiteral("email"),       QStringLiteral("phone"),      QStringLiteral("address"),
            QStringLiteral("birth-date"),  QStringLiteral("id-number"),  QStringLiteral("asked"),
            QStringLiteral("answer-form"), QStringLiteral("language"),   QStringLiteral("representative"),
            QStringLiteral("authority"),   QStringLiteral("new-subject")};
        const QJsonObject object = document.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = QString(it.key()).replace(QLatin1Char('_'), QLatin1Char('-'));
            if (!known.contains(key)) {
                return cli.usage(CliText::tr("request add: --from: unknown key '%1' (expected %2)")
                                     .arg(it.key(), known.join(QStringLiteral(", "))));
            }
            if (key == QLatin1String("new-subject")) {
                if (it.value().toBool() && !args.flags.contains(key)) {
                    args.flags << key;
                }
            } else if (!args.options.contains(key)) {
                const QJsonValue value = it.value();
                args.options.insert(key, value.isDouble() ? QString::number(value.toInteger()) : value.toString());
            }
        }
    }
    RequestIntake intake;
    const std::optional<RequestType> type = parseRequestType(args.value(QStringLiteral("type")));
    if (!type) {
        return cli.usage(CliText::tr("request add: --type: expected one of %1, got '%2'")
                             .arg(allRequestTypes().join(QLatin1String(", ")), args.value(QStringLiteral("type"))));
    }
    intake.type = *type;
    const std::optional<Regime> regime = parseRegime(args.value(QStringLiteral("regime")));
    if (!regime) {
        return cli.usage(CliText::tr("request add: --regime: expected one of %1, got '%2'")
                             .arg(allRegimes().join(QLatin1String(", ")), args.value(QStringLiteral("regime"))));
    }
    intake.regime = *regime;
    if (args.has(QStringLiteral("subject"))) {
        qint64 id = 0;
        if (!CliContext::positiveId(args.value(QStringLiteral("subject")), &id)) {
            return cli.usage(CliText::tr("request add: --subject: expected a subject number, got '%1'")
                                 .arg(args.value(QStringLiteral("subject"))));
        }
        intake.subjectId = id;
    }
    intake.createSubject = args.has(QStringLiteral("new-subject"));
    if (!intake.subjectId && !intake.createSubject && !args.has(QStringLiteral("name"))) {
        return cli.usage(CliText::tr("request add: --subject ID, or --name with --new-subject (or without a subject) "
                                     "is required"));
    }
    for (const char *option : {"received", "birth-date"}) {
        const QString name = QLatin1String(option);
        if (args.has(name) && !QDate::fromString(args.value(name), Qt::ISODate).isValid()) {
            // Not repeated: a date of birth is personal data.
            return cli.usage(CliText::tr("request add: --%1: expected a date as YYYY-MM-DD").arg(name));
        }
    }
    intake.received = QDate::fromString(args.value(QStringLiteral("received")), Qt::ISODate);
    intake.requesterBirthDate = QDate::fromString(args.value(QStringLiteral("birth-date")), Qt::ISODate);
    intake.channel = args.value(QStringLiteral("channel"), QStringLiteral("email"));
    intake.requesterName = args.value(QStringLiteral("name"));
    intake.requesterEmail = args.value(QStringLiteral("email"));
    intake.requesterPhone = args.value(QStringLiteral("phone"));
    intake.requesterAddress = args.value(QStringLiteral("address"));
    intake.requesterIdNumber = args.value(QStringLiteral("id-number"));
    intake.whatAsked =
        args.value(QStringLiteral("asked"), CliText::tr("%1 request under %2, registered from the command line")
                                                .arg(toString(intake.type), toString(intake.regime)));
    intake.answerForm = args.value(QStringLiteral("answer-form"), QStringLiteral("email"));
    intake.language = args.value(QStringLiteral("language"), QStringLiteral("en"));
    intake.representativeName = args.value(QStringLiteral("representative"));
    intake.representativeDocument = args.value(QStringLiteral("authority"));

    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    Result<qint64> id = RequestService::add(*database, who, intake);
    if (!id) {
        return cli.fail(id.error());
    }
    if (cli.json) {
        Result<RequestRecord> record = RequestRegister::get(*database, who, id.value());
        if (!record) {
            return cli.fail(record.error());
        }
        cli.printJson(toJson(record.value()));
        return CliContext::Success;
    }
    cli.out << id.value() << '\n';
    return CliContext::Success;
}

int list(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("request list");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(
            words,
            {QStringLiteral("status"), QStringLiteral("type"), QStringLiteral("regime"), QStringLiteral("limit")},
            {QStringLiteral("overdue"), QStringLiteral("open")}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return cli.usage(CliText::tr("request list: unexpected argument '%1'").arg(args.positionals.first()));
    }
    RequestFilter filter;
    if (args.has(QStringLiteral("status"))) {
        filter.status = parseRequestStatus(args.value(QStringLiteral("status")));
        if (!filter.status) {
            return cli.usage(
                CliText::tr("request list: --status: expected one of %1, got '%2'")
                    .arg(allRequestStatuses().join(QLatin1String(", ")), args.value(QStringLiteral("status"))));
        }
    }
    if (args.has(QStringLiteral("type"))) {
        filter.type = parseRequestType(args.value(QStringLiteral("type")));
        if (!filter.type) {
            return cli.usage(CliText::tr("request list: --type: expected one of %1, got '%2'")
                                 .arg(allRequestTypes().join(QLatin1String(", ")), args.value(QStringLiteral("type"))));
        }
    }
    if (args.has(QStringLiteral("regime"))) {
        filter.regime = parseRegime(args.value(QStringLiteral("regime")));
        if (!filter.regime) {
            return cli.usage(CliText::tr("request list: --regime: expected one of %1, got '%2'")
                                 .arg(allRegimes().join(QLatin1String(", ")), args.value(QStringLiteral("regime"))));
        }
    }
    if (args.has(QStringLiteral("overdue"))) {
        filter.age = RequestAge::Overdue;
    }
    filter.openOnly = args.has(QStringLiteral("open"));
    int limit = -1;
    if (args.has(QStringLiteral("limit"))) {
        bool ok = false;
        limit = args.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit <= 0) {
            return cli.usage(CliText::tr("request list: --limit: expected a positive number, got '%1'")
                                 .arg(args.value(QStringLiteral("limit"))));
        }
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    if (limit < 0) {
        Result<qint64> total = RequestRegister::count(*database, who, filter);
        if (!total) {
            return cli.fail(total.error());
        }
        limit = int(std::min<qint64>(total.value(), std::numeric_limits<int>::max()));
    }
    Result<QList<RequestRecord>> records =
        RequestRegister::page(*database, who, filter, RequestRegister::Sort::Due, 0, limit);
    if (!records) {
        return cli.fail(records.error());
    }
    if (cli.json) {
        QJsonArray array;
        for (const RequestRecord &record : records.value()) {
            array.append(toJson(record));
        }
        cli.printJson(array);
        return CliContext::Success;
    }
    for (const RequestRecord &r : records.value()) {
        cli.out << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7\n")
                       .arg(r.id)
                       .arg(toString(r.type), toString(r.regime), toString(r.status), r.received.toString(Qt::ISODate),
                            r.effectiveDue().toString(Qt::ISODate), CliContext::printable(r.requesterName));
    }
    return CliContext::Success;
}

int show(CliContext &cli, const QStringList &words)
{
    if (words.size() != 1) {
        return cli.usage(CliText::tr("request show: expected one ID"));
    }
    qint64 id = 0;
    if (!CliContext::positiveId(words.first(), &id)) {
        return cli.usage(CliText::tr("request show: expected a request number, got '%1'").arg(words.first()));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(QStringLiteral("request show"), &database, &who); signedIn != 0) {
        return signedIn;
    }
    Result<RequestRecord> record = RequestRegister::get(*database, who, id);
    if (!record) {
        return cli.fail(record.error());
    }
    Result<QList<RequestEvent>> events = RequestRegister::events(*database, who, id);
    if (!events) {
        return cli.fail(events.error());
    }
    const RequestRecord &r = record.value();
    if (cli.json) {
        cli.printJson(detailsJson(r, events.value()));
        return CliContext::Success;
    }
    cli.out << CliText::tr("Request #%1: %2 under %3, %4")
                   .arg(r.id)
                   .arg(toString(r.type), toString(r.regime), toString(r.status))
            << '\n'
            << CliText::tr("  received %1, due %2")
                   .arg(r.received.toString(Qt::ISODate), r.effectiveDue().toString(Qt::ISODate));
    if (r.extendedDue.isValid()) {
        cli.out << ' ' << CliText::tr("(extended from %1)").arg(r.due.toString(Qt::ISODate));
    }
    if (r.pausedSince.isValid()) {
        cli.out << ' ' << CliText::tr("(clock stopped since %1)").arg(r.pausedSince.toString(Qt::ISODate));
    }
    cli.out << '\n' << CliText::tr("  requester: %1").arg(CliContext::printable(r.requesterName)) << '\n';
    if (r.subjectId) {
        cli.out << CliText::tr("  subject: #%1").arg(*r.subjectId) << '\n';
    }
    if (r.duplicateOf) {
        cli.out << CliText::tr("  possible duplicate of #%1").arg(*r.duplicateOf) << '\n';
    }
    for (const RequestEvent &e : events.value()) {
        cli.out
            << QStringLiteral("  %1  %2  %3  %4\n").arg(e.at, e.operatorName, e.kind, CliContext::printable(e.comment));
    }
    return CliContext::Success;
}

} // namespace

int runRequest(CliContext &cli, const QStringList &words)
{
    return dispatch(cli, QStringLiteral("request"), words, {{"add", add}, {"list", list}, {"show", show}});
}

} // namespace pd
