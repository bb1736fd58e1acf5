#include "app/storage/SubjectIndex.h"

#include "app/domain/SearchTerms.h"
#include "app/storage/Sql.h"

#include <QSqlQuery>

namespace pd {

namespace {

Status insertTerms(QSqlQuery &query, qint64 subjectId, const QStringList &terms)
{
    for (const QString &term : terms) {
        if (Status status =
                sql::exec(query, QStringLiteral("INSERT INTO subject_terms (term, subject_id) VALUES (?, ?)"),
                          {term, subjectId}, "indexing a subject");
            !status) {
            return status;
        }
    }
    return {};
}

} // namespace

Status SubjectIndex::refresh(QSqlDatabase &tx, qint64 subjectId)
{
    QSqlQuery query(tx);
    if (Status status = sql::exec(query, QStringLiteral("SELECT display_name, state FROM subjects WHERE id = ?"),
                                  {subjectId}, "reading the subject");
        !status) {
        return status;
    }
    if (!query.next()) {
        return {};
    }
    const QString name = query.value(0).toString();
    const bool anonymized = query.value(1).toString() == QLatin1String("anonymized");
    query.finish();
    QStringList ips;
    QStringList categories;
    QStringList purposes;
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT field, value, state, category, purpose_id FROM pd_items "
                                                 "WHERE subject_id = ?"),
                                  {subjectId}, "reading the items");
        !status) {
        return status;
    }
    while (query.next()) {
        if (query.value(0).toString() == QLatin1String("ip") &&
            query.value(2).toString() != QLatin1String("anonymized")) {
            ips << query.value(1).toString();
        }
        const QString category = query.value(3).toString();
        if (!categories.contains(category)) {
            categories << category;
        }
        if (!query.value(4).isNull() && !purposes.contains(query.value(4).toString())) {
            purposes << query.value(4).toString();
        }
    }
    query.finish();
    categories.sort();
    const auto list = [](const QStringList &values) -> QString {
        return values.isEmpty() ? QStringLiteral("")
                                : QLatin1Char(',') + values.join(QLatin1Char(',')) + QLatin1Char(',');
    };
    if (Status status =
            sql::exec(query, QStringLiteral("UPDATE subjects SET categories = ?, purpose_ids = ? WHERE id = ?"),
                      {list(categories), list(purposes), subjectId}, "updating the subject's lists");
        !status) {
        return status;
    }
    if (Status status = clearTerms(tx, subjectId); !status) {
        return status;
    }
    return anonymized ? Status() : insertTerms(query, subjectId, searchterms::forSubject(name, ips));
}

Status SubjectIndex::clearTerms(QSqlDatabase &tx, qint64 subjectId)
{
    QSqlQuery query(tx);
    return sql::exec(query, QStringLiteral("DELETE FROM subject_terms WHERE subject_id = ?"), {subjectId},
                     "clearing the search terms");
}

Status SubjectIndex::rebuildAll(QSqlDatabase &tx)
{
    QSqlQuery ids(tx);
    ids.setForwardOnly(true);
    if (!ids.exec(QStringLiteral("SELECT id FROM subjects ORDER BY id"))) {
        return sql::queryError(ids, "listing subjects");
    }
    QList<qint64> all;
    while (ids.next()) {
        all << ids.value(0).toLongLong();
    }
    ids.finish();
    for (qint64 id : all) {
        if (Status status = refresh(tx, id); !status) {
            return status;
        }
    }
    return {};
}

} // namespace pd
