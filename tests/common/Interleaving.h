#pragma once

#include "app/storage/Database.h"

#include <QSqlDatabase>
#include <QString>
#include <QThread>
#include <QVariantList>

#include <functional>
#include <memory>

namespace pd::test {

/// Drives a race deterministically on PostgreSQL: a second workstation (its own Database, so its own connection) opens
/// a transaction and takes row locks, the test starts the code under test on a worker thread, waits until that thread's
/// connection waits for one of the locks (lockWaiters()), lets the second workstation change the rows and commit, and
/// then looks at what the code under test did.
class SecondWorkstation
{
public:
    /// Opens `url` and begins a transaction; ok() says whether it worked.
    explicit SecondWorkstation(const QString &url);
    ~SecondWorkstation();
    SecondWorkstation(const SecondWorkstation &) = delete;
    SecondWorkstation &operator=(const SecondWorkstation &) = delete;

    bool ok() const { return m_ok; }
    /// Runs a statement in the open transaction; false (and the error in lastError()) when it failed.
    bool exec(const QString &statement, const QVariantList &values = {});
    bool commit();
    bool rollback();
    QString lastError() const { return m_lastError; }

private:
    std::shared_ptr<Database> m_database;
    QSqlDatabase m_connection;
    bool m_ok = false;
    bool m_open = false;
    QString m_lastError;
};

/// Connections of the current database that wait for a lock now (PostgreSQL's pg_stat_activity), read on the
/// calling thread's connection of `database`.
int lockWaiters(Database &database);

/// Runs `work` on a thread of its own, which uses (and at the end releases) its own connection to `database`.
class WorkerThread
{
public:
    WorkerThread(Database &database, std::function<void()> work);
    ~WorkerThread();
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    /// Waits until `work` returned; false when it did not within `ms`.
    bool wait(int ms);

private:
    std::unique_ptr<QThread> m_thread;
};

} // namespace pd::test
