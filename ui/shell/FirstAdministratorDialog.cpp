#include "ui/shell/FirstAdministratorDialog.h"

#include "app/access/AuthService.h"
#include "ui/common/Labels.h"
#include "ui/common/Style.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

namespace {

QLabel *makeProblemLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    Style::showAsError(label);
    label->hide();
    return label;
}

void showProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

} // namespace

FirstAdministratorDialog::FirstAdministratorDialog(Database &database, QWidget *parent)
    : QDialog(parent), m_database(database)
{
    setObjectName(QStringLiteral("firstAdministratorDialog"));
    setWindowTitle(tr("First Administrator \u2014 Privacy Desk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/privacydesk.svg")));

    auto *title = new QLabel(tr("This database has no operators yet."), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *intro = new QLabel(tr("Create the first administrator. The administrator adds the other operators "
                                "(officers, agents, auditors), changes settings and reads the audit trail, but "
                                "does not see personal data."),
                             this);
    intro->setWordWrap(true);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("adminName"));
    m_name->setPlaceholderText(tr("e.g. admin"));
    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(QStringLiteral("adminDisplayName"));
    m_displayName->setPlaceholderText(tr("optional, e.g. your full name"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("adminPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("at least 8 characters"));
    m_confirmation = new QLineEdit(this);
    m_confirmation->setObjectName(QStringLiteral("adminConfirmation"));
    m_confirmation->setEchoMode(QLineEdit::Password);

    m_nameProblem = makeProblemLabel(QStringLiteral("adminNameProblem"), this);
    m_passwordProblem = makeProblemLabel(QStringLiteral("adminPasswordProblem"), this);
    m_confirmationProblem = makeProblemLabel(QStringLiteral("adminConfirmationProblem"), this);
    m_error = makeProblemLabel(QStringLiteral("adminError"), this);

    auto *form = new QFormLayout;
    form->addRow(tr("Operator &name:"), m_name);
    form->addRow(QString(), m_nameProblem);
    form->addRow(tr("&Display name:"), m_displayName);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_passwordProblem);
    form->addRow(tr("&Repeat password:"), m_confirmation);
    form->addRow(QString(), m_confirmationProblem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *create = buttons->addButton(tr("&Create Administrator"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("createAdministrator"));
    create->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstAdministratorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FirstAdministratorDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(36 * fontMetrics().horizontalAdvance(QLatin1Char('M')));

    for (QLineEdit *field : {m_name, m_password, m_confirmation}) {
        connect(field, &QLineEdit::textEdited, this, [this] { validate(false); });
    }
    m_name->setFocus();
}

void FirstAdministratorDialog::setFields(const QString &name, const QString &displayName, const QString &password,
                                         const QString &confirmation)
{
    m_name->setText(name);
    m_displayName->setText(displayName);
    m_password->setText(password);
    m_confirmation->setText(confirmation);
}

QString FirstAdministratorDialog::problemText() const
{
    QStringList problems;
    for (const QLabel *label : {m_nameProblem, m_passwordProblem, m_confirmationProblem, m_error}) {
        if (!label->isHidden() && !label->text().isEmpty()) {
            problems << label->text();
        }
    }
    return problems.join(QLatin1Char('\n'));
}

bool FirstAdministratorDialog::validate(bool all)
{
    const QString name = m_name->text().trimmed();
    const QString password = m_password->text();
    const QString confirmation = m_confirmation->text();
    const QString nameProblem =
        Labels::sentence(name.isEmpty() ? tr("Enter an operator name.") : AuthService::nameProblem(name));
    const QString passwordProblem =
        Labels::sentence(password.isEmpty() ? tr("Enter a password.") : AuthService::passwordProblem(password));
    const QString confirmationProblem = confirmation != password ? tr("The two passwords differ.") : QString();
    // Problems appear when the operator asks to create the account; while typing they only go away (or change)
    // once shown, so that the form does not complain about a password still being typed.
    const auto update = [all](QLabel *label, const QString &problem) {
        if (all || !label->isHidden()) {
            showProblem(label, problem);
        }
    };
    update(m_nameProblem, nameProblem);
    update(m_passwordProblem, passwordProblem);
    update(m_confirmationProblem, confirmationProblem);
    adjustSize(); // wrapped problems need the height; a dialog does not grow by itself
    return nameProblem.isEmpty() && passwordProblem.isEmpty() && confirmationProblem.isEmpty();
}

void FirstAdministratorDialog::accept()
{
    showProblem(m_error, QString());
    if (!validate(true)) {
        return;
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<Session> created =
        AuthService::addOperator(m_database, Session(), m_name->text().trimmed(), Role::Admin, m_password->text(),
                                 m_displayName->text().trimmed());
    QGuiApplication::restoreOverrideCursor();
    if (!created) {
        showProblem(m_error, Labels::sentence(created.error().message));
        adjustSize();
        return;
    }
    m_administrator = created.value();
    QDialog::accept();
}

} // namespace pd
