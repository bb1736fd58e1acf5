// The life of a data-subject request on both backends: intake, identity check, clock, execution, answer.
#include "ServiceFixture.h"

#include "app/access/Settings.h"
#include "app/approvals/ApprovalService.h"
#include "app/requests/CalendarService.h"
#include "app/requests/RequestClosing.h"
#include "app/requests/RequestExecution.h"
#include "app/requests/RequestRegister.h"
#include "app/requests/RequestService.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"
#include "app/subjects/ErasureService.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace pd;
using namespace pd::test;

namespace {

const QByteArray kPdf = QByteArrayLiteral("%PDF-1.4\n% a reply letter\n%%EOF\n");

} // namespace

class RequestServiceTest : public ServiceFixture
{
protected:
    RequestIntake intake(qint64 subject, RequestType type, Regime regime, const QDate &received = QDate())
    {
        RequestIntake in;
        in.type = type;
        in.regime = regime;
        in.received = received;
        in.subjectId = subject;
        in.whatAsked = QStringLiteral("Please act on my data");
        return in;
    }

    qint64 add(const RequestIntake &in, const char *who = "agent")
    {
        Result<qint64> id = RequestService::add(db(), as(who), in);
        EXPECT_TRUE(id.ok()) << id.error().message.toStdString();
        return id.ok() ? id.value() : 0;
    }

    int version(qint64 request)
    {
        return scalar(QStringLiteral("SELECT version FROM requests WHERE id = ?"), {request}).toInt();
    }
    QString status(qint64 request)
    {
        return scalar(QStringLiteral("SELECT status FROM requests WHERE id = ?"), {request}).toString();
    }
    QString column(qint64 request, const char *name)
    {
        return scalar(QStringLiteral("SELECT %1 FROM requests WHERE id = ?").arg(QLatin1String(name)), {request})
            .toString();
    }
    int auditCount(const char *action, qint64 request)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND request_id = ?"),
                      {QLatin1String(action), request})
            .toInt();
    }

    /// A request of `type` about `subject`, identity confirmed: in progress.
    qint64 inProgress(qint64 subject, RequestType type, Regime regime = Regime::Gdpr)
    {
        const qint64 id = add(intake(subject, type, regime));
        Status checked = RequestService::checkIdentity(db(), as("agent"), id, version(id),
                                                       {QStringLiteral("ID card shown at the office"), true, {}});
        EXPECT_TRUE(checked.ok()) << checked.error().message.toStdString();
        return id;
    }
};

TEST_P(RequestServiceTest, ControlCharactersAndHugeValuesAreRefusedAndNothingIsStored)
{
    const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toLongLong();
    const Target target = activeSubject();
    RequestIntake escape = intake(target.subject, RequestType::Access, Regime::Gdpr);
    escape.requesterName = QStringLiteral("Anna \x1b]0;owned\x07Petrova");
    const Result<qint64> refused = RequestService::add(db(), as("agent"), escape);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().message,
              QStringLiteral("field 'requester name': contains a control character (code 27)"));
    RequestIntake huge = intake(target.subject, RequestType::Access, Regime::Gdpr);
    huge.requesterName = QString(50 * 1024 * 1024, QLatin1Char('A'));
    EXPECT_FALSE(RequestService::add(db(), as("agent"), huge).ok());
    RequestIntake nul = intake(target.subject, RequestType::Access, Regime::Gdpr);
    nul.requesterEmail = QStringLiteral("anna") + QChar(0) + QStringLiteral("@example.org");
    EXPECT_FALSE(RequestService::add(db(), as("agent"), nul).ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toLongLong(), before);
    // Free text keeps its line breaks.
    RequestIntake lines = intake(target.subject, RequestType::Access, Regime::Gdpr);
    lines.whatAsked = QStringLiteral("Please send me:\n\t- my data\n\t- its sources");
    EXPECT_GT(add(lines), 0);
}

TEST_P(RequestServiceTest, IntakeComputesTheDueDateAndRecordsTheRequest)
{
    const Target target = activeSubject();
    // GDPR: a month from 31 January is 28 February 2026, a Saturday, so the answer is due on Monday 2 March.
    const qint64 id = add(intake(target.subject, RequestType::Erasure, Regime::Gdpr, QDate(2026, 1, 31)));
    ASSERT_GT(id, 0);
    Result<RequestRecord> record = RequestRegister::get(db(), as("agent"), id);
    ASSERT_TRUE(record.ok()) << record.error().message.toStdString();
    EXPECT_EQ(record->status, RequestStatus::New);
    EXPECT_EQ(record->due, QDate(2026, 3, 2));
    EXPECT_EQ(record->received, QDate(2026, 1, 31));
    EXPECT_EQ(record->subjectId, target.subject);
    EXPECT_FALSE(record->requesterName.isEmpty()) << "the subject's name is taken when the form names nobody else";
    EXPECT_EQ(record->requesterEmail, target.email);
    EXPECT_FALSE(record->duplicateOf.has_value());
    EXPECT_EQ(auditCount("request.add", id), 1);
    Result<QList<RequestEvent>> events = RequestRegister::events(db(), as("agent"), id);
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 1);
    EXPECT_EQ(events->first().kind, QStringLiteral("received"));
    EXPECT_EQ(events->first().operatorName, QStringLiteral("agent"));
}

TEST_P(RequestServiceTest, ASecondOpenRequestOfTheSameKindIsFlaggedAsDuplicate)
{
    const Target target = activeSubject();
    const qint64 first = add(intake(target.subject, RequestType::Access, Regime::By99z));
    const qint64 second = add(intake(target.subject, RequestType::Access, Regime::By99z));
    const qint64 other = add(intake(target.subject, RequestType::Rectification, Regime::By99z));
    EXPECT_EQ(scalar(QStringLiteral("SELECT duplicate_of FROM requests WHERE id = ?"), {second}).toLongLong(), first);
    EXPECT_TRUE(scalar(QStringLiteral("SELECT duplicate_of FROM requests WHERE id = ?"), {other}).isNull());
    // Once the first is closed, a new one is no duplicate.
    ASSERT_TRUE(RequestClosing::withdraw(db(), as("agent"), first, -1, {}).ok());
    ASSERT_TRUE(RequestClosing::withdraw(db(), as("agent"), second, -1, {}).ok());
    const qint64 third = add(intake(target.subject, RequestType::Access, Regime::By99z));
    EXPECT_TRUE(scalar(QStringLiteral("SELECT duplicate_of FROM requests WHERE id = ?"), {third}).isNull());
}

TEST_P(RequestServiceTest, BadIntakeIsRefusedNamingTheFieldAndStoresNothing)
{
    const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toLongLong();
    RequestIntake noName = intake(0, RequestType::Access, Regime::Gdpr);
    noName.subjectId.reset();
    Result<qint64> refused = RequestService::add(db(), as("agent"), noName);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(refused.error().message.startsWith(QStringLiteral("requester name")))
        << refused.error().message.toStdString();

    RequestIntake representative = intake(activeSubject().subject, RequestType::Access, Regime::Gdpr);
    representative.representativeName = QStringLiteral("Advocate Ivanova");
    refused = RequestService::add(db(), as("agent"), representative);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("representative's document")));

    RequestIntake future =
        intake(activeSubject().subject, RequestType::Access, Regime::Gdpr, QDate::currentDate().addDays(2));
    refused = RequestService::add(db(), as("agent"), future);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.startsWith(QStringLiteral("received")));

    Result<qint64> auditor =
        RequestService::add(db(), as("auditor"), intake(activeSubject().subject, RequestType::Access, Regime::Gdpr));
    ASSERT_FALSE(auditor.ok());
    EXPECT_EQ(auditor.error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toLongLong(), before);
}

TEST_P(RequestServiceTest, IntakeCanRegisterTheRequesterAsANewSubject)
{
    RequestIntake in;
    in.type = RequestType::Access;
    in.regime = Regime::By99z;
    in.createSubject = true;
    in.requesterName = QStringLiteral("Ганна Ліцкевіч");
    in.requesterEmail = QStringLiteral("hanna@example.by");
    in.requesterAddress = QStringLiteral("Minsk, Nezavisimosti 1");
    in.whatAsked = QStringLiteral("What do you hold about me?");
    in.representativeName = QStringLiteral("Piotr Advocate");
    in.representativeDocument = QStringLiteral("Power of attorney 12/2026 of 2026-11-01");
    const qint64 id = add(in);
    ASSERT_GT(id, 0);
    const qint64 subject = scalar(QStringLiteral("SELECT subject_id FROM requests WHERE id = ?"), {id}).toLongLong();
    ASSERT_GT(subject, 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT display_name FROM subjects WHERE id = ?"), {subject}).toString(),
              in.requesterName);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE subject_id = ?"), {subject}).toInt(), 2);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.create' AND subject_id = ?"),
               {subject})
            .toInt(),
        1);
    EXPECT_EQ(column(id, "representative_authority"), in.representativeDocument);
    // Found by any word of the requester's name, whatever the case.
    RequestFilter filter;
    filter.text = QStringLiteral("ЛІЦКЕВІЧ");
    Result<QList<RequestRecord>> found =
        RequestRegister::page(db(), as("agent"), filter, RequestRegister::Sort::Due, 0, 10);
    ASSERT_TRUE(found.ok()) << found.error().message.toStdString();
    ASSERT_EQ(found->size(), 1);
    EXPECT_EQ(found->first().id, id);
}

TEST_P(RequestServiceTest, IdentityCheckIsAStepWithMethodResultWhoAndWhen)
{
    const qint64 id = add(intake(activeSubject().subject, RequestType::Access, Regime::By99z));
    Status failed = RequestService::checkIdentity(
        db(), as("agent"), id, version(id),
        {QStringLiteral("call-back to the phone on file"), false, QStringLiteral("nobody answered")});
    ASSERT_TRUE(failed.ok()) << failed.error().message.toStdString();
    EXPECT_EQ(status(id), QStringLiteral("identity-pending"));
    EXPECT_EQ(column(id, "identity_result"), QStringLiteral("failed"));

    Status stale = RequestService::checkIdentity(db(), as("agent"), id, version(id) - 1,
                                                 {QStringLiteral("passport shown"), true, {}});
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().code, ErrorCode::Conflict);

    Status confirmed = RequestService::checkIdentity(db(), as("agent"), id, version(id),
                                                     {QStringLiteral("passport shown at the office"), true, {}});
    ASSERT_TRUE(confirmed.ok()) << confirmed.error().message.toStdString();
    EXPECT_EQ(status(id), QStringLiteral("in-progress"));
    EXPECT_EQ(column(id, "identity_method"), QStringLiteral("passport shown at the office"));
    EXPECT_EQ(column(id, "identity_result"), QStringLiteral("confirmed"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT o.name FROM requests r JOIN operators o ON o.id = r.identity_checked_by "
                                    "WHERE r.id = ?"),
                     {id})
                  .toString(),
              QStringLiteral("agent"));
    EXPECT_FALSE(column(id, "identity_checked_at").isEmpty());
    EXPECT_EQ(auditCount("request.identity", id), 2);
}

TEST_P(RequestServiceTest, TheClockStandsWhileWaitingOnlyWhereTheLawAllows)
{
    const qint64 subject = activeSubject().subject;
    // GDPR pauses: 10 days waiting move 1 October 2026 to 11 October, a Sunday, so Monday 12 October.
    const qint64 gdpr = add(intake(subject, RequestType::Access, Regime::Gdpr, QDate(2026, 9, 1)));
    EXPECT_EQ(column(gdpr, "due_date"), QStringLiteral("2026-10-01"));
    ASSERT_TRUE(RequestService::askRequester(db(), as("agent"), gdpr, version(gdpr),
                                             QStringLiteral("a copy of the power of attorney"), QDate(2026, 9, 5))
                    .ok());
    EXPECT_EQ(status(gdpr), QStringLiteral("identity-pending"));
    EXPECT_EQ(column(gdpr, "paused_since"), QStringLiteral("2026-09-05"));
    Status resumed = RequestService::resume(db(), as("agent"), gdpr, version(gdpr), QDate(2026, 9, 15));
    ASSERT_TRUE(resumed.ok()) << resumed.error().message.toStdString();
    EXPECT_EQ(column(gdpr, "due_date"), QStringLiteral("2026-10-12"));
    EXPECT_EQ(column(gdpr, "paused_days"), QStringLiteral("10"));
    EXPECT_TRUE(scalar(QStringLiteral("SELECT paused_since FROM requests WHERE id = ?"), {gdpr}).isNull());

    // CCPA does not stop the clock.
    const qint64 ccpa = add(intake(subject, RequestType::Erasure, Regime::Ccpa, QDate(2026, 9, 1)));
    const QString due = column(ccpa, "due_date");
    ASSERT_TRUE(RequestService::askRequester(db(), as("agent"), ccpa, version(ccpa), QStringLiteral("identity proof"),
                                             QDate(2026, 9, 5))
                    .ok());
    EXPECT_TRUE(scalar(QStringLiteral("SELECT paused_since FROM requests WHERE id = ?"), {ccpa}).isNull());
    EXPECT_EQ(column(ccpa, "due_date"), due);
    EXPECT_FALSE(RequestService::resume(db(), as("agent"), ccpa, version(ccpa), QDate(2026, 9, 15)).ok());
}

TEST_P(RequestServiceTest, ExtensionNeedsAReasonTheNoticeAndALawThatAllowsIt)
{
    const qint64 subject = activeSubject().subject;
    // GDPR: due 2 March 2026 (see above); two more months from 28 February end on 28 April, a Tuesday.
    const qint64 gdpr = add(intake(subject, RequestType::Portability, Regime::Gdpr, QDate(2026, 1, 31)));
    Status noReason = RequestService::extend(db(), as("agent"), gdpr, version(gdpr), QString(), QDate(2026, 2, 10));
    ASSERT_FALSE(noReason.ok());
    EXPECT_TRUE(noReason.error().message.startsWith(QStringLiteral("reason")));
    Status extended = RequestService::extend(db(), as("agent"), gdpr, version(gdpr),
                                             QStringLiteral("complex request: data in 4 systems"), QDate(2026, 2, 10));
    ASSERT_TRUE(extended.ok()) << extended.error().message.toStdString();
    Result<RequestRecord> record = RequestRegister::get(db(), as("agent"), gdpr);
    ASSERT_TRUE(record.ok());
    EXPECT_EQ(record->due, QDate(2026, 3, 2));
    EXPECT_EQ(record->extendedDue, QDate(2026, 4, 28)) << record->extendedDue.toString(Qt::ISODate).toStdString();
    EXPECT_EQ(record->effectiveDue(), record->extendedDue);
    EXPECT_EQ(record->extensionNotified, QDate(2026, 2, 10));
    EXPECT_FALSE(
        RequestService::extend(db(), as("agent"), gdpr, version(gdpr), QStringLiteral("again"), QDate(2026, 2, 11))
            .ok());

    // Belarus 99-Z allows no extension.
    const qint64 by = add(intake(subject, RequestType::Erasure, Regime::By99z, QDate(2026, 11, 2)));
    Status refused =
        RequestService::extend(db(), as("agent"), by, version(by), QStringLiteral("busy"), QDate(2026, 11, 3));
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("99-Z")));
    EXPECT_TRUE(scalar(QStringLiteral("SELECT extended_due_date FROM requests WHERE id = ?"), {by}).isNull());
}

TEST_P(RequestServiceTest, AnEditedHolidayMovesTheDueDateOfNewRequests)
{
    const qint64 subject = activeSubject().subject;
    // 99-Z erasure: 15 calendar days from Tuesday 10 March 2026 end on Wednesday 25 March.
    const qint64 before = add(intake(subject, RequestType::Erasure, Regime::By99z, QDate(2026, 3, 10)));
    EXPECT_EQ(column(before, "due_date"), QStringLiteral("2026-03-25"));
    ASSERT_FALSE(CalendarService::setDay(db(), as("agent"), {QStringLiteral("BY"), QDate(2026, 3, 25), true, {}}).ok());
    Status set = CalendarService::setDay(
        db(), as("officer"), {QStringLiteral("BY"), QDate(2026, 3, 25), true, QStringLiteral("declared day off")});
    ASSERT_TRUE(set.ok()) << set.error().message.toStdString();
    const qint64 after = add(intake(subject, RequestType::Rectification, Regime::By99z, QDate(2026, 3, 10)));
    EXPECT_EQ(column(after, "due_date"), QStringLiteral("2026-03-26"));
    EXPECT_EQ(column(before, "due_date"), QStringLiteral("2026-03-25")) << "registered requests keep their date";
    ASSERT_TRUE(CalendarService::removeDay(db(), as("officer"), QStringLiteral("BY"), QDate(2026, 3, 25)).ok());
    const qint64 again = add(intake(subject, RequestType::Objection, Regime::By99z, QDate(2026, 3, 10)));
    EXPECT_EQ(column(again, "due_date"), QStringLiteral("2026-03-25"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'calendar.%'")).toInt(), 2);
}

TEST_P(RequestServiceTest, ErasureRunsFromTheRequestLinkedInTheAuditTrail)
{
    const Target target = activeSubject();
    const qint64 early = add(intake(target.subject, RequestType::Erasure, Regime::Gdpr));
    RequestExecution::Operation erase;
    erase.kind = RequestExecution::Operation::Kind::Delete;
    Result<RequestExecution::Outcome> tooEarly =
        RequestExecution::execute(db(), as("officer"), early, version(early), erase);
    ASSERT_FALSE(tooEarly.ok()) << "nothing is erased before the identity is confirmed";
    ASSERT_TRUE(RequestClosing::withdraw(db(), as("agent"), early, -1, {}).ok());

    const qint64 id = inProgress(target.subject, RequestType::Erasure);
    // An agent may not delete: the request and the subject stay as they were.
    Result<RequestExecution::Outcome> agent = RequestExecution::execute(db(), as("agent"), id, version(id), erase);
    ASSERT_FALSE(agent.ok());
    EXPECT_EQ(agent.error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE id = ?"), {target.subject}).toInt(), 1);
    EXPECT_EQ(auditCount("request.execute", id), 0);

    RequestExecution::Operation block;
    block.kind = RequestExecution::Operation::Kind::Block;
    EXPECT_FALSE(RequestExecution::execute(db(), as("officer"), id, version(id), block).ok())
        << "an erasure request does not run a block";

    Result<RequestExecution::Outcome> done = RequestExecution::execute(db(), as("officer"), id, version(id), erase);
    ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
    EXPECT_EQ(done->pendingApproval, 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE id = ?"), {target.subject}).toInt(), 0);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.delete' AND request_id = ?"),
               {id})
            .toInt(),
        1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM deletion_log WHERE request_id = ?"), {id}).toInt(), 1);
    EXPECT_EQ(auditCount("request.execute", id), 1);
    EXPECT_EQ(status(id), QStringLiteral("in-progress"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE id = ?"), {id}).toInt(), 1)
        << "the request outlives the subject's data";
}

TEST_P(RequestServiceTest, ErasureUnderTheFourEyesRuleWaitsForApproval)
{
    ASSERT_TRUE(Settings::setValue(db(), as("admin"), Settings::Key::FourEyesAllDeletions, 1).ok());
    const Target target = activeSubject();
    const qint64 id = inProgress(target.subject, RequestType::Erasure);
    RequestExecution::Operation erase;
    erase.kind = RequestExecution::Operation::Kind::Delete;
    Result<RequestExecution::Outcome> sent = RequestExecution::execute(db(), as("officer"), id, version(id), erase);
    ASSERT_TRUE(sent.ok()) << sent.error().message.toStdString();
    ASSERT_GT(sent->pendingApproval, 0);
    EXPECT_EQ(status(id), QStringLiteral("awaiting-approval"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE id = ?"), {target.subject}).toInt(), 1);
    Status approved = ApprovalService::approve(db(), as("officer2"), sent->pendingApproval);
    ASSERT_TRUE(approved.ok()) << approved.error().message.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE id = ?"), {target.subject}).toInt(), 0);
    EXPECT_EQ(status(id), QStringLiteral("in-progress"));
}

TEST_P(RequestServiceTest, RestrictionRectificationAndConsentWithdrawalRunTheirOperations)
{
    const Target blocked = activeSubject(0);
    const qint64 restriction = inProgress(blocked.subject, RequestType::Restriction);
    RequestExecution::Operation block;
    block.kind = RequestExecution::Operation::Kind::Block;
    ASSERT_TRUE(RequestExecution::execute(db(), as("agent"), restriction, version(restriction), block).ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT state FROM subjects WHERE id = ?"), {blocked.subject}).toString(),
              QStringLiteral("blocked"));

    const Target corrected = activeSubject(1);
    const qint64 rectification = inProgress(corrected.subject, RequestType::Rectification);
    RequestExecution::Operation correct;
    correct.kind = RequestExecution::Operation::Kind::Correct;
    correct.field = QStringLiteral("email");
    correct.value = QStringLiteral("new.address@example.org");
    Result<RequestExecution::Outcome> fixed =
        RequestExecution::execute(db(), as("agent"), rectification, version(rectification), correct);
    ASSERT_TRUE(fixed.ok()) << fixed.error().message.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT value FROM pd_items WHERE id = ?"), {corrected.emailItem}).toString(),
              correct.value);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.correct' AND request_id = ?"),
               {rectification})
            .toInt(),
        1);

    const Target consenting = activeSubject(2);
    const QString policy = QStringLiteral("2026-04-27");
    QSqlDatabase connection = db().connection();
    QSqlQuery give(connection);
    ASSERT_TRUE(give.prepare(QStringLiteral("INSERT INTO consents (subject_id, purpose_id, policy_version, given_at, "
                                            "channel) SELECT ?, id, ?, '2026-01-01T00:00:00Z', 'web' FROM purposes "
                                            "WHERE code = 'info-projects'")));
    give.addBindValue(consenting.subject);
    give.addBindValue(policy);
    ASSERT_TRUE(give.exec());
    const int active = scalar(QStringLiteral("SELECT COUNT(*) FROM consents WHERE subject_id = ? AND withdrawn_at IS "
                                             "NULL"),
                              {consenting.subject})
                           .toInt();
    ASSERT_GE(active, 1);
    const qint64 withdrawal = inProgress(consenting.subject, RequestType::ConsentWithdrawal, Regime::By99z);
    RequestExecution::Operation withdraw;
    withdraw.kind = RequestExecution::Operation::Kind::WithdrawConsent;
    Result<RequestExecution::Outcome> gone =
        RequestExecution::execute(db(), as("agent"), withdrawal, version(withdrawal), withdraw);
    ASSERT_TRUE(gone.ok()) << gone.error().message.toStdString();
    EXPECT_EQ(gone->scheduledErasures, active);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM consents WHERE subject_id = ? AND withdrawn_at IS NULL"),
                     {consenting.subject})
                  .toInt(),
              0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT MIN(due_date) FROM scheduled_erasures WHERE request_id = ?"), {withdrawal})
                  .toString(),
              column(withdrawal, "due_date"))
        << "deletion is scheduled within the regime's deadline";
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.withdraw' AND request_id = ?"),
               {withdrawal})
            .toInt(),
        active);
}

TEST_P(RequestServiceTest, AccessAttachesTheSubjectsDataWhichGoesWithTheSubject)
{
    const Target target = activeSubject();
    const qint64 id = inProgress(target.subject, RequestType::Access, Regime::By99z);
    RequestExecution::Operation provide;
    provide.kind = RequestExecution::Operation::Kind::ProvideData;
    Result<RequestExecution::Outcome> done = RequestExecution::execute(db(), as("agent"), id, version(id), provide);
    ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
    ASSERT_GT(done->documentId, 0);
    Result<QByteArray> content = RequestRegister::documentContent(db(), as("agent"), done->documentId);
    ASSERT_TRUE(content.ok());
    const QJsonObject json = QJsonDocument::fromJson(content.value()).object();
    EXPECT_EQ(json.value(QStringLiteral("id")).toInteger(), target.subject);
    EXPECT_EQ(json.value(QStringLiteral("email")).toString(), target.email);
    EXPECT_FALSE(json.value(QStringLiteral("items")).toArray().isEmpty());

    // Erasing the subject later removes the copy kept with the request.
    ASSERT_TRUE(ErasureService::erase(db(), as("officer"), {{target.subject}, QStringLiteral("erasure"), {}}).ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM request_documents WHERE request_id = ?"), {id}).toInt(), 0);
}

TEST_P(RequestServiceTest, CompletingNeedsTheAnswerAndClosesTheRequest)
{
    const qint64 id = inProgress(activeSubject().subject, RequestType::Access, Regime::By99z);
    Status early = RequestClosing::complete(db(), as("agent"), id, version(id), QStringLiteral("granted"));
    ASSERT_FALSE(early.ok());
    EXPECT_TRUE(early.error().message.contains(QStringLiteral("answer")));
    EXPECT_FALSE(
        RequestClosing::recordReply(db(), as("agent"), id,
                                    {QByteArrayLiteral("not a pdf"), QStringLiteral("email"), QStringLiteral("en"), {}})
            .ok());
    Result<qint64> reply =
        RequestClosing::recordReply(db(), as("agent"), id, {kPdf, QStringLiteral("letter"), QStringLiteral("ru"), {}});
    ASSERT_TRUE(reply.ok()) << reply.error().message.toStdString();
    EXPECT_EQ(column(id, "reply_form"), QStringLiteral("letter"));
    EXPECT_EQ(sql::date(column(id, "replied_at")), QDate::currentDate()) << "replied today where the office is";
    Result<QList<RequestDocument>> documents = RequestRegister::documents(db(), as("agent"), id);
    ASSERT_TRUE(documents.ok());
    ASSERT_EQ(documents->size(), 1);
    EXPECT_EQ(documents->first().kind, QStringLiteral("reply-letter"));
    EXPECT_EQ(documents->first().size, kPdf.size());

    Status done = RequestClosing::complete(db(), as("agent"), id, version(id), QStringLiteral("granted"));
    ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
    EXPECT_EQ(status(id), QStringLiteral("completed"));
    EXPECT_FALSE(column(id, "completed_at").isEmpty());
    EXPECT_FALSE(RequestService::assign(db(), as("agent"), id, version(id), 0).ok()) << "a closed request stays closed";
    EXPECT_TRUE(RequestService::comment(db(), as("agent"), id, QStringLiteral("Posted by registered mail")).ok());
}

TEST_P(RequestServiceTest, RefusalNeedsALegalGroundAndWithdrawalIsRecorded)
{
    const qint64 subject = activeSubject().subject;
    const qint64 refused = add(intake(subject, RequestType::Erasure, Regime::By99z));
    EXPECT_FALSE(RequestClosing::refuse(db(), as("agent"), refused, version(refused), QStringLiteral("  ")).ok());
    ASSERT_TRUE(RequestClosing::refuse(db(), as("agent"), refused, version(refused),
                                       QStringLiteral("99-Z art. 13(3): data needed for a court case"))
                    .ok());
    EXPECT_EQ(status(refused), QStringLiteral("refused"));
    EXPECT_EQ(column(refused, "refusal_ground"), QStringLiteral("99-Z art. 13(3): data needed for a court case"));
    const qint64 withdrawn = add(intake(subject, RequestType::Access, Regime::By99z));
    ASSERT_TRUE(
        RequestClosing::withdraw(db(), as("agent"), withdrawn, version(withdrawn), QStringLiteral("phoned to say so"))
            .ok());
    EXPECT_EQ(status(withdrawn), QStringLiteral("withdrawn"));
    Result<QList<RequestEvent>> events = RequestRegister::events(db(), as("agent"), withdrawn);
    ASSERT_TRUE(events.ok());
    EXPECT_EQ(events->last().toStatus, QStringLiteral("withdrawn"));
    EXPECT_TRUE(events->last().comment.contains(QStringLiteral("phoned to say so")));
}

TEST_P(RequestServiceTest, AssignmentGoesToOperatorsWhoHandleRequests)
{
    const qint64 id = add(intake(activeSubject().subject, RequestType::Access, Regime::By99z));
    const qint64 agent = as("agent").operatorId;
    ASSERT_TRUE(RequestService::assign(db(), as("officer"), id, version(id), agent).ok());
    RequestFilter mine;
    mine.assigneeId = agent;
    Result<qint64> count = RequestRegister::count(db(), as("officer"), mine);
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(count.value(), 1);
    Status auditor = RequestService::assign(db(), as("officer"), id, version(id), as("auditor").operatorId);
    ASSERT_FALSE(auditor.ok());
    EXPECT_TRUE(auditor.error().message.contains(QStringLiteral("does not handle requests")));
}

TEST_P(RequestServiceTest, ListsSortOpenWorkByDeadlineAndFilterByAge)
{
    const qint64 subject = activeSubject().subject;
    const QDate today = QDate::currentDate();
    // Access under 152-FZ: 10 working days; received 40 days ago it is overdue.
    const qint64 overdue = add(intake(subject, RequestType::Access, Regime::Ru152fz, today.addDays(-40)));
    RequestFilter late;
    late.age = RequestAge::Overdue;
    Result<QList<RequestRecord>> page =
        RequestRegister::page(db(), as("auditor"), late, RequestRegister::Sort::Due, 0, 1000);
    ASSERT_TRUE(page.ok()) << page.error().message.toStdString();
    bool found = false;
    for (const RequestRecord &record : page.value()) {
        EXPECT_TRUE(record.isOpen());
        EXPECT_LT(record.effectiveDue(), today);
        found = found || record.id == overdue;
    }
    EXPECT_TRUE(found);
    for (int i = 1; i < page->size(); ++i) {
        EXPECT_LE(page->at(i - 1).effectiveDue(), page->at(i).effectiveDue());
    }
    Result<qint64> counted = RequestRegister::count(db(), as("auditor"), late);
    ASSERT_TRUE(counted.ok());
    EXPECT_EQ(counted.value(), page->size());
    EXPECT_FALSE(RequestRegister::count(db(), as("admin"), late).ok()) << "administrators see no personal data";
}

PD_INSTANTIATE_FOR_BACKENDS(RequestServiceTest);
