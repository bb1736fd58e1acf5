#include "Interleaving.h"
#include "ServiceFixture.h"

#include "app/access/Settings.h"
#include "app/domain/Anonymization.h"
#include "app/subjects/BulkAction.h"

using namespace pd;
using namespace pd::test;

class BulkActionTest : public ServiceFixture
{
protected:
    qint64 subjects() const override { return 260; }

    QList<qint64> active(int count)
    {
        QList<qint64> ids;
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        query.exec(QStringLiteral("SELECT id FROM subjects WHERE state = 'active' ORDER BY id"));
        while (query.next() && ids.size() < count) {
            ids << query.value(0).toLongLong();
        }
        return ids;
    }
    qint64 count(const QString &statement) { return scalar(statement).toLongLong(); }
};

TEST_P(BulkActionTest, CancelledBlockLeavesOnlyWholeBatchesDone)
{
    const QList<qint64> ids = active(230);
    ASSERT_EQ(ids.size(), 230);
    BulkAction::Order order;
    order.kind = BulkAction::Kind::Block;
    order.subjectIds = ids;
    order.reason = QStringLiteral("accuracy disputed");
    int calls = 0;
    Result<BulkAction::Outcome> outcome = BulkAction::run(
        db(), as("agent"), order,
        [&](qint64 done, qint64 total) {
            ++calls;
            EXPECT_EQ(total, 230);
            return done < 100; // cancel after the second batch of 50
        },
        50);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
    EXPECT_TRUE(outcome->cancelled);
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(outcome->done, 100);
    // Every subject is either blocked with all its items and its audit entry, or untouched.
    const QString list = [&] {
        QStringList parts;
        for (qint64 id : ids) {
            parts << QString::number(id);
        }
        return parts.join(QLatin1Char(','));
    }();
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE state = 'blocked' AND id IN (%1)").arg(list)),
              100);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects s WHERE s.state = 'active' AND EXISTS (SELECT 1 FROM "
                                   "pd_items i WHERE i.subject_id = s.id AND i.state = 'blocked') AND s.id IN (%1)")
                        .arg(list)),
              0);
    EXPECT_EQ(
        count(QStringLiteral("SELECT COUNT(*) FROM subjects s WHERE s.state = 'blocked' AND EXISTS (SELECT 1 FROM "
                             "pd_items i WHERE i.subject_id = s.id AND i.state = 'active') AND s.id IN (%1)")
                  .arg(list)),
        0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.block'")), 100);

    // Running it again finishes the rest and skips what is done.
    Result<BulkAction::Outcome> again = BulkAction::run(db(), as("agent"), order, {}, 50);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->done, 130);
    EXPECT_EQ(again->skipped, 100);
}

TEST_P(BulkActionTest, AnotherWorkstationChangesASubjectBetweenTwoBatches)
{
    const QList<qint64> ids = active(150);
    ASSERT_EQ(ids.size(), 150);
    BulkAction::Order order;
    order.kind = BulkAction::Kind::Block;
    order.subjectIds = ids;
    order.reason = QStringLiteral("accuracy disputed");
    const qint64 blockedBefore = count(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE state = 'blocked'"));
    int between = 0;
    Result<BulkAction::Outcome> outcome = BulkAction::run(
        db(), as("agent"), order,
        [&](qint64 done, qint64 total) {
            if (done >= total) {
                return true;
            }
            // Between two batches the job holds nothing: another workstation's change goes in at once (it would
            // wait, then fail, if the job were one long transaction), even on a subject the job has changed.
            SecondWorkstation other(testDatabase().url());
            EXPECT_TRUE(other.ok()) << other.lastError().toStdString();
            EXPECT_TRUE(other.exec(GetParam() == Backend::SQLite ? QStringLiteral("PRAGMA busy_timeout = 0")
                                                                 : QStringLiteral("SET LOCAL lock_timeout = '200ms'")));
            EXPECT_TRUE(other.exec(QStringLiteral("UPDATE subjects SET updated_at = ? WHERE id = ?"),
                                   {QStringLiteral("2026-01-01T00:00:00Z"), ids.first()}))
                << other.lastError().toStdString();
            EXPECT_TRUE(other.commit()) << other.lastError().toStdString();
            ++between;
            return true;
        },
        50);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
    EXPECT_EQ(between, 2);
    EXPECT_EQ(outcome->done, 150);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE state = 'blocked'")), blockedBefore + 150);
}

TEST_P(BulkActionTest, AnonymizationGivesEveryItemWhatItsFieldsStrategyMakesOfIt)
{
    const QList<qint64> ids = active(40);
    QStringList parts;
    for (qint64 id : ids) {
        parts << QString::number(id);
    }
    const QString list = parts.join(QLatin1Char(','));
    struct Item
    {
        qint64 subject;
        QString field;
        QString value;
    };
    QHash<qint64, Item> before;
    QHash<qint64, QStringList> fields;
    QSet<int> strategies;
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        ASSERT_TRUE(query.exec(
            QStringLiteral("SELECT id, subject_id, field, value FROM pd_items WHERE subject_id IN (%1)").arg(list)));
        while (query.next()) {
            const Item item{query.value(1).toLongLong(), query.value(2).toString(), query.value(3).toString()};
            before.insert(query.value(0).toLongLong(), item);
            if (!fields[item.subject].contains(item.field)) {
                fields[item.subject] << item.field;
            }
            strategies.insert(int(Anonymization::strategyFor(item.field)));
        }
    }
    ASSERT_EQ(strategies.size(), 4) << "the demo subjects should have fields of every strategy";

    BulkAction::Order order;
    order.kind = BulkAction::Kind::Anonymize;
    order.subjectIds = ids;
    order.reason = QStringLiteral("retention period over");
    Result<BulkAction::Outcome> outcome = BulkAction::runApproved(db(), as("officer"), order, 0, {}, 15);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
    EXPECT_EQ(outcome->done, 40);

    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    ASSERT_TRUE(
        query.exec(QStringLiteral("SELECT id, value, state, source FROM pd_items WHERE subject_id IN (%1)").arg(list)));
    QSet<QString> tokens;
    int seen = 0;
    while (query.next()) {
        ++seen;
        const Item item = before.value(query.value(0).toLongLong());
        const QString value = query.value(1).toString();
        EXPECT_EQ(query.value(2).toString(), QStringLiteral("anonymized"));
        EXPECT_EQ(query.value(3).toString(), QString());
        switch (Anonymization::strategyFor(item.field)) {
        case Anonymization::Strategy::Token:
            EXPECT_TRUE(value.startsWith(QStringLiteral("anon-"))) << value.toStdString();
            EXPECT_NE(value, item.value);
            EXPECT_FALSE(tokens.contains(value)) << "a token links two items: " << value.toStdString();
            tokens.insert(value);
            break;
        default:
            EXPECT_EQ(value, Anonymization::apply(item.field, item.value)) << item.field.toStdString();
        }
    }
    EXPECT_EQ(seen, before.size());
    // One entry per subject, naming each of its fields once.
    ASSERT_TRUE(
        query.exec(QStringLiteral("SELECT subject_id, fields FROM audit_log WHERE action = 'subject.anonymize'")));
    int entries = 0;
    while (query.next()) {
        ++entries;
        QStringList expected = fields.value(query.value(0).toLongLong());
        expected.sort();
        EXPECT_EQ(query.value(1).toString(), expected.join(QLatin1Char(',')));
    }
    EXPECT_EQ(entries, 40);
}

TEST_P(BulkActionTest, ImpactNamesWhatWouldBeLost)
{
    const QList<qint64> ids = active(20);
    Result<BulkAction::Impact> impact = BulkAction::impact(db(), as("officer"), ids);
    ASSERT_TRUE(impact.ok()) << impact.error().message.toStdString();
    EXPECT_EQ(impact->subjects, 20);
    qint64 items = 0;
    for (qint64 n : impact->itemsByCategory) {
        items += n;
    }
    QStringList parts;
    for (qint64 id : ids) {
        parts << QString::number(id);
    }
    EXPECT_EQ(items, count(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE subject_id IN (%1)")
                               .arg(parts.join(QLatin1Char(',')))));
    EXPECT_TRUE(impact->itemsByCategory.contains(QStringLiteral("account")));
}

TEST_P(BulkActionTest, RolesAreCheckedBeforeAnything)
{
    BulkAction::Order order;
    order.kind = BulkAction::Kind::Delete;
    order.subjectIds = active(3);
    order.reason = QStringLiteral("x");
    Result<BulkAction::Outcome> refused = BulkAction::run(db(), as("agent"), order);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PermissionDenied);
    order.kind = BulkAction::Kind::Block;
    EXPECT_FALSE(BulkAction::run(db(), as("auditor"), order).ok());
    EXPECT_EQ(count(QStringLiteral(
                  "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'subject.%' AND action <> 'subject.import'")),
              0);
}

PD_INSTANTIATE_FOR_BACKENDS(BulkActionTest);
