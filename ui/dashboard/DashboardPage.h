#pragma once

#include "app/breaches/BreachRegister.h"
#include "app/domain/Session.h"
#include "app/requests/RequestFilter.h"
#include "app/requests/RequestStats.h"
#include "ui/dashboard/DashboardCharts.h"

#include <QTimer>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QThread;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace pd {

class Database;
class EmptyState;

/// The Dashboard page: headline figures (open, overdue, due in 3 days, on-time rate) and five charts of the
/// data-subject requests (RequestStats). The figures are counted on a worker thread with its own connection, for
/// the current date, when the page is first shown, on F5 and shortly after data changes (scheduleRefresh());
/// a count overtaken by a change is dropped and counted again. Clicking a bar, slice or point emits drillDown()
/// with the filter of the requests behind it; every chart can be saved as PNG from its context menu.
/// Roles without Action::ViewPersonalData see an explanation and nothing is queried.
class DashboardPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    using Panel = DashboardCharts::Panel;
    /// Changes announced within this many milliseconds are counted once.
    static constexpr int kRefreshDelayMs = 500;
    /// Weeks shown by the weekly charts.
    static constexpr int kWeeks = 12;

    /// The headline figures, left to right.
    enum class Figure { Open, Overdue, DueIn3, OnTimeRate };
    static constexpr int kFigureCount = 4;

    DashboardPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);
    ~DashboardPage() override;

    /// Whether the session's role may see the figures.
    bool canView() const { return m_canView; }
    /// The figures shown now (nullopt before the first count, or when it failed).
    const std::optional<RequestStats::Snapshot> &snapshot() const { return m_snapshot; }
    /// Whether a count is running.
    bool isRefreshing() const { return m_thread != nullptr; }
    /// The text of a headline figure as shown ("12", "83%", "—").
    QString figureText(Figure figure) const;
    /// The error of the last count, empty when it succeeded.
    QString errorText() const;
    /// Whether the page shows the "no requests" notice instead of the charts.
    bool isShowingEmptyState() const;
    QChartView *chartView(Panel panel) const { return m_views.at(std::size_t(panel)); }

    /// Counts again now (F5).
    void refresh();
    /// Data changed somewhere: counts again within kRefreshDelayMs when visible, or when next shown.
    void scheduleRefresh();
    /// Emits drillDown() for one chart element, as a click on it does; false when there is no such element.
    bool drillDownTo(RequestStats::Chart chart, int index);
    /// Writes the chart as a PNG picture to `path`; false (and a message box) when it cannot be written.
    bool saveChart(Panel panel, const QString &path);
    /// Asks for a file name (MessageBox::getSaveFileName) and saves the chart there; false when cancelled or failed.
    bool saveChartAs(Panel panel);

signals:
    /// A count finished and its figures (or its error) are on screen.
    void refreshed();
    /// The operator clicked a chart element: show the requests matching `filter`.
    void drillDown(const pd::RequestFilter &filter);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createFigure(Figure figure, const QString &caption);
    void showResult(const Result<RequestStats::Snapshot> &result);
    void showBreaches(const Result<QList<BreachRegister::Breach>> &due);

    std::shared_ptr<Database> m_database;
    Session m_session;
    bool m_canView = false;
    bool m_shownOnce = false;
    bool m_stale = false;
    bool m_again = false; ///< data changed while counting: the running count's figures are already old
    QThread *m_thread = nullptr;
    QTimer m_refreshDelay;
    std::optional<RequestStats::Snapshot> m_snapshot;
    QString m_error;

    QStackedWidget *m_stack = nullptr;
    QWidget *m_content = nullptr;
    EmptyState *m_empty = nullptr;
    QLabel *m_asOf = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_breaches = nullptr; ///< breaches whose notice to a regulator is still due (officers, auditors)
    bool m_canSeeBreaches = false;
    QPushButton *m_refreshButton = nullptr;
    std::array<QLabel *, kFigureCount> m_figures{};
    QLabel *m_onTimeCaption = nullptr; ///< names the first week counted
    std::array<QChartView *, DashboardCharts::kPanelCount> m_views{};
};

} // namespace pd
