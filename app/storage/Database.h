#pragma once

#include "app/domain/Result.h"
#include "app/storage/DatabaseUrl.h"

#include <QAtomicInt>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace pd {

/// An open Privacy Desk database: SQLite file or PostgreSQL database, schema checked and migrated.
///
/// Qt connections belong to the thread that made them, so connection() hands every thread its own one, made on
/// first use with the same settings. Worker threads call releaseThreadConnection() before they end.
class Database final
{
public:
    enum class OpenMode {
        CreateIfMissing, ///< create the SQLite file (and its folder) when it does not exist
        ExistingOnly,    ///< refuse when there is nothing there yet
    };

    /// Opens, checks that it is a Privacy Desk database this build understands, and applies pending migrations.
    /// A file that is not a Privacy Desk database, or one written by a newer version, is refused before anything
    /// is written to it.
    static Result<std::shared_ptr<Database>> open(const DatabaseUrl &url, OpenMode mode = OpenMode::CreateIfMissing);

    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    const DatabaseUrl &url() const { return m_url; }

    /// The calling thread's connection, opened on first use. Invalid (and lastConnectError() set) when it failed.
    QSqlDatabase connection();
    /// Closes and forgets the calling thread's connection.
    void releaseThreadConnection();
    QString lastConnectError() const;
    /// Connections open now: one per thread that used the database and has not released its connection.
    int openConnectionCount() const;

    /// Runs `work` in one transaction on this thread's connection: commits when it returns ok, rolls back otherwise.
    /// Called from inside `work` (a service composing others, as a request's execution does), the inner work joins
    /// the open transaction: nothing is committed until the outermost returns ok, and an inner failure that the
    /// caller passes on rolls the whole back.
    Status transaction(const std::function<Status(QSqlDatabase &)> &work);

    /// Whether the calling thread is inside transaction().
    bool inTransaction() const;

    /// Runs `task(connection, i)` for every i in [0, count): on the calling thread and one more, each with its own
    /// connection, for independent reads of a large database (two cores count twice as fast). Inside a transaction
    /// every task runs on the calling thread, so that all see what the transaction sees. Tasks are taken in order;
    /// after a failure no new task starts, and the first failure is returned.
    Status readInParallel(int count, const std::function<Status(QSqlDatabase &, int)> &task);

    /// Version of the schema in the database (after open: the latest this build knows).
    int schemaVersion();
    /// The newest schema version this build knows.
    static int latestSchemaVersion();

    /// Moves everything in the SQLite WAL into the main file and truncates the WAL (no-op on PostgreSQL).
    Status checkpoint();

private:
    explicit Database(DatabaseUrl url);

    Result<QSqlDatabase> addConnection(const QString &name);
    Status configure(QSqlDatabase &db);
    Status inspect(QSqlDatabase &db);
    Status migrate(QSqlDatabase &db);

    DatabaseUrl m_url;
    QString m_prefix;
    mutable QMutex m_mutex;
    QHash<QThread *, QString> m_connections;
    QHash<QThread *, int> m_transactionDepth;
    QSet<QThread *> m_checkpointPending;
    QString m_lastConnectError;
    QAtomicInt m_ready; ///< set once open() checked and migrated; later connections are configured on creation
};

} // namespace pd
