#pragma once

#include "app/domain/Session.h"
#include "app/subjects/SubjectDirectory.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QThread>
#include <QVector>

#include <memory>

namespace pd {

class Database;
class SubjectRowLoader;

/// The Subjects list as a lazy table: it never holds more than kMaxCachedPages pages of kPageSize rows.
///
/// rowCount() is the number of matching subjects (counted in the background after every filter change; 0 until
/// the first count arrives, see countChanged()). data() for a row that is not cached yet returns a placeholder
/// ("…") and asks a worker thread, which has its own database connection, for the row's page; when it arrives,
/// dataChanged() and pageLoaded() are emitted. Requests carry a generation, so pages that arrive after the
/// filter or sort order changed are dropped. When many pages are asked for at once (a fast scroll), the most
/// recent requests win and the oldest are forgotten: the view asks again for what it still shows.
///
/// refresh() (after a change notification) counts again and reloads the cached pages in place: rows keep their
/// places, so views keep their scroll position and selection, and stale rows stay on screen until the new ones
/// arrive instead of flashing placeholders.
///
/// Queries run on behalf of a Session; a role without Action::ViewPersonalData asks for nothing (lastError() says
/// why and canView() is false).
///
/// Safe to destroy while a count or page is being loaded: the destructor waits for the query in progress.
class SubjectListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubjectListModel)

public:
    /// IpAddress: the address an IP search matched; SubjectsPage shows the column only for such a search.
    enum Column { Id, Name, IpAddress, Email, Phone, ExternalId, State, Controller, Created, ColumnCount };
    enum Role {
        SubjectIdRole = Qt::UserRole + 1, ///< qint64 id of the subject (invalid QVariant while not loaded)
        StateRole,                        ///< stored state spelling: "active", "blocked" or "anonymized"
    };

    static constexpr int kPageSize = 200;
    static constexpr int kMaxCachedPages = 50;
    static constexpr int kMaxPendingPages = 8;

    /// Starts the worker thread and the first count on behalf of `session`. `database` must not be null.
    SubjectListModel(std::shared_ptr<Database> database, const Session &session, QObject *parent = nullptr);
    ~SubjectListModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Sorts by Id, Name, Email or Created; other columns are ignored (see isSortable()).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Whether sort() accepts the column.
    static bool isSortable(int column);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_descending ? Qt::DescendingOrder : Qt::AscendingOrder; }

    /// Replaces the filter and counts again; the rows stay until the new count arrives.
    void setFilter(const SubjectFilter &filter);
    const SubjectFilter &filter() const { return m_filter; }
    /// Counts and loads everything again, starting from an empty table (after a failure).
    void reload();
    /// Counts again and reloads the cached pages without a model reset: rows are inserted or removed at the end
    /// when the count changed, and cached rows are replaced when their page arrives (after the data changed).
    void refresh();
    /// False when the session's role may not view personal data: nothing is ever loaded.
    bool canView() const { return m_canView; }
    /// True while a refresh() count is on its way (the rows shown are still the earlier ones).
    bool isRefreshing() const { return m_refreshing; }

    /// True from a filter change (or construction) until its count arrives.
    bool isCounting() const { return m_counting; }
    /// True when the row's page is in the cache (its data() is real, not the placeholder).
    bool isRowLoaded(int row) const;
    /// Pages in the cache now, and the most there ever were (never above kMaxCachedPages).
    int cachedPageCount() const { return int(m_pages.size()); }
    int peakCachedPageCount() const { return m_peakCachedPages; }
    /// The last load error of the current filter, empty when none.
    QString lastError() const { return m_lastError; }
    /// The subject ids of `rows`, in the order given: from the cache, and for rows not loaded yet read on the
    /// calling thread with the model's filter and order (for actions on a selection). Errors: those of
    /// SubjectDirectory::page.
    Result<QList<qint64>> subjectIds(const QList<int> &rows) const;

signals:
    /// A count finished: rowCount() is now `count` (emitted even when the number did not change).
    void countChanged(int count);
    /// Rows [firstRow, firstRow + count) were loaded and their data() is real.
    void pageLoaded(int firstRow, int count);
    /// A count or page could not be loaded; `message` never contains personal data.
    void loadFailed(const QString &message);

private:
    struct Row
    {
        SubjectRow subject;
        QString created; ///< createdAt in local time, formatted once when the page arrives
        bool blocked = false;
        bool anonymized = false;
    };
    struct Page
    {
        QVector<Row> rows;
        quint64 lastUse = 0;
        bool stale = false; ///< shown until the page loaded after refresh() replaces it
    };

    void startCount();
    void requestPage(int page) const;
    void dispatchNext() const;
    void onCountLoaded(quint64 generation, qint64 count, const QString &error);
    void applyRefreshedCount(int count);
    void onPageLoaded(quint64 generation, int page, const QList<SubjectRow> &rows, const QString &error);
    void storePage(int page, const QList<SubjectRow> &rows);
    QVariant rowData(const Row &row, int column, int role) const;
    static QString stateLabel(const QString &state);

    std::shared_ptr<Database> m_database;
    const Session m_session;
    bool m_canView = true;
    QThread m_thread;
    SubjectRowLoader *m_loader = nullptr; ///< lives on m_thread, deleted when it finishes

    SubjectFilter m_filter;
    SubjectDirectory::Sort m_sort = SubjectDirectory::Sort::Id;
    int m_sortColumn = Id;
    bool m_descending = false;
    int m_rowCount = 0;
    quint64 m_generation = 0;
    bool m_counting = false;
    bool m_refreshing = false;
    QString m_lastError;
    int m_peakCachedPages = 0;
    QIcon m_lockIcon;

    // data() is const but a cache miss asks for the page and a hit refreshes its place in the LRU order.
    mutable QHash<int, Page> m_pages;
    mutable quint64 m_useClock = 0;
    mutable QList<int> m_pending; ///< pages asked for, oldest first
    mutable int m_inFlightPage = -1;
    mutable quint64 m_inFlightGeneration = 0;
};

} // namespace pd
