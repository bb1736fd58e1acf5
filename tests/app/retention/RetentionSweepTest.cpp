// The retention sweep's preview on both backends, with a fixed clock: what each kind of rule makes due, what is held
// back (blocked data, open requests), what is coming, and the command line's dry run and run.
#include "CliRunner.h"
#include "RetentionFixture.h"

#include "app/retention/RetentionSweep.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace pd;
using namespace pd::test;

class RetentionSweepTest : public RetentionFixture
{
};

TEST_P(RetentionSweepTest, AFixedPeriodFromCollectionCountsWhatIsDueHeldBackAndComing)
{
    const qint64 purpose = addPurpose("t-collect", "fixed", 12, "collection", "anonymize");
    addItem(m_quiet[0], purpose, "2024-01-10"); // due since 2025-01-10
    addItem(m_quiet[1], purpose, "2026-01-01"); // due on 2027-01-01: later than 30 days
    addItem(m_quiet[2], purpose, "2025-12-10"); // due on 2026-12-10: within 30 days
    addItem(m_quiet[3], purpose, "2024-01-10"); // due, but the subject is blocked
    exec(QStringLiteral("UPDATE subjects SET state = 'blocked', blocked_reason = 'disputed' WHERE id = ?"),
         {m_quiet[3]});
    addItem(m_quiet[4], purpose, "2024-01-10"); // due, but the subject has an open request
    openRequestFor(m_quiet[4]);

    const RetentionSweep::PurposeRetention now = preview("t-collect");
    EXPECT_EQ(now.items, 5);
    EXPECT_EQ(now.due, 3);
    EXPECT_EQ(now.heldBlocked, 1);
    EXPECT_EQ(now.heldForRequest, 1);
    EXPECT_EQ(now.toChange(), 1);
    EXPECT_EQ(now.dueSoon, 1);
    EXPECT_EQ(now.rule.action, RetentionAction::Anonymize);
    EXPECT_TRUE(now.waitingFor.isEmpty());

    // The day before the first period ends nothing is due, and three items are coming.
    const RetentionSweep::PurposeRetention before = preview("t-collect", QDate(2025, 1, 9));
    EXPECT_EQ(before.due, 0);
    EXPECT_EQ(before.dueSoon, 3);
    EXPECT_EQ(preview("t-collect", QDate(2025, 1, 10)).due, 3) << "due from the day the period ends";
}

TEST_P(RetentionSweepTest, ContractAndConsentRulesCountFromTheirEvents)
{
    const qint64 contract = addPurpose("t-contract", "contract-term");
    addItem(m_quiet[0], contract, "2020-01-01");
    addItem(m_quiet[1], contract, "2020-01-01");
    addItem(m_quiet[2], contract, "2020-01-01");
    exec(QStringLiteral("UPDATE subjects SET contract_end = '2026-10-01' WHERE id = ?"), {m_quiet[0]});
    exec(QStringLiteral("UPDATE subjects SET contract_end = '2026-12-01' WHERE id = ?"), {m_quiet[2]});
    const RetentionSweep::PurposeRetention contractTerm = preview("t-contract");
    EXPECT_EQ(contractTerm.items, 3);
    EXPECT_EQ(contractTerm.due, 1) << "only the contract that ended; one still runs";
    EXPECT_EQ(contractTerm.dueSoon, 1);

    const qint64 afterContract = addPurpose("t-after-contract", "fixed", 36, "contract-end");
    addItem(m_quiet[0], afterContract, "2020-01-01");
    EXPECT_EQ(preview("t-after-contract").due, 0) << "three years after 2026-10-01";
    EXPECT_EQ(preview("t-after-contract", QDate(2029, 10, 1)).due, 1);

    const qint64 consent = addPurpose("t-consent", "until-withdrawal");
    addItem(m_quiet[3], consent, "2025-05-05");
    addItem(m_quiet[4], consent, "2025-05-05");
    const QString given = QStringLiteral("2025-05-05T10:00:00Z");
    exec(QStringLiteral("INSERT INTO consents (id, subject_id, purpose_id, policy_version, given_at, withdrawn_at) "
                        "VALUES (?, ?, ?, '2025-01', ?, '2026-11-01T08:00:00Z')"),
         {nextId("consents"), m_quiet[3], consent, given});
    exec(QStringLiteral("INSERT INTO consents (id, subject_id, purpose_id, policy_version, given_at) VALUES (?, ?, ?, "
                        "'2025-01', ?)"),
         {nextId("consents"), m_quiet[4], consent, given});
    const RetentionSweep::PurposeRetention withdrawal = preview("t-consent");
    EXPECT_EQ(withdrawal.items, 2);
    EXPECT_EQ(withdrawal.due, 1) << "only the withdrawn consent";
}

TEST_P(RetentionSweepTest, EveryHoldIsCountedOnceWhetherTheRuleStartsFromTheSubjectOrTheItem)
{
    // The same five subjects under a rule counted from registration and one counted from collection: one item
    // due, one held by a block of the subject, one by a block of the item alone, one by an open request, one by a
    // legal hold.
    const qint64 registered = addPurpose("t-held-registered", "fixed", 12, "registration");
    const qint64 collected = addPurpose("t-held-collected", "fixed", 12, "collection");
    QList<qint64> items;
    for (int i = 0; i < 5; ++i) {
        exec(QStringLiteral("UPDATE subjects SET created_at = '2023-05-05T08:00:00Z' WHERE id = ?"), {m_quiet[i]});
        items << addItem(m_quiet[i], registered, "2024-01-10") << addItem(m_quiet[i], collected, "2024-01-10");
    }
    exec(QStringLiteral("UPDATE subjects SET state = 'blocked', blocked_reason = 'disputed' WHERE id = ?"),
         {m_quiet[1]});
    exec(QStringLiteral("UPDATE pd_items SET state = 'blocked', blocked_reason = 'disputed' WHERE id IN (?, ?)"),
         {items[4], items[5]});
    openRequestFor(m_quiet[3]);
    exec(QStringLiteral("UPDATE subjects SET legal_hold = 'court case 12/2026' WHERE id = ?"), {m_quiet[4]});

    for (const char *code : {"t-held-registered", "t-held-collected"}) {
        const RetentionSweep::PurposeRetention purpose = preview(code);
        EXPECT_EQ(purpose.due, 5) << code;
        EXPECT_EQ(purpose.heldBlocked, 2) << code;
        EXPECT_EQ(purpose.heldForRequest, 1) << code;
        EXPECT_EQ(purpose.heldLegal, 1) << code;
        EXPECT_EQ(purpose.toChange(), 1) << code;
    }
    // A lifted hold lets its data go.
    exec(QStringLiteral("UPDATE subjects SET legal_hold = '' WHERE id = ?"), {m_quiet[4]});
    EXPECT_EQ(preview("t-held-registered").toChange(), 2);
    EXPECT_EQ(preview("t-held-collected").heldLegal, 0);
}

TEST_P(RetentionSweepTest, RegistrationAndTheLastAnswerCountFromTheSubject)
{
    const qint64 registered = addPurpose("t-registered", "fixed", 12, "registration");
    addItem(m_quiet[0], registered, "2026-01-01");
    addItem(m_quiet[1], registered, "2026-01-01");
    exec(QStringLiteral("UPDATE subjects SET created_at = '2024-05-05T08:00:00Z' WHERE id = ?"), {m_quiet[0]});
    exec(QStringLiteral("UPDATE subjects SET created_at = '2026-06-01T08:00:00Z' WHERE id = ?"), {m_quiet[1]});
    const RetentionSweep::PurposeRetention byRegistration = preview("t-registered");
    EXPECT_EQ(byRegistration.items, 2);
    EXPECT_EQ(byRegistration.due, 1) << "a year after registration, whenever the item was collected";

    // "3 years after the response to the appeal": from the last answer the subject was given.
    const qint64 appeals = addPurpose("t-appeals", "fixed", 36, "response");
    addItem(m_quiet[2], appeals, "2021-01-01");
    addItem(m_quiet[3], appeals, "2021-01-01");
    const auto answered = [&](qint64 subject, const char *repliedAt) {
        const QString at = QStringLiteral("2021-01-01T09:00:00Z");
        exec(QStringLiteral("INSERT INTO requests (id, subject_id, type, regime, status, received_at, due_date, "
                            "replied_at, completed_at, created_at, updated_at) VALUES (?, ?, 'complaint', 'by-99z', "
                            "'completed', ?, '2021-01-16', ?, ?, ?, ?)"),
             {nextId("requests"), subject, at, QLatin1String(repliedAt), QLatin1String(repliedAt), at, at});
    };
    answered(m_quiet[2], "2022-01-10T12:00:00Z");
    answered(m_quiet[3], "2022-01-10T12:00:00Z");
    answered(m_quiet[3], "2025-03-01T12:00:00Z"); // a later answer starts the period again
    const RetentionSweep::PurposeRetention byAnswer = preview("t-appeals");
    EXPECT_EQ(byAnswer.items, 2);
    EXPECT_EQ(byAnswer.due, 1);
    EXPECT_EQ(preview("t-appeals", QDate(2028, 3, 1)).due, 2);
    EXPECT_EQ(preview("t-appeals", QDate(2028, 2, 29)).due, 1);
}

TEST_P(RetentionSweepTest, RulesWithoutADateKeepTheirDataAndSayWhy)
{
    const qint64 legal = addPurpose("t-legal", "legal");
    addItem(m_quiet[0], legal, "2001-01-01");
    const RetentionSweep::PurposeRetention byLaw = preview("t-legal");
    EXPECT_EQ(byLaw.items, 1);
    EXPECT_EQ(byLaw.due, 0);
    EXPECT_TRUE(byLaw.waitingFor.contains(QStringLiteral("law"))) << byLaw.waitingFor.toStdString();

    const qint64 visit = addPurpose("t-visit", "fixed", 6, "visit");
    addItem(m_quiet[1], visit, "2001-01-01");
    const RetentionSweep::PurposeRetention visits = preview("t-visit");
    EXPECT_EQ(visits.due, 0);
    EXPECT_TRUE(visits.waitingFor.contains(QStringLiteral("visit"))) << visits.waitingFor.toStdString();
}

TEST_P(RetentionSweepTest, AnAdministratorSeesNoPreviewAndTheCommandLineListsIt)
{
    EXPECT_FALSE(RetentionSweep::preview(db(), as("admin"), kToday).ok());
    // The demo's own rules keep their data.
    exec(QStringLiteral("UPDATE purposes SET retention_kind = 'legal'"));
    exec(QStringLiteral("DELETE FROM purpose_category_retention"));

    const qint64 purpose = addPurpose("t-cli", "fixed", 12, "collection");
    addItem(m_quiet[0], purpose, "2024-01-10");
    // Collected a month ago: not due on the dry run's day, nor on the day the suite runs, whenever that is.
    const QByteArray recent = QDate::currentDate().addMonths(-1).toString(Qt::ISODate).toLatin1();
    addItem(m_quiet[1], purpose, recent.constData());
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QStringLiteral("officer-demo-2026"));
    const QStringList base = {QStringLiteral("--db"),    testDatabase().url(),        QStringLiteral("--operator"),
                              QStringLiteral("officer"), QStringLiteral("retention"), QStringLiteral("run")};
    const CliRun dry = runCli(base + QStringList{QStringLiteral("--dry-run"), QStringLiteral("--today"),
                                                 kToday.toString(Qt::ISODate), QStringLiteral("--json")},
                              environment);
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    bool found = false;
    for (const QJsonValue &value :
         QJsonDocument::fromJson(dry.out.toUtf8()).object().value(QStringLiteral("purposes")).toArray()) {
        const QJsonObject object = value.toObject();
        if (object.value(QStringLiteral("purpose")).toString() == QLatin1String("t-cli")) {
            found = true;
            EXPECT_EQ(object.value(QStringLiteral("items")).toInteger(), 2);
            EXPECT_EQ(object.value(QStringLiteral("due")).toInteger(), 1);
            EXPECT_EQ(object.value(QStringLiteral("to_change")).toInteger(), 1);
            EXPECT_EQ(object.value(QStringLiteral("action")).toString(), QStringLiteral("delete"));
        }
    }
    EXPECT_TRUE(found) << dry.out.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE purpose_id = ?"), {purpose}).toInt(), 2)
        << "a dry run changes nothing";

    const CliRun future =
        runCli(base + QStringList{QStringLiteral("--today"), QStringLiteral("2999-01-01")}, environment);
    EXPECT_EQ(future.exitCode, 2) << "data is never removed before its time";
    EXPECT_TRUE(future.err.contains(QStringLiteral("--today"))) << future.err.toStdString();
    EXPECT_EQ(items(purpose), 2);

    const CliRun wet = runCli(base + QStringList{QStringLiteral("--json")}, environment);
    ASSERT_EQ(wet.exitCode, 0) << wet.err.toStdString();
    EXPECT_EQ(items(purpose), 1) << "the sweep deleted the item past its period";
    const QJsonObject summary = QJsonDocument::fromJson(wet.out.toUtf8()).object();
    EXPECT_EQ(summary.value(QStringLiteral("items_deleted")).toInteger() +
                  summary.value(QStringLiteral("subjects_deleted")).toInteger(),
              1)
        << wet.out.toStdString();
}

PD_INSTANTIATE_FOR_BACKENDS(RetentionSweepTest);

TEST(RetentionSweepDays, TheLatestEventDayAgreesWithTheRuleOnEveryDay)
{
    // Every collection day and every "today" over the month ends of two years, for periods of 1, 12 and 36 months:
    // counting by the latest event day gives what retentionEnd() says for each item.
    for (int months : {1, 12, 36}) {
        RetentionRule rule;
        rule.kind = RetentionKind::Fixed;
        rule.months = months;
        rule.event = QStringLiteral("collection");
        for (QDate today(2027, 1, 25); today <= QDate(2027, 4, 3); today = today.addDays(1)) {
            const QDate latest = RetentionSweep::latestEventDay(today, months);
            for (QDate collected = today.addMonths(-months).addDays(-4);
                 collected <= today.addMonths(-months).addDays(4); collected = collected.addDays(1)) {
                RetentionDates dates;
                dates.collected = collected;
                EXPECT_EQ(collected <= latest, isRetentionOver(rule, dates, today))
                    << months << " months, collected " << collected.toString(Qt::ISODate).toStdString() << ", on "
                    << today.toString(Qt::ISODate).toStdString();
            }
        }
    }
}
