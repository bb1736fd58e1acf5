// The register of data-subject requests of a period (docs/legal.md, "The request register").
#include "app/reports/ReportBuilders_p.h"

#include "app/domain/Permissions.h"
#include "app/domain/Vocabulary.h"
#include "app/domain/VocabularyNames.h"
#include "app/reports/ReportLanguage.h"
#include "app/requests/EventMessage.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QSqlQuery>

namespace pd::reportbuilders {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::RequestReport)
};

constexpr int kPdfRows = 5000; ///< the PDF lists this many, the other formats every request

enum Column {
    Id,
    ReceivedAt,
    Channel,
    Right,
    RegimeColumn,
    StatusColumn,
    Subject,
    Requester,
    RequesterContact,
    RequesterIdNumber,
    Representative,
    WhatAsked,
    IdentityCheck,
    IdentityCheckedBy,
    IdentityCheckedAt,
    Due,
    ExtendedDue,
    ExtensionReason,
    ExtensionNotified,
    Pauses,
    PausedDays,
    Systems,
    Processors,
    ActionTaken,
    Decision,
    LegalGround,
    RepliedAt,
    ReplyForm,
    CompletedAt,
    OnTime,
    Assignee,
};

QList<ReportColumn> columns()
{
    using T = ReportColumn::Type;
    return {
        {QStringLiteral("id"), Tr::tr("No."), T::Number},
        {QStringLiteral("received_at"), Tr::tr("Received (UTC)"), T::DateTime},
        {QStringLiteral("channel"), Tr::tr("Channel"), T::Text},
        {QStringLiteral("right"), Tr::tr("Right"), T::Text, VocabularyNames::requestType},
        {QStringLiteral("regime"), Tr::tr("Regime"), T::Text, qOverload<const QString &>(&VocabularyNames::regime)},
        {QStringLiteral("status"), Tr::tr("Status"), T::Text, VocabularyNames::requestStatus},
        {QStringLiteral("subject"), Tr::tr("Subject"), T::Text},
        {QStringLiteral("requester"), Tr::tr("Requester"), T::Text},
        {QStringLiteral("requester_contact"), Tr::tr("Requester's address and contacts"), T::Text},
        {QStringLiteral("requester_id_number"), Tr::tr("Identification number"), T::Text},
        {QStringLiteral("representative"), Tr::tr("Representative and authority"), T::Text},
        {QStringLiteral("what_asked"), Tr::tr("What was asked"), T::Text},
        {QStringLiteral("identity_check"), Tr::tr("Identity check"), T::Text},
        {QStringLiteral("identity_checked_by"), Tr::tr("Identity checked by"), T::Text},
        {QStringLiteral("identity_checked_at"), Tr::tr("Identity checked (UTC)"), T::DateTime},
        {QStringLiteral("due"), Tr::tr("Due"), T::Date},
        {QStringLiteral("extended_due"), Tr::tr("Extended to"), T::Date},
        {QStringLiteral("extension_reason"), Tr::tr("Reason for the extension"), T::Text},
        {QStringLiteral("extension_notified"), Tr::tr("Requester told of the extension"), T::Date},
        {QStringLiteral("pauses"), Tr::tr("Pauses of the clock"), T::Text},
        {QStringLiteral("paused_days"), Tr::tr("Days paused"), T::Number},
        {QStringLiteral("systems"), Tr::tr("Information systems"), T::Text},
        {QStringLiteral("processors"), Tr::tr("Processors"), T::Text},
        {QStringLiteral("action_taken"), Tr::tr("Action taken"), T::Text},
        {QStringLiteral("decision"), Tr::tr("Decision"), T::Text},
        {QStringLiteral("legal_ground"), Tr::tr("Legal ground of a refusal"), T::Text},
        {QStringLiteral("replied_at"), Tr::tr("Replied (UTC)"), T::DateTime},
        {QStringLiteral("reply_form"), Tr::tr("Form of the reply"), T::Text},
        {QStringLiteral("completed_at"), Tr::tr("Completed (UTC)"), T::DateTime},
        {QStringLiteral("on_time"), Tr::tr("On time"), T::Text},
        {QStringLiteral("assignee"), Tr::tr("Assigned to"), T::Text},
    };
}

QString joinedNonEmpty(const QStringList &parts, const QString &separator)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty()) {
            kept << part.trimmed();
        }
    }
    return kept.join(separator);
}

void addUnique(QStringList &list, const QString &value)
{
    if (!value.isEmpty() && !list.contains(value)) {
        list << value;
    }
}

/// Per request id, what the events, the deletion log and the register of processing add to its row.
struct Extras
{
    QHash<qint64, QStringList> pauses;
    QHash<qint64, QStringList> actions;
    QHash<qint64, QStringList> systems;
    QHash<qint64, QStringList> processors;
};

Status readExtras(QSqlDatabase &db, const QString &periodCondition, const QVariantList &period, Extras *extras)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status =
            sql::exec(query,
                      QStringLiteral(
                          "SELECT e.request_id, e.kind, e.at, e.comment, COALESCE(e.message, '') FROM request_events e "
                          "JOIN requests r ON r.id = e.request_id WHERE %1 AND e.kind IN "
                          "('paused', 'resumed', 'executed') ORDER BY e.request_id, e.id")
                          .arg(periodCondition),
                      period, "reading the requests' events");
        !status) {
        return status;
    }
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const QString kind = query.value(1).toString();
        const QString at = query.value(2).toString().left(10);
        if (kind == QLatin1String("executed")) {
            addUnique(extras->actions[id], EventMessage::render(query.value(4).toString(), query.value(3).toString()));
        } else if (kind == QLatin1String("paused")) {
            extras->pauses[id] << Tr::tr("paused %1").arg(at);
        } else {
            QStringList &pauses = extras->pauses[id];
            if (!pauses.isEmpty()) {
                pauses.last() += Tr::tr(", resumed %1").arg(at);
            }
        }
    }
    // What a deletion destroyed, in which systems.
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT d.request_id, d.systems FROM deletion_log d JOIN requests r "
                                                 "ON r.id = d.request_id WHERE %1")
                                      .arg(periodCondition),
                                  period, "reading the deletions of the requests");
        !status) {
        return status;
    }
    while (query.next()) {
        for (const QString &system : query.value(1).toString().split(QStringLiteral(", "), Qt::SkipEmptyParts)) {
            addUnique(extras->systems[query.value(0).toLongLong()], system);
        }
    }
    // The systems and processors of the purposes the subject's data is held for.
    QHash<qint64, std::pair<QString, QStringList>> purposes; // purpose id -> system, processors
    if (Status status =
            sql::exec(query,
                      QStringLiteral("SELECT p.id, COALESCE(s.name, ''), COALESCE(c.name, '') FROM purposes "
                                     "p LEFT JOIN information_systems s ON s.id = p.system_id LEFT JOIN "
                                     "recipients c ON c.purpose_id = p.id AND c.role = 'processor'"),
                      {}, "reading the register of processing");
        !status) {
        return status;
    }
    while (query.next()) {
        auto &purpose = purposes[query.value(0).toLongLong()];
        purpose.first = query.value(1).toString();
        addUnique(purpose.second, query.value(2).toString());
    }
    // Per subject (many requests share one), then per request.
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT DISTINCT i.subject_id, i.purpose_id FROM pd_items i WHERE "
                                                 "i.subject_id IN (SELECT r.subject_id FROM requests r WHERE %1)")
                                      .arg(periodCondition),
                                  period, "reading the purposes of the requests' subjects");
        !status) {
        return status;
    }
    QHash<qint64, QList<qint64>> purposesOf;
    while (query.next()) {
        purposesOf[query.value(0).toLongLong()] << query.value(1).toLongLong();
    }
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT r.id, r.subject_id FROM requests r WHERE %1 AND r.subject_id "
                                                 "IS NOT NULL")
                                      .arg(periodCondition),
                                  period, "reading the requests' subjects");
        !status) {
        return status;
    }
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        for (qint64 purposeId : purposesOf.value(query.value(1).toLongLong())) {
            const auto purpose = purposes.constFind(purposeId);
            if (purpose == purposes.constEnd()) {
                continue;
            }
            addUnique(extras->systems[id], purpose->first);
            for (const QString &processor : purpose->second) {
                addUnique(extras->processors[id], processor);
            }
        }
    }
    return {};
}

/// Yearly counts per right for a transparency report.
struct YearCount
{
    qint64 received = 0;
    qint64 completed = 0;
    qint64 onTime = 0;
    qint64 refused = 0;
};

} // namespace

Result<Report> requests(Database &database, const Session &who, const ReportParameters &parameters,
                        const Reports::Progress &progress)
{
    if (Status allowed = Permissions::check(who, Action::ExportRegisters); !allowed) {
        return allowed.error();
    }
    const QString periodCondition = QStringLiteral("r.received_at >= ? AND r.received_at < ?");
    const QVariantList period{parameters.from.toString(Qt::ISODate), parameters.to.addDays(1).toString(Qt::ISODate)};
    QSqlDatabase db = database.connection();
    Result<QVariant> total =
        sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM requests r WHERE %1").arg(periodCondition),
                    {period.at(0), period.at(1)}, "counting the requests");
    if (!total) {
        return total.error();
    }
    Extras extras;
    if (Status status = readExtras(db, periodCondition, period, &extras); !status) {
        return status.error();
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status = sql::exec(
            query,
            QStringLiteral(
                "SELECT r.id, r.received_at, r.channel, r.type, r.regime, r.status, r.subject_id, r.subject_erased, "
                "COALESCE(s.state, ''), r.requester_name, r.requester_address, r.requester_email, "
                "COALESCE(r.requester_phone, ''), r.requester_id_number, r.requester_birth_date, "
                "r.representative_name, r.representative_authority, r.what_asked, r.identity_method, "
                "r.identity_result, COALESCE(NULLIF(io.display_name, ''), io.name, ''), r.identity_checked_at, "
                "r.due_date, "
                "r.extended_due_date, r.extension_reason, r.extension_notified_at, r.paused_days, r.paused_since, "
                "r.decision, r.refusal_ground, r.replied_at, r.reply_form, r.completed_at, "
                "COALESCE(NULLIF(ao.display_name, ''), ao.name, '') FROM requests r LEFT JOIN subjects s ON s.id = "
                "r.subject_id "
                "LEFT JOIN operators io ON io.id = r.identity_checked_by LEFT JOIN operators ao ON ao.id = "
                "r.assignee_id WHERE %1 ORDER BY r.received_at, r.id")
                .arg(periodCondition),
            period, "reading the requests");
        !status) {
        return status.error();
    }
    ReportTable table;
    table.key = QStringLiteral("requests");
    table.name = Tr::tr("Requests");
    table.columns = columns();
    QMap<std::pair<int, QString>, YearCount> yearly;
    qint64 completed = 0;
    qint64 onTime = 0;
    const qint64 expected = std::max<qint64>(1, total->toLongLong());
    while (query.next()) {
        const auto text = [&query](int column) { return query.value(column).toString(); };
        const qint64 id = query.value(0).toLongLong();
        const bool erased = !query.value(7).isNull() || text(8) == QLatin1String("anonymized");
        QStringList row(table.columns.size());
        row[Id] = QString::number(id);
        row[ReceivedAt] = text(1);
        row[Channel] = text(2);
        row[Right] = text(3);
        row[RegimeColumn] = text(4);
        row[StatusColumn] = text(5);
        if (erased) {
            const QString ref = query.value(7).isNull() ? QStringLiteral("S-%1").arg(text(6)) : text(7);
            row[Subject] = Tr::tr("%1 (erased)").arg(ref);
            const QString withheld = Tr::tr("(withheld: the subject's data was erased)");
            row[Requester] = withheld;
            row[WhatAsked] = withheld;
        } else {
            row[Subject] = query.value(6).isNull() ? QString() : QStringLiteral("S-%1").arg(text(6));
            row[Requester] = joinedNonEmpty({text(9), text(14)}, QStringLiteral(", "));
            row[RequesterContact] = joinedNonEmpty({text(10), text(11), text(12)}, QStringLiteral("\n"));
            row[RequesterIdNumber] = text(13);
            row[WhatAsked] = text(17);
        }
        // A representative's authority often names the subject: withheld with the rest.
        row[Representative] = erased ? QString() : joinedNonEmpty({text(15), text(16)}, QStringLiteral(", "));
        row[IdentityCheck] = joinedNonEmpty({text(18), text(19)}, QStringLiteral(": "));
        row[IdentityCheckedBy] = text(20);
        row[IdentityCheckedAt] = text(21);
        row[Due] = text(22).left(10);
        row[ExtendedDue] = text(23).left(10);
        row[ExtensionReason] = text(24);
        row[ExtensionNotified] = text(25).left(10);
        row[Pauses] = extras.pauses.value(id).join(QStringLiteral("; "));
        row[PausedDays] = query.value(26).toInt() > 0 ? text(26) : QString();
        if (!query.value(27).isNull()) {
            row[Pauses] =
                joinedNonEmpty({row[Pauses], Tr::tr("paused since %1").arg(text(27).left(10))}, QStringLiteral("; "));
        }
        row[Systems] = extras.systems.value(id).join(QStringLiteral(", "));
        row[Processors] = extras.processors.value(id).join(QStringLiteral(", "));
        row[ActionTaken] = extras.actions.value(id).join(QStringLiteral("; "));
        row[Decision] = text(28);
        row[LegalGround] = text(29);
        row[RepliedAt] = text(30);
        row[ReplyForm] = text(31);
        row[CompletedAt] = text(32);
        row[Assignee] = text(33);

        const QString due = row[ExtendedDue].isEmpty() ? row[Due] : row[ExtendedDue];
        const QString status = row[StatusColumn];
        const int year = QDate::fromString(row[ReceivedAt].left(10), Qt::ISODate).year();
        YearCount &count = yearly[{year, row[Right]}];
        ++count.received;
        QList<int> bold;
        if (status == QLatin1String("completed") && !row[CompletedAt].isEmpty()) {
            const bool inTime = row[CompletedAt].left(10) <= due;
            row[OnTime] = inTime ? Tr::tr("yes") : Tr::tr("no");
            ++completed;
            ++count.completed;
            if (inTime) {
                ++onTime;
                ++count.onTime;
            } else {
                bold << OnTime;
            }
        } else if (status == QLatin1String("refused")) {
            ++count.refused;
        }
        table.rows << row;
        table.bold << bold;
        if (progress && table.rows.size() % 1000 == 0 && !progress(double(table.rows.size()) / double(expected))) {
            return makeError(ErrorCode::Cancelled, Tr::tr("the report was cancelled"));
        }
    }
    if (query.lastError().isValid()) {
        return sql::queryError(query, "reading the requests");
    }

    ReportTable years;
    years.key = QStringLiteral("yearly");
    years.name = Tr::tr("Per year and right");
    using T = ReportColumn::Type;
    years.columns = {{QStringLiteral("year"), Tr::tr("Year"), T::Number},
                     {QStringLiteral("right"), Tr::tr("Right"), T::Text, VocabularyNames::requestType},
                     {QStringLiteral("received"), Tr::tr("Received"), T::Number},
                     {QStringLiteral("completed"), Tr::tr("Completed"), T::Number},
                     {QStringLiteral("on_time"), Tr::tr("Completed on time"), T::Number},
                     {QStringLiteral("refused"), Tr::tr("Refused"), T::Number}};
    for (auto it = yearly.cbegin(); it != yearly.cend(); ++it) {
        years.rows << QStringList{QString::number(it.key().first), it.key().second,
                                  QString::number(it->received),   QString::number(it->completed),
                                  QString::number(it->onTime),     QString::number(it->refused)};
    }

    Report report;
    report.kind = QStringLiteral("requests");
    report.periodFrom = parameters.from.toString(Qt::ISODate);
    report.periodTo = parameters.to.toString(Qt::ISODate);
    report.count = table.rows.size();
    const QLocale locale = ReportLanguage::locale();
    const QString rate = completed > 0
                             ? locale.toString(100.0 * double(onTime) / double(completed), 'f', 1) + QLatin1Char('%')
                             : Tr::tr("none completed");
    report.jsonExtra.insert(QStringLiteral("completed"), completed);
    report.jsonExtra.insert(QStringLiteral("completed_on_time"), onTime);
    report.jsonExtra.insert(QStringLiteral("on_time_rate"),
                            completed > 0 ? QJsonValue(double(onTime) / double(completed)) : QJsonValue());

    ReportDocument &document = report.document;
    document.title = Tr::tr("Register of data-subject requests");
    document.subtitle = Tr::tr("Belarus Law 99-Z art. 14; GDPR arts. 12 to 22");
    document.period = periodText(parameters.from, parameters.to);
    document.generatedBy = who.name;
    document.generatedAt = QDateTime::currentDateTimeUtc();
    ReportDocument::Section summary;
    summary.heading = Tr::tr("Summary");
    summary.fields = {{Tr::tr("Requests received"), locale.toString(report.count)},
                      {Tr::tr("Completed"), locale.toString(completed)},
                      {Tr::tr("Completed on time"), rate, completed > onTime}};
    summary.table.header = years.titles();
    for (qsizetype row = 0; row < years.rows.size(); ++row) {
        summary.table.rows << years.shownRow(row);
    }
    document.sections << summary;
    ReportDocument::Section list;
    list.heading = Tr::tr("Requests");
    list.table = pageTable(
        table, {Id, ReceivedAt, Right, RegimeColumn, StatusColumn, Subject, Due, CompletedAt, OnTime}, kPdfRows, true);
    if (table.rows.size() > kPdfRows) {
        list.paragraphs << Tr::tr("%1 of %2 requests are listed; the CSV, XLSX or JSON register of the same period "
                                  "holds every one with all its fields.")
                               .arg(locale.toString(kPdfRows), locale.toString(report.count));
    } else {
        list.paragraphs << Tr::tr("Every field of each request (requester, identity check, extension, pauses, "
                                  "systems, processors, action, decision and reply) is in the CSV, XLSX or JSON "
                                  "register.");
    }
    if (table.rows.isEmpty()) {
        list.table = {};
        list.paragraphs = {Tr::tr("No request was received in this period.")};
    }
    document.sections << list;
    document.signatures = {Tr::tr("Data protection officer")};
    report.tables = {table, years};
    return report;
}

} // namespace pd::reportbuilders
