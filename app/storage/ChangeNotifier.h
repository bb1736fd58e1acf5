#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QString>

namespace pd {

class Database;

/// Tells other workstations that data changed, and hears when they did.
///
/// On PostgreSQL, services call notify() inside their transaction (NOTIFY is delivered on commit) and every
/// workstation's ChangeNotifier receives it through QSqlDriver::subscribeToNotification. SQLite has one
/// workstation per file; there notify() only reaches this process's listeners.
class ChangeNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeNotifier)

public:
    /// Listens on the calling thread's connection of `database` (keep both alive as long as this object).
    explicit ChangeNotifier(Database &database, QObject *parent = nullptr);
    ~ChangeNotifier() override;

    /// Announces a change of `topic` ("subjects", "requests", "audit", ...) from inside transaction `tx`.
    static void notify(QSqlDatabase &tx, const QString &topic);

    static QString channel() { return QStringLiteral("privacydesk_changes"); }

signals:
    /// Something of `topic` changed, here or on another workstation.
    void changed(const QString &topic);

private:
    QSqlDatabase m_db;
};

} // namespace pd
