#pragma once

#include <QLabel>

namespace pd {

/// The heading at the top of every page: the page's name, larger and bold.
class PageTitle final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageTitle)

public:
    explicit PageTitle(const QString &text, QWidget *parent = nullptr);
};

} // namespace pd
