#pragma once

#include "app/domain/Session.h"
#include "app/requests/RequestFilter.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace pd {

class ApprovalsDialog;
class AuditPage;
class ChangeNotifier;
class DashboardPage;
class Database;
class IdleLock;
class LetterTemplateDialog;
class LockScreen;
class SettingsDialog;
class PurposesPage;
class ReportsPage;
class RequestsPage;
class SubjectsPage;

/// The main window: navigation on the left, one page per area, and a status bar naming the database, the
/// operator and the approvals waiting. Geometry, window state and the last page are kept in QSettings.
///
/// It locks itself after Settings::IdleLockMinutes without input, or on File > Lock: the pages are replaced by a
/// LockScreen, dialogs are closed and other windows hidden, and only the signed-in operator's password unlocks it.
/// A ChangeNotifier tells the pages when another workstation (or this one) changed data.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// Pages in navigation order; Ctrl+1 ... Ctrl+6 select them.
    enum class Page { Subjects, Requests, Dashboard, Purposes, Reports, Audit };
    static constexpr int kPageCount = 6;

    /// `database` must be open; `session` is the signed-in operator every page acts for.
    MainWindow(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    const Session &session() const { return m_session; }
    Page currentPage() const;
    void setCurrentPage(Page page);
    SubjectsPage *subjectsPage() const { return m_subjects; }
    PurposesPage *purposesPage() const { return m_purposes; }
    RequestsPage *requestsPage() const { return m_requests; }
    AuditPage *auditPage() const { return m_audit; }
    DashboardPage *dashboardPage() const { return m_dashboard; }
    LockScreen *lockScreen() const { return m_lockScreen; }
    IdleLock *idleLock() const { return m_idleLock; }
    ChangeNotifier *changeNotifier() const { return m_notifier; }

    /// Locks the window now (File > Lock, or when idle).
    void lock();
    bool isLocked() const { return m_locked; }
    /// Shows the pending approvals (Tools > Pending Approvals) and returns the dialog, which the window owns.
    ApprovalsDialog *showApprovals();
    /// Shows the reply-letter template editor (Tools > Reply Letter Templates, officers only) and returns it; the
    /// window owns it and keeps it (with unsaved edits) across a lock. Null while locked.
    LetterTemplateDialog *showLetterTemplates();
    /// Shows Tools > Settings on its last page (or on `page`, an int of SettingsDialog::Page, when >= 0) and returns
    /// it; the window owns it and keeps it (with unsaved edits) across a lock. Null while locked.
    SettingsDialog *showSettings(int page = -1);
    /// Pending approvals as last counted for the status bar (0 when the role may not see them).
    int waitingApprovals() const { return m_waitingApprovals; }

    /// Switches to the Requests page and asks it (requestsFilterWanted) to list the requests matching `filter`:
    /// where a Dashboard chart drills down to.
    void showRequests(const pd::RequestFilter &filter);

signals:
    /// The operator chose Sign out on the lock screen; the window has closed.
    void signedOut();
    /// File > Open Database (an empty `url`) or an entry of Open Recent: the Application signs in to it and
    /// replaces this window.
    void openDatabaseWanted(const QString &url);
    /// The Requests page should show the requests matching `filter` (emitted by showRequests(), after switching
    /// to the page).
    void requestsFilterWanted(const pd::RequestFilter &filter);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPages();
    void createMenus();
    void fillRecentMenu();
    void createStatusBar();
    void restoreSettings();
    void saveSettings() const;
    void showAbout();
    void findSubject();
    void pageChanged(int index);
    void unlock(const Session &session);
    void hideOtherWindows();
    void dataChanged(const QString &topic);
    void refreshApprovalCount();
    /// Reads the shared settings that act in the window (the idle lock) and applies them.
    void applySettings();

    std::shared_ptr<Database> m_database;
    Session m_session;
    QStackedWidget *m_central = nullptr;
    QWidget *m_workArea = nullptr;
    LockScreen *m_lockScreen = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    SubjectsPage *m_subjects = nullptr;
    PurposesPage *m_purposes = nullptr;
    RequestsPage *m_requests = nullptr;
    ReportsPage *m_reports = nullptr;
    AuditPage *m_audit = nullptr;
    DashboardPage *m_dashboard = nullptr;
    QList<QAction *> m_pageActions;
    QList<QAction *> m_unlockedActions; ///< disabled while locked: they would show data
    QAction *m_lockAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QLabel *m_operatorLabel = nullptr;
    QPushButton *m_approvalsButton = nullptr;
    QPointer<ApprovalsDialog> m_approvals;
    QPointer<LetterTemplateDialog> m_letterTemplates;
    QPointer<SettingsDialog> m_settings;
    ChangeNotifier *m_notifier = nullptr;
    IdleLock *m_idleLock = nullptr;
    bool m_locked = false;
    int m_waitingApprovals = 0;
};

} // namespace pd
