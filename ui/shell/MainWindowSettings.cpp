#include "ui/shell/MainWindow.h"

// The parts of the main window that follow the shared settings and the list of recent databases.

#include "app/access/Settings.h"
#include "app/storage/Database.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/shell/IdleLock.h"
#include "ui/shell/RecentDatabases.h"

#include <QAction>
#include <QMenu>

namespace pd {

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QString current = m_database->url().withoutPassword().toString();
    int number = 0;
    for (const QString &entry : RecentDatabases::list()) {
        const Result<DatabaseUrl> url = DatabaseUrl::parse(entry);
        const QString name = url ? url->displayName() : entry;
        ++number;
        QAction *action = m_recentMenu->addAction(number < 10 ? QStringLiteral("&%1 %2").arg(number).arg(name) : name);
        action->setEnabled(entry != current);
        if (entry == current) {
            action->setToolTip(tr("Open now"));
        }
        connect(action, &QAction::triggered, this, [this, entry] { emit openDatabaseWanted(entry); });
    }
    if (m_recentMenu->isEmpty()) {
        m_recentMenu->addAction(tr("No databases yet"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("&Clear List")), &QAction::triggered, this, [] { RecentDatabases::clear(); });
}

void MainWindow::applySettings()
{
    const Result<int> minutes = Settings::value(*m_database, Settings::Key::IdleLockMinutes);
    // A setting that cannot be read must not switch the lock off: the default applies then.
    const int interval =
        (minutes ? minutes.value() : Settings::defaultValue(Settings::Key::IdleLockMinutes)) * 60 * 1000;
    if (interval != m_idleLock->interval()) {
        m_idleLock->setInterval(interval); // while counting, counts the new time from now
    }
}

SettingsDialog *MainWindow::showSettings(int page)
{
    if (m_locked) {
        return nullptr;
    }
    if (!m_settings) {
        m_settings = new SettingsDialog(m_database, m_session, this);
        connect(m_settings, &SettingsDialog::settingsChanged, this, &MainWindow::applySettings);
    }
    if (page >= 0) {
        m_settings->showPage(SettingsDialog::Page(page));
    }
    m_settings->show();
    m_settings->raise();
    m_settings->activateWindow();
    return m_settings;
}

} // namespace pd
