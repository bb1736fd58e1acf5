#include "app/subjects/SubjectDetailsReader.h"

#include "app/access/AuditLog.h"
#include "app/domain/FieldRules.h"
#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::SubjectDetailsReader)
};
} // namespace

namespace pd {

namespace {

/// Runs `statement` with one bound subject id and hands each row to `read`.
template <typename Read>
Status eachRow(QSqlDatabase &db, const char *statement, qint64 subjectId, const char *what, Read read)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status = sql::exec(query, QLatin1String(statement), {subjectId}, what); !status) {
        return status;
    }
    while (query.next()) {
        read(query);
    }
    return {};
}

std::optional<qint64> optionalId(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

} // namespace

Result<SubjectDetails> SubjectDetailsReader::read(Database &database, const Session &who, qint64 subjectId)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    SubjectDetails details;
    Status status = database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status found =
                sql::exec(query,
                          QStringLiteral("SELECT s.id, s.external_id, s.display_name, s.email, s.phone, s.state, "
                                         "c.name, s.created_at, s.version, c.kind, s.blocked_reason, "
                                         "s.blocked_until, s.updated_at FROM subjects s "
                                         "JOIN controllers c ON c.id = s.controller_id WHERE s.id = ?"),
                          {subjectId}, "reading the subject");
            !found) {
            return found;
        }
        if (!query.next()) {
            return makeError(ErrorCode::NotFound, Tr::tr("there is no subject #%1").arg(subjectId));
        }
        details.subject = {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                           query.value(3).toString(),   query.value(4).toString(), query.value(5).toString(),
                           query.value(6).toString(),   query.value(7).toString(), QString()};
        details.version = query.value(8).toInt();
        details.controllerKind = query.value(9).toString();
        details.blockedReason = query.value(10).toString();
        details.blockedUntil = query.value(11).toString();
        details.updatedAt = query.value(12).toString();
        query.finish();

        Status read = eachRow(tx,
                              "SELECT i.id, i.category, i.field, i.value, i.source, i.collected_at, i.state, "
                              "i.blocked_reason, COALESCE(p.code, ''), COALESCE(p.title, '') FROM pd_items i "
                              "LEFT JOIN purposes p ON p.id = i.purpose_id WHERE i.subject_id = ? "
                              "ORDER BY i.category, p.title, i.field, i.id",
                              subjectId, "reading the items", [&](QSqlQuery &row) {
                                  SubjectDetails::Item item;
                                  item.id = row.value(0).toLongLong();
                                  item.category = row.value(1).toString();
                                  item.field = row.value(2).toString();
                                  item.hidden = FieldRules::isSecret(item.field);
                                  item.value = item.hidden ? QString() : row.value(3).toString();
                                  item.source = row.value(4).toString();
                                  item.collectedAt = row.value(5).toString();
                                  item.state = row.value(6).toString();
                                  item.blockedReason = row.value(7).toString();
                                  item.purposeCode = row.value(8).toString();
                                  item.purposeTitle = row.value(9).toString();
                                  details.items.append(item);
                              });
        if (!read) {
            return read;
        }
        read = eachRow(tx,
                       "SELECT c.id, p.code, p.title, c.policy_version, c.given_at, c.withdrawn_at, c.channel "
                       "FROM consents c JOIN purposes p ON p.id = c.purpose_id WHERE c.subject_id = ? "
                       "ORDER BY c.given_at DESC, c.id DESC",
                       subjectId, "reading the consents", [&](QSqlQuery &row) {
                           details.consents.append({row.value(0).toLongLong(), row.value(1).toString(),
                                                    row.value(2).toString(), row.value(3).toString(),
                                                    row.value(4).toString(), row.value(5).toString(),
                                                    row.value(6).toString()});
                       });
        if (!read) {
            return read;
        }
        read = eachRow(tx,
                       "SELECT d.recipient, d.recipient_country, d.data_categories, d.legal_basis, d.disclosed_at, "
                       "COALESCE(p.title, '') FROM disclosures d LEFT JOIN purposes p ON p.id = d.purpose_id "
                       "WHERE d.subject_id = ? ORDER BY d.disclosed_at DESC",
                       subjectId, "reading the disclosures", [&](QSqlQuery &row) {
                           details.disclosures.append({row.value(0).toString(), row.value(1).toString(),
                                                       row.value(2).toString(), row.value(3).toString(),
                                                       row.value(4).toString(), row.value(5).toString()});
                       });
        if (!read) {
            return read;
        }
        read = eachRow(tx,
                       "SELECT id, type, regime, status, received_at, COALESCE(extended_due_date, due_date) "
                       "FROM requests WHERE subject_id = ? ORDER BY received_at DESC",
                       subjectId, "reading the requests", [&](QSqlQuery &row) {
                           details.requests.append({row.value(0).toLongLong(), row.value(1).toString(),
                                                    row.value(2).toString(), row.value(3).toString(),
                                                    row.value(4).toString(), row.value(5).toString()});
                       });
        if (!read) {
            return read;
        }
        AuditEntry viewed;
        viewed.action = QStringLiteral("subject.view");
        viewed.objectType = QStringLiteral("subject");
        viewed.objectId = QString::number(subjectId);
        viewed.subjectId = subjectId;
        if (Status audited = AuditLog::append(tx, who, viewed); !audited) {
            return audited;
        }
        // Read after the view is recorded, so the timeline shows this opening too.
        return eachRow(tx,
                       "SELECT id, at, operator_name, action, fields, reason, request_id FROM audit_log "
                       "WHERE subject_id = ? ORDER BY id DESC LIMIT 500",
                       subjectId, "reading the audit timeline", [&](QSqlQuery &row) {
                           details.timeline.append({row.value(0).toLongLong(), row.value(1).toString(),
                                                    row.value(2).toString(), row.value(3).toString(),
                                                    row.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts),
                                                    row.value(5).toString(), optionalId(row.value(6))});
                       });
    });
    if (!status) {
        return status.error();
    }
    return details;
}

} // namespace pd
