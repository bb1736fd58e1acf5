#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;

namespace pd {

/// What a page shows instead of an empty table: an optional picture, a short bold line, an explanation and an
/// optional hint (a command to copy), centred in a column narrow enough to read.
class EmptyState final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyState)

public:
    explicit EmptyState(QWidget *parent = nullptr);

    /// Empty strings hide their line; a null icon hides the picture.
    void setContent(const QString &title, const QString &body, const QString &hint = QString(), const QIcon &icon = {});
    /// All the text shown, one part per line (for tests and accessibility).
    QString text() const;

private:
    QLabel *m_picture = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_body = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace pd
