#include "ui/common/PlaceholderPage.h"

#include "ui/common/EmptyState.h"
#include "ui/common/PageTitle.h"

#include <QVBoxLayout>

namespace pd {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &description, const QIcon &icon, QWidget *parent)
    : QWidget(parent)
{
    auto *notice = new EmptyState(this);
    notice->setObjectName(QStringLiteral("placeholderNotice"));
    notice->setContent(tr("This page is not available in this version yet."), description, QString(), icon);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(title, this));
    layout->addWidget(notice, 1);
}

} // namespace pd
