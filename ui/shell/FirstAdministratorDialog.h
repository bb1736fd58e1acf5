#pragma once

#include "app/domain/Session.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace pd {

class Database;

/// The first start on a database without operators: asks for the first administrator (name, display name,
/// password twice) and creates it with AuthService::addOperator. Problems are shown inline under their field
/// (AuthService::nameProblem and passwordProblem, a confirmation that differs) and the dialog stays open.
///
/// Tests fill the fields with setFields() and call accept() instead of exec().
class FirstAdministratorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstAdministratorDialog)

public:
    /// `database` must outlive the dialog.
    explicit FirstAdministratorDialog(Database &database, QWidget *parent = nullptr);

    void setFields(const QString &name, const QString &displayName, const QString &password,
                   const QString &confirmation);
    /// Every inline problem shown now, one per line; empty when none.
    QString problemText() const;
    /// The administrator created, after the dialog was accepted (not signed in: the sign-in dialog follows).
    const Session &administrator() const { return m_administrator; }

    /// Checks the fields and creates the administrator: closes with Accepted on success, shows problems otherwise.
    void accept() override;

private:
    /// Updates the inline problems: `all` shows every problem (on accept); otherwise only the problems already
    /// shown are updated or cleared. True when the fields are acceptable.
    bool validate(bool all);

    Database &m_database;
    Session m_administrator;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirmation = nullptr;
    QLabel *m_nameProblem = nullptr;
    QLabel *m_passwordProblem = nullptr;
    QLabel *m_confirmationProblem = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace pd
