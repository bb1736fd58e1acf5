#include "app/storage/Dialect.h"

#include "app/storage/Database.h"

#include <QSqlDatabase>

namespace pd {

Dialect dialectOf(const Database &database)
{
    return database.url().backend() == DatabaseUrl::Backend::PostgreSQL ? Dialect::PostgreSQL : Dialect::SQLite;
}

Dialect dialectOf(const QSqlDatabase &connection)
{
    return connection.driverName() == QLatin1String("QPSQL") ? Dialect::PostgreSQL : Dialect::SQLite;
}

} // namespace pd
