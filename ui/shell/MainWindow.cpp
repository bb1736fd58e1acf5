#include "ui/shell/MainWindow.h"

#include "app/access/Settings.h"
#include "app/approvals/ApprovalService.h"
#include "app/domain/Permissions.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Versions.h"
#include "ui/audit/AuditPage.h"
#include "ui/bulk/ApprovalsDialog.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/Style.h"
#include "ui/dashboard/DashboardPage.h"
#include "ui/policy/PurposesPage.h"
#include "ui/reports/ReportsPage.h"
#include "ui/requests/RequestsPage.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/shell/HelpDialogs.h"
#include "ui/shell/IdleLock.h"
#include "ui/shell/LockScreen.h"
#include "ui/shell/RecentDatabases.h"
#include "ui/shell/UiLanguage.h"
#include "ui/subjects/SubjectFilterBar.h"
#include "ui/subjects/SubjectPanel.h"
#include "ui/subjects/SubjectsPage.h"
#include "ui/tools/BackupActions.h"
#include "ui/tools/CalendarDialog.h"
#include "ui/tools/ImportDialog.h"
#include "ui/tools/LetterTemplateDialog.h"
#include "ui/tools/RetentionDialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

#include <algorithm>

namespace pd {

namespace {

const QString kGeometryKey = QStringLiteral("MainWindow/geometry");
const QString kStateKey = QStringLiteral("MainWindow/state");
const QString kPageKey = QStringLiteral("MainWindow/page");
// "columns2": the IP address column came second in 0.1; a header saved with one column less is not restored.
const QString kSubjectColumnsKey = QStringLiteral("SubjectsPage/columns2");
const QString kSubjectPanelKey = QStringLiteral("SubjectView/splitter");

struct PageInfo
{
    QString title;
    QString icon;
};

} // namespace

MainWindow::MainWindow(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QMainWindow(parent), m_database(std::move(database)), m_session(session)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Privacy Desk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/privacydesk.svg")));
    createPages();
    createMenus();
    createStatusBar();
    restoreSettings();

    // Made on the UI thread, so that it listens on the UI thread's connection and signals arrive here.
    m_notifier = new ChangeNotifier(*m_database, this);
    connect(m_notifier, &ChangeNotifier::changed, this, &MainWindow::dataChanged);
    refreshApprovalCount();

    m_idleLock = new IdleLock(this);
    applySettings();
    connect(m_idleLock, &IdleLock::idle, this, &MainWindow::lock);
    m_idleLock->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages()
{
    const PageInfo pages[kPageCount] = {
        {tr("Subjects"), QStringLiteral(":/icons/subjects.svg")},
        {tr("Requests"), QStringLiteral(":/icons/requests.svg")},
        {tr("Dashboard"), QStringLiteral(":/icons/dashboard.svg")},
        {tr("Purposes"), QStringLiteral(":/icons/purposes.svg")},
        {tr("Reports"), QStringLiteral(":/icons/reports.svg")},
        {tr("Audit"), QStringLiteral(":/icons/audit.svg")},
    };

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    int widest = 0;
    for (const PageInfo &page : pages) {
        auto *item = new QListWidgetItem(QIcon(page.icon), page.title, m_navigation);
        item->setSizeHint(QSize(0, fontMetrics().height() + 20));
        widest = std::max(widest, fontMetrics().horizontalAdvance(page.title));
    }
    m_navigation->setFixedWidth(widest + 24 + 56);

    m_subjects = new SubjectsPage(m_database, m_session, this);
    m_subjects->setObjectName(QStringLiteral("subjectsPage"));
    connect(m_subjects, &SubjectsPage::subjectsChanged, this, &MainWindow::refreshApprovalCount);
    m_purposes = new PurposesPage(m_database, m_session, this);
    m_purposes->setObjectName(QStringLiteral("purposesPage"));
    m_audit = new AuditPage(m_database, m_session, this);
    m_audit->setObjectName(QStringLiteral("auditPage"));
    m_dashboard = new DashboardPage(m_database, m_session, this);
    m_dashboard->setObjectName(QStringLiteral("dashboardPage"));
    connect(m_dashboard, &DashboardPage::drillDown, this, &MainWindow::showRequests);
    m_reports = new ReportsPage(m_database, m_session, this);
    m_reports->setObjectName(QStringLiteral("reportsPage"));
    connect(m_reports, &ReportsPage::dataChanged, m_audit, &AuditPage::scheduleRefresh);
    connect(m_reports, &ReportsPage::dataChanged, m_dashboard, &DashboardPage::scheduleRefresh);
    m_requests = new RequestsPage(m_database, m_session, this);
    m_requests->setObjectName(QStringLiteral("requestsPage"));
    connect(this, &MainWindow::requestsFilterWanted, m_requests, &RequestsPage::applyFilter);
    connect(m_requests, &RequestsPage::requestsChanged, m_dashboard, &DashboardPage::scheduleRefresh);
    connect(m_requests, &RequestsPage::requestsChanged, this, &MainWindow::refreshApprovalCount);
    connect(m_reports, &ReportsPage::dataChanged, m_requests, &RequestsPage::scheduleRefresh);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_subjects);
    m_pages->addWidget(m_requests);
    m_pages->addWidget(m_dashboard);
    m_pages->addWidget(m_purposes);
    m_pages->addWidget(m_reports);
    m_pages->addWidget(m_audit);

    m_workArea = new QWidget(this);
    m_workArea->setObjectName(QStringLiteral("workArea"));
    auto *layout = new QHBoxLayout(m_workArea);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *separator = new QFrame(m_workArea);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    layout->addWidget(separator);
    layout->addWidget(m_pages, 1);

    m_lockScreen = new LockScreen(*m_database, m_session.name, this);
    m_lockScreen->setObjectName(QStringLiteral("lockScreen"));
    connect(m_lockScreen, &LockScreen::unlocked, this, &MainWindow::unlock);
    connect(m_lockScreen, &LockScreen::signOutRequested, this, [this] {
        close();
        emit signedOut();
    });

    // Locking swaps the whole work area for the lock screen: nothing of a page stays on screen.
    m_central = new QStackedWidget(this);
    m_central->setObjectName(QStringLiteral("central"));
    m_central->addWidget(m_workArea);
    m_central->addWidget(m_lockScreen);
    setCentralWidget(m_central);

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::pageChanged);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    if (Permissions::allows(m_session.role, Action::HandleRequests)) {
        // From every page: the intake form opens over the Requests page, which shows the new request.
        QAction *newRequest = file->addAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New Request…"));
        newRequest->setObjectName(QStringLiteral("newRequestAction"));
        newRequest->setShortcut(QKeySequence::New);
        newRequest->setShortcutContext(Qt::WindowShortcut);
        connect(newRequest, &QAction::triggered, this, [this] {
            setCurrentPage(Page::Requests);
            m_requests->newRequest();
        });
        m_unlockedActions.append(newRequest);
        file->addSeparator();
    }
    QAction *open = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Database\u2026"));
    open->setObjectName(QStringLiteral("openDatabase"));
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)); // Ctrl+O opens the selected subject
    open->setToolTip(tr("Sign in to another database; this window closes once you are signed in there"));
    connect(open, &QAction::triggered, this, [this] { emit openDatabaseWanted(QString()); });
    m_unlockedActions.append(open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentDatabases"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    m_unlockedActions.append(m_recentMenu->menuAction());
    file->addSeparator();
    m_lockAction = file->addAction(QIcon::fromTheme(QStringLiteral("system-lock-screen")), tr("&Lock"));
    m_lockAction->setObjectName(QStringLiteral("lockWindow"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setToolTip(tr("Hide everything until your password is entered again"));
    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lock);
    m_unlockedActions.append(m_lockAction);
    if (Permissions::allows(m_session.role, Action::ImportData)) {
        QAction *import =
            file->addAction(QIcon::fromTheme(QStringLiteral("document-import")), tr("&Import Subjects\u2026"));
        import->setObjectName(QStringLiteral("importSubjects"));
        import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
        connect(import, &QAction::triggered, this, [this] {
            ImportDialog dialog(m_database, m_session, this);
            connect(&dialog, &ImportDialog::importFinished, m_subjects, &SubjectsPage::scheduleRefresh);
            dialog.exec();
        });
        m_unlockedActions.append(import);
    }
    file->addSeparator();
    m_unlockedActions << addBackupActions(file, this, m_database, m_session, [this] {
        m_subjects->scheduleRefresh();
        m_requests->scheduleRefresh();
        m_dashboard->scheduleRefresh();
        m_audit->scheduleRefresh();
    });
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcutContext(Qt::ApplicationShortcut);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    for (int index = 0; index < kPageCount; ++index) {
        const QListWidgetItem *item = m_navigation->item(index);
        QAction *action = view->addAction(item->icon(), item->text());
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        action->setObjectName(QStringLiteral("showPage%1").arg(index + 1));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, index] { setCurrentPage(Page(index)); });
        m_pageActions.append(action);
    }
    view->addSeparator();
    QAction *find = view->addAction(tr("&Find Subject"));
    find->setObjectName(QStringLiteral("findSubject"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, &MainWindow::findSubject);
    m_unlockedActions.append(m_pageActions);
    m_unlockedActions.append(find);
    view->addSeparator();
    view->addMenu(UiLanguage::createMenu(this));

    QMenu *subjects = menuBar()->addMenu(tr("&Subjects"));
    subjects->setObjectName(QStringLiteral("subjectsMenu"));
    subjects->setToolTipsVisible(true); // a disabled command says why
    for (QAction *action : m_subjects->commandActions()) {
        if (action) {
            subjects->addAction(action);
        } else {
            subjects->addSeparator();
        }
    }

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *approvals = tools->addAction(tr("Pending &Approvals\u2026"));
    approvals->setObjectName(QStringLiteral("showApprovals"));
    approvals->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(approvals, &QAction::triggered, this, &MainWindow::showApprovals);
    m_unlockedActions.append(approvals);
    if (Permissions::allows(m_session.role, Action::ViewPersonalData)) {
        QAction *retention = tools->addAction(tr("&Retention Sweep\u2026"));
        retention->setObjectName(QStringLiteral("showRetention"));
        retention->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
        connect(retention, &QAction::triggered, this, [this] {
            RetentionDialog dialog(m_database, m_session, this);
            dialog.exec();
        });
        m_unlockedActions.append(retention);
    }
    if (Permissions::allows(m_session.role, Action::EditLetterTemplates)) {
        QAction *templates = tools->addAction(tr("Reply Letter &Templates\u2026"));
        templates->setObjectName(QStringLiteral("showLetterTemplates"));
        connect(templates, &QAction::triggered, this, &MainWindow::showLetterTemplates);
        m_unlockedActions.append(templates);
    }
    tools->addSeparator();
    QAction *settings = tools->addAction(QIcon::fromTheme(QStringLiteral("preferences-system")), tr("&Settings\u2026"));
    settings->setObjectName(QStringLiteral("showSettings"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, [this] { showSettings(); });
    m_unlockedActions.append(settings);
    QAction *calendars = tools->addAction(tr("Working-Day &Calendars\u2026"));
    calendars->setObjectName(QStringLiteral("calendarAction"));
    connect(calendars, &QAction::triggered, this, [this] {
        CalendarDialog dialog(m_database, m_session, this);
        dialog.exec();
    });
    m_unlockedActions.append(calendars);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    HelpDialogs::fillMenu(help, this);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Privacy Desk"));
    about->setObjectName(QStringLiteral("aboutPrivacyDesk"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createStatusBar()
{
    m_databaseLabel = new QLabel(tr("Database: %1").arg(m_database->url().displayName()), this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseLabel"));
    m_databaseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_approvalsButton = new QPushButton(this);
    m_approvalsButton->setObjectName(QStringLiteral("approvalsButton"));
    m_approvalsButton->setFlat(true);
    m_approvalsButton->setCursor(Qt::PointingHandCursor);
    m_approvalsButton->setStyleSheet(
        QStringLiteral("QPushButton { %1 }")
            .arg(Style::textStyle(Style::warning(), QStringLiteral("font-weight: bold;"))));
    m_approvalsButton->setToolTip(tr("Irreversible actions waiting for a second officer (Ctrl+Shift+A)"));
    m_approvalsButton->hide();
    connect(m_approvalsButton, &QPushButton::clicked, this, &MainWindow::showApprovals);
    m_operatorLabel = new QLabel(tr("Operator: %1 (%2)").arg(m_session.name, Labels::role(m_session.role)), this);
    m_operatorLabel->setObjectName(QStringLiteral("operatorLabel"));
    statusBar()->addPermanentWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(m_approvalsButton);
    statusBar()->addPermanentWidget(m_operatorLabel);
}

void MainWindow::lock()
{
    if (m_locked) {
        return;
    }
    m_locked = true;
    m_idleLock->stop();
    hideOtherWindows();
    m_central->setCurrentWidget(m_lockScreen);
    for (QAction *action : qAsConst(m_unlockedActions)) {
        action->setEnabled(false);
    }
    m_approvalsButton->hide();
    m_subjects->setActive(false);
    setWindowTitle(tr("Locked \u2014 Privacy Desk"));
    m_lockScreen->reset();
}

void MainWindow::unlock(const Session &session)
{
    if (!m_locked) {
        return;
    }
    // The pages keep acting for the session they were made with; signing in again proved it is still the
    // same operator. A changed role takes effect at the next start.
    Q_UNUSED(session)
    m_locked = false;
    m_central->setCurrentWidget(m_workArea);
    for (QAction *action : qAsConst(m_unlockedActions)) {
        action->setEnabled(true);
    }
    pageChanged(m_pages->currentIndex());
    refreshApprovalCount();
    m_audit->scheduleRefresh(); // at least the sign-ins of locking and unlocking are new
    m_idleLock->start();
}

void MainWindow::hideOtherWindows()
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        if (window == this || !window->isVisible()) {
            continue;
        }
        // A rejected dialog answers "no" to whatever it asked; a modal one returns from exec().
        if (auto *dialog = qobject_cast<QDialog *>(window)) {
            dialog->reject();
        } else {
            window->hide();
        }
    }
}

void MainWindow::dataChanged(const QString &topic)
{
    if (topic == QLatin1String("subjects")) {
        m_subjects->scheduleRefresh();
    }
    if (topic == QLatin1String("requests") || topic == QLatin1String("subjects")) {
        m_dashboard->scheduleRefresh();
        m_requests->scheduleRefresh();
    }
    if (topic == QLatin1String("breaches")) {
        m_dashboard->scheduleRefresh(); // a breach recorded or notified changes the banner of notices due
    }
    if (topic == QLatin1String("purposes")) {
        m_subjects->filterBar()->reloadChoices();
    }
    if (topic == QLatin1String("settings")) {
        applySettings(); // an administrator changed the idle lock, maybe on another workstation
    }
    if (topic == QLatin1String("approvals")) {
        refreshApprovalCount();
        if (m_approvals && m_approvals->isVisible()) {
            m_approvals->reload();
        }
    }
    m_audit->scheduleRefresh(); // every change is audited
}

void MainWindow::refreshApprovalCount()
{
    m_waitingApprovals = 0;
    // Only those who can decide are told; others would only see a number they can do nothing about.
    if (Permissions::allows(m_session.role, Action::ApproveIrreversible)) {
        const Result<QList<ApprovalService::Approval>> pending = ApprovalService::pending(*m_database, m_session);
        m_waitingApprovals = pending ? int(pending->size()) : 0;
    }
    m_approvalsButton->setText(tr("%Ln approval(s) waiting", nullptr, m_waitingApprovals));
    m_approvalsButton->setVisible(m_waitingApprovals > 0 && !m_locked);
}

ApprovalsDialog *MainWindow::showApprovals()
{
    if (m_locked) {
        return nullptr;
    }
    if (!m_approvals) {
        m_approvals = new ApprovalsDialog(m_database, m_session, this);
        connect(m_approvals, &ApprovalsDialog::decided, this, &MainWindow::refreshApprovalCount);
    } else {
        m_approvals->reload();
    }
    m_approvals->show();
    m_approvals->raise();
    m_approvals->activateWindow();
    return m_approvals;
}

LetterTemplateDialog *MainWindow::showLetterTemplates()
{
    if (m_locked) {
        return nullptr;
    }
    if (!m_letterTemplates) {
        m_letterTemplates = new LetterTemplateDialog(m_database, m_session, this);
    }
    m_letterTemplates->show();
    m_letterTemplates->raise();
    m_letterTemplates->activateWindow();
    return m_letterTemplates;
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::setCurrentPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

void MainWindow::pageChanged(int index)
{
    if (index < 0 || index >= kPageCount || m_locked) {
        return;
    }
    m_pages->setCurrentIndex(index);
    m_pageActions.at(index)->setChecked(true);
    m_subjects->setActive(Page(index) == Page::Subjects);
    setWindowTitle(tr("%1 \u2014 Privacy Desk").arg(m_navigation->item(index)->text()));
}

void MainWindow::showRequests(const RequestFilter &filter)
{
    if (m_locked) {
        return;
    }
    setCurrentPage(Page::Requests);
    emit requestsFilterWanted(filter);
}

void MainWindow::findSubject()
{
    setCurrentPage(Page::Subjects);
    m_subjects->focusSearch();
}

void MainWindow::showAbout()
{
    const Versions versions = Versions::current();
    MessageBox::about(this, tr("About Privacy Desk"),
                      tr("<h3>Privacy Desk %1</h3>"
                         "<p>Records of personal data, the register of processing purposes and data-subject "
                         "requests, for privacy officers, support staff and auditors.</p>"
                         "<p>Qt %2, SQLite %3, PostgreSQL client %4, libsodium %5.</p>")
                          .arg(QApplication::applicationVersion(), versions.qt, versions.sqlite,
                               versions.postgresqlClient, versions.libsodium));
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        // The first time: as much of the screen as the pages use, all of a 1280x800 one.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(std::min(1440, available.width()), std::min(900, available.height()));
    }
    restoreState(settings.value(kStateKey).toByteArray());
    m_subjects->restoreHeaderState(settings.value(kSubjectColumnsKey).toByteArray());
    m_subjects->subjectPanel()->restoreLayout(settings.value(kSubjectPanelKey).toByteArray());
    // An operator who may not see personal data starts where there is something for them.
    const int fallback =
        int(Permissions::allows(m_session.role, Action::ViewPersonalData) ? Page::Subjects : Page::Audit);
    const int page = settings.value(kPageKey, fallback).toInt();
    setCurrentPage(page >= 0 && page < kPageCount ? Page(page) : Page::Subjects);
    if (m_navigation->currentRow() < 0) {
        setCurrentPage(Page::Subjects);
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPageKey, m_pages->currentIndex());
    settings.setValue(kSubjectColumnsKey, m_subjects->saveHeaderState());
    // Only a subject page that was shown has sizes worth keeping.
    if (const QByteArray layout = m_subjects->subjectPanel()->saveLayout(); !layout.isEmpty()) {
        settings.setValue(kSubjectPanelKey, layout);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace pd
