#pragma once

#include "app/domain/Result.h"

#include <QString>

namespace pd {

/// Where the data lives: `sqlite:/path/file.sqlite` or `postgresql://user:password@host:port/dbname`.
class DatabaseUrl
{
public:
    enum class Backend { SQLite, PostgreSQL };

    /// Parses a connection URL; the error names what is wrong with it.
    static Result<DatabaseUrl> parse(const QString &text);
    /// The SQLite file in the platform data folder, used when neither --db nor PRIVACYDESK_DB is given.
    static DatabaseUrl defaultLocation();
    /// --db wins over PRIVACYDESK_DB, which wins over the default location.
    static Result<DatabaseUrl> resolve(const QString &commandLineValue);

    static DatabaseUrl sqlite(const QString &path);
    static DatabaseUrl postgresql(const QString &host, int port, const QString &databaseName, const QString &user,
                                  const QString &password);
    /// The same address without its password, for lists that are written to disk.
    DatabaseUrl withoutPassword() const;
    void setPassword(const QString &password) { m_password = password; }

    Backend backend() const { return m_backend; }
    QString path() const { return m_path; } ///< SQLite file path
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString databaseName() const { return m_databaseName; }

    /// For status bars and messages: never contains the password.
    QString displayName() const;
    /// The URL again, with the password if it had one (for handing to a child process).
    QString toString() const;

private:
    Backend m_backend = Backend::SQLite;
    QString m_path;
    QString m_host;
    int m_port = 5432;
    QString m_user;
    QString m_password;
    QString m_databaseName;
};

} // namespace pd
