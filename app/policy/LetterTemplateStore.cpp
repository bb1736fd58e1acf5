#include "app/policy/LetterTemplateStore.h"

#include "app/access/AuditLog.h"
#include "app/domain/FieldRules.h"
#include "app/domain/LetterTemplate.h"
#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlQuery>

namespace pd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::LetterTemplateStore)
};

Status checkNames(const QString &language, const QString &kind)
{
    if (!LetterTemplate::languages().contains(language)) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("letter language '%1': expected one of %2")
                             .arg(language, LetterTemplate::languages().join(QLatin1String(", "))));
    }
    if (!LetterTemplateStore::kinds().contains(kind)) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("letter kind '%1': expected one of %2")
                             .arg(kind, LetterTemplateStore::kinds().join(QLatin1String(", "))));
    }
    return {};
}

AuditEntry auditEntry(const char *action, const QString &language, const QString &kind)
{
    AuditEntry entry;
    entry.action = QLatin1String(action);
    entry.objectType = QStringLiteral("letter-template");
    entry.objectId = QStringLiteral("%1/%2").arg(kind, language);
    entry.details = QStringLiteral("kind=%1 language=%2").arg(kind, language);
    return entry;
}

} // namespace

QStringList LetterTemplateStore::kinds()
{
    return {QStringLiteral("reply")};
}

Result<QString> LetterTemplateStore::builtIn(const QString &language, const QString &kind)
{
    if (Status names = checkNames(language, kind); !names) {
        return names.error();
    }
    QFile file(QStringLiteral(":/templates/%1_%2.txt").arg(kind, language));
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::NotFound,
                         Tr::tr("the built-in %1 template for '%2' is missing from this build").arg(kind, language));
    }
    return QString::fromUtf8(file.readAll());
}

Result<LetterTemplateStore::Stored> LetterTemplateStore::find(Database &database, const QString &language,
                                                              const QString &kind)
{
    if (Status names = checkNames(language, kind); !names) {
        return names.error();
    }
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT body, updated_at, updated_by FROM letter_templates "
                                                 "WHERE language = ? AND kind = ?"),
                                  {language, kind}, "reading a letter template");
        !status) {
        return status.error();
    }
    if (query.next()) {
        Stored stored;
        stored.body = query.value(0).toString();
        stored.builtIn = false;
        stored.updatedAt = query.value(1).toString();
        stored.updatedBy = query.value(2).toString();
        return stored;
    }
    Result<QString> shipped = builtIn(language, kind);
    if (!shipped) {
        return shipped.error();
    }
    Stored stored;
    stored.body = shipped.value();
    return stored;
}

Result<QString> LetterTemplateStore::text(Database &database, const QString &language, const QString &kind)
{
    Result<Stored> stored = find(database, language, kind);
    if (!stored) {
        return stored.error();
    }
    return stored->body;
}

Status LetterTemplateStore::save(Database &database, const Session &who, const QString &language, const QString &kind,
                                 const QString &body)
{
    if (Status allowed = Permissions::check(who, Action::EditLetterTemplates); !allowed) {
        return allowed;
    }
    if (Status names = checkNames(language, kind); !names) {
        return names;
    }
    if (body.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("the template is empty"));
    }
    // A template is long free text (ten notes' worth); control characters other than line breaks are refused.
    if (Status text = FieldRules::checkText(QStringLiteral("template"), body, FieldRules::Text::Multiline,
                                            10 * FieldRules::kMaxText);
        !text) {
        return text;
    }
    // The same check the letters will meet: a template that cannot render is never stored.
    if (Result<QString> rendered = LetterTemplate::render(body, LetterTemplate::sampleFields(language)); !rendered) {
        return rendered.error();
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status status =
                sql::exec(query,
                          QStringLiteral("INSERT INTO letter_templates (language, kind, body, updated_at, updated_by) "
                                         "VALUES (?, ?, ?, ?, ?) ON CONFLICT (language, kind) DO UPDATE SET "
                                         "body = excluded.body, updated_at = excluded.updated_at, "
                                         "updated_by = excluded.updated_by"),
                          {language, kind, body, sql::nowTimestamp(), sql::text(who.name)}, "saving a letter template");
            !status) {
            return status;
        }
        return AuditLog::append(tx, who, auditEntry("letter-template.save", language, kind));
    });
}

Status LetterTemplateStore::reset(Database &database, const Session &who, const QString &language, const QString &kind)
{
    if (Status allowed = Permissions::check(who, Action::EditLetterTemplates); !allowed) {
        return allowed;
    }
    if (Status names = checkNames(language, kind); !names) {
        return names;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status status =
                sql::exec(query, QStringLiteral("DELETE FROM letter_templates WHERE language = ? AND kind = ?"),
                          {language, kind}, "resetting a letter template");
            !status) {
            return status;
        }
        if (query.numRowsAffected() <= 0) {
            return Status(); // already the built-in one: nothing changed, nothing to record
        }
        return AuditLog::append(tx, who, auditEntry("letter-template.reset", language, kind));
    });
}

Status LetterTemplateStore::fillController(Database &database, qint64 controllerId, LetterFields &fields)
{
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const QString columns = QStringLiteral("SELECT name, address, contact, dpo_contact FROM controllers ");
    const Status status =
        controllerId > 0
            ? sql::exec(query, columns + QStringLiteral("WHERE id = ?"), {controllerId}, "reading a controller")
            : sql::exec(query, columns + QStringLiteral("WHERE kind = 'own' ORDER BY id LIMIT 1"), {},
                        "reading a controller");
    if (!status) {
        return status;
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound, controllerId > 0
                                                  ? Tr::tr("controller #%1 does not exist").arg(controllerId)
                                                  : Tr::tr("no controller of kind 'own' is recorded"));
    }
    fields.controllerName = query.value(0).toString();
    fields.controllerAddress = query.value(1).toString();
    fields.controllerContact = query.value(2).toString();
    fields.dpoContact = query.value(3).toString();
    return {};
}

} // namespace pd
