#pragma once

#include <QIcon>
#include <QWidget>

namespace pd {

/// A page whose feature comes in a later version: it says what will be there and that it is not available yet.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderPage)

public:
    PlaceholderPage(const QString &title, const QString &description, const QIcon &icon, QWidget *parent = nullptr);
};

} // namespace pd
