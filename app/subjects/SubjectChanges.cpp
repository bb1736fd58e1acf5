#include "app/domain/FieldRules.h"
#include "app/subjects/SubjectChanges_p.h"

#include "app/access/AuditLog.h"
#include "app/domain/Anonymization.h"
#include "app/domain/SearchKeys.h"
#include "app/storage/BatchInserter.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Dialect.h"
#include "app/storage/Sql.h"
#include "app/storage/SubjectIndex.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QVector>

#include <sqlite3.h>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::SubjectChanges)
};
} // namespace

namespace pd::subjectchanges {

Status requireReason(const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("a reason is required"));
    }
    return FieldRules::checkText(QStringLiteral("reason"), reason, FieldRules::Text::Multiline);
}

const QList<ListingColumn> &listingColumns()
{
    static const QList<ListingColumn> columns = {{"name", "display_name", "name_key", &searchkeys::nameSortKey},
                                                 {"email", "email", "email_key", &searchkeys::email},
                                                 {"phone", "phone", "phone_key", &searchkeys::phone}};
    return columns;
}

Status setListing(QSqlDatabase &tx, qint64 subjectId, const QString &field, const QString &value)
{
    for (const ListingColumn &column : listingColumns()) {
        if (field == QLatin1String(column.field)) {
            QSqlQuery query(tx);
            return sql::exec(query,
                             QStringLiteral("UPDATE subjects SET %1 = ?, %2 = ? WHERE id = ?")
                                 .arg(QLatin1String(column.column), QLatin1String(column.key)),
                             {sql::text(value), sql::text(column.makeKey(value)), subjectId},
                             "updating the subject's listing");
        }
    }
    return {};
}

AuditEntry subjectEntry(const char *action, qint64 subjectId, const QString &reason, std::optional<qint64> requestId)
{
    AuditEntry entry;
    entry.action = QLatin1String(action);
    entry.objectType = QStringLiteral("subject");
    entry.objectId = QString::number(subjectId);
    entry.subjectId = subjectId;
    entry.requestId = requestId;
    entry.reason = reason.trimmed();
    return entry;
}

Result<SubjectState> readState(QSqlDatabase &tx, qint64 subjectId)
{
    QSqlQuery query(tx);
    if (Status status = sql::exec(
            query, QStringLiteral("SELECT state, version, updated_at FROM subjects WHERE id = ?") + sql::forUpdate(tx),
            {subjectId}, "reading the subject");
        !status) {
        return status.error();
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound, Tr::tr("there is no subject #%1").arg(subjectId));
    }
    return SubjectState{query.value(0).toString(), query.value(1).toInt(), query.value(2).toString()};
}

/// Moves the subject to its next version, provided nobody changed it since `expected` was read (-1: no check).
Status bumpVersion(QSqlDatabase &tx, qint64 subjectId, int expected)
{
    QSqlQuery query(tx);
    if (expected < 0) {
        return sql::exec(query,
                         QStringLiteral("UPDATE subjects SET version = version + 1, updated_at = ? WHERE id = ?"),
                         {sql::nowTimestamp(), subjectId}, "updating the subject");
    }
    if (Status status = sql::exec(query,
                                  QStringLiteral("UPDATE subjects SET version = version + 1, updated_at = ? "
                                                 "WHERE id = ? AND version = ?"),
                                  {sql::nowTimestamp(), subjectId, expected}, "updating the subject");
        !status) {
        return status;
    }
    if (query.numRowsAffected() == 1) {
        return {};
    }
    Result<SubjectState> current = readState(tx, subjectId);
    if (!current) {
        return current.error();
    }
    return makeError(ErrorCode::Conflict,
                     Tr::tr("subject #%1 was changed by someone else at %2 (version %3, you edited version %4); "
                            "nothing was saved: look at the newer values and try again")
                         .arg(subjectId)
                         .arg(current->updatedAt)
                         .arg(current->version)
                         .arg(expected));
}

Status refuseUnless(const SubjectState &state, qint64 subjectId, const char *allowedState)
{
    if (state.state == QLatin1String(allowedState)) {
        return {};
    }
    if (state.state == QLatin1String("anonymized")) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("subject #%1 is anonymized: nothing of it can change").arg(subjectId));
    }
    if (state.state == QLatin1String("blocked")) {
        return makeError(
            ErrorCode::InvalidArgument,
            Tr::tr("subject #%1 is blocked: its data is read-only until the block is lifted").arg(subjectId));
    }
    return makeError(ErrorCode::InvalidArgument, Tr::tr("subject #%1 is not blocked").arg(subjectId));
}

Status blockIn(QSqlDatabase &tx, const Session &who, const RestrictionService::Restriction &restriction,
               std::optional<int> expectedVersion)
{
    if (expectedVersion) {
        if (Status status = bumpVersion(tx, restriction.subjectId, *expectedVersion); !status) {
            return status;
        }
    } else {
        QSqlQuery touch(tx);
        if (Status status = sql::exec(touch,
                                      QStringLiteral("UPDATE subjects SET version = version + 1, updated_at = ? "
                                                     "WHERE id = ?"),
                                      {sql::nowTimestamp(), restriction.subjectId}, "updating the subject");
            !status) {
            return status;
        }
    }
    QSqlQuery query(tx);
    QStringList fields;
    const QString until = restriction.until.isValid() ? restriction.until.toString(Qt::ISODate) : QString();
    if (restriction.itemIds.isEmpty()) {
        if (Status status = sql::exec(
                query,
                QStringLiteral("UPDATE subjects SET state = 'blocked', blocked_reason = ?, "
                               "blocked_until = ? WHERE id = ?"),
                {restriction.reason.trimmed(), until.isEmpty() ? QVariant(QString()) : until, restriction.subjectId},
                "blocking the subject");
            !status) {
            return status;
        }
        if (Status status = sql::exec(query,
                                      QStringLiteral("UPDATE pd_items SET state = 'blocked', blocked_reason = ? "
                                                     "WHERE subject_id = ? AND state = 'active'"),
                                      {restriction.reason.trimmed(), restriction.subjectId}, "blocking the items");
            !status) {
            return status;
        }
        fields << QStringLiteral("*");
    } else {
        for (qint64 itemId : restriction.itemIds) {
            if (Status status =
                    sql::exec(query,
                              QStringLiteral("UPDATE pd_items SET state = 'blocked', blocked_reason = ? "
                                             "WHERE id = ? AND subject_id = ? AND state = 'active' "
                                             "RETURNING field"),
                              {restriction.reason.trimmed(), itemId, restriction.subjectId}, "blocking an item");
                !status) {
                return status;
            }
            if (!query.next()) {
                return makeError(ErrorCode::NotFound,
                                 Tr::tr("subject #%1 has no active item #%2").arg(restriction.subjectId).arg(itemId));
            }
            fields << query.value(0).toString();
            query.finish();
        }
    }
    AuditEntry entry = subjectEntry("subject.block", restriction.subjectId, restriction.reason, restriction.requestId);
    entry.fields = fields;
    entry.details = until.isEmpty() ? QString() : QStringLiteral("until=%1").arg(until);
    ChangeNotifier::notify(tx, QStringLiteral("subjects"));
    return AuditLog::append(tx, who, entry);
}

namespace {

/// The distinct fields of each subject's items.
using FieldsBySubject = QHash<qint64, QStringList>;

/// Locks the subjects (in id order, so that two bulk actions never wait for each other in a cycle) and returns
/// their states; a subject that is gone is missing from the result.
Result<QHash<qint64, QString>> lockStates(QSqlDatabase &tx, const QList<qint64> &ids)
{
    QSqlQuery query(tx);
    query.setForwardOnly(true);
    if (Status status =
            sql::exec(query,
                      QStringLiteral("SELECT id, state FROM subjects WHERE %1 ORDER BY id").arg(sql::inIds(tx, "id")) +
                          sql::forUpdate(tx),
                      {sql::idList(tx, ids)}, "reading the subjects");
        !status) {
        return status.error();
    }
    QHash<qint64, QString> states;
    while (query.next()) {
        states.insert(query.value(0).toLongLong(), query.value(1).toString());
    }
    return states;
}

/// Copies of the subjects' data given out for access or portability requests go with the data itself.
Status purgeRequestCopies(QSqlDatabase &tx, const QVariant &idList)
{
    QSqlQuery query(tx);
    // The requests stay (the register of requests is kept) and remember that their subject was erased: the
    // register then withholds the requester's identity values.
    if (Status marked =
            sql::exec(query,
                      QStringLiteral("UPDATE requests SET subject_erased = 'S-' || CAST(subject_id AS TEXT) "
                                     "WHERE subject_erased IS NULL AND %1")
                          .arg(sql::inIds(tx, "subject_id")),
                      {idList}, "marking the requests of erased subjects");
        !marked) {
        return marked;
    }
    return sql::exec(query,
                     QStringLiteral("DELETE FROM request_documents WHERE kind = 'subject-data' AND request_id IN "
                                    "(SELECT id FROM requests WHERE %1)")
                         .arg(sql::inIds(tx, "subject_id")),
                     {idList}, "removing copies of the subjects' data");
}

QVariant optionalId(std::optional<qint64> id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qlonglong>());
}

/// "'a', 'b'" for a list of our own field names (identifiers, never user text).
QString literals(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names) {
        Q_ASSERT(!name.contains(QLatin1Char('\'')));
        quoted << QLatin1Char('\'') + name + QLatin1Char('\'');
    }
    return quoted.join(QStringLiteral(", "));
}

/// The distinct fields of each subject's items, for its audit entry.
Result<FieldsBySubject> fieldsOf(QSqlDatabase &tx, const QVariant &idList)
{
    QSqlQuery query(tx);
    query.setForwardOnly(true);
    const QString aggregate = dialectOf(tx) == Dialect::PostgreSQL ? QStringLiteral("string_agg(DISTINCT field, ',')")
                                                                   : QStringLiteral("group_concat(DISTINCT field)");
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT subject_id, %1 FROM pd_items WHERE %2 GROUP BY subject_id")
                                      .arg(aggregate, sql::inIds(tx, "subject_id")),
                                  {idList}, "reading the fields");
        !status) {
        return status.error();
    }
    FieldsBySubject fields;
    while (query.next()) {
        QStringList names = query.value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        names.sort();
        fields.insert(query.value(0).toLongLong(), names);
    }
    return fields;
}

/// pd_anonymize(subject_id, field, value) for SQLite: what Anonymization makes of the value, computed inside the
/// statement. It also notes each subject's fields (for the audit entries) in the FieldsBySubject it was given.
void sqliteAnonymize(sqlite3_context *context, int, sqlite3_value **arguments)
{
    const auto text = [](sqlite3_value *argument) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(argument)),
                                 sqlite3_value_bytes(argument));
    };
    const QString field = text(arguments[1]);
    QStringList &fields =
        (*static_cast<FieldsBySubject *>(sqlite3_user_data(context)))[sqlite3_value_int64(arguments[0])];
    if (!fields.contains(field)) {
        fields.append(field);
    }
    switch (Anonymization::strategyFor(field)) {
    case Anonymization::Strategy::Remove:
        sqlite3_result_text(context, "", 0, SQLITE_STATIC);
        return;
    case Anonymization::Strategy::Keep:
        sqlite3_result_value(context, arguments[2]);
        return;
    case Anonymization::Strategy::Generalize:
    case Anonymization::Strategy::Token:
        break;
    }
    const QByteArray result = Anonymization::apply(field, text(arguments[2])).toUtf8();
    sqlite3_result_text(context, result.constData(), int(result.size()), SQLITE_TRANSIENT);
}

/// Gives every item of the subjects what its field's strategy makes of it (Anonymization), and returns the fields
/// each subject had. SQLite runs the strategy as a function of the statement: one UPDATE for the whole batch.
/// PostgreSQL empties and keeps in one UPDATE and gets only the values to generalize or replace by a token from here.
Result<FieldsBySubject> anonymizeItems(QSqlDatabase &tx, const QVariant &set)
{
    const QString changed = QStringLiteral("state = 'anonymized', blocked_reason = NULL, source = '', "
                                           "version = version + 1");
    QSqlQuery query(tx);
    query.setForwardOnly(true);
    if (sqlite3 *handle = sql::sqliteHandle(tx)) {
        // Registered for this statement only (it points at `fields`), and DIRECTONLY: the schema (a trigger, a
        // view) can never call it.
        FieldsBySubject fields;
        const auto define = [handle](FieldsBySubject *target) {
            return sqlite3_create_function_v2(handle, "pd_anonymize", 3, SQLITE_UTF8 | SQLITE_DIRECTONLY, target,
                                              target ? &sqliteAnonymize : nullptr, nullptr, nullptr,
                                              nullptr) == SQLITE_OK;
        };
        if (!define(&fields)) {
            return makeError(ErrorCode::Storage, Tr::tr("cannot prepare the anonymization in SQLite"));
        }
        Status status =
            sql::exec(query,
                      QStringLiteral("UPDATE pd_items SET value = pd_anonymize(subject_id, field, value), %1 WHERE %2")
                          .arg(changed, sql::inIds(tx, "subject_id")),
                      {set}, "anonymizing the items");
        query.finish();
        define(nullptr);
        if (!status) {
            return status.error();
        }
        for (QStringList &names : fields) {
            names.sort();
        }
        return fields;
    }
    Result<FieldsBySubject> fields = fieldsOf(tx, set);
    if (!fields) {
        return fields.error();
    }
    const QString computed = literals(Anonymization::fieldsWith(Anonymization::Strategy::Generalize) +
                                      Anonymization::fieldsWith(Anonymization::Strategy::Token));
    const QString kept = literals(Anonymization::fieldsWith(Anonymization::Strategy::Keep));
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT id, field, value FROM pd_items WHERE %1 AND field IN (%2)")
                                      .arg(sql::inIds(tx, "subject_id"), computed),
                                  {set}, "reading the items");
        !status) {
        return status.error();
    }
    // Read to the end before writing: a forward-only result on PostgreSQL is lost when the connection runs
    // another statement.
    QVector<std::pair<qint64, QString>> changes;
    while (query.next()) {
        changes.append(
            {query.value(0).toLongLong(), Anonymization::apply(query.value(1).toString(), query.value(2).toString())});
    }
    query.finish();
    if (Status status = sql::exec(query,
                                  QStringLiteral("UPDATE pd_items SET value = CASE WHEN field IN (%1) THEN value "
                                                 "ELSE '' END, %2 WHERE %3 AND field NOT IN (%4)")
                                      .arg(kept, changed, sql::inIds(tx, "subject_id"), computed),
                                  {set}, "anonymizing the items");
        !status) {
        return status.error();
    }
    BatchInserter items(tx,
                        QStringLiteral("UPDATE pd_items AS i SET value = v.value, state = 'anonymized', "
                                       "blocked_reason = NULL, source = '', version = i.version + 1 "
                                       "FROM (VALUES %1) AS v (id, value) WHERE i.id = v.id"),
                        QStringLiteral("(CAST(? AS BIGINT), CAST(? AS TEXT))"), 2, 500);
    for (const auto &[itemId, value] : std::as_const(changes)) {
        if (Status status = items.add({itemId, value}); !status) {
            return status.error();
        }
    }
    if (Status status = items.flush(); !status) {
        return status.error();
    }
    return fields;
}

} // namespace

Result<qint64> anonymizeMany(QSqlDatabase &tx, const Session &who, const QList<qint64> &subjectIds,
                             const QString &reason, std::optional<qint64> requestId, qint64 approvalId)
{
    if (subjectIds.isEmpty()) {
        return qint64(0);
    }
    Result<QHash<qint64, QString>> states = lockStates(tx, subjectIds);
    if (!states) {
        return states.error();
    }
    QList<qint64> targets;
    for (qint64 id : subjectIds) {
        const QString state = states->value(id);
        if (!state.isEmpty() && state != QLatin1String("anonymized")) {
            targets << id;
        }
    }
    if (targets.isEmpty()) {
        return qint64(0);
    }
    const QVariant set = sql::idList(tx, targets);
    Result<FieldsBySubject> fields = anonymizeItems(tx, set);
    if (!fields) {
        return fields.error();
    }
    QSqlQuery query(tx);
    if (Status status = sql::exec(query,
                                  QStringLiteral("UPDATE subjects SET display_name = '', email = '', phone = '', "
                                                 "name_key = ?, email_key = '', phone_key = '', external_id = NULL, "
                                                 "state = 'anonymized', blocked_reason = NULL, blocked_until = NULL, "
                                                 "version = version + 1, updated_at = ? WHERE %1")
                                      .arg(sql::inIds(tx, "id")),
                                  {QString(searchkeys::kNoName), sql::nowTimestamp(), set}, "anonymizing the subjects");
        !status) {
        return status.error();
    }
    // Nothing of an anonymized subject is found by a search any more (its categories and purposes stay).
    if (Status status =
            sql::exec(query, QStringLiteral("DELETE FROM subject_terms WHERE %1").arg(sql::inIds(tx, "subject_id")),
                      {set}, "clearing the search terms");
        !status) {
        return status.error();
    }
    if (Status status = purgeRequestCopies(tx, set); !status) {
        return status.error();
    }
    QList<AuditEntry> entries;
    entries.reserve(targets.size());
    for (qint64 id : targets) {
        AuditEntry entry = subjectEntry("subject.anonymize", id, reason, requestId);
        entry.fields = fields->value(id);
        entry.details = approvalId > 0 ? QStringLiteral("approval=%1").arg(approvalId) : QString();
        entries << entry;
    }
    ChangeNotifier::notify(tx, QStringLiteral("subjects"));
    if (Status status = AuditLog::appendMany(tx, who, entries); !status) {
        return status.error();
    }
    return qint64(targets.size());
}

Result<qint64> eraseMany(QSqlDatabase &tx, const Session &who, const QList<qint64> &subjectIds, const QString &reason,
                         std::optional<qint64> requestId, qint64 approvalId)
{
    if (subjectIds.isEmpty()) {
        return qint64(0);
    }
    QSqlQuery query(tx);
    query.setForwardOnly(true);
    if (Status status = sql::exec(
            query,
            QStringLiteral("SELECT id, controller_id FROM subjects WHERE %1 ORDER BY id").arg(sql::inIds(tx, "id")) +
                sql::forUpdate(tx),
            {sql::idList(tx, subjectIds)}, "reading the subjects");
        !status) {
        return status.error();
    }
    QHash<qint64, QVariant> controllers;
    while (query.next()) {
        controllers.insert(query.value(0).toLongLong(), query.value(1));
    }
    query.finish();
    QList<qint64> targets;
    for (qint64 id : subjectIds) {
        if (controllers.contains(id)) {
            targets << id;
        }
    }
    if (targets.isEmpty()) {
        return qint64(0);
    }
    const QVariant set = sql::idList(tx, targets);
    // What the destruction act needs: which categories, fields and systems were destroyed.
    if (Status status =
            sql::exec(query,
                      QStringLiteral("SELECT DISTINCT i.subject_id, i.category, i.field, COALESCE(s.name, '') "
                                     "FROM pd_items i LEFT JOIN purposes p ON p.id = i.purpose_id "
                                     "LEFT JOIN information_systems s ON s.id = p.system_id "
                                     "WHERE %1 ORDER BY 1, 2, 3")
                          .arg(sql::inIds(tx, "i.subject_id")),
                      {set}, "reading the categories");
        !status) {
        return status.error();
    }
    struct Destroyed
    {
        QStringList categories;
        QStringList fields;
        QStringList systems;
    };
    QHash<qint64, Destroyed> destroyed;
    while (query.next()) {
        Destroyed &what = destroyed[query.value(0).toLongLong()];
        for (auto [list, column] :
             {std::pair<QStringList *, int>{&what.categories, 1}, {&what.fields, 2}, {&what.systems, 3}}) {
            const QString value = query.value(column).toString();
            if (!value.isEmpty() && !list->contains(value)) {
                list->append(value);
            }
        }
    }
    query.finish();
    if (Status status = purgeRequestCopies(tx, set); !status) {
        return status.error();
    }
    if (Status status = sql::exec(query, QStringLiteral("DELETE FROM subjects WHERE %1").arg(sql::inIds(tx, "id")),
                                  {set}, "deleting the subjects");
        !status) {
        return status.error();
    }
    BatchInserter facts(tx, QStringLiteral("deletion_log"),
                        {QStringLiteral("subject_ref"), QStringLiteral("controller_id"), QStringLiteral("deleted_at"),
                         QStringLiteral("categories"), QStringLiteral("systems"), QStringLiteral("method"),
                         QStringLiteral("reason"), QStringLiteral("operator_name"), QStringLiteral("request_id")},
                        50);
    const QString now = sql::nowTimestamp();
    QList<AuditEntry> entries;
    entries.reserve(targets.size());
    for (qint64 id : targets) {
        const Destroyed what = destroyed.value(id);
        if (Status status = facts.add({QStringLiteral("S-%1").arg(id), controllers.value(id), now,
                                       sql::text(what.categories.join(QStringLiteral(", "))),
                                       sql::text(what.systems.join(QStringLiteral(", "))),
                                       QStringLiteral("deletion from the database (secure delete)"), reason.trimmed(),
                                       who.name, optionalId(requestId)});
            !status) {
            return status.error();
        }
        AuditEntry entry = subjectEntry("subject.delete", id, reason, requestId);
        entry.fields = what.fields;
        entry.details = QStringLiteral("categories=%1%2")
                            .arg(what.categories.join(QLatin1Char('+')),
                                 approvalId > 0 ? QStringLiteral(" approval=%1").arg(approvalId) : QString());
        entries << entry;
    }
    if (Status status = facts.flush(); !status) {
        return status.error();
    }
    ChangeNotifier::notify(tx, QStringLiteral("subjects"));
    if (Status status = AuditLog::appendMany(tx, who, entries); !status) {
        return status.error();
    }
    return qint64(targets.size());
}

} // namespace pd::subjectchanges
