#include "app/storage/BulkLoad.h"

#include "app/storage/Dialect.h"
#include "app/storage/Sql.h"

#include <QSet>

#include <QSqlQuery>

namespace pd {

namespace {

// The same definitions as in resources/sql/0001_initial.sql, 0003, 0006 and 0007; StorageTest checks that they agree.
struct IndexDefinition
{
    const char *name;
    const char *table;
    const char *column;
    bool sqliteOnly = false; // PostgreSQL has the primary key's own index for that
};
const IndexDefinition kSubjectSearchIndexes[] = {
    {"subjects_name_key", "subjects", "name_key"},
    {"subjects_email_key", "subjects", "email_key"},
    {"subjects_phone_key", "subjects", "phone_key"},
    {"subjects_external_id", "subjects", "external_id"},
    {"subjects_id", "subjects", "id", true},
    {"subject_terms_term", "subject_terms", "term"},
    {"subjects_created", "subjects", "created_at"},
    {"subjects_contract_end", "subjects", "contract_end"},
    {"pd_items_purpose", "pd_items", "purpose_id, category, collected_at, state"},
};

} // namespace

Status BulkLoad::suspendSubjectIndexes(QSqlDatabase &db)
{
    QSqlQuery query(db);
    for (const IndexDefinition &index : kSubjectSearchIndexes) {
        if (!query.exec(QStringLiteral("DROP INDEX IF EXISTS %1").arg(QLatin1String(index.name)))) {
            return sql::queryError(query, "suspending a search index");
        }
    }
    return {};
}

Status BulkLoad::restoreSubjectIndexes(QSqlDatabase &db)
{
    // Asking the catalog takes no lock on the tables; CREATE INDEX (even IF NOT EXISTS, on PostgreSQL) waits for a
    // lock that every writer of the table holds, so it runs only for an index that is really missing.
    QSqlQuery query(db);
    const QString catalog = dialectOf(db) == Dialect::PostgreSQL
                                ? QStringLiteral("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
                                : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index'");
    if (!query.exec(catalog)) {
        return sql::queryError(query, "reading the search indexes");
    }
    QSet<QString> present;
    while (query.next()) {
        present.insert(query.value(0).toString());
    }
    const bool postgres = dialectOf(db) == Dialect::PostgreSQL;
    for (const IndexDefinition &index : kSubjectSearchIndexes) {
        if (present.contains(QLatin1String(index.name)) || (index.sqliteOnly && postgres)) {
            continue;
        }
        if (!query.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 (%3)")
                            .arg(QLatin1String(index.name), QLatin1String(index.table), QLatin1String(index.column)))) {
            return sql::queryError(query, "building a search index");
        }
    }
    return {};
}

} // namespace pd
