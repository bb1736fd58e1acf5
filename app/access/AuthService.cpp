#include "app/access/AuthService.h"

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

Error wrongCredentials()
{
    return makeError(ErrorCode::PermissionDenied, Tr::tr("wrong operator name or password"));
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
    Result<Session> outcome = wrongCredentials();
    Status stored = database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status status = sql::exec(query,
                                      QStringLiteral("SELECT id, role, password_hash, failed_attempts, locked_until, "
                                                     "active FROM operators WHERE name = ?"),
                                      {name.trimmed()}, "reading the operator");
            !status) {
            return status;
        }
        if (!query.next()) {
            password::burnVerificationTime(password);
            return AuditLog::append(
                tx, Session(),
                signInEntry(QStringLiteral("sign-in.failed"), 0, QStringLiteral("unknown operator name")));
        }
        Session session;
        session.operatorId = query.value(0).toLongLong();
        session.name = name.trimmed();
        session.role = parseRole(query.value(1).toString()).value_or(Role::Auditor);
        const QString hash = query.value(2).toString();
        const int failed = query.value(3).toInt();
        const QDateTime lockedUntil = sql::parseTimestamp(query.value(4).toString());
        const bool active = query.value(5).toInt() != 0;
        query.finish();

        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!active) {
            password::burnVerificationTime(password);
            outcome = makeError(ErrorCode::PermissionDenied, Tr::tr("operator %1 is deactivated").arg(session.name));
            return AuditLog::append(
                tx, Session(),
                signInEntry(QStringLiteral("sign-in.failed"), session.operatorId, QStringLiteral("deactivated")));
        }
        if (lockedUntil.isValid() && lockedUntil > now) {
            password::burnVerificationTime(password);
            outcome = makeError(ErrorCode::PermissionDenied,
                                Tr::tr("operator %1 is locked until %2 UTC after too many wrong passwords")
                                    .arg(session.name, lockedUntil.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
            return AuditLog::append(
                tx, Session(),
                signInEntry(QStringLiteral("sign-in.failed"), session.operatorId, QStringLiteral("account locked")));
        }
        if (!password::verify(hash, password)) {
            const int nowFailed = failed + 1;
            const bool lock = nowFailed >= attempts.value();
            const QString until = lock ? sql::timestamp(now.addSecs(60LL * lockMinutes.value())) : QString();
            if (Status status =
                    sql::exec(query,
                              QStringLiteral("UPDATE operators SET failed_attempts = ?, locked_until = ? "
                                             "WHERE id = ?"),
                              {lock ? 0 : nowFailed, lock ? QVariant(until) : QVariant(QString()), session.operatorId},
                              "recording a failed sign-in");
                !status) {
                return status;
            }
            outcome =
                lock ? makeError(ErrorCode::PermissionDenied,
                                 Tr::tr("wrong operator name or password; operator %1 is now locked for %2 minutes")
                                     .arg(session.name)
                                     .arg(lockMinutes.value()))
                     : wrongCredentials();
            if (Status status = AuditLog::append(
                    tx, Session(),
                    signInEntry(QStringLiteral("sign-in.failed"), session.operatorId,
                                QStringLiteral("wrong password %1 of %2").arg(nowFailed).arg(attempts.value())));
                !status || !lock) {
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

} // namespace pd
