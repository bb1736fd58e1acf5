#include "app/policy/PurposeRegister.h"

#include "app/domain/Vocabulary.h"

#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QSqlQuery>

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

} // namespace pd
