#include "ui/dashboard/DashboardPage.h"

#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "ui/common/EmptyState.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/PageTitle.h"
#include "ui/common/Style.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDir>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QThread>
#include <QVBoxLayout>

namespace pd {

namespace {

const QString kFigureNames[DashboardPage::kFigureCount] = {
    QStringLiteral("openFigure"), QStringLiteral("overdueFigure"), QStringLiteral("dueIn3Figure"),
    QStringLiteral("onTimeFigure")};

const QString kPanelNames[DashboardCharts::kPanelCount] = {
    QStringLiteral("byAgeChart"), QStringLiteral("byStatusChart"), QStringLiteral("byTypeChart"),
    QStringLiteral("flowChart"), QStringLiteral("onTimeChart")};

} // namespace

DashboardPage::DashboardPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QWidget(parent), m_database(std::move(database)), m_session(session),
      m_canView(Permissions::allows(session.role, Action::ViewPersonalData)),
      m_canSeeBreaches(Permissions::allows(session.role, Action::ExportRegisters))
{
    m_asOf = new QLabel(this);
    m_asOf->setObjectName(QStringLiteral("dashboardAsOf"));
    m_asOf->setForegroundRole(QPalette::PlaceholderText);
    m_refreshButton =
        new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload, nullptr, this), tr("&Refresh"), this);
    m_refreshButton->setObjectName(QStringLiteral("dashboardRefresh"));
    m_refreshButton->setToolTip(tr("Count the figures again (F5)"));
    connect(m_refreshButton, &QPushButton::clicked, this, &DashboardPage::refresh);
    // A window shortcut on the page: it works wherever the focus is, and only while the page is shown.
    auto *refreshAction = new QAction(tr("Refresh"), this);
    refreshAction->setObjectName(QStringLiteral("dashboardRefreshAction"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WindowShortcut);
    connect(refreshAction, &QAction::triggered, this, &DashboardPage::refresh);
    addAction(refreshAction);

    auto *heading = new QHBoxLayout;
    heading->addWidget(new PageTitle(tr("Dashboard"), this));
    heading->addSpacing(12);
    heading->addWidget(m_asOf, 0, Qt::AlignBottom);
    heading->addStretch(1);
    heading->addWidget(m_refreshButton);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("dashboardError"));
    Style::showAsError(m_errorLabel);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();

    // A breach's notice runs in hours (GDPR: 72): while one is due it heads the page, above every figure.
    m_breaches = new QLabel(this);
    m_breaches->setObjectName(QStringLiteral("dashboardBreaches"));
    m_breaches->setWordWrap(true);
    m_breaches->setFrameShape(QFrame::StyledPanel);
    m_breaches->setMargin(8);
    m_breaches->setTextFormat(Qt::PlainText);
    m_breaches->hide();

    m_content = new QWidget(this);
    auto *figures = new QHBoxLayout;
    figures->setSpacing(8);
    figures->addWidget(createFigure(Figure::Open, tr("Open requests")));
    figures->addWidget(createFigure(Figure::Overdue, tr("Overdue")));
    figures->addWidget(createFigure(Figure::DueIn3, tr("Due in 3 days")));
    figures->addWidget(createFigure(Figure::OnTimeRate, tr("Completed on time")));

    auto *topRow = new QHBoxLayout;
    auto *bottomRow = new QHBoxLayout;
    for (int index = 0; index < DashboardCharts::kPanelCount; ++index) {
        const Panel panel = Panel(index);
        auto *view = new QChartView(DashboardCharts::createChart(panel), m_content);
        view->setObjectName(kPanelNames[index]);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(260, 220);
        view->setAccessibleName(DashboardCharts::title(panel));
        view->setToolTip(tr("Click a bar, slice or point to list its requests; right-click to save the chart."));
        auto *save = new QAction(tr("Save as PNG\u2026"), view);
        save->setObjectName(QStringLiteral("saveChart"));
        connect(save, &QAction::triggered, this, [this, panel] { saveChartAs(panel); });
        view->addAction(save);
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        m_views.at(std::size_t(index)) = view;
    }
    // The deadline bars are short; the status legend and the type names need the width.
    topRow->addWidget(chartView(Panel::ByAge), 5);
    topRow->addWidget(chartView(Panel::ByStatus), 6);
    topRow->addWidget(chartView(Panel::ByType), 5);
    bottomRow->addWidget(chartView(Panel::Flow), 2);
    bottomRow->addWidget(chartView(Panel::OnTime), 1);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(figures);
    contentLayout->addLayout(topRow, 1);
    contentLayout->addLayout(bottomRow, 1);

    m_empty = new EmptyState(this);
    m_empty->setObjectName(QStringLiteral("dashboardEmpty"));
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_content);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(heading);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_breaches);
    layout->addWidget(m_stack, 1);

    m_refreshDelay.setSingleShot(true);
    m_refreshDelay.setInterval(kRefreshDelayMs);
    connect(&m_refreshDelay, &QTimer::timeout, this, &DashboardPage::refresh);

    if (!m_canView) {
        m_refreshButton->setEnabled(false);
        refreshAction->setEnabled(false);
        m_empty->setContent(tr("Your role does not include the requests of data subjects."),
                            tr("The dashboard is for officers, agents and auditors: its figures come from the "
                               "register of requests."),
                            QString(), QIcon(QStringLiteral(":/icons/dashboard.svg")));
        m_stack->setCurrentWidget(m_empty);
    }
}

DashboardPage::~DashboardPage()
{
    if (m_thread != nullptr) {
        // A count is a few aggregate statements: waiting for it is short, and it must not outlive the page.
        m_thread->wait();
        delete m_thread;
    }
}

QWidget *DashboardPage::createFigure(Figure figure, const QString &caption)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setBackgroundRole(QPalette::Base);
    frame->setAutoFillBackground(true);
    auto *value = new QLabel(QStringLiteral("\u2014"), frame);
    value->setObjectName(kFigureNames[int(figure)]);
    QFont font = value->font();
    font.setPointSizeF(font.pointSizeF() * 2.0);
    font.setBold(true);
    value->setFont(font);
    auto *text = new QLabel(caption, frame);
    text->setWordWrap(true);
    if (figure == Figure::OnTimeRate) {
        m_onTimeCaption = text;
    }
    value->setAccessibleDescription(caption);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(12, 6, 12, 8);
    layout->setSpacing(0);
    layout->addWidget(value);
    layout->addWidget(text);
    m_figures.at(std::size_t(figure)) = value;
    return frame;
}

QString DashboardPage::figureText(Figure figure) const
{
    return m_figures.at(std::size_t(figure))->text();
}

QString DashboardPage::errorText() const
{
    return m_error;
}

bool DashboardPage::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        refresh();
    } else if (m_stale) {
        m_stale = false;
        refresh();
    }
}

void DashboardPage::scheduleRefresh()
{
    if (!m_canView || !m_shownOnce) {
        return; // the first showing counts anyway
    }
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    // Not restarted by later changes: a busy period counts once per kRefreshDelayMs, not never.
    if (!m_refreshDelay.isActive()) {
        m_refreshDelay.start();
    }
}

void DashboardPage::refresh()
{
    if (!m_canView) {
        return;
    }
    m_refreshDelay.stop();
    if (m_thread != nullptr) {
        m_again = true;
        return;
    }
    m_again = false;
    m_refreshButton->setEnabled(false);
    auto outcome = std::make_shared<std::optional<Result<RequestStats::Snapshot>>>();
    auto breaches = std::make_shared<std::optional<Result<QList<BreachRegister::Breach>>>>();
    const std::shared_ptr<Database> database = m_database;
    const Session session = m_session;
    const bool withBreaches = m_canSeeBreaches;
    // Counted for the date of the moment the operator looks: a page left open overnight moves with the calendar.
    const QDate today = QDate::currentDate();
    m_thread = QThread::create([database, session, today, outcome, breaches, withBreaches] {
        outcome->emplace(RequestStats::compute(*database, session, today, kWeeks));
        if (withBreaches) {
            breaches->emplace(BreachRegister::awaitingNotice(*database, session));
        }
        database->releaseThreadConnection();
    });
    m_thread->setObjectName(QStringLiteral("DashboardCounter"));
    connect(m_thread, &QThread::finished, this, [this, outcome, breaches] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_refreshButton->setEnabled(true);
        if (m_again) {
            refresh(); // the data changed while counting: these figures are already old
            return;
        }
        if (*breaches) {
            showBreaches(**breaches);
        }
        if (*outcome) {
            showResult(**outcome);
        }
    });
    m_thread->start();
}

void DashboardPage::showResult(const Result<RequestStats::Snapshot> &result)
{
    if (!result) {
        m_error = result.error().message;
        m_errorLabel->setText(tr("The figures could not be counted: %1").arg(m_error));
        m_errorLabel->show();
        emit refreshed();
        return;
    }
    m_error.clear();
    m_errorLabel->hide();
    m_snapshot = result.value();
    const RequestStats::Snapshot &snapshot = *m_snapshot;
    const QLocale locale;
    m_asOf->setText(tr("Deadlines as of %1, counted at %2")
                        .arg(locale.toString(snapshot.today, QLocale::ShortFormat),
                             locale.toString(QTime::currentTime(), QLocale::ShortFormat)));

    m_figures.at(std::size_t(Figure::Open))->setText(locale.toString(snapshot.open));
    const qint64 overdue = snapshot.openIn(RequestAge::Overdue);
    QLabel *overdueLabel = m_figures.at(std::size_t(Figure::Overdue));
    overdueLabel->setText(locale.toString(overdue));
    overdueLabel->setStyleSheet(
        overdue > 0 ? QStringLiteral("QLabel { color: %1; }").arg(DashboardCharts::ageColor(RequestAge::Overdue).name())
                    : QString());
    m_figures.at(std::size_t(Figure::DueIn3))->setText(locale.toString(snapshot.openIn(RequestAge::DueIn3)));
    const std::optional<double> rate = snapshot.onTimeRate();
    m_figures.at(std::size_t(Figure::OnTimeRate))
        ->setText(rate ? tr("%1%").arg(locale.toString(qRound(*rate * 100.0))) : QStringLiteral("\u2014"));
    m_onTimeCaption->setText(
        tr("Completed on time since %1").arg(locale.toString(snapshot.windowStart(), QLocale::ShortFormat)));

    if (snapshot.total == 0) {
        m_empty->setContent(tr("No requests yet."),
                            tr("When requests of data subjects are registered, this page shows what is pending, "
                               "what is due soon and how many were answered in time."),
                            QString(), QIcon(QStringLiteral(":/icons/dashboard.svg")));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_content);
        const auto click = [this](RequestStats::Chart chart, int index) { drillDownTo(chart, index); };
        for (int index = 0; index < DashboardCharts::kPanelCount; ++index) {
            DashboardCharts::fill(m_views.at(std::size_t(index))->chart(), Panel(index), snapshot, click);
        }
    }
    emit refreshed();
}

void DashboardPage::showBreaches(const Result<QList<BreachRegister::Breach>> &due)
{
    if (!due || due->isEmpty()) {
        // A failed read shows in the figures' error line; no banner is better than a wrong one.
        m_breaches->hide();
        return;
    }
    const BreachRegister::Breach &first = due->first();
    const QDateTime next = first.nextDeadline().value_or(QDateTime());
    QString regimes;
    for (const BreachRegister::Notification &notice : first.notifications) {
        if (notice.isDue() && notice.notifyBy == next) {
            regimes += (regimes.isEmpty() ? QString() : QStringLiteral(", ")) + Labels::regime(notice.regime);
        }
    }
    const QString when = Labels::localTime(next.toUTC().toString(Qt::ISODate));
    const bool late = next < QDateTime::currentDateTimeUtc();
    const int count = int(due->size());
    m_breaches->setText(
        late ? tr("%n personal-data breach(es) not yet notified to the regulator. The notice of breach #%1 (%2) was "
                  "due %3: notify now and record the reasons for the delay.",
                  nullptr, count)
                   .arg(first.id)
                   .arg(regimes, when)
             : tr("%n personal-data breach(es) to notify to the regulator. The next notice is due %3: breach #%1 (%2).",
                  nullptr, count)
                   .arg(first.id)
                   .arg(regimes, when));
    m_breaches->setToolTip(tr("privacydesk-cli breach list --due lists every notice still to make."));
    m_breaches->setStyleSheet(
        QStringLiteral("QLabel { font-weight: bold; color: %1; }")
            .arg(DashboardCharts::ageColor(late ? RequestAge::Overdue : RequestAge::DueIn3).name()));
    m_breaches->show();
}

bool DashboardPage::drillDownTo(RequestStats::Chart chart, int index)
{
    if (!m_snapshot) {
        return false;
    }
    const std::optional<RequestFilter> filter = RequestStats::filterFor(*m_snapshot, chart, index);
    if (!filter) {
        return false;
    }
    emit drillDown(*filter);
    return true;
}

bool DashboardPage::saveChart(Panel panel, const QString &path)
{
    const QPixmap picture = chartView(panel)->grab();
    if (picture.isNull() || !picture.save(path, "PNG")) {
        MessageBox::warning(this, tr("Save Chart"),
                            tr("The chart could not be saved to %1. Check that the folder exists and that you "
                               "may write there.")
                                .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    return true;
}

bool DashboardPage::saveChartAs(Panel panel)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QString path = MessageBox::getSaveFileName(this, tr("Save Chart as PNG"),
                                               QDir(folder).filePath(DashboardCharts::fileName(panel)),
                                               tr("PNG pictures (*.png)"));
    if (path.isEmpty()) {
        return false;
    }
    if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
        path += QLatin1String(".png");
    }
    return saveChart(panel, path);
}

} // namespace pd
