#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QList>
#include <QString>

namespace pd {

class Database;

/// Application settings shared by every workstation of a database, with their defaults.
class Settings
{
public:
    enum class Key {
        IdleLockMinutes,      ///< the window locks after this many minutes without input (0: never)
        LockoutAttempts,      ///< wrong passwords in a row that lock an account
        LockoutMinutes,       ///< how long a locked account stays locked
        FourEyesThreshold,    ///< anonymizing or deleting more subjects than this at once needs a second officer
        FourEyesAllDeletions, ///< 1: every deletion needs a second officer
    };

    /// Every setting, in the order `settings show` lists them.
    static QList<Key> allKeys();
    static QString name(Key key);
    static int defaultValue(Key key);

    /// The stored value, or the default.
    static Result<int> value(Database &database, Key key);
    /// Changes a setting (admins only), audited.
    static Status setValue(Database &database, const Session &who, Key key, int value);
};

} // namespace pd
