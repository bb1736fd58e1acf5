#pragma once

#include "app/requests/RequestFilter.h"
#include "app/requests/RequestStats.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <functional>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace pd {

/// The charts of the Dashboard page, drawn from a RequestStats::Snapshot with Qt Charts. Each fill() replaces the
/// chart's series and axes; clicking a bar, slice or point calls back with the chart element it stands for.
class DashboardCharts final
{
    Q_DECLARE_TR_FUNCTIONS(pd::DashboardCharts)
    Q_DISABLE_COPY_MOVE(DashboardCharts)

public:
    DashboardCharts() = delete;

    /// The panels of the page, in the order they are laid out.
    enum class Panel { ByAge, ByStatus, ByType, Flow, OnTime };
    static constexpr int kPanelCount = 5;

    /// Called with the chart element clicked (see RequestStats::filterFor for what the index means).
    using Click = std::function<void(RequestStats::Chart chart, int index)>;

    /// The panel's heading, translated.
    static QString title(Panel panel);
    /// A file name to suggest when the panel is saved ("requests-by-deadline.png").
    static QString fileName(Panel panel);
    /// Makes an empty chart for a panel: no animations (a saved picture shows the final bars), legend as the
    /// panel needs it.
    static QChart *createChart(Panel panel);
    /// Replaces what `chart` shows with the figures of `snapshot`.
    static void fill(QChart *chart, Panel panel, const RequestStats::Snapshot &snapshot, const Click &click);

    /// "Overdue", "Due in 3 days", ..., translated.
    static QString ageLabel(RequestAge age);
    /// Red for overdue, orange for due in 3 days, yellow for due in 7, a neutral grey-blue for later.
    static QColor ageColor(RequestAge age);
    /// A week as the axes name it: its Monday as a short day and month.
    static QString weekLabel(const QDate &monday);
};

} // namespace pd
