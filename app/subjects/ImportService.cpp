#include "app/subjects/ImportService.h"
#include "app/subjects/ImportWriter_p.h"

#include "app/access/AuditLog.h"
#include "app/domain/CardNumbers.h"
#include "app/domain/CsvReader.h"
#include "app/domain/FieldRules.h"
#include "app/domain/Permissions.h"
#include "app/storage/BulkLoad.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/PrivateFile.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QScopeGuard>
#include <QSet>
#include <QSqlQuery>
#include <QStringDecoder>

#include <algorithm>
#include <optional>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::ImportService)
};
} // namespace

namespace pd {

using importing::ItemValue;
using importing::Row;

namespace {

/// Where the understood columns that are data go: category and field of the item.
const QHash<QString, std::pair<QString, QString>> &itemColumns()
{
    static const QHash<QString, std::pair<QString, QString>> columns = {
        {QStringLiteral("email"), {QStringLiteral("account"), QStringLiteral("email")}},
        {QStringLiteral("phone"), {QStringLiteral("account"), QStringLiteral("phone")}},
        {QStringLiteral("birth_date"), {QStringLiteral("account"), QStringLiteral("birth_date")}},
        {QStringLiteral("country"), {QStringLiteral("account"), QStringLiteral("country")}},
        {QStringLiteral("city"), {QStringLiteral("account"), QStringLiteral("city")}},
        {QStringLiteral("address"), {QStringLiteral("account"), QStringLiteral("address")}},
        {QStringLiteral("ip"), {QStringLiteral("technical"), QStringLiteral("ip")}},
        {QStringLiteral("card_masked"), {QStringLiteral("payment"), QStringLiteral("card_masked")}},
        {QStringLiteral("card_expiry"), {QStringLiteral("payment"), QStringLiteral("card_expiry")}},
        {QStringLiteral("cardholder"), {QStringLiteral("payment"), QStringLiteral("cardholder")}},
    };
    return columns;
}

struct Purpose
{
    qint64 id = 0;
    qint64 controllerId = 0;
    bool consent = false;
    bool retired = false; ///< no new data is collected for a retired purpose
};

/// Codes the file may name, read once.
struct Lookups
{
    QHash<QString, qint64> controllers;
    QHash<QString, Purpose> purposes;
    qint64 ownController = 0;
};

Result<Lookups> readLookups(QSqlDatabase &db)
{
    Lookups lookups;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT code, id, kind FROM controllers ORDER BY id"))) {
        return sql::queryError(query, "reading controllers");
    }
    while (query.next()) {
        lookups.controllers.insert(query.value(0).toString(), query.value(1).toLongLong());
        if (lookups.ownController == 0 && query.value(2).toString() == QLatin1String("own")) {
            lookups.ownController = query.value(1).toLongLong();
        }
    }
    if (!query.exec(QStringLiteral("SELECT code, id, controller_id, legal_ground, COALESCE(retired_at, '') FROM "
                                   "purposes"))) {
        return sql::queryError(query, "reading purposes");
    }
    while (query.next()) {
        lookups.purposes.insert(query.value(0).toString(), {query.value(1).toLongLong(), query.value(2).toLongLong(),
                                                            query.value(3).toString() == QLatin1String("consent"),
                                                            !query.value(4).toString().isEmpty()});
    }
    return lookups;
}

/// A date (YYYY-MM-DD, as midnight UTC) or a date and time (ISO 8601) in the past, as a stored timestamp; empty
/// when `text` is neither.
QString pastTimestamp(const QString &text)
{
    QDateTime when = QDateTime::fromString(text, Qt::ISODate);
    if (!when.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        when = date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    if (!when.isValid() || when > QDateTime::currentDateTimeUtc() || when.date().year() < 1900) {
        return {};
    }
    return sql::timestamp(when);
}

/// What the checks of one file need besides the row.
struct Context
{
    const ImportFile &file;
    const Lookups &lookups;
    const QString &purposeCode;
    QSet<QString> externalIds; ///< seen on earlier rows
    QSet<QString> emails;
};

/// Empty when the row is good (and `row` filled); otherwise what is wrong with it.
QString checkRow(const ImportFile::Record &record, Context &context, Row &row)
{
    const ImportFile &file = context.file;
    if (!record.problem.isEmpty()) {
        return record.problem;
    }
    // A full card number anywhere (even in a column that is ignored) rejects the row: PCI DSS forbids keeping it.
    for (int i = 0; i < record.values.size(); ++i) {
        if (cardnumbers::contains(record.values.at(i))) {
            return Tr::tr("field '%1': holds what looks like a full card number, which is never stored; only a "
                          "masked number may be imported")
                .arg(file.targets.at(i).kind == ImportTarget::Kind::Ignored ? file.header.at(i).trimmed()
                                                                            : file.targets.at(i).toString());
        }
    }
    for (int i = 0; i < record.values.size(); ++i) {
        const ImportTarget &target = file.targets.at(i);
        if (target.kind == ImportTarget::Kind::Ignored) {
            continue;
        }
        const bool name = target.name.endsWith(QLatin1String("_name")) || target.name == QLatin1String("cardholder");
        if (const QString problem = FieldRules::textProblem(file.header.at(i).trimmed(), record.values.at(i),
                                                            name ? FieldRules::Text::Name : FieldRules::Text::Line);
            !problem.isEmpty()) {
            return problem;
        }
    }
    const auto value = [&](const char *column) { return file.value(record, QLatin1String(column)); };
    row.number = record.row;
    row.name = value("full_name");
    if (row.name.isEmpty()) {
        row.name = QString(value("first_name") + QLatin1Char(' ') + value("last_name")).trimmed();
    }
    row.email = value("email");
    row.phone = value("phone");
    if (row.name.isEmpty() && row.email.isEmpty()) {
        return Tr::tr("field 'full_name': a name or an e-mail is required");
    }
    if (row.name.size() > FieldRules::kMaxName) {
        return Tr::tr("field 'full_name': longer than %1 characters").arg(FieldRules::kMaxName);
    }
    if (!row.name.isEmpty()) {
        row.items << ItemValue{QStringLiteral("account"), QStringLiteral("name"), row.name};
    }
    const auto &columns = itemColumns();
    for (int i = 0; i < file.targets.size(); ++i) {
        const ImportTarget &target = file.targets.at(i);
        const QString content = i < record.values.size() ? record.values.at(i).trimmed() : QString();
        if (content.isEmpty() || target.kind == ImportTarget::Kind::Ignored) {
            continue;
        }
        std::pair<QString, QString> where;
        if (target.kind == ImportTarget::Kind::Item) {
            where = {target.category, target.name};
        } else if (columns.contains(target.name)) {
            where = columns.value(target.name);
        } else {
            continue; // full_name and the columns that are not data (purpose, source, ...)
        }
        if (const QString problem = FieldRules::valueProblem(where.second, content); !problem.isEmpty()) {
            return problem;
        }
        if (FieldRules::isSecret(where.second)) {
            return Tr::tr("field '%1': secrets (tokens, keys, passwords) are not imported").arg(target.toString());
        }
        row.items << ItemValue{where.first, where.second, content};
    }
    const QString controller = value("controller");
    row.controllerId =
        controller.isEmpty() ? context.lookups.ownController : context.lookups.controllers.value(controller);
    if (row.controllerId == 0) {
        return controller.isEmpty() ? Tr::tr("field 'controller': required (the database has no own controller)")
                                    : Tr::tr("field 'controller': no controller with this code");
    }
    const QString purposeCode = file.columnOf(QStringLiteral("purpose")) >= 0 && !value("purpose").isEmpty()
                                    ? value("purpose")
                                    : context.purposeCode;
    const auto purpose = context.lookups.purposes.constFind(purposeCode);
    if (purpose == context.lookups.purposes.constEnd()) {
        return purposeCode.isEmpty() ? Tr::tr("field 'purpose': required (a column, or --purpose for every row)")
                                     : Tr::tr("field 'purpose': no purpose with this code");
    }
    if (purpose->retired) {
        return Tr::tr("field 'purpose': the purpose is retired (no new data is collected for it)");
    }
    if (purpose->controllerId != row.controllerId) {
        // Data is collected by a controller for its own purposes (or a client's, on its instructions).
        return Tr::tr("field 'purpose': the purpose belongs to another controller");
    }
    row.purposeId = purpose->id;
    row.collectedAt = sql::nowTimestamp();
    if (!value("collected_at").isEmpty()) {
        row.collectedAt = pastTimestamp(value("collected_at"));
        if (row.collectedAt.isEmpty()) {
            return Tr::tr("field 'collected_at': not a date in the past as YYYY-MM-DD");
        }
    }
    row.source = value("source");
    if (!value("consent_given_at").isEmpty()) {
        row.consentGivenAt = pastTimestamp(value("consent_given_at"));
        if (row.consentGivenAt.isEmpty()) {
            return Tr::tr("field 'consent_given_at': not a date in the past as YYYY-MM-DD");
        }
        if (!purpose->consent) {
            return Tr::tr("field 'consent_given_at': the purpose is not based on consent");
        }
        row.policyVersion = value("policy_version");
        if (row.policyVersion.isEmpty()) {
            return Tr::tr("field 'policy_version': required with consent_given_at (the version the subject agreed "
                          "to)");
        }
    }
    row.externalId = value("external_id");
    if (!row.externalId.isEmpty()) {
        if (context.externalIds.contains(row.externalId)) {
            return Tr::tr("field 'external_id': the same id appears on an earlier row");
        }
        context.externalIds.insert(row.externalId);
    } else if (!row.email.isEmpty()) {
        const QString key = row.email.toLower();
        if (context.emails.contains(key)) {
            return Tr::tr("field 'email': the same e-mail appears on an earlier row");
        }
        context.emails.insert(key);
    }
    return {};
}

/// An import of one file, as table import_runs keeps it.
struct Run
{
    qint64 id = 0;
    int lastRow = 0; ///< the last row of the file stored (0: none yet)
    int imported = 0;
};

/// The unfinished run of the same file (by its content), or a new one.
Result<Run> beginRun(Database &database, const Session &who, const QString &fileName, const QByteArray &digest,
                     int rows)
{
    Run run;
    Status status = database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status found = sql::exec(query,
                                     QStringLiteral("SELECT id, rows_done, imported FROM import_runs WHERE "
                                                    "file_sha256 = ? AND status = 'running' ORDER BY id DESC") +
                                         sql::forUpdate(tx),
                                     {QString::fromLatin1(digest.toHex())}, "reading earlier imports");
            !found) {
            return found;
        }
        if (query.next()) {
            run = Run{query.value(0).toLongLong(), query.value(1).toInt(), query.value(2).toInt()};
            return {};
        }
        query.finish();
        Result<QVariant> id = sql::scalar(
            tx,
            QStringLiteral("INSERT INTO import_runs (file_name, file_sha256, operator_name, started_at, rows_total, "
                           "status) VALUES (?, ?, ?, ?, ?, 'running') RETURNING id"),
            {fileName, QString::fromLatin1(digest.toHex()), who.name, sql::nowTimestamp(), rows},
            "recording the import");
        if (!id) {
            return id.error();
        }
        run.id = id.value().toLongLong();
        return {};
    });
    if (!status) {
        return status.error();
    }
    return run;
}

} // namespace

Result<QString> ImportService::readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1: cannot read the file: %2").arg(path, file.errorString()));
    }
    if (file.size() > kMaxFileBytes) {
        return makeError(
            ErrorCode::InvalidArgument,
            Tr::tr("%1: larger than %2 MiB; split it into smaller files").arg(path).arg(kMaxFileBytes / (1024 * 1024)));
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(file.readAll());
    if (decoder.hasError()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("%1: the file is not UTF-8 text").arg(path));
    }
    return text;
}

Result<ImportService::Summary> ImportService::importFile(Database &database, const Session &who, const QString &path,
                                                         const Options &options)
{
    if (Status allowed = Permissions::check(who, Action::ImportData); !allowed) {
        return allowed.error();
    }
    Result<QString> text = readText(path);
    if (!text) {
        return text.error();
    }
    return importText(database, who, text.value(), QFileInfo(path).fileName(), options);
}

Result<ImportService::Summary> ImportService::importFile(Database &database, const Session &who, const QString &path,
                                                         bool keepGoing)
{
    Options options;
    options.keepGoing = keepGoing;
    return importFile(database, who, path, options);
}

Result<ImportService::Summary> ImportService::importText(Database &database, const Session &who, const QString &text,
                                                         const QString &fileName, bool keepGoing, int batchRows)
{
    Options options;
    options.keepGoing = keepGoing;
    options.batchRows = batchRows;
    return importText(database, who, text, fileName, options);
}

Result<ImportService::Summary> ImportService::importText(Database &database, const Session &who, const QString &text,
                                                         const QString &fileName, const Options &options)
{
    if (Status allowed = Permissions::check(who, Action::ImportData); !allowed) {
        return allowed.error();
    }
    Result<ImportFile> file = ImportFile::parse(text, fileName, options.file);
    if (!file) {
        return file.error();
    }
    Summary summary;
    summary.dryRun = options.dryRun;
    summary.header = file->header;
    summary.warnings = file->warnings;
    const bool named = file->columnOf(QStringLiteral("full_name")) >= 0 ||
                       file->columnOf(QStringLiteral("first_name")) >= 0 ||
                       file->columnOf(QStringLiteral("last_name")) >= 0 || file->columnOf(QStringLiteral("email")) >= 0;
    if ((file->columnOf(QStringLiteral("purpose")) < 0 && options.purposeCode.isEmpty()) || !named) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1: row 1: the file needs a name (full_name, or first_name and last_name) or an email "
                                "column, and a purpose column unless --purpose names the purpose of every row")
                             .arg(fileName));
    }
    QSqlDatabase db = database.connection();
    Result<Lookups> lookups = readLookups(db);
    if (!lookups) {
        return lookups.error();
    }
    if (!options.purposeCode.isEmpty() && !lookups->purposes.contains(options.purposeCode)) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("--purpose: no purpose with this code"));
    }
    Context context{file.value(), lookups.value(), options.purposeCode, {}, {}};
    QList<Row> good;
    good.reserve(file->records.size());
    const auto reject = [&](const ImportFile::Record &record, const QString &problem) -> Status {
        if (!options.keepGoing && !options.dryRun) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("%1: row %2, %3; nothing was imported").arg(fileName).arg(record.row).arg(problem));
        }
        QStringList fields;
        for (const QString &field : record.values) {
            fields << cardnumbers::redact(field);
        }
        summary.rejected.append({record.row, problem, fields});
        return {};
    };
    QHash<int, const ImportFile::Record *> records;
    for (const ImportFile::Record &record : std::as_const(file->records)) {
        Row row;
        const QString problem = checkRow(record, context, row);
        if (problem.isEmpty()) {
            if (row.source.isEmpty()) {
                row.source = Tr::tr("import of %1").arg(fileName);
            }
            records.insert(row.number, &record);
            good.append(std::move(row));
        } else if (Status rejected = reject(record, problem); !rejected) {
            return rejected.error();
        }
    }
    // Rows that name stored subjects update them; a blocked one is not changed until its block is lifted.
    Result<QHash<int, importing::Existing>> existing = importing::findExisting(db, good);
    if (!existing) {
        return existing.error();
    }
    QList<Row> toStore;
    toStore.reserve(good.size());
    for (Row &row : good) {
        const auto found = existing->constFind(row.number);
        if (found != existing->constEnd()) {
            if (found->state != QLatin1String("active")) {
                if (Status rejected = reject(*records.value(row.number),
                                             Tr::tr("the subject it names is blocked: its data is not changed until "
                                                    "the block is lifted"));
                    !rejected) {
                    return rejected.error();
                }
                continue;
            }
            row.existingId = found->id;
            summary.updatedRows << row.number;
        }
        toStore.append(std::move(row));
    }
    std::sort(summary.rejected.begin(), summary.rejected.end(),
              [](const Rejected &a, const Rejected &b) { return a.row < b.row; });
    if (options.dryRun) {
        summary.updated = int(summary.updatedRows.size());
        summary.imported = int(toStore.size()) - summary.updated;
        return summary;
    }
    if (toStore.isEmpty()) {
        return summary;
    }
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    Result<Run> run = beginRun(database, who, fileName, digest, file->records.isEmpty() ? 1 : file->records.last().row);
    if (!run) {
        return run.error();
    }
    summary.resumedAfterRow = run->lastRow;
    summary.updatedRows.erase(std::remove_if(summary.updatedRows.begin(), summary.updatedRows.end(),
                                             [&run](int row) { return row <= run->lastRow; }),
                              summary.updatedRows.end());
    int imported = run->imported;
    qint64 lastBatchMs = 0;
    QList<Row> pending;
    pending.reserve(toStore.size());
    for (Row &row : toStore) {
        if (row.number > run->lastRow) {
            pending.append(std::move(row));
        }
    }
    toStore.clear();
    // A first load (or one that more than doubles the register) builds the search indexes once at the end instead of
    // keeping them ordered row by row: an order of magnitude less work. Database::open() builds them again should
    // the process be killed on the way; searches of other workstations meanwhile are slower, never wrong.
    std::optional<QSqlDatabase> suspended;
    const auto restore = qScopeGuard([&suspended] {
        if (suspended) {
            static_cast<void>(BulkLoad::restoreSubjectIndexes(*suspended));
        }
    });
    {
        const qint64 fresh =
            std::count_if(pending.cbegin(), pending.cend(), [](const Row &row) { return row.existingId == 0; });
        Result<QVariant> stored =
            sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM subjects"), {}, "counting the subjects");
        if (!stored) {
            return stored.error();
        }
        if (fresh >= kBulkLoadRows && fresh > stored->toLongLong()) {
            if (Status status = BulkLoad::suspendSubjectIndexes(db); !status) {
                return status.error();
            }
            suspended = db;
        }
    }
    const bool timed = options.batchRows <= 0;
    int batchRows = timed ? kBatchRows : options.batchRows;
    for (qsizetype start = 0; start < pending.size(); start += batchRows) {
        if (timed && start > 0) {
            // Sized by time: other workstations wait for one batch at most, a large file runs at the database's speed.
            batchRows = lastBatchMs < kQuickBatchMs       ? std::min(kMaxBatchRows, batchRows * 2)
                        : lastBatchMs > 2 * kQuickBatchMs ? std::max(kBatchRows, batchRows / 2)
                                                          : batchRows;
        }
        QElapsedTimer clock;
        clock.start();
        const Row *const batchBegin = pending.constData() + start;
        const Row *const batchEnd = pending.constData() + std::min(pending.size(), start + batchRows);
        const qsizetype batchSize = batchEnd - batchBegin;
        const int firstRow = batchBegin->number;
        const int lastRow = (batchEnd - 1)->number;
        importing::Stored stored;
        Status written = database.transaction([&](QSqlDatabase &tx) -> Status {
            Result<importing::Stored> result = importing::storeRows(tx, who, batchBegin, batchEnd, fileName);
            if (!result) {
                return makeError(
                    result.error().code,
                    Tr::tr("%1: rows %2-%3: %4").arg(fileName).arg(firstRow).arg(lastRow).arg(result.error().message));
            }
            stored = result.value();
            QSqlQuery query(tx);
            if (Status status = sql::exec(query,
                                          QStringLiteral("UPDATE import_runs SET rows_done = ?, imported = ? "
                                                         "WHERE id = ?"),
                                          {lastRow, imported + stored.created, run->id}, "recording the import");
                !status) {
                return status;
            }
            AuditEntry entry;
            entry.action = QStringLiteral("subject.import");
            entry.objectType = QStringLiteral("file");
            entry.objectId = fileName;
            entry.fields = file->header;
            entry.details = QStringLiteral("run=%1 rows=%2-%3 imported=%4 updated=%5")
                                .arg(run->id)
                                .arg(firstRow)
                                .arg(lastRow)
                                .arg(stored.created)
                                .arg(stored.updated);
            ChangeNotifier::notify(tx, QStringLiteral("subjects"));
            return AuditLog::append(tx, who, entry);
        });
        if (!written) {
            const QString done = start > 0 || imported > 0
                                     ? Tr::tr("; the rows up to row %1 were stored, import the same file again to "
                                              "carry on")
                                           .arg(firstRow - 1)
                                     : QString();
            return makeError(written.error().code, written.error().message + done);
        }
        lastBatchMs = clock.elapsed();
        imported += stored.created;
        summary.updated += stored.updated;
        summary.unchanged += stored.unchanged;
        if (options.progress && !options.progress(start + batchSize, pending.size()) &&
            start + batchSize < pending.size()) {
            summary.cancelled = true;
            summary.imported = imported;
            return summary; // the run stays open: importing the same file again carries on
        }
    }
    Status finished = database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        return sql::exec(query,
                         QStringLiteral("UPDATE import_runs SET status = 'finished', finished_at = ?, rejected = ? "
                                        "WHERE id = ?"),
                         {sql::nowTimestamp(), int(summary.rejected.size()), run->id}, "recording the import");
    });
    if (!finished) {
        return finished.error();
    }
    summary.imported = imported;
    return summary;
}

Status ImportService::writeRejects(const QString &path, const Summary &summary)
{
    QStringList header;
    for (const QString &column : summary.header) {
        header << CsvReader::quote(column);
    }
    header << QStringLiteral("row") << QStringLiteral("problem");
    QString text = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const Rejected &rejected : summary.rejected) {
        QStringList cells;
        for (const QString &field : rejected.fields) {
            cells << CsvReader::quote(cardnumbers::redact(field));
        }
        cells << QString::number(rejected.row) << CsvReader::quote(rejected.problem);
        text += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    // Rejected rows hold personal data: readable by the owner only, as the file they came from should be.
    if (Status written = PrivateFile::write(path, text.toUtf8()); !written) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1: cannot write the rejects file: %2").arg(path, written.error().message));
    }
    return {};
}

} // namespace pd
