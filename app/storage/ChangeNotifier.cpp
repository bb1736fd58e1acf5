#include "app/storage/ChangeNotifier.h"

#include "app/storage/Database.h"
#include "app/storage/Dialect.h"

#include <QMutex>
#include <QPointer>
#include <QSqlDriver>
#include <QSqlQuery>

namespace pd {

namespace {

/// Listeners in this process, for SQLite (and to hear our own changes without a round trip).
QList<QPointer<ChangeNotifier>> &localListeners()
{
    static QList<QPointer<ChangeNotifier>> listeners;
    return listeners;
}

/// Services may notify from worker threads (bulk actions).
QMutex &listenersMutex()
{
    static QMutex mutex;
    return mutex;
}

} // namespace

ChangeNotifier::ChangeNotifier(Database &database, QObject *parent) : QObject(parent), m_db(database.connection())
{
    if (dialectOf(database) == Dialect::PostgreSQL && m_db.driver()->subscribeToNotification(channel())) {
        connect(m_db.driver(), &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                    if (name == channel()) {
                        emit changed(payload.toString());
                    }
                });
        return;
    }
    QMutexLocker locker(&listenersMutex());
    localListeners().append(this);
}

ChangeNotifier::~ChangeNotifier()
{
    {
        QMutexLocker locker(&listenersMutex());
        localListeners().removeAll(this);
    }
    if (m_db.isOpen() && m_db.driver()->subscribedToNotifications().contains(channel())) {
        m_db.driver()->unsubscribeFromNotification(channel());
    }
}

void ChangeNotifier::notify(QSqlDatabase &tx, const QString &topic)
{
    if (dialectOf(tx) == Dialect::PostgreSQL) {
        QSqlQuery query(tx);
        query.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
        query.addBindValue(channel());
        query.addBindValue(topic);
        query.exec();
        return;
    }
    // SQLite: tell this process's listeners once their event loop runs again, normally after the commit (a rolled
    // back change only costs them a needless refresh).
    QMutexLocker locker(&listenersMutex());
    for (const QPointer<ChangeNotifier> &listener : qAsConst(localListeners())) {
        if (listener) {
            QMetaObject::invokeMethod(
                listener,
                [listener, topic] {
                    if (listener) {
                        emit listener->changed(topic);
                    }
                },
                Qt::QueuedConnection);
        }
    }
}

} // namespace pd
