#include "ui/common/PageTitle.h"

namespace pd {

PageTitle::PageTitle(const QString &text, QWidget *parent) : QLabel(text, parent)
{
    QFont heading = font();
    heading.setPointSizeF(heading.pointSizeF() * 1.4);
    heading.setBold(true);
    setFont(heading);
    setAccessibleName(text);
}

} // namespace pd
