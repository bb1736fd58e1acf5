#pragma once

#include "app/domain/Session.h"
#include "app/requests/Request.h"
#include "app/requests/RequestFilter.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDate>
#include <QList>

#include <memory>

namespace pd {

class Database;
class QueryWorker;

/// The requests matching a filter, open work first by deadline, loaded in pages of kPageSize as the view scrolls
/// (fetchMore). Open requests past their deadline are shown in red, those due within 3 days in orange and within 7
/// days in amber, with the days left in the Due column.
///
/// Every query runs on a worker thread with its own connection (QueryWorker): setFilter() and reload() return at
/// once, the rows shown stay until the new ones arrive, and loaded() says when they did. Answers that arrive after
/// a later setFilter() or reload() are dropped.
class RequestListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestListModel)

public:
    enum Column { Number, Type, Regime, Status, Requester, Received, Due, Assignee, ColumnCount };
    enum Role { RequestIdRole = Qt::UserRole + 1, AgeRole };
    static constexpr int kPageSize = 200;

    RequestListModel(std::shared_ptr<Database> database, const Session &session, QObject *parent = nullptr);

    /// Loads from the first row with `filter`, in the background; loaded() follows.
    void setFilter(const RequestFilter &filter);
    const RequestFilter &filter() const { return m_filter; }
    /// Loads again with the same filter, keeping as many rows loaded as before; loaded() follows.
    void reload();
    /// True from setFilter() or reload() until its rows arrive.
    bool isLoading() const { return m_loading; }
    /// All requests matching the filter (not only those loaded), as of the last load.
    qint64 totalCount() const { return m_total; }
    /// Of those, the open ones past their deadline and those due within 3 days (both 0 when the filter is itself
    /// a deadline bucket).
    qint64 overdueCount() const { return m_overdue; }
    qint64 dueSoonCount() const { return m_dueSoon; }
    /// Why the last load failed (never personal data); empty when it did not.
    QString lastError() const { return m_lastError; }
    const RequestRecord *record(int row) const;
    /// The row of a loaded request, or -1.
    int rowOf(qint64 requestId) const;

    /// "Belarus 99-Z", "GDPR", ... (proper names of the laws).
    static QString regimeName(pd::Regime regime);
    /// How an open request in `age` stands out (text and background); invalid colours where it does not.
    static QColor ageForeground(RequestAge age);
    static QColor ageBackground(RequestAge age);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    /// A setFilter() or reload() finished: rows, counts and lastError() are those of the current filter.
    void loaded();

private:
    struct Loaded;
    void load(int rows);
    void applyLoaded(quint64 generation, const Loaded &result);

    std::shared_ptr<Database> m_database;
    Session m_session;
    QueryWorker *m_worker = nullptr;
    RequestFilter m_filter;
    QDate m_today; ///< the day the loaded rows' deadlines are counted from
    QList<RequestRecord> m_rows;
    qint64 m_total = 0;
    qint64 m_overdue = 0;
    qint64 m_dueSoon = 0;
    QString m_lastError;
    quint64 m_generation = 0; ///< of the last setFilter() or reload(); answers of earlier ones are dropped
    bool m_loading = false;
    bool m_fetching = false; ///< a next page is on its way
};

} // namespace pd
