#pragma once

#include "app/domain/Session.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pd {

class Database;

/// What the main window shows while locked: no personal data, only who may unlock it, a password field, Unlock
/// and Sign out. Unlock signs in again with AuthService::signIn, so wrong passwords count towards the lock-out;
/// a refusal is shown inline.
class LockScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LockScreen)

public:
    /// `database` must outlive the view; `operatorName` is the only one who can unlock.
    LockScreen(Database &database, const QString &operatorName, QWidget *parent = nullptr);

    /// Clears the password and the last error, and puts the focus in the password field.
    void reset();
    void setPassword(const QString &password);
    /// The inline error shown now, empty when none.
    QString errorText() const;
    /// Tries the password in the field (what the Unlock button does).
    void unlock();

signals:
    /// The password was right; `session` is the operator as signed in again.
    void unlocked(const pd::Session &session);
    /// The operator chose Sign out.
    void signOutRequested();

private:
    Database &m_database;
    QString m_operatorName;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_unlock = nullptr;
};

} // namespace pd
