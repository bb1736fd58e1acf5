#pragma once

#include "app/domain/Session.h"

#include <QList>

#include <functional>
#include <memory>

class QAction;
class QMenu;
class QWidget;

namespace pd {

class Database;

/// File ▸ Back Up Database… and File ▸ Restore From Backup… for an SQLite database (BackupService): the backup for
/// the roles that may make one, the restore for administrators, with a question that says what a restore replaces
/// and brings back. Both run off the UI thread with progress. `restored` is called after a restore, to reload pages.
/// Returns the actions added (none for a PostgreSQL database or a role that may do neither).
QList<QAction *> addBackupActions(QMenu *menu, QWidget *window, std::shared_ptr<Database> database,
                                  const Session &session, std::function<void()> restored);

} // namespace pd
