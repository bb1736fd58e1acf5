#include "app/policy/ProfileInstaller.h"

#include "app/access/AuthService.h"
#include "app/policy/RegisterStore_p.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QVariantList>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::ProfileInstaller)
};
} // namespace

namespace pd {

namespace {

/// Qt drivers store a null QString as SQL NULL, which the NOT NULL DEFAULT '' columns refuse.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant joined(const QStringList &items)
{
    return text(items.join(QStringLiteral(", ")));
}

/// Updates the row of `table` with this code, or inserts it; returns its id. `columns` never come from input.
Result<qint64> upsert(QSqlDatabase &db, const QString &table, const QString &code, const QStringList &columns,
                      const QVariantList &values, const char *what)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status = sql::exec(query, QStringLiteral("SELECT id FROM %1 WHERE code = ?").arg(table), {code}, what);
        !status) {
        return status.error();
    }
    if (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        QVariantList bound = values;
        bound.append(id);
        const QString statement =
            QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table, columns.join(QStringLiteral(" = ?, ")));
        if (Status status = sql::exec(query, statement, bound, what); !status) {
            return status.error();
        }
        return id;
    }
    QVariantList bound{code};
    bound.append(values);
    QStringList marks(columns.size() + 1, QStringLiteral("?"));
    const QString statement = QStringLiteral("INSERT INTO %1 (code, %2) VALUES (%3) RETURNING id")
                                  .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
    if (Status status = sql::exec(query, statement, bound, what); !status) {
        return status.error();
    }
    if (!query.next()) {
        return sql::queryError(query, what);
    }
    return query.value(0).toLongLong();
}

} // namespace

/// The codes stored in this transaction first, then those the database holds already (the editor saves one entry
/// at a time). The loader checks a profile's references; a Profile built in code might not have been through it.
Result<qint64> RegisterStore::resolve(QHash<QString, qint64> &ids, const QString &code, const QString &owner,
                                      const char *kind)
{
    if (const auto found = ids.constFind(code); found != ids.constEnd()) {
        return found.value();
    }
    const QString table =
        qstrcmp(kind, "controller") == 0 ? QStringLiteral("controllers") : QStringLiteral("information_systems");
    Result<QVariant> stored = sql::scalar(m_db, QStringLiteral("SELECT id FROM %1 WHERE code = ?").arg(table), {code},
                                          QT_TRANSLATE_NOOP("pd::sql", "reading the register of purposes"));
    if (!stored) {
        return stored.error();
    }
    if (stored->isNull()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("profile '%1': %2 refers to %3 '%4', which the profile does not define")
                             .arg(m_profileName, owner, QLatin1String(kind), code));
    }
    ids.insert(code, stored->toLongLong());
    return stored->toLongLong();
}

Status RegisterStore::storeController(const ProfileController &controller)
{
    Result<qint64> id =
        upsert(m_db, QStringLiteral("controllers"), controller.code,
               {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("address"), QStringLiteral("country"),
                QStringLiteral("contact"), QStringLiteral("dpo_contact"), QStringLiteral("representative"),
                QStringLiteral("joint_controller"), QStringLiteral("contract")},
               {text(controller.name), toString(controller.kind), text(controller.address), text(controller.country),
                text(controller.contact), text(controller.dpoContact), text(controller.representative),
                text(controller.jointController), text(controller.contract)},
               QT_TRANSLATE_NOOP("pd::sql", "storing a controller"));
    if (!id) {
        return id.error();
    }
    m_controllers.insert(controller.code, *id);
    ++m_summary.controllers;
    return {};
}

Status RegisterStore::storeSystem(const ProfileSystem &system)
{
    QVariant controllerId(QMetaType::fromType<qint64>());
    if (!system.controller.isEmpty()) {
        Result<qint64> resolved =
            resolve(m_controllers, system.controller, Tr::tr("system '%1'").arg(system.code), "controller");
        if (!resolved) {
            return resolved.error();
        }
        controllerId = *resolved;
    }
    Result<qint64> id = upsert(m_db, QStringLiteral("information_systems"), system.code,
                               {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("location"),
                                QStringLiteral("controller_id")},
                               {text(system.name), text(system.description), text(system.location), controllerId},
                               QT_TRANSLATE_NOOP("pd::sql", "storing an information system"));
    if (!id) {
        return id.error();
    }
    m_systems.insert(system.code, *id);
    ++m_summary.systems;
    return {};
}

Status RegisterStore::storePurpose(const ProfilePurpose &purpose)
{
    const QString owner = Tr::tr("purpose '%1'").arg(purpose.code);
    Result<qint64> controllerId = resolve(m_controllers, purpose.controller, owner, "controller");
    if (!controllerId) {
        return controllerId.error();
    }
    QVariant systemId(QMetaType::fromType<qint64>());
    if (!purpose.system.isEmpty()) {
        Result<qint64> resolved = resolve(m_systems, purpose.system, owner, "system");
        if (!resolved) {
            return resolved.error();
        }
        systemId = *resolved;
    }
    const bool fixed = purpose.retention == RetentionKind::Fixed;
    Result<qint64> id =
        upsert(m_db, QStringLiteral("purposes"), purpose.code,
               {QStringLiteral("controller_id"),
                QStringLiteral("system_id"),
                QStringLiteral("title"),
                QStringLiteral("description"),
                QStringLiteral("legal_ground"),
                QStringLiteral("legal_reference"),
                QStringLiteral("subject_categories"),
                QStringLiteral("data_categories"),
                QStringLiteral("data_fields"),
                QStringLiteral("processing_kinds"),
                QStringLiteral("retention_kind"),
                QStringLiteral("retention_months"),
                QStringLiteral("retention_event"),
                QStringLiteral("retention_text"),
                QStringLiteral("retention_action"),
                QStringLiteral("deletion_method"),
                QStringLiteral("security_measures"),
                QStringLiteral("countries"),
                QStringLiteral("profile"),
                QStringLiteral("special_category"),
                QStringLiteral("special_condition"),
                QStringLiteral("data_source"),
                QStringLiteral("automated_decisions"),
                QStringLiteral("dpia"),
                QStringLiteral("retired_at")},
               {*controllerId,
                systemId,
                text(purpose.title),
                text(purpose.description),
                toString(purpose.ground),
                text(purpose.legalReference),
                joined(purpose.subjectCategories),
                joined(purpose.dataCategories),
                joined(purpose.dataFields),
                joined(purpose.processingKinds),
                toString(purpose.retention),
                fixed ? QVariant(purpose.retentionMonths) : QVariant(QMetaType::fromType<int>()),
                fixed ? text(purpose.retentionEvent) : QVariant(QMetaType::fromType<QString>()),
                text(purpose.retentionText),
                toString(purpose.retentionAction),
                text(purpose.deletionMethod),
                text(purpose.securityMeasures),
                joined(purpose.countries),
                text(m_profileName),
                purpose.specialCategory ? 1 : 0,
                text(purpose.specialCondition),
                text(purpose.dataSource),
                text(purpose.automatedDecisions),
                toString(purpose.dpia),
                purpose.retiredOn.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(purpose.retiredOn)},
               QT_TRANSLATE_NOOP("pd::sql", "storing a purpose"));
    if (!id) {
        return id.error();
    }
    ++m_summary.purposes;

    QSqlQuery query(m_db);
    if (Status status = sql::exec(query, QStringLiteral("DELETE FROM recipients WHERE purpose_id = ?"), {*id},
                                  QT_TRANSLATE_NOOP("pd::sql", "replacing the recipients of a purpose"));
        !status) {
        return status;
    }
    for (const ProfileRecipient &recipient : purpose.recipients) {
        if (Status status = sql::exec(query,
                                      QStringLiteral("INSERT INTO recipients (purpose_id, name, role, country, "
                                                     "safeguards, contract) VALUES (?, ?, ?, ?, ?, ?)"),
                                      {*id, text(recipient.name), toString(recipient.role), text(recipient.country),
                                       text(recipient.safeguards), text(recipient.contract)},
                                      QT_TRANSLATE_NOOP("pd::sql", "storing a recipient"));
            !status) {
            return status;
        }
        ++m_summary.recipients;
    }
    if (Status status = sql::exec(query, QStringLiteral("DELETE FROM purpose_category_retention WHERE purpose_id = ?"),
                                  {*id}, QT_TRANSLATE_NOOP("pd::sql", "replacing the retention periods of a purpose"));
        !status) {
        return status;
    }
    for (const ProfileCategoryRetention &entry : purpose.categoryRetention) {
        const bool fixedPeriod = entry.retention == RetentionKind::Fixed;
        if (Status status = sql::exec(
                query,
                QStringLiteral("INSERT INTO purpose_category_retention (purpose_id, category, retention_kind, "
                               "retention_months, retention_event, retention_text, retention_action) VALUES (?, "
                               "?, ?, ?, ?, ?, ?)"),
                {*id, entry.category, toString(entry.retention),
                 fixedPeriod ? QVariant(entry.retentionMonths) : QVariant(QMetaType::fromType<int>()),
                 fixedPeriod ? text(entry.retentionEvent) : QVariant(QMetaType::fromType<QString>()),
                 text(entry.retentionText), toString(entry.retentionAction)},
                QT_TRANSLATE_NOOP("pd::sql", "storing the retention period of a category"));
            !status) {
            return status;
        }
    }
    return {};
}

namespace {

Status installAll(RegisterStore &store, const Profile &profile)
{
    for (const ProfileController &controller : profile.controllers) {
        if (Status status = store.storeController(controller); !status) {
            return status;
        }
    }
    for (const ProfileSystem &system : profile.systems) {
        if (Status status = store.storeSystem(system); !status) {
            return status;
        }
    }
    for (const ProfilePurpose &purpose : profile.purposes) {
        if (Status status = store.storePurpose(purpose); !status) {
            return status;
        }
    }
    return {};
}

} // namespace

Result<ProfileInstaller::Summary> ProfileInstaller::install(Database &database, const Profile &profile)
{
    Summary summary;
    const Status status = database.transaction([&](QSqlDatabase &db) -> Status {
        RegisterStore store(db, profile.name);
        Status result = installAll(store, profile);
        summary = store.summary();
        return result;
    });
    if (!status) {
        return status.error();
    }
    return summary;
}

Result<Session> ProfileInstaller::setUp(Database &database, const std::optional<Profile> &profile, const QString &name,
                                        const QString &password, const QString &displayName)
{
    Session created;
    const Status status = database.transaction([&](QSqlDatabase &) -> Status {
        if (profile) {
            if (Result<Summary> installed = install(database, *profile); !installed) {
                return installed.error();
            }
        }
        Result<Session> added = AuthService::addOperator(database, Session(), name, Role::Admin, password, displayName);
        if (!added) {
            return added.error();
        }
        created = added.value();
        return {};
    });
    if (!status) {
        return status.error();
    }
    return created;
}

} // namespace pd
