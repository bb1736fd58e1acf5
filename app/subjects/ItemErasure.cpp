#include "app/subjects/ItemErasure.h"

#include "app/access/AuditLog.h"
#include "app/domain/Anonymization.h"
#include "app/domain/Permissions.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"
#include "app/storage/SubjectIndex.h"
#include "app/subjects/SubjectChanges_p.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace pd {

namespace {

struct Locked
{
    QString state;
    QString hold;
    QVariant controllerId;
};

/// What the destruction act records of the items changed: their categories and the systems holding them.
struct Destroyed
{
    QStringList categories;
    QStringList fields;
    QStringList systems;

    void add(const QString &category, const QString &field, const QString &system)
    {
        for (auto [list, value] : {std::pair<QStringList *, const QString *>{&categories, &category},
                                   {&fields, &field},
                                   {&systems, &system}}) {
            if (!value->isEmpty() && !list->contains(*value)) {
                list->append(*value);
            }
        }
    }
};

Result<QHash<qint64, Locked>> lockSubjects(QSqlDatabase &tx, const QList<qint64> &ids)
{
    QSqlQuery query(tx);
    query.setForwardOnly(true);
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT id, state, COALESCE(legal_hold, ''), controller_id FROM "
                                                 "subjects WHERE %1 ORDER BY id")
                                          .arg(sql::inIds(tx, "id")) +
                                      sql::forUpdate(tx),
                                  {sql::idList(tx, ids)}, "reading the subjects");
        !status) {
        return status.error();
    }
    QHash<qint64, Locked> locked;
    while (query.next()) {
        locked.insert(query.value(0).toLongLong(),
                      {query.value(1).toString(), query.value(2).toString().trimmed(), query.value(3)});
    }
    return locked;
}

/// The items of the subjects that still hold data (not anonymized), with their state: to tell whether a subject
/// would keep any once its due items are gone.
Result<QHash<qint64, QHash<qint64, QString>>> liveItems(QSqlDatabase &tx, const QList<qint64> &subjects)
{
    QHash<qint64, QHash<qint64, QString>> items;
    if (subjects.isEmpty()) {
        return items;
    }
    QSqlQuery query(tx);
    query.setForwardOnly(true);
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT subject_id, id, state FROM pd_items WHERE %1 AND state <> "
                                                 "'anonymized'")
                                      .arg(sql::inIds(tx, "subject_id")),
                                  {sql::idList(tx, subjects)}, "reading the items");
        !status) {
        return status.error();
    }
    while (query.next()) {
        items[query.value(0).toLongLong()].insert(query.value(1).toLongLong(), query.value(2).toString());
    }
    return items;
}

Status logFact(QSqlDatabase &tx, const Session &who, qint64 subjectId, const QVariant &controllerId,
               const Destroyed &what, const QString &method, const QString &reason)
{
    QSqlQuery query(tx);
    return sql::exec(query,
                     QStringLiteral("INSERT INTO deletion_log (subject_ref, controller_id, deleted_at, categories, "
                                    "systems, method, reason, operator_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                     {QStringLiteral("S-%1").arg(subjectId), controllerId, sql::nowTimestamp(),
                      sql::text(what.categories.join(QStringLiteral(", "))),
                      sql::text(what.systems.join(QStringLiteral(", "))), method, reason.trimmed(), who.name},
                     "recording the deletion");
}

/// The list shows the account's name, e-mail and phone: after items of those `fields` went, it shows what the
/// subject still holds of them.
Status refreshListing(QSqlDatabase &tx, qint64 subjectId, const QStringList &fields)
{
    for (const subjectchanges::ListingColumn &column : subjectchanges::listingColumns()) {
        if (!fields.contains(QLatin1String(column.field))) {
            continue;
        }
        Result<QVariant> kept = sql::scalar(tx,
                                            QStringLiteral("SELECT MIN(value) FROM pd_items WHERE subject_id = ? AND "
                                                           "field = ? AND state <> 'anonymized' AND value <> ''"),
                                            {subjectId, QLatin1String(column.field)}, "reading the items");
        if (!kept) {
            return kept.error();
        }
        if (Status status = subjectchanges::setListing(tx, subjectId, QLatin1String(column.field), kept->toString());
            !status) {
            return status;
        }
    }
    return SubjectIndex::refresh(tx, subjectId);
}

/// Deletes or anonymizes the active items of one subject that stays. Returns how many of each changed.
Result<std::pair<qint64, qint64>> changeItems(QSqlDatabase &tx, const Session &who, qint64 subjectId,
                                              const Locked &subject, const ItemErasure::Target &target,
                                              const QString &reason, qint64 approvalId)
{
    std::pair<qint64, qint64> counts{0, 0};
    QStringList changedFields;
    QSqlQuery query(tx);
    query.setForwardOnly(true);
    for (const bool anonymize : {false, true}) {
        const QList<qint64> &ids = anonymize ? target.anonymizeItems : target.deleteItems;
        if (ids.isEmpty()) {
            continue;
        }
        if (Status status = sql::exec(query,
                                      QStringLiteral("SELECT i.id, i.category, i.field, i.value, COALESCE(s.name, '') "
                                                     "FROM pd_items i LEFT JOIN purposes p ON p.id = i.purpose_id "
                                                     "LEFT JOIN information_systems s ON s.id = p.system_id WHERE "
                                                     "i.subject_id = ? AND i.state = 'active' AND %1 ORDER BY i.id")
                                          .arg(sql::inIds(tx, "i.id")),
                                      {subjectId, sql::idList(tx, ids)}, "reading the items");
            !status) {
            return status.error();
        }
        Destroyed what;
        QList<std::pair<qint64, QString>> changes;
        while (query.next()) {
            const QString field = query.value(2).toString();
            what.add(query.value(1).toString(), field, query.value(4).toString());
            changes.append({query.value(0).toLongLong(),
                            anonymize ? Anonymization::apply(field, query.value(3).toString()) : QString()});
        }
        query.finish();
        if (changes.isEmpty()) {
            continue;
        }
        for (const auto &[itemId, value] : std::as_const(changes)) {
            const Status status =
                anonymize ? sql::exec(query,
                                      QStringLiteral("UPDATE pd_items SET value = ?, state = 'anonymized', "
                                                     "blocked_reason = NULL, source = '', version = version + 1 "
                                                     "WHERE id = ?"),
                                      {value, itemId}, "anonymizing an item")
                          : sql::exec(query, QStringLiteral("DELETE FROM pd_items WHERE id = ?"), {itemId},
                                      "deleting an item");
            if (!status) {
                return status.error();
            }
        }
        (anonymize ? counts.second : counts.first) += changes.size();
        changedFields << what.fields;
        if (Status logged = logFact(tx, who, subjectId, subject.controllerId, what,
                                    anonymize ? QStringLiteral("anonymization of items (values replaced)")
                                              : QStringLiteral("deletion of items from the database (secure delete)"),
                                    reason);
            !logged) {
            return logged.error();
        }
        AuditEntry entry = subjectchanges::subjectEntry(anonymize ? "subject.items.anonymize" : "subject.items.delete",
                                                        subjectId, reason, std::nullopt);
        entry.fields = what.fields;
        entry.details = QStringLiteral("items=%1 categories=%2%3")
                            .arg(changes.size())
                            .arg(what.categories.join(QLatin1Char('+')),
                                 approvalId > 0 ? QStringLiteral(" approval=%1").arg(approvalId) : QString());
        if (Status audited = AuditLog::append(tx, who, entry); !audited) {
            return audited.error();
        }
    }
    if (counts.first + counts.second == 0) {
        return counts;
    }
    // Copies of the subject's data given out for access or portability requests held these values too.
    if (Status status = sql::exec(query,
                                  QStringLiteral("DELETE FROM request_documents WHERE kind = 'subject-data' AND "
                                                 "request_id IN (SELECT id FROM requests WHERE subject_id = ?)"),
                                  {subjectId}, "removing copies of the subject's data");
        !status) {
        return status.error();
    }
    if (Status status =
            sql::exec(query, QStringLiteral("UPDATE subjects SET version = version + 1, updated_at = ? WHERE id = ?"),
                      {sql::nowTimestamp(), subjectId}, "updating the subject");
        !status) {
        return status.error();
    }
    if (Status status = refreshListing(tx, subjectId, changedFields); !status) {
        return status.error();
    }
    return counts;
}

} // namespace

Result<ItemErasure::Applied> ItemErasure::apply(Database &database, const Session &who, const QList<Target> &targets,
                                                const QString &reason, qint64 approvalId)
{
    const bool anonymizes = std::any_of(targets.cbegin(), targets.cend(),
                                        [](const Target &target) { return !target.anonymizeItems.isEmpty(); });
    if (Status allowed = Permissions::check(who, Action::DeleteData); !allowed) {
        return allowed.error();
    }
    if (anonymizes) {
        if (Status allowed = Permissions::check(who, Action::AnonymizeData); !allowed) {
            return allowed.error();
        }
    }
    if (Status given = subjectchanges::requireReason(reason); !given) {
        return given.error();
    }
    Applied applied;
    if (targets.isEmpty()) {
        return applied;
    }
    Status status = database.transaction([&](QSqlDatabase &tx) -> Status {
        applied = Applied();
        QList<qint64> ids;
        for (const Target &target : targets) {
            ids << target.subjectId;
        }
        Result<QHash<qint64, Locked>> locked = lockSubjects(tx, ids);
        if (!locked) {
            return locked.error();
        }
        QList<qint64> wholeIds;
        for (const Target &target : targets) {
            if (target.wholeSubject) {
                wholeIds << target.subjectId;
            }
        }
        Result<QHash<qint64, QHash<qint64, QString>>> live = liveItems(tx, wholeIds);
        if (!live) {
            return live.error();
        }
        QList<qint64> toDelete;
        QList<qint64> toAnonymize;
        QSet<qint64> seen;
        for (const Target &target : targets) {
            const auto subject = locked->constFind(target.subjectId);
            if (seen.contains(target.subjectId) || subject == locked->constEnd() ||
                subject->state != QLatin1String("active") || !subject->hold.isEmpty()) {
                applied.skipped << target.subjectId;
                continue;
            }
            seen.insert(target.subjectId);
            bool whole = target.wholeSubject;
            if (whole) {
                // Read again under the lock: an item added since, or one blocked, keeps the subject.
                QSet<qint64> due(target.deleteItems.cbegin(), target.deleteItems.cend());
                due.unite(QSet<qint64>(target.anonymizeItems.cbegin(), target.anonymizeItems.cend()));
                const QHash<qint64, QString> items = live->value(target.subjectId);
                for (auto it = items.cbegin(); it != items.cend() && whole; ++it) {
                    whole = due.contains(it.key()) && it.value() == QLatin1String("active");
                }
            }
            if (whole) {
                (target.anonymizeItems.isEmpty() ? toDelete : toAnonymize) << target.subjectId;
                continue;
            }
            Result<std::pair<qint64, qint64>> changed =
                changeItems(tx, who, target.subjectId, subject.value(), target, reason, approvalId);
            if (!changed) {
                return changed.error();
            }
            if (changed->first + changed->second == 0) {
                applied.skipped << target.subjectId;
                continue;
            }
            applied.itemsDeleted += changed->first;
            applied.itemsAnonymized += changed->second;
            applied.changed << target.subjectId;
        }
        Result<qint64> deleted = subjectchanges::eraseMany(tx, who, toDelete, reason, std::nullopt, approvalId);
        if (!deleted) {
            return deleted.error();
        }
        applied.subjectsDeleted = deleted.value();
        Result<qint64> anonymized =
            subjectchanges::anonymizeMany(tx, who, toAnonymize, reason, std::nullopt, approvalId);
        if (!anonymized) {
            return anonymized.error();
        }
        applied.subjectsAnonymized = anonymized.value();
        for (qint64 id : std::as_const(toAnonymize)) {
            // The destruction act lists anonymized subjects too: their data is gone, the statistics stay.
            Destroyed what;
            what.categories << QStringLiteral("*");
            if (Status logged = logFact(tx, who, id, locked->value(id).controllerId, what,
                                        QStringLiteral("anonymization of the subject (values replaced)"), reason);
                !logged) {
                return logged;
            }
        }
        applied.changed << toDelete << toAnonymize;
        ChangeNotifier::notify(tx, QStringLiteral("subjects"));
        return {};
    });
    if (!status) {
        return status.error();
    }
    return applied;
}

} // namespace pd
