#pragma once

#include "app/domain/Session.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pd {

class Database;

/// Asks for an operator name and password and signs in with AuthService::signIn. A refusal (wrong password,
/// lock-out after too many, deactivated account) is shown inline in red and the dialog stays open; the password
/// field is cleared after each try. The last name that signed in is remembered in QSettings.
///
/// Tests fill the fields with setOperatorName()/setPassword() and call accept() instead of exec().
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    /// `database` must outlive the dialog.
    explicit SignInDialog(Database &database, QWidget *parent = nullptr);

    void setOperatorName(const QString &name);
    void setPassword(const QString &password);
    /// A line under the introduction (who may sign in to the demo), empty to hide it.
    void setHint(const QString &text);
    QString hint() const;
    QString operatorName() const;
    /// The inline error shown now, empty when none.
    QString errorText() const;
    /// The signed-in operator after the dialog was accepted; invalid before.
    const Session &session() const { return m_session; }

    /// Signs in with the fields' values: closes with Accepted on success, shows the refusal otherwise.
    void accept() override;

private:
    void showError(const QString &message);

    Database &m_database;
    Session m_session;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_signIn = nullptr;
};

} // namespace pd
