#include "app/access/Settings.h"

#include "app/access/AuditLog.h"
#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace pd {

QList<Settings::Key> Settings::allKeys()
{
    return {Key::IdleLockMinutes, Key::LockoutAttempts, Key::LockoutMinutes, Key::FourEyesThreshold,
            Key::FourEyesAllDeletions};
}

QString Settings::name(Key key)
{
    switch (key) {
    case Key::IdleLockMinutes:
        return QStringLiteral("idle_lock_minutes");
    case Key::LockoutAttempts:
        return QStringLiteral("lockout_attempts");
    case Key::LockoutMinutes:
        return QStringLiteral("lockout_minutes");
    case Key::FourEyesThreshold:
        return QStringLiteral("four_eyes_threshold");
    case Key::FourEyesAllDeletions:
        return QStringLiteral("four_eyes_all_deletions");
    }
    return {};
}

int Settings::defaultValue(Key key)
{
    switch (key) {
    case Key::IdleLockMinutes:
        return 10;
    case Key::LockoutAttempts:
        return 5;
    case Key::LockoutMinutes:
        return 15;
    case Key::FourEyesThreshold:
        return 10;
    case Key::FourEyesAllDeletions:
        return 0;
    }
    return 0;
}

Result<int> Settings::value(Database &database, Key key)
{
    QSqlDatabase db = database.connection();
    Result<QVariant> stored =
        sql::scalar(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {name(key)}, "reading a setting");
    if (!stored) {
        return stored.error();
    }
    bool ok = false;
    const int parsed = stored.value().toString().toInt(&ok);
    return ok ? parsed : defaultValue(key);
}

Status Settings::setValue(Database &database, const Session &who, Key key, int value)
{
    if (Status allowed = Permissions::check(who, Action::ManageSettings); !allowed) {
        return allowed;
    }
    if (value < 0) {
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("pd::Settings", "setting %1: expected 0 or more, got %2")
                             .arg(name(key))
                             .arg(value));
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status status = sql::exec(query,
                                      QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                                      {name(key), QString::number(value)}, "changing a setting");
            !status) {
            return status;
        }
        AuditEntry entry;
        entry.action = QStringLiteral("settings.change");
        entry.objectType = QStringLiteral("setting");
        entry.objectId = name(key);
        entry.details = QStringLiteral("%1=%2").arg(name(key)).arg(value);
        return AuditLog::append(tx, who, entry);
    });
}

} // namespace pd
