#include "Interleaving.h"

#include "app/storage/DatabaseUrl.h"

#include <QSqlError>
#include <QSqlQuery>

namespace pd::test {

SecondWorkstation::SecondWorkstation(const QString &url)
{
    Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    if (!parsed) {
        m_lastError = parsed.error().message;
        return;
    }
    Result<std::shared_ptr<Database>> opened = Database::open(parsed.value(), Database::OpenMode::ExistingOnly);
    if (!opened) {
        m_lastError = opened.error().message;
        return;
    }
    m_database = opened.value();
    m_connection = m_database->connection();
    m_open = m_connection.transaction();
    m_ok = m_open;
    if (!m_ok) {
        m_lastError = m_connection.lastError().text();
    }
}

SecondWorkstation::~SecondWorkstation()
{
    if (m_open) {
        m_connection.rollback();
    }
    m_connection = QSqlDatabase();
    if (m_database) {
        m_database->releaseThreadConnection();
    }
}

bool SecondWorkstation::exec(const QString &statement, const QVariantList &values)
{
    QSqlQuery query(m_connection);
    if (values.isEmpty()) {
        // Not every statement can be prepared (LOCK TABLE cannot).
        if (!query.exec(statement)) {
            m_lastError = query.lastError().text();
            return false;
        }
        return true;
    }
    if (!query.prepare(statement)) {
        m_lastError = query.lastError().text();
        return false;
    }
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    return true;
}

bool SecondWorkstation::commit()
{
    m_open = false;
    return m_connection.commit();
}

bool SecondWorkstation::rollback()
{
    m_open = false;
    return m_connection.rollback();
}

int lockWaiters(Database &database)
{
    QSqlDatabase connection = database.connection();
    QSqlQuery query(connection);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                                   "AND wait_event_type = 'Lock'")) ||
        !query.next()) {
        return -1;
    }
    return query.value(0).toInt();
}

WorkerThread::WorkerThread(Database &database, std::function<void()> work)
    : m_thread(QThread::create([&database, work = std::move(work)] {
          work();
          database.releaseThreadConnection();
      }))
{
    m_thread->start();
}

WorkerThread::~WorkerThread()
{
    m_thread->wait();
}

bool WorkerThread::wait(int ms)
{
    return m_thread->wait(QDeadlineTimer(ms));
}

} // namespace pd::test
