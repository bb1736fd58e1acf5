#include "app/storage/DatabaseUrl.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::DatabaseUrl)
};
} // namespace

namespace pd {

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("database URL is empty"));
    }
    if (trimmed.startsWith(QLatin1String("sqlite:"))) {
        QString path = trimmed.mid(int(qstrlen("sqlite:")));
        // Accept sqlite:///abs/path as well as sqlite:/abs/path.
        if (path.startsWith(QLatin1String("//"))) {
            path = path.mid(2);
        }
        if (path.isEmpty()) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("database URL \"sqlite:\" names no file"));
        }
        return sqlite(path);
    }
    if (trimmed.startsWith(QLatin1String("postgresql://")) || trimmed.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(trimmed, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("database URL is not a valid postgresql://user:password@host:port/dbname URL"));
        }
        DatabaseUrl result;
        result.m_backend = Backend::PostgreSQL;
        result.m_host = url.host();
        result.m_port = url.port(5432);
        result.m_user = url.userName();
        result.m_password = url.password();
        result.m_databaseName = url.path().mid(1);
        if (result.m_databaseName.isEmpty() || result.m_databaseName.contains(QLatin1Char('/'))) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("database URL names no database: expected postgresql://user@host:port/dbname"));
        }
        return result;
    }
    return makeError(ErrorCode::InvalidArgument,
                     Tr::tr("database URL must start with sqlite: or postgresql:// (got \"%1\")")
                         .arg(trimmed.section(QLatin1Char(':'), 0, 0)));
}

DatabaseUrl DatabaseUrl::defaultLocation()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (folder.isEmpty()) {
        folder = QDir::homePath() + QLatin1String("/.local/share/privacydesk");
    }
    return sqlite(folder + QLatin1String("/privacydesk.sqlite"));
}

Result<DatabaseUrl> DatabaseUrl::resolve(const QString &commandLineValue)
{
    if (!commandLineValue.isEmpty()) {
        return parse(commandLineValue);
    }
    const QString fromEnvironment = qEnvironmentVariable("PRIVACYDESK_DB");
    if (!fromEnvironment.isEmpty()) {
        return parse(fromEnvironment);
    }
    return defaultLocation();
}

DatabaseUrl DatabaseUrl::sqlite(const QString &path)
{
    DatabaseUrl result;
    result.m_backend = Backend::SQLite;
    result.m_path = QDir::cleanPath(QDir::current().absoluteFilePath(path));
    return result;
}

DatabaseUrl DatabaseUrl::postgresql(const QString &host, int port, const QString &databaseName, const QString &user,
                                    const QString &password)
{
    DatabaseUrl url;
    url.m_backend = Backend::PostgreSQL;
    url.m_host = host;
    url.m_port = port;
    url.m_databaseName = databaseName;
    url.m_user = user;
    url.m_password = password;
    return url;
}

DatabaseUrl DatabaseUrl::withoutPassword() const
{
    DatabaseUrl url = *this;
    url.m_password.clear();
    return url;
}

QString DatabaseUrl::displayName() const
{
    if (m_backend == Backend::SQLite) {
        return QLatin1String("sqlite:") + m_path;
    }
    QString userPart = m_user.isEmpty() ? QString() : m_user + QLatin1Char('@');
    return QStringLiteral("postgresql://%1%2:%3/%4").arg(userPart, m_host).arg(m_port).arg(m_databaseName);
}

QString DatabaseUrl::toString() const
{
    if (m_backend == Backend::SQLite) {
        return QLatin1String("sqlite:") + m_path;
    }
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host);
    url.setPort(m_port);
    url.setUserName(m_user);
    url.setPassword(m_password);
    url.setPath(QLatin1Char('/') + m_databaseName);
    return url.toString();
}

} // namespace pd
