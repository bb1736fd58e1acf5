#pragma once

#include "app/domain/Session.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace pd {

class Database;

/// The first start on a database without operators: asks for the first administrator (name, display name,
/// password twice) and the register of processing to start with (one of the built-in policy profiles, a profile
/// file, or none), and creates both in one transaction (AuthService::addOperator, ProfileInstaller). Problems are
/// shown inline under their field (AuthService::nameProblem and passwordProblem, a confirmation that differs, a
/// profile that does not load, naming its file and line) and the dialog stays open with nothing created.
/// Instead of creating, the operator may open the demo database or another database: the dialog then closes
/// with OpenDemo or OpenOther and the caller does that.
///
/// Tests fill the fields with setFields() and setProfile() and call accept() instead of exec().
class FirstAdministratorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstAdministratorDialog)

public:
    /// Results besides Accepted and Rejected.
    enum Outcome { OpenDemo = 2, OpenOther = 3 };

    /// `database` must outlive the dialog.
    explicit FirstAdministratorDialog(Database &database, QWidget *parent = nullptr);

    /// The profile to install: a path or resource from ProfileLoader::builtInProfiles(), a file, or empty for none.
    void setProfile(const QString &path);
    QString profile() const;

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
    QComboBox *m_profile = nullptr;
    QLabel *m_profileProblem = nullptr;
    QLabel *m_nameProblem = nullptr;
    QLabel *m_passwordProblem = nullptr;
    QLabel *m_confirmationProblem = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace pd
