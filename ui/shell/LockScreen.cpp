#include "ui/shell/LockScreen.h"

#include "app/access/AuthService.h"
#include "ui/common/Labels.h"
#include "ui/common/Style.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

LockScreen::LockScreen(Database &database, const QString &operatorName, QWidget *parent)
    : QWidget(parent), m_database(database), m_operatorName(operatorName)
{
    auto *picture = new QLabel(this);
    picture->setAlignment(Qt::AlignCenter);
    picture->setPixmap(QIcon(QStringLiteral(":/icons/privacydesk.svg")).pixmap(64, 64));

    auto *title = new QLabel(tr("Privacy Desk is locked."), this);
    title->setObjectName(QStringLiteral("lockTitle"));
    title->setAlignment(Qt::AlignCenter);
    title->setWordWrap(true); // the Russian and Belarusian sentence is wider than the column
    QFont heading = title->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.4);
    heading.setBold(true);
    title->setFont(heading);

    auto *prompt = new QLabel(tr("Enter the password of %1 to continue.").arg(operatorName), this);
    prompt->setObjectName(QStringLiteral("lockPrompt"));
    prompt->setAlignment(Qt::AlignCenter);
    prompt->setWordWrap(true);
    prompt->setTextFormat(Qt::PlainText);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("lockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password of %1").arg(operatorName));

    m_unlock = new QPushButton(tr("&Unlock"), this);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setDefault(true);
    auto *signOut = new QPushButton(tr("Sign &Out"), this);
    signOut->setObjectName(QStringLiteral("signOutButton"));
    signOut->setToolTip(tr("Close Privacy Desk; the next operator signs in when it starts again"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("lockError"));
    m_error->setAlignment(Qt::AlignCenter);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    Style::showAsError(m_error);
    m_error->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(signOut);
    buttons->addWidget(m_unlock);

    auto *column = new QWidget(this);
    column->setMaximumWidth(30 * fontMetrics().horizontalAdvance(QLatin1Char('M')));
    auto *lines = new QVBoxLayout(column);
    lines->setSpacing(12);
    lines->addWidget(picture);
    lines->addWidget(title);
    lines->addWidget(prompt);
    lines->addWidget(m_password);
    lines->addWidget(m_error);
    lines->addLayout(buttons);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 3);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);

    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::unlock);
    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::unlock);
    connect(signOut, &QPushButton::clicked, this, &LockScreen::signOutRequested);
}

void LockScreen::reset()
{
    m_password->clear();
    m_error->clear();
    m_error->hide();
    m_password->setFocus(Qt::OtherFocusReason);
}

void LockScreen::setPassword(const QString &password)
{
    m_password->setText(password);
}

QString LockScreen::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void LockScreen::unlock()
{
    if (m_password->text().isEmpty()) {
        m_error->setText(tr("Enter the password."));
        m_error->show();
        return;
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<Session> signedIn = AuthService::signIn(m_database, m_operatorName, m_password->text());
    QGuiApplication::restoreOverrideCursor();
    m_password->clear();
    if (!signedIn) {
        m_error->setText(Labels::sentence(signedIn.error().message));
        m_error->show();
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_error->hide();
    emit unlocked(signedIn.value());
}

} // namespace pd
