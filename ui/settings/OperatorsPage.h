#pragma once

#include "app/access/AuthService.h"
#include "app/domain/Session.h"

#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace pd {

class Database;

/// The Operators page of the Settings dialog (administrators): every account of the database with its role, state
/// and last sign-in, and the commands to add an operator, change a role, deactivate or activate an account, reset
/// a password and lift a lock-out. Each command goes through AuthService, which checks the role and audits it;
/// what the service refuses (the last administrator, a weak password) is shown under the table in its words.
/// Deactivating asks first and says what it means. Forms are FormDialogs, so tests answer them with
/// FormDialog::setNextValues.
class OperatorsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperatorsPage)

public:
    enum Column { Name, DisplayName, RoleColumn, State, LastSignIn, ColumnCount };

    OperatorsPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);

    /// Reads the accounts again, keeping the selected one.
    void reload();
    /// Selects the row of operator `name`; false when not listed.
    bool selectOperator(const QString &name);
    /// The text of `column` in the row of operator `name`; empty when not listed.
    QString textOf(const QString &name, Column column) const;
    /// The line under the table (what was done, or the refusal), empty when none.
    QString messageText() const;

    /// The commands, on the selected operator (except addOperator).
    void addOperator();
    void changeRole();
    void toggleActive();
    void resetPassword();
    void unlock();

signals:
    /// An account was added or changed here.
    void operatorsChanged();

private:
    const AuthService::OperatorInfo *selected() const;
    void showResult(const Status &status, const QString &done);
    void updateButtons();
    static bool isLocked(const AuthService::OperatorInfo &info);

    std::shared_ptr<Database> m_database;
    Session m_session;
    QList<AuthService::OperatorInfo> m_operators;
    QTableWidget *m_table = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_role = nullptr;
    QPushButton *m_active = nullptr;
    QPushButton *m_password = nullptr;
    QPushButton *m_unlock = nullptr;
};

} // namespace pd
