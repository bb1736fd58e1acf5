#include "app/policy/RegisterEditor.h"
#include "app/policy/RegisterStore_p.h"

#include "app/access/AuditLog.h"
#include "app/domain/FieldRules.h"
#include "app/domain/Permissions.h"
#include "app/policy/ProfileExport.h"
#include "app/policy/ProfileLoader.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::RegisterEditor)
};
} // namespace

namespace pd {

namespace {

/// Repeatable keys joined into one value per key, in the order of first appearance.
QList<std::pair<QString, QString>> collapse(const QList<ProfileExport::Field> &fields)
{
    QList<std::pair<QString, QString>> values;
    for (const ProfileExport::Field &field : fields) {
        const QString key = QLatin1String(field.key);
        auto found =
            std::find_if(values.begin(), values.end(), [&key](const auto &entry) { return entry.first == key; });
        if (found == values.end()) {
            values.append({key, field.value});
        } else {
            found->second += QLatin1Char('\n') + field.value;
        }
    }
    return values;
}

QList<RegisterEditor::Change> diff(const QList<ProfileExport::Field> &before, const QList<ProfileExport::Field> &after)
{
    const QList<std::pair<QString, QString>> old = collapse(before);
    const QList<std::pair<QString, QString>> now = collapse(after);
    QList<RegisterEditor::Change> changes;
    QMap<QString, QString> oldValues;
    for (const auto &[key, value] : old) {
        oldValues.insert(key, value);
    }
    QStringList seen;
    for (const auto &[key, value] : now) {
        seen << key;
        if (oldValues.value(key) != value) {
            changes.append({key, oldValues.value(key), value});
        }
    }
    for (const auto &[key, value] : old) {
        if (!seen.contains(key) && !value.isEmpty()) {
            changes.append({key, value, QString()});
        }
    }
    return changes;
}

struct ControllerKind_
{
    using Entry = ProfileController;
    static constexpr const char *type = "controller";
    static QList<Entry> &entries(Profile &profile) { return profile.controllers; }
    static Status store(RegisterStore &store, const Entry &entry) { return store.storeController(entry); }
};

struct SystemKind_
{
    using Entry = ProfileSystem;
    static constexpr const char *type = "system";
    static QList<Entry> &entries(Profile &profile) { return profile.systems; }
    static Status store(RegisterStore &store, const Entry &entry) { return store.storeSystem(entry); }
};

struct PurposeKind_
{
    using Entry = ProfilePurpose;
    static constexpr const char *type = "purpose";
    static QList<Entry> &entries(Profile &profile) { return profile.purposes; }
    static Status store(RegisterStore &store, const Entry &entry) { return store.storePurpose(entry); }
};

/// A loader message without its "FILE:LINE: " start, for the editor's own words around it.
QString withoutPlace(const QString &message)
{
    static const QRegularExpression place(QStringLiteral("^[^:]*:\\d+: "));
    return QString(message).remove(place);
}

Status auditChanges(QSqlDatabase &tx, const Session &who, const QString &action, const QString &type,
                    const QString &code, const QList<RegisterEditor::Change> &changes, const QString &reason)
{
    AuditEntry entry;
    entry.action = action;
    entry.objectType = type;
    entry.objectId = code;
    entry.reason = reason;
    QJsonArray details;
    for (const RegisterEditor::Change &change : changes) {
        entry.fields << change.field;
        details.append(QJsonObject{{QStringLiteral("field"), change.field},
                                   {QStringLiteral("before"), change.before},
                                   {QStringLiteral("after"), change.after}});
    }
    entry.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    ChangeNotifier::notify(tx, QStringLiteral("purposes"));
    return AuditLog::append(tx, who, entry);
}

/// `allowedAlready`: the caller checked a narrower permission (the letterhead) instead of Action::ManagePurposes.
template <typename Kind>
Status save(Database &database, const Session &who, const typename Kind::Entry &before,
            const typename Kind::Entry &after, bool allowedAlready = false)
{
    if (!allowedAlready) {
        if (Status allowed = Permissions::check(who, Action::ManagePurposes); !allowed) {
            return allowed;
        }
    }
    const QString type = QLatin1String(Kind::type);
    const bool adding = before.code.isEmpty();
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Profile> stored = ProfileExport::read(database);
        if (!stored) {
            return stored.error();
        }
        Profile &profile = stored.value();
        QList<typename Kind::Entry> &entries = Kind::entries(profile);
        const auto at = std::find_if(entries.begin(), entries.end(),
                                     [&after](const typename Kind::Entry &entry) { return entry.code == after.code; });
        typename Kind::Entry current;
        if (adding) {
            if (at != entries.end()) {
                return makeError(ErrorCode::InvalidArgument,
                                 Tr::tr("code: '%1' is already used by another %2").arg(after.code, type));
            }
            entries.append(after);
        } else {
            if (at == entries.end() || before.code != after.code) {
                return makeError(ErrorCode::NotFound, Tr::tr("there is no %1 '%2'").arg(type, before.code));
            }
            current = *at;
            if (!RegisterEditor::changes(current, before).isEmpty()) {
                return makeError(ErrorCode::Conflict,
                                 Tr::tr("%1 '%2' was changed by someone else meanwhile; open it again to see the "
                                        "changes")
                                     .arg(type, after.code));
            }
            *at = after;
        }
        // Each value is one line of text; then the whole register is checked as a profile is, and stored only as what
        // the profile format keeps: an export loads back the same.
        for (const ProfileExport::Field &field : ProfileExport::fieldsOf(after)) {
            const QString problem = FieldRules::textProblem(QLatin1String(field.key), field.value,
                                                            FieldRules::Text::Line, FieldRules::kMaxText);
            if (!problem.isEmpty()) {
                return makeError(ErrorCode::InvalidArgument, problem);
            }
        }
        Result<Profile> checked =
            ProfileLoader::parseRegister(ProfileExport::write(profile), QStringLiteral("register"));
        if (!checked) {
            return makeError(ErrorCode::InvalidArgument, withoutPlace(checked.error().message));
        }
        QList<typename Kind::Entry> &parsed = Kind::entries(checked.value());
        const auto back = std::find_if(parsed.begin(), parsed.end(), [&after](const typename Kind::Entry &entry) {
            return entry.code == after.code;
        });
        if (back == parsed.end()) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("code: '%1' is not a valid code").arg(after.code));
        }
        const QList<RegisterEditor::Change> kept = RegisterEditor::changes(after, *back);
        if (!kept.isEmpty()) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("field '%1': holds a line break or '|', which the register cannot keep")
                                 .arg(kept.first().field));
        }
        const QList<RegisterEditor::Change> changes = RegisterEditor::changes(current, after);
        if (!adding && changes.isEmpty()) {
            return {};
        }
        RegisterStore store(tx, profile.name);
        if (Status status = Kind::store(store, after); !status) {
            return status;
        }
        return auditChanges(tx, who, type + (adding ? QStringLiteral(".add") : QStringLiteral(".update")), type,
                            after.code, changes, QString());
    });
}

Status setRetired(Database &database, const Session &who, const QString &code, const QString &on, const QString &reason)
{
    if (Status allowed = Permissions::check(who, Action::ManagePurposes); !allowed) {
        return allowed;
    }
    if (reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("reason: a reason is required"));
    }
    if (Status text = FieldRules::checkText(QStringLiteral("reason"), reason, FieldRules::Text::Multiline); !text) {
        return text;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<QVariant> current =
            sql::scalar(tx, QStringLiteral("SELECT COALESCE(retired_at, '') FROM purposes WHERE code = ?"), {code},
                        QT_TRANSLATE_NOOP("pd::sql", "reading the purpose"));
        if (!current) {
            return current.error();
        }
        if (current->isNull()) {
            return makeError(ErrorCode::NotFound, Tr::tr("there is no purpose '%1'").arg(code));
        }
        const QString was = current->toString();
        if (on.isEmpty() == was.isEmpty()) {
            return makeError(ErrorCode::InvalidArgument, on.isEmpty()
                                                             ? Tr::tr("purpose '%1' is in use, not retired").arg(code)
                                                             : Tr::tr("purpose '%1' was retired on %2").arg(code, was));
        }
        QSqlQuery query(tx);
        if (Status status = sql::exec(query, QStringLiteral("UPDATE purposes SET retired_at = ? WHERE code = ?"),
                                      {on.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(on), code},
                                      QT_TRANSLATE_NOOP("pd::sql", "retiring the purpose"));
            !status) {
            return status;
        }
        return auditChanges(tx, who,
                            on.isEmpty() ? QStringLiteral("purpose.reinstate") : QStringLiteral("purpose.retire"),
                            QStringLiteral("purpose"), code, {{QStringLiteral("retired"), was, on}}, reason.trimmed());
    });
}

QList<ProfileExport::Field> fieldsOf(const RegisterEditor::Processor &processor)
{
    return {{"name", processor.name},
            {"country", processor.country},
            {"safeguards", processor.safeguards},
            {"contract", processor.contract}};
}

} // namespace

QList<RegisterEditor::Change> RegisterEditor::changes(const ProfileController &before, const ProfileController &after)
{
    return diff(ProfileExport::fieldsOf(before), ProfileExport::fieldsOf(after));
}

QList<RegisterEditor::Change> RegisterEditor::changes(const ProfileSystem &before, const ProfileSystem &after)
{
    return diff(ProfileExport::fieldsOf(before), ProfileExport::fieldsOf(after));
}

QList<RegisterEditor::Change> RegisterEditor::changes(const ProfilePurpose &before, const ProfilePurpose &after)
{
    return diff(ProfileExport::fieldsOf(before), ProfileExport::fieldsOf(after));
}

Status RegisterEditor::saveController(Database &database, const Session &who, const ProfileController &before,
                                      const ProfileController &after)
{
    return save<ControllerKind_>(database, who, before, after);
}

Status RegisterEditor::saveLetterhead(Database &database, const Session &who, const ProfileController &before,
                                      const ProfileController &after)
{
    if (!who.isValid() || !Permissions::allows(who.role, Action::ManagePurposes)) {
        if (Status allowed = Permissions::check(who, Action::ManageSettings); !allowed) {
            return allowed;
        }
    }
    if (before.code.isEmpty() || before.code != after.code || before.kind != ControllerKind::Own) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("the letterhead is that of one of the office's own controllers"));
    }
    static const QStringList letterheadFields{QStringLiteral("name"), QStringLiteral("address"),
                                              QStringLiteral("contact"), QStringLiteral("dpo")};
    for (const Change &change : changes(before, after)) {
        if (!letterheadFields.contains(change.field)) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("field '%1': not part of the letterhead").arg(change.field));
        }
    }
    return save<ControllerKind_>(database, who, before, after, true);
}

Status RegisterEditor::saveSystem(Database &database, const Session &who, const ProfileSystem &before,
                                  const ProfileSystem &after)
{
    return save<SystemKind_>(database, who, before, after);
}

Status RegisterEditor::savePurpose(Database &database, const Session &who, const ProfilePurpose &before,
                                   const ProfilePurpose &after)
{
    return save<PurposeKind_>(database, who, before, after);
}

Status RegisterEditor::retirePurpose(Database &database, const Session &who, const QString &code, const QDate &on,
                                     const QString &reason)
{
    return setRetired(database, who, code, on.toString(Qt::ISODate), reason);
}

Status RegisterEditor::reinstatePurpose(Database &database, const Session &who, const QString &code,
                                        const QString &reason)
{
    return setRetired(database, who, code, QString(), reason);
}

Result<QList<RegisterEditor::Processor>> RegisterEditor::processors(Database &database)
{
    Result<Profile> profile = ProfileExport::read(database);
    if (!profile) {
        return profile.error();
    }
    QList<Processor> processors;
    for (const ProfilePurpose &purpose : profile->purposes) {
        for (const ProfileRecipient &recipient : purpose.recipients) {
            if (recipient.role != RecipientRole::Processor) {
                continue;
            }
            auto found = std::find_if(processors.begin(), processors.end(),
                                      [&recipient](const Processor &known) { return known.name == recipient.name; });
            if (found == processors.end()) {
                processors.append({recipient.name, recipient.country, recipient.safeguards, recipient.contract, {}});
                found = processors.end() - 1;
            }
            if (!found->purposes.contains(purpose.code)) {
                found->purposes << purpose.code;
            }
        }
    }
    std::sort(processors.begin(), processors.end(),
              [](const Processor &a, const Processor &b) { return QString::localeAwareCompare(a.name, b.name) < 0; });
    return processors;
}

Status RegisterEditor::saveProcessor(Database &database, const Session &who, const Processor &before,
                                     const Processor &after)
{
    if (Status allowed = Permissions::check(who, Action::ManagePurposes); !allowed) {
        return allowed;
    }
    if (after.name.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("name: a processor needs a name"));
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Profile> stored = ProfileExport::read(database);
        if (!stored) {
            return stored.error();
        }
        Profile &profile = stored.value();
        bool found = false;
        bool differs = false;
        for (ProfilePurpose &purpose : profile.purposes) {
            for (ProfileRecipient &recipient : purpose.recipients) {
                if (recipient.role != RecipientRole::Processor || recipient.name != before.name) {
                    continue;
                }
                found = true;
                differs = differs || recipient.country != before.country || recipient.safeguards != before.safeguards ||
                          recipient.contract != before.contract;
                recipient.name = after.name.trimmed();
                recipient.country = after.country.trimmed();
                recipient.safeguards = after.safeguards.trimmed();
                recipient.contract = after.contract.trimmed();
            }
        }
        if (!found) {
            return makeError(ErrorCode::NotFound, Tr::tr("there is no processor '%1'").arg(before.name));
        }
        if (differs) {
            return makeError(ErrorCode::Conflict, Tr::tr("processor '%1' was changed by someone else meanwhile; open "
                                                         "it again to see the changes")
                                                      .arg(before.name));
        }
        Result<Profile> checked =
            ProfileLoader::parseRegister(ProfileExport::write(profile), QStringLiteral("register"));
        if (!checked) {
            return makeError(ErrorCode::InvalidArgument, withoutPlace(checked.error().message));
        }
        const QList<Change> changes = diff(fieldsOf(before), fieldsOf(after));
        if (changes.isEmpty()) {
            return {};
        }
        QSqlQuery query(tx);
        if (Status status = sql::exec(query,
                                      QStringLiteral("UPDATE recipients SET name = ?, country = ?, safeguards = ?, "
                                                     "contract = ? WHERE role = ? AND name = ?"),
                                      {after.name.trimmed(), after.country.trimmed(), after.safeguards.trimmed(),
                                       after.contract.trimmed(), toString(RecipientRole::Processor), before.name},
                                      QT_TRANSLATE_NOOP("pd::sql", "storing a recipient"));
            !status) {
            return status;
        }
        return auditChanges(tx, who, QStringLiteral("processor.update"), QStringLiteral("processor"), before.name,
                            changes, QString());
    });
}

} // namespace pd
