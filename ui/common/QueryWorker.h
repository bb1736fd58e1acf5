#pragma once

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace pd {

class Database;

/// One worker thread with its own database connection, for reads that must not hold up the window (the Requests
/// list, the subjects "all matching the filter" and what a bulk action would change).
///
/// post() runs a job there, in the order posted, and then calls `done` with its result on the thread that owns
/// the worker, unless the worker was destroyed first. Jobs must only read from the Database they are given
/// (the worker thread's connection) and from what they captured by value.
///
/// Safe to destroy while a job runs: the destructor waits for that job and drops the ones still queued.
class QueryWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryWorker)

public:
    /// `name` names the thread (in a debugger or a crash report). `database` must not be null.
    QueryWorker(std::shared_ptr<Database> database, const QString &name, QObject *parent = nullptr);
    ~QueryWorker() override;

    template <typename T> void post(std::function<T(Database &)> job, std::function<void(const T &)> done)
    {
        const std::shared_ptr<Database> database = m_database;
        QObject *receiver = this;
        QMetaObject::invokeMethod(
            m_context,
            [database, receiver, job = std::move(job), done = std::move(done)] {
                auto result = std::make_shared<T>(job(*database));
                // Queued to the owner's thread; dropped by Qt if the worker is gone by then.
                QMetaObject::invokeMethod(
                    receiver, [done, result] { done(*result); }, Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

private:
    std::shared_ptr<Database> m_database;
    QThread m_thread;
    QObject *m_context = nullptr; ///< lives on m_thread: queued jobs run in its event loop
};

} // namespace pd
