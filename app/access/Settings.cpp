#include "app/access/Settings.h"

#include "app/access/AuditLog.h"
#include "app/domain/Permissions.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>

namespace pd {

QList<Settings::Key> Settings::allKeys()
{
    return {Key::IdleLockMinutes,      Key::LockoutAttempts,       Key::LockoutMinutes, Key::FourEyesThreshold,
            Key::FourEyesAllDeletions, Key::FourEyesWindowMinutes, Key::BackupKeepDays};
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
    case Key::FourEyesWindowMinutes:
        return QStringLiteral("four_eyes_window_minutes");
    case Key::BackupKeepDays:
        return QStringLiteral("backup_keep_days");
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
    case Key::FourEyesWindowMinutes:
        return 60;
    case Key::BackupKeepDays:
        return 30;
    }
    return 0;
}

Settings::Bounds Settings::bounds(Key key)
{
    switch (key) {
    case Key::IdleLockMinutes:
        return {1, 240};
    case Key::LockoutAttempts:
        return {3, 20};
    case Key::LockoutMinutes:
        return {1, 1440};
    case Key::FourEyesThreshold:
        return {1, 1000000000};
    case Key::FourEyesAllDeletions:
        return {0, 1};
    case Key::FourEyesWindowMinutes:
        return {1, 10080};
    case Key::BackupKeepDays:
        return {1, 3660};
    }
    return {0, 0};
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
    if (!ok) {
        return defaultValue(key);
    }
    // A database written before the bounds existed may hold a value that locks everybody out (0 attempts).
    const Bounds allowed = bounds(key);
    return std::clamp(parsed, allowed.minimum, allowed.maximum);
}

Status Settings::setValue(Database &database, const Session &who, Key key, int value)
{
    if (Status allowed = Permissions::check(who, Action::ManageSettings); !allowed) {
        return allowed;
    }
    if (const Bounds allowed = bounds(key); value < allowed.minimum || value > allowed.maximum) {
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("pd::Settings", "setting %1: expected %2 to %3, got %4")
                             .arg(name(key))
                             .arg(allowed.minimum)
                             .arg(allowed.maximum)
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
        ChangeNotifier::notify(tx, QStringLiteral("settings")); // the idle lock changes on every workstation
        return AuditLog::append(tx, who, entry);
    });
}

} // namespace pd
