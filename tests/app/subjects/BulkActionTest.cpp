#include "ServiceFixture.h"

#include "app/access/Settings.h"
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
