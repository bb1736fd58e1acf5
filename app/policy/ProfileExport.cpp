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

QString retention(const ProfilePurpose &purpose)
{
    if (purpose.retention != RetentionKind::Fixed) {
        return toString(purpose.retention);
    }
    return purpose.retentionMonths % 12 == 0
               ? QStringLiteral("%1 years after %2").arg(purpose.retentionMonths / 12).arg(purpose.retentionEvent)
               : QStringLiteral("%1 months after %2").arg(purpose.retentionMonths).arg(purpose.retentionEvent);
}

} // namespace

Result<Profile> ProfileExport::read(Database &database)
{
    QSqlDatabase db = database.connection();
    Profile profile;
    QSqlQuery query(db);
    QHash<qint64, QString> controllers;
    if (Status status = select(query, QStringLiteral("SELECT id, code, name, kind, address, country, contact, "
                                                     "dpo_contact, representative FROM controllers ORDER BY id"));
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
                                  "security_measures, countries, profile FROM purposes ORDER BY id"));
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
        purposes.insert(query.value(0).toLongLong(), profile.purposes.size());
        profile.purposes << purpose;
    }
    if (Status status = select(query, QStringLiteral("SELECT purpose_id, name, role, country, safeguards FROM "
                                                     "recipients ORDER BY id"));
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
        profile.purposes[*at].recipients << recipient;
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

QString ProfileExport::write(const Profile &profile)
{
    const QString separator = QStringLiteral(", ");
    QString text = QStringLiteral("# The register of purposes, exported by Privacy Desk in the profile format.\n\n"
                                  "[profile]\n");
    line(text, "name", profile.name);
    line(text, "source", profile.source);
    line(text, "policy_version", profile.policyVersion);
    for (const ProfileController &controller : profile.controllers) {
        text += QStringLiteral("\n[controller %1]\n").arg(controller.code);
        line(text, "name", controller.name);
        line(text, "kind", toString(controller.kind));
        line(text, "address", controller.address);
        line(text, "country", controller.country);
        line(text, "contact", controller.contact);
        line(text, "dpo", controller.dpoContact);
        line(text, "representative", controller.representative);
    }
    for (const ProfileSystem &system : profile.systems) {
        text += QStringLiteral("\n[system %1]\n").arg(system.code);
        line(text, "name", system.name);
        line(text, "controller", system.controller);
        line(text, "description", system.description);
        line(text, "location", system.location);
    }
    for (const ProfilePurpose &purpose : profile.purposes) {
        text += QStringLiteral("\n[purpose %1]\n").arg(purpose.code);
        line(text, "controller", purpose.controller);
        line(text, "system", purpose.system);
        line(text, "title", purpose.title);
        line(text, "description", purpose.description);
        line(text, "ground", toString(purpose.ground));
        line(text, "legal_reference", purpose.legalReference);
        line(text, "subjects", purpose.subjectCategories.join(separator));
        line(text, "categories", purpose.dataCategories.join(separator));
        line(text, "fields", purpose.dataFields.join(separator));
        line(text, "processing", purpose.processingKinds.join(separator));
        line(text, "retention", retention(purpose));
        line(text, "retention_text", purpose.retentionText);
        line(text, "retention_action", toString(purpose.retentionAction));
        line(text, "deletion", purpose.deletionMethod);
        line(text, "security", purpose.securityMeasures);
        line(text, "countries", purpose.countries.join(separator));
        for (const ProfileRecipient &recipient : purpose.recipients) {
            QString value = recipient.name + QStringLiteral(" | ") + toString(recipient.role);
            if (!recipient.country.isEmpty() || !recipient.safeguards.isEmpty()) {
                value += QStringLiteral(" | ") + recipient.country;
            }
            if (!recipient.safeguards.isEmpty()) {
                value += QStringLiteral(" | ") + recipient.safeguards;
            }
            line(text, "recipient", value);
        }
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
