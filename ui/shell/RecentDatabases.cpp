#include "ui/shell/RecentDatabases.h"

#include <QFileInfo>
#include <QSettings>

namespace pd {

namespace {

const QString kKey = QStringLiteral("databases/recent");

} // namespace

QStringList RecentDatabases::list()
{
    QStringList kept;
    for (const QString &entry : QSettings().value(kKey).toStringList()) {
        const Result<DatabaseUrl> url = DatabaseUrl::parse(entry);
        if (!url || (url->backend() == DatabaseUrl::Backend::SQLite && !QFileInfo::exists(url->path()))) {
            continue;
        }
        kept.append(entry);
    }
    return kept;
}

void RecentDatabases::remember(const DatabaseUrl &url)
{
    const QString entry = url.withoutPassword().toString();
    QStringList entries = QSettings().value(kKey).toStringList();
    entries.removeAll(entry);
    entries.prepend(entry);
    while (entries.size() > kMaximum) {
        entries.removeLast();
    }
    QSettings().setValue(kKey, entries);
}

void RecentDatabases::clear()
{
    QSettings().remove(kKey);
}

} // namespace pd
