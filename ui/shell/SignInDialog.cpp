#include "ui/shell/SignInDialog.h"

#include "app/access/AuthService.h"
#include "app/storage/Database.h"
#include "ui/common/Labels.h"
#include "ui/common/Style.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace pd {

namespace {

const QString kLastOperatorKey = QStringLiteral("SignIn/operator");

} // namespace

SignInDialog::SignInDialog(Database &database, QWidget *parent) : QDialog(parent), m_database(database)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in \u2014 Privacy Desk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/privacydesk.svg")));

    auto *intro =
        new QLabel(tr("Sign in to %1 with your operator name and password.").arg(m_database.url().displayName()), this);
    intro->setObjectName(QStringLiteral("signInIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("signInHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->hide();

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("signInName"));
    m_name->setAccessibleName(tr("Operator name"));
    m_name->setText(QSettings().value(kLastOperatorKey).toString());

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    Style::showAsError(m_error);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Operator:"), m_name);
    form->addRow(tr("&Password:"), m_password);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("&Sign In"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_hint);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(32 * fontMetrics().horizontalAdvance(QLatin1Char('M')));

    if (m_name->text().isEmpty()) {
        m_name->setFocus();
    } else {
        m_password->setFocus();
    }
}

void SignInDialog::setOperatorName(const QString &name)
{
    m_name->setText(name);
}

void SignInDialog::setHint(const QString &text)
{
    m_hint->setText(text);
    m_hint->setVisible(!text.isEmpty());
}

QString SignInDialog::hint() const
{
    return m_hint->isHidden() ? QString() : m_hint->text();
}

void SignInDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

QString SignInDialog::operatorName() const
{
    return m_name->text().trimmed();
}

QString SignInDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    adjustSize(); // a wrapped message needs the height; a dialog does not grow by itself
}

void SignInDialog::accept()
{
    const QString name = operatorName();
    if (name.isEmpty()) {
        showError(tr("Enter your operator name."));
        m_name->setFocus();
        return;
    }
    // Hashing the password takes a moment on purpose; say so with the cursor rather than appear frozen.
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<Session> signedIn = AuthService::signIn(m_database, name, m_password->text());
    QGuiApplication::restoreOverrideCursor();
    m_password->clear();
    if (!signedIn) {
        showError(Labels::sentence(signedIn.error().message));
        m_password->setFocus();
        return;
    }
    m_session = signedIn.value();
    QSettings().setValue(kLastOperatorKey, m_session.name);
    showError(QString());
    QDialog::accept();
}

} // namespace pd
