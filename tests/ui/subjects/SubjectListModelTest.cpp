#include "ui/subjects/SubjectListModel.h"

#include "TestDatabase.h"
#include "UiTestSupport.h"
#include "app/domain/SearchKeys.h"
#include "app/subjects/RestrictionService.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QFont>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

namespace pd::test {

namespace {

SubjectFilter filterOf(const QString &text, std::optional<DataState> state)
{
    SubjectFilter filter;
    filter.text = text;
    filter.state = state;
    return filter;
}

const QString kPlaceholder = QStringLiteral("\u2026");

class SubjectListModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_testDatabase.database()) << m_testDatabase.reason().toStdString();
        m_seeded = seedSubjects(*m_testDatabase.database(), subjectCount());
        ASSERT_FALSE(HasFailure());
    }

    virtual int subjectCount() const { return 500; }

    std::unique_ptr<SubjectListModel> makeModel()
    {
        return std::make_unique<SubjectListModel>(m_testDatabase.database(), officerSession());
    }

    static QString text(const SubjectListModel &model, int row, int column, int role = Qt::DisplayRole)
    {
        return model.data(model.index(row, column), role).toString();
    }

    TestDatabase m_testDatabase{Backend::SQLite};
    SeededSubjects m_seeded;
};

/// Enough subjects for more pages than the cache may hold.
class SubjectListModelCacheTest : public SubjectListModelTest
{
protected:
    int subjectCount() const override { return 12000; }
};

TEST_F(SubjectListModelTest, CountsAndLoadsRowsThroughTheModelTester)
{
    auto model = makeModel();
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(waitForCount(*model));
    EXPECT_EQ(model->rowCount(), 500);
    EXPECT_EQ(model->columnCount(), SubjectListModel::ColumnCount);
    EXPECT_EQ(model->headerData(SubjectListModel::Email, Qt::Horizontal).toString(), QStringLiteral("E-mail"));

    ASSERT_TRUE(loadRow(*model, 0));
    EXPECT_EQ(text(*model, 0, SubjectListModel::Name), m_seeded.names.at(0));
    EXPECT_EQ(text(*model, 1, SubjectListModel::Name), m_seeded.names.at(1)); // Cyrillic
    EXPECT_EQ(text(*model, 0, SubjectListModel::Email), m_seeded.emails.at(0));
    EXPECT_EQ(model->data(model->index(0, 0), SubjectListModel::SubjectIdRole).toLongLong(), 1);
    EXPECT_TRUE(model->isRowLoaded(SubjectListModel::kPageSize - 1));
    EXPECT_FALSE(model->isRowLoaded(SubjectListModel::kPageSize));

    ASSERT_TRUE(loadRow(*model, 499));
    EXPECT_EQ(text(*model, 499, SubjectListModel::Name), m_seeded.names.at(499));
}

TEST_F(SubjectListModelTest, ShowsAPlaceholderUntilThePageArrives)
{
    auto model = makeModel();
    ASSERT_TRUE(waitForCount(*model));
    QSignalSpy loaded(model.get(), &SubjectListModel::pageLoaded);
    QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
    EXPECT_EQ(text(*model, 250, SubjectListModel::Name), kPlaceholder);
    EXPECT_FALSE(model->isRowLoaded(250));
    ASSERT_TRUE(loaded.wait(10000));
    EXPECT_EQ(loaded.first().at(0).toInt(), 200);
    EXPECT_EQ(loaded.first().at(1).toInt(), 200);
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.first().at(0).value<QModelIndex>().row(), 200);
    EXPECT_EQ(changed.first().at(1).value<QModelIndex>().row(), 399);
    EXPECT_EQ(text(*model, 250, SubjectListModel::Name), m_seeded.names.at(250));
}

TEST_F(SubjectListModelTest, MarksBlockedAndAnonymizedRows)
{
    auto model = makeModel();
    ASSERT_TRUE(loadRow(*model, 0));
    const int blocked = m_seeded.indexesInState(QStringLiteral("blocked")).first();
    const int anonymized = m_seeded.indexesInState(QStringLiteral("anonymized")).first();
    const int active = 0;

    EXPECT_EQ(text(*model, blocked, SubjectListModel::State), QStringLiteral("Blocked"));
    EXPECT_EQ(text(*model, blocked, SubjectListModel::Name, SubjectListModel::StateRole), QStringLiteral("blocked"));
    EXPECT_FALSE(
        model->data(model->index(blocked, SubjectListModel::Name), Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_TRUE(model->data(model->index(blocked, SubjectListModel::Email), Qt::ForegroundRole).isValid());
    EXPECT_FALSE(model->data(model->index(active, SubjectListModel::Name), Qt::DecorationRole).isValid());
    EXPECT_FALSE(model->data(model->index(active, SubjectListModel::Email), Qt::ForegroundRole).isValid());

    EXPECT_EQ(text(*model, anonymized, SubjectListModel::State), QStringLiteral("Anonymized"));
    EXPECT_TRUE(model->data(model->index(anonymized, SubjectListModel::Name), Qt::FontRole).value<QFont>().italic());
    EXPECT_TRUE(text(*model, anonymized, SubjectListModel::Name).isEmpty());
}

TEST_F(SubjectListModelTest, SearchByEmailPrefixFindsOneSubject)
{
    auto model = makeModel();
    ASSERT_TRUE(waitForCount(*model));
    QSignalSpy counted(model.get(), &SubjectListModel::countChanged);
    model->setFilter(filterOf(QStringLiteral("user00042@"), std::nullopt));
    EXPECT_TRUE(model->isCounting());
    ASSERT_TRUE(waitForCount(*model));
    ASSERT_EQ(counted.size(), 1);
    EXPECT_EQ(counted.first().at(0).toInt(), 1);
    ASSERT_EQ(model->rowCount(), 1);
    ASSERT_TRUE(loadRow(*model, 0));
    EXPECT_EQ(text(*model, 0, SubjectListModel::Email), QStringLiteral("user00042@example.org"));
    EXPECT_EQ(text(*model, 0, SubjectListModel::Name), m_seeded.names.at(41));
}

TEST_F(SubjectListModelTest, SearchByCyrillicNameIgnoresCase)
{
    auto model = makeModel();
    model->setFilter(filterOf(QStringLiteral("АЛЕСЬ"), std::nullopt));
    ASSERT_TRUE(waitForCount(*model));
    const int expected = int(std::count_if(m_seeded.names.cbegin(), m_seeded.names.cend(), [](const QString &name) {
        return name.startsWith(QStringLiteral("Алесь"));
    }));
    ASSERT_GT(expected, 0);
    ASSERT_EQ(model->rowCount(), expected);
    ASSERT_TRUE(loadRow(*model, expected - 1));
    for (int row = 0; row < expected; ++row) {
        EXPECT_TRUE(text(*model, row, SubjectListModel::Name).startsWith(QStringLiteral("Алесь")));
    }
}

TEST_F(SubjectListModelTest, StateFilterShowsOnlyBlockedSubjects)
{
    auto model = makeModel();
    model->setFilter(filterOf(QString(), DataState::Blocked));
    ASSERT_TRUE(waitForCount(*model));
    const int blocked = m_seeded.countInState(QStringLiteral("blocked"));
    ASSERT_GT(blocked, 0);
    ASSERT_EQ(model->rowCount(), blocked);
    ASSERT_TRUE(loadRow(*model, blocked - 1));
    for (int row = 0; row < blocked; ++row) {
        EXPECT_EQ(text(*model, row, 0, SubjectListModel::StateRole), QStringLiteral("blocked")) << row;
    }
}

TEST_F(SubjectListModelTest, SortsByNameDescendingAndIgnoresOtherColumns)
{
    auto model = makeModel();
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(loadRow(*model, 0));
    model->sort(SubjectListModel::Name, Qt::DescendingOrder);
    EXPECT_EQ(model->sortColumn(), SubjectListModel::Name);
    model->sort(SubjectListModel::Phone, Qt::AscendingOrder);
    EXPECT_EQ(model->sortColumn(), SubjectListModel::Name);
    EXPECT_EQ(model->sortOrder(), Qt::DescendingOrder);
    EXPECT_FALSE(model->isRowLoaded(0));

    QList<int> order;
    for (int i = 0; i < m_seeded.count(); ++i) {
        order.append(i);
    }
    std::sort(order.begin(), order.end(), [this](int a, int b) {
        const QString keyA = searchkeys::name(m_seeded.names.at(a));
        const QString keyB = searchkeys::name(m_seeded.names.at(b));
        return keyA != keyB ? keyA > keyB : a > b;
    });
    ASSERT_TRUE(loadRow(*model, 0));
    for (int row = 0; row < 20; ++row) {
        EXPECT_EQ(text(*model, row, SubjectListModel::Name), m_seeded.names.at(order.at(row))) << row;
    }
}

TEST_F(SubjectListModelTest, DropsResultsOfAnEarlierFilter)
{
    auto model = makeModel();
    ASSERT_TRUE(loadRow(*model, 0));
    model->data(model->index(300, 0)); // a page for the old filter is on its way
    model->setFilter(filterOf(QStringLiteral("user00001@"), std::nullopt));
    model->setFilter(filterOf(QStringLiteral("user00007@"), std::nullopt));
    ASSERT_TRUE(waitForCount(*model));
    ASSERT_EQ(model->rowCount(), 1);
    ASSERT_TRUE(loadRow(*model, 0));
    EXPECT_EQ(text(*model, 0, SubjectListModel::Email), QStringLiteral("user00007@example.org"));
}

TEST_F(SubjectListModelTest, CanBeDestroyedWhileLoading)
{
    for (int round = 0; round < 20; ++round) {
        auto model = makeModel();
        if (round % 2 == 1) {
            ASSERT_TRUE(waitForCount(*model));
            for (int page = 0; page < 3; ++page) {
                model->data(model->index(page * SubjectListModel::kPageSize, 0));
            }
        }
        model->setFilter(filterOf(QStringLiteral("a"), std::nullopt));
        model.reset(); // a count or a page query is in flight here
    }
    // The database is still usable, and a new model works.
    auto model = makeModel();
    ASSERT_TRUE(loadRow(*model, 0));
    EXPECT_EQ(text(*model, 0, SubjectListModel::Name), m_seeded.names.at(0));
}

TEST_F(SubjectListModelTest, RefreshReplacesChangedRowsWithoutAReset)
{
    auto model = makeModel();
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(loadRow(*model, 0));
    ASSERT_EQ(text(*model, 0, SubjectListModel::State), QStringLiteral("Active"));
    const Session officer = makeOperator(*m_testDatabase.database(), QStringLiteral("anna"), Role::Officer);
    RestrictionService::Restriction restriction;
    restriction.subjectId = 1;
    restriction.expectedVersion = 1;
    restriction.reason = QStringLiteral("accuracy disputed");
    const Status blocked = RestrictionService::block(*m_testDatabase.database(), officer, restriction);
    ASSERT_TRUE(blocked.ok()) << blocked.error().message.toStdString();

    QSignalSpy resets(model.get(), &QAbstractItemModel::modelAboutToBeReset);
    model->refresh();
    EXPECT_TRUE(model->isRefreshing());
    EXPECT_FALSE(model->isCounting()); // the rows shown stay valid meanwhile
    EXPECT_EQ(text(*model, 0, SubjectListModel::Name), m_seeded.names.at(0));
    ASSERT_TRUE(QTest::qWaitFor([&] { return text(*model, 0, SubjectListModel::State) == QStringLiteral("Blocked"); },
                                kWaitMs));
    EXPECT_EQ(resets.size(), 0);
    EXPECT_EQ(model->rowCount(), 500);
}

TEST_F(SubjectListModelTest, ARoleWithoutPersonalDataAsksForNothing)
{
    SubjectListModel model(m_testDatabase.database(), Session{1, QStringLiteral("admin"), Role::Admin});
    EXPECT_FALSE(model.canView());
    EXPECT_FALSE(model.isCounting());
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(model.lastError().contains(QStringLiteral("may not view personal data")))
        << model.lastError().toStdString();
    model.setFilter(filterOf(QStringLiteral("a"), std::nullopt));
    model.refresh();
    EXPECT_FALSE(model.isCounting());
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(SubjectListModelCacheTest, KeepsAtMostTheCacheLimitWhileReadingEveryPage)
{
    auto model = makeModel();
    ASSERT_TRUE(waitForCount(*model));
    ASSERT_EQ(model->rowCount(), 12000);
    const int pages = 12000 / SubjectListModel::kPageSize;
    ASSERT_GT(pages, SubjectListModel::kMaxCachedPages);
    for (int page = 0; page < pages; ++page) {
        ASSERT_TRUE(loadRow(*model, page * SubjectListModel::kPageSize + 7)) << page;
        ASSERT_LE(model->cachedPageCount(), SubjectListModel::kMaxCachedPages);
    }
    EXPECT_LE(model->peakCachedPageCount(), SubjectListModel::kMaxCachedPages);
    EXPECT_EQ(model->cachedPageCount(), SubjectListModel::kMaxCachedPages);
    EXPECT_FALSE(model->isRowLoaded(0)); // the least recently used pages went first
    EXPECT_TRUE(model->isRowLoaded(11999));
    EXPECT_EQ(text(*model, 11999, SubjectListModel::Name), m_seeded.names.at(11999));
}

TEST_F(SubjectListModelCacheTest, AFastScrollLoadsTheNewestRequestFirst)
{
    auto model = makeModel();
    ASSERT_TRUE(waitForCount(*model));
    QSignalSpy loaded(model.get(), &SubjectListModel::pageLoaded);
    // A scroll bar dragged from top to bottom touches every page on the way; only the last ones matter.
    for (int page = 0; page < 60; ++page) {
        model->data(model->index(page * SubjectListModel::kPageSize, 0));
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->isRowLoaded(11999); }, kWaitMs));
    // The first request was already on its way; the newest came right after it.
    EXPECT_EQ(loaded.size(), 2);
    // Of the rest only the last kMaxPendingPages were kept; the pages scrolled past were never loaded.
    const int kept = 1 + SubjectListModel::kMaxPendingPages;
    ASSERT_TRUE(QTest::qWaitFor([&] { return loaded.size() >= kept; }, kWaitMs));
    EXPECT_TRUE(model->isRowLoaded((60 - SubjectListModel::kMaxPendingPages) * SubjectListModel::kPageSize));
    EXPECT_FALSE(model->isRowLoaded(SubjectListModel::kPageSize));
    EXPECT_FALSE(model->isRowLoaded((59 - SubjectListModel::kMaxPendingPages) * SubjectListModel::kPageSize));
}

} // namespace

} // namespace pd::test
