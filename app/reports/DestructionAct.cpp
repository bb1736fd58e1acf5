// Acts confirming destruction of personal data (Roskomnadzor Order No. 179 of 28.10.2022, used in Belarusian
// practice too): drawn up for one subject, the deletions of a request, a period or a retention sweep, numbered and
// kept, with the extract of the audit trail that shows each destruction. Built from the deletion log and the audit
// trail, which hold no erased value: an act names subjects only by their opaque reference.
#include "app/reports/ReportBuilders_p.h"

#include "app/access/AuditLog.h"
#include "app/domain/Permissions.h"
#include "app/domain/VocabularyNames.h"
#include "app/reports/ReportLanguage.h"
#include "app/retention/RetentionRun.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

namespace pd::reportbuilders {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::DestructionAct)
};

using T = ReportColumn::Type;

constexpr int kKeepYears = 3;

struct Act
{
    qint64 number = 0;
    QString drawnAt;
    QString drawnBy;
    QString scope;
    QString scopeValue;
    QString keepUntil;
};

QString position(const QString &role)
{
    const std::optional<Role> parsed = parseRole(role);
    if (!parsed) {
        return {};
    }
    switch (*parsed) {
    case Role::Officer:
        return Tr::tr("Privacy officer");
    case Role::Agent:
        return Tr::tr("Support agent");
    case Role::Auditor:
        return Tr::tr("Auditor");
    case Role::Admin:
        return Tr::tr("Administrator");
    }
    return {};
}

/// "account, payment" with each category's name.
QString categoryNames(const QString &list)
{
    QStringList names;
    for (const QString &category : list.split(QStringLiteral(", "), Qt::SkipEmptyParts)) {
        names << VocabularyNames::category(category);
    }
    return names.join(QStringLiteral(", "));
}

QString scopeText(const Act &act)
{
    if (act.scope == QLatin1String("subject")) {
        return Tr::tr("the data of subject %1").arg(act.scopeValue);
    }
    if (act.scope == QLatin1String("request")) {
        return Tr::tr("the erasure of request #%1").arg(act.scopeValue);
    }
    if (act.scope == QLatin1String("retention")) {
        return Tr::tr("the retention sweep of %1").arg(shownDate(act.scopeValue));
    }
    const QStringList days = act.scopeValue.split(QLatin1Char('/'));
    return Tr::tr("the destructions of %1")
        .arg(periodText(QDate::fromString(days.value(0), Qt::ISODate), QDate::fromString(days.value(1), Qt::ISODate)));
}

/// Draws up a new act of the deletions `parameters` select; returns it.
Result<Act> drawUp(Database &database, const Session &who, const ReportParameters &parameters)
{
    if (Status allowed = Permissions::check(who, Action::DeleteData); !allowed) {
        return allowed.error();
    }
    Act act;
    QString condition;
    QVariantList values;
    int given = 0;
    if (parameters.subjectId) {
        ++given;
        act.scope = QStringLiteral("subject");
        act.scopeValue = QStringLiteral("S-%1").arg(*parameters.subjectId);
        condition = QStringLiteral("subject_ref = ?");
        values << act.scopeValue;
    }
    if (parameters.requestId) {
        ++given;
        act.scope = QStringLiteral("request");
        act.scopeValue = QString::number(*parameters.requestId);
        condition = QStringLiteral("request_id = ?");
        values = {*parameters.requestId};
    }
    if (parameters.retentionSweep.isValid()) {
        ++given;
        act.scope = QStringLiteral("retention");
        act.scopeValue = parameters.retentionSweep.toString(Qt::ISODate);
        condition = QStringLiteral("reason = ?");
        values = {RetentionRun::sweepReason(parameters.retentionSweep)};
    }
    if (parameters.from.isValid() || parameters.to.isValid()) {
        ++given;
        if (!parameters.from.isValid() || !parameters.to.isValid() || parameters.to < parameters.from) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("period: give the first and the last day, the first not after the last"));
        }
        act.scope = QStringLiteral("period");
        act.scopeValue = parameters.from.toString(Qt::ISODate) + QLatin1Char('/') + parameters.to.toString(Qt::ISODate);
        condition = QStringLiteral("deleted_at >= ? AND deleted_at < ?");
        values = {parameters.from.toString(Qt::ISODate), parameters.to.addDays(1).toString(Qt::ISODate)};
    }
    if (given != 1) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("destruction: name one of a subject, a request, a period, a retention sweep or an act "
                                "to print again"));
    }
    act.drawnBy = who.name;
    Status stored = database.transaction([&](QSqlDatabase &tx) -> Status {
        const QString now = sql::nowTimestamp();
        act.drawnAt = now;
        act.keepUntil = sql::timestamp(sql::parseTimestamp(now).addYears(kKeepYears));
        QSqlQuery query(tx);
        if (Status status =
                sql::exec(query, QStringLiteral("SELECT COUNT(*) FROM deletion_log WHERE %1").arg(condition), values,
                          "counting the deletions");
            !status) {
            return status;
        }
        const qint64 found = query.next() ? query.value(0).toLongLong() : 0;
        query.finish();
        if (found == 0) {
            return makeError(ErrorCode::NotFound, Tr::tr("no destruction is recorded for %1").arg(scopeText(act)));
        }
        Result<QVariant> role = sql::scalar(tx, QStringLiteral("SELECT role FROM operators WHERE id = ?"),
                                            {who.operatorId}, "reading the operator");
        if (!role) {
            return role.error();
        }
        if (Status status =
                sql::exec(query,
                          QStringLiteral("INSERT INTO destruction_acts (drawn_at, drawn_by, "
                                         "drawn_by_position, scope, scope_value, keep_until) VALUES "
                                         "(?, ?, ?, ?, ?, ?) RETURNING id"),
                          {now, who.name, position(role->toString()), act.scope, act.scopeValue, act.keepUntil},
                          "storing the act");
            !status) {
            return status;
        }
        if (!query.next()) {
            return sql::queryError(query, "numbering the act");
        }
        act.number = query.value(0).toLongLong();
        query.finish();
        QVariantList insert{act.number};
        insert << values;
        if (Status status = sql::exec(query,
                                      QStringLiteral("INSERT INTO destruction_act_entries (act_id, deletion_id) SELECT "
                                                     "?, id FROM deletion_log WHERE %1")
                                          .arg(condition),
                                      insert, "listing the act's destructions");
            !status) {
            return status;
        }
        AuditEntry entry;
        entry.action = QStringLiteral("destruction.act");
        entry.objectType = QStringLiteral("destruction-act");
        entry.objectId = QString::number(act.number);
        entry.subjectId = parameters.subjectId;
        entry.requestId = parameters.requestId;
        entry.details = QStringLiteral("scope=%1 value=%2 destructions=%3").arg(act.scope, act.scopeValue).arg(found);
        return AuditLog::append(tx, who, entry);
    });
    if (!stored) {
        return stored.error();
    }
    return act;
}

Result<Act> load(QSqlDatabase &db, qint64 number)
{
    QSqlQuery query(db);
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT id, drawn_at, drawn_by, scope, scope_value, keep_until FROM "
                                                 "destruction_acts WHERE id = ?"),
                                  {number}, "reading the act");
        !status) {
        return status.error();
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound, Tr::tr("act: there is no act of destruction No. %1").arg(number));
    }
    Act act;
    act.number = query.value(0).toLongLong();
    act.drawnAt = query.value(1).toString();
    act.drawnBy = query.value(2).toString();
    act.scope = query.value(3).toString();
    act.scopeValue = query.value(4).toString();
    act.keepUntil = query.value(5).toString();
    return act;
}

} // namespace

Result<Report> destruction(Database &database, const Session &who, const ReportParameters &parameters)
{
    Result<Act> act = makeError(ErrorCode::NotFound, QString());
    if (parameters.act) {
        if (parameters.subjectId || parameters.requestId || parameters.retentionSweep.isValid() ||
            parameters.from.isValid()) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("act: an act printed again lists what it listed; give only its number"));
        }
        QSqlDatabase db = database.connection();
        act = load(db, *parameters.act);
    } else {
        act = drawUp(database, who, parameters);
    }
    if (!act) {
        return act.error();
    }
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status =
            sql::exec(query,
                      QStringLiteral(
                          "SELECT d.id, d.deleted_at, d.subject_ref, d.categories, d.systems, d.method, d.reason, "
                          "d.operator_name, COALESCE(o.display_name, ''), COALESCE(o.role, ''), d.request_id, "
                          "COALESCE(c.name, ''), COALESCE(c.address, ''), COALESCE(c.kind, '') FROM "
                          "destruction_act_entries e JOIN deletion_log d ON d.id = e.deletion_id LEFT JOIN operators o "
                          "ON o.name = d.operator_name LEFT JOIN controllers c ON c.id = d.controller_id WHERE "
                          "e.act_id = ? ORDER BY d.deleted_at, d.id"),
                      {act->number}, "reading the act's destructions");
        !status) {
        return status.error();
    }
    ReportTable table;
    table.key = QStringLiteral("destructions");
    table.name = Tr::tr("Destructions");
    table.columns = {{QStringLiteral("id"), Tr::tr("No."), T::Number},
                     {QStringLiteral("destroyed_at"), Tr::tr("Destroyed (UTC)"), T::DateTime},
                     {QStringLiteral("subject"), Tr::tr("Subject"), T::Text},
                     {QStringLiteral("categories"), Tr::tr("Categories destroyed"), T::Text, categoryNames},
                     {QStringLiteral("systems"), Tr::tr("Information system"), T::Text},
                     {QStringLiteral("method"), Tr::tr("Method"), T::Text},
                     {QStringLiteral("reason"), Tr::tr("Reason"), T::Text},
                     {QStringLiteral("destroyed_by"), Tr::tr("Destroyed by"), T::Text},
                     {QStringLiteral("request"), Tr::tr("Request"), T::Number}};
    QStringList operators;   // "name, position" of everyone who destroyed
    QStringList controllers; // name, address
    QStringList processors;  // we, when the data was a client's
    QList<qint64> subjects;
    QString firstDestroyed; // the act's destructions were recorded between these (its event log is of them)
    QString lastDestroyed;
    while (query.next()) {
        const QString who = query.value(8).toString().isEmpty() ? query.value(7).toString() : query.value(8).toString();
        const QString person = QStringList{who, position(query.value(9).toString())}.join(QStringLiteral(", "));
        if (!operators.contains(person)) {
            operators << person;
        }
        const QString controller = QStringList{query.value(11).toString(), query.value(12).toString()}
                                       .filter(QRegularExpression(QStringLiteral("\\S")))
                                       .join(QStringLiteral(", "));
        if (!controller.isEmpty() && !controllers.contains(controller)) {
            controllers << controller;
        }
        if (query.value(13).toString() == QLatin1String("client") && processors.isEmpty()) {
            processors << Tr::tr("we, on the client's instructions (seed 003 sub. 2)");
        }
        const QString categories = query.value(3).toString() == QLatin1String("*")
                                       ? Tr::tr("all data of the subject (anonymized)")
                                       : query.value(3).toString();
        table.rows << QStringList{
            query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), categories,
            query.value(4).toString(), query.value(5).toString(), query.value(6).toString(), who,
            query.value(10).toString()};
        const QString destroyedAt = query.value(1).toString();
        if (firstDestroyed.isEmpty() || destroyedAt < firstDestroyed) {
            firstDestroyed = destroyedAt;
        }
        lastDestroyed = std::max(lastDestroyed, destroyedAt);
        const qint64 subject = query.value(2).toString().mid(2).toLongLong();
        if (subject > 0 && !subjects.contains(subject)) {
            subjects << subject;
        }
    }

    // The event-log extract: the audit entries that record these destructions.
    ReportTable events;
    events.key = QStringLiteral("event_log");
    events.name = Tr::tr("Event log");
    events.columns = {{QStringLiteral("id"), Tr::tr("Entry"), T::Number},
                      {QStringLiteral("at"), Tr::tr("Time (UTC)"), T::DateTime},
                      {QStringLiteral("operator"), Tr::tr("Operator"), T::Text},
                      {QStringLiteral("action"), Tr::tr("Action"), T::Text, VocabularyNames::auditAction},
                      {QStringLiteral("subject"), Tr::tr("Subject"), T::Text},
                      {QStringLiteral("fields"), Tr::tr("Fields"), T::Text},
                      {QStringLiteral("hash"), Tr::tr("Hash"), T::Text}};
    if (!subjects.isEmpty()) {
        if (Status status = sql::exec(query,
                                      QStringLiteral("SELECT id, at, operator_name, action, subject_id, fields, hash "
                                                     "FROM audit_log WHERE action IN ('subject.delete', "
                                                     "'subject.anonymize', 'subject.items.delete', "
                                                     "'subject.items.anonymize') AND %1 AND SUBSTR(at, 1, 19) "
                                                     "BETWEEN ? AND ? ORDER BY id")
                                          .arg(sql::inIds(db, "subject_id")),
                                      {sql::idList(db, subjects), firstDestroyed.left(19),
                                       // the entry is written a moment after the deletion log's row
                                       sql::timestamp(sql::parseTimestamp(lastDestroyed).addSecs(60)).left(19)},
                                      "reading the event log");
            !status) {
            return status.error();
        }
        while (query.next()) {
            events.rows << QStringList{
                query.value(0).toString(),
                query.value(1).toString(),
                query.value(2).toString(),
                query.value(3).toString(),
                QStringLiteral("S-%1").arg(query.value(4).toLongLong()),
                query.value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts).join(QStringLiteral(", ")),
                query.value(6).toString()};
        }
    }
    Result<AuditLog::Verification> verified = AuditLog::verify(database, who);

    Report report;
    report.kind = QStringLiteral("destruction");
    ReportDocument &document = report.document;
    const QLocale locale = ReportLanguage::locale();
    document.title = Tr::tr("Act No. %1 confirming the destruction of personal data").arg(act->number);
    document.subtitle = Tr::tr("Covering %1").arg(scopeText(act.value()));
    document.letterhead = controllers;
    document.generatedBy = who.name;
    document.generatedAt = QDateTime::currentDateTimeUtc();
    ReportDocument::Section head;
    head.heading = Tr::tr("The act");
    head.fields = {{Tr::tr("Number"), QString::number(act->number)},
                   {Tr::tr("Drawn up"), shownTime(act->drawnAt)},
                   {Tr::tr("Drawn up by"), act->drawnBy},
                   {Tr::tr("Operator (controller)"), controllers.join(QLatin1Char('\n'))},
                   {Tr::tr("Processor"), processors.join(QLatin1Char('\n'))},
                   {Tr::tr("Destroyed by (name, position)"), operators.join(QLatin1Char('\n'))},
                   {Tr::tr("Subjects whose data was destroyed"), locale.toString(qint64(subjects.size()))},
                   {Tr::tr("Kept until"), shownDate(act->keepUntil)}};
    document.sections << head;
    ReportDocument::Section list;
    list.heading = Tr::tr("Data destroyed");
    list.table = pageTable(table, {1, 2, 3, 4, 5, 6}, 100000);
    list.paragraphs << Tr::tr("Subjects are named by the reference the deletion log keeps; none of their erased values "
                              "is kept anywhere, this act included.");
    document.sections << list;
    ReportDocument::Section log;
    log.heading = Tr::tr("Extract from the event log");
    log.table = pageTable(events, {0, 1, 2, 3, 4, 5}, 100000);
    if (verified) {
        log.fields << ReportDocument::Field{Tr::tr("Audit trail"),
                                            verified->ok() ? Tr::tr("whole: no entry was changed or removed")
                                                           : Tr::tr("broken at entry #%1").arg(verified->firstBrokenId),
                                            !verified->ok()};
    }
    if (events.rows.isEmpty()) {
        log.table = {};
        log.paragraphs << Tr::tr("No audit entry names these subjects.");
    }
    document.sections << log;
    document.signatures = operators;
    document.signatures << Tr::tr("Data protection officer");
    report.tables = {table, events};
    report.count = table.rows.size();
    report.jsonExtra.insert(QStringLiteral("act"), QJsonObject{{QStringLiteral("number"), act->number},
                                                               {QStringLiteral("drawn_at"), act->drawnAt},
                                                               {QStringLiteral("drawn_by"), act->drawnBy},
                                                               {QStringLiteral("scope"), act->scope},
                                                               {QStringLiteral("scope_value"), act->scopeValue},
                                                               {QStringLiteral("keep_until"), act->keepUntil}});
    return report;
}

} // namespace pd::reportbuilders
