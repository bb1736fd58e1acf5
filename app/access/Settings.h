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
        IdleLockMinutes,       ///< the window locks after this many minutes without input
        LockoutAttempts,       ///< wrong passwords in a row that lock an account
        LockoutMinutes,        ///< how long a locked account stays locked
        FourEyesThreshold,     ///< anonymizing or deleting more subjects than this at once needs a second officer
        FourEyesAllDeletions,  ///< 1: every deletion needs a second officer
        FourEyesWindowMinutes, ///< one operator's anonymizations and deletions over this many minutes add up
        BackupKeepDays,        ///< backups are kept this many days: what is erased leaves them that much later
    };

    /// The values a setting may take, inclusive: lock-out 3 to 20 attempts for 1 to 1440 minutes, idle lock 1 to 240
    /// minutes, a four-eyes threshold of at least 1 over a window of 1 to 10080 minutes (a week), all-deletions 0 or 1,
    /// backups kept 1 to 3660 days.
    struct Bounds
    {
        int minimum = 0;
        int maximum = 0;
    };
    static Bounds bounds(Key key);

    /// Every setting, in the order `settings show` lists them.
    static QList<Key> allKeys();
    static QString name(Key key);
    static int defaultValue(Key key);

    /// The stored value (brought within bounds(), for a database an older version wrote), or the default.
    static Result<int> value(Database &database, Key key);
    /// Changes a setting (admins only), audited. A value outside bounds() is refused with a message naming them.
    static Status setValue(Database &database, const Session &who, Key key, int value);
};

} // namespace pd
