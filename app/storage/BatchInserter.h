#pragma once

#include "app/domain/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

struct sqlite3;
struct sqlite3_stmt;

namespace pd {

/// Inserts many rows into one table with multi-row INSERT statements, bound by position.
///
/// One prepared statement covers `rowsPerStatement` rows, so the per-statement cost of the driver is paid once per
/// batch instead of once per row: this is what makes a million subjects load in seconds. On SQLite the values are
/// bound through the driver's own sqlite3 handle, which skips Qt's per-value placeholder bookkeeping (the larger
/// part of the cost of a bulk load). A null QString is written as NULL on both paths. The caller owns the
/// transaction; call flush() before committing.
class BatchInserter
{
public:
    BatchInserter(QSqlDatabase db, QString table, QStringList columns, int rowsPerStatement = 100);
    /// Any statement over many rows (an UPDATE ... FROM (VALUES %1)): "%1" in `statement` is where the rows go, each
    /// one `row` with `width` placeholders ("(CAST(? AS BIGINT), ?)").
    BatchInserter(QSqlDatabase db, QString statement, QString row, int width, int rowsPerStatement);
    ~BatchInserter();
    Q_DISABLE_COPY_MOVE(BatchInserter)

    /// Queues one row (values in column order); runs a full batch when one is ready.
    Status add(std::initializer_list<QVariant> values);
    /// Queues rows given as one flat list of values (a multiple of the column count), in column order.
    Status addAll(const QVector<QVariant> &values);
    /// Writes what is queued.
    Status flush();
    /// Rows written so far (flushed).
    qint64 written() const { return m_written; }
    /// Rows of this table refer to rows queued in `parent` (a foreign key): the parent is flushed first, so that
    /// every reference points to a row that is already written.
    void setParent(BatchInserter *parent) { m_parent = parent; }

private:
    QString statementFor(int rows) const;
    Status run(QSqlQuery &query, int rows);
    Status runSQLite(int rows);
    Status runFull();
    Status flushParent();

    QSqlDatabase m_db;
    QString m_pattern; ///< the statement, with %1 for the rows
    QString m_row;     ///< one row's placeholders
    int m_width = 0;   ///< values per row
    int m_rowsPerStatement;
    QVector<QVariant> m_pending;
    QSqlQuery m_fullQuery;
    bool m_fullPrepared = false;
    qint64 m_written = 0;
    BatchInserter *m_parent = nullptr;
    sqlite3 *m_sqlite = nullptr;          ///< the driver's handle, when the connection is SQLite
    sqlite3_stmt *m_sqliteFull = nullptr; ///< prepared statement for a full batch
};

} // namespace pd
