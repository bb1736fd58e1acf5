#include "ui/shell/FirstAdministratorDialog.h"

#include "app/access/AuthService.h"
#include "app/policy/ProfileInstaller.h"
#include "app/policy/ProfileLoader.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/Style.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
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

    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profileChoice"));
    for (const QString &path : ProfileLoader::builtInProfiles()) {
        if (path == ProfileLoader::defaultProfilePath()) {
            continue; // the demo's, offered by Open the Demo
        }
        const Result<Profile> builtIn = ProfileLoader::load(path);
        m_profile->addItem(builtIn ? tr("%1 (built in)").arg(builtIn->name) : path, path);
    }
    m_profile->addItem(tr("None: the officers fill in the register later"), QString());
    m_profile->addItem(tr("From a profile file\u2026"), QStringLiteral("?"));
    m_profile->setToolTip(tr("The register of processing to start with: controllers, information systems and "
                             "purposes of one privacy policy. Officers change it later on the Purposes page."));
    connect(m_profile, qOverload<int>(&QComboBox::activated), this, [this] {
        if (m_profile->currentData().toString() != QLatin1String("?")) {
            return;
        }
        const QString file = MessageBox::getOpenFileName(this, tr("Policy Profile"), QString(),
                                                         tr("Policy profiles (*.profile);;All files (*)"));
        setProfile(file.isEmpty() ? m_profile->itemData(0).toString() : file);
    });
    m_profileProblem = makeProblemLabel(QStringLiteral("profileProblem"), this);

    auto *form = new QFormLayout;
    form->addRow(tr("Operator &name:"), m_name);
    form->addRow(QString(), m_nameProblem);
    form->addRow(tr("&Display name:"), m_displayName);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_passwordProblem);
    form->addRow(tr("&Repeat password:"), m_confirmation);
    form->addRow(QString(), m_confirmationProblem);
    form->addRow(tr("Policy pro&file:"), m_profile);
    form->addRow(QString(), m_profileProblem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *create = buttons->addButton(tr("&Create Administrator"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("createAdministrator"));
    create->setDefault(true);
    QPushButton *demo = buttons->addButton(tr("Open the De&mo"), QDialogButtonBox::ActionRole);
    demo->setObjectName(QStringLiteral("openDemo"));
    demo->setToolTip(tr("A database of made-up people and requests, to try everything without real data"));
    connect(demo, &QPushButton::clicked, this, [this] { done(OpenDemo); });
    QPushButton *other = buttons->addButton(tr("Open &Another Database\u2026"), QDialogButtonBox::ActionRole);
    other->setObjectName(QStringLiteral("openOther"));
    connect(other, &QPushButton::clicked, this, [this] { done(OpenOther); });
    for (QPushButton *button : {demo, other}) {
        button->setAutoDefault(false);
    }
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

void FirstAdministratorDialog::setProfile(const QString &path)
{
    int index = m_profile->findData(path);
    if (index < 0) {
        m_profile->insertItem(m_profile->count() - 1, QFileInfo(path).fileName(), path);
        index = m_profile->count() - 2;
    }
    m_profile->setCurrentIndex(index);
}

QString FirstAdministratorDialog::profile() const
{
    return m_profile->currentData().toString();
}

QString FirstAdministratorDialog::problemText() const
{
    QStringList problems;
    for (const QLabel *label : {m_nameProblem, m_passwordProblem, m_confirmationProblem, m_profileProblem, m_error}) {
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
    // The profile is read before anything is created: one that does not load leaves the database as it was.
    std::optional<Profile> profile;
    showProblem(m_profileProblem, QString());
    if (const QString path = this->profile(); !path.isEmpty() && path != QLatin1String("?")) {
        Result<Profile> loaded = ProfileLoader::load(path);
        if (!loaded) {
            showProblem(m_profileProblem, Labels::sentence(loaded.error().message));
            adjustSize();
            return;
        }
        profile = loaded.value();
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<Session> created = ProfileInstaller::setUp(m_database, profile, m_name->text().trimmed(),
                                                            m_password->text(), m_displayName->text().trimmed());
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
