// The registers kept besides requests: breaches, disclosures, and the statistics of a period.
#include "app/reports/ReportBuilders_p.h"

#include "app/breaches/BreachRegister.h"
#include "app/domain/Permissions.h"
#include "app/domain/VocabularyNames.h"
#include "app/reports/ReportLanguage.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSqlQuery>

namespace pd::reportbuilders {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::RegisterReports)
};

using T = ReportColumn::Type;

QString utc(const std::optional<QDateTime> &at)
{
    return at ? at->toUTC().toString(Qt::ISODate) : QString();
}

QString count(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : QString();
}

Report frame(const QString &kind, const QString &title, const Session &who)
{
    Report report;
    report.kind = kind;
    report.document.title = title;
    report.document.generatedBy = who.name;
    report.document.generatedAt = QDateTime::currentDateTimeUtc();
    report.document.signatures = {Tr::tr("Data protection officer")};
    return report;
}

void setPeriod(Report &report, const ReportParameters &parameters)
{
    report.periodFrom = parameters.from.toString(Qt::ISODate);
    report.periodTo = parameters.to.toString(Qt::ISODate);
    report.document.period = periodText(parameters.from, parameters.to);
}

/// The period as bounds of stored timestamps: [from, to + 1 day).
QVariantList bounds(const ReportParameters &parameters)
{
    return {parameters.from.toString(Qt::ISODate), parameters.to.addDays(1).toString(Qt::ISODate)};
}

} // namespace

Result<Report> breaches(Database &database, const Session &who)
{
    Result<QList<BreachRegister::Breach>> list = BreachRegister::list(database, who);
    if (!list) {
        return list.error();
    }
    Report report = frame(QStringLiteral("breaches"), Tr::tr("Register of personal-data breaches"), who);
    report.document.subtitle = Tr::tr("GDPR art. 33(5); Belarus Law 99-Z art. 16; Russia 152-FZ art. 21(3.1)");
    ReportTable table;
    table.key = QStringLiteral("breaches");
    table.name = Tr::tr("Breaches");
    table.columns = {{QStringLiteral("id"), Tr::tr("No."), T::Number},
                     {QStringLiteral("discovered_at"), Tr::tr("Discovered (UTC)"), T::DateTime},
                     {QStringLiteral("recorded_at"), Tr::tr("Recorded (UTC)"), T::DateTime},
                     {QStringLiteral("recorded_by"), Tr::tr("Recorded by"), T::Text},
                     {QStringLiteral("nature"), Tr::tr("Nature of the breach"), T::Text},
                     {QStringLiteral("categories"), Tr::tr("Categories of data"), T::Text},
                     {QStringLiteral("subjects"), Tr::tr("Subjects (approx.)"), T::Number},
                     {QStringLiteral("records"), Tr::tr("Records (approx.)"), T::Number},
                     {QStringLiteral("consequences"), Tr::tr("Likely consequences"), T::Text},
                     {QStringLiteral("measures_taken"), Tr::tr("Measures taken"), T::Text},
                     {QStringLiteral("measures_proposed"), Tr::tr("Measures proposed"), T::Text},
                     {QStringLiteral("dpo_contact"), Tr::tr("DPO contact"), T::Text},
                     {QStringLiteral("high_risk"), Tr::tr("High risk: subjects told (art. 34)"), T::Text},
                     {QStringLiteral("notifications"), Tr::tr("Notifications to regulators"), T::Text}};
    ReportTable notices;
    notices.key = QStringLiteral("notifications");
    notices.name = Tr::tr("Notifications");
    notices.columns = {
        {QStringLiteral("breach"), Tr::tr("Breach"), T::Number},
        {QStringLiteral("regime"), Tr::tr("Regime"), T::Text, qOverload<const QString &>(&VocabularyNames::regime)},
        {QStringLiteral("notify_by"), Tr::tr("Notify by (UTC)"), T::DateTime},
        {QStringLiteral("follow_up_by"), Tr::tr("Result of the investigation by (UTC)"), T::DateTime},
        {QStringLiteral("notified_at"), Tr::tr("Notified (UTC)"), T::DateTime},
        {QStringLiteral("late"), Tr::tr("Late"), T::Text},
        {QStringLiteral("late_reason"), Tr::tr("Reason for the delay"), T::Text}};
    for (const BreachRegister::Breach &breach : list.value()) {
        const BreachRegister::Input &d = breach.details;
        QStringList noticeLines;
        bool due = false;
        for (const BreachRegister::Notification &n : breach.notifications) {
            const QString regime = toString(n.regime);
            const QString regimeName = VocabularyNames::regime(n.regime);
            noticeLines << (n.notifiedAt ? Tr::tr("%1: notified %2").arg(regimeName, shownTime(utc(n.notifiedAt)))
                            : n.notifyBy ? Tr::tr("%1: due by %2").arg(regimeName, shownTime(utc(n.notifyBy)))
                                         : Tr::tr("%1: no fixed time").arg(regimeName));
            due = due || n.isDue() || n.isLate();
            notices.rows << QStringList{QString::number(breach.id),
                                        regime,
                                        utc(n.notifyBy),
                                        utc(n.followUpBy),
                                        utc(n.notifiedAt),
                                        n.isLate() ? Tr::tr("yes") : QString(),
                                        n.lateReason};
            notices.bold << (n.isLate() ? QList<int>{5} : QList<int>{});
        }
        const QString told = !d.highRisk           ? Tr::tr("no high risk")
                             : breach.subjectsTold ? Tr::tr("told %1").arg(shownTime(utc(breach.subjectsTold)))
                                                   : Tr::tr("to be told");
        table.rows << QStringList{QString::number(breach.id),
                                  utc(d.discovered),
                                  utc(breach.recorded),
                                  breach.recordedBy,
                                  d.nature,
                                  d.categories.join(QStringLiteral(", ")),
                                  count(d.subjects),
                                  count(d.records),
                                  d.consequences,
                                  d.measuresTaken,
                                  d.measuresProposed,
                                  d.dpoContact,
                                  told,
                                  noticeLines.join(QLatin1Char('\n'))};
        table.bold << (due ? QList<int>{13} : QList<int>{});
        ReportDocument::Section section;
        section.heading = Tr::tr("Breach No. %1").arg(breach.id);
        for (int column = 1; column < table.columns.size(); ++column) {
            section.fields << ReportDocument::Field{table.columns.at(column).title,
                                                    table.columns.at(column).type == T::DateTime
                                                        ? shownTime(table.rows.last().at(column))
                                                        : table.rows.last().at(column),
                                                    column == 13 && due};
        }
        report.document.sections << section;
    }
    if (table.rows.isEmpty()) {
        ReportDocument::Section none;
        none.heading = Tr::tr("No breaches");
        none.paragraphs << Tr::tr("No personal-data breach has been recorded.");
        report.document.sections << none;
    }
    report.tables = {table, notices};
    report.count = table.rows.size();
    return report;
}

Result<Report> disclosures(Database &database, const Session &who, const ReportParameters &parameters)
{
    if (Status allowed = Permissions::check(who, Action::ExportRegisters); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status = sql::exec(
            query,
            QStringLiteral(
                "SELECT d.id, d.disclosed_at, d.subject_id, s.display_name, s.state, d.recipient, "
                "d.recipient_country, d.data_categories, COALESCE(p.title, ''), d.legal_basis FROM "
                "disclosures d JOIN subjects s ON s.id = d.subject_id LEFT JOIN purposes p ON p.id = "
                "d.purpose_id WHERE d.disclosed_at >= ? AND d.disclosed_at < ? ORDER BY d.disclosed_at, d.id"),
            bounds(parameters), "reading the disclosures");
        !status) {
        return status.error();
    }
    Report report = frame(QStringLiteral("disclosures"), Tr::tr("Log of disclosures to third parties"), who);
    report.document.subtitle = Tr::tr("Belarus Law 99-Z art. 12(2); GDPR art. 15(1)(c)");
    setPeriod(report, parameters);
    ReportTable table;
    table.key = QStringLiteral("disclosures");
    table.name = Tr::tr("Disclosures");
    table.columns = {{QStringLiteral("id"), Tr::tr("No."), T::Number},
                     {QStringLiteral("disclosed_at"), Tr::tr("Disclosed (UTC)"), T::DateTime},
                     {QStringLiteral("subject"), Tr::tr("Subject"), T::Text},
                     {QStringLiteral("subject_name"), Tr::tr("Name"), T::Text},
                     {QStringLiteral("recipient"), Tr::tr("Recipient"), T::Text},
                     {QStringLiteral("country"), Tr::tr("Country"), T::Text},
                     {QStringLiteral("categories"), Tr::tr("Data disclosed"), T::Text},
                     {QStringLiteral("purpose"), Tr::tr("Purpose"), T::Text},
                     {QStringLiteral("legal_basis"), Tr::tr("Legal basis"), T::Text}};
    while (query.next()) {
        const QString state = query.value(4).toString();
        QString name = query.value(3).toString();
        if (state == QLatin1String("anonymized")) {
            name = Tr::tr("(anonymized)");
        } else if (state == QLatin1String("blocked")) {
            name = Tr::tr("%1 (blocked)").arg(name);
        }
        table.rows << QStringList{query.value(0).toString(),
                                  query.value(1).toString(),
                                  QStringLiteral("S-%1").arg(query.value(2).toLongLong()),
                                  name,
                                  query.value(5).toString(),
                                  query.value(6).toString(),
                                  query.value(7).toString(),
                                  query.value(8).toString(),
                                  query.value(9).toString()};
        table.bold << (state == QLatin1String("blocked") ? QList<int>{3} : QList<int>{});
    }
    ReportDocument::Section list;
    list.heading = Tr::tr("Disclosures");
    list.table = pageTable(table, {1, 2, 3, 4, 5, 6, 8}, 5000);
    if (table.rows.isEmpty()) {
        list.table = {};
        list.paragraphs << Tr::tr("No personal data was disclosed in this period.");
    }
    report.document.sections << list;
    report.tables = {table};
    report.count = table.rows.size();
    return report;
}

Result<Report> statistics(Database &database, const Session &who, const ReportParameters &parameters)
{
    if (Status allowed = Permissions::check(who, Action::ExportRegisters); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    Report report = frame(QStringLiteral("statistics"), Tr::tr("Statistics of processing and requests"), who);
    setPeriod(report, parameters);
    ReportTable table;
    table.key = QStringLiteral("figures");
    table.name = Tr::tr("Statistics");
    table.columns = {{QStringLiteral("figure"), Tr::tr("Figure"), T::Text},
                     {QStringLiteral("group"), Tr::tr("Group"), T::Text},
                     {QStringLiteral("name"), Tr::tr("Name"), T::Text},
                     {QStringLiteral("value"), Tr::tr("Value"), T::Number}};
    const QLocale locale = ReportLanguage::locale();
    QHash<QString, QString> titles;
    if (Status status =
            sql::exec(query, QStringLiteral("SELECT code, title FROM purposes"), {}, "reading the purposes");
        !status) {
        return status.error();
    }
    while (query.next()) {
        titles.insert(query.value(0).toString(), query.value(1).toString());
    }
    const auto purposeTitle = [&titles](const QString &code) { return titles.value(code, code); };
    // Each figure: a statement giving (group, value) rows, with or without the period's bounds.
    struct Figure
    {
        QString key;
        QString title;
        QString statement;
        bool period;
        std::function<QString(const QString &)> name; ///< the group's name, as people read it
    };
    const auto onTime = [](const QString &group) {
        return group == QLatin1String("on time") ? Tr::tr("on time") : Tr::tr("late");
    };
    const auto month = [](const QString &group) {
        const QDate first = QDate::fromString(group + QStringLiteral("-01"), Qt::ISODate);
        return first.isValid() ? ReportLanguage::locale().toString(first, QStringLiteral("LLLL yyyy")) : group;
    };
    const QList<Figure> figures = {
        {QStringLiteral("requests_by_type"), Tr::tr("Requests received, by right"),
         QStringLiteral("SELECT type, COUNT(*) FROM requests WHERE received_at >= ? AND received_at < ? GROUP BY "
                        "type ORDER BY type"),
         true, VocabularyNames::requestType},
        {QStringLiteral("requests_by_status"), Tr::tr("Requests received, by status now"),
         QStringLiteral("SELECT status, COUNT(*) FROM requests WHERE received_at >= ? AND received_at < ? GROUP BY "
                        "status ORDER BY status"),
         true, VocabularyNames::requestStatus},
        {QStringLiteral("completed_on_time"), Tr::tr("Requests completed in the period"),
         QStringLiteral("SELECT CASE WHEN SUBSTR(completed_at, 1, 10) <= COALESCE(extended_due_date, due_date) THEN "
                        "'on time' ELSE 'late' END, COUNT(*) FROM requests WHERE status = 'completed' AND "
                        "completed_at >= ? AND completed_at < ? GROUP BY 1 ORDER BY 1"),
         true, onTime},
        {QStringLiteral("subjects_by_purpose"), Tr::tr("Subjects per purpose (now)"),
         QStringLiteral("SELECT p.code, COUNT(DISTINCT i.subject_id) FROM pd_items i JOIN purposes p ON p.id = "
                        "i.purpose_id WHERE i.state <> 'anonymized' GROUP BY p.code ORDER BY p.code"),
         false, purposeTitle},
        {QStringLiteral("subjects_by_category"), Tr::tr("Subjects per data category (now)"),
         QStringLiteral("SELECT category, COUNT(DISTINCT subject_id) FROM pd_items WHERE state <> 'anonymized' "
                        "GROUP BY category ORDER BY category"),
         false, VocabularyNames::category},
        {QStringLiteral("erasures_by_month"), Tr::tr("Erasures per month"),
         QStringLiteral("SELECT SUBSTR(deleted_at, 1, 7), COUNT(*) FROM deletion_log WHERE deleted_at >= ? AND "
                        "deleted_at < ? GROUP BY 1 ORDER BY 1"),
         true, month},
    };
    const QVariantList period = bounds(parameters);
    QJsonObject json;
    for (const Figure &figure : figures) {
        if (Status status =
                sql::exec(query, figure.statement, figure.period ? period : QVariantList(), "counting the statistics");
            !status) {
            return status.error();
        }
        ReportDocument::Section section;
        section.heading = figure.title;
        section.table.header = {table.columns.at(1).title, table.columns.at(3).title};
        QJsonObject values;
        qint64 sum = 0;
        while (query.next()) {
            const QString group = query.value(0).toString();
            const qint64 value = query.value(1).toLongLong();
            sum += value;
            const QString name = figure.name ? figure.name(group) : group;
            table.rows << QStringList{figure.key, group, name, QString::number(value)};
            section.table.rows << QStringList{name, locale.toString(value)};
            values.insert(group, value);
        }
        json.insert(figure.key, values);
        if (figure.key == QLatin1String("completed_on_time") && sum > 0) {
            const double rate = double(values.value(QStringLiteral("on time")).toInteger()) / double(sum);
            table.rows << QStringList{QStringLiteral("on_time_rate"), QString(), Tr::tr("On-time rate"),
                                      QString::number(rate, 'f', 4)};
            section.fields << ReportDocument::Field{
                Tr::tr("On-time rate"), locale.toString(100.0 * rate, 'f', 1) + QLatin1Char('%'), rate < 1.0};
            json.insert(QStringLiteral("on_time_rate"), rate);
        }
        if (section.table.rows.isEmpty()) {
            section.table = {};
            section.paragraphs << Tr::tr("None.");
        }
        report.document.sections << section;
    }
    report.jsonExtra = json;
    report.tables = {table};
    report.count = table.rows.size();
    return report;
}

} // namespace pd::reportbuilders
