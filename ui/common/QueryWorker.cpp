#include "ui/common/QueryWorker.h"

#include "app/storage/Database.h"

namespace pd {

QueryWorker::QueryWorker(std::shared_ptr<Database> database, const QString &name, QObject *parent)
    : QObject(parent), m_database(std::move(database))
{
    m_thread.setObjectName(name);
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    const std::shared_ptr<Database> db = m_database;
    // `finished` is emitted on the worker thread itself: the connection is closed by the thread that made it.
    connect(
        &m_thread, &QThread::finished, m_context, [db] { db->releaseThreadConnection(); }, Qt::DirectConnection);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

QueryWorker::~QueryWorker()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace pd
