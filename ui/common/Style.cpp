#include "ui/common/Style.h"

#include <QWidget>

namespace pd {

QString Style::textStyle(const QColor &color, const QString &extra)
{
    QString sheet = QStringLiteral("color: %1;").arg(color.name());
    if (!extra.isEmpty()) {
        sheet += QLatin1Char(' ') + extra;
    }
    return sheet;
}

void Style::showAsError(QWidget *widget, bool error)
{
    widget->setStyleSheet(error ? textStyle(Style::error()) : QString());
}

} // namespace pd
