#include "app/access/AuthService.h"
#include "app/domain/FieldRules.h"

#include "app/access/AuditLog.h"
#include "app/access/Password.h"
#include "app/access/Settings.h"
#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::AuthService)
};
} // namespace

namespace pd {

namespace {

/// Every refusal reads the same, so that a guesser learns neither whether the name exists nor whether it is locked
/// or deactivated; the audit trail records which it was.
Error refused()
{
    return makeError(ErrorCode::PermissionDenied,
                     Tr::tr("wrong operator name or password, or the account is locked or deactivated"));
}

AuditEntry signInEntry(const QString &action, qint64 operatorId, const QString &details = {})
{
    AuditEntry entry;
    entry.action = action;
    entry.objectType = QStringLiteral("operator");
    entry.objectId = operatorId > 0 ? QString::number(operatorId) : QString();
    entry.details = details;
    return entry;
}

} // namespace

QString AuthService::passwordProblem(const QString &password)
{
    if (password.size() < 8) {
        return Tr::tr("the password must have at least 8 characters");
    }
    if (password.trimmed() != password) {
        return Tr::tr("the password must not start or end with a space");
    }
    return {};
}

QString AuthService::nameProblem(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,39}$"));
    if (!pattern.match(name).hasMatch()) {
        return Tr::tr("an operator name is 2 to 40 lower-case letters, digits, '.', '_' or '-' (got '%1')").arg(name);
    }
    return {};
}

Result<bool> AuthService::hasOperators(Database &database)
{
    QSqlDatabase db = database.connection();
    Result<QVariant> count =
        sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM operators"), {}, "counting operators");
    if (!count) {
        return count.error();
    }
    return count.value().toLongLong() > 0;
}

Result<Session> AuthService::signIn(Database &database, const QString &name, const QString &password)
{
    Result<int> attempts = Settings::value(database, Settings::Key::LockoutAttempts);
    Result<int> lockMinutes = Settings::value(database, Settings::Key::LockoutMinutes);
    if (!attempts || !lockMinutes) {
        return (attempts ? lockMinutes.error() : attempts.error());
    }
    Result<Session> outcome = refused();
    Status stored = database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status status = sql::exec(query,
                                      QStringLiteral("SELECT id, role, password_hash, failed_attempts, locked_until, "
                                                     "active FROM operators WHERE name = ?") +
                                          sql::forUpdate(tx),
                                      {name.trimmed()}, "reading the operator");
            !status) {
            return status;
        }
        if (!query.next()) {
            password::burnVerificationTime(password);
            outcome = refused();
            return AuditLog::append(
                tx, Session(),
                signInEntry(QStringLiteral("sign-in.failed"), 0, QStringLiteral("unknown operator name")));
        }
        Session session;
        session.operatorId = query.value(0).toLongLong();
        session.name = name.trimmed();
        session.role = parseRole(query.value(1).toString()).value_or(Role::Auditor);
        const QString hash = query.value(2).toString();
        const QDateTime lockedUntil = sql::parseTimestamp(query.value(4).toString());
        const bool active = query.value(5).toInt() != 0;
        query.finish();

        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!active) {
            password::burnVerificationTime(password);
            outcome = refused();
            return AuditLog::append(
                tx, Session(),
                signInEntry(QStringLiteral("sign-in.failed"), session.operatorId, QStringLiteral("deactivated")));
        }
        if (lockedUntil.isValid() && lockedUntil > now) {
            password::burnVerificationTime(password);
            outcome = refused();
            return AuditLog::append(
                tx, Session(),
                signInEntry(QStringLiteral("sign-in.failed"), session.operatorId, QStringLiteral("account locked")));
        }
        if (!password::verify(hash, password)) {
            // Counted in the row, not from what was read: parallel guesses each add one.
            Result<QVariant> counted =
                sql::scalar(tx,
                            QStringLiteral("UPDATE operators SET failed_attempts = failed_attempts + 1 WHERE id = ? "
                                           "RETURNING failed_attempts"),
                            {session.operatorId}, "recording a failed sign-in");
            if (!counted) {
                return counted.error();
            }
            const int nowFailed = counted.value().toInt();
            const bool lock = nowFailed >= attempts.value();
            outcome = refused();
            if (Status status = AuditLog::append(
                    tx, Session(),
                    signInEntry(QStringLiteral("sign-in.failed"), session.operatorId,
                                QStringLiteral("wrong password %1 of %2").arg(nowFailed).arg(attempts.value())));
                !status || !lock) {
                return status;
            }
            const QString until = sql::timestamp(now.addSecs(60LL * lockMinutes.value()));
            if (Status status = sql::exec(query,
                                          QStringLiteral("UPDATE operators SET failed_attempts = 0, locked_until = ? "
                                                         "WHERE id = ?"),
                                          {until, session.operatorId}, "locking the operator");
                !status) {
                return status;
            }
            return AuditLog::append(tx, Session(),
                                    signInEntry(QStringLiteral("operator.locked"), session.operatorId,
                                                QStringLiteral("until %1").arg(until)));
        }
        if (Status status = sql::exec(query,
                                      QStringLiteral("UPDATE operators SET failed_attempts = 0, locked_until = NULL, "
                                                     "last_sign_in_at = ? WHERE id = ?"),
                                      {sql::timestamp(now), session.operatorId}, "recording the sign-in");
            !status) {
            return status;
        }
        outcome = session;
        return AuditLog::append(tx, session, signInEntry(QStringLiteral("sign-in"), session.operatorId));
    });
    if (!stored) {
        return stored.error();
    }
    return outcome;
}

Result<Session> AuthService::addOperator(Database &database, const Session &actor, const QString &name, Role role,
                                         const QString &password, const QString &displayName)
{
    if (const QString problem = nameProblem(name); !problem.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, problem);
    }
    if (const QString problem = passwordProblem(password); !problem.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, problem);
    }
    if (Status text = FieldRules::checkText(QStringLiteral("display name"), displayName, FieldRules::Text::Name);
        !text) {
        return text.error();
    }
    const QString hash = password::hash(password);
    if (hash.isEmpty()) {
        return makeError(ErrorCode::Storage, Tr::tr("cannot hash the password (out of memory?)"));
    }
    Session created;
    Status status = database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<QVariant> count =
            sql::scalar(tx, QStringLiteral("SELECT COUNT(*) FROM operators"), {}, "counting operators");
        if (!count) {
            return count.error();
        }
        const bool first = count.value().toLongLong() == 0;
        if (first && role != Role::Admin) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("the first operator must be an administrator (--role admin)"));
        }
        if (!first) {
            if (Status allowed = Permissions::check(actor, Action::ManageOperators); !allowed) {
                return allowed;
            }
        }
        Result<QVariant> taken = sql::scalar(tx, QStringLiteral("SELECT COUNT(*) FROM operators WHERE name = ?"),
                                             {name}, "checking the name");
        if (!taken) {
            return taken.error();
        }
        if (taken.value().toLongLong() > 0) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("an operator named %1 already exists").arg(name));
        }
        Result<QVariant> id = sql::scalar(
            tx,
            QStringLiteral("INSERT INTO operators (name, display_name, role, password_hash, created_at) "
                           "VALUES (?, ?, ?, ?, ?) RETURNING id"),
            {name, displayName.isNull() ? QStringLiteral("") : displayName, toString(role), hash, sql::nowTimestamp()},
            "adding the operator");
        if (!id) {
            return id.error();
        }
        created.operatorId = id.value().toLongLong();
        created.name = name;
        created.role = role;
        AuditEntry entry;
        entry.action = QStringLiteral("operator.add");
        entry.objectType = QStringLiteral("operator");
        entry.objectId = QString::number(created.operatorId);
        entry.details = QStringLiteral("name=%1 role=%2%3")
                            .arg(name, toString(role), first ? QStringLiteral(" first-administrator") : QString());
        return AuditLog::append(tx, first ? Session() : actor, entry);
    });
    if (!status) {
        return status.error();
    }
    return created;
}

Result<QList<AuthService::OperatorInfo>> AuthService::operators(Database &database, const Session &actor)
{
    if (Status allowed = Permissions::check(actor, Action::ManageOperators); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, name, display_name, role, active, locked_until, last_sign_in_at "
                                   "FROM operators ORDER BY name"))) {
        return sql::queryError(query, "listing operators");
    }
    QList<OperatorInfo> result;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    while (query.next()) {
        OperatorInfo info;
        info.id = query.value(0).toLongLong();
        info.name = query.value(1).toString();
        info.displayName = query.value(2).toString();
        info.role = parseRole(query.value(3).toString()).value_or(Role::Auditor);
        info.active = query.value(4).toInt() != 0;
        const QDateTime locked = sql::parseTimestamp(query.value(5).toString());
        info.lockedUntil = locked.isValid() && locked > now ? query.value(5).toString() : QString();
        info.lastSignInAt = query.value(6).toString();
        result.append(info);
    }
    return result;
}

namespace {

struct Account
{
    qint64 id = 0;
    Role role = Role::Auditor;
    bool active = true;
};

/// Loads (and locks) the operator `name` for a change by `actor`.
Result<Account> accountForChange(QSqlDatabase &tx, const Session &actor, const QString &name)
{
    if (Status allowed = Permissions::check(actor, Action::ManageOperators); !allowed) {
        return allowed.error();
    }
    QSqlQuery query(tx);
    if (Status status = sql::exec(
            query, QStringLiteral("SELECT id, role, active FROM operators WHERE name = ?") + sql::forUpdate(tx), {name},
            "reading the operator");
        !status) {
        return status.error();
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound, Tr::tr("there is no operator %1").arg(name));
    }
    return Account{query.value(0).toLongLong(), parseRole(query.value(1).toString()).value_or(Role::Auditor),
                   query.value(2).toInt() != 0};
}

/// Refuses when `account` is the only active administrator (an administrator must remain to manage the others).
Status keepAnAdministrator(QSqlDatabase &tx, const Account &account, const QString &name)
{
    if (account.role != Role::Admin || !account.active) {
        return {};
    }
    // Locking every active administrator's row: two workstations removing the last two at once wait for each other.
    QSqlQuery query(tx);
    if (Status status = sql::exec(
            query, QStringLiteral("SELECT id FROM operators WHERE role = 'admin' AND active = 1") + sql::forUpdate(tx),
            {}, "counting administrators");
        !status) {
        return status;
    }
    int admins = 0;
    while (query.next()) {
        ++admins;
    }
    if (admins <= 1) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1 is the last active administrator: add or activate another one first").arg(name));
    }
    return {};
}

Status auditOperator(QSqlDatabase &tx, const Session &actor, const char *action, const Account &account,
                     const QString &details = {})
{
    AuditEntry entry;
    entry.action = QLatin1String(action);
    entry.objectType = QStringLiteral("operator");
    entry.objectId = QString::number(account.id);
    entry.details = details;
    return AuditLog::append(tx, actor, entry);
}

} // namespace

Status AuthService::deactivate(Database &database, const Session &actor, const QString &name)
{
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Account> account = accountForChange(tx, actor, name);
        if (!account) {
            return account.error();
        }
        if (!account->active) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("operator %1 is already deactivated").arg(name));
        }
        if (Status kept = keepAnAdministrator(tx, account.value(), name); !kept) {
            return kept;
        }
        QSqlQuery query(tx);
        if (Status status = sql::exec(query, QStringLiteral("UPDATE operators SET active = 0 WHERE id = ?"),
                                      {account->id}, "deactivating the operator");
            !status) {
            return status;
        }
        return auditOperator(tx, actor, "operator.deactivate", account.value(), QStringLiteral("name=%1").arg(name));
    });
}

Status AuthService::activate(Database &database, const Session &actor, const QString &name)
{
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Account> account = accountForChange(tx, actor, name);
        if (!account) {
            return account.error();
        }
        if (account->active) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("operator %1 is already active").arg(name));
        }
        QSqlQuery query(tx);
        if (Status status = sql::exec(query,
                                      QStringLiteral("UPDATE operators SET active = 1, failed_attempts = 0, "
                                                     "locked_until = NULL WHERE id = ?"),
                                      {account->id}, "activating the operator");
            !status) {
            return status;
        }
        return auditOperator(tx, actor, "operator.activate", account.value(), QStringLiteral("name=%1").arg(name));
    });
}

Status AuthService::unlock(Database &database, const Session &actor, const QString &name)
{
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Account> account = accountForChange(tx, actor, name);
        if (!account) {
            return account.error();
        }
        QSqlQuery query(tx);
        if (Status status = sql::exec(query,
                                      QStringLiteral("UPDATE operators SET failed_attempts = 0, locked_until = NULL "
                                                     "WHERE id = ?"),
                                      {account->id}, "unlocking the operator");
            !status) {
            return status;
        }
        return auditOperator(tx, actor, "operator.unlock", account.value(), QStringLiteral("name=%1").arg(name));
    });
}

Status AuthService::resetPassword(Database &database, const Session &actor, const QString &name,
                                  const QString &password)
{
    if (const QString problem = passwordProblem(password); !problem.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, problem);
    }
    const QString hash = password::hash(password);
    if (hash.isEmpty()) {
        return makeError(ErrorCode::Storage, Tr::tr("cannot hash the password (out of memory?)"));
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Account> account = accountForChange(tx, actor, name);
        if (!account) {
            return account.error();
        }
        QSqlQuery query(tx);
        if (Status status = sql::exec(query,
                                      QStringLiteral("UPDATE operators SET password_hash = ?, failed_attempts = 0, "
                                                     "locked_until = NULL WHERE id = ?"),
                                      {hash, account->id}, "setting the password");
            !status) {
            return status;
        }
        return auditOperator(tx, actor, "operator.reset-password", account.value(),
                             QStringLiteral("name=%1").arg(name));
    });
}

Status AuthService::setRole(Database &database, const Session &actor, const QString &name, Role role)
{
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Account> account = accountForChange(tx, actor, name);
        if (!account) {
            return account.error();
        }
        if (account->role == role) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("operator %1 is already %2").arg(name, toString(role)));
        }
        if (role != Role::Admin) {
            if (Status kept = keepAnAdministrator(tx, account.value(), name); !kept) {
                return kept;
            }
        }
        QSqlQuery query(tx);
        if (Status status = sql::exec(query, QStringLiteral("UPDATE operators SET role = ? WHERE id = ?"),
                                      {toString(role), account->id}, "changing the role");
            !status) {
            return status;
        }
        return auditOperator(
            tx, actor, "operator.set-role", account.value(),
            QStringLiteral("name=%1 role=%2 was=%3").arg(name, toString(role), toString(account->role)));
    });
}

} // namespace pd
