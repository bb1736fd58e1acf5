#pragma once

class QSqlDatabase;

namespace pd {

class Database;

/// The two SQL dialects a Privacy Desk database speaks. The one way to ask which backend a piece of code runs on:
/// `dialectOf(database) == Dialect::PostgreSQL`, or `dialectOf(tx)` inside a transaction.
enum class Dialect { SQLite, PostgreSQL };

/// The dialect of an open database.
Dialect dialectOf(const Database &database);
/// The dialect of a connection (of a Database, or the transaction a service runs in).
Dialect dialectOf(const QSqlDatabase &connection);

} // namespace pd
