#include "MainWindow.h"

#include "PlaceholderPage.h"
#include "PurposesPage.h"
#include "SubjectsPage.h"
#include "storage/Database.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

#include <algorithm>

namespace pd {

namespace {

const QString kGeometryKey = QStringLiteral("MainWindow/geometry");
const QString kStateKey = QStringLiteral("MainWindow/state");
const QString kPageKey = QStringLiteral("MainWindow/page");
const QString kSubjectColumnsKey = QStringLiteral("SubjectsPage/columns");

struct PageInfo
{
    QString title;
    QString icon;
};

} // namespace

MainWindow::MainWindow(std::shared_ptr<Database> database, const QString &operatorName, QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Privacy Desk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/privacydesk.svg")));
    createPages(database);
    createMenus();
    createStatusBar(database);
    setOperator(operatorName, false);
    restoreSettings();
}

void MainWindow::createPages(const std::shared_ptr<Database> &database)
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

    m_subjects = new SubjectsPage(database, this);
    m_subjects->setObjectName(QStringLiteral("subjectsPage"));
    m_purposes = new PurposesPage(database, this);
    m_purposes->setObjectName(QStringLiteral("purposesPage"));

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_subjects);
    m_pages->addWidget(new PlaceholderPage(
        tr("Requests"),
        tr("The register of data-subject requests: intake from letters, e-mail, web forms and phone calls, "
           "identity checks, due dates by regime with extensions and pauses, and the answer."),
        QIcon(pages[1].icon), this));
    m_pages->addWidget(new PlaceholderPage(
        tr("Dashboard"),
        tr("Deadlines at a glance: requests due soon and overdue, blocked subjects awaiting verification, "
           "data past its retention period, and the week's workload."),
        QIcon(pages[2].icon), this));
    m_pages->addWidget(m_purposes);
    m_pages->addWidget(new PlaceholderPage(
        tr("Reports"),
        tr("Reports for the regulator and for subjects: the record of processing, the request register, "
           "destruction acts, audit extracts and statistics, as PDF, CSV or XLSX."),
        QIcon(pages[4].icon), this));
    m_pages->addWidget(new PlaceholderPage(
        tr("Audit"),
        tr("The audit trail: who did what to which record, when and why, with verification that no entry "
           "was changed or removed."),
        QIcon(pages[5].icon), this));
    for (int index = 1; index < kPageCount; ++index) {
        if (m_pages->widget(index)->objectName().isEmpty()) {
            m_pages->widget(index)->setObjectName(QStringLiteral("placeholderPage%1").arg(index));
        }
    }

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *separator = new QFrame(central);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    layout->addWidget(separator);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::pageChanged);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
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

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Privacy Desk"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createStatusBar(const std::shared_ptr<Database> &database)
{
    m_databaseLabel = new QLabel(tr("Database: %1").arg(database->url().displayName()), this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseLabel"));
    m_databaseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_operatorLabel = new QLabel(this);
    m_operatorLabel->setObjectName(QStringLiteral("operatorLabel"));
    statusBar()->addPermanentWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(m_operatorLabel);
}

void MainWindow::setOperator(const QString &name, bool signedIn)
{
    m_operatorLabel->setText(signedIn ? tr("Operator: %1").arg(name) : tr("Operator: %1 (not signed in)").arg(name));
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
    if (index < 0 || index >= kPageCount) {
        return;
    }
    m_pages->setCurrentIndex(index);
    m_pageActions.at(index)->setChecked(true);
    setWindowTitle(tr("%1 \u2014 Privacy Desk").arg(m_navigation->item(index)->text()));
}

void MainWindow::findSubject()
{
    setCurrentPage(Page::Subjects);
    m_subjects->focusSearch();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Privacy Desk"),
                       tr("<h3>Privacy Desk %1</h3>"
                          "<p>Records of personal data, the register of processing purposes and data-subject "
                          "requests, for privacy officers, support staff and auditors.</p>"
                          "<p>Built with Qt %2.</p>")
                           .arg(QApplication::applicationVersion(), QLatin1String(qVersion())));
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        resize(1200, 760);
    }
    restoreState(settings.value(kStateKey).toByteArray());
    m_subjects->restoreHeaderState(settings.value(kSubjectColumnsKey).toByteArray());
    const int page = settings.value(kPageKey, 0).toInt();
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
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace pd
