#pragma once

#include "app/domain/Session.h"
#include "app/requests/RequestFilter.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace pd {

class Database;
class RequestListModel;
class RequestPanel;

/// The Requests page: the register of data-subject requests, open work first by deadline with overdue and due-soon
/// requests standing out, filters (words of the requester's name or a number, status, type, law, deadline, mine),
/// intake of a new request (Ctrl+N), and one request's page (double-click or Enter; Esc returns).
/// The dashboard's charts drill down here (applyFilter).
class RequestsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestsPage)

public:
    static constexpr int kRefreshDelayMs = 300;

    RequestsPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);

    RequestListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    RequestPanel *requestPanel() const { return m_panel; }
    QPushButton *newRequestButton() const { return m_new; }
    QLabel *summary() const { return m_summary; }

    /// Lists the requests matching `filter` (the filter bar shows what it can of it; the rest as a note with
    /// Clear), and returns to the list.
    void applyFilter(const RequestFilter &filter);
    /// Opens the intake form; returns the registered request's id, 0 when cancelled.
    qint64 newRequest();
    bool openRequest(qint64 requestId);
    void showList();
    bool isShowingRequest() const;
    /// Requests changed (here or on another workstation): the list and the open request reload shortly.
    void scheduleRefresh();

signals:
    void requestsChanged();

private:
    void filterChanged();
    void refresh();
    void openCurrent();
    RequestFilter barFilter() const;

    std::shared_ptr<Database> m_database;
    Session m_session;
    RequestFilter m_extra; ///< what a drill-down asked beyond the bar (dates)
    QStackedWidget *m_stack = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_regime = nullptr;
    QComboBox *m_age = nullptr;
    QCheckBox *m_mine = nullptr;
    QLabel *m_note = nullptr;
    QPushButton *m_clearNote = nullptr;
    QPushButton *m_new = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_table = nullptr;
    RequestListModel *m_model = nullptr;
    RequestPanel *m_panel = nullptr;
    QTimer m_refresh;
    QTimer m_searchDelay;
    bool m_applying = false;
};

} // namespace pd
