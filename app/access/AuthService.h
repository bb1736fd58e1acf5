#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QList>
#include <QString>

namespace pd {

class Database;

/// Operator accounts and sign-in.
///
/// Passwords are kept as Argon2id hashes only. After Settings::LockoutAttempts wrong passwords in a row an account
/// is locked for Settings::LockoutMinutes; a locked account refuses even the right password until then. Sign-ins of
/// one account are serialized (its row is locked while the password is checked) and failures are counted in the
/// row, so parallel guesses add up. Every refusal reads the same, whether the name is unknown, the password wrong or
/// the account locked or deactivated. Every sign-in, failure and lock is audited (the name, never the password).
class AuthService
{
public:
    struct OperatorInfo
    {
        qint64 id = 0;
        QString name;
        QString displayName;
        Role role = Role::Auditor;
        bool active = true;
        QString lockedUntil; ///< ISO UTC, empty when not locked
        QString lastSignInAt;
    };

    /// Whether any operator exists (false on a new database: the first start asks for an administrator).
    static Result<bool> hasOperators(Database &database);

    /// Checks name and password. Failures are ErrorCode::PermissionDenied with a message that does not tell an
    /// unknown name from a wrong password.
    static Result<Session> signIn(Database &database, const QString &name, const QString &password);

    /// Adds an operator. On a database without operators `actor` may be an empty Session and the new operator must
    /// be an administrator (the first start); otherwise `actor` needs Action::ManageOperators.
    static Result<Session> addOperator(Database &database, const Session &actor, const QString &name, Role role,
                                       const QString &password, const QString &displayName = {});

    static Result<QList<OperatorInfo>> operators(Database &database, const Session &actor);

    /// Managing accounts (administrators, Action::ManageOperators; each audited). The last active administrator can
    /// be neither deactivated nor given another role, so that somebody can always manage the others.
    static Status deactivate(Database &database, const Session &actor, const QString &name);
    static Status activate(Database &database, const Session &actor, const QString &name);
    /// Lifts a lock-out and forgets the wrong passwords counted so far.
    static Status unlock(Database &database, const Session &actor, const QString &name);
    /// Sets a new password (checked with passwordProblem) and lifts a lock-out.
    static Status resetPassword(Database &database, const Session &actor, const QString &name, const QString &password);
    static Status setRole(Database &database, const Session &actor, const QString &name, Role role);

    /// What a password must be; empty when acceptable.
    static QString passwordProblem(const QString &password);
    /// What an operator name must be; empty when acceptable.
    static QString nameProblem(const QString &name);
};

} // namespace pd
