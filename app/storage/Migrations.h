#pragma once

#include "app/domain/Result.h"
#include "app/storage/Dialect.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace pd {

/// Numbered schema migrations, kept as SQL in resources/sql/NNNN_name.sql and shared by both dialects.
///
/// A migration file may use placeholders that each dialect fills in ({{ID}}, {{KEY}}, {{BLOB}}) and sections that
/// apply to one dialect only, opened by a line `-- @sqlite` or `-- @postgresql` and closed by `-- @all`.
/// Statements end with a line ending in ';' (outside $$ bodies and SQLite trigger bodies).
class Migrations
{
public:
    struct Migration
    {
        int version = 0;
        QString name;
        QString resourcePath;
    };

    /// All migrations this build carries, by ascending version.
    static QList<Migration> all();
    static int latestVersion();

    /// Applies every migration newer than the database's version, each in its own transaction.
    static Status apply(QSqlDatabase &db, Dialect dialect, const QString &applicationMarker);

    /// The statements of one migration file for a dialect (exposed for tests).
    static QStringList statements(const QString &sqlText, Dialect dialect);
};

} // namespace pd
