#include "ui/dashboard/DashboardCharts.h"

#include "ui/common/Labels.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QRegularExpression>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace pd {

namespace {

const QColor kReceivedColor(0x1f, 0x6f, 0xb5);
const QColor kCompletedColor(0x2e, 0x7d, 0x32);
const QColor kOnTimeColor(0x00, 0x79, 0x6b);

/// An axis of whole numbers from 0 with at most five steps of 1, 2 or 5 times a power of ten.
QValueAxis *countAxis(qint64 max)
{
    qint64 step = 1;
    for (int i = 0; (max + step - 1) / step > 5; ++i) {
        step = (i % 3 == 1) ? step / 2 * 5 : step * 2; // 1, 2, 5, 10, 20, 50, ...
    }
    const qint64 top = std::max<qint64>(step, (max + step - 1) / step * step);
    auto *axis = new QValueAxis;
    axis->setRange(0, double(top));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(double(step));
    axis->setLabelFormat(QStringLiteral("%d"));
    return axis;
}

/// The weeks of the snapshot along x (week i at x = i), labelled every `every` weeks ending with the current one:
/// twelve dates do not fit under twelve narrow bars.
QCategoryAxis *weekAxis(const RequestStats::Snapshot &snapshot, int every)
{
    auto *axis = new QCategoryAxis;
    const int weeks = int(snapshot.weeks.size());
    axis->setRange(-0.5, weeks - 0.5);
    axis->setStartValue(-0.5);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int week = (weeks - 1) % every; week < weeks; week += every) {
        axis->append(DashboardCharts::weekLabel(snapshot.weeks.at(week).monday), week);
    }
    return axis;
}

void clear(QChart *chart)
{
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

/// The chart shows a pointing hand over the parts that can be clicked.
void pointOnHover(QChart *chart, QAbstractBarSeries *series)
{
    QObject::connect(series, &QAbstractBarSeries::hovered, chart, [chart](bool over, int, QBarSet *) {
        if (over) {
            chart->setCursor(Qt::PointingHandCursor);
        } else {
            chart->unsetCursor();
        }
    });
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addSeries(series);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void fillByAge(QChart *chart, const RequestStats::Snapshot &snapshot, const DashboardCharts::Click &click)
{
    // One set per bucket, stacked, so that each bar has its own colour and stays centred on its category;
    // horizontal, so that the bucket names have room. The category axis runs bottom-up: overdue goes last.
    auto *series = new QHorizontalStackedBarSeries;
    QStringList categories;
    qint64 max = 0;
    for (int row = 0; row < RequestStats::kAgeCount; ++row) {
        categories << DashboardCharts::ageLabel(RequestAge(RequestStats::kAgeCount - 1 - row));
    }
    for (int age = 0; age < RequestStats::kAgeCount; ++age) {
        const RequestAge bucket = RequestAge(age);
        auto *set = new QBarSet(DashboardCharts::ageLabel(bucket));
        set->setColor(DashboardCharts::ageColor(bucket));
        set->setBorderColor(DashboardCharts::ageColor(bucket).darker(115));
        // The count sits inside the bar: white on red and orange, dark on yellow and grey.
        set->setLabelColor(age <= int(RequestAge::DueIn3) ? QColor(Qt::white) : QColor(0x21, 0x21, 0x21));
        for (int row = 0; row < RequestStats::kAgeCount; ++row) {
            set->append(row == RequestStats::kAgeCount - 1 - age ? double(snapshot.openIn(bucket)) : 0.0);
        }
        series->append(set);
        max = std::max(max, snapshot.openIn(bucket));
    }
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    series->setLabelsPrecision(9);
    QObject::connect(series, &QAbstractBarSeries::clicked, chart, [click](int index, QBarSet *) {
        click(RequestStats::Chart::OpenByAge, RequestStats::kAgeCount - 1 - index);
    });
    pointOnHover(chart, series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    QValueAxis *axisX = countAxis(max);
    chart->addSeries(series);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    chart->legend()->hide();
}

void fillByStatus(QChart *chart, const RequestStats::Snapshot &snapshot, const DashboardCharts::Click &click)
{
    auto *series = new QPieSeries;
    series->setHoleSize(0.45);
    series->setPieSize(0.85);
    for (std::size_t i = 0; i < RequestStats::kOpenStatuses.size(); ++i) {
        const QString label = Labels::requestStatus(toString(RequestStats::kOpenStatuses.at(i)));
        QPieSlice *slice = series->append(DashboardCharts::tr("%1: %L2").arg(label).arg(snapshot.openByStatus.at(i)),
                                          double(snapshot.openByStatus.at(i)));
        slice->setLabelVisible(false); // the legend names them; labels around a small pie collide
        slice->setBorderColor(Qt::white);
    }
    QObject::connect(series, &QPieSeries::clicked, chart, [series, click](QPieSlice *slice) {
        click(RequestStats::Chart::OpenByStatus, int(series->slices().indexOf(slice)));
    });
    QObject::connect(series, &QPieSeries::hovered, chart, [chart](QPieSlice *slice, bool over) {
        slice->setExploded(over);
        if (over) {
            chart->setCursor(Qt::PointingHandCursor);
        } else {
            chart->unsetCursor();
        }
    });
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    // The legend is the only place the statuses are named: it must not be cut short to make room for the pie.
    const QFontMetrics metrics(chart->legend()->font());
    int widest = 0;
    for (const QPieSlice *slice : series->slices()) {
        widest = std::max(widest, metrics.horizontalAdvance(slice->label()));
    }
    chart->legend()->setMinimumWidth(widest * 1.15 + metrics.height() * 3 + 16); // marker, spacing, margins
    chart->legend()->show();
}

void fillByType(QChart *chart, const RequestStats::Snapshot &snapshot, const DashboardCharts::Click &click)
{
    // Horizontal bars: the type names are long. The category axis runs bottom-up, so the first type goes last.
    auto *series = new QHorizontalBarSeries;
    auto *set = new QBarSet(DashboardCharts::tr("Open requests"));
    set->setColor(kReceivedColor);
    set->setBorderColor(kReceivedColor.darker(115));
    set->setLabelColor(QColor(0x21, 0x21, 0x21));
    QStringList categories;
    qint64 max = 0;
    for (int type = RequestStats::kTypeCount - 1; type >= 0; --type) {
        categories << Labels::requestType(toString(RequestType(type)));
        set->append(double(snapshot.openByType.at(std::size_t(type))));
        max = std::max(max, snapshot.openByType.at(std::size_t(type)));
    }
    series->append(set);
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(9);
    QObject::connect(series, &QAbstractBarSeries::clicked, chart, [click](int index, QBarSet *) {
        click(RequestStats::Chart::OpenByType, RequestStats::kTypeCount - 1 - index);
    });
    pointOnHover(chart, series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    QValueAxis *axisX = countAxis(max + max / 8 + 1); // room for the value labels past the longest bar
    chart->addSeries(series);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    chart->legend()->hide();
}

void fillFlow(QChart *chart, const RequestStats::Snapshot &snapshot, const DashboardCharts::Click &click)
{
    auto *series = new QBarSeries;
    auto *received = new QBarSet(DashboardCharts::tr("Received"));
    received->setColor(kReceivedColor);
    received->setBorderColor(kReceivedColor.darker(115));
    auto *completed = new QBarSet(DashboardCharts::tr("Completed"));
    completed->setColor(kCompletedColor);
    completed->setBorderColor(kCompletedColor.darker(115));
    qint64 max = 0;
    for (const RequestStats::Week &week : snapshot.weeks) {
        received->append(double(week.received));
        completed->append(double(week.completed));
        max = std::max({max, week.received, week.completed});
    }
    series->append(received);
    series->append(completed);
    series->setBarWidth(0.8);
    QObject::connect(series, &QAbstractBarSeries::clicked, chart, [received, click](int index, QBarSet *set) {
        click(set == received ? RequestStats::Chart::ReceivedInWeek : RequestStats::Chart::CompletedInWeek, index);
    });
    pointOnHover(chart, series);
    QObject::connect(
        series, &QAbstractBarSeries::hovered, chart, [received, snapshot](bool over, int index, QBarSet *set) {
            if (!over || index < 0 || index >= snapshot.weeks.size()) {
                QToolTip::hideText();
                return;
            }
            const RequestStats::Week &week = snapshot.weeks.at(index);
            QToolTip::showText(QCursor::pos(), set == received ? DashboardCharts::tr("Week of %1: %L2 received")
                                                                     .arg(DashboardCharts::weekLabel(week.monday))
                                                                     .arg(week.received)
                                                               : DashboardCharts::tr("Week of %1: %L2 completed")
                                                                     .arg(DashboardCharts::weekLabel(week.monday))
                                                                     .arg(week.completed));
        });
    attach(chart, series, weekAxis(snapshot, snapshot.weeks.size() > 6 ? 2 : 1), countAxis(max));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->show();
}

void fillOnTime(QChart *chart, const RequestStats::Snapshot &snapshot, const DashboardCharts::Click &click)
{
    auto *series = new QLineSeries;
    series->setName(DashboardCharts::tr("Completed on time"));
    QPen pen(kOnTimeColor);
    pen.setWidth(2);
    series->setPen(pen);
    series->setPointsVisible(true);
    for (int week = 0; week < snapshot.weeks.size(); ++week) {
        // A week without completed requests has no rate: no point rather than a misleading zero.
        if (const std::optional<double> rate = snapshot.onTimeRate(week)) {
            series->append(week, double(qRound(*rate * 100.0)));
        }
    }
    QObject::connect(series, &QLineSeries::clicked, chart,
                     [click](const QPointF &point) { click(RequestStats::Chart::CompletedInWeek, qRound(point.x())); });
    QObject::connect(series, &QLineSeries::hovered, chart, [chart, snapshot](const QPointF &point, bool over) {
        const int week = qRound(point.x());
        if (!over || week < 0 || week >= snapshot.weeks.size()) {
            chart->unsetCursor();
            QToolTip::hideText();
            return;
        }
        chart->setCursor(Qt::PointingHandCursor);
        const RequestStats::Week &row = snapshot.weeks.at(week);
        QToolTip::showText(QCursor::pos(), DashboardCharts::tr("Week of %1: %L2 of %L3 completed on time")
                                               .arg(DashboardCharts::weekLabel(row.monday))
                                               .arg(row.onTime)
                                               .arg(row.completed));
    });
    // A narrow panel: every week has its point, every second or third its label.
    const int weeks = int(snapshot.weeks.size());
    QCategoryAxis *axisX = weekAxis(snapshot, weeks > 8 ? 3 : weeks > 4 ? 2 : 1);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, 110); // headroom for the labels of weeks at 100%
    axisY->setTickType(QValueAxis::TicksDynamic);
    axisY->setTickAnchor(0);
    axisY->setTickInterval(25);
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setTitleText(DashboardCharts::tr("% on time"));
    attach(chart, series, axisX, axisY);
    chart->legend()->hide();
}

using Fill = void (*)(QChart *, const RequestStats::Snapshot &, const DashboardCharts::Click &);

/// What each panel is, in the order of DashboardCharts::Panel.
struct PanelSpec
{
    const char *title; ///< translated in the context pd::DashboardCharts
    const char *fileName;
    Fill fill;
};
const PanelSpec kPanels[DashboardCharts::kPanelCount] = {
    {QT_TRANSLATE_NOOP("pd::DashboardCharts", "Open requests by deadline"), "requests-by-deadline.png", fillByAge},
    {QT_TRANSLATE_NOOP("pd::DashboardCharts", "Open requests by status"), "requests-by-status.png", fillByStatus},
    {QT_TRANSLATE_NOOP("pd::DashboardCharts", "Open requests by type"), "requests-by-type.png", fillByType},
    {QT_TRANSLATE_NOOP("pd::DashboardCharts", "Received and completed per week"), "requests-per-week.png", fillFlow},
    {QT_TRANSLATE_NOOP("pd::DashboardCharts", "Completed on time per week"), "requests-on-time.png", fillOnTime},
};

/// The deadline buckets, in the order of RequestAge: their label and colour.
struct AgeSpec
{
    const char *label;
    QRgb color;
};
const AgeSpec kAges[RequestStats::kAgeCount] = {
    {QT_TRANSLATE_NOOP("pd::DashboardCharts", "Overdue"), qRgb(0xc6, 0x28, 0x28)},
    {QT_TRANSLATE_NOOP("pd::DashboardCharts", "Due in 3 days"), qRgb(0xef, 0x6c, 0x00)},
    {QT_TRANSLATE_NOOP("pd::DashboardCharts", "Due in 7 days"), qRgb(0xf9, 0xc0, 0x2d)},
    {QT_TRANSLATE_NOOP("pd::DashboardCharts", "Later"), qRgb(0x90, 0xa4, 0xae)},
};

const PanelSpec &spec(DashboardCharts::Panel panel)
{
    return kPanels[static_cast<std::size_t>(panel)];
}

} // namespace

QString DashboardCharts::title(Panel panel)
{
    return tr(spec(panel).title);
}

QString DashboardCharts::fileName(Panel panel)
{
    return QLatin1String(spec(panel).fileName);
}

QChart *DashboardCharts::createChart(Panel panel)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(title(panel));
    QFont font = chart->titleFont();
    font.setBold(true);
    chart->setTitleFont(font);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->hide();
    return chart;
}

void DashboardCharts::fill(QChart *chart, Panel panel, const RequestStats::Snapshot &snapshot, const Click &click)
{
    clear(chart);
    spec(panel).fill(chart, snapshot, click);
}

QString DashboardCharts::ageLabel(RequestAge age)
{
    return tr(kAges[static_cast<std::size_t>(age)].label);
}

QColor DashboardCharts::ageColor(RequestAge age)
{
    return QColor(kAges[static_cast<std::size_t>(age)].color);
}

QString DashboardCharts::weekLabel(const QDate &monday)
{
    // The locale's short date without the year ("9/14", "14.09", "09-14").
    static const QRegularExpression year(QStringLiteral("[^dM]*y+[^dM]*"));
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    format.remove(year);
    if (!format.contains(QLatin1Char('d')) || !format.contains(QLatin1Char('M'))) {
        format = QStringLiteral("d MMM");
    }
    return QLocale().toString(monday, format);
}

} // namespace pd
