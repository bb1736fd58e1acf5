#include "app/access/BackupService.h"

#include "app/access/AuditLog.h"
#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "app/storage/DatabaseUrl.h"
#include "app/storage/Dialect.h"
#include "app/storage/PrivateFile.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>

namespace pd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::BackupService)
};

/// An SQLite handle closed when it goes.
class Handle
{
public:
    Handle(const QString &path, int flags)
    {
        m_status = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
    }
    ~Handle() { sqlite3_close(m_db); }
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;
    bool ok() const { return m_status == SQLITE_OK; }
    sqlite3 *get() const { return m_db; }
    QString error() const { return QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(m_status)); }

    /// The first column of the first row of `statement`, as text; nullopt when it failed or gave no row.
    std::optional<QString> text(const char *statement) const
    {
        sqlite3_stmt *query = nullptr;
        if (sqlite3_prepare_v2(m_db, statement, -1, &query, nullptr) != SQLITE_OK) {
            return std::nullopt;
        }
        std::optional<QString> value;
        if (sqlite3_step(query) == SQLITE_ROW) {
            const auto *bytes = sqlite3_column_text(query, 0);
            value = bytes ? QString::fromUtf8(reinterpret_cast<const char *>(bytes)) : QString();
        }
        sqlite3_finalize(query);
        return value;
    }

private:
    sqlite3 *m_db = nullptr;
    int m_status = SQLITE_OK;
};

/// Copies the whole of `from` into `to` with SQLite's backup API (one step: the destination is replaced at once).
Status copyDatabase(sqlite3 *from, sqlite3 *to)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("the copy could not start: %1").arg(QString::fromUtf8(sqlite3_errmsg(to))));
    }
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("the copy failed: %1")
                             .arg(QString::fromUtf8(sqlite3_errstr(stepped != SQLITE_DONE ? stepped : finished))));
    }
    return {};
}

Status requireSqlite(Database &database)
{
    if (database.url().backend() != DatabaseUrl::Backend::SQLite) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("backups here are of an SQLite database; back a PostgreSQL server up with pg_dump"));
    }
    return {};
}

/// The file checks that need no Privacy Desk code: an SQLite database, whole, ours, of a schema we can read.
Result<int> checkFile(const QString &path)
{
    if (!QFileInfo(path).isFile()) {
        return makeError(ErrorCode::NotFound, Tr::tr("%1: there is no such file").arg(path));
    }
    Handle file(path, SQLITE_OPEN_READONLY);
    if (!file.ok()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("%1: not a database (%2)").arg(path, file.error()));
    }
    const std::optional<QString> integrity = file.text("PRAGMA integrity_check");
    if (!integrity) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("%1: not a database (%2)").arg(path, file.error()));
    }
    if (*integrity != QLatin1String("ok")) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("%1: the database is damaged (%2)").arg(path, *integrity));
    }
    const std::optional<QString> marker = file.text("SELECT value FROM pd_meta WHERE key = 'application'");
    if (marker.value_or(QString()) != QLatin1String("privacydesk")) {
        return makeError(ErrorCode::NotPrivacyDesk, Tr::tr("%1 is not a Privacy Desk database").arg(path));
    }
    const int version = file.text("SELECT MAX(version) FROM schema_version").value_or(QString()).toInt();
    if (version < 1 || version > Database::latestSchemaVersion()) {
        return makeError(ErrorCode::TooNew, Tr::tr("%1 has schema %2; this version reads schemas 1 to %3")
                                                .arg(path)
                                                .arg(version)
                                                .arg(Database::latestSchemaVersion()));
    }
    return version;
}

/// Checks the copy at `path` fully, on a private copy of its own in `scratch` ("copy.sqlite": opening it migrates an
/// older schema, and a restore is made from it), never on the file itself.
Result<BackupService::Check> checkCopy(const QString &path, const Session &who, QTemporaryDir &scratch)
{
    Result<int> version = checkFile(path);
    if (!version) {
        return version.error();
    }
    const QString copy = scratch.filePath(QStringLiteral("copy.sqlite"));
    QFile::remove(copy);
    if (!QFile::copy(path, copy)) {
        return makeError(ErrorCode::Storage, Tr::tr("%1 could not be read").arg(path));
    }
    if (Status restricted = PrivateFile::restrict(copy); !restricted) {
        return restricted.error();
    }
    BackupService::Check check;
    check.schemaVersion = version.value();
    {
        Result<std::shared_ptr<Database>> opened =
            Database::open(DatabaseUrl::sqlite(copy), Database::OpenMode::ExistingOnly);
        if (!opened) {
            return makeError(opened.error().code, Tr::tr("%1: %2").arg(path, opened.error().message));
        }
        Result<AuditLog::Verification> chain = AuditLog::verify(*opened.value(), who);
        if (!chain) {
            return chain.error();
        }
        if (!chain->ok()) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("%1: its audit trail is broken at entry #%2 (%3)")
                                                             .arg(path)
                                                             .arg(chain->firstBrokenId)
                                                             .arg(chain->problem));
        }
        check.auditEntries = chain->entries;
        QSqlDatabase db = opened.value()->connection();
        Result<QVariant> subjects =
            sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM subjects"), {}, "counting subjects");
        check.subjects = subjects ? subjects->toLongLong() : 0;
    }
    return check;
}

Status record(Database &database, const Session &who, const char *action, const QString &path,
              const BackupService::Check &check)
{
    AuditEntry entry;
    entry.action = QLatin1String(action);
    entry.objectType = QStringLiteral("database");
    entry.objectId = QFileInfo(path).fileName();
    entry.details = QStringLiteral("schema=%1 audit_entries=%2 subjects=%3")
                        .arg(check.schemaVersion)
                        .arg(check.auditEntries)
                        .arg(check.subjects);
    return database.transaction([&](QSqlDatabase &tx) { return AuditLog::append(tx, who, entry); });
}

} // namespace

Result<BackupService::Check> BackupService::backup(Database &database, const Session &who, const QString &path)
{
    if (!Permissions::allows(who.role, Action::ManageSettings) &&
        !Permissions::allows(who.role, Action::ExportRegisters)) {
        return Permissions::check(who, Action::ExportRegisters).error();
    }
    if (Status sqlite = requireSqlite(database); !sqlite) {
        return sqlite.error();
    }
    if (path.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("backup: name the file to write"));
    }
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(database.url().path()).absoluteFilePath()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("backup: %1 is the database itself").arg(path));
    }
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    if (Status created = PrivateFile::create(partial); !created) {
        return created.error();
    }
    const auto removePartial = [&partial] { QFile::remove(partial); };
    {
        Handle target(partial, SQLITE_OPEN_READWRITE);
        if (!target.ok()) {
            removePartial();
            return makeError(ErrorCode::Storage, Tr::tr("%1 could not be written: %2").arg(path, target.error()));
        }
        QSqlDatabase db = database.connection();
        if (Status copied = copyDatabase(sql::sqliteHandle(db), target.get()); !copied) {
            removePartial();
            return copied.error();
        }
    }
    QTemporaryDir scratch;
    Result<Check> check = checkCopy(partial, who, scratch);
    if (!check) {
        removePartial();
        return makeError(check.error().code,
                         Tr::tr("the backup did not pass its check: %1").arg(check.error().message));
    }
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(path).constData()) != 0) {
        removePartial();
        return makeError(ErrorCode::Storage, Tr::tr("%1 could not be written").arg(path));
    }
    if (Status recorded = record(database, who, "database.backup", path, check.value()); !recorded) {
        return recorded.error();
    }
    return check;
}

Result<BackupService::Check> BackupService::restore(Database &database, const Session &who, const QString &path)
{
    if (Status allowed = Permissions::check(who, Action::ManageSettings); !allowed) {
        return allowed.error();
    }
    if (Status sqlite = requireSqlite(database); !sqlite) {
        return sqlite.error();
    }
    if (database.inTransaction()) {
        return makeError(ErrorCode::Conflict, Tr::tr("restore: the database is busy; try again"));
    }
    QTemporaryDir scratch;
    Result<Check> check = checkCopy(path, who, scratch);
    if (!check) {
        return makeError(check.error().code,
                         Tr::tr("the copy was not restored, nothing was replaced: %1").arg(check.error().message));
    }
    {
        Handle copy(scratch.filePath(QStringLiteral("copy.sqlite")), SQLITE_OPEN_READONLY);
        if (!copy.ok()) {
            return makeError(ErrorCode::Storage, Tr::tr("the checked copy could not be read: %1").arg(copy.error()));
        }
        QSqlDatabase db = database.connection();
        if (Status copied = copyDatabase(copy.get(), sql::sqliteHandle(db)); !copied) {
            return copied.error();
        }
    }
    if (Status recorded = record(database, who, "database.restore", path, check.value()); !recorded) {
        return recorded.error();
    }
    return check;
}

} // namespace pd
