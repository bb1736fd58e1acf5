// The reports of the registers on both backends, read back as a regulator or a subject would read them: the request
// register (every field, yearly counts, identity values of erased subjects withheld), the act of destruction (no
// erased value; numbered, kept, printed again), the disclosure log, the statistics, the subject's own data and the
// audit entry of each export.
#include "PdfText.h"
#include "ServiceFixture.h"

#include "app/domain/CsvReader.h"
#include "app/domain/VocabularyNames.h"
#include "app/reports/ReportLanguage.h"
#include "app/reports/Reports.h"
#include "app/requests/RequestExecution.h"
#include "app/requests/RequestRegister.h"
#include "app/requests/RequestService.h"
#include "app/retention/RetentionRun.h"
#include "app/subjects/ErasureService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace pd;
using namespace pd::test;

namespace {

/// The rows of a CSV, header first.
QList<QStringList> csvRows(const QByteArray &csv)
{
    CsvReader reader(QString::fromUtf8(csv));
    QList<QStringList> rows;
    QStringList fields;
    while (reader.next(&fields)) {
        rows << fields;
    }
    EXPECT_TRUE(reader.error().isEmpty()) << reader.error().toStdString();
    return rows;
}

} // namespace

class RegisterReportsTest : public ServiceFixture
{
protected:
    QDate thisYearStart() const { return QDate(2026, 1, 1); }
    QDate thisYearEnd() const { return QDate(2026, 12, 31); }

    ReportParameters year()
    {
        ReportParameters parameters;
        parameters.from = thisYearStart();
        parameters.to = thisYearEnd();
        return parameters;
    }

    Report build(ReportKind kind, const ReportParameters &parameters, const char *who = "officer")
    {
        Result<Report> report = Reports::build(db(), as(who), kind, parameters);
        EXPECT_TRUE(report.ok()) << report.error().message.toStdString();
        return report.ok() ? report.value() : Report();
    }

    QByteArray written(const Report &report, ReportFormat format)
    {
        Result<QByteArray> bytes = ReportFile::write(report, format);
        EXPECT_TRUE(bytes.ok()) << bytes.error().message.toStdString();
        return bytes.ok() ? bytes.value() : QByteArray();
    }

    /// A request about `subject` taken in by the agent, its identity confirmed: in progress.
    qint64 requestAbout(const Target &subject, RequestType type, const QString &phone)
    {
        RequestIntake intake;
        intake.type = type;
        intake.regime = Regime::Gdpr;
        intake.received = QDate(2026, 11, 20);
        intake.subjectId = subject.subject;
        intake.requesterName =
            scalar(QStringLiteral("SELECT display_name FROM subjects WHERE id = ?"), {subject.subject}).toString();
        intake.requesterEmail = subject.email;
        intake.requesterPhone = phone;
        intake.whatAsked = QStringLiteral("Everything you hold about me");
        intake.assigneeId = as("agent").operatorId;
        Result<qint64> id = RequestService::add(db(), as("agent"), intake);
        EXPECT_TRUE(id.ok()) << id.error().message.toStdString();
        const int version = scalar(QStringLiteral("SELECT version FROM requests WHERE id = ?"), {id.value()}).toInt();
        EXPECT_TRUE(RequestService::checkIdentity(db(), as("agent"), id.value(), version,
                                                  {QStringLiteral("passport seen at the desk"), true, QString()})
                        .ok());
        return id.value();
    }

    /// The row of the report's first table whose first cell is `id`.
    QStringList rowWithId(const ReportTable &table, qint64 id)
    {
        for (const QStringList &row : table.rows) {
            if (row.value(0) == QString::number(id)) {
                return row;
            }
        }
        ADD_FAILURE() << "no row " << id;
        return {};
    }

    int column(const ReportTable &table, const char *key)
    {
        for (int index = 0; index < table.columns.size(); ++index) {
            if (table.columns.at(index).key == QLatin1String(key)) {
                return index;
            }
        }
        ADD_FAILURE() << "no column " << key;
        return 0;
    }
};

TEST_P(RegisterReportsTest, TheRequestRegisterListsEveryFieldAndWithholdsWhatIdentifiesAnErasedSubject)
{
    const Target erased = activeSubject(0);
    const Target kept = activeSubject(1);
    const QString erasedName =
        scalar(QStringLiteral("SELECT display_name FROM subjects WHERE id = ?"), {erased.subject}).toString();
    const qint64 erasure = requestAbout(erased, RequestType::Erasure, QStringLiteral("+375 29 555 01 02"));
    const qint64 access = requestAbout(kept, RequestType::Access, QStringLiteral("+375 29 555 03 04"));
    RequestExecution::Operation remove;
    remove.kind = RequestExecution::Operation::Kind::Delete;
    ASSERT_TRUE(RequestExecution::execute(db(), as("officer"), erasure, -1, remove).ok());

    const Report report = build(ReportKind::Requests, year(), "auditor");
    ASSERT_EQ(report.tables.size(), 2);
    const QString agentName =
        scalar(QStringLiteral("SELECT display_name FROM operators WHERE name = 'agent'")).toString();
    const ReportTable &requests = report.tables.first();
    EXPECT_EQ(report.count, scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE received_at >= '2026-01-01' "
                                                  "AND received_at < '2027-01-01'"))
                                .toLongLong());
    const QStringList gone = rowWithId(requests, erasure);
    EXPECT_EQ(gone.value(column(requests, "subject")), QStringLiteral("S-%1 (erased)").arg(erased.subject));
    EXPECT_TRUE(gone.value(column(requests, "requester")).contains(QLatin1String("withheld")));
    EXPECT_TRUE(gone.value(column(requests, "requester_contact")).isEmpty());
    EXPECT_EQ(gone.value(column(requests, "identity_check")), QStringLiteral("passport seen at the desk: confirmed"));
    EXPECT_EQ(gone.value(column(requests, "identity_checked_by")), agentName);
    EXPECT_FALSE(gone.value(column(requests, "action_taken")).isEmpty()) << "what was done is in the register";
    EXPECT_EQ(gone.value(column(requests, "right")), QStringLiteral("erasure"));
    EXPECT_EQ(gone.value(column(requests, "regime")), QStringLiteral("gdpr"));
    EXPECT_EQ(gone.value(column(requests, "due")).size(), 10);
    const QStringList open = rowWithId(requests, access);
    EXPECT_TRUE(open.value(column(requests, "requester_contact")).contains(kept.email));
    EXPECT_TRUE(open.value(column(requests, "requester_contact")).contains(QLatin1String("+375 29 555 03 04")));
    EXPECT_EQ(open.value(column(requests, "assignee")), agentName);

    // The erased subject's e-mail, phone and name appear in no format.
    for (ReportFormat format : {ReportFormat::Csv, ReportFormat::Json, ReportFormat::Pdf, ReportFormat::Xlsx}) {
        QString text = QString::fromUtf8(written(report, format));
        if (format == ReportFormat::Pdf) {
            text = pdfText(written(report, format));
        } else if (format == ReportFormat::Xlsx) {
            text = zipMember(written(report, format), QStringLiteral("xl/sharedStrings.xml"));
        }
        EXPECT_FALSE(text.contains(erased.email)) << toString(format).toStdString();
        EXPECT_FALSE(text.contains(QLatin1String("+375 29 555 01 02"))) << toString(format).toStdString();
        EXPECT_FALSE(text.contains(erasedName)) << toString(format).toStdString();
    }

    // CSV: the header and a row per request, cell for cell.
    const QList<QStringList> csv = csvRows(written(report, ReportFormat::Csv));
    ASSERT_EQ(csv.size(), requests.rows.size() + 1);
    EXPECT_EQ(csv.first(), requests.titles());
    const qsizetype openRow = requests.rows.indexOf(open);
    ASSERT_GE(openRow, 0);
    EXPECT_TRUE(csv.contains(requests.shownRow(openRow))) << "the CSV holds the row as the page shows it";
    EXPECT_TRUE(requests.shownRow(openRow).contains(QStringLiteral("Access"))) << "a right by its name";

    // JSON: numbers as numbers, the on-time rate, the yearly counts.
    const QJsonObject json = QJsonDocument::fromJson(written(report, ReportFormat::Json)).object();
    EXPECT_EQ(json.value(QStringLiteral("report")).toString(), QStringLiteral("requests"));
    EXPECT_EQ(json.value(QStringLiteral("period")).toObject().value(QStringLiteral("from")).toString(),
              QStringLiteral("2026-01-01"));
    const QJsonArray rows = json.value(QStringLiteral("requests")).toArray();
    ASSERT_EQ(rows.size(), requests.rows.size());
    EXPECT_TRUE(rows.first().toObject().value(QStringLiteral("id")).isDouble());
    EXPECT_TRUE(json.contains(QStringLiteral("on_time_rate")));
    qint64 erasures = 0;
    for (const QJsonValue &row : json.value(QStringLiteral("yearly")).toArray()) {
        if (row.toObject().value(QStringLiteral("right")).toString() == QLatin1String("erasure")) {
            erasures += row.toObject().value(QStringLiteral("received")).toInteger();
        }
    }
    EXPECT_EQ(erasures, scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE type = 'erasure' AND received_at "
                                              ">= '2026-01-01' AND received_at < '2027-01-01'"))
                            .toLongLong());

    // XLSX: the number a number cell, the date a date cell, a second sheet for the yearly counts.
    const QByteArray xlsx = written(report, ReportFormat::Xlsx);
    const QString sheet = zipMember(xlsx, QStringLiteral("xl/worksheets/sheet1.xml"));
    const QRegularExpressionMatch id =
        QRegularExpression(QStringLiteral("<c r=\"A2\"([^>]*)><v>([^<]*)</v>")).match(sheet);
    ASSERT_TRUE(id.hasMatch()) << sheet.left(600).toStdString();
    EXPECT_FALSE(id.captured(1).contains(QLatin1String("t=\"s\""))) << "the number is not text";
    EXPECT_EQ(id.captured(2), requests.rows.first().first());
    const QRegularExpressionMatch received =
        QRegularExpression(QStringLiteral("<c r=\"B2\"([^>]*)><v>([0-9.]+)</v>")).match(sheet);
    ASSERT_TRUE(received.hasMatch()) << "the time received is a date cell";
    EXPECT_GT(received.captured(2).toDouble(), 46000.0) << "a serial date of 2025 or later";
    EXPECT_FALSE(zipMember(xlsx, QStringLiteral("xl/worksheets/sheet2.xml")).isEmpty());

    exec(QStringLiteral("UPDATE operators SET display_name = '' WHERE name = 'agent'"));
    const Report named = build(ReportKind::Requests, year(), "auditor");
    EXPECT_EQ(rowWithId(named.tables.first(), erasure).value(column(requests, "identity_checked_by")),
              QStringLiteral("agent"))
        << "an operator without a display name by its sign-in name";

    const QString pdf = pdfText(written(report, ReportFormat::Pdf));
    EXPECT_TRUE(pdf.contains(QLatin1String("Register of data-subject requests")));
    EXPECT_TRUE(pdf.contains(QLatin1String("Completed on time")));
    EXPECT_TRUE(pdf.contains(QStringLiteral("S-%1 (erased)").arg(erased.subject)));
}

TEST_P(RegisterReportsTest, AnActOfDestructionNamesTheSubjectOnlyByReferenceAndIsKeptToBePrintedAgain)
{
    const Target target = activeSubject(2);
    const QString name =
        scalar(QStringLiteral("SELECT display_name FROM subjects WHERE id = ?"), {target.subject}).toString();
    const QString phone =
        scalar(QStringLiteral("SELECT phone FROM subjects WHERE id = ?"), {target.subject}).toString();
    ErasureService::Irreversible order;
    order.subjectIds = {target.subject};
    order.reason = QStringLiteral("the subject asked by telephone");
    ASSERT_TRUE(ErasureService::erase(db(), as("officer"), order).ok());

    ReportParameters one;
    one.subjectId = target.subject;
    EXPECT_EQ(Reports::build(db(), as("auditor"), ReportKind::Destruction, one).error().code,
              ErrorCode::PermissionDenied)
        << "an auditor changes nothing: drawing up an act is for officers";
    const Report act = build(ReportKind::Destruction, one);
    const qint64 number =
        act.jsonExtra.value(QStringLiteral("act")).toObject().value(QStringLiteral("number")).toInteger();
    ASSERT_GT(number, 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM destruction_acts")).toLongLong(), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT keep_until > drawn_at FROM destruction_acts")).toBool(), true);
    EXPECT_EQ(act.count, 1);
    const ReportTable &destroyed = act.tables.first();
    EXPECT_EQ(destroyed.rows.first().value(column(destroyed, "subject")), QStringLiteral("S-%1").arg(target.subject));
    EXPECT_TRUE(destroyed.rows.first().value(column(destroyed, "method")).contains(QLatin1String("secure delete")));
    EXPECT_EQ(destroyed.rows.first().value(column(destroyed, "reason")), order.reason);
    EXPECT_TRUE(destroyed.rows.first().value(column(destroyed, "categories")).contains(QLatin1String("account")));
    const ReportTable &events = act.tables.at(1);
    ASSERT_FALSE(events.rows.isEmpty());
    EXPECT_EQ(events.rows.first().value(column(events, "action")), QStringLiteral("subject.delete"));

    const QString pdf = pdfText(written(act, ReportFormat::Pdf));
    EXPECT_TRUE(pdf.contains(QStringLiteral("Act No. %1").arg(number)));
    EXPECT_TRUE(pdf.contains(QStringLiteral("S-%1").arg(target.subject)));
    EXPECT_TRUE(pdf.contains(QLatin1String("Privacy officer")));
    EXPECT_TRUE(pdf.contains(QLatin1String("Extract from the event log")));
    for (const QByteArray &file :
         {written(act, ReportFormat::Pdf), written(act, ReportFormat::Json), written(act, ReportFormat::Csv)}) {
        const QString text = file.startsWith("%PDF") ? pdfText(file) : QString::fromUtf8(file);
        EXPECT_FALSE(text.contains(target.email));
        EXPECT_FALSE(text.contains(name));
        if (!phone.isEmpty()) {
            EXPECT_FALSE(text.contains(phone));
        }
    }

    ReportParameters again;
    again.act = number;
    const Report reprint = build(ReportKind::Destruction, again, "auditor");
    EXPECT_EQ(reprint.tables.first().rows, destroyed.rows) << "printed again, it lists what it listed";
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM destruction_acts")).toLongLong(), 1);

    ReportParameters nothing;
    nothing.subjectId = 999999;
    EXPECT_EQ(Reports::build(db(), as("officer"), ReportKind::Destruction, nothing).error().code, ErrorCode::NotFound);
    ReportParameters both = one;
    both.requestId = 1;
    EXPECT_EQ(Reports::build(db(), as("officer"), ReportKind::Destruction, both).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM destruction_acts")).toLongLong(), 1);
}

TEST_P(RegisterReportsTest, TheDisclosureLogListsThePeriodAndMarksBlockedSubjects)
{
    const Target target = activeSubject(3);
    exec(QStringLiteral("INSERT INTO disclosures (subject_id, recipient, recipient_country, data_categories, "
                        "legal_basis, disclosed_at) VALUES (?, 'Belpost', 'BY', 'contact', '99-Z art. 6(3)', "
                        "'2026-06-01T10:00:00Z'), (?, 'Old courier', 'BY', 'contact', 'contract', "
                        "'2024-06-01T10:00:00Z')"),
         {target.subject, target.subject});
    exec(QStringLiteral("UPDATE subjects SET state = 'blocked' WHERE id = ?"), {target.subject});
    const Report report = build(ReportKind::Disclosures, year(), "auditor");
    const ReportTable &table = report.tables.first();
    QStringList recipients;
    for (const QStringList &row : table.rows) {
        recipients << row.value(column(table, "recipient"));
    }
    EXPECT_TRUE(recipients.contains(QStringLiteral("Belpost")));
    EXPECT_FALSE(recipients.contains(QStringLiteral("Old courier"))) << "outside the period";
    const qsizetype row = recipients.indexOf(QStringLiteral("Belpost"));
    EXPECT_TRUE(table.rows.at(row).value(column(table, "subject_name")).endsWith(QLatin1String("(blocked)")));
    EXPECT_TRUE(table.bold.at(row).contains(column(table, "subject_name")));
    EXPECT_TRUE(pdfText(written(report, ReportFormat::Pdf)).contains(QLatin1String("Belpost")));
}

TEST_P(RegisterReportsTest, StatisticsCountWhatTheRegisterHolds)
{
    const auto figure = [&](const Report &report, const QString &key, const QString &group) {
        for (const QStringList &row : report.tables.first().rows) {
            if (row.value(0) == key && row.value(1) == group) {
                return row.value(3).toLongLong();
            }
        }
        return qint64(0);
    };
    const Report before = build(ReportKind::Statistics, year(), "auditor");
    requestAbout(activeSubject(4), RequestType::Complaint, QString());
    const Report after = build(ReportKind::Statistics, year(), "auditor");
    EXPECT_EQ(figure(after, QStringLiteral("requests_by_type"), QStringLiteral("complaint")),
              figure(before, QStringLiteral("requests_by_type"), QStringLiteral("complaint")) + 1);
    EXPECT_EQ(figure(after, QStringLiteral("subjects_by_category"), QStringLiteral("account")),
              scalar(QStringLiteral("SELECT COUNT(DISTINCT subject_id) FROM pd_items WHERE category = 'account' AND "
                                    "state <> 'anonymized'"))
                  .toLongLong());
    ErasureService::Irreversible order;
    order.subjectIds = {activeSubject(5).subject};
    order.reason = QStringLiteral("statistics test");
    ASSERT_TRUE(ErasureService::erase(db(), as("officer"), order).ok());
    const QString month = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM"));
    ReportParameters now;
    now.from = QDate::currentDate().addDays(-1);
    now.to = QDate::currentDate().addDays(1);
    EXPECT_GE(figure(build(ReportKind::Statistics, now, "auditor"), QStringLiteral("erasures_by_month"), month), 1);
    const QJsonObject json = QJsonDocument::fromJson(written(after, ReportFormat::Json)).object();
    EXPECT_TRUE(json.value(QStringLiteral("requests_by_type")).isObject());
}

TEST_P(RegisterReportsTest, ASubjectGetsAllItsDataAndAnAgentOnlyForItsOwnRequest)
{
    const Target target = activeSubject(6);
    ReportParameters bySubject;
    bySubject.subjectId = target.subject;
    const Report report = build(ReportKind::SubjectAccess, bySubject);
    EXPECT_GT(report.count, 0);
    const QString pdf = pdfText(written(report, ReportFormat::Pdf));
    EXPECT_TRUE(pdf.contains(target.email));
    EXPECT_TRUE(pdf.contains(QLatin1String("Your rights and how to exercise them")));
    const QJsonObject json = QJsonDocument::fromJson(written(report, ReportFormat::Json)).object();
    for (const char *key :
         {"id", "name", "email", "state", "controller", "items", "consents", "disclosures", "requests"}) {
        EXPECT_TRUE(json.contains(QLatin1String(key))) << key << ": the schema of docs/subject-export.md";
    }
    EXPECT_EQ(json.value(QStringLiteral("id")).toInteger(), target.subject);
    const QList<QStringList> csv = csvRows(written(report, ReportFormat::Csv));
    bool emailRow = false;
    for (const QStringList &row : csv) {
        emailRow = emailRow ||
                   (row.value(1) == VocabularyNames::field(QStringLiteral("email")) && row.value(2) == target.email);
    }
    EXPECT_TRUE(emailRow);

    EXPECT_EQ(Reports::build(db(), as("agent"), ReportKind::SubjectAccess, bySubject).error().code,
              ErrorCode::PermissionDenied);
    const qint64 request = requestAbout(target, RequestType::Access, QString());
    ReportParameters byRequest;
    byRequest.requestId = request;
    exec(QStringLiteral("UPDATE requests SET assignee_id = ? WHERE id = ?"), {as("officer").operatorId, request});
    EXPECT_EQ(Reports::build(db(), as("agent"), ReportKind::SubjectAccess, byRequest).error().code,
              ErrorCode::PermissionDenied)
        << "not assigned to the agent";
    exec(QStringLiteral("UPDATE requests SET assignee_id = ? WHERE id = ?"), {as("agent").operatorId, request});
    const Report answer = build(ReportKind::SubjectAccess, byRequest, "agent");
    Result<qint64> attached = Reports::answerRequest(db(), as("agent"), request, answer);
    ASSERT_TRUE(attached.ok()) << attached.error().message.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM request_documents WHERE request_id = ? AND kind = "
                                    "'subject-data'"),
                     {request})
                  .toLongLong(),
              3);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM request_events WHERE request_id = ? AND kind = 'executed'"),
                     {request})
                  .toLongLong(),
              1)
        << "attaching the data carries the request out";
}

TEST_P(RegisterReportsTest, EveryExportIsAuditedWithoutItsContent)
{
    const Target target = activeSubject(7);
    ReportParameters parameters;
    parameters.subjectId = target.subject;
    const Report report = build(ReportKind::SubjectAccess, parameters);
    ASSERT_TRUE(Reports::recordExport(db(), as("officer"), report, ReportFormat::Pdf, parameters).ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export' AND object_id = "
                                    "'subject-access' AND subject_id = ? AND details LIKE 'format=pdf%'"),
                     {target.subject})
                  .toLongLong(),
              1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE details LIKE ? OR reason LIKE ?"),
                     {QVariant(QStringLiteral("%") + target.email + QLatin1Char('%')),
                      QVariant(QStringLiteral("%") + target.email + QLatin1Char('%'))})
                  .toLongLong(),
              0);
    EXPECT_EQ(Reports::build(db(), as("admin"), ReportKind::Requests, year()).error().code,
              ErrorCode::PermissionDenied);
    EXPECT_TRUE(Reports::build(db(), as("admin"), ReportKind::Audit, year()).ok());
    ReportParameters backwards = year();
    std::swap(backwards.from, backwards.to);
    EXPECT_EQ(Reports::build(db(), as("auditor"), ReportKind::Requests, backwards).error().code,
              ErrorCode::InvalidArgument);
}

TEST_P(RegisterReportsTest, TheRecordOfProcessingListsEachInformationSystemAsDecree422Asks)
{
    const Report ropa = build(ReportKind::Ropa, {}, "auditor");
    ASSERT_EQ(ropa.tables.size(), 2);
    const ReportTable &systems = ropa.tables.at(1);
    EXPECT_EQ(systems.key, QStringLiteral("information_systems"));
    ASSERT_FALSE(systems.rows.isEmpty());
    const QString first = scalar(QStringLiteral("SELECT s.name FROM information_systems s JOIN purposes p ON "
                                                "p.system_id = s.id JOIN controllers c ON c.id = p.controller_id "
                                                "WHERE c.kind = 'own' ORDER BY s.id LIMIT 1"))
                              .toString();
    QStringList names;
    for (const QStringList &row : systems.rows) {
        names << row.first();
        EXPECT_FALSE(row.value(column(systems, "retention")).isEmpty()) << row.first().toStdString();
    }
    EXPECT_TRUE(names.contains(first));
    const QString pdf = pdfText(written(ropa, ReportFormat::Pdf));
    EXPECT_TRUE(pdf.contains(QLatin1String("Decree 422"))) << "the systems section of the PDF";
    EXPECT_TRUE(pdf.contains(first));
    const QString sheet2 = zipMember(written(ropa, ReportFormat::Xlsx), QStringLiteral("xl/worksheets/sheet2.xml"));
    EXPECT_FALSE(sheet2.isEmpty()) << "the systems as a sheet of their own";
}

TEST_P(RegisterReportsTest, TheSubjectsDataGoesOutInTheLanguageOfTheRequest)
{
    ReportLanguage::install(QStringLiteral("privacydesk"), QStringLiteral(PRIVACYDESK_QM_DIR));
    const Target target = activeSubject(8);
    const qint64 request = requestAbout(target, RequestType::Access, QString());
    exec(QStringLiteral("UPDATE requests SET language = 'ru' WHERE id = ?"), {request});
    ReportParameters parameters;
    parameters.requestId = request;
    const Report russian = build(ReportKind::SubjectAccess, parameters);
    EXPECT_EQ(russian.language, QStringLiteral("ru"));
    const QString english = QStringLiteral("Your personal data held by us");
    EXPECT_NE(russian.document.title, english);
    EXPECT_TRUE(russian.document.title.contains(QRegularExpression(QStringLiteral("[\\x{0400}-\\x{04FF}]"))))
        << russian.document.title.toStdString();
    const QString pdf = pdfText(written(russian, ReportFormat::Pdf));
    EXPECT_TRUE(pdf.contains(russian.document.title.left(12))) << "the pages are written in it too";
    EXPECT_FALSE(pdf.contains(QLatin1String("Page 1 of"))) << "the frame of the pages as well";
    EXPECT_EQ(QCoreApplication::translate("pd::SubjectAccess", "Your personal data held by us"), english)
        << "the rest of the program keeps its language";

    ReportParameters bySubject;
    bySubject.subjectId = target.subject;
    EXPECT_EQ(build(ReportKind::SubjectAccess, bySubject).document.title, english)
        << "without a request, the window's language";
}

TEST_P(RegisterReportsTest, EveryReportsJsonHoldsItsTablesWithTheirKeysAndTypes)
{
    const Target target = activeSubject(9);
    ErasureService::Irreversible order;
    order.subjectIds = {target.subject};
    order.reason = QStringLiteral("json schema test");
    ASSERT_TRUE(ErasureService::erase(db(), as("officer"), order).ok());
    for (ReportKind kind : Reports::all()) {
        ReportParameters parameters = Reports::needs(kind).period ? year() : ReportParameters();
        if (kind == ReportKind::SubjectAccess) {
            parameters.subjectId = activeSubject(10).subject;
        } else if (kind == ReportKind::Destruction) {
            parameters.subjectId = target.subject;
        }
        const Report report = build(kind, parameters);
        const QJsonObject json = QJsonDocument::fromJson(written(report, ReportFormat::Json)).object();
        ASSERT_FALSE(json.isEmpty()) << Reports::name(kind).toStdString();
        if (kind == ReportKind::SubjectAccess) {
            EXPECT_TRUE(json.value(QStringLiteral("items")).isArray()) << "docs/subject-export.md";
            continue;
        }
        EXPECT_EQ(json.value(QStringLiteral("report")).toString(), Reports::name(kind));
        EXPECT_TRUE(json.value(QStringLiteral("generated_at")).isString());
        for (const ReportTable &table : report.tables) {
            const QJsonArray rows = json.value(table.key).toArray();
            ASSERT_EQ(rows.size(), table.rows.size()) << table.key.toStdString();
            for (const QJsonValue &value : rows) {
                const QJsonObject row = value.toObject();
                EXPECT_EQ(row.size(), table.columns.size()) << table.key.toStdString();
                for (const ReportColumn &column : table.columns) {
                    const QJsonValue cell = row.value(column.key);
                    ASSERT_FALSE(cell.isUndefined()) << table.key.toStdString() << "." << column.key.toStdString();
                    if (column.type == ReportColumn::Type::Number) {
                        EXPECT_TRUE(cell.isDouble() || cell.isNull()) << column.key.toStdString();
                    } else {
                        EXPECT_TRUE(cell.isString() || cell.isNull()) << column.key.toStdString();
                    }
                }
            }
        }
    }
}

TEST_P(RegisterReportsTest, AnActCoversWhatTheRetentionSweepOfADayDestroyed)
{
    const QDate day(2026, 11, 30);
    exec(QStringLiteral("INSERT INTO deletion_log (subject_ref, deleted_at, categories, systems, method, reason, "
                        "operator_name) VALUES ('S-900001', '2026-11-30T02:00:00Z', 'technical', 'Customer platform', "
                        "'deletion of items from the database (secure delete)', ?, 'officer'), ('S-900002', "
                        "'2026-11-30T02:00:00Z', 'account', '', 'deletion from the database (secure delete)', "
                        "'asked by letter', 'officer')"),
         {RetentionRun::sweepReason(day)});
    ReportParameters sweep;
    sweep.retentionSweep = day;
    const Report act = build(ReportKind::Destruction, sweep);
    ASSERT_EQ(act.tables.first().rows.size(), 1) << "only what the sweep destroyed";
    EXPECT_EQ(act.tables.first().rows.first().value(2), QStringLiteral("S-900001"));
    ReportParameters period;
    period.from = day;
    period.to = day;
    EXPECT_EQ(build(ReportKind::Destruction, period).tables.first().rows.size(), 2) << "everything of the day";
}

TEST_P(RegisterReportsTest, AWorkbookOpensInLibreOfficeWhereItIsInstalled)
{
    const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    if (soffice.isEmpty()) {
        GTEST_SKIP() << "LibreOffice is not installed (apt install libreoffice-calc-nogui)";
    }
    const Report report = build(ReportKind::Requests, year(), "auditor");
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("requests.xlsx")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(written(report, ReportFormat::Xlsx));
    file.close();
    QProcess process;
    process.setWorkingDirectory(dir.path());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), dir.path()); // its profile, not the user's
    process.setProcessEnvironment(environment);
    process.start(soffice, {QStringLiteral("--headless"), QStringLiteral("--convert-to"), QStringLiteral("csv"),
                            QStringLiteral("--outdir"), dir.path(), file.fileName()});
    ASSERT_TRUE(process.waitForFinished(120000));
    QFile csv(dir.filePath(QStringLiteral("requests.csv")));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly)) << process.readAllStandardError().toStdString();
    const QList<QStringList> rows = csvRows(csv.readAll());
    ASSERT_EQ(rows.size(), report.tables.first().rows.size() + 1);
    EXPECT_EQ(rows.first(), report.tables.first().titles());
    EXPECT_EQ(rows.at(1).first(), report.tables.first().rows.first().first()) << "the number reads back";
}

PD_INSTANTIATE_FOR_BACKENDS(RegisterReportsTest);
