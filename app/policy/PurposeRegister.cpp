#include "app/policy/PurposeRegister.h"

#include "app/domain/Vocabulary.h"

#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>

namespace pd {

Result<QList<PurposeRegister::Row>> PurposeRegister::list(Database &database)
{
    QSqlDatabase db = database.connection();
    if (!db.isOpen()) {
        return makeError(ErrorCode::Storage, database.lastConnectError());
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Own purposes first: they are the ones the operator answers for as controller.
    const QString statement = QStringLiteral(
        "SELECT p.id, p.code, p.title, c.name, c.kind, p.legal_ground, p.data_categories, p.retention_text, "
        "p.countries, (SELECT COUNT(*) FROM recipients r WHERE r.purpose_id = p.id), c.id "
        "FROM purposes p JOIN controllers c ON c.id = p.controller_id "
        "ORDER BY CASE WHEN c.kind = ? THEN 0 ELSE 1 END, c.name, p.title, p.id");
    if (Status status = sql::exec(query, statement, {toString(ControllerKind::Own)},
                                  QT_TRANSLATE_NOOP("pd::sql", "listing the purposes"));
        !status) {
        return status.error();
    }
    QList<Row> rows;
    while (query.next()) {
        Row row;
        row.id = query.value(0).toLongLong();
        row.code = query.value(1).toString();
        row.title = query.value(2).toString();
        row.controller = query.value(3).toString();
        row.controllerKind = query.value(4).toString();
        row.legalGround = query.value(5).toString();
        row.dataCategories = query.value(6).toString();
        row.retentionText = query.value(7).toString();
        row.countries = query.value(8).toString();
        row.recipients = query.value(9).toInt();
        row.controllerId = query.value(10).toLongLong();
        rows.append(row);
    }
    return rows;
}

Result<QJsonObject> PurposeRegister::record(Database &database, const QString &code)
{
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status = sql::exec(
            query,
            QStringLiteral(
                "SELECT p.code, p.title, p.description, p.legal_ground, p.legal_reference, "
                "p.subject_categories, p.data_categories, p.data_fields, p.processing_kinds, "
                "p.retention_kind, p.retention_months, p.retention_event, p.retention_text, "
                "p.retention_action, p.deletion_method, p.security_measures, p.countries, p.profile, "
                "c.code AS controller, c.name AS controller_name, c.kind AS controller_kind, "
                "c.address AS controller_address, c.country AS controller_country, c.contact AS "
                "controller_contact, c.dpo_contact AS controller_dpo, c.representative AS "
                "controller_representative, c.joint_controller AS controller_joint, c.contract AS "
                "controller_contract, p.special_category, p.special_condition, p.data_source, "
                "p.automated_decisions, p.dpia, p.retired_at, s.code AS system, s.name AS system_name, s.location AS "
                "system_location, p.id FROM purposes p JOIN controllers c ON c.id = p.controller_id LEFT "
                "JOIN information_systems s ON s.id = p.system_id WHERE p.code = ?"),
            {code}, QT_TRANSLATE_NOOP("pd::sql", "reading the purpose"));
        !status) {
        return status.error();
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("pd::PurposeRegister", "there is no purpose '%1'").arg(code));
    }
    QJsonObject object;
    const QSqlRecord record = query.record();
    const int idColumn = record.count() - 1;
    for (int column = 0; column < idColumn; ++column) {
        const QVariant value = query.value(column);
        object.insert(record.fieldName(column), value.isNull() ? QJsonValue() : QJsonValue::fromVariant(value));
    }
    const qint64 purposeId = query.value(idColumn).toLongLong();
    query.finish();
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT name, role, country, safeguards, contract FROM "
                                                 "recipients WHERE purpose_id = ? ORDER BY id"),
                                  {purposeId}, QT_TRANSLATE_NOOP("pd::sql", "reading the recipients"));
        !status) {
        return status.error();
    }
    QJsonArray recipients;
    while (query.next()) {
        recipients.append(QJsonObject{{QStringLiteral("name"), query.value(0).toString()},
                                      {QStringLiteral("role"), query.value(1).toString()},
                                      {QStringLiteral("country"), query.value(2).toString()},
                                      {QStringLiteral("safeguards"), query.value(3).toString()},
                                      {QStringLiteral("contract"), query.value(4).toString()}});
    }
    object.insert(QStringLiteral("recipients"), recipients);
    query.finish();
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT category, retention_kind, retention_months, retention_event, "
                                                 "retention_text, retention_action FROM purpose_category_retention "
                                                 "WHERE purpose_id = ? ORDER BY id"),
                                  {purposeId}, QT_TRANSLATE_NOOP("pd::sql", "reading the retention periods"));
        !status) {
        return status.error();
    }
    QJsonArray periods;
    while (query.next()) {
        QJsonObject period{{QStringLiteral("category"), query.value(0).toString()},
                           {QStringLiteral("retention_kind"), query.value(1).toString()},
                           {QStringLiteral("retention_text"), query.value(4).toString()},
                           {QStringLiteral("retention_action"), query.value(5).toString()}};
        if (!query.value(2).isNull()) {
            period.insert(QStringLiteral("retention_months"), query.value(2).toInt());
            period.insert(QStringLiteral("retention_event"), query.value(3).toString());
        }
        periods.append(period);
    }
    object.insert(QStringLiteral("category_retention"), periods);
    return object;
}

} // namespace pd
