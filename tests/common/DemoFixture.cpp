#include "DemoFixture.h"

#include "app/access/AuthService.h"
#include "app/demo/DemoGenerator.h"
#include "app/subjects/SubjectDetailsReader.h"
#include "ui/shell/MainWindow.h"
#include "ui/subjects/SubjectDataTree.h"
#include "ui/subjects/SubjectListModel.h"
#include "ui/subjects/SubjectPanel.h"
#include "ui/subjects/SubjectRecordTabs.h"
#include "ui/subjects/SubjectsPage.h"

#include <QSettings>
#include <QTableWidget>
#include <QTest>

namespace pd::test {

void DemoFixture::SetUp()
{
    QSettings().clear();
    ASSERT_TRUE(m_testDatabase.database()) << m_testDatabase.reason().toStdString();
}

void DemoFixture::TearDown()
{
    m_window.reset();
    QSettings().clear();
}

void DemoFixture::generate(int subjects)
{
    DemoGenerator::Options options;
    options.subjects = subjects;
    options.seed = 4;
    const Result<DemoGenerator::Summary> made = DemoGenerator::generate(db(), options);
    ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
}

Session DemoFixture::signIn(const QString &name)
{
    for (const DemoGenerator::DemoOperator &demo : DemoGenerator::demoOperators()) {
        if (demo.name == name) {
            const Result<Session> session = AuthService::signIn(db(), demo.name, demo.password);
            EXPECT_TRUE(session.ok()) << session.error().message.toStdString();
            return session.ok() ? session.value() : Session();
        }
    }
    ADD_FAILURE() << "no demo operator " << name.toStdString();
    return {};
}

void DemoFixture::openWindow(const Session &session)
{
    m_window = std::make_unique<MainWindow>(m_testDatabase.database(), session);
    m_window->resize(1300, 800);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow(); // shortcuts reach only the active window
    ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
    m_window->setCurrentPage(MainWindow::Page::Subjects);
    ASSERT_TRUE(waitForRows());
}

SubjectsPage &DemoFixture::page()
{
    return *m_window->subjectsPage();
}

SubjectPanel &DemoFixture::panel()
{
    return *page().subjectPanel();
}

bool DemoFixture::waitForRows(int rows)
{
    SubjectListModel &model = *page().model();
    return QTest::qWaitFor(
        [&] { return !model.isCounting() && !model.isRefreshing() && (rows < 0 || model.rowCount() == rows); },
        kWaitMs);
}

SubjectDetails DemoFixture::subjectWithEmail(const Session &who, DataState state)
{
    SubjectFilter filter;
    filter.state = state;
    const Result<QList<SubjectRow>> rows =
        SubjectDirectory::page(db(), who, filter, SubjectDirectory::Sort::Id, false, 0, 50);
    EXPECT_TRUE(rows.ok());
    for (const SubjectRow &row : rows.value()) {
        const Result<SubjectDetails> details = SubjectDetailsReader::read(db(), who, row.id);
        if (details && !row.email.isEmpty() &&
            itemId(details.value(), QStringLiteral("account"), QStringLiteral("email")) > 0) {
            return details.value();
        }
    }
    ADD_FAILURE() << "no subject with an e-mail";
    return {};
}

qint64 DemoFixture::count(const Session &who, const SubjectFilter &filter)
{
    const Result<qint64> counted = SubjectDirectory::count(db(), who, filter);
    EXPECT_TRUE(counted.ok()) << counted.error().message.toStdString();
    return counted.ok() ? counted.value() : -1;
}

qint64 DemoFixture::itemId(const SubjectDetails &details, const QString &category, const QString &field)
{
    for (const SubjectDetails::Item &item : details.items) {
        if (item.category == category && item.field == field) {
            return item.id;
        }
    }
    return 0;
}

QString DemoFixture::shownValue(qint64 itemId)
{
    const QTreeWidgetItem *row = panel().dataTree()->rowOf(itemId);
    return row ? row->text(SubjectDataTree::Value) : QString();
}

bool DemoFixture::timelineHas(const QString &action)
{
    const QTableWidget *timeline = panel().recordTabs()->table(SubjectRecordTabs::History);
    for (int row = 0; row < timeline->rowCount(); ++row) {
        if (timeline->item(row, 2)->data(SubjectRecordTabs::ActionRole).toString() == action) {
            return true;
        }
    }
    return false;
}

} // namespace pd::test
