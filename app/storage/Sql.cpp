#include "app/storage/Sql.h"

#include "app/storage/Dialect.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>

namespace pd::sql {

namespace {

/// The identifier after `word` in a PostgreSQL message ('... constraint "subjects_email_key"'); empty when none.
QString identifierAfter(const QString &message, const char *word)
{
    const QRegularExpression pattern(QStringLiteral("\\b%1 \"([A-Za-z_][A-Za-z0-9_$]*)\"").arg(QLatin1String(word)));
    const QRegularExpressionMatch match = pattern.match(message);
    return match.hasMatch() ? match.captured(1) : QString();
}

/// Messages the migrations raise themselves (triggers, functions); they hold no data.
bool isOwnMessage(const QString &message)
{
    return message.startsWith(QLatin1String("the audit log is append-only"));
}

QString describePostgreSQL(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    QString message = error.databaseText();
    message =
        message.left(message.indexOf(QLatin1Char('\n')) < 0 ? message.size() : message.indexOf(QLatin1Char('\n')));
    message.remove(QRegularExpression(QStringLiteral("^(ERROR|FATAL|PANIC):\\s*")));
    const QString constraint = identifierAfter(message, "constraint");
    const QString column = identifierAfter(message, "column");
    const QString table = identifierAfter(message, "relation");
    QString text;
    if (code == QLatin1String("23505")) {
        text = QCoreApplication::translate("pd::sql", "a value that must be unique is already stored");
    } else if (code == QLatin1String("23503")) {
        text = QCoreApplication::translate("pd::sql",
                                           "a reference to a row that does not exist, or a row others refer to");
    } else if (code == QLatin1String("23502")) {
        text = QCoreApplication::translate("pd::sql", "a required value is missing");
    } else if (code == QLatin1String("23514")) {
        text = QCoreApplication::translate("pd::sql", "a value the database does not accept");
    } else if (code.startsWith(QLatin1String("22"))) {
        text = QCoreApplication::translate("pd::sql", "a value of the wrong form");
    } else if (code == QLatin1String("40001") || code == QLatin1String("40P01")) {
        text = QCoreApplication::translate("pd::sql",
                                           "another workstation changed the same data at the same time; try again");
    } else if (code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01")) {
        text = QCoreApplication::translate("pd::sql", "the connection to the server was lost");
    } else if (code.startsWith(QLatin1String("53"))) {
        text = QCoreApplication::translate("pd::sql", "the server is out of resources (disk, memory or connections)");
    } else if (code == QLatin1String("42501")) {
        text = QCoreApplication::translate("pd::sql", "the database user may not do this");
    } else if (code == QLatin1String("57014")) {
        text = QCoreApplication::translate("pd::sql", "the statement was cancelled");
    } else if (isOwnMessage(message)) {
        text = message;
    } else if (code.isEmpty()) {
        // No statement reached the server (connecting failed): libpq's text names the server and user, no values.
        text = message.trimmed().isEmpty() ? error.driverText().trimmed() : message.trimmed();
    } else {
        text = QCoreApplication::translate("pd::sql", "the database refused the statement");
    }
    QStringList names;
    if (!constraint.isEmpty()) {
        names << QCoreApplication::translate("pd::sql", "constraint %1").arg(constraint);
    }
    if (!column.isEmpty()) {
        names << QCoreApplication::translate("pd::sql", "column %1").arg(column);
    }
    if (!table.isEmpty() && constraint.isEmpty()) {
        names << QCoreApplication::translate("pd::sql", "table %1").arg(table);
    }
    if (!code.isEmpty()) {
        names << QStringLiteral("SQLSTATE %1").arg(code);
    }
    return names.isEmpty() ? text : QStringLiteral("%1 (%2)").arg(text, names.join(QStringLiteral(", ")));
}

Dialect queryDialect(const QSqlQuery &query)
{
    return query.driver() && query.driver()->dbmsType() == QSqlDriver::PostgreSQL ? Dialect::PostgreSQL
                                                                                  : Dialect::SQLite;
}

QString describeSQLite(const QSqlError &error)
{
    QString message = error.databaseText().trimmed();
    if (message.isEmpty()) {
        message = error.driverText().trimmed();
    }
    message = message.section(QLatin1Char('\n'), 0, 0);
    static const QRegularExpression literal(QStringLiteral("'[^']*'"));
    message.replace(literal, QStringLiteral("'…'"));
    return message;
}

} // namespace

QString describe(const QSqlError &error, Dialect dialect)
{
    return dialect == Dialect::PostgreSQL ? describePostgreSQL(error) : describeSQLite(error);
}

Error queryError(const QSqlQuery &query, const char *what)
{
    return makeError(ErrorCode::Storage, QCoreApplication::translate("pd::sql", "%1 failed: %2")
                                             .arg(QCoreApplication::translate("pd::sql", what),
                                                  describe(query.lastError(), queryDialect(query))));
}

Status exec(QSqlQuery &query, const QString &statement, std::initializer_list<QVariant> values, const char *what)
{
    return exec(query, statement, QVariantList(values), what);
}

Status exec(QSqlQuery &query, const QString &statement, const QVariantList &values, const char *what)
{
    if (!query.prepare(statement)) {
        return queryError(query, what);
    }
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        return queryError(query, what);
    }
    return {};
}

Result<QVariant> scalar(QSqlDatabase &db, const QString &statement, std::initializer_list<QVariant> values,
                        const char *what)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status = exec(query, statement, values, what); !status) {
        return status.error();
    }
    if (!query.next()) {
        return QVariant();
    }
    return query.value(0);
}

QString forUpdate(const QSqlDatabase &tx, const char *table)
{
    if (dialectOf(tx) != Dialect::PostgreSQL) {
        return {};
    }
    return table ? QStringLiteral(" FOR UPDATE OF %1").arg(QLatin1String(table)) : QStringLiteral(" FOR UPDATE");
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        return *static_cast<sqlite3 *const *>(handle.constData());
    }
    return nullptr;
}

QString inIds(const QSqlDatabase &db, const char *column)
{
    return dialectOf(db) == Dialect::PostgreSQL
               ? QStringLiteral("%1 = ANY (CAST(? AS BIGINT[]))").arg(QLatin1String(column))
               : QStringLiteral("%1 IN (SELECT value FROM json_each(?))").arg(QLatin1String(column));
}

QString idList(const QSqlDatabase &db, const QList<qint64> &ids)
{
    QString list;
    list.reserve(ids.size() * 8 + 2);
    const bool postgres = dialectOf(db) == Dialect::PostgreSQL;
    list += postgres ? QLatin1Char('{') : QLatin1Char('[');
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0) {
            list += QLatin1Char(',');
        }
        list += QString::number(ids.at(i));
    }
    list += postgres ? QLatin1Char('}') : QLatin1Char(']');
    return list;
}

QString timestamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

QString nowTimestamp()
{
    return timestamp(QDateTime::currentDateTimeUtc());
}

QDateTime parseTimestamp(const QString &text)
{
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODate);
    if (!parsed.isValid() || parsed.timeSpec() == Qt::UTC || parsed.timeSpec() == Qt::OffsetFromUTC) {
        return parsed.toUTC();
    }
    // Text without an offset was written by us, in UTC.
    return QDateTime(parsed.date(), parsed.time(), Qt::UTC);
}

QDate date(const QVariant &stored)
{
    const QString text = stored.isNull() ? QString() : stored.toString();
    if (text.size() > 10) {
        // A moment in UTC falls on the day it is where the program runs: a request received at 01:30 in Minsk was
        // received that day, not the day before that UTC still has.
        const QDateTime moment = parseTimestamp(text);
        return moment.isValid() ? moment.toLocalTime().date() : QDate();
    }
    return QDate::fromString(text, Qt::ISODate);
}

} // namespace pd::sql
