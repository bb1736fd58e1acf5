#pragma once

#include "domain/Session.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace pd {

class Database;
class EmptyState;
class SubjectListModel;

/// The Subjects page: search, state filter, the count of matches and the lazy list of subjects.
class SubjectsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubjectsPage)

public:
    /// How long typing must pause before the search runs, in milliseconds.
    static constexpr int kSearchDelayMs = 250;
    /// Change notifications closer together than this (milliseconds) cause one refresh.
    static constexpr int kRefreshDelayMs = 500;

    /// Shows the subjects `session` may see; a role without Action::ViewPersonalData sees an explanation instead.
    SubjectsPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);

    SubjectListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

    /// Puts the keyboard focus in the search field with its text selected.
    void focusSearch();
    /// Subjects changed (here or on another workstation): refreshes the count and the rows shown within
    /// kRefreshDelayMs, keeping the scroll position and selection.
    void scheduleRefresh();

    /// Column widths and order, for QSettings.
    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

private:
    void applyFilter();
    void sortBySection(int section);
    void updateSummary();

    SubjectListModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_state = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
    QStackedWidget *m_views = nullptr;
    QTableView *m_table = nullptr;
    EmptyState *m_empty = nullptr;
    QTimer m_searchDelay;
    QTimer m_refreshDelay;
    bool m_scrollToTopOnReset = false; ///< a new filter or order starts at the first row
};

} // namespace pd
