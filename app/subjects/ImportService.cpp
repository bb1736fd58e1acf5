#include "app/subjects/ImportService.h"

#include "app/access/AuditLog.h"
#include "app/domain/CsvReader.h"
#include "app/domain/FieldRules.h"
#include "app/domain/Permissions.h"
#include "app/domain/SearchKeys.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/PrivateFile.h"
#include "app/storage/Sql.h"
#include "app/storage/SubjectIndex.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QStringDecoder>

#include <algorithm>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::ImportService)
};
} // namespace

namespace pd {

namespace {

const QStringList kColumns = {QStringLiteral("name"),         QStringLiteral("email"),      QStringLiteral("phone"),
                              QStringLiteral("external_id"),  QStringLiteral("controller"), QStringLiteral("purpose"),
                              QStringLiteral("collected_at"), QStringLiteral("source")};

struct Row
{
    int number = 0;
    QHash<QString, QString> values;
    qint64 controllerId = 0;
    qint64 purposeId = 0;
    QString collectedAt;
};

/// Codes the file may name, read once.
struct Lookups
{
    QHash<QString, qint64> controllers;
    QHash<QString, std::pair<qint64, qint64>> purposes; ///< code -> (id, controller id)
    qint64 ownController = 0;
    QSet<QString> externalIds;
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
    if (!query.exec(QStringLiteral("SELECT code, id, controller_id FROM purposes"))) {
        return sql::queryError(query, "reading purposes");
    }
    while (query.next()) {
        lookups.purposes.insert(query.value(0).toString(), {query.value(1).toLongLong(), query.value(2).toLongLong()});
    }
    if (!query.exec(QStringLiteral("SELECT external_id FROM subjects WHERE external_id IS NOT NULL"))) {
        return sql::queryError(query, "reading external ids");
    }
    while (query.next()) {
        lookups.externalIds.insert(query.value(0).toString());
    }
    return lookups;
}

/// Empty when the row is good; otherwise what is wrong with it.
QString checkRow(Row &row, Lookups &lookups, QSet<QString> &seenIds, bool storedByThisRun)
{
    const auto value = [&row](const char *column) { return row.values.value(QLatin1String(column)).trimmed(); };
    for (auto it = row.values.cbegin(); it != row.values.cend(); ++it) {
        const FieldRules::Text kind =
            it.key() == QLatin1String("name") ? FieldRules::Text::Name : FieldRules::Text::Line;
        if (const QString problem = FieldRules::textProblem(it.key(), it.value(), kind); !problem.isEmpty()) {
            return problem;
        }
    }
    if (value("name").isEmpty() && value("email").isEmpty()) {
        return Tr::tr("field 'name': a name or an e-mail is required");
    }
    for (const char *field : {"email", "phone"}) {
        if (!value(field).isEmpty()) {
            if (const QString problem = FieldRules::valueProblem(QLatin1String(field), value(field));
                !problem.isEmpty()) {
                return problem;
            }
        }
    }
    const QString controller = value("controller");
    row.controllerId = controller.isEmpty() ? lookups.ownController : lookups.controllers.value(controller);
    if (row.controllerId == 0) {
        return controller.isEmpty() ? Tr::tr("field 'controller': required (the database has no own controller)")
                                    : Tr::tr("field 'controller': no controller with this code");
    }
    const auto purpose = lookups.purposes.constFind(value("purpose"));
    if (purpose == lookups.purposes.constEnd()) {
        return value("purpose").isEmpty() ? Tr::tr("field 'purpose': required")
                                          : Tr::tr("field 'purpose': no purpose with this code");
    }
    if (purpose->second != row.controllerId) {
        // Data is collected by a controller for its own purposes (or a client's, on its instructions).
        return Tr::tr("field 'purpose': the purpose belongs to another controller");
    }
    row.purposeId = purpose->first;
    const QString collected = value("collected_at");
    if (collected.isEmpty()) {
        row.collectedAt = sql::nowTimestamp();
    } else {
        QDateTime when = QDateTime::fromString(collected, Qt::ISODate);
        if (!when.isValid()) {
            const QDate date = QDate::fromString(collected, Qt::ISODate);
            when = date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
        }
        if (!when.isValid() || when > QDateTime::currentDateTimeUtc()) {
            return Tr::tr("field 'collected_at': not a date in the past as YYYY-MM-DD");
        }
        row.collectedAt = sql::timestamp(when);
    }
    const QString externalId = value("external_id");
    if (!externalId.isEmpty()) {
        if (seenIds.contains(externalId)) {
            return Tr::tr("field 'external_id': the same id appears on an earlier row");
        }
        seenIds.insert(externalId);
        // Rows an interrupted run of this file stored already are in the database by their own id.
        if (!storedByThisRun && lookups.externalIds.contains(externalId)) {
            return Tr::tr("field 'external_id': a subject with this id is already stored");
        }
    }
    return {};
}

Status storeRow(QSqlDatabase &tx, const Row &row, const QString &source)
{
    const auto value = [&row](const char *column) { return row.values.value(QLatin1String(column)).trimmed(); };
    const QString name = value("name");
    const QString email = value("email");
    const QString phone = value("phone");
    const QString now = sql::nowTimestamp();
    Result<QVariant> id = sql::scalar(
        tx,
        QStringLiteral(
            "INSERT INTO subjects (external_id, controller_id, display_name, email, phone, name_key, "
            "email_key, phone_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {value("external_id").isEmpty() ? QVariant(QString()) : value("external_id"), row.controllerId, sql::text(name),
         sql::text(email), sql::text(phone), sql::text(searchkeys::name(name)), sql::text(searchkeys::email(email)),
         sql::text(searchkeys::phone(phone)), now, now},
        "storing a subject");
    if (!id) {
        return id.error();
    }
    const QString rowSource = value("source").isEmpty() ? source : value("source");
    QSqlQuery query(tx);
    for (const auto &[field, content] :
         {std::pair<const char *, QString>{"name", name}, {"email", email}, {"phone", phone}}) {
        if (content.isEmpty()) {
            continue;
        }
        if (Status status =
                sql::exec(query,
                          QStringLiteral("INSERT INTO pd_items (subject_id, purpose_id, category, field, "
                                         "value, source, collected_at) VALUES (?, ?, 'account', ?, ?, ?, ?)"),
                          {id.value(), row.purposeId, QLatin1String(field), content, rowSource, row.collectedAt},
                          "storing an item");
            !status) {
            return status;
        }
    }
    return SubjectIndex::refresh(tx, id.value().toLongLong());
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

Result<ImportService::Summary> ImportService::importFile(Database &database, const Session &who, const QString &path,
                                                         bool keepGoing)
{
    if (Status allowed = Permissions::check(who, Action::ImportData); !allowed) {
        return allowed.error();
    }
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
    return importText(database, who, text, QFileInfo(path).fileName(), keepGoing);
}

Result<ImportService::Summary> ImportService::importText(Database &database, const Session &who, const QString &text,
                                                         const QString &fileName, bool keepGoing, int batchRows)
{
    if (Status allowed = Permissions::check(who, Action::ImportData); !allowed) {
        return allowed.error();
    }
    CsvReader reader(text);
    Summary summary;
    if (!reader.next(&summary.header)) {
        return makeError(ErrorCode::InvalidArgument, reader.error().isEmpty()
                                                         ? Tr::tr("%1: the file is empty").arg(fileName)
                                                         : QStringLiteral("%1: %2").arg(fileName, reader.error()));
    }
    QSet<QString> seenColumns;
    for (QString &column : summary.header) {
        column = column.trimmed().toLower();
        if (!kColumns.contains(column)) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("%1: row 1: unknown column '%2' (expected: %3)")
                                 .arg(fileName,
                                      FieldRules::textProblem(QString(), column, FieldRules::Text::Name).isEmpty()
                                          ? column
                                          : QStringLiteral("?"),
                                      kColumns.join(QStringLiteral(", "))));
        }
        if (seenColumns.contains(column)) {
            // Which of the two would hold the value? Guessing would store the wrong one.
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("%1: row 1: column '%2' appears twice").arg(fileName, column));
        }
        seenColumns.insert(column);
    }
    if (!summary.header.contains(QStringLiteral("purpose")) ||
        (!summary.header.contains(QStringLiteral("name")) && !summary.header.contains(QStringLiteral("email")))) {
        return makeError(
            ErrorCode::InvalidArgument,
            Tr::tr("%1: row 1: the header needs a 'purpose' column and a 'name' or 'email' column").arg(fileName));
    }
    QSqlDatabase db = database.connection();
    Result<Lookups> lookups = readLookups(db);
    if (!lookups) {
        return lookups.error();
    }
    // An unfinished run of the same content is carried on (its stored rows are skipped when storing).
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    Result<QVariant> unfinished =
        sql::scalar(db,
                    QStringLiteral("SELECT rows_done FROM import_runs WHERE file_sha256 = ? AND status = 'running' "
                                   "ORDER BY id DESC"),
                    {QString::fromLatin1(digest.toHex())}, "reading earlier imports");
    if (!unfinished) {
        return unfinished.error();
    }
    const int storedBefore = unfinished.value().toInt();
    QList<Row> good;
    QSet<QString> seenIds;
    QStringList fields;
    while (reader.next(&fields)) {
        if (fields.size() == 1 && fields.first().trimmed().isEmpty()) {
            continue; // a blank line
        }
        Row row;
        row.number = reader.row();
        QString problem;
        if (fields.size() != summary.header.size()) {
            problem = Tr::tr("expected %1 fields, found %2").arg(summary.header.size()).arg(fields.size());
        } else {
            for (int i = 0; i < fields.size(); ++i) {
                row.values.insert(summary.header.at(i), fields.at(i));
            }
            problem = checkRow(row, lookups.value(), seenIds, row.number <= storedBefore);
        }
        if (problem.isEmpty()) {
            good.append(row);
            continue;
        }
        if (!keepGoing) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("%1: row %2, %3; nothing was imported").arg(fileName).arg(row.number).arg(problem));
        }
        summary.rejected.append({row.number, problem, fields});
    }
    if (!reader.error().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1: %2; nothing was imported").arg(fileName, reader.error()));
    }
    if (good.isEmpty()) {
        return summary;
    }
    const QString source = Tr::tr("import of %1").arg(fileName);
    Result<Run> run = beginRun(database, who, fileName, digest, reader.row());
    if (!run) {
        return run.error();
    }
    summary.resumedAfterRow = run->lastRow;
    int imported = run->imported;
    QList<Row> toStore;
    for (const Row &row : qAsConst(good)) {
        if (row.number > run->lastRow) {
            toStore.append(row);
        }
    }
    batchRows = std::max(1, batchRows);
    for (int start = 0; start < toStore.size(); start += batchRows) {
        const int end = std::min(int(toStore.size()), start + batchRows);
        const int lastRow = toStore.at(end - 1).number;
        Status stored = database.transaction([&](QSqlDatabase &tx) -> Status {
            for (int i = start; i < end; ++i) {
                const Row &row = toStore.at(i);
                if (Status status = storeRow(tx, row, source); !status) {
                    return makeError(
                        status.error().code,
                        Tr::tr("%1: row %2: %3").arg(fileName).arg(row.number).arg(status.error().message));
                }
            }
            QSqlQuery query(tx);
            if (Status status = sql::exec(query,
                                          QStringLiteral("UPDATE import_runs SET rows_done = ?, imported = ? "
                                                         "WHERE id = ?"),
                                          {lastRow, imported + (end - start), run->id}, "recording the import");
                !status) {
                return status;
            }
            AuditEntry entry;
            entry.action = QStringLiteral("subject.import");
            entry.objectType = QStringLiteral("file");
            entry.objectId = fileName;
            entry.fields = summary.header;
            entry.details = QStringLiteral("run=%1 rows=%2-%3 imported=%4")
                                .arg(run->id)
                                .arg(toStore.at(start).number)
                                .arg(lastRow)
                                .arg(end - start);
            ChangeNotifier::notify(tx, QStringLiteral("subjects"));
            return AuditLog::append(tx, who, entry);
        });
        if (!stored) {
            const QString done = imported > 0 ? Tr::tr("; %1 rows up to row %2 were stored, import the same file "
                                                       "again to carry on")
                                                    .arg(imported)
                                                    .arg(toStore.at(start).number - 1)
                                              : QString();
            return makeError(stored.error().code, stored.error().message + done);
        }
        imported += end - start;
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
    QStringList header = summary.header;
    header << QStringLiteral("row") << QStringLiteral("problem");
    QString text = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const Rejected &rejected : summary.rejected) {
        QStringList cells;
        for (const QString &field : rejected.fields) {
            cells << CsvReader::quote(field);
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
