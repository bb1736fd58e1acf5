#include "app/subjects/ImportWriter_p.h"

#include "app/access/AuditLog.h"
#include "app/domain/SearchKeys.h"
#include "app/domain/SearchTerms.h"
#include "app/storage/BatchInserter.h"
#include "app/storage/Dialect.h"
#include "app/storage/Sql.h"
#include "app/storage/SubjectIndex.h"
#include "app/subjects/SubjectChanges_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::ImportService)
};
} // namespace

namespace pd::importing {

namespace {

constexpr int kLookupChunk = 500;

/// "column IN (the texts bound as one JSON array)", on either backend.
QString inTexts(const QSqlDatabase &db, const char *column)
{
    return dialectOf(db) == Dialect::PostgreSQL
               ? QStringLiteral("%1 IN (SELECT json_array_elements_text(CAST(? AS json)))").arg(QLatin1String(column))
               : QStringLiteral("%1 IN (SELECT value FROM json_each(?))").arg(QLatin1String(column));
}

QString jsonList(const QStringList &texts)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(texts)).toJson(QJsonDocument::Compact));
}

QString commaList(QStringList values)
{
    values.removeDuplicates();
    values.sort();
    return values.isEmpty() ? QStringLiteral("") : QLatin1Char(',') + values.join(QLatin1Char(',')) + QLatin1Char(',');
}

/// Ids for `count` new subjects: above every id on SQLite (the transaction holds the write lock), drawn from the
/// identity's sequence on PostgreSQL (other sessions draw theirs concurrently).
Result<QList<qint64>> newIds(QSqlDatabase &tx, int count)
{
    QList<qint64> ids;
    QSqlQuery query(tx);
    query.setForwardOnly(true);
    if (dialectOf(tx) == Dialect::PostgreSQL) {
        if (Status status = sql::exec(query,
                                      QStringLiteral("SELECT nextval(pg_get_serial_sequence('subjects', 'id')) FROM "
                                                     "generate_series(1, ?)"),
                                      {count}, "numbering the new subjects");
            !status) {
            return status.error();
        }
        while (query.next()) {
            ids << query.value(0).toLongLong();
        }
        return ids;
    }
    Result<QVariant> top =
        sql::scalar(tx, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM subjects"), {}, "numbering the new subjects");
    if (!top) {
        return top.error();
    }
    for (int i = 1; i <= count; ++i) {
        ids << top->toLongLong() + i;
    }
    return ids;
}

Status createSubjects(QSqlDatabase &tx, const QList<const Row *> &rows)
{
    Result<QList<qint64>> ids = newIds(tx, int(rows.size()));
    if (!ids) {
        return ids.error();
    }
    BatchInserter subjects(tx, QStringLiteral("subjects"),
                           {QStringLiteral("id"), QStringLiteral("external_id"), QStringLiteral("controller_id"),
                            QStringLiteral("display_name"), QStringLiteral("email"), QStringLiteral("phone"),
                            QStringLiteral("name_key"), QStringLiteral("email_key"), QStringLiteral("phone_key"),
                            QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("categories"),
                            QStringLiteral("purpose_ids")},
                           100);
    BatchInserter items(tx, QStringLiteral("pd_items"),
                        {QStringLiteral("subject_id"), QStringLiteral("purpose_id"), QStringLiteral("category"),
                         QStringLiteral("field"), QStringLiteral("value"), QStringLiteral("source"),
                         QStringLiteral("collected_at")},
                        200);
    BatchInserter terms(tx, QStringLiteral("subject_terms"), {QStringLiteral("term"), QStringLiteral("subject_id")},
                        400);
    BatchInserter consents(tx, QStringLiteral("consents"),
                           {QStringLiteral("subject_id"), QStringLiteral("purpose_id"),
                            QStringLiteral("policy_version"), QStringLiteral("given_at"), QStringLiteral("channel")},
                           100);
    // The subjects first, then what refers to them: each inserter fills whole statements (a parent flushed early
    // would prepare a statement for every short remainder).
    const QString now = sql::nowTimestamp();
    QList<QStringList> ipsOf;
    ipsOf.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &row = *rows.at(i);
        QStringList categories;
        QStringList ips;
        for (const ItemValue &item : row.items) {
            categories << item.category;
            if (item.field == QLatin1String("ip")) {
                ips << item.value;
            }
        }
        ipsOf << ips;
        if (Status status =
                subjects.add({ids->at(i), row.externalId.isEmpty() ? QVariant(QString()) : QVariant(row.externalId),
                              row.controllerId, sql::text(row.name), sql::text(row.email), sql::text(row.phone),
                              sql::text(searchkeys::nameSortKey(row.name)), sql::text(searchkeys::email(row.email)),
                              sql::text(searchkeys::phone(row.phone)), now, now, commaList(categories),
                              QString(QLatin1Char(',') + QString::number(row.purposeId) + QLatin1Char(','))});
            !status) {
            return status;
        }
    }
    if (Status status = subjects.flush(); !status) {
        return status;
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &row = *rows.at(i);
        const qint64 id = ids->at(i);
        for (const ItemValue &item : row.items) {
            if (Status status =
                    items.add({id, row.purposeId, item.category, item.field, item.value, row.source, row.collectedAt});
                !status) {
                return status;
            }
        }
        for (const QString &term : searchterms::forSubject(row.name, ipsOf.at(i))) {
            if (Status status = terms.add({term, id}); !status) {
                return status;
            }
        }
        if (!row.consentGivenAt.isEmpty()) {
            if (Status status =
                    consents.add({id, row.purposeId, row.policyVersion, row.consentGivenAt, QStringLiteral("import")});
                !status) {
                return status;
            }
        }
    }
    for (BatchInserter *inserter : {&items, &terms, &consents}) {
        if (Status status = inserter->flush(); !status) {
            return status;
        }
    }
    return {};
}

/// Updates one existing subject from a row; returns whether anything changed.
Result<bool> updateSubject(QSqlDatabase &tx, const Session &who, const Row &row, const QString &fileName)
{
    Result<QVariant> state =
        sql::scalar(tx, QStringLiteral("SELECT state FROM subjects WHERE id = ?") + sql::forUpdate(tx),
                    {row.existingId}, "reading the subject");
    if (!state) {
        return state.error();
    }
    if (state->toString() != QLatin1String("active")) {
        return makeError(ErrorCode::Conflict, Tr::tr("row %1: subject #%2 was blocked, anonymized or deleted meanwhile")
                                                  .arg(row.number)
                                                  .arg(row.existingId));
    }
    QSqlQuery query(tx);
    QStringList corrected;
    QStringList added;
    for (const ItemValue &item : row.items) {
        if (Status status = sql::exec(query,
                                      QStringLiteral("SELECT id, value FROM pd_items WHERE subject_id = ? AND "
                                                     "category = ? AND field = ? AND purpose_id = ? AND state = "
                                                     "'active' ORDER BY id"),
                                      {row.existingId, item.category, item.field, row.purposeId}, "reading the items");
            !status) {
            return status.error();
        }
        if (query.next()) {
            const qint64 itemId = query.value(0).toLongLong();
            const bool same = query.value(1).toString() == item.value;
            query.finish();
            if (same) {
                continue;
            }
            if (Status status = sql::exec(query,
                                          QStringLiteral("UPDATE pd_items SET value = ?, version = version + 1 WHERE "
                                                         "id = ?"),
                                          {item.value, itemId}, "correcting an item");
                !status) {
                return status.error();
            }
            corrected << item.field;
            continue;
        }
        query.finish();
        if (Status status = sql::exec(
                query,
                QStringLiteral("INSERT INTO pd_items (subject_id, purpose_id, category, field, "
                               "value, source, collected_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {row.existingId, row.purposeId, item.category, item.field, item.value, row.source, row.collectedAt},
                "adding an item");
            !status) {
            return status.error();
        }
        added << item.field;
    }
    bool consented = false;
    if (!row.consentGivenAt.isEmpty()) {
        Result<QVariant> held = sql::scalar(tx,
                                            QStringLiteral("SELECT COUNT(*) FROM consents WHERE subject_id = ? AND "
                                                           "purpose_id = ? AND policy_version = ? AND withdrawn_at IS "
                                                           "NULL"),
                                            {row.existingId, row.purposeId, row.policyVersion}, "reading the consents");
        if (!held) {
            return held.error();
        }
        if (held->toInt() == 0) {
            if (Status status = sql::exec(query,
                                          QStringLiteral("INSERT INTO consents (subject_id, purpose_id, "
                                                         "policy_version, given_at, channel) VALUES (?, ?, ?, ?, "
                                                         "'import')"),
                                          {row.existingId, row.purposeId, row.policyVersion, row.consentGivenAt},
                                          "recording the consent");
                !status) {
                return status.error();
            }
            consented = true;
        }
    }
    if (corrected.isEmpty() && added.isEmpty() && !consented) {
        return false;
    }
    const QStringList changed = corrected + added;
    const QHash<QString, QString> shown = {
        {QStringLiteral("name"), row.name}, {QStringLiteral("email"), row.email}, {QStringLiteral("phone"), row.phone}};
    for (const QString &field : changed) {
        if (shown.contains(field)) {
            if (Status status = subjectchanges::setListing(tx, row.existingId, field, shown.value(field)); !status) {
                return status.error();
            }
        }
    }
    if (Status status =
            sql::exec(query, QStringLiteral("UPDATE subjects SET version = version + 1, updated_at = ? WHERE id = ?"),
                      {sql::nowTimestamp(), row.existingId}, "updating the subject");
        !status) {
        return status.error();
    }
    if (Status status = SubjectIndex::refresh(tx, row.existingId); !status) {
        return status.error();
    }
    AuditEntry entry;
    entry.action = QStringLiteral("subject.update");
    entry.objectType = QStringLiteral("subject");
    entry.objectId = QString::number(row.existingId);
    entry.subjectId = row.existingId;
    entry.fields = changed;
    entry.details = QStringLiteral("import=%1 row=%2 corrected=%3 added=%4%5")
                        .arg(fileName)
                        .arg(row.number)
                        .arg(corrected.size())
                        .arg(added.size())
                        .arg(consented ? QStringLiteral(" consent=given") : QString());
    if (Status audited = AuditLog::append(tx, who, entry); !audited) {
        return audited.error();
    }
    return true;
}

} // namespace

Result<QHash<int, Existing>> findExisting(QSqlDatabase &db, const QList<Row> &rows)
{
    QHash<int, Existing> found;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    for (qsizetype start = 0; start < rows.size(); start += kLookupChunk) {
        const auto chunkBegin = rows.cbegin() + start;
        const auto chunkEnd = rows.cbegin() + std::min(rows.size(), start + kLookupChunk);
        QStringList externalIds;
        QStringList emailKeys;
        for (auto it = chunkBegin; it != chunkEnd; ++it) {
            const Row &row = *it;
            if (!row.externalId.isEmpty()) {
                externalIds << row.externalId;
            }
            if (!row.email.isEmpty()) {
                emailKeys << searchkeys::email(row.email);
            }
        }
        if (externalIds.isEmpty() && emailKeys.isEmpty()) {
            continue;
        }
        if (Status status = sql::exec(query,
                                      QStringLiteral("SELECT id, controller_id, COALESCE(external_id, ''), email_key, "
                                                     "state FROM subjects WHERE (%1 OR %2) AND state <> 'anonymized'")
                                          .arg(inTexts(db, "external_id"), inTexts(db, "email_key")),
                                      {jsonList(externalIds), jsonList(emailKeys)}, "finding the subjects");
            !status) {
            return status.error();
        }
        QHash<std::pair<qint64, QString>, Existing> byExternalId;
        QHash<std::pair<qint64, QString>, Existing> byEmail;
        while (query.next()) {
            const Existing existing{query.value(0).toLongLong(), query.value(4).toString()};
            const qint64 controller = query.value(1).toLongLong();
            if (!query.value(2).toString().isEmpty()) {
                byExternalId.insert({controller, query.value(2).toString()}, existing);
            }
            if (!query.value(3).toString().isEmpty()) {
                // The oldest subject with the e-mail is the one the row means.
                const auto key = std::make_pair(controller, query.value(3).toString());
                if (!byEmail.contains(key) || byEmail.value(key).id > existing.id) {
                    byEmail.insert(key, existing);
                }
            }
        }
        query.finish();
        for (auto it = chunkBegin; it != chunkEnd; ++it) {
            const Row &row = *it;
            const auto byId = byExternalId.constFind({row.controllerId, row.externalId});
            if (!row.externalId.isEmpty() && byId != byExternalId.constEnd()) {
                found.insert(row.number, byId.value());
                continue;
            }
            const auto byMail = byEmail.constFind({row.controllerId, searchkeys::email(row.email)});
            if (!row.email.isEmpty() && byMail != byEmail.constEnd()) {
                found.insert(row.number, byMail.value());
            }
        }
    }
    return found;
}

Result<Stored> storeRows(QSqlDatabase &tx, const Session &who, const Row *begin, const Row *end,
                         const QString &fileName)
{
    Stored stored;
    QList<const Row *> fresh;
    fresh.reserve(end - begin);
    for (const Row *it = begin; it != end; ++it) {
        const Row &row = *it;
        if (row.existingId > 0) {
            Result<bool> changed = updateSubject(tx, who, row, fileName);
            if (!changed) {
                return changed.error();
            }
            ++(changed.value() ? stored.updated : stored.unchanged);
        } else {
            fresh << &row;
        }
    }
    if (!fresh.isEmpty()) {
        if (Status status = createSubjects(tx, fresh); !status) {
            return status.error();
        }
    }
    stored.created = int(fresh.size());
    return stored;
}

} // namespace pd::importing
