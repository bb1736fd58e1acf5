#pragma once

#include "app/domain/Session.h"
#include "app/subjects/BulkAction.h"
#include "ui/bulk/BulkActionDialog.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QLabel;
class QStackedWidget;
class QTableView;

namespace pd {

class BulkJob;
class QueryWorker;
class Database;
class EmptyState;
class SubjectFilterBar;
class SubjectListModel;
class SubjectPanel;

/// The Subjects page: find subjects (search as you type, filters for state, purpose, controller and data category,
/// sortable columns), open one on the subject page, and block, anonymize or delete many at once.
///
/// The list and the subject page share one place in the main window: opening a subject (double-click, Enter or
/// Open) replaces the list, Back returns to it with the filter, scroll position and selection as they were.
/// Bulk actions apply to the selected rows, or to every subject matching the filter; they run off the UI thread
/// (BulkJob) with a progress dialog and Cancel.
///
/// The page's commands are QActions (commandActions()) for the main window's Subjects menu, with shortcuts; they
/// act on the open subject when the subject page is shown, else on the list. Disabled commands say why in their
/// tooltip (role, state, nothing selected).
class SubjectsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubjectsPage)

public:
    /// Change notifications closer together than this (milliseconds) cause one refresh.
    static constexpr int kRefreshDelayMs = 500;
    /// Subjects per transaction in bulk actions: 0 sizes them by time (BulkAction::kQuickBatchMs).
    static constexpr int kDefaultBatchSize = 0;

    enum CommandAction { Open, Correct, Block, Unblock, Anonymize, Delete, Back, CommandCount };

    /// Shows the subjects `session` may see; a role without Action::ViewPersonalData sees an explanation instead.
    SubjectsPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);
    ~SubjectsPage() override;

    SubjectListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    SubjectFilterBar *filterBar() const { return m_filters; }
    SubjectPanel *subjectPanel() const { return m_panel; }
    QAction *commandAction(CommandAction command) const { return m_actions[command]; }
    /// The commands in menu order (separators as null).
    QList<QAction *> commandActions() const;

    /// Puts the keyboard focus in the search field with its text selected (and shows the list).
    void focusSearch();
    /// Subjects changed (here or on another workstation): refreshes the count and the rows shown within
    /// kRefreshDelayMs, keeping the scroll position and selection.
    void scheduleRefresh();
    /// The commands work only while the page is on screen and the window unlocked.
    void setActive(bool active);

    /// Opens a subject on the subject page; false (after a message) when it could not be read.
    bool openSubject(qint64 subjectId);
    /// Back to the list.
    void showList();
    bool isShowingSubject() const;

    /// Whether bulk actions apply to every subject matching the filter instead of the selected rows.
    void setAllMatching(bool all);
    /// Starts the dialog of a bulk Block, Anonymize or Delete for the selection (or all matching). The subjects
    /// matching the filter and what the action would change are counted on a worker thread first (the window
    /// keeps responding); bulkPrepared() follows, with the dialog open or a message shown.
    void startBulk(BulkAction::Kind kind);
    /// True from startBulk() until its dialog opens.
    bool isPreparingBulk() const { return m_preparing; }
    /// The bulk action in progress (null when none).
    BulkJob *bulkJob() const { return m_job; }
    /// The dialog of the last startBulk() while it is open.
    BulkActionDialog *bulkDialog() const { return m_bulkDialog; }
    /// What the last bulk action did, as shown at its end.
    QString lastBulkSummary() const { return m_lastSummary; }
    /// Subjects per transaction in bulk actions (tests make it small).
    void setBatchSize(int size) { m_batchSize = size; }

    /// Column widths and order, for QSettings.
    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

signals:
    /// Subjects were changed from this page (approvals may be waiting now).
    void subjectsChanged();
    /// A startBulk() finished counting: its dialog is open (bulkDialog()), or a message said why not.
    void bulkPrepared();

private:
    /// After Enter in the search: opens the first match once it has arrived.
    void openFirstMatch();
    QWidget *createListPane();
    void createActions();
    void updateIpColumn();
    void applyFilter();
    void sortBySection(int section);
    void updateSummary();
    void updateActions();
    void triggered(CommandAction command);
    void showContextMenu(const QPoint &position);
    void jobFinished();
    /// Whether the bulk actions apply to every subject matching the filter now.
    bool targetsAllMatching() const;
    /// The selected rows' subjects.
    Result<QList<qint64>> selectedIds() const;
    void openBulkDialog(BulkAction::Kind kind, const Result<QList<qint64>> &ids,
                        const Result<BulkAction::Impact> &impact);
    /// Selected rows (counted without listing a million indexes).
    int selectedRowCount() const;
    qint64 currentSubjectId() const;

    std::shared_ptr<Database> m_database;
    Session m_session;
    SubjectListModel *m_model = nullptr;
    SubjectFilterBar *m_filters = nullptr;
    QStackedWidget *m_pages = nullptr; ///< the list, or the subject page
    QWidget *m_listPane = nullptr;
    SubjectPanel *m_panel = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_selection = nullptr;
    QCheckBox *m_allMatching = nullptr;
    QLabel *m_error = nullptr;
    QStackedWidget *m_views = nullptr;
    QTableView *m_table = nullptr;
    EmptyState *m_empty = nullptr;
    QAction *m_actions[CommandCount] = {};
    QTimer m_refreshDelay;
    QPointer<BulkActionDialog> m_bulkDialog;
    QueryWorker *m_worker = nullptr; ///< counts "all matching" and the impact off the UI thread
    bool m_preparing = false;
    BulkJob *m_job = nullptr;
    QString m_lastSummary;
    int m_batchSize = kDefaultBatchSize;
    bool m_active = true;
    bool m_scrollToTopOnReset = false; ///< a new filter or order starts at the first row
    bool m_openFirstMatch = false;     ///< Enter was pressed in the search: open the first match when it arrives
};

} // namespace pd
