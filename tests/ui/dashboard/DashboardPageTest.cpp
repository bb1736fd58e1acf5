#include "ui/dashboard/DashboardPage.h"

#include "app/breaches/BreachRegister.h"

#include "DemoFixture.h"
#include "app/demo/DemoGenerator.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "ui/common/MessageBox.h"
#include "ui/shell/MainWindow.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QHorizontalStackedBarSeries>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace pd::test {

namespace {

const QString kOpen = QStringLiteral("status IN ('new', 'identity-pending', 'in-progress', 'awaiting-approval')");

class DashboardPageTest : public DemoFixture
{
protected:
    DashboardPage &dashboard() { return *window().dashboardPage(); }

    /// Signs in, opens the window and switches to the Dashboard; waits until its first count is on screen.
    void openDashboard(const QString &operatorName = QStringLiteral("officer"))
    {
        openWindow(signIn(operatorName));
        ASSERT_FALSE(HasFatalFailure());
        QSignalSpy refreshed(&dashboard(), &DashboardPage::refreshed);
        window().setCurrentPage(MainWindow::Page::Dashboard);
        ASSERT_TRUE(dashboard().isVisible());
        if (dashboard().canView()) {
            ASSERT_TRUE(refreshed.count() > 0 || refreshed.wait(kWaitMs));
        }
    }

    qint64 count(const QString &condition, const QVariantList &values = {})
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        EXPECT_TRUE(query.prepare(QStringLiteral("SELECT COUNT(*) FROM requests WHERE ") + condition));
        for (const QVariant &value : values) {
            query.addBindValue(value);
        }
        EXPECT_TRUE(query.exec() && query.next()) << query.lastError().text().toStdString();
        return query.value(0).toLongLong();
    }

    qint64 overdueInRegister()
    {
        return count(kOpen + QStringLiteral(" AND COALESCE(extended_due_date, due_date) < ?"),
                     {QDate::currentDate().toString(Qt::ISODate)});
    }

    /// An open request past its deadline, written straight into the register (as another workstation would).
    void addOverdueRequest()
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        ASSERT_TRUE(query.prepare(
            QStringLiteral("INSERT INTO requests (type, regime, status, received_at, due_date, created_at, updated_at) "
                           "VALUES ('erasure', 'gdpr', 'in-progress', ?, ?, ?, ?)")));
        const QString received = QDate::currentDate().addDays(-40).toString(Qt::ISODate) + QStringLiteral("T09:00:00Z");
        query.addBindValue(received);
        query.addBindValue(QDate::currentDate().addDays(-10).toString(Qt::ISODate));
        query.addBindValue(received);
        query.addBindValue(received);
        ASSERT_TRUE(query.exec()) << query.lastError().text().toStdString();
    }

    static QString number(qint64 value) { return QLocale().toString(value); }
};

TEST_F(DashboardPageTest, NoChartLabelIsCutOnTheSmallestScreenInAnyLanguage)
{
    generate(400);
    for (const char *language : {"en", "ru", "be"}) {
        QTranslator translator;
        ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/privacydesk_%1.qm").arg(QLatin1String(language))));
        QCoreApplication::installTranslator(&translator);
        openDashboard();
        window().resize(1260, 740); // 1280x800 less the window's frame and title bar
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        QStringList labels;
        QStringList cut;
        for (QChartView *view : dashboard().findChildren<QChartView *>()) {
            view->chart()->layout()->activate(); // lays the axes and the legend out at the new size
            QCoreApplication::processEvents();
            for (QGraphicsItem *item : view->scene()->items()) {
                QString text;
                if (auto *rich = dynamic_cast<QGraphicsTextItem *>(item)) {
                    text = rich->toPlainText();
                } else if (auto *plain = dynamic_cast<QGraphicsSimpleTextItem *>(item)) {
                    text = plain->text();
                }
                if (text.isEmpty() || !item->isVisible()) {
                    continue;
                }
                labels << text;
                // Qt Charts shortens a label that does not fit with "..." at its end.
                if (text.endsWith(QLatin1String("...")) || text.endsWith(QChar(0x2026))) {
                    cut << text;
                }
            }
        }
        EXPECT_GT(labels.size(), 20) << language << ": the charts' axes, legends and titles were found";
        EXPECT_TRUE(cut.isEmpty()) << language << ": " << cut.join(QStringLiteral(" | ")).toStdString();
        m_window.reset();
        QCoreApplication::removeTranslator(&translator);
    }
}

TEST_F(DashboardPageTest, HeadlineFiguresAreTheRegistersCounts)
{
    generate(300);
    openDashboard();
    EXPECT_FALSE(dashboard().isShowingEmptyState());
    EXPECT_TRUE(dashboard().errorText().isEmpty());
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QString in3 = QDate::currentDate().addDays(3).toString(Qt::ISODate);
    EXPECT_EQ(dashboard().figureText(DashboardPage::Figure::Open), number(count(kOpen)));
    EXPECT_EQ(dashboard().figureText(DashboardPage::Figure::Overdue), number(overdueInRegister()));
    EXPECT_EQ(dashboard().figureText(DashboardPage::Figure::DueIn3),
              number(count(kOpen + QStringLiteral(" AND COALESCE(extended_due_date, due_date) BETWEEN ? AND ?"),
                           {today, in3})));
    EXPECT_TRUE(dashboard().figureText(DashboardPage::Figure::OnTimeRate).endsWith(QLatin1Char('%')));
    EXPECT_GT(count(kOpen), 0); // the demo data has open requests, so the figures above say something
}

TEST_F(DashboardPageTest, ANewRequestAnnouncedByTheNotifierIsCounted)
{
    generate(300);
    openDashboard();
    const qint64 before = overdueInRegister();
    ASSERT_EQ(dashboard().figureText(DashboardPage::Figure::Overdue), number(before));

    addOverdueRequest();
    QSignalSpy refreshed(&dashboard(), &DashboardPage::refreshed);
    const Status announced = db().transaction([](QSqlDatabase &tx) {
        ChangeNotifier::notify(tx, QStringLiteral("requests"));
        return Status();
    });
    ASSERT_TRUE(announced.ok());
    ASSERT_TRUE(refreshed.wait(kWaitMs));
    EXPECT_EQ(dashboard().figureText(DashboardPage::Figure::Overdue), number(before + 1));
}

TEST_F(DashboardPageTest, ABreachHeadsThePageWhileItsNoticeIsDueAndLeavesWhenNotified)
{
    generate(50);
    openDashboard();
    const auto *banner = dashboard().findChild<QLabel *>(QStringLiteral("dashboardBreaches"));
    ASSERT_NE(banner, nullptr);
    EXPECT_FALSE(banner->isVisible()) << "no breach, no banner";

    // Recorded from the command line of another workstation: the notifier brings it to this window.
    const Session officer = signIn(QStringLiteral("officer"));
    BreachRegister::Input input;
    input.discovered = QDateTime::currentDateTimeUtc().addSecs(-3600);
    input.regimes = {Regime::Gdpr};
    input.nature = QStringLiteral("Mailing list sent to the wrong client");
    QSignalSpy refreshed(&dashboard(), &DashboardPage::refreshed);
    const Result<qint64> id = BreachRegister::record(db(), officer, input);
    ASSERT_TRUE(id.ok()) << id.error().message.toStdString();
    ASSERT_TRUE(refreshed.wait(kWaitMs));
    ASSERT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("#%1").arg(id.value()))) << banner->text().toStdString();
    EXPECT_TRUE(banner->text().contains(QLatin1String("GDPR"))) << banner->text().toStdString();

    ASSERT_TRUE(BreachRegister::notify(db(), officer, id.value(), QDateTime::currentDateTimeUtc(), QString()).ok());
    ASSERT_TRUE(refreshed.wait(kWaitMs));
    EXPECT_FALSE(banner->isVisible());
}

TEST_F(DashboardPageTest, AnAgentSeesNoBreachBanner)
{
    generate(50);
    BreachRegister::Input input;
    input.discovered = QDateTime::currentDateTimeUtc().addSecs(-3600);
    input.regimes = {Regime::Gdpr};
    input.nature = QStringLiteral("Mailing list sent to the wrong client");
    ASSERT_TRUE(BreachRegister::record(db(), signIn(QStringLiteral("officer")), input).ok());
    openDashboard(QStringLiteral("agent"));
    const auto *banner = dashboard().findChild<QLabel *>(QStringLiteral("dashboardBreaches"));
    ASSERT_NE(banner, nullptr);
    EXPECT_FALSE(banner->isVisible()) << "the breach register is for officers and auditors";
}

TEST_F(DashboardPageTest, F5CountsAgain)
{
    generate(300);
    openDashboard();
    const qint64 before = count(kOpen);
    addOverdueRequest();
    QSignalSpy refreshed(&dashboard(), &DashboardPage::refreshed);
    QTest::keyClick(&window(), Qt::Key_F5);
    ASSERT_TRUE(refreshed.wait(kWaitMs));
    EXPECT_EQ(dashboard().figureText(DashboardPage::Figure::Open), number(before + 1));
}

TEST_F(DashboardPageTest, ClickingTheOverdueBarListsTheOverdueRequests)
{
    generate(300);
    openDashboard();
    ASSERT_GT(overdueInRegister(), 0);
    std::optional<RequestFilter> wanted;
    QObject::connect(&window(), &MainWindow::requestsFilterWanted, &window(),
                     [&wanted](const RequestFilter &filter) { wanted = filter; });

    // The overdue bar is the top row (index 3) of the horizontal deadline chart: click the middle of it.
    QChartView *view = dashboard().chartView(DashboardPage::Panel::ByAge);
    QChart *chart = view->chart();
    ASSERT_EQ(chart->series().size(), 1);
    QAbstractSeries *series = chart->series().first();
    const QPointF middle = chart->mapToPosition(QPointF(double(overdueInRegister()) / 2.0, 3.0), series);
    const QPoint at = view->mapFromScene(chart->mapToScene(middle));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);

    ASSERT_TRUE(wanted.has_value());
    EXPECT_TRUE(wanted->openOnly);
    EXPECT_EQ(wanted->age, RequestAge::Overdue);
    EXPECT_EQ(wanted->today, QDate::currentDate());
    EXPECT_FALSE(wanted->type.has_value());
    EXPECT_EQ(window().currentPage(), MainWindow::Page::Requests);
}

TEST_F(DashboardPageTest, WeeklyBarsDrillDownToTheirWeek)
{
    generate(300);
    openDashboard();
    std::optional<RequestFilter> wanted;
    QObject::connect(&dashboard(), &DashboardPage::drillDown, &dashboard(),
                     [&wanted](const RequestFilter &filter) { wanted = filter; });
    ASSERT_TRUE(dashboard().drillDownTo(RequestStats::Chart::ReceivedInWeek, DashboardPage::kWeeks - 1));
    ASSERT_TRUE(wanted.has_value());
    EXPECT_EQ(wanted->receivedFrom, RequestStats::weekStart(QDate::currentDate()));
    EXPECT_EQ(wanted->receivedTo, RequestStats::weekStart(QDate::currentDate()).addDays(6));
    EXPECT_FALSE(dashboard().drillDownTo(RequestStats::Chart::ReceivedInWeek, DashboardPage::kWeeks));
}

TEST_F(DashboardPageTest, AChartIsSavedAsAPngPicture)
{
    generate(300);
    openDashboard();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QChartView *view = dashboard().chartView(DashboardPage::Panel::Flow);
    QAction *save = nullptr;
    for (QAction *action : view->actions()) {
        if (action->objectName() == QLatin1String("saveChart")) {
            save = action;
        }
    }
    ASSERT_NE(save, nullptr) << "no Save as PNG in the chart's context menu";
    MessageBox::setNextFileName(dir.filePath(QStringLiteral("weekly"))); // the extension is added
    save->trigger();

    const QImage picture(dir.filePath(QStringLiteral("weekly.png")), "PNG");
    ASSERT_FALSE(picture.isNull());
    EXPECT_EQ(picture.size(), view->size() * view->devicePixelRatioF());
    EXPECT_GT(picture.width(), 200);
}

TEST_F(DashboardPageTest, AnEmptyRegisterSaysSo)
{
    DemoGenerator::Options options;
    options.subjects = 20;
    options.requests = 0;
    options.seed = 4;
    ASSERT_TRUE(DemoGenerator::generate(db(), options).ok());
    openDashboard();
    EXPECT_TRUE(dashboard().isShowingEmptyState());
    EXPECT_EQ(dashboard().figureText(DashboardPage::Figure::Open), number(0));
}

TEST_F(DashboardPageTest, AnAdministratorIsToldWhyAndNothingIsCounted)
{
    generate(50);
    openDashboard(QStringLiteral("admin"));
    EXPECT_FALSE(dashboard().canView());
    EXPECT_TRUE(dashboard().isShowingEmptyState());
    EXPECT_FALSE(dashboard().isRefreshing());
    EXPECT_FALSE(dashboard().snapshot().has_value());
}

} // namespace

} // namespace pd::test
