#pragma once

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace pd {

class Database;
class PurposesPage;
class SubjectsPage;

/// The main window: navigation on the left, one page per area, and a status bar naming the database and the
/// operator. Geometry, window state and the last page are kept in QSettings.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// Pages in navigation order; Ctrl+1 ... Ctrl+6 select them.
    enum class Page { Subjects, Requests, Dashboard, Purposes, Reports, Audit };
    static constexpr int kPageCount = 6;

    /// `database` must be open. `operatorName` is shown as not signed in until setOperator() says otherwise.
    MainWindow(std::shared_ptr<Database> database, const QString &operatorName, QWidget *parent = nullptr);

    /// Names the operator in the status bar; `signedIn` false adds "(not signed in)".
    void setOperator(const QString &name, bool signedIn);

    Page currentPage() const;
    void setCurrentPage(Page page);
    SubjectsPage *subjectsPage() const { return m_subjects; }
    PurposesPage *purposesPage() const { return m_purposes; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPages(const std::shared_ptr<Database> &database);
    void createMenus();
    void createStatusBar(const std::shared_ptr<Database> &database);
    void restoreSettings();
    void saveSettings() const;
    void showAbout();
    void findSubject();
    void pageChanged(int index);

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    SubjectsPage *m_subjects = nullptr;
    PurposesPage *m_purposes = nullptr;
    QList<QAction *> m_pageActions;
    QLabel *m_databaseLabel = nullptr;
    QLabel *m_operatorLabel = nullptr;
};

} // namespace pd
