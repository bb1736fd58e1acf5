#include "app/subjects/ConsentService.h"
#include "app/domain/FieldRules.h"

#include "app/access/AuditLog.h"
#include "app/domain/Deadlines.h"
#include "app/domain/Permissions.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::ConsentService)
};
} // namespace

namespace pd {

namespace {

AuditEntry consentEntry(const char *action, qint64 consentId, qint64 subjectId, const QString &reason,
                        std::optional<qint64> requestId, const QString &details)
{
    AuditEntry entry;
    entry.action = QLatin1String(action);
    entry.objectType = QStringLiteral("consent");
    entry.objectId = QString::number(consentId);
    entry.subjectId = subjectId;
    entry.requestId = requestId;
    entry.reason = reason.trimmed();
    entry.details = details;
    return entry;
}

} // namespace

Result<qint64> ConsentService::give(Database &database, const Session &who, const Grant &grant)
{
    if (Status allowed = Permissions::check(who, Action::ChangeConsent); !allowed) {
        return allowed.error();
    }
    if (grant.policyVersion.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("policy version: required (what the subject agreed to)"));
    }
    for (const auto &[field, value] :
         {std::pair<const char *, QString>{"policy version", grant.policyVersion}, {"channel", grant.channel}}) {
        if (Status text = FieldRules::checkText(QLatin1String(field), value, FieldRules::Text::Line); !text) {
            return text.error();
        }
    }
    qint64 consentId = 0;
    Status status = database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status found =
                sql::exec(query,
                          QStringLiteral("SELECT id, legal_ground, controller_id, COALESCE(retired_at, '') FROM "
                                         "purposes WHERE code = ?"),
                          {grant.purposeCode}, "reading the purpose");
            !found) {
            return found;
        }
        if (!query.next()) {
            return makeError(ErrorCode::NotFound, Tr::tr("purpose: there is no purpose '%1'").arg(grant.purposeCode));
        }
        const qint64 purposeId = query.value(0).toLongLong();
        const qint64 purposeController = query.value(2).toLongLong();
        if (!query.value(3).toString().isEmpty()) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("purpose '%1' was retired on %2: no new consent is taken for it")
                                 .arg(grant.purposeCode, query.value(3).toString()));
        }
        if (query.value(1).toString() != QLatin1String("consent")) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("purpose '%1' rests on %2, not on consent").arg(grant.purposeCode, query.value(1).toString()));
        }
        query.finish();
        Result<QVariant> subject =
            sql::scalar(tx, QStringLiteral("SELECT state FROM subjects WHERE id = ?") + sql::forUpdate(tx),
                        {grant.subjectId}, "reading the subject");
        if (!subject) {
            return subject.error();
        }
        if (subject.value().isNull()) {
            return makeError(ErrorCode::NotFound, Tr::tr("there is no subject #%1").arg(grant.subjectId));
        }
        Result<QVariant> controller = sql::scalar(tx, QStringLiteral("SELECT controller_id FROM subjects WHERE id = ?"),
                                                  {grant.subjectId}, "reading the subject");
        if (!controller) {
            return controller.error();
        }
        if (controller.value().toLongLong() != purposeController) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("purpose '%1' belongs to another controller than subject #%2's")
                                 .arg(grant.purposeCode)
                                 .arg(grant.subjectId));
        }
        if (subject.value().toString() != QLatin1String("active")) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("subject #%1 is %2: no new consent can be recorded")
                                                             .arg(grant.subjectId)
                                                             .arg(subject.value().toString()));
        }
        Result<QVariant> id = sql::scalar(
            tx,
            QStringLiteral("INSERT INTO consents (subject_id, purpose_id, policy_version, given_at, channel) "
                           "VALUES (?, ?, ?, ?, ?) RETURNING id"),
            {grant.subjectId, purposeId, grant.policyVersion.trimmed(), sql::nowTimestamp(), sql::text(grant.channel)},
            "recording the consent");
        if (!id) {
            return id.error();
        }
        consentId = id.value().toLongLong();
        ChangeNotifier::notify(tx, QStringLiteral("subjects"));
        return AuditLog::append(
            tx, who,
            consentEntry("consent.give", consentId, grant.subjectId, QString(), grant.requestId,
                         QStringLiteral("purpose=%1 policy=%2").arg(grant.purposeCode, grant.policyVersion.trimmed())));
    });
    if (!status) {
        return status.error();
    }
    return consentId;
}

Status ConsentService::withdraw(Database &database, const Session &who, qint64 consentId, const QString &reason,
                                std::optional<qint64> requestId)
{
    if (Status allowed = Permissions::check(who, Action::ChangeConsent); !allowed) {
        return allowed;
    }
    if (reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("a reason is required"));
    }
    if (Status text = FieldRules::checkText(QStringLiteral("reason"), reason, FieldRules::Text::Multiline); !text) {
        return text;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status found = sql::exec(query,
                                     QStringLiteral("SELECT c.subject_id, c.withdrawn_at, p.code, c.purpose_id, "
                                                    "COALESCE(k.country, '') FROM consents c JOIN purposes p ON p.id "
                                                    "= c.purpose_id LEFT JOIN controllers k ON k.id = "
                                                    "p.controller_id WHERE c.id = ?"),
                                     {consentId}, "reading the consent");
            !found) {
            return found;
        }
        if (!query.next()) {
            return makeError(ErrorCode::NotFound, Tr::tr("there is no consent #%1").arg(consentId));
        }
        const qint64 subjectId = query.value(0).toLongLong();
        const QString purpose = query.value(2).toString();
        const qint64 purposeId = query.value(3).toLongLong();
        const QString country = query.value(4).toString();
        query.finish();
        // The subject first (as every change of it does), then the consent again: a deletion that was under way
        // took the consent with it.
        Result<QVariant> subject =
            sql::scalar(tx, QStringLiteral("SELECT state FROM subjects WHERE id = ?") + sql::forUpdate(tx), {subjectId},
                        "reading the subject");
        if (!subject) {
            return subject.error();
        }
        if (subject.value().isNull()) {
            return makeError(ErrorCode::NotFound, Tr::tr("there is no subject #%1").arg(subjectId));
        }
        Result<QVariant> withdrawnAt = sql::scalar(
            tx, QStringLiteral("SELECT COALESCE(withdrawn_at, '') FROM consents WHERE id = ?") + sql::forUpdate(tx),
            {consentId}, "reading the consent");
        if (!withdrawnAt) {
            return withdrawnAt.error();
        }
        if (withdrawnAt.value().isNull()) {
            return makeError(ErrorCode::NotFound, Tr::tr("there is no consent #%1").arg(consentId));
        }
        const bool withdrawn = !withdrawnAt.value().toString().isEmpty();
        if (withdrawn) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("consent #%1 was already withdrawn").arg(consentId));
        }
        if (Status status = sql::exec(query, QStringLiteral("UPDATE consents SET withdrawn_at = ? WHERE id = ?"),
                                      {sql::nowTimestamp(), consentId}, "recording the withdrawal");
            !status) {
            return status;
        }
        // The data held for the purpose must go within the withdrawal's deadline (99-Z art. 10: 15 days); the
        // retention sweep carries it out. Under a request, the request's execution schedules it by its own due date.
        QString due;
        if (!requestId) {
            Regime regime = Regime::Gdpr;
            for (Regime candidate : {Regime::By99z, Regime::UkGdpr, Regime::Ru152fz, Regime::Ccpa, Regime::BrLgpd}) {
                if (!country.isEmpty() && Deadlines::country(candidate) == country.toUpper()) {
                    regime = candidate;
                }
            }
            due =
                Deadlines::dueDate(regime, RequestType::ConsentWithdrawal, QDate::currentDate()).toString(Qt::ISODate);
            if (Status scheduled =
                    sql::exec(query,
                              QStringLiteral("INSERT INTO scheduled_erasures (subject_id, purpose_id, "
                                             "due_date, created_at) VALUES (?, ?, ?, ?)"),
                              {subjectId, purposeId, due, sql::nowTimestamp()}, "scheduling the erasure");
                !scheduled) {
                return scheduled;
            }
        }
        ChangeNotifier::notify(tx, QStringLiteral("subjects"));
        return AuditLog::append(
            tx, who,
            consentEntry("consent.withdraw", consentId, subjectId, reason, requestId,
                         QStringLiteral("purpose=%1").arg(purpose) +
                             (due.isEmpty() ? QString() : QStringLiteral(" erasure_due=%1").arg(due))));
    });
}

} // namespace pd
