#include "services/SubjectDirectory.h"

#include "domain/Permissions.h"
#include "domain/SearchKeys.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QSqlQuery>
#include <QVariantList>

#include <algorithm>

namespace pd {

namespace {

struct WhereClause
{
    QString sql;
    QVariantList values;
};

/// Picks the search key from what the text looks like, so each search is one index range scan.
WhereClause whereFor(const SubjectFilter &filter)
{
    QStringList conditions;
    WhereClause clause;
    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        const QString digits = searchkeys::phone(text);
        static const QString phoneChars = QStringLiteral("+()- .0123456789");
        const bool looksLikePhone =
            digits.size() >= 3 && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return phoneChars.contains(c); });
        QString column;
        QString key;
        if (text.contains(QLatin1Char('@'))) {
            column = QStringLiteral("email_key");
            key = searchkeys::email(text);
        } else if (looksLikePhone) {
            column = QStringLiteral("phone_key");
            key = digits;
        } else {
            column = QStringLiteral("name_key");
            key = searchkeys::name(text);
        }
        QString condition = QStringLiteral("(%1 >= ? AND %1 < ?)").arg(column);
        clause.values << key << searchkeys::upperBound(key);
        if (column != QLatin1String("email_key")) {
            // An e-mail local part or an external id typed without the rest also finds the subject.
            condition = QStringLiteral("(%1 OR (email_key >= ? AND email_key < ?) OR external_id = ?)").arg(condition);
            const QString lowered = searchkeys::email(text);
            clause.values << lowered << searchkeys::upperBound(lowered) << text;
        }
        conditions << condition;
    }
    if (filter.state) {
        conditions << QStringLiteral("s.state = ?");
        clause.values << toString(*filter.state);
    }
    if (!conditions.isEmpty()) {
        clause.sql = QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
    return clause;
}

QString orderBy(SubjectDirectory::Sort sort, bool descending)
{
    const QString direction = descending ? QStringLiteral(" DESC") : QString();
    switch (sort) {
    case SubjectDirectory::Sort::Name:
        return QStringLiteral(" ORDER BY s.name_key%1, s.id%1").arg(direction);
    case SubjectDirectory::Sort::Email:
        return QStringLiteral(" ORDER BY s.email_key%1, s.id%1").arg(direction);
    case SubjectDirectory::Sort::Created:
        return QStringLiteral(" ORDER BY s.created_at%1, s.id%1").arg(direction);
    case SubjectDirectory::Sort::Id:
        break;
    }
    return QStringLiteral(" ORDER BY s.id%1").arg(direction);
}

} // namespace

Result<qint64> SubjectDirectory::count(Database &database, const Session &who, const SubjectFilter &filter)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    const WhereClause where = whereFor(filter);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(QStringLiteral("SELECT COUNT(*) FROM subjects s") + where.sql)) {
        return sql::queryError(query, "counting subjects");
    }
    for (const QVariant &value : where.values) {
        query.addBindValue(value);
    }
    if (!query.exec() || !query.next()) {
        return sql::queryError(query, "counting subjects");
    }
    return query.value(0).toLongLong();
}

Result<QList<SubjectRow>> SubjectDirectory::page(Database &database, const Session &who, const SubjectFilter &filter,
                                                 Sort sort, bool descending, qint64 offset, int limit)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    const WhereClause where = whereFor(filter);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const QString statement =
        QStringLiteral("SELECT s.id, s.external_id, s.display_name, s.email, s.phone, s.state, c.name, s.created_at "
                       "FROM subjects s JOIN controllers c ON c.id = s.controller_id") +
        where.sql + orderBy(sort, descending) + QStringLiteral(" LIMIT ? OFFSET ?");
    if (!query.prepare(statement)) {
        return sql::queryError(query, "listing subjects");
    }
    for (const QVariant &value : where.values) {
        query.addBindValue(value);
    }
    query.addBindValue(limit);
    query.addBindValue(offset);
    if (!query.exec()) {
        return sql::queryError(query, "listing subjects");
    }
    QList<SubjectRow> rows;
    rows.reserve(limit);
    while (query.next()) {
        SubjectRow row;
        row.id = query.value(0).toLongLong();
        row.externalId = query.value(1).toString();
        row.displayName = query.value(2).toString();
        row.email = query.value(3).toString();
        row.phone = query.value(4).toString();
        row.state = query.value(5).toString();
        row.controller = query.value(6).toString();
        row.createdAt = query.value(7).toString();
        rows.append(row);
    }
    return rows;
}

} // namespace pd
