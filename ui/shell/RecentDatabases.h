#pragma once

#include "app/storage/DatabaseUrl.h"

#include <QStringList>

namespace pd {

/// The databases signed in to lately, newest first, kept in QSettings as addresses without passwords (File > Open
/// Recent, and the database opened at the next start when neither --db nor PRIVACYDESK_DB names one).
class RecentDatabases
{
public:
    static constexpr int kMaximum = 8;

    /// The addresses, newest first; SQLite files that no longer exist are left out.
    static QStringList list();
    /// Puts `url` (its password dropped) first.
    static void remember(const DatabaseUrl &url);
    static void clear();
};

} // namespace pd
