#include "app/subjects/ConsentReview.h"

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
    Q_DECLARE_TR_FUNCTIONS(pd::ConsentReview)
};
} // namespace

namespace pd {

Status ConsentReview::recordVersion(Database &database, const Session &who, const QString &version, const QString &note)
{
    if (Status allowed = Permissions::check(who, Action::ManagePurposes); !allowed) {
        return allowed;
    }
    if (version.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("version: a policy version is required"));
    }
    if (Status text = FieldRules::checkText(QStringLiteral("version"), version, FieldRules::Text::Name); !text) {
        return text;
    }
    if (Status text = FieldRules::checkText(QStringLiteral("note"), note, FieldRules::Text::Multiline); !text) {
        return text;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status status = sql::exec(query,
                                      QStringLiteral("INSERT INTO policy_versions (version, recorded_at, "
                                                     "operator_name, note) VALUES (?, ?, ?, ?)"),
                                      {version.trimmed(), sql::nowTimestamp(), who.name, sql::text(note.trimmed())},
                                      "recording the policy version");
            !status) {
            return status;
        }
        AuditEntry entry;
        entry.action = QStringLiteral("policy.version");
        entry.objectType = QStringLiteral("policy");
        entry.objectId = version.trimmed();
        entry.reason = note.trimmed();
        return AuditLog::append(tx, who, entry);
    });
}

Result<QString> ConsentReview::currentVersion(Database &database)
{
    QSqlDatabase db = database.connection();
    Result<QVariant> version = sql::scalar(
        db, QStringLiteral("SELECT version FROM policy_versions ORDER BY id DESC LIMIT 1"), {}, "reading the policy");
    if (!version) {
        return version.error();
    }
    return version->toString();
}

Result<QList<ConsentReview::Outdated>> ConsentReview::outdated(Database &database, const Session &who,
                                                               const QString &version, const QString &purposeCode,
                                                               int limit, qint64 *total)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QString current = version.trimmed();
    if (current.isEmpty()) {
        Result<QString> recorded = currentVersion(database);
        if (!recorded) {
            return recorded.error();
        }
        current = recorded.value();
    }
    if (current.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("no policy version is recorded: record the one in force first, or name it"));
    }
    QSqlDatabase db = database.connection();
    // A consent counts as outdated when the subject has not also agreed to the current version for the purpose.
    const QString where = QStringLiteral(
        "FROM consents c JOIN purposes p ON p.id = c.purpose_id WHERE c.withdrawn_at IS NULL AND c.policy_version "
        "<> ? AND (? = '' OR p.code = ?) AND NOT EXISTS (SELECT 1 FROM consents n WHERE n.subject_id = c.subject_id "
        "AND n.purpose_id = c.purpose_id AND n.policy_version = ? AND n.withdrawn_at IS NULL)");
    const QVariantList values = {current, purposeCode, purposeCode, current};
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (total) {
        if (Status status =
                sql::exec(query, QStringLiteral("SELECT COUNT(*) ") + where, values, "counting the consents");
            !status) {
            return status.error();
        }
        *total = query.next() ? query.value(0).toLongLong() : 0;
        query.finish();
    }
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT c.id, c.subject_id, p.code, c.policy_version, c.given_at ") +
                                      where + QStringLiteral(" ORDER BY c.given_at, c.id LIMIT ?"),
                                  values + QVariantList{std::max(1, limit)}, "reading the consents");
        !status) {
        return status.error();
    }
    QList<Outdated> found;
    while (query.next()) {
        found.append({query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                      query.value(3).toString(), query.value(4).toString()});
    }
    return found;
}

} // namespace pd
