// The retention sweep's preview on both backends, with a fixed clock: what each kind of rule makes due, what is held
// back (blocked data, open requests), what is coming, and the command line's dry run.
#include "CliRunner.h"
#include "ServiceFixture.h"

#include "app/retention/RetentionSweep.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace pd;
using namespace pd::test;

namespace {

const QDate kToday(2026, 11, 23);

} // namespace

class RetentionSweepTest : public ServiceFixture
{
protected:
    void SetUp() override
    {
        ServiceFixture::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        ASSERT_TRUE(query.exec(QStringLiteral(
            "SELECT id FROM subjects s WHERE state = 'active' AND NOT EXISTS (SELECT 1 FROM requests r WHERE "
            "r.subject_id = s.id) AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.subject_id = s.id) ORDER BY id")));
        while (query.next()) {
            m_quiet << query.value(0).toLongLong();
        }
        ASSERT_GE(m_quiet.size(), 5) << "the demo data has subjects without requests or consents";
        m_controller = scalar(QStringLiteral("SELECT MIN(id) FROM controllers")).toLongLong();
    }

    void exec(const QString &statement, const QVariantList &values = {})
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        ASSERT_TRUE(query.prepare(statement)) << statement.toStdString();
        for (const QVariant &value : values) {
            query.addBindValue(value);
        }
        ASSERT_TRUE(query.exec()) << query.lastError().text().toStdString();
    }

    /// Ids are given, not drawn: the demo writes ids of its own ahead of PostgreSQL's identity sequences.
    qint64 nextId(const char *table)
    {
        return scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM %1").arg(QLatin1String(table))).toLongLong();
    }

    qint64 addPurpose(const char *code, const char *kind, int months = 0, const char *event = nullptr,
                      const char *action = "delete")
    {
        const qint64 id = nextId("purposes");
        exec(QStringLiteral("INSERT INTO purposes (id, code, controller_id, title, legal_ground, retention_kind, "
                            "retention_months, retention_event, retention_text, retention_action) VALUES (?, ?, ?, ?, "
                            "'contract', ?, ?, ?, ?, ?)"),
             {id, QLatin1String(code), m_controller, QStringLiteral("Test purpose %1").arg(QLatin1String(code)),
              QLatin1String(kind), months > 0 ? QVariant(months) : QVariant(QMetaType::fromType<int>()),
              event ? QVariant(QLatin1String(event)) : QVariant(QMetaType::fromType<QString>()),
              QStringLiteral("as the policy says"), QLatin1String(action)});
        return id;
    }

    void addItem(qint64 subject, qint64 purpose, const char *collected)
    {
        exec(QStringLiteral("INSERT INTO pd_items (id, subject_id, purpose_id, category, field, value, collected_at) "
                            "VALUES (?, ?, ?, 'account', 'email', 'x@example.org', ?)"),
             {nextId("pd_items"), subject, purpose, QStringLiteral("%1T10:00:00Z").arg(QLatin1String(collected))});
    }

    void openRequestFor(qint64 subject)
    {
        const QString at = QStringLiteral("2026-11-01T09:00:00Z");
        exec(QStringLiteral("INSERT INTO requests (id, subject_id, type, regime, status, received_at, due_date, "
                            "created_at, updated_at) VALUES (?, ?, 'erasure', 'gdpr', 'in-progress', ?, '2026-12-01', "
                            "?, ?)"),
             {nextId("requests"), subject, at, at, at});
    }

    RetentionSweep::PurposeRetention preview(const char *code, const QDate &today = kToday)
    {
        const Result<RetentionSweep::Preview> result = RetentionSweep::preview(db(), as("officer"), today);
        EXPECT_TRUE(result.ok()) << result.error().message.toStdString();
        if (result.ok()) {
            for (const RetentionSweep::PurposeRetention &purpose : result->purposes) {
                if (purpose.code == QLatin1String(code)) {
                    return purpose;
                }
            }
        }
        ADD_FAILURE() << "no purpose " << code << " in the preview";
        return {};
    }

    QList<qint64> m_quiet; ///< active subjects without requests or consents
    qint64 m_controller = 0;
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

    const qint64 purpose = addPurpose("t-cli", "fixed", 12, "collection");
    addItem(m_quiet[0], purpose, "2024-01-10");
    addItem(m_quiet[1], purpose, "2026-06-01");
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

    const CliRun wet = runCli(base, environment);
    EXPECT_EQ(wet.exitCode, 2) << "carrying the sweep out is not there yet, and says so";
    EXPECT_TRUE(wet.err.contains(QStringLiteral("--dry-run"))) << wet.err.toStdString();
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
