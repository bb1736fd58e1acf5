#pragma once

#include <QString>

namespace pd {

/// The versions of the libraries the program runs on, for Help ▸ About and `--version`: what is loaded, not what
/// it was built against.
struct Versions
{
    QString qt;
    QString sqlite;
    QString postgresqlClient; ///< libpq, as Qt's PostgreSQL driver loads it; "not installed" when it is not there
    QString libsodium;

    static Versions current();
};

} // namespace pd
