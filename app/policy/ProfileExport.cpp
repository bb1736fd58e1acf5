#include "app/policy/ProfileExport.h"

#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QSqlQuery>

namespace pd {

namespace {

QStringList list(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty()) {
            items << item.trimmed();
        }
    }
    return items;
}

Status select(QSqlQuery &query, const QString &statement)
{
    query.setForwardOnly(true);
    return sql::exec(query, statement, {}, QT_TRANSLATE_NOOP("pd::sql", "reading the register of purposes"));
}

/// One `key = value` line, left out when there is nothing to say.
void line(QString &text, const char *key, const QString &value)
{
    if (!value.isEmpty()) {
        text += QLatin1String(key) + QStringLiteral(" = ") + value + QLatin1Char('\n');
    }
}

QString retention(RetentionKind kind, int months, const QString &event)
{
    RetentionRule rule;
    rule.kind = kind;
    rule.months = months;
    rule.event = event;
    return retentionRuleSpelling(rule);
}

} // namespace

Result<Profile> ProfileExport::read(Database &database)
{
    QSqlDatabase db = database.connection();
    Profile profile;
    QSqlQuery query(db);
    QHash<qint64, QString> controllers;
    if (Status status =
            select(query, QStringLiteral("SELECT id, code, name, kind, address, country, contact, "
                                         "dpo_contact, representative, joint_controller, contract FROM controllers "
                                         "ORDER BY id"));
        !status) {
        return status.error();
    }
    while (query.next()) {
        ProfileController controller;
        controller.code = query.value(1).toString();
        controller.name = query.value(2).toString();
        controller.kind = parseControllerKind(query.value(3).toString()).value_or(ControllerKind::Own);
        controller.address = query.value(4).toString();
        controller.country = query.value(5).toString();
        controller.contact = query.value(6).toString();
        controller.dpoContact = query.value(7).toString();
        controller.representative = query.value(8).toString();
        controller.jointController = query.value(9).toString();
        controller.contract = query.value(10).toString();
        controllers.insert(query.value(0).toLongLong(), controller.code);
        profile.controllers << controller;
    }
    QHash<qint64, QString> systems;
    if (Status status = select(query, QStringLiteral("SELECT id, code, name, description, location, controller_id "
                                                     "FROM information_systems ORDER BY id"));
        !status) {
        return status.error();
    }
    while (query.next()) {
        ProfileSystem system;
        system.code = query.value(1).toString();
        system.name = query.value(2).toString();
        system.description = query.value(3).toString();
        system.location = query.value(4).toString();
        system.controller = controllers.value(query.value(5).toLongLong());
        systems.insert(query.value(0).toLongLong(), system.code);
        profile.systems << system;
    }
    QHash<qint64, qsizetype> purposes;
    if (Status status = select(
            query, QStringLiteral("SELECT id, code, controller_id, system_id, title, description, legal_ground, "
                                  "legal_reference, subject_categories, data_categories, data_fields, "
                                  "processing_kinds, retention_kind, COALESCE(retention_months, 0), "
                                  "COALESCE(retention_event, ''), retention_text, retention_action, deletion_method, "
                                  "security_measures, countries, profile, special_category, special_condition, "
                                  "data_source, automated_decisions, dpia, COALESCE(retired_at, '') FROM purposes "
                                  "ORDER BY id"));
        !status) {
        return status.error();
    }
    while (query.next()) {
        ProfilePurpose purpose;
        purpose.code = query.value(1).toString();
        purpose.controller = controllers.value(query.value(2).toLongLong());
        purpose.system = query.value(3).isNull() ? QString() : systems.value(query.value(3).toLongLong());
        purpose.title = query.value(4).toString();
        purpose.description = query.value(5).toString();
        purpose.ground = parseLegalGround(query.value(6).toString()).value_or(LegalGround::Contract);
        purpose.legalReference = query.value(7).toString();
        purpose.subjectCategories = list(query.value(8).toString());
        purpose.dataCategories = list(query.value(9).toString());
        purpose.dataFields = list(query.value(10).toString());
        purpose.processingKinds = list(query.value(11).toString());
        purpose.retention = parseRetentionKind(query.value(12).toString()).value_or(RetentionKind::Legal);
        purpose.retentionMonths = query.value(13).toInt();
        purpose.retentionEvent = query.value(14).toString();
        purpose.retentionText = query.value(15).toString();
        purpose.retentionAction = parseRetentionAction(query.value(16).toString()).value_or(RetentionAction::Delete);
        purpose.deletionMethod = query.value(17).toString();
        purpose.securityMeasures = query.value(18).toString();
        purpose.countries = list(query.value(19).toString());
        if (profile.name.isEmpty()) {
            profile.name = query.value(20).toString();
        }
        purpose.specialCategory = query.value(21).toInt() != 0;
        purpose.specialCondition = query.value(22).toString();
        purpose.dataSource = query.value(23).toString();
        purpose.automatedDecisions = query.value(24).toString();
        purpose.dpia = parseDpiaStatus(query.value(25).toString()).value_or(DpiaStatus::NotAssessed);
        purpose.retiredOn = query.value(26).toString();
        purposes.insert(query.value(0).toLongLong(), profile.purposes.size());
        profile.purposes << purpose;
    }
    if (Status status = select(query, QStringLiteral("SELECT purpose_id, name, role, country, safeguards, contract "
                                                     "FROM recipients ORDER BY id"));
        !status) {
        return status.error();
    }
    while (query.next()) {
        const auto at = purposes.constFind(query.value(0).toLongLong());
        if (at == purposes.constEnd()) {
            continue;
        }
        ProfileRecipient recipient;
        recipient.name = query.value(1).toString();
        recipient.role = parseRecipientRole(query.value(2).toString()).value_or(RecipientRole::Processor);
        recipient.country = query.value(3).toString();
        recipient.safeguards = query.value(4).toString();
        recipient.contract = query.value(5).toString();
        profile.purposes[*at].recipients << recipient;
    }
    if (Status status = select(query, QStringLiteral("SELECT purpose_id, category, retention_kind, "
                                                     "COALESCE(retention_months, 0), COALESCE(retention_event, ''), "
                                                     "retention_text, retention_action FROM "
                                                     "purpose_category_retention ORDER BY id"));
        !status) {
        return status.error();
    }
    while (query.next()) {
        const auto at = purposes.constFind(query.value(0).toLongLong());
        if (at == purposes.constEnd()) {
            continue;
        }
        ProfileCategoryRetention entry;
        entry.category = query.value(1).toString();
        entry.retention = parseRetentionKind(query.value(2).toString()).value_or(RetentionKind::Legal);
        entry.retentionMonths = query.value(3).toInt();
        entry.retentionEvent = query.value(4).toString();
        entry.retentionText = query.value(5).toString();
        entry.retentionAction = parseRetentionAction(query.value(6).toString()).value_or(RetentionAction::Delete);
        profile.purposes[*at].categoryRetention << entry;
    }
    query.finish();
    Result<QVariant> version = sql::scalar(db, QStringLiteral("SELECT version FROM policy_versions ORDER BY id DESC"),
                                           {}, QT_TRANSLATE_NOOP("pd::sql", "reading the policy version"));
    if (!version) {
        return version.error();
    }
    profile.policyVersion =
        version->toString().isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : version->toString();
    if (profile.name.isEmpty()) {
        profile.name = QStringLiteral("Register");
    }
    profile.source = QStringLiteral("exported by Privacy Desk on %1").arg(QDate::currentDate().toString(Qt::ISODate));
    return profile;
}

QList<ProfileExport::Field> ProfileExport::fieldsOf(const ProfileController &controller)
{
    return {{"name", controller.name},
            {"kind", toString(controller.kind)},
            {"address", controller.address},
            {"country", controller.country},
            {"contact", controller.contact},
            {"dpo", controller.dpoContact},
            {"representative", controller.representative},
            {"joint_controller", controller.jointController},
            {"contract", controller.contract}};
}

QList<ProfileExport::Field> ProfileExport::fieldsOf(const ProfileSystem &system)
{
    return {{"name", system.name},
            {"controller", system.controller},
            {"description", system.description},
            {"location", system.location}};
}

QList<ProfileExport::Field> ProfileExport::fieldsOf(const ProfilePurpose &purpose)
{
    const QString separator = QStringLiteral(", ");
    QList<Field> fields = {{"controller", purpose.controller},
                           {"system", purpose.system},
                           {"title", purpose.title},
                           {"description", purpose.description},
                           {"ground", toString(purpose.ground)},
                           {"legal_reference", purpose.legalReference},
                           {"special", purpose.specialCategory ? QStringLiteral("yes") : QString()},
                           {"special_condition", purpose.specialCondition},
                           {"subjects", purpose.subjectCategories.join(separator)},
                           {"categories", purpose.dataCategories.join(separator)},
                           {"fields", purpose.dataFields.join(separator)},
                           {"source", purpose.dataSource},
                           {"processing", purpose.processingKinds.join(separator)},
                           {"retention", retention(purpose.retention, purpose.retentionMonths, purpose.retentionEvent)},
                           {"retention_text", purpose.retentionText},
                           {"retention_action", toString(purpose.retentionAction)}};
    for (const ProfileCategoryRetention &entry : purpose.categoryRetention) {
        fields.append(
            {"category_retention",
             QStringList{entry.category, retention(entry.retention, entry.retentionMonths, entry.retentionEvent),
                         toString(entry.retentionAction), entry.retentionText}
                 .join(QStringLiteral(" | "))});
    }
    fields.append({"deletion", purpose.deletionMethod});
    fields.append({"security", purpose.securityMeasures});
    fields.append({"countries", purpose.countries.join(separator)});
    for (const ProfileRecipient &recipient : purpose.recipients) {
        // Trailing parts only as far as one of them says something.
        QStringList parts{recipient.name, toString(recipient.role), recipient.country, recipient.safeguards,
                          recipient.contract};
        while (parts.size() > 2 && parts.last().isEmpty()) {
            parts.removeLast();
        }
        fields.append({"recipient", parts.join(QStringLiteral(" | "))});
    }
    fields.append({"automated_decisions", purpose.automatedDecisions});
    fields.append({"dpia", purpose.dpia == DpiaStatus::NotAssessed ? QString() : toString(purpose.dpia)});
    fields.append({"retired", purpose.retiredOn});
    return fields;
}

QString ProfileExport::write(const Profile &profile)
{
    QString text = QStringLiteral("# The register of purposes, exported by Privacy Desk in the profile format.\n\n"
                                  "[profile]\n");
    line(text, "name", profile.name);
    line(text, "source", profile.source);
    line(text, "policy_version", profile.policyVersion);
    const auto section = [&text](const QString &header, const QList<Field> &fields) {
        text += QStringLiteral("\n[%1]\n").arg(header);
        for (const Field &field : fields) {
            line(text, field.key, field.value);
        }
    };
    for (const ProfileController &controller : profile.controllers) {
        section(QStringLiteral("controller ") + controller.code, fieldsOf(controller));
    }
    for (const ProfileSystem &system : profile.systems) {
        section(QStringLiteral("system ") + system.code, fieldsOf(system));
    }
    for (const ProfilePurpose &purpose : profile.purposes) {
        section(QStringLiteral("purpose ") + purpose.code, fieldsOf(purpose));
    }
    return text;
}

Result<QString> ProfileExport::exportRegister(Database &database, const Session &who)
{
    if (Status allowed = Permissions::check(who, Action::ExportRegisters); !allowed) {
        return allowed.error();
    }
    Result<Profile> profile = read(database);
    if (!profile) {
        return profile.error();
    }
    return write(profile.value());
}

} // namespace pd
