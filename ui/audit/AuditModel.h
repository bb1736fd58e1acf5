#pragma once

#include "app/domain/Session.h"

#include "app/access/AuditLog.h"

#include <QAbstractTableModel>
#include <QList>

#include <memory>

namespace pd {

class Database;

/// The audit trail as a table, newest entry first, loaded in batches of kBatchSize as the view scrolls
/// (canFetchMore/fetchMore with AuditLog::find) and counted with AuditLog::count.
///
/// Entries are never changed or removed, so refresh() only puts the entries written since the last load on top
/// (beginInsertRows at row 0: views keep what they show and their selection). Nothing is loaded until
/// setFilter() or refresh() is called, so that a page can decide first whether its operator may read the trail.
/// Queries run on the calling (UI) thread: each is one indexed page of at most kBatchSize rows.
class AuditModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditModel)

public:
    enum Column { Id, Time, Operator, Action, Object, Subject, Request, Fields, Reason, Details, ColumnCount };
    enum Role {
        EntryIdRole = Qt::UserRole + 1, ///< qint64 id of the entry
    };
    static constexpr int kBatchSize = 200;

    /// `database` must not be null.
    AuditModel(std::shared_ptr<Database> database, const Session &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Replaces the filter: resets the model and loads the first batch and the count.
    void setFilter(const AuditFilter &filter);
    const AuditFilter &filter() const { return m_filter; }
    /// Adds the entries written since the last load on top and counts again (a reset when nothing is loaded yet).
    void refresh();

    /// Entries matching the filter when last counted.
    qint64 totalCount() const { return m_total; }
    /// The last error, empty when the last load worked. Never contains personal data.
    QString lastError() const { return m_lastError; }
    /// The row of entry `id` among the loaded rows, -1 when it is not loaded.
    int rowOfEntry(qint64 id) const;
    /// Marks entry `id` as where the chain breaks (shown in red); 0 for none.
    void setBrokenEntry(qint64 id);

    /// Whether two filters select the same entries.
    static bool sameFilter(const AuditFilter &a, const AuditFilter &b);

signals:
    /// A batch, a refresh or a count arrived (rowCount() or totalCount() may have changed).
    void loaded();
    /// A query failed; `message` never contains personal data.
    void loadFailed(const QString &message);

private:
    bool count();
    void fail(const QString &message);
    QString display(const AuditRecord &record, int column) const;

    std::shared_ptr<Database> m_database;
    Session m_session;
    AuditFilter m_filter;
    QList<AuditRecord> m_records; ///< newest first
    qint64 m_total = 0;
    bool m_started = false;
    bool m_exhausted = false;
    qint64 m_brokenId = 0;
    QString m_lastError;
};

} // namespace pd
