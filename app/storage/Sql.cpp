#include "app/storage/Sql.h"

#include "app/storage/Dialect.h"

#include <QCoreApplication>
#include <QSqlError>

namespace pd::sql {

Error queryError(const QSqlQuery &query, const char *what)
{
    QString driverText = query.lastError().databaseText();
    if (driverText.isEmpty()) {
        driverText = query.lastError().driverText();
    }
    return makeError(ErrorCode::Storage, QCoreApplication::translate("pd::sql", "%1 failed: %2")
                                             .arg(QCoreApplication::translate("pd::sql", what), driverText.trimmed()));
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
    return stored.isNull() ? QDate() : QDate::fromString(stored.toString().left(10), Qt::ISODate);
}

} // namespace pd::sql
