#include "ui/shell/MainWindow.h"

#include "TestDatabase.h"
#include "UiTestSupport.h"
#include "app/domain/SearchKeys.h"
#include "app/subjects/RestrictionService.h"
#include "ui/audit/AuditPage.h"
#include "ui/common/EmptyState.h"
#include "ui/common/MessageBox.h"
#include "ui/policy/PurposesPage.h"
#include "ui/shell/HelpDialogs.h"
#include "ui/shell/UiLanguage.h"
#include "ui/subjects/SubjectListModel.h"
#include "ui/subjects/SubjectsPage.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>

#include <algorithm>
#include <memory>

namespace pd::test {

namespace {

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear(); // the last page and geometry of an earlier test must not leak in
        ASSERT_TRUE(m_testDatabase.database()) << m_testDatabase.reason().toStdString();
    }

    void TearDown() override
    {
        m_window.reset();
        QSettings().clear();
    }

    void open(int subjects, const Session &session = officerSession())
    {
        if (subjects > 0) {
            m_seeded = seedSubjects(*m_testDatabase.database(), subjects);
            ASSERT_FALSE(::testing::Test::HasFailure());
        }
        m_window = std::make_unique<MainWindow>(m_testDatabase.database(), session);
        m_window->resize(1200, 700);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }

    template <typename T> T *child(const char *name) const
    {
        T *found = m_window->findChild<T *>(QLatin1String(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    SubjectListModel &model() const { return *m_window->subjectsPage()->model(); }
    QString countText() const { return child<QLabel>("subjectCount")->text(); }

    /// Waits until every row the table shows on screen has been loaded.
    bool waitForVisibleRows() const
    {
        QTableView *table = m_window->subjectsPage()->table();
        return QTest::qWaitFor(
            [&] {
                if (model().isCounting()) {
                    return false;
                }
                const int first = table->rowAt(0);
                int last = table->rowAt(table->viewport()->height() - 1);
                if (last < 0) {
                    last = model().rowCount() - 1;
                }
                if (first < 0) {
                    return model().rowCount() == 0;
                }
                for (int row = first; row <= last; ++row) {
                    if (!model().isRowLoaded(row)) {
                        return false;
                    }
                }
                return true;
            },
            kWaitMs);
    }

    QString shownName(int row) const { return model().data(model().index(row, SubjectListModel::Name)).toString(); }

    TestDatabase m_testDatabase{Backend::SQLite};
    SeededSubjects m_seeded;
    std::unique_ptr<MainWindow> m_window;
};

TEST_F(MainWindowTest, EveryPageFitsTheSmallestScreenInEveryLanguage)
{
    // 1280x800 is the smallest screen supported: no page may ask for more, in any language the program ships.
    for (const char *language : {"en", "ru", "be"}) {
        QTranslator translator;
        ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/privacydesk_%1.qm").arg(QLatin1String(language))));
        QCoreApplication::installTranslator(&translator);
        {
            MainWindow window(m_testDatabase.database(), officerSession());
            QStringList tooWide;
            const auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
            ASSERT_NE(pages, nullptr);
            for (int index = 0; index < pages->count(); ++index) {
                const QWidget *page = pages->widget(index);
                const QSize needs = page->minimumSizeHint();
                tooWide << QStringLiteral("%1: %2x%3")
                               .arg(QLatin1String(page->metaObject()->className()))
                               .arg(needs.width())
                               .arg(needs.height());
            }
            const QSize needs = window.minimumSizeHint();
            // The window's frame and title bar take a little of the screen: 1260x740 is what a window can have.
            EXPECT_LE(needs.width(), 1260) << language << ": " << tooWide.join(QStringLiteral(", ")).toStdString();
            EXPECT_LE(needs.height(), 740) << language << ": " << tooWide.join(QStringLiteral(", ")).toStdString();
        }
        QCoreApplication::removeTranslator(&translator);
    }
}

TEST_F(MainWindowTest, StatusBarNamesTheDatabaseAndTheOperator)
{
    open(10);
    const QString database = child<QLabel>("databaseLabel")->text();
    EXPECT_EQ(database, QStringLiteral("Database: ") + m_testDatabase.database()->url().displayName());
    EXPECT_EQ(child<QLabel>("operatorLabel")->text(), QStringLiteral("Operator: officer (officer)"));
}

TEST_F(MainWindowTest, AboutNamesTheVersionsOfTheLibrariesItRunsOn)
{
    open(10);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    child<QAction>("aboutPrivacyDesk")->trigger();
    const QString text = MessageBox::lastText();
    for (const char *library : {"Qt", "SQLite", "PostgreSQL client", "libsodium"}) {
        EXPECT_TRUE(text.contains(QRegularExpression(QLatin1String(library) + QStringLiteral(" \\d+\\.\\d+"))))
            << library << " in: " << text.toStdString();
    }
    EXPECT_TRUE(text.contains(QLatin1String(qVersion())));
}

TEST_F(MainWindowTest, ViewLanguageKeepsTheChoiceAndTheNextStartSpeaksIt)
{
    open(0);
    QAction *belarusian = child<QAction>("language-be");
    ASSERT_NE(belarusian, nullptr);
    EXPECT_TRUE(child<QAction>("language-system")->isChecked()) << "the system's language by default";
    MessageBox::setNextAnswer(QMessageBox::Ok);
    belarusian->trigger();
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("Беларуская"))) << "says when it applies";
    EXPECT_EQ(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("be"));
    EXPECT_EQ(UiLanguage::effective(), QStringLiteral("be"));

    // The next start: the translations and the date format are Belarusian whatever the system speaks.
    UiLanguage::install(*qApp);
    EXPECT_EQ(QCoreApplication::translate("pd::MainWindow", "Subjects"), QStringLiteral("Суб'екты"));
    EXPECT_EQ(QLocale().language(), QLocale::Belarusian);
    MainWindow next(m_testDatabase.database(), officerSession());
    EXPECT_TRUE(next.findChild<QAction *>(QStringLiteral("language-be"))->isChecked());
}

TEST_F(MainWindowTest, HelpShowsTheGuideInTheWindowsLanguageAndEveryShortcut)
{
    open(0);
    child<QAction>("keyboardShortcuts")->trigger();
    QDialog *shortcuts = m_window->findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
    ASSERT_NE(shortcuts, nullptr);
    QStringList listed;
    for (QTreeWidgetItem *item : shortcuts->findChild<QTreeWidget *>()->findItems(
             QStringLiteral("*"), Qt::MatchWildcard | Qt::MatchRecursive, 1)) {
        listed << item->text(0) + QStringLiteral(" = ") + item->text(1);
    }
    const QString all = listed.join(QLatin1Char('\n'));
    for (const QKeySequence &keys : {QKeySequence(QKeySequence::New), QKeySequence(QKeySequence::Find),
                                     QKeySequence(Qt::CTRL | Qt::Key_L), QKeySequence(Qt::CTRL | Qt::Key_1)}) {
        EXPECT_TRUE(all.contains(keys.toString(QKeySequence::NativeText))) << all.toStdString();
    }
    EXPECT_TRUE(all.contains(QStringLiteral("New Request"))) << all.toStdString();

    child<QAction>("userGuide")->trigger();
    QDialog *guide = m_window->findChild<QDialog *>(QStringLiteral("guideDialog"));
    ASSERT_NE(guide, nullptr);
    EXPECT_TRUE(guide->findChild<QTextBrowser *>()->toPlainText().contains(QStringLiteral("Privacy Desk")));
    // Each language ships its own guide.
    const QString russian = HelpDialogs::guide(QStringLiteral("ru"));
    const QString belarusian = HelpDialogs::guide(QStringLiteral("be"));
    EXPECT_TRUE(russian.contains(QStringLiteral("Руководство пользователя")));
    EXPECT_TRUE(belarusian.contains(QStringLiteral("Кіраўніцтва карыстальніка")));
    EXPECT_NE(russian, HelpDialogs::guide(QStringLiteral("en")));
}

TEST_F(MainWindowTest, NavigationSwitchesPages)
{
    open(10);
    auto *pages = child<QStackedWidget>("pages");
    auto *navigation = child<QListWidget>("navigation");
    EXPECT_EQ(m_window->currentPage(), MainWindow::Page::Subjects);
    EXPECT_EQ(navigation->count(), MainWindow::kPageCount);

    navigation->setCurrentRow(int(MainWindow::Page::Purposes));
    EXPECT_EQ(m_window->currentPage(), MainWindow::Page::Purposes);
    EXPECT_EQ(pages->currentWidget(), m_window->purposesPage());
    EXPECT_TRUE(child<EmptyState>("purposeEmptyState")->isVisible());

    child<QAction>("showPage6")->trigger();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Page::Audit);
    EXPECT_EQ(navigation->currentRow(), int(MainWindow::Page::Audit));
    EXPECT_EQ(pages->currentWidget(), m_window->auditPage());

    child<QAction>("showPage5")->trigger();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Page::Reports);
    EXPECT_EQ(pages->currentWidget()->objectName(), QStringLiteral("reportsPage"));

    m_window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(m_window->currentPage(), MainWindow::Page::Requests);
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_EQ(m_window->currentPage(), MainWindow::Page::Subjects);
    EXPECT_TRUE(child<QLineEdit>("subjectSearch")->hasFocus());
}

TEST_F(MainWindowTest, RemembersTheLastPage)
{
    open(10);
    m_window->setCurrentPage(MainWindow::Page::Reports);
    m_window->close();
    m_window = std::make_unique<MainWindow>(m_testDatabase.database(), officerSession());
    EXPECT_EQ(m_window->currentPage(), MainWindow::Page::Reports);
}

TEST_F(MainWindowTest, SubjectsPageShowsTheCountAndTheFirstRows)
{
    open(300);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model().isCounting(); }, kWaitMs));
    EXPECT_TRUE(countText().startsWith(QLocale().toString(300))) << countText().toStdString();
    EXPECT_TRUE(m_window->subjectsPage()->table()->isVisible());
    ASSERT_TRUE(waitForVisibleRows());
    QTableView *table = m_window->subjectsPage()->table();
    EXPECT_EQ(table->rowAt(0), 0);
    EXPECT_GT(table->rowAt(table->viewport()->height() - 1), 5); // a screenful, not one row
    for (int row = 0; row < 6; ++row) {
        EXPECT_EQ(shownName(row), m_seeded.names.at(row)) << row; // rows 1, 3 and 5 are Cyrillic
    }
}

TEST_F(MainWindowTest, TypingInTheSearchNarrowsTheRows)
{
    open(300);
    ASSERT_TRUE(waitForVisibleRows());
    QTest::keyClicks(child<QLineEdit>("subjectSearch"), QStringLiteral("user00123@"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model().isCounting() && model().rowCount() == 1; }, kWaitMs));
    ASSERT_TRUE(waitForVisibleRows());
    EXPECT_EQ(model().data(model().index(0, SubjectListModel::Email)).toString(),
              QStringLiteral("user00123@example.org"));
    EXPECT_TRUE(countText().startsWith(QStringLiteral("1 "))) << countText().toStdString();

    child<QLineEdit>("subjectSearch")->clear();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model().isCounting() && model().rowCount() == 300; }, kWaitMs));
}

TEST_F(MainWindowTest, StateFilterBlockedShowsOnlyBlockedSubjects)
{
    open(300);
    auto *state = child<QComboBox>("stateFilter");
    state->setCurrentIndex(state->findText(QStringLiteral("Blocked")));
    const int blocked = m_seeded.countInState(QStringLiteral("blocked"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model().isCounting() && model().rowCount() == blocked; }, kWaitMs));
    EXPECT_TRUE(countText().startsWith(QLocale().toString(blocked))) << countText().toStdString();
    ASSERT_TRUE(loadRow(model(), blocked - 1));
    for (int row = 0; row < blocked; ++row) {
        EXPECT_EQ(model().data(model().index(row, 0), SubjectListModel::StateRole).toString(),
                  QStringLiteral("blocked"));
    }
}

TEST_F(MainWindowTest, ClickingAHeaderSortsByThatColumnWhenItCan)
{
    open(300);
    ASSERT_TRUE(waitForVisibleRows());
    QHeaderView *header = m_window->subjectsPage()->table()->horizontalHeader();
    const auto click = [header](int section) {
        const QPoint centre(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                            header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, centre);
    };
    click(SubjectListModel::Name);
    EXPECT_EQ(model().sortColumn(), SubjectListModel::Name);
    EXPECT_EQ(model().sortOrder(), Qt::AscendingOrder);
    click(SubjectListModel::Name);
    EXPECT_EQ(model().sortOrder(), Qt::DescendingOrder);
    click(SubjectListModel::Phone); // not sortable: order and indicator stay
    EXPECT_EQ(model().sortColumn(), SubjectListModel::Name);
    EXPECT_EQ(header->sortIndicatorSection(), int(SubjectListModel::Name));
    EXPECT_EQ(header->sortIndicatorOrder(), Qt::DescendingOrder);
    ASSERT_TRUE(waitForVisibleRows());
    EXPECT_EQ(m_window->subjectsPage()->table()->rowAt(0), 0);
    QString greatest;
    for (const QString &name : qAsConst(m_seeded.names)) {
        greatest = std::max(greatest, searchkeys::name(name));
    }
    EXPECT_TRUE(greatest.at(0) > QLatin1Char('z')); // a Cyrillic name comes first
    EXPECT_EQ(searchkeys::name(shownName(0)), greatest);
}

TEST_F(MainWindowTest, ScrollingToTheEndLoadsTheLastRowWithinTheCacheLimit)
{
    open(12000);
    ASSERT_TRUE(waitForVisibleRows());
    QTableView *table = m_window->subjectsPage()->table();
    QScrollBar *bar = table->verticalScrollBar();
    // Scroll down in steps, as a user dragging the bar would, then jump to the end.
    for (int step = 1; step <= 20; ++step) {
        bar->setValue(bar->maximum() * step / 20);
        ASSERT_TRUE(waitForVisibleRows()) << step;
    }
    table->scrollToBottom();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model().isRowLoaded(11999); }, kWaitMs));
    ASSERT_TRUE(waitForVisibleRows());
    EXPECT_EQ(shownName(11999), m_seeded.names.at(11999));
    EXPECT_EQ(table->rowAt(table->viewport()->height() - 1), 11999);
    EXPECT_LE(model().peakCachedPageCount(), SubjectListModel::kMaxCachedPages);
    EXPECT_LT(model().cachedPageCount(), 12000 / SubjectListModel::kPageSize);

    // A new filter starts again at the first row.
    auto *state = child<QComboBox>("stateFilter");
    state->setCurrentIndex(state->findText(QStringLiteral("Blocked")));
    const int blocked = m_seeded.countInState(QStringLiteral("blocked"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model().isCounting() && model().rowCount() == blocked; }, kWaitMs));
    ASSERT_TRUE(waitForVisibleRows());
    EXPECT_EQ(table->rowAt(0), 0);
}

TEST_F(MainWindowTest, EmptyDatabaseShowsAnEmptyState)
{
    open(0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model().isCounting(); }, kWaitMs));
    auto *empty = child<EmptyState>("subjectEmptyState");
    EXPECT_TRUE(empty->isVisible());
    EXPECT_TRUE(empty->text().contains(QStringLiteral("no subjects yet")));
    EXPECT_FALSE(m_window->subjectsPage()->table()->isVisible());
}

TEST_F(MainWindowTest, SearchWithoutMatchesShowsAnEmptyState)
{
    open(50);
    ASSERT_TRUE(waitForVisibleRows());
    QTest::keyClicks(child<QLineEdit>("subjectSearch"), QStringLiteral("nobody-by-that-name"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model().isCounting() && model().rowCount() == 0; }, kWaitMs));
    auto *empty = child<EmptyState>("subjectEmptyState");
    EXPECT_TRUE(empty->isVisible());
    EXPECT_TRUE(empty->text().contains(QStringLiteral("No subject matches")));
}

TEST_F(MainWindowTest, AnAdministratorSeesNoPersonalData)
{
    m_seeded = seedSubjects(*m_testDatabase.database(), 50);
    const Session admin = makeOperator(*m_testDatabase.database(), QStringLiteral("admin"), Role::Admin);
    open(0, admin);
    EXPECT_EQ(m_window->currentPage(), MainWindow::Page::Audit); // where an administrator has something to do
    EXPECT_EQ(child<QLabel>("operatorLabel")->text(), QStringLiteral("Operator: admin (administrator)"));
    m_window->setCurrentPage(MainWindow::Page::Subjects);
    auto *empty = child<EmptyState>("subjectEmptyState");
    EXPECT_TRUE(empty->isVisible());
    EXPECT_TRUE(empty->text().contains(QStringLiteral("does not include viewing personal data")))
        << empty->text().toStdString();
    EXPECT_FALSE(m_window->subjectsPage()->table()->isVisible());
    EXPECT_FALSE(child<QLineEdit>("subjectSearch")->isEnabled());
    EXPECT_FALSE(child<QLabel>("subjectError")->isVisible());
    EXPECT_EQ(model().rowCount(), 0);
}

TEST_F(MainWindowTest, SubjectsPageRefreshesAfterAChangeNotification)
{
    const Session officer = makeOperator(*m_testDatabase.database(), QStringLiteral("anna"), Role::Officer);
    open(300, officer);
    ASSERT_TRUE(waitForVisibleRows());
    QTableView *table = m_window->subjectsPage()->table();
    table->scrollTo(model().index(40, 0), QAbstractItemView::PositionAtTop);
    ASSERT_TRUE(waitForVisibleRows());
    table->selectRow(42);
    const int scrolled = table->verticalScrollBar()->value();
    ASSERT_GT(scrolled, 0);
    const int row = 42; // subject 43, active in the seed
    ASSERT_EQ(model().data(model().index(row, SubjectListModel::State)).toString(), QStringLiteral("Active"));

    RestrictionService::Restriction restriction;
    restriction.subjectId = row + 1;
    restriction.expectedVersion = 1;
    restriction.reason = QStringLiteral("accuracy disputed");
    const Status blocked = RestrictionService::block(*m_testDatabase.database(), officer, restriction);
    ASSERT_TRUE(blocked.ok()) << blocked.error().message.toStdString();

    // No reload by hand: the change notification reaches the page, which refreshes the rows it shows.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return model().data(model().index(row, SubjectListModel::State)).toString() == QStringLiteral("Blocked");
        },
        kWaitMs));
    EXPECT_EQ(table->verticalScrollBar()->value(), scrolled);
    EXPECT_TRUE(table->selectionModel()->isRowSelected(row, QModelIndex()));
    EXPECT_EQ(model().rowCount(), 300);
}

TEST_F(MainWindowTest, ClosingWhileRowsLoadLeavesNothingOpenAndTheNextWindowShowsTheRows)
{
    open(12000);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model().isCounting(); }, kWaitMs));
    EXPECT_GE(m_testDatabase.database()->openConnectionCount(), 2) << "the list loads with a connection of its own";
    m_window->subjectsPage()->table()->scrollToBottom(); // asks for the last pages...
    m_window.reset();                                    // ...and closes before they arrive
    // Every worker closed its connection when it ended: only this thread's (the seeding's) is left. A closed window
    // holds no connection (on a shared server each one counts against its limit) and runs no query.
    EXPECT_EQ(m_testDatabase.database()->openConnectionCount(), 1);

    open(0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model().isCounting(); }, kWaitMs));
    EXPECT_TRUE(countText().startsWith(QLocale().toString(12000))) << countText().toStdString();
    m_window->subjectsPage()->table()->scrollToBottom();
    ASSERT_TRUE(waitForVisibleRows());
    EXPECT_EQ(shownName(11999), m_seeded.names.at(11999));
}

} // namespace

} // namespace pd::test
