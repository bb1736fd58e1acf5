#include "CliRunner.h"
#include "ServiceFixture.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace pd;
using namespace pd::test;

class CliSubjectTest : public ServiceFixture
{
protected:
    CliRun cli(const char *operatorName, const char *password, QStringList arguments)
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QLatin1String(password));
        arguments.prepend(QLatin1String(operatorName));
        arguments.prepend(QStringLiteral("--operator"));
        arguments.prepend(testDatabase().url());
        arguments.prepend(QStringLiteral("--db"));
        return runCli(arguments, environment);
    }
};

TEST_P(CliSubjectTest, SearchAndShowPrintWhatTheOperatorAskedFor)
{
    const Target target = activeSubject();
    const CliRun found =
        cli("agent", "agent-demo-2026",
            {QStringLiteral("subjects"), QStringLiteral("search"), target.email, QStringLiteral("--json")});
    ASSERT_EQ(found.exitCode, 0) << found.err.toStdString();
    const QJsonArray rows = QJsonDocument::fromJson(found.out.toUtf8()).array();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first().toObject().value(QStringLiteral("id")).toInteger(), target.subject);

    const CliRun shown = cli(
        "auditor", "auditor-demo-2026",
        {QStringLiteral("subject"), QStringLiteral("show"), QString::number(target.subject), QStringLiteral("--json")});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    const QJsonObject subject = QJsonDocument::fromJson(shown.out.toUtf8()).object();
    EXPECT_EQ(subject.value(QStringLiteral("email")).toString(), target.email);
    EXPECT_GT(subject.value(QStringLiteral("items")).toArray().size(), 3);
    EXPECT_TRUE(shown.err.isEmpty());
}

TEST_P(CliSubjectTest, EachActionWorksAndIsAudited)
{
    const Target target = activeSubject();
    const QString id = QString::number(target.subject);
    EXPECT_EQ(cli("agent", "agent-demo-2026",
                  {QStringLiteral("subject"), QStringLiteral("correct"), id, QStringLiteral("email"),
                   QStringLiteral("cli.fixed@example.org"), QStringLiteral("--reason"), QStringLiteral("typo")})
                  .exitCode,
              0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT email FROM subjects WHERE id = ?"), {target.subject}).toString(),
              QStringLiteral("cli.fixed@example.org"));
    EXPECT_EQ(cli("agent", "agent-demo-2026",
                  {QStringLiteral("subject"), QStringLiteral("block"), id, QStringLiteral("--reason"),
                   QStringLiteral("disputed"), QStringLiteral("--until"),
                   QDate::currentDate().addDays(10).toString(Qt::ISODate)})
                  .exitCode,
              0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT state FROM subjects WHERE id = ?"), {target.subject}).toString(),
              QStringLiteral("blocked"));
    EXPECT_EQ(cli("agent", "agent-demo-2026",
                  {QStringLiteral("subject"), QStringLiteral("unblock"), id, QStringLiteral("--reason"),
                   QStringLiteral("verified")})
                  .exitCode,
              0);
    EXPECT_EQ(cli("officer", "officer-demo-2026",
                  {QStringLiteral("subject"), QStringLiteral("anonymize"), id, QStringLiteral("--reason"),
                   QStringLiteral("erasure")})
                  .exitCode,
              0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT state FROM subjects WHERE id = ?"), {target.subject}).toString(),
              QStringLiteral("anonymized"));
    EXPECT_EQ(cli("officer", "officer-demo-2026",
                  {QStringLiteral("subject"), QStringLiteral("delete"), id, QStringLiteral("--reason"),
                   QStringLiteral("erasure")})
                  .exitCode,
              0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE id = ?"), {target.subject}).toInt(), 0);
    for (const char *action :
         {"subject.correct", "subject.block", "subject.unblock", "subject.anonymize", "subject.delete"}) {
        EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject_id = ?"),
                         {QLatin1String(action), target.subject})
                      .toInt(),
                  1)
            << action;
    }
}

TEST_P(CliSubjectTest, RefusalsAndBadUsageHaveTheirExitCodes)
{
    const Target target = activeSubject();
    const QString id = QString::number(target.subject);
    const CliRun refused =
        cli("agent", "agent-demo-2026",
            {QStringLiteral("subject"), QStringLiteral("delete"), id, QStringLiteral("--reason"), QStringLiteral("x")});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("may not delete")));
    const CliRun noReason = cli("agent", "agent-demo-2026", {QStringLiteral("subject"), QStringLiteral("block"), id});
    EXPECT_EQ(noReason.exitCode, 2);
    EXPECT_TRUE(noReason.err.contains(QStringLiteral("--reason")));
    const CliRun badValue = cli("agent", "agent-demo-2026",
                                {QStringLiteral("subject"), QStringLiteral("correct"), id, QStringLiteral("phone"),
                                 QStringLiteral("call me maybe"), QStringLiteral("--reason"), QStringLiteral("x")});
    EXPECT_EQ(badValue.exitCode, 1);
    EXPECT_TRUE(badValue.err.contains(QStringLiteral("'phone'")));
    EXPECT_FALSE(badValue.err.contains(QStringLiteral("call me maybe"))) << "personal data went to stderr";
    const CliRun badId =
        cli("agent", "agent-demo-2026", {QStringLiteral("subject"), QStringLiteral("show"), QStringLiteral("x1")});
    EXPECT_EQ(badId.exitCode, 2);
    EXPECT_EQ(
        runCli({QStringLiteral("--db"), testDatabase().url(), QStringLiteral("subject"), QStringLiteral("show"), id})
            .exitCode,
        2)
        << "reading personal data needs --operator";
}

TEST_P(CliSubjectTest, StoredTextIsPrintedWithItsControlCharactersEscaped)
{
    // A value that reached the database before the input rules (or by another program) cannot drive the terminal.
    const Target target = activeSubject();
    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    ASSERT_TRUE(query.prepare(QStringLiteral("UPDATE pd_items SET value = ? WHERE id = ?")));
    query.addBindValue(QStringLiteral("evil\x1b]0;owned\x07\nfake line@example.org"));
    query.addBindValue(target.emailItem);
    ASSERT_TRUE(query.exec());
    const CliRun shown = cli("auditor", "auditor-demo-2026",
                             {QStringLiteral("subject"), QStringLiteral("show"), QString::number(target.subject)});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_FALSE(shown.out.contains(QChar(0x1b)));
    EXPECT_FALSE(shown.out.contains(QChar(0x07)));
    EXPECT_TRUE(shown.out.contains(QStringLiteral("evil\\x1b]0;owned\\x07\\nfake line@example.org")))
        << shown.out.toStdString();
}

TEST_P(CliSubjectTest, ALegalHoldIsPutOnAndLiftedByAnOfficerOnly)
{
    const Target target = activeSubject();
    const QString id = QString::number(target.subject);
    const auto hold = [&] {
        return scalar(QStringLiteral("SELECT COALESCE(legal_hold, '') FROM subjects WHERE id = ?"), {target.subject})
            .toString();
    };
    const CliRun agent = cli("agent", "agent-demo-2026",
                             {QStringLiteral("subject"), QStringLiteral("hold"), id, QStringLiteral("--reason"),
                              QStringLiteral("court case 12/2026")});
    EXPECT_EQ(agent.exitCode, 1) << "an agent may not decide about erasure";
    EXPECT_EQ(hold(), QString());
    const CliRun held = cli("officer", "officer-demo-2026",
                            {QStringLiteral("subject"), QStringLiteral("hold"), id, QStringLiteral("--reason"),
                             QStringLiteral("court case 12/2026")});
    ASSERT_EQ(held.exitCode, 0) << held.err.toStdString();
    EXPECT_EQ(hold(), QStringLiteral("court case 12/2026"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.hold' AND subject_id = ?"),
                     {target.subject})
                  .toInt(),
              1);
    const CliRun noReason = cli("officer", "officer-demo-2026",
                                {QStringLiteral("subject"), QStringLiteral("hold"), id, QStringLiteral("--release")});
    EXPECT_EQ(noReason.exitCode, 2);
    const CliRun released = cli("officer", "officer-demo-2026",
                                {QStringLiteral("subject"), QStringLiteral("hold"), id, QStringLiteral("--release"),
                                 QStringLiteral("--reason"), QStringLiteral("case closed")});
    ASSERT_EQ(released.exitCode, 0) << released.err.toStdString();
    EXPECT_EQ(hold(), QString());
    const CliRun again = cli("officer", "officer-demo-2026",
                             {QStringLiteral("subject"), QStringLiteral("hold"), id, QStringLiteral("--release"),
                              QStringLiteral("--reason"), QStringLiteral("twice")});
    EXPECT_EQ(again.exitCode, 1) << "not on hold any more";
    EXPECT_TRUE(again.err.contains(QStringLiteral("not on hold"))) << again.err.toStdString();
}

TEST_P(CliSubjectTest, TheRegisterOfPurposesIsListedAndOnePurposeShownInFull)
{
    const CliRun list = cli("auditor", "auditor-demo-2026",
                            {QStringLiteral("--json"), QStringLiteral("purpose"), QStringLiteral("list")});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    const QJsonArray purposes = QJsonDocument::fromJson(list.out.toUtf8()).array();
    EXPECT_EQ(purposes.size(), scalar(QStringLiteral("SELECT COUNT(*) FROM purposes")).toInt());
    const CliRun show = cli("auditor", "auditor-demo-2026",
                            {QStringLiteral("--json"), QStringLiteral("purpose"), QStringLiteral("show"),
                             QStringLiteral("client-mailing")});
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    const QJsonObject purpose = QJsonDocument::fromJson(show.out.toUtf8()).object();
    EXPECT_EQ(purpose.value(QStringLiteral("code")).toString(), QStringLiteral("client-mailing"));
    EXPECT_EQ(purpose.value(QStringLiteral("controller_kind")).toString(), QStringLiteral("client"));
    EXPECT_FALSE(purpose.value(QStringLiteral("legal_ground")).toString().isEmpty());
    EXPECT_FALSE(purpose.value(QStringLiteral("retention_text")).toString().isEmpty());
    EXPECT_TRUE(purpose.value(QStringLiteral("recipients")).isArray());
    const CliRun missing = cli("auditor", "auditor-demo-2026",
                               {QStringLiteral("purpose"), QStringLiteral("show"), QStringLiteral("no-such-purpose")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("no-such-purpose"))) << missing.err.toStdString();
}

TEST_P(CliSubjectTest, ConsentsAreGivenWithdrawnAndReviewedWhenThePolicyChanges)
{
    const Target target = activeSubject();
    const QString id = QString::number(target.subject);
    const CliRun badChannel = cli("agent", "agent-demo-2026",
                                  {QStringLiteral("consent"), QStringLiteral("give"), id,
                                   QStringLiteral("info-projects"), QStringLiteral("--version"),
                                   QStringLiteral("2026-01"), QStringLiteral("--channel"), QStringLiteral("pigeon")});
    EXPECT_EQ(badChannel.exitCode, 2);
    EXPECT_TRUE(badChannel.err.contains(QStringLiteral("--channel"))) << badChannel.err.toStdString();
    const CliRun given = cli("agent", "agent-demo-2026",
                             {QStringLiteral("consent"), QStringLiteral("give"), id, QStringLiteral("info-projects"),
                              QStringLiteral("--version"), QStringLiteral("2026-01"), QStringLiteral("--channel"),
                              QStringLiteral("paper")});
    ASSERT_EQ(given.exitCode, 0) << given.err.toStdString();
    const qint64 consent =
        scalar(QStringLiteral("SELECT MAX(id) FROM consents WHERE subject_id = ?"), {target.subject}).toLongLong();
    EXPECT_EQ(scalar(QStringLiteral("SELECT channel FROM consents WHERE id = ?"), {consent}).toString(),
              QStringLiteral("paper"));

    // A new policy: the consent given for the old one needs asking again.
    const CliRun agentVersion =
        cli("agent", "agent-demo-2026",
            {QStringLiteral("consent"), QStringLiteral("policy-version"), QStringLiteral("2026-12")});
    EXPECT_EQ(agentVersion.exitCode, 1) << "the policy is the officers' part";
    const CliRun version = cli("officer", "officer-demo-2026",
                               {QStringLiteral("consent"), QStringLiteral("policy-version"), QStringLiteral("2026-12"),
                                QStringLiteral("--note"), QStringLiteral("new recipients")});
    ASSERT_EQ(version.exitCode, 0) << version.err.toStdString();
    const CliRun outdated = cli("agent", "agent-demo-2026",
                                {QStringLiteral("--json"), QStringLiteral("consent"), QStringLiteral("outdated"),
                                 QStringLiteral("--purpose"), QStringLiteral("info-projects"),
                                 QStringLiteral("--limit"), QStringLiteral("100000")});
    ASSERT_EQ(outdated.exitCode, 0) << outdated.err.toStdString();
    const QJsonObject review = QJsonDocument::fromJson(outdated.out.toUtf8()).object();
    bool listed = false;
    for (const QJsonValue &value : review.value(QStringLiteral("consents")).toArray()) {
        listed = listed || value.toObject().value(QStringLiteral("consent")).toInteger() == consent;
    }
    EXPECT_TRUE(listed) << outdated.out.toStdString();
    const qint64 before = review.value(QStringLiteral("total")).toInteger();

    // Agreeing to the new version takes the subject off the list.
    ASSERT_EQ(cli("agent", "agent-demo-2026",
                  {QStringLiteral("consent"), QStringLiteral("give"), id, QStringLiteral("info-projects"),
                   QStringLiteral("--version"), QStringLiteral("2026-12"), QStringLiteral("--channel"),
                   QStringLiteral("web-form")})
                  .exitCode,
              0);
    const CliRun after = cli("agent", "agent-demo-2026",
                             {QStringLiteral("--json"), QStringLiteral("consent"), QStringLiteral("outdated"),
                              QStringLiteral("--purpose"), QStringLiteral("info-projects")});
    EXPECT_EQ(QJsonDocument::fromJson(after.out.toUtf8()).object().value(QStringLiteral("total")).toInteger(),
              before - 1);

    // Withdrawing schedules the erasure of what the purpose holds.
    const CliRun withdrawn = cli("agent", "agent-demo-2026",
                                 {QStringLiteral("consent"), QStringLiteral("withdraw"), QString::number(consent),
                                  QStringLiteral("--reason"), QStringLiteral("by letter")});
    ASSERT_EQ(withdrawn.exitCode, 0) << withdrawn.err.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM scheduled_erasures WHERE subject_id = ? AND done_at IS NULL "
                                    "AND purpose_id = (SELECT id FROM purposes WHERE code = 'info-projects')"),
                     {target.subject})
                  .toInt(),
              1);
}

PD_INSTANTIATE_FOR_BACKENDS(CliSubjectTest);

TEST_P(CliSubjectTest, TheEndOfAContractIsRecordedAuditedAndClearedAgain)
{
    const Target target = activeSubject();
    const QString id = QString::number(target.subject);
    const auto contractEnd = [&] {
        return scalar(QStringLiteral("SELECT COALESCE(contract_end, '') FROM subjects WHERE id = ?"), {target.subject})
            .toString();
    };
    const CliRun ended = cli("agent", "agent-demo-2026",
                             {QStringLiteral("subject"), QStringLiteral("contract-end"), id,
                              QStringLiteral("2026-03-31"), QStringLiteral("--reason"), QStringLiteral("terminated")});
    ASSERT_EQ(ended.exitCode, 0) << ended.err.toStdString();
    EXPECT_TRUE(ended.out.contains(QStringLiteral("2026-03-31")));
    EXPECT_EQ(contractEnd(), QStringLiteral("2026-03-31"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.contract-end' AND "
                                    "subject_id = ? AND reason = 'terminated'"),
                     {target.subject})
                  .toInt(),
              1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE details LIKE '%2026-03-31%'")).toInt(), 0)
        << "the trail names the field, not the date";

    // Bad usage names the argument; an auditor may not; nothing changes.
    const CliRun badDate = cli("agent", "agent-demo-2026",
                               {QStringLiteral("subject"), QStringLiteral("contract-end"), id,
                                QStringLiteral("31.03.2026"), QStringLiteral("--reason"), QStringLiteral("x")});
    EXPECT_EQ(badDate.exitCode, 2);
    EXPECT_TRUE(badDate.err.contains(QStringLiteral("DATE"))) << badDate.err.toStdString();
    const CliRun noReason =
        cli("agent", "agent-demo-2026",
            {QStringLiteral("subject"), QStringLiteral("contract-end"), id, QStringLiteral("none")});
    EXPECT_EQ(noReason.exitCode, 2);
    EXPECT_TRUE(noReason.err.contains(QStringLiteral("--reason"))) << noReason.err.toStdString();
    const CliRun auditor = cli("auditor", "auditor-demo-2026",
                               {QStringLiteral("subject"), QStringLiteral("contract-end"), id, QStringLiteral("none"),
                                QStringLiteral("--reason"), QStringLiteral("x")});
    EXPECT_EQ(auditor.exitCode, 1);
    EXPECT_EQ(contractEnd(), QStringLiteral("2026-03-31"));

    // The contract runs again: nothing recorded.
    const CliRun runs = cli("agent", "agent-demo-2026",
                            {QStringLiteral("subject"), QStringLiteral("contract-end"), id, QStringLiteral("none"),
                             QStringLiteral("--reason"), QStringLiteral("renewed")});
    ASSERT_EQ(runs.exitCode, 0) << runs.err.toStdString();
    EXPECT_EQ(contractEnd(), QString());

    // An anonymized subject takes no date any more.
    ASSERT_EQ(cli("officer", "officer-demo-2026",
                  {QStringLiteral("subject"), QStringLiteral("anonymize"), id, QStringLiteral("--reason"),
                   QStringLiteral("erasure")})
                  .exitCode,
              0);
    const CliRun gone = cli("agent", "agent-demo-2026",
                            {QStringLiteral("subject"), QStringLiteral("contract-end"), id,
                             QStringLiteral("2026-04-30"), QStringLiteral("--reason"), QStringLiteral("late")});
    EXPECT_EQ(gone.exitCode, 1);
    EXPECT_EQ(contractEnd(), QString());
}
