#include "ui/settings/OperatorsPage.h"

#include "app/domain/Permissions.h"
#include "ui/common/FormDialog.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/Style.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pd {

namespace {

QList<std::pair<QString, QString>> roleChoices()
{
    QList<std::pair<QString, QString>> choices;
    for (const Role role : {Role::Officer, Role::Agent, Role::Auditor, Role::Admin}) {
        choices.append({toString(role), Labels::role(role)});
    }
    return choices;
}

} // namespace

OperatorsPage::OperatorsPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QWidget(parent), m_database(std::move(database)), m_session(session)
{
    setObjectName(QStringLiteral("operatorsPage"));
    auto *intro = new QLabel(tr("Who may sign in to this database, and what each may do. Accounts are never "
                                "deleted: a deactivated operator can no longer sign in, and their history stays."),
                             this);
    intro->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("operatorTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Display name"), tr("Role"), tr("State"), tr("Last sign-in")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setAccessibleName(tr("Operators"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("operatorMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    m_add = new QPushButton(tr("&Add\u2026"), this);
    m_add->setObjectName(QStringLiteral("addOperatorButton"));
    m_role = new QPushButton(tr("Change &Role\u2026"), this);
    m_role->setObjectName(QStringLiteral("changeRoleButton"));
    m_active = new QPushButton(tr("&Deactivate\u2026"), this);
    m_active->setObjectName(QStringLiteral("toggleActiveButton"));
    m_password = new QPushButton(tr("Reset &Password\u2026"), this);
    m_password->setObjectName(QStringLiteral("resetPasswordButton"));
    m_unlock = new QPushButton(tr("&Unlock"), this);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    auto *commands = new QHBoxLayout;
    for (QPushButton *button : {m_add, m_role, m_active, m_password, m_unlock}) {
        button->setAutoDefault(false);
        commands->addWidget(button);
    }
    commands->addStretch(1);

    connect(m_add, &QPushButton::clicked, this, &OperatorsPage::addOperator);
    connect(m_role, &QPushButton::clicked, this, &OperatorsPage::changeRole);
    connect(m_active, &QPushButton::clicked, this, &OperatorsPage::toggleActive);
    connect(m_password, &QPushButton::clicked, this, &OperatorsPage::resetPassword);
    connect(m_unlock, &QPushButton::clicked, this, &OperatorsPage::unlock);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &OperatorsPage::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &OperatorsPage::changeRole);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(commands);
    reload();
}

bool OperatorsPage::isLocked(const AuthService::OperatorInfo &info)
{
    const QDateTime until = QDateTime::fromString(info.lockedUntil, Qt::ISODate);
    return until.isValid() && until > QDateTime::currentDateTimeUtc();
}

void OperatorsPage::reload()
{
    const AuthService::OperatorInfo *current = selected();
    const QString keep = current ? current->name : QString();
    const Result<QList<AuthService::OperatorInfo>> operators = AuthService::operators(*m_database, m_session);
    if (!operators) {
        m_operators.clear();
        showResult(operators.error(), QString());
    } else {
        m_operators = operators.value();
    }
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(m_operators.size()));
    for (int row = 0; row < m_operators.size(); ++row) {
        const AuthService::OperatorInfo &info = m_operators.at(row);
        QString state = info.active ? tr("Active") : tr("Deactivated");
        if (info.active && isLocked(info)) {
            state = tr("Locked until %1").arg(Labels::localTime(info.lockedUntil));
        }
        const QString texts[ColumnCount] = {info.name, info.displayName, Labels::role(info.role), state,
                                            info.lastSignInAt.isEmpty() ? tr("never")
                                                                        : Labels::localTime(info.lastSignInAt)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(texts[column]);
            if (column == LastSignIn && !info.lastSignInAt.isEmpty()) {
                item->setToolTip(Labels::fullTime(info.lastSignInAt));
            }
            if (!info.active) {
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            }
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (keep.isEmpty() || !selectOperator(keep)) {
        m_table->clearSelection();
    }
    updateButtons();
}

bool OperatorsPage::selectOperator(const QString &name)
{
    for (int row = 0; row < m_operators.size(); ++row) {
        if (m_operators.at(row).name == name) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

QString OperatorsPage::textOf(const QString &name, Column column) const
{
    for (int row = 0; row < m_operators.size(); ++row) {
        if (m_operators.at(row).name == name) {
            return m_table->item(row, column)->text();
        }
    }
    return {};
}

QString OperatorsPage::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

const AuthService::OperatorInfo *OperatorsPage::selected() const
{
    if (!m_table) {
        return nullptr;
    }
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    if (ranges.isEmpty() || ranges.first().topRow() >= m_operators.size()) {
        return nullptr;
    }
    return &m_operators.at(ranges.first().topRow());
}

void OperatorsPage::addOperator()
{
    FormDialog form(tr("Add Operator"),
                    tr("The new operator signs in with this name and password and is asked for nothing else. Tell "
                       "them the password in person; they cannot change it themselves yet."),
                    tr("&Add"), this);
    form.addText(QStringLiteral("name"), tr("Sign-in name:"), true, tr("e.g. jsmith"));
    form.addText(QStringLiteral("displayName"), tr("Display name:"), false, tr("e.g. Jane Smith"));
    form.addChoice(QStringLiteral("role"), tr("Role:"), roleChoices(), toString(Role::Agent));
    form.addPassword(QStringLiteral("password"), tr("Password:"));
    form.addPassword(QStringLiteral("confirmation"), tr("Password again:"));
    if (!form.run()) {
        return;
    }
    const QString name = form.text(QStringLiteral("name"));
    if (form.value(QStringLiteral("password")) != form.value(QStringLiteral("confirmation"))) {
        showResult(makeError(ErrorCode::InvalidArgument, tr("the two passwords differ; nothing was added")), {});
        return;
    }
    const Result<Session> added = AuthService::addOperator(
        *m_database, m_session, name, parseRole(form.text(QStringLiteral("role"))).value_or(Role::Auditor),
        form.value(QStringLiteral("password")).toString(), form.text(QStringLiteral("displayName")));
    showResult(added ? Status() : Status(added.error()), tr("Operator %1 was added.").arg(name));
    if (added) {
        selectOperator(name);
    }
}

void OperatorsPage::changeRole()
{
    const AuthService::OperatorInfo *info = selected();
    if (!info) {
        return;
    }
    const QString name = info->name;
    FormDialog form(tr("Change Role"),
                    tr("What %1 may do from their next sign-in. A window already open keeps the old role until it "
                       "is closed.")
                        .arg(name),
                    tr("&Change"), this);
    form.addChoice(QStringLiteral("role"), tr("Role:"), roleChoices(), toString(info->role));
    if (!form.run()) {
        return;
    }
    const std::optional<Role> role = parseRole(form.text(QStringLiteral("role")));
    if (!role || *role == info->role) {
        return;
    }
    showResult(AuthService::setRole(*m_database, m_session, name, *role),
               tr("%1 is now %2.").arg(name, Labels::role(*role)));
}

void OperatorsPage::toggleActive()
{
    const AuthService::OperatorInfo *info = selected();
    if (!info) {
        return;
    }
    const QString name = info->name;
    if (!info->active) {
        showResult(AuthService::activate(*m_database, m_session, name), tr("%1 may sign in again.").arg(name));
        return;
    }
    if (MessageBox::question(this, tr("Deactivate Operator"),
                             tr("Deactivate %1? They can no longer sign in. What they did stays in the audit trail "
                                "under their name, and the account can be activated again.")
                                 .arg(name)) != QMessageBox::Yes) {
        return;
    }
    showResult(AuthService::deactivate(*m_database, m_session, name), tr("%1 can no longer sign in.").arg(name));
}

void OperatorsPage::resetPassword()
{
    const AuthService::OperatorInfo *info = selected();
    if (!info) {
        return;
    }
    const QString name = info->name;
    FormDialog form(
        tr("Reset Password"),
        tr("Sets a new password for %1 and lifts a lock-out. The old password stops working at once.").arg(name),
        tr("&Reset"), this);
    form.addPassword(QStringLiteral("password"), tr("New password:"));
    form.addPassword(QStringLiteral("confirmation"), tr("Password again:"));
    if (!form.run()) {
        return;
    }
    if (form.value(QStringLiteral("password")) != form.value(QStringLiteral("confirmation"))) {
        showResult(makeError(ErrorCode::InvalidArgument, tr("the two passwords differ; the password was not changed")),
                   {});
        return;
    }
    showResult(
        AuthService::resetPassword(*m_database, m_session, name, form.value(QStringLiteral("password")).toString()),
        tr("The password of %1 was reset.").arg(name));
}

void OperatorsPage::unlock()
{
    const AuthService::OperatorInfo *info = selected();
    if (!info) {
        return;
    }
    const QString name = info->name;
    showResult(AuthService::unlock(*m_database, m_session, name), tr("%1 may try to sign in again.").arg(name));
}

void OperatorsPage::showResult(const Status &status, const QString &done)
{
    const QString text = status ? done : Labels::sentence(status.error().message);
    m_message->setText(text);
    Style::showAsError(m_message, !status);
    m_message->setVisible(!text.isEmpty());
    if (status && !done.isEmpty()) {
        reload();
        emit operatorsChanged();
    }
}

void OperatorsPage::updateButtons()
{
    const bool allowed = Permissions::allows(m_session.role, Action::ManageOperators);
    const AuthService::OperatorInfo *info = selected();
    m_add->setEnabled(allowed);
    for (QPushButton *button : {m_role, m_active, m_password}) {
        button->setEnabled(allowed && info);
    }
    m_unlock->setEnabled(allowed && info && isLocked(*info));
    m_active->setText(info && !info->active ? tr("A&ctivate") : tr("&Deactivate\u2026"));
    if (!allowed) {
        const QString why = Labels::notAllowed(m_session.role, Action::ManageOperators);
        for (QPushButton *button : {m_add, m_role, m_active, m_password, m_unlock}) {
            button->setToolTip(why);
        }
    }
}

} // namespace pd
