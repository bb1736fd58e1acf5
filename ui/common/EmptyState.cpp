#include "ui/common/EmptyState.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace pd {

namespace {

QLabel *makeLine(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

EmptyState::EmptyState(QWidget *parent) : QWidget(parent)
{
    auto *column = new QWidget(this);
    // A narrow column reads better than one line across a wide window; height-for-width keeps wrapping right.
    column->setMaximumWidth(36 * fontMetrics().horizontalAdvance(QLatin1Char('M')));

    m_picture = new QLabel(column);
    m_picture->setAlignment(Qt::AlignCenter);
    m_title = makeLine(column);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_body = makeLine(column);
    m_hint = makeLine(column);
    m_hint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *lines = new QVBoxLayout(column);
    lines->setSpacing(12);
    lines->addWidget(m_picture);
    lines->addWidget(m_title);
    lines->addWidget(m_body);
    lines->addWidget(m_hint);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

void EmptyState::setContent(const QString &title, const QString &body, const QString &hint, const QIcon &icon)
{
    m_picture->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(64, 64, QIcon::Disabled));
    m_picture->setVisible(!icon.isNull());
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
    m_body->setText(body);
    m_body->setVisible(!body.isEmpty());
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    setAccessibleName(title);
    setAccessibleDescription(body);
}

QString EmptyState::text() const
{
    QStringList parts;
    for (const QLabel *line : {m_title, m_body, m_hint}) {
        if (!line->text().isEmpty()) {
            parts.append(line->text());
        }
    }
    return parts.join(QLatin1Char('\n'));
}

} // namespace pd
