#pragma once

#include "app/domain/Result.h"
#include "app/storage/Dialect.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <utility>

struct sqlite3;

namespace pd::sql {

/// What went wrong in the database, for a human, without what the database said about values: PostgreSQL's
/// messages quote values ("invalid input syntax: \"...\"", DETAIL: Failing row contains (...), and Qt's driver adds
/// the EXECUTE with its bound values), so they are never passed on. Kept: the kind of failure (from SQLSTATE), the
/// constraint, column or table it names, and texts the migrations raise. SQLite's messages name no values; only
/// their first line is kept, without quoted literals.
QString describe(const QSqlError &error, Dialect dialect);

/// A storage error for a failed statement: "WHAT failed: describe(error)".
Error queryError(const QSqlQuery &query, const char *what);

/// Prepares and runs `statement` with positional `values`; on failure the error names `what` was being done.
Status exec(QSqlQuery &query, const QString &statement, std::initializer_list<QVariant> values, const char *what);
/// The same with values gathered at run time (a WHERE clause built from a filter).
Status exec(QSqlQuery &query, const QString &statement, const QVariantList &values, const char *what);

/// Runs a statement on `db` and returns its single value (or an error).
Result<QVariant> scalar(QSqlDatabase &db, const QString &statement, std::initializer_list<QVariant> values,
                        const char *what);

/// " FOR UPDATE" on PostgreSQL, nothing on SQLite, to end a SELECT whose rows the change that follows depends on: no
/// other transaction can replace them until this one ends, and a transaction that changed them first is waited for
/// and its outcome read. (SQLite needs no more: BEGIN IMMEDIATE already lets one writer in at a time.)
/// With `table` (a table or alias of the statement), only that table's rows are locked: needed when it joins others
/// with an outer join.
QString forUpdate(const QSqlDatabase &tx, const char *table = nullptr);

/// "COLUMN is one of the ids bound as idList()": one placeholder however many ids (SQLite reads them from a JSON
/// array, PostgreSQL from a BIGINT[]). A statement with thousands of placeholders costs more to prepare than to run.
QString inIds(const QSqlDatabase &db, const char *column);
/// The value to bind for inIds().
QString idList(const QSqlDatabase &db, const QList<qint64> &ids);

/// The SQLite handle under a connection of Qt's SQLite driver (the same library this program links), or null for
/// another driver: for what Qt does not offer (binding without its per-value bookkeeping, functions of our own).
sqlite3 *sqliteHandle(const QSqlDatabase &db);

/// Qt binds a null QString as SQL NULL; NOT NULL text columns get an empty string instead.
inline QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

/// Timestamps are stored as ISO 8601 UTC text ("2026-11-23T10:15:00Z") on both backends: it sorts, compares and
/// reads the same in SQLite and PostgreSQL.
QString timestamp(const QDateTime &when);
QString nowTimestamp();
QDateTime parseTimestamp(const QString &text);
/// The date of a stored ISO date, or the local date of a stored timestamp; invalid for NULL or empty.
QDate date(const QVariant &stored);

} // namespace pd::sql
