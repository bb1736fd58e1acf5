#include "app/domain/ImportFile.h"

#include "app/domain/CsvReader.h"
#include "app/domain/FieldRules.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::ImportFile)
};
} // namespace

namespace pd {

namespace {

/// A header as it is matched: trimmed, lower case, spaces and dashes as '_'.
QString normalized(const QString &header)
{
    QString name = header.trimmed().toLower();
    name.replace(QLatin1Char(' '), QLatin1Char('_')).replace(QLatin1Char('-'), QLatin1Char('_'));
    return name;
}

/// A header safe to repeat in a message: a header is not personal data, but it must not drive a terminal.
QString shown(const QString &header)
{
    return FieldRules::textProblem(QString(), header, FieldRules::Text::Name).isEmpty() ? header.trimmed()
                                                                                        : QStringLiteral("?");
}

} // namespace

QString ImportTarget::toString() const
{
    switch (kind) {
    case Kind::Ignored:
        return QStringLiteral("ignore");
    case Kind::Column:
        return name;
    case Kind::Item:
        return category + QLatin1Char('.') + name;
    }
    return {};
}

const QStringList &ImportFile::understoodColumns()
{
    static const QStringList columns = {QStringLiteral("full_name"),
                                        QStringLiteral("first_name"),
                                        QStringLiteral("last_name"),
                                        QStringLiteral("email"),
                                        QStringLiteral("phone"),
                                        QStringLiteral("birth_date"),
                                        QStringLiteral("country"),
                                        QStringLiteral("city"),
                                        QStringLiteral("address"),
                                        QStringLiteral("ip"),
                                        QStringLiteral("card_masked"),
                                        QStringLiteral("card_expiry"),
                                        QStringLiteral("cardholder"),
                                        QStringLiteral("external_id"),
                                        QStringLiteral("purpose"),
                                        QStringLiteral("controller"),
                                        QStringLiteral("collected_at"),
                                        QStringLiteral("source"),
                                        QStringLiteral("consent_given_at"),
                                        QStringLiteral("policy_version")};
    return columns;
}

QString ImportFile::understoodColumn(const QString &header)
{
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("name"), QStringLiteral("full_name")},
        {QStringLiteral("fullname"), QStringLiteral("full_name")},
        {QStringLiteral("firstname"), QStringLiteral("first_name")},
        {QStringLiteral("given_name"), QStringLiteral("first_name")},
        {QStringLiteral("lastname"), QStringLiteral("last_name")},
        {QStringLiteral("surname"), QStringLiteral("last_name")},
        {QStringLiteral("family_name"), QStringLiteral("last_name")},
        {QStringLiteral("e_mail"), QStringLiteral("email")},
        {QStringLiteral("mail"), QStringLiteral("email")},
        {QStringLiteral("email_address"), QStringLiteral("email")},
        {QStringLiteral("telephone"), QStringLiteral("phone")},
        {QStringLiteral("tel"), QStringLiteral("phone")},
        {QStringLiteral("mobile"), QStringLiteral("phone")},
        {QStringLiteral("phone_number"), QStringLiteral("phone")},
        {QStringLiteral("date_of_birth"), QStringLiteral("birth_date")},
        {QStringLiteral("birthdate"), QStringLiteral("birth_date")},
        {QStringLiteral("dob"), QStringLiteral("birth_date")},
        {QStringLiteral("ip_address"), QStringLiteral("ip")},
        {QStringLiteral("country_code"), QStringLiteral("country")},
    };
    const QString name = normalized(header);
    if (understoodColumns().contains(name)) {
        return name;
    }
    return aliases.value(name);
}

Result<ImportTarget> ImportFile::parseTarget(const QString &text)
{
    const QString target = text.trimmed();
    ImportTarget result;
    if (target == QLatin1String("ignore") || target == QLatin1String("-")) {
        return result;
    }
    if (understoodColumns().contains(target)) {
        result.kind = ImportTarget::Kind::Column;
        result.name = target;
        return result;
    }
    static const QRegularExpression item(QStringLiteral("^([a-z][a-z0-9_]{0,39})\\.([a-z][a-z0-9_]{0,39})$"));
    const QRegularExpressionMatch match = item.match(target);
    if (!match.hasMatch()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("'%1' is not a target: expected one of the understood columns, category.field (a data "
                                "item, e.g. account.city) or ignore")
                             .arg(shown(target)));
    }
    result.kind = ImportTarget::Kind::Item;
    result.category = match.captured(1);
    result.name = match.captured(2);
    return result;
}

Result<QHash<QString, QString>> ImportFile::readMapping(const QString &text, const QString &fileName)
{
    QHash<QString, QString> mapping;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.startsWith(QChar(0xFEFF))) {
            line.remove(0, 1);
        }
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const qsizetype equals = line.lastIndexOf(QLatin1Char('='));
        if (equals <= 0) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("%1: line %2: expected 'column = target'").arg(fileName).arg(i + 1));
        }
        const QString column = line.left(equals).trimmed();
        const Result<ImportTarget> target = parseTarget(line.mid(equals + 1));
        if (!target) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1: ").arg(fileName) +
                                 Tr::tr("line %1: %2").arg(i + 1).arg(target.error().message));
        }
        if (mapping.contains(column)) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("%1: line %2: column '%3' is mapped twice").arg(fileName).arg(i + 1).arg(shown(column)));
        }
        mapping.insert(column, target->toString());
    }
    return mapping;
}

int ImportFile::columnOf(const QString &name) const
{
    for (int i = 0; i < targets.size(); ++i) {
        if (targets.at(i).kind == ImportTarget::Kind::Column && targets.at(i).name == name) {
            return i;
        }
    }
    return -1;
}

QString ImportFile::value(const Record &record, const QString &name) const
{
    const int column = columnOf(name);
    return column < 0 || column >= record.values.size() ? QString() : record.values.at(column).trimmed();
}

namespace {

Status readCsv(ImportFile &file, const QString &text, const QString &fileName, QChar separator)
{
    file.separator = separator.isNull() ? CsvReader::detectSeparator(text) : separator;
    CsvReader reader(text, file.separator);
    if (!reader.next(&file.header)) {
        return makeError(ErrorCode::InvalidArgument, reader.error().isEmpty()
                                                         ? Tr::tr("%1: the file is empty").arg(fileName)
                                                         : QStringLiteral("%1: %2").arg(fileName, reader.error()));
    }
    QStringList fields;
    while (reader.next(&fields)) {
        if (fields.size() == 1 && fields.first().trimmed().isEmpty()) {
            continue; // a blank line
        }
        ImportFile::Record record;
        record.row = reader.row();
        if (fields.size() != file.header.size()) {
            record.problem = Tr::tr("expected %1 fields, found %2").arg(file.header.size()).arg(fields.size());
        }
        record.values = fields;
        file.records.append(record);
    }
    if (!reader.error().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1: %2; nothing was imported").arg(fileName, reader.error()));
    }
    return {};
}

Status readJsonLines(ImportFile &file, const QString &text, const QString &fileName)
{
    QList<std::pair<int, QJsonObject>> objects;
    QList<ImportFile::Record> unreadable;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (i == 0 && line.startsWith(QChar(0xFEFF))) {
            line.remove(0, 1);
        }
        if (line.trimmed().isEmpty()) {
            continue;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            ImportFile::Record record;
            record.row = i + 1;
            record.problem = Tr::tr("not a JSON object on one line");
            unreadable.append(record);
            continue;
        }
        const QJsonObject object = document.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!file.header.contains(it.key())) {
                file.header.append(it.key());
            }
        }
        objects.append({i + 1, object});
    }
    if (file.header.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("%1: the file has no JSON objects").arg(fileName));
    }
    for (const auto &[row, object] : std::as_const(objects)) {
        ImportFile::Record record;
        record.row = row;
        for (const QString &column : std::as_const(file.header)) {
            const QJsonValue value = object.value(column);
            if (value.isString()) {
                record.values << value.toString();
            } else if (value.isDouble()) {
                record.values << QString::number(value.toDouble(), 'g', 17);
            } else if (value.isBool()) {
                record.values << (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
            } else if (value.isNull() || value.isUndefined()) {
                record.values << QString();
            } else {
                record.values << QString();
                if (record.problem.isEmpty()) {
                    record.problem = Tr::tr("field '%1': expected text, a number or null").arg(shown(column));
                }
            }
        }
        file.records.append(record);
    }
    for (ImportFile::Record &record : unreadable) {
        record.values = QStringList(file.header.size(), QString());
        file.records.append(record);
    }
    std::sort(file.records.begin(), file.records.end(),
              [](const ImportFile::Record &a, const ImportFile::Record &b) { return a.row < b.row; });
    return {};
}

/// One subject exported by another controller (docs/subject-export.md): its name, e-mail and phone, and each data
/// item as a column "category.field". What the export hid, what was anonymized, and consents (given to the other
/// controller, not to us) are not taken, with a warning. `mapping` receives where the item columns go.
Status readSubjectExport(ImportFile &file, const QString &text, const QString &fileName,
                         QHash<QString, QString> &mapping)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1: not a subject's data as JSON (%2)").arg(fileName, error.errorString()));
    }
    const QJsonObject subject = document.object();
    if (!subject.value(QStringLiteral("items")).isArray()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1: not a subject's data as JSON: there is no \"items\" list").arg(fileName));
    }
    ImportFile::Record record;
    record.row = 1;
    for (const auto &[column, key] :
         {std::pair<const char *, const char *>{"full_name", "name"}, {"email", "email"}, {"phone", "phone"}}) {
        file.header << QLatin1String(column);
        record.values << subject.value(QLatin1String(key)).toString();
    }
    static const QRegularExpression identifier(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
    int hidden = 0;
    int duplicates = 0;
    const QJsonArray items = subject.value(QStringLiteral("items")).toArray();
    for (qsizetype index = 0; index < items.size(); ++index) {
        const QJsonObject item = items.at(index).toObject();
        const QString category = item.value(QStringLiteral("category")).toString();
        const QString field = item.value(QStringLiteral("field")).toString();
        const QString content = item.value(QStringLiteral("value")).toString();
        if (!identifier.match(category).hasMatch() || !identifier.match(field).hasMatch()) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("%1: item %2: category and field must be lower-case names").arg(fileName).arg(index + 1));
        }
        if (content == QLatin1String("(hidden)") ||
            item.value(QStringLiteral("state")).toString() == QLatin1String("anonymized") || content.isEmpty()) {
            ++hidden;
            continue;
        }
        const QString column = category + QLatin1Char('.') + field;
        // The listing's name, e-mail and phone are items of the account already.
        if (category == QLatin1String("account") &&
            (field == QLatin1String("name") || field == QLatin1String("email") || field == QLatin1String("phone"))) {
            continue;
        }
        if (file.header.contains(column)) {
            ++duplicates;
            continue;
        }
        file.header << column;
        record.values << content;
        mapping.insert(column, column);
    }
    if (hidden > 0) {
        file.warnings << Tr::tr("%1 items were hidden or anonymized in the export and are not imported").arg(hidden);
    }
    if (duplicates > 0) {
        file.warnings << Tr::tr("%1 further values of a field already taken are not imported").arg(duplicates);
    }
    if (!subject.value(QStringLiteral("consents")).toArray().isEmpty()) {
        file.warnings << Tr::tr("consents are not imported: they were given to the other controller");
    }
    file.records << record;
    return {};
}

} // namespace

Result<ImportFile> ImportFile::parse(const QString &text, const QString &fileName, const Options &options)
{
    ImportFile file;
    file.format = options.format.value_or(
        fileName.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive) ||
                fileName.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive)
            ? Format::Jsonl
            : (fileName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? Format::SubjectExport : Format::Csv));
    QHash<QString, QString> mapping = options.mapping;
    const Status read = file.format == Format::Jsonl           ? readJsonLines(file, text, fileName)
                        : file.format == Format::SubjectExport ? readSubjectExport(file, text, fileName, mapping)
                                                               : readCsv(file, text, fileName, options.separator);
    if (!read) {
        return read.error();
    }
    QSet<QString> seen;
    QHash<QString, QString> destinations; // target -> the column that goes there
    for (const QString &column : std::as_const(file.header)) {
        const QString name = column.trimmed();
        if (seen.contains(name.toLower())) {
            // Which of the two would hold the value? Guessing would store the wrong one.
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("%1: row 1: column '%2' appears twice").arg(fileName, shown(name)));
        }
        seen.insert(name.toLower());
        ImportTarget target;
        const bool mapped = mapping.contains(name);
        if (mapped) {
            Result<ImportTarget> given = parseTarget(mapping.value(name));
            if (!given) {
                return given.error();
            }
            target = given.value();
        } else if (const QString understood = understoodColumn(name); !understood.isEmpty()) {
            target.kind = ImportTarget::Kind::Column;
            target.name = understood;
        }
        if (target.kind == ImportTarget::Kind::Ignored) {
            if (mapped) {
                file.targets << target; // ignored as the mapping says: no surprise to warn of
                continue;
            }
            file.warnings << Tr::tr("column '%1' is not understood and is ignored (map it to a data field to import "
                                    "it)")
                                 .arg(shown(name));
        } else {
            const QString destination = target.toString();
            if (destinations.contains(destination)) {
                return makeError(ErrorCode::InvalidArgument,
                                 Tr::tr("%1: row 1: columns '%2' and '%3' both go to '%4'")
                                     .arg(fileName, shown(destinations.value(destination)), shown(name), destination));
            }
            destinations.insert(destination, name);
        }
        file.targets << target;
    }
    for (auto it = mapping.cbegin(); it != mapping.cend(); ++it) {
        if (!seen.contains(it.key().trimmed().toLower())) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("%1: the mapping names column '%2', which the file does not have")
                                 .arg(fileName, shown(it.key())));
        }
    }
    return file;
}

} // namespace pd
