#include "app/storage/Versions.h"

#include <QCoreApplication>
#include <QLibrary>

#include <sodium.h>
#include <sqlite3.h>

namespace pd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::Versions)
};

/// libpq's version (e.g. 150005 for 15.5), read from the library the PostgreSQL driver uses; nothing is linked to it.
QString libpqVersion()
{
    QLibrary libpq(QStringLiteral("pq"), 5);
    using Version = int (*)();
    const auto version = reinterpret_cast<Version>(libpq.resolve("PQlibVersion"));
    if (!version) {
        return Tr::tr("not installed");
    }
    const int number = version();
    // From PostgreSQL 10 on: major * 10000 + minor.
    return number >= 100000 ? QStringLiteral("%1.%2").arg(number / 10000).arg(number % 10000)
                            : QStringLiteral("%1.%2.%3").arg(number / 10000).arg(number / 100 % 100).arg(number % 100);
}

} // namespace

Versions Versions::current()
{
    Versions versions;
    versions.qt = QString::fromLatin1(qVersion());
    versions.sqlite = QString::fromLatin1(sqlite3_libversion());
    versions.postgresqlClient = libpqVersion();
    versions.libsodium = QString::fromLatin1(sodium_version_string());
    return versions;
}

} // namespace pd
