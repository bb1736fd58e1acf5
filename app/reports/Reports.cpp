#include "app/reports/Reports.h"
#include "app/reports/Letterhead_p.h"
#include "app/reports/ReportBuilders_p.h"

#include "app/access/AuditLog.h"
#include "app/domain/Permissions.h"
#include "app/domain/Retention.h"
#include "app/domain/VocabularyNames.h"
#include "app/policy/ProfileExport.h"
#include "app/reports/AuditExtract.h"
#include "app/reports/ReportLanguage.h"
#include "app/reports/Ropa.h"
#include "app/requests/RequestExecution.h"
#include "app/storage/Database.h"

#include <QCoreApplication>
#include <QLocale>

namespace pd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::Reports)
};

/// A table of plain text columns whose keys are given.
ReportTable textTable(const QString &key, const QString &name, const QStringList &keys, const QStringList &titles,
                      const QList<QStringList> &rows, const QList<QList<int>> &bold)
{
    ReportTable table;
    table.key = key;
    table.name = name;
    for (qsizetype column = 0; column < titles.size(); ++column) {
        table.columns << ReportColumn{keys.value(column, QStringLiteral("column_%1").arg(column + 1)),
                                      titles.at(column), ReportColumn::Type::Text};
    }
    table.rows = rows;
    table.bold = bold;
    return table;
}

/// Decree 422 sub. 3.5: each information system of the controller with the categories of data in it (special data
/// set apart), the processors that reach it and the retention periods of what it holds.
ReportTable systemsTable(const Profile &profile, const QString &controllerCode)
{
    ReportTable table;
    table.key = QStringLiteral("information_systems");
    table.name = Tr::tr("Information systems");
    table.columns = {
        {QStringLiteral("system"), Tr::tr("Information system"), ReportColumn::Type::Text},
        {QStringLiteral("location"), Tr::tr("Location"), ReportColumn::Type::Text},
        {QStringLiteral("categories"), Tr::tr("Categories of personal data"), ReportColumn::Type::Text},
        {QStringLiteral("special"), Tr::tr("Special categories"), ReportColumn::Type::Text},
        {QStringLiteral("processors"), Tr::tr("Authorised persons (processors)"), ReportColumn::Type::Text},
        {QStringLiteral("retention"), Tr::tr("Retention periods"), ReportColumn::Type::Text}};
    for (const ProfileSystem &system : profile.systems) {
        QStringList categories;
        QStringList special;
        QStringList processors;
        QStringList retention;
        bool used = false;
        for (const ProfilePurpose &purpose : profile.purposes) {
            if (purpose.system != system.code || purpose.controller != controllerCode) {
                continue;
            }
            used = true;
            for (const QString &category : purpose.dataCategories) {
                const QString name = VocabularyNames::category(category);
                if (!categories.contains(name)) {
                    categories << name;
                }
            }
            if (purpose.specialCategory && !special.contains(purpose.title)) {
                special << Tr::tr("%1 (%2)").arg(purpose.title, purpose.specialCondition);
            }
            for (const ProfileRecipient &recipient : purpose.recipients) {
                if (recipient.role == RecipientRole::Processor && !processors.contains(recipient.name)) {
                    processors << recipient.name;
                }
            }
            retention << QStringLiteral("%1: %2").arg(purpose.title, reporting::retentionOf(purpose));
        }
        if (!used && system.controller != controllerCode) {
            continue;
        }
        table.rows << QStringList{system.name,
                                  system.location,
                                  categories.join(QStringLiteral(", ")),
                                  special.isEmpty() ? Tr::tr("none") : special.join(QStringLiteral("; ")),
                                  processors.join(QStringLiteral(", ")),
                                  used ? retention.join(QLatin1Char('\n'))
                                       : Tr::tr("no purpose of the register uses it")};
        table.bold << (special.isEmpty() ? QList<int>{} : QList<int>{3});
    }
    return table;
}

} // namespace

namespace reportbuilders {

QString periodText(const QDate &from, const QDate &to)
{
    const QLocale locale = ReportLanguage::locale();
    // A day, a month and a year without the weekday: "1 January 2026", "1 января 2026".
    const QString format = QStringLiteral("d MMMM yyyy");
    return Tr::tr("%1 to %2").arg(locale.toString(from, format), locale.toString(to, format));
}

QString shownTime(const QString &stored)
{
    const QDateTime at = QDateTime::fromString(stored, Qt::ISODate).toUTC();
    if (!at.isValid()) {
        return stored;
    }
    return ReportLanguage::locale().toString(at.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           at.time().toString(QStringLiteral("HH:mm"));
}

QString shownDate(const QString &stored)
{
    const QDate date = QDate::fromString(stored.left(10), Qt::ISODate);
    return date.isValid() ? ReportLanguage::locale().toString(date, QLocale::ShortFormat) : stored;
}

ReportDocument::Table pageTable(const ReportTable &table, const QList<int> &shown, int limit, bool datesOnly)
{
    ReportDocument::Table page;
    for (int column : shown) {
        page.header << table.columns.at(column).title;
    }
    const qsizetype rows = std::min<qsizetype>(table.rows.size(), limit);
    page.rows.reserve(rows);
    for (qsizetype row = 0; row < rows; ++row) {
        QStringList cells;
        for (int column : shown) {
            const QString cell = table.columns.at(column).shown(table.rows.at(row).value(column));
            switch (table.columns.at(column).type) {
            case ReportColumn::Type::DateTime:
                cells << (datesOnly ? shownDate(cell) : shownTime(cell));
                break;
            case ReportColumn::Type::Date:
                cells << shownDate(cell);
                break;
            default:
                cells << cell;
            }
        }
        page.rows << cells;
    }
    return page;
}

Result<Report> ropa(Database &database, const Session &who, const ReportParameters &parameters, bool processor)
{
    Result<Profile> profile = ProfileExport::read(database);
    if (!profile) {
        return profile.error();
    }
    QString code = parameters.controller;
    if (processor && code.isEmpty()) {
        // The processor's record is for a client: the first one of the register unless one is named.
        for (const ProfileController &controller : profile->controllers) {
            if (controller.kind == ControllerKind::Client) {
                code = controller.code;
                break;
            }
        }
        if (code.isEmpty()) {
            return makeError(ErrorCode::NotFound,
                             Tr::tr("the register has no client we process for; a processor's record needs one"));
        }
    }
    Result<Ropa::Sheet> sheet = Ropa::sheet(profile.value(), who, code);
    if (!sheet) {
        return sheet.error();
    }
    if ((sheet->record == Ropa::Record::Processor) != processor) {
        return makeError(ErrorCode::InvalidArgument,
                         processor ? Tr::tr("controller: '%1' is our own; its record is the report ropa").arg(code)
                                   : Tr::tr("controller: '%1' is a client; its record is the report "
                                            "processor-record")
                                         .arg(code));
    }
    static const QStringList controllerKeys = {QStringLiteral("purpose"),
                                               QStringLiteral("description"),
                                               QStringLiteral("lawful_basis"),
                                               QStringLiteral("special_category"),
                                               QStringLiteral("joint_controller"),
                                               QStringLiteral("subject_categories"),
                                               QStringLiteral("data_categories"),
                                               QStringLiteral("source"),
                                               QStringLiteral("recipients"),
                                               QStringLiteral("processor_contracts"),
                                               QStringLiteral("transfers"),
                                               QStringLiteral("retention"),
                                               QStringLiteral("security_measures"),
                                               QStringLiteral("automated_decisions"),
                                               QStringLiteral("system"),
                                               QStringLiteral("dpia"),
                                               QStringLiteral("status")};
    static const QStringList processorKeys = {
        QStringLiteral("processing"),      QStringLiteral("controller"),
        QStringLiteral("contract"),        QStringLiteral("processing_categories"),
        QStringLiteral("data_categories"), QStringLiteral("sub_processors"),
        QStringLiteral("transfers"),       QStringLiteral("security_measures"),
        QStringLiteral("system"),          QStringLiteral("status")};
    Report report;
    report.kind = processor ? QStringLiteral("processor-record") : QStringLiteral("ropa");
    report.document = Ropa::document(sheet.value(), who.name);
    report.tables = {textTable(QStringLiteral("activities"), Ropa::sheetName(sheet.value()),
                               processor ? processorKeys : controllerKeys, sheet->header, sheet->rows,
                               sheet->standOut)};
    report.jsonExtra.insert(QStringLiteral("controller"), sheet->controllerName);
    report.count = sheet->rows.size();
    const ReportTable systems = systemsTable(profile.value(), sheet->controllerCode);
    // Decree 422 first, a section per system (its texts are long: fields, not a narrow table).
    QList<ReportDocument::Section> sections;
    ReportDocument::Section heading;
    heading.heading = Tr::tr("Information systems (Belarus Decree 422 sub. 3.5)");
    if (systems.rows.isEmpty()) {
        heading.paragraphs << Tr::tr("The register names no information system of this controller.");
    }
    sections << heading;
    for (qsizetype row = 0; row < systems.rows.size(); ++row) {
        ReportDocument::Section system;
        system.heading = systems.rows.at(row).value(0);
        for (qsizetype column = 1; column < systems.columns.size(); ++column) {
            system.fields << ReportDocument::Field{systems.columns.at(column).title, systems.rows.at(row).value(column),
                                                   systems.bold.at(row).contains(int(column))};
        }
        sections << system;
    }
    report.document.sections = sections + report.document.sections;
    report.tables << systems;
    return report;
}

Result<Report> audit(Database &database, const Session &who, const ReportParameters &parameters)
{
    Result<AuditExtract::Extract> extract = AuditExtract::build(database, who, parameters.from, parameters.to);
    if (!extract) {
        return extract.error();
    }
    Report report;
    report.kind = QStringLiteral("audit");
    report.document = AuditExtract::document(extract.value(), who.name);
    ReportTable table = textTable(QStringLiteral("entries"), Tr::tr("Audit extract"),
                                  {QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("operator"),
                                   QStringLiteral("action"), QStringLiteral("object"), QStringLiteral("subject"),
                                   QStringLiteral("request"), QStringLiteral("fields"), QStringLiteral("reason"),
                                   QStringLiteral("details"), QStringLiteral("hash")},
                                  extract->header, extract->rows, {});
    for (int column : {0, 5, 6}) {
        table.columns[column].type = ReportColumn::Type::Number;
    }
    table.columns[1].type = ReportColumn::Type::DateTime;
    table.columns[3].label = VocabularyNames::auditAction;
    report.tables = {table};
    report.periodFrom = parameters.from.toString(Qt::ISODate);
    report.periodTo = parameters.to.toString(Qt::ISODate);
    const AuditLog::Verification &v = extract->verification;
    report.jsonExtra.insert(QStringLiteral("chain"),
                            QJsonObject{{QStringLiteral("entries"), v.entries},
                                        {QStringLiteral("whole"), v.ok()},
                                        {QStringLiteral("first_broken_id"), v.ok() ? QJsonValue() : v.firstBrokenId},
                                        {QStringLiteral("problem"), v.problem}});
    report.jsonExtra.insert(QStringLiteral("entries_in_period"), extract->total);
    report.count = extract->rows.size();
    return report;
}

} // namespace reportbuilders

QList<ReportKind> Reports::all()
{
    return {ReportKind::Ropa,        ReportKind::ProcessorRecord, ReportKind::Requests,
            ReportKind::Destruction, ReportKind::Breaches,        ReportKind::Disclosures,
            ReportKind::Audit,       ReportKind::Statistics,      ReportKind::SubjectAccess};
}

QString Reports::name(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Ropa:
        return QStringLiteral("ropa");
    case ReportKind::ProcessorRecord:
        return QStringLiteral("processor-record");
    case ReportKind::Requests:
        return QStringLiteral("requests");
    case ReportKind::Destruction:
        return QStringLiteral("destruction");
    case ReportKind::Breaches:
        return QStringLiteral("breaches");
    case ReportKind::Disclosures:
        return QStringLiteral("disclosures");
    case ReportKind::Audit:
        return QStringLiteral("audit");
    case ReportKind::Statistics:
        return QStringLiteral("statistics");
    case ReportKind::SubjectAccess:
        return QStringLiteral("subject-access");
    }
    return {};
}

std::optional<ReportKind> Reports::parse(const QString &text)
{
    for (ReportKind kind : all()) {
        if (name(kind) == text) {
            return kind;
        }
    }
    return std::nullopt;
}

QString Reports::title(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Ropa:
        return Tr::tr("Record of processing activities");
    case ReportKind::ProcessorRecord:
        return Tr::tr("Record of processing as a processor");
    case ReportKind::Requests:
        return Tr::tr("Register of requests");
    case ReportKind::Destruction:
        return Tr::tr("Act of destruction");
    case ReportKind::Breaches:
        return Tr::tr("Register of breaches");
    case ReportKind::Disclosures:
        return Tr::tr("Disclosure log");
    case ReportKind::Audit:
        return Tr::tr("Audit trail extract");
    case ReportKind::Statistics:
        return Tr::tr("Statistics");
    case ReportKind::SubjectAccess:
        return Tr::tr("Subject's data (access, portability)");
    }
    return {};
}

Reports::Needs Reports::needs(ReportKind kind)
{
    Needs needs;
    needs.period = kind == ReportKind::Requests || kind == ReportKind::Disclosures || kind == ReportKind::Audit ||
                   kind == ReportKind::Statistics;
    needs.controller = kind == ReportKind::Ropa || kind == ReportKind::ProcessorRecord;
    needs.subject = kind == ReportKind::SubjectAccess;
    needs.destruction = kind == ReportKind::Destruction;
    return needs;
}

Status Reports::allowed(const Session &who, ReportKind kind)
{
    switch (kind) {
    case ReportKind::Audit:
        return Permissions::check(who, Action::ViewAudit);
    case ReportKind::SubjectAccess:
        // Agents answer the requests assigned to them (checked with the request); the rest is for officers and
        // auditors.
        if (who.role == Role::Agent) {
            return Permissions::check(who, Action::HandleRequests);
        }
        return Permissions::check(who, Action::ExportRegisters);
    default:
        return Permissions::check(who, Action::ExportRegisters);
    }
}

Result<Report> Reports::build(Database &database, const Session &who, ReportKind kind,
                              const ReportParameters &parameters, const Progress &progress)
{
    if (Status permitted = allowed(who, kind); !permitted) {
        return permitted.error();
    }
    if (needs(kind).period) {
        if (!parameters.from.isValid() || !parameters.to.isValid()) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("period: the first and the last day are required"));
        }
        if (parameters.to < parameters.from) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("period: the first day must not come after the last"));
        }
    }
    Result<Report> report = makeError(ErrorCode::InvalidArgument, Tr::tr("unknown report"));
    switch (kind) {
    case ReportKind::Ropa:
    case ReportKind::ProcessorRecord:
        report = reportbuilders::ropa(database, who, parameters, kind == ReportKind::ProcessorRecord);
        break;
    case ReportKind::Requests:
        report = reportbuilders::requests(database, who, parameters, progress);
        break;
    case ReportKind::Destruction:
        report = reportbuilders::destruction(database, who, parameters);
        break;
    case ReportKind::Breaches:
        report = reportbuilders::breaches(database, who);
        break;
    case ReportKind::Disclosures:
        report = reportbuilders::disclosures(database, who, parameters);
        break;
    case ReportKind::Audit:
        report = reportbuilders::audit(database, who, parameters);
        break;
    case ReportKind::Statistics:
        report = reportbuilders::statistics(database, who, parameters);
        break;
    case ReportKind::SubjectAccess:
        report = reportbuilders::subjectAccess(database, who, parameters);
        break;
    }
    return report;
}

Result<qint64> Reports::answerRequest(Database &database, const Session &who, qint64 requestId, const Report &report)
{
    if (report.kind != name(ReportKind::SubjectAccess)) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("request: only a subject's data answers a request"));
    }
    RequestExecution::Operation operation;
    operation.kind = RequestExecution::Operation::Kind::ProvideData;
    const QString language = report.language;
    for (const auto &[format, mediaType] :
         {std::pair{ReportFormat::Pdf, "application/pdf"}, std::pair{ReportFormat::Json, "application/json"},
          std::pair{ReportFormat::Csv, "text/csv"}}) {
        Result<QByteArray> bytes = ReportFile::write(report, format);
        if (!bytes) {
            return bytes.error();
        }
        operation.attachments << RequestExecution::Operation::Attachment{QLatin1String(mediaType), language,
                                                                         bytes.value()};
    }
    Result<RequestExecution::Outcome> outcome = RequestExecution::execute(database, who, requestId, -1, operation);
    if (!outcome) {
        return outcome.error();
    }
    return outcome->documentId;
}

Status Reports::recordExport(Database &database, const Session &who, const Report &report, ReportFormat format,
                             const ReportParameters &parameters)
{
    QStringList details{QStringLiteral("format=%1").arg(toString(format)), QStringLiteral("rows=%1").arg(report.count)};
    if (parameters.from.isValid()) {
        details << QStringLiteral("from=%1 to=%2")
                       .arg(parameters.from.toString(Qt::ISODate), parameters.to.toString(Qt::ISODate));
    }
    if (!parameters.controller.isEmpty()) {
        details << QStringLiteral("controller=%1").arg(parameters.controller);
    }
    AuditEntry entry;
    entry.action = QStringLiteral("report.export");
    entry.objectType = QStringLiteral("report");
    entry.objectId = report.kind;
    entry.subjectId = parameters.subjectId;
    entry.requestId = parameters.requestId;
    entry.details = details.join(QLatin1Char(' '));
    return database.transaction([&](QSqlDatabase &tx) { return AuditLog::append(tx, who, entry); });
}

} // namespace pd
