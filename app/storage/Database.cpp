#include "app/storage/Database.h"

#include "app/storage/BulkLoad.h"
#include "app/storage/Dialect.h"
#include "app/storage/Migrations.h"
#include "app/storage/PrivateFile.h"
#include "app/storage/Sql.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::Database)
};
} // namespace

namespace pd {

namespace {

QAtomicInt s_instanceCounter;

/// The application marker that tells a Privacy Desk database apart from any other database.
const QLatin1String kApplicationMarker("privacydesk");

Status checkSQLiteHeader(const QString &path)
{
    QFile file(path);
    if (file.size() == 0) {
        return {}; // an empty file is what SQLite itself creates; treat it as a new database
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::Storage, Tr::tr("cannot read %1: %2").arg(path, file.errorString()));
    }
    const QByteArray header = file.read(16);
    if (header != QByteArray("SQLite format 3\0", 16)) {
        return makeError(
            ErrorCode::NotPrivacyDesk,
            Tr::tr("%1 is not a Privacy Desk database (it is not an SQLite file); nothing was changed").arg(path));
    }
    return {};
}

} // namespace

Database::Database(DatabaseUrl url)
    : m_url(std::move(url)), m_prefix(QStringLiteral("pd-%1-").arg(s_instanceCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    QMutexLocker locker(&m_mutex);
    const auto names = m_connections.values();
    m_connections.clear();
    locker.unlock();
    for (const QString &name : names) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen()) {
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
}

Result<std::shared_ptr<Database>> Database::open(const DatabaseUrl &url, OpenMode mode)
{
    if (url.backend() == DatabaseUrl::Backend::SQLite) {
        const QFileInfo info(url.path());
        if (info.exists()) {
            if (info.isDir()) {
                return makeError(ErrorCode::InvalidArgument,
                                 Tr::tr("%1 is a folder, not a database file").arg(url.path()));
            }
            if (Status status = checkSQLiteHeader(url.path()); !status) {
                return status.error();
            }
        } else if (mode == OpenMode::ExistingOnly) {
            return makeError(ErrorCode::NotFound, Tr::tr("no database at %1").arg(url.path()));
        } else if (!QDir().mkpath(info.absolutePath())) {
            return makeError(ErrorCode::Storage, Tr::tr("cannot create the folder %1").arg(info.absolutePath()));
        } else if (Status created = PrivateFile::create(url.path()); !created) {
            return created.error();
        }
        // The file, its WAL and shared memory hold personal data: the owner's alone, also when an earlier version
        // (or a copy) left them readable by others. SQLite gives new -wal and -shm files the database's mode.
        for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
            if (Status restricted = PrivateFile::restrict(url.path() + QLatin1String(suffix)); !restricted) {
                return restricted.error();
            }
        }
    }

    std::shared_ptr<Database> database(new Database(url));
    QSqlDatabase db = database->connection();
    if (!db.isValid() || !db.isOpen()) {
        return makeError(ErrorCode::Storage, database->lastConnectError());
    }
    // Inspect before anything is written: a foreign or newer database must stay exactly as it was.
    if (Status status = database->inspect(db); !status) {
        return status.error();
    }
    if (Status status = database->configure(db); !status) {
        return status.error();
    }
    // A WAL left by a process that stopped before its checkpoint (a crash, a kill) holds the pages of its last
    // changes, and the database file still the pages they replaced: an anonymization's erased values among them.
    // Moving the WAL into the file (and emptying it) comes before anything else is done with the database.
    if (url.backend() == DatabaseUrl::Backend::SQLite && QFileInfo(url.path() + QStringLiteral("-wal")).size() > 0) {
        if (Status status = database->checkpoint(); !status) {
            return status.error();
        }
    }
    if (Status status = database->migrate(db); !status) {
        return status.error();
    }
    if (Status status = BulkLoad::restoreSubjectIndexes(db); !status) {
        return status.error();
    }
    database->m_ready.storeRelease(1);
    return database;
}

QSqlDatabase Database::connection()
{
    QThread *thread = QThread::currentThread();
    QMutexLocker locker(&m_mutex);
    const auto found = m_connections.constFind(thread);
    if (found != m_connections.constEnd()) {
        return QSqlDatabase::database(found.value(), false);
    }
    const QString name = m_prefix + QString::number(quintptr(thread), 16);
    locker.unlock();

    Result<QSqlDatabase> made = addConnection(name);
    locker.relock();
    if (!made) {
        m_lastConnectError = made.error().message;
        return {};
    }
    m_connections.insert(thread, name);
    return made.value();
}

void Database::releaseThreadConnection()
{
    QString name;
    {
        QMutexLocker locker(&m_mutex);
        name = m_connections.take(QThread::currentThread());
    }
    if (name.isEmpty()) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool Database::inTransaction() const
{
    QMutexLocker locker(&m_mutex);
    return m_transactionDepth.value(QThread::currentThread()) > 0;
}

Status Database::readInParallel(int count, const std::function<Status(QSqlDatabase &, int)> &task)
{
    QAtomicInt next = 0;
    QMutex failureMutex;
    Status failure;
    const auto work = [&] {
        QSqlDatabase db = connection();
        for (int i = next.fetchAndAddRelaxed(1); i < count; i = next.fetchAndAddRelaxed(1)) {
            Status status = db.isOpen() ? task(db, i) : makeError(ErrorCode::Storage, lastConnectError());
            if (!status) {
                QMutexLocker locker(&failureMutex);
                if (failure) {
                    failure = status;
                }
                next.storeRelaxed(count);
                break;
            }
        }
    };
    std::unique_ptr<QThread> helper;
    if (count > 1 && !inTransaction() && QThread::idealThreadCount() > 1) {
        helper.reset(QThread::create([this, &work] {
            work();
            releaseThreadConnection();
        }));
        helper->start();
    }
    work();
    if (helper) {
        helper->wait();
    }
    return failure;
}

int Database::openConnectionCount() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_connections.size());
}

QString Database::lastConnectError() const
{
    QMutexLocker locker(&m_mutex);
    return m_lastConnectError;
}

Result<QSqlDatabase> Database::addConnection(const QString &name)
{
    const bool sqlite = dialectOf(*this) == Dialect::SQLite;
    QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        return makeError(ErrorCode::Storage,
                         Tr::tr("the Qt SQL driver for %1 is not installed")
                             .arg(sqlite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL")));
    }
    if (sqlite) {
        db.setDatabaseName(m_url.path());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db.setHostName(m_url.host());
        db.setPort(m_url.port());
        db.setUserName(m_url.user());
        db.setPassword(m_url.password());
        db.setDatabaseName(m_url.databaseName());
        db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=privacydesk"));
    }
    if (!db.open()) {
        const QString reason = sql::describe(db.lastError(), dialectOf(*this));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return makeError(ErrorCode::Storage, Tr::tr("cannot open %1: %2").arg(m_url.displayName(), reason));
    }
    // Per-connection settings. The first connection is configured in open() only after inspect().
    if (m_ready.loadAcquire()) {
        if (Status status = configure(db); !status) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return status.error();
        }
    }
    return db;
}

Status Database::configure(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (dialectOf(*this) == Dialect::SQLite) {
        // secure_delete overwrites freed pages with zeros so erased values do not linger in the file;
        // WAL lets readers (the list, the dashboard) work while a writer commits; a page cache of up to 64 MB per
        // connection (SQLite's default is 2 MB) keeps the indexes of a million subjects in memory between batches.
        const char *pragmas[] = {"PRAGMA foreign_keys = ON", "PRAGMA secure_delete = ON", "PRAGMA journal_mode = WAL",
                                 "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536"};
        for (const char *pragma : pragmas) {
            if (!query.exec(QLatin1String(pragma))) {
                return sql::queryError(query, "configuring the SQLite connection");
            }
        }
        return {};
    }
    if (!query.exec(QStringLiteral("SET client_min_messages TO WARNING"))) {
        return sql::queryError(query, "configuring the PostgreSQL connection");
    }
    return {};
}

Status Database::inspect(QSqlDatabase &db)
{
    const QStringList tables = db.tables(QSql::Tables);
    if (tables.isEmpty()) {
        return {}; // a new database: migrations will create everything
    }
    if (!tables.contains(QStringLiteral("pd_meta"))) {
        return makeError(ErrorCode::NotPrivacyDesk,
                         Tr::tr("%1 is not a Privacy Desk database (it holds other tables); nothing was changed")
                             .arg(m_url.displayName()));
    }
    Result<QVariant> marker = sql::scalar(db, QStringLiteral("SELECT value FROM pd_meta WHERE key = ?"),
                                          {QStringLiteral("application")}, "reading the database marker");
    if (!marker) {
        return marker.error();
    }
    if (marker.value().toString() != kApplicationMarker) {
        return makeError(ErrorCode::NotPrivacyDesk,
                         Tr::tr("%1 is not a Privacy Desk database; nothing was changed").arg(m_url.displayName()));
    }
    const int version = schemaVersion();
    if (version > latestSchemaVersion()) {
        return makeError(ErrorCode::TooNew,
                         Tr::tr("%1 was written by a newer Privacy Desk (schema %2; this version knows up to %3); "
                                "nothing was changed. Update Privacy Desk to open it.")
                             .arg(m_url.displayName())
                             .arg(version)
                             .arg(latestSchemaVersion()));
    }
    return {};
}

Status Database::migrate(QSqlDatabase &db)
{
    return Migrations::apply(db, dialectOf(*this), kApplicationMarker);
}

int Database::schemaVersion()
{
    QSqlDatabase db = connection();
    if (!db.tables(QSql::Tables).contains(QStringLiteral("schema_version"))) {
        return 0;
    }
    Result<QVariant> version =
        sql::scalar(db, QStringLiteral("SELECT MAX(version) FROM schema_version"), {}, "reading the schema version");
    return version ? version.value().toInt() : 0;
}

int Database::latestSchemaVersion()
{
    return Migrations::latestVersion();
}

Status Database::transaction(const std::function<Status(QSqlDatabase &)> &work)
{
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        return makeError(ErrorCode::Storage, lastConnectError());
    }
    QThread *const thread = QThread::currentThread();
    {
        QMutexLocker locker(&m_mutex);
        if (m_transactionDepth.value(thread) > 0) {
            ++m_transactionDepth[thread];
            locker.unlock();
            Status status = work(db);
            locker.relock();
            --m_transactionDepth[thread];
            return status;
        }
    }
    struct DepthGuard
    {
        QMutex &mutex;
        QHash<QThread *, int> &depth;
        QThread *thread;
        DepthGuard(QMutex &m, QHash<QThread *, int> &d, QThread *t) : mutex(m), depth(d), thread(t)
        {
            QMutexLocker locker(&mutex);
            depth[thread] = 1;
        }
        ~DepthGuard()
        {
            QMutexLocker locker(&mutex);
            depth.remove(thread);
        }
    };
    // SQLite: take the write lock up front. A deferred transaction that reads first and writes later fails with
    // "database is locked" when another workstation wrote in between; an immediate one waits its turn instead.
    QSqlQuery control(db);
    const bool begun =
        dialectOf(*this) == Dialect::SQLite ? control.exec(QStringLiteral("BEGIN IMMEDIATE")) : db.transaction();
    if (!begun) {
        const QString reason =
            sql::describe(dialectOf(*this) == Dialect::SQLite ? control.lastError() : db.lastError(), dialectOf(*this));
        return makeError(ErrorCode::Storage, Tr::tr("cannot start a transaction: %1").arg(reason.trimmed()));
    }
    const DepthGuard guard(m_mutex, m_transactionDepth, thread);
    auto rollback = [&] {
        if (dialectOf(*this) == Dialect::SQLite) {
            control.exec(QStringLiteral("ROLLBACK"));
        } else {
            db.rollback();
        }
    };
    Status status = work(db);
    if (!status) {
        rollback();
        QMutexLocker locker(&m_mutex);
        m_checkpointPending.remove(thread);
        return status;
    }
    const bool committed = dialectOf(*this) == Dialect::SQLite ? control.exec(QStringLiteral("COMMIT")) : db.commit();
    if (!committed) {
        const QString reason =
            sql::describe(dialectOf(*this) == Dialect::SQLite ? control.lastError() : db.lastError(), dialectOf(*this));
        rollback();
        return makeError(ErrorCode::Storage, Tr::tr("cannot commit: %1").arg(reason.trimmed()));
    }
    bool checkpointWanted = false;
    {
        QMutexLocker locker(&m_mutex);
        checkpointWanted = m_checkpointPending.remove(thread);
        m_transactionDepth.remove(thread);
    }
    if (checkpointWanted) {
        return checkpoint();
    }
    return {};
}

Status Database::checkpoint()
{
    if (dialectOf(*this) != Dialect::SQLite) {
        return {};
    }
    {
        // Inside a transaction the journal cannot be truncated: do it when the outermost one has committed.
        QMutexLocker locker(&m_mutex);
        if (m_transactionDepth.value(QThread::currentThread()) > 0) {
            m_checkpointPending.insert(QThread::currentThread());
            return {};
        }
    }
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"))) {
        return sql::queryError(query, "checkpointing the SQLite journal");
    }
    return {};
}

} // namespace pd
