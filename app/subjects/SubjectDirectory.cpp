#include "app/subjects/SubjectDirectory.h"

#include "app/access/AuditLog.h"
#include "app/domain/Permissions.h"
#include "app/domain/SearchKeys.h"
#include "app/domain/SearchTerms.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QRegularExpression>
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

/// A condition matching subjects that have a term starting with `prefix`.
QString termCondition(QVariantList &values, const QString &prefix)
{
    values << prefix << searchkeys::upperBound(prefix);
    return QStringLiteral("s.id IN (SELECT subject_id FROM subject_terms WHERE term >= ? AND term < ?)");
}

QString prefixCondition(QVariantList &values, const char *column, const QString &prefix)
{
    values << prefix << searchkeys::upperBound(prefix);
    return QStringLiteral("(s.%1 >= ? AND s.%1 < ?)").arg(QLatin1String(column));
}

/// Picks the index from what the text looks like, so that each search is a few index range scans.
WhereClause whereFor(const SubjectFilter &filter)
{
    QStringList conditions;
    WhereClause clause;
    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        const QString digits = searchkeys::phone(text);
        static const QString phoneChars = QStringLiteral("+()- .0123456789");
        const bool looksLikePhone = digits.size() >= 3 && std::all_of(text.cbegin(), text.cend(),
                                                                      [](QChar c) { return phoneChars.contains(c); });
        if (text.contains(QLatin1Char('@'))) {
            conditions << prefixCondition(clause.values, "email_key", searchkeys::email(text));
        } else if (SubjectDirectory::isIpSearch(text)) {
            // "178.120" or "2a02:": an address or its start (phone numbers are written with spaces or dashes).
            QStringList either;
            either << termCondition(clause.values, text.toLower());
            if (looksLikePhone) {
                either << prefixCondition(clause.values, "phone_key", digits);
            }
            conditions << QLatin1Char('(') + either.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        } else if (looksLikePhone) {
            conditions
                << QStringLiteral("(%1 OR s.external_id = ?)").arg(prefixCondition(clause.values, "phone_key", digits));
            clause.values << text;
        } else {
            // Every word must start one of the subject's name words; a single word may also start the e-mail.
            static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
            const QStringList words = searchkeys::name(text).split(separators, Qt::SkipEmptyParts);
            QStringList all;
            for (const QString &word : words) {
                all << termCondition(clause.values, word);
            }
            QString condition = all.join(QStringLiteral(" AND "));
            if (words.size() == 1) {
                condition +=
                    QStringLiteral(" OR ") + prefixCondition(clause.values, "email_key", searchkeys::email(text));
            }
            conditions << QStringLiteral("(%1 OR s.external_id = ?)").arg(condition);
            clause.values << text;
        }
    }
    if (filter.state) {
        conditions << QStringLiteral("s.state = ?");
        clause.values << toString(*filter.state);
    }
    if (filter.controllerId) {
        conditions << QStringLiteral("s.controller_id = ?");
        clause.values << *filter.controllerId;
    }
    if (filter.purposeId) {
        conditions << QStringLiteral("s.purpose_ids LIKE ?");
        clause.values << QStringLiteral("%,%1,%").arg(*filter.purposeId);
    }
    if (!filter.category.isEmpty()) {
        conditions << QStringLiteral("s.categories LIKE ?");
        clause.values << QStringLiteral("%,%1,%").arg(filter.category);
    }
    if (!conditions.isEmpty()) {
        clause.sql = QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
    return clause;
}

/// The column a sort orders by (ties broken by s.id).
QString sortColumn(SubjectDirectory::Sort sort)
{
    switch (sort) {
    case SubjectDirectory::Sort::Name:
        return QStringLiteral("s.name_key");
    case SubjectDirectory::Sort::Email:
        return QStringLiteral("s.email_key");
    case SubjectDirectory::Sort::Created:
        return QStringLiteral("s.created_at");
    case SubjectDirectory::Sort::Id:
        break;
    }
    return QStringLiteral("s.id");
}

QString orderBy(SubjectDirectory::Sort sort, bool descending)
{
    const QString direction = descending ? QStringLiteral(" DESC") : QString();
    if (sort == SubjectDirectory::Sort::Id) {
        return QStringLiteral(" ORDER BY s.id%1").arg(direction);
    }
    return QStringLiteral(" ORDER BY %1%2, s.id%2").arg(sortColumn(sort), direction);
}

/// Adds `condition` to a WHERE clause that may be empty.
void addCondition(WhereClause &where, const QString &condition, const QVariantList &values)
{
    where.sql += (where.sql.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + condition;
    where.values << values;
}

/// Limits `where` to the rows from the one at `offset` on, in the given order, so that a deep page is read from
/// there (keyset) instead of with OFFSET, which reads and joins every row it skips. The row at `offset` is found by
/// stepping over the sort column's index alone: no table row, no join. False when there is no such row.
Result<bool> startAt(QSqlDatabase &db, WhereClause &where, SubjectDirectory::Sort sort, bool descending, qint64 offset)
{
    const QString column = sortColumn(sort);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT %1, s.id FROM subjects s").arg(column) + where.sql +
                                      orderBy(sort, descending) + QStringLiteral(" LIMIT 1 OFFSET ?"),
                                  where.values + QVariantList{offset}, "listing subjects");
        !status) {
        return status.error();
    }
    if (!query.next()) {
        return false;
    }
    const QVariant key = query.value(0);
    const QVariant id = query.value(1);
    const QString op = descending ? QStringLiteral("<=") : QStringLiteral(">=");
    if (sort == SubjectDirectory::Sort::Id) {
        addCondition(where, QStringLiteral("s.id %1 ?").arg(op), {id});
    } else {
        // The first comparison gives both planners a range of the index; the row value breaks ties by id.
        addCondition(where, QStringLiteral("%1 %2 ? AND (%1, s.id) %2 (?, ?)").arg(column, op), {key, key, id});
    }
    return true;
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
    if (Status status = sql::exec(query, QStringLiteral("SELECT COUNT(*) FROM subjects s") + where.sql, where.values,
                                  "counting subjects");
        !status) {
        return status.error();
    }
    if (!query.next()) {
        return sql::queryError(query, "counting subjects");
    }
    return query.value(0).toLongLong();
}

bool SubjectDirectory::isIpSearch(const QString &text)
{
    const QString trimmed = text.trimmed();
    return !trimmed.contains(QLatin1Char('@')) && searchterms::looksLikeIp(trimmed) &&
           (trimmed.contains(QLatin1Char('.')) || trimmed.contains(QLatin1Char(':')));
}

Result<QList<SubjectRow>> SubjectDirectory::page(Database &database, const Session &who, const SubjectFilter &filter,
                                                 Sort sort, bool descending, qint64 offset, int limit)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    WhereClause where = whereFor(filter);
    if (offset > 0) {
        Result<bool> found = startAt(db, where, sort, descending, offset);
        if (!found) {
            return found.error();
        }
        if (!found.value()) {
            return QList<SubjectRow>();
        }
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // An IP search also reads which address matched, from the same index of terms the condition uses.
    const bool ipSearch = isIpSearch(filter.text);
    QVariantList values;
    QString matched = QStringLiteral("''");
    if (ipSearch) {
        const QString prefix = filter.text.trimmed().toLower();
        matched = QStringLiteral("(SELECT MIN(t.term) FROM subject_terms t WHERE t.subject_id = s.id "
                                 "AND t.term >= ? AND t.term < ?)");
        values << prefix << searchkeys::upperBound(prefix);
    }
    const QString statement =
        QStringLiteral(
            "SELECT s.id, s.external_id, s.display_name, s.email, s.phone, s.state, c.name, s.created_at, ") +
        matched + QStringLiteral(" FROM subjects s JOIN controllers c ON c.id = s.controller_id") + where.sql +
        orderBy(sort, descending) + QStringLiteral(" LIMIT ?");
    if (Status status = sql::exec(query, statement, values + where.values + QVariantList{limit}, "listing subjects");
        !status) {
        return status.error();
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
        row.matchedIp = query.value(8).toString();
        rows.append(row);
    }
    return rows;
}

Result<QList<qint64>> SubjectDirectory::ids(Database &database, const Session &who, const SubjectFilter &filter)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    const WhereClause where = whereFor(filter);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status = sql::exec(
            query, QStringLiteral("SELECT s.id FROM subjects s") + where.sql + QStringLiteral(" ORDER BY s.id"),
            where.values, "listing subjects");
        !status) {
        return status.error();
    }
    QList<qint64> result;
    while (query.next()) {
        result << query.value(0).toLongLong();
    }
    return result;
}

} // namespace pd
