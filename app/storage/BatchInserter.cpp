#include "app/storage/BatchInserter.h"

#include "app/storage/Sql.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace pd {

BatchInserter::BatchInserter(QSqlDatabase db, QString table, QStringList columns, int rowsPerStatement)
    : BatchInserter(db,
                    QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(table, columns.join(QLatin1Char(','))) +
                        QStringLiteral("%1"),
                    QStringLiteral("(") + QStringLiteral("?,").repeated(int(columns.size())).chopped(1) +
                        QStringLiteral(")"),
                    int(columns.size()), rowsPerStatement)
{
}

BatchInserter::BatchInserter(QSqlDatabase db, QString statement, QString row, int width, int rowsPerStatement)
    : m_db(std::move(db)), m_pattern(std::move(statement)), m_row(std::move(row)), m_width(width),
      m_rowsPerStatement(rowsPerStatement), m_fullQuery(m_db)
{
    m_pending.reserve(m_width * m_rowsPerStatement);
    m_sqlite = sql::sqliteHandle(m_db);
}

BatchInserter::~BatchInserter()
{
    if (m_sqliteFull) {
        sqlite3_finalize(m_sqliteFull);
    }
}

namespace {

Error sqliteError(sqlite3 *handle)
{
    return makeError(ErrorCode::Storage, QCoreApplication::translate("pd::sql", "%1 failed: %2")
                                             .arg(QCoreApplication::translate("pd::sql", "writing rows"),
                                                  QString::fromUtf8(sqlite3_errmsg(handle))));
}

bool bindSQLite(sqlite3_stmt *statement, int index, const QVariant &value)
{
    if (value.isNull()) {
        return sqlite3_bind_null(statement, index) == SQLITE_OK;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::Bool:
        return sqlite3_bind_int64(statement, index, value.toLongLong()) == SQLITE_OK;
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble()) == SQLITE_OK;
    default: {
        const QByteArray utf8 = value.toString().toUtf8();
        return sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT) == SQLITE_OK;
    }
    }
}

} // namespace

Status BatchInserter::flushParent()
{
    return m_parent ? m_parent->flush() : Status();
}

Status BatchInserter::runSQLite(int rows)
{
    if (Status status = flushParent(); !status) {
        return status;
    }
    sqlite3_stmt *statement = nullptr;
    const bool full = rows == m_rowsPerStatement;
    if (full && m_sqliteFull) {
        statement = m_sqliteFull;
    } else {
        const QByteArray text = statementFor(rows).toUtf8();
        if (sqlite3_prepare_v2(m_sqlite, text.constData(), int(text.size()), &statement, nullptr) != SQLITE_OK) {
            return sqliteError(m_sqlite);
        }
        if (full) {
            m_sqliteFull = statement;
        }
    }
    const int count = rows * m_width;
    bool ok = true;
    for (int i = 0; i < count && ok; ++i) {
        ok = bindSQLite(statement, i + 1, m_pending.at(i));
    }
    ok = ok && sqlite3_step(statement) == SQLITE_DONE;
    Status status = ok ? Status() : Status(sqliteError(m_sqlite));
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (!full) {
        sqlite3_finalize(statement);
    }
    if (ok) {
        m_written += rows;
        m_pending.clear();
    }
    return status;
}

QString BatchInserter::statementFor(int rows) const
{
    QStringList rowsText;
    rowsText.reserve(rows);
    for (int i = 0; i < rows; ++i) {
        rowsText.append(m_row);
    }
    return m_pattern.arg(rowsText.join(QLatin1Char(',')));
}

Status BatchInserter::run(QSqlQuery &query, int rows)
{
    if (Status status = flushParent(); !status) {
        return status;
    }
    const int count = rows * m_width;
    for (int i = 0; i < count; ++i) {
        query.bindValue(i, m_pending.at(i));
    }
    if (!query.exec()) {
        return sql::queryError(query, "writing rows");
    }
    m_written += rows;
    m_pending.clear();
    return {};
}

Status BatchInserter::add(std::initializer_list<QVariant> values)
{
    Q_ASSERT(int(values.size()) == m_width);
    for (const QVariant &value : values) {
        m_pending.append(value);
    }
    if (m_pending.size() < m_width * m_rowsPerStatement) {
        return {};
    }
    return runFull();
}

Status BatchInserter::runFull()
{
    if (m_sqlite) {
        return runSQLite(m_rowsPerStatement);
    }
    if (!m_fullPrepared) {
        m_fullQuery.setForwardOnly(true);
        if (!m_fullQuery.prepare(statementFor(m_rowsPerStatement))) {
            return sql::queryError(m_fullQuery, "preparing a batch insert");
        }
        m_fullPrepared = true;
    }
    return run(m_fullQuery, m_rowsPerStatement);
}

Status BatchInserter::addAll(const QVector<QVariant> &values)
{
    Q_ASSERT(values.size() % m_width == 0);
    const qsizetype full = qsizetype(m_width) * m_rowsPerStatement;
    for (qsizetype at = 0; at < values.size();) {
        const qsizetype take = std::min(full - m_pending.size(), values.size() - at);
        for (qsizetype i = 0; i < take; ++i) {
            m_pending.append(values.at(at + i));
        }
        at += take;
        if (m_pending.size() == full) {
            if (Status status = runFull(); !status) {
                return status;
            }
        }
    }
    return {};
}

Status BatchInserter::flush()
{
    if (m_pending.isEmpty()) {
        return {};
    }
    const int rows = int(m_pending.size() / m_width);
    if (m_sqlite) {
        return runSQLite(rows);
    }
    QSqlQuery query(m_db);
    if (!query.prepare(statementFor(rows))) {
        return sql::queryError(query, "preparing a batch insert");
    }
    return run(query, rows);
}

} // namespace pd
