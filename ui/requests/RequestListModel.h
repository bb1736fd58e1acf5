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

/// The requests matching a filter, open work first by deadline, loaded in pages of kPageSize as the view scrolls
/// (fetchMore). Open requests past their deadline are shown in red, those due within 3 days in orange and within 7
/// days in amber, with the days left in the Due column.
class RequestListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestListModel)

public:
    enum Column { Number, Type, Regime, Status, Requester, Received, Due, Assignee, ColumnCount };
    enum Role { RequestIdRole = Qt::UserRole + 1, AgeRole };
    static constexpr int kPageSize = 200;

    RequestListModel(std::shared_ptr<Database> database, const Session &session, QObject *parent = nullptr);

    /// Reloads from the first row with `filter`; false (and lastError) when the database refused.
    bool setFilter(const RequestFilter &filter);
    const RequestFilter &filter() const { return m_filter; }
    /// Reloads with the same filter, keeping as many rows loaded as before.
    bool reload();
    /// All requests matching the filter (not only those loaded).
    qint64 totalCount() const { return m_total; }
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

private:
    bool load(int rows);

    std::shared_ptr<Database> m_database;
    Session m_session;
    RequestFilter m_filter;
    QDate m_today; ///< the day the loaded rows' deadlines are counted from
    QList<RequestRecord> m_rows;
    qint64 m_total = 0;
    QString m_lastError;
};

} // namespace pd
