#include "app/policy/ProfileLoader.h"

#include "app/domain/FieldRules.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <optional>
#include <utility>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::ProfileLoader)
};
} // namespace

namespace pd {

namespace {

const QString kProfile = QStringLiteral("profile");
const QString kController = QStringLiteral("controller");
const QString kSystem = QStringLiteral("system");
const QString kPurpose = QStringLiteral("purpose");
const QString kRecipient = QStringLiteral("recipient");

struct KeySpec
{
    const char *key;
    bool required;
};

/// The keys each section type accepts, in the order the README documents them.
QList<KeySpec> keysOf(const QString &type)
{
    if (type == kProfile) {
        return {{"name", true}, {"source", false}, {"policy_version", true}};
    }
    if (type == kController) {
        return {{"name", true},     {"kind", true}, {"address", false},       {"country", false},
                {"contact", false}, {"dpo", false}, {"representative", false}};
    }
    if (type == kSystem) {
        return {{"name", true}, {"controller", true}, {"description", false}, {"location", false}};
    }
    return {{"controller", true}, {"system", false},          {"title", true},      {"description", false},
            {"ground", true},     {"legal_reference", false}, {"subjects", false},  {"categories", false},
            {"fields", false},    {"processing", false},      {"retention", true},  {"retention_text", false},
            {"deletion", false},  {"security", false},        {"countries", false}, {"recipient", false}};
}

QStringList retentionEvents()
{
    return {QStringLiteral("registration"), QStringLiteral("response"),     QStringLiteral("visit"),
            QStringLiteral("collection"),   QStringLiteral("contract-end"), QStringLiteral("withdrawal")};
}

struct RawField
{
    QString value;
    int line = 0;
};

/// One section as read from the file, before its values are checked.
struct RawSection
{
    QString type;
    QString code;
    int line = 0;
    QHash<QString, RawField> fields;
    QList<RawField> recipients;

    QString header() const { return code.isEmpty() ? type : type + QLatin1Char(' ') + code; }
    bool has(const char *key) const { return fields.contains(QLatin1String(key)); }
    QString value(const char *key) const { return fields.value(QLatin1String(key)).value; }
};

class Parser
{
public:
    explicit Parser(QString fileName) : m_file(std::move(fileName)) {}

    Result<Profile> run(const QString &text)
    {
        if (Status status = readLines(text); !status) {
            return status.error();
        }
        Profile profile;
        if (Status status = build(profile); !status) {
            return status.error();
        }
        return profile;
    }

private:
    Error lineError(int line, const QString &what) const
    {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("%1:%2: %3").arg(m_file, QString::number(line), what));
    }

    Error fieldError(const RawField &field, const QString &key, const QString &what) const
    {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1:%2: field '%3': %4").arg(m_file, QString::number(field.line), key, what));
    }

    Error fieldError(const RawSection &section, const char *key, const QString &what) const
    {
        return fieldError(section.fields.value(QLatin1String(key)), QLatin1String(key), what);
    }

    Error sectionError(const RawSection &section, const QString &what) const
    {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1:%2: [%3]: %4").arg(m_file, QString::number(section.line), section.header(), what));
    }

    /// First pass: splits the text into sections of raw fields; checks the syntax, keys, codes and duplicates.
    Status readLines(const QString &text)
    {
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            const QString line = lines.at(i).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
                continue;
            }
            Status status = line.startsWith(QLatin1Char('[')) ? readHeader(line, i + 1) : readField(line, i + 1);
            if (!status) {
                return status;
            }
        }
        return {};
    }

    Status readHeader(const QString &line, int lineNo)
    {
        static const QRegularExpression codePattern(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
        if (!line.endsWith(QLatin1Char(']'))) {
            return lineError(lineNo, Tr::tr("section header is not closed (expected '[TYPE CODE]')"));
        }
        const QStringList parts = line.mid(1, line.size() - 2).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        RawSection section;
        section.line = lineNo;
        section.type = parts.value(0);
        section.code = parts.value(1);
        if (section.type != kProfile && section.type != kController && section.type != kSystem &&
            section.type != kPurpose) {
            return lineError(lineNo,
                             Tr::tr("section '%1': unknown section type (expected [profile], [controller CODE], "
                                    "[system CODE] or [purpose CODE])")
                                 .arg(line));
        }
        if (section.type == kProfile && parts.size() != 1) {
            return lineError(lineNo, Tr::tr("section '%1': [profile] takes no code").arg(line));
        }
        if (section.type != kProfile && parts.size() != 2) {
            return lineError(
                lineNo, Tr::tr("section '%1': expected exactly one code, as in '[%2 CODE]'").arg(line, section.type));
        }
        if (section.type != kProfile && !codePattern.match(section.code).hasMatch()) {
            return sectionError(
                section,
                Tr::tr("'%1' is not a valid code (expected lowercase letters, digits and '-')").arg(section.code));
        }
        // Looked up, not searched: a profile of 100,000 purposes parses in linear time.
        QHash<QString, int> &codes = m_codes[section.type];
        if (const auto other = codes.constFind(section.code); other != codes.constEnd()) {
            return sectionError(section, section.type == kProfile
                                             ? Tr::tr("section given twice (first on line %1)").arg(other.value())
                                             : Tr::tr("code '%1' is already used by the %2 on line %3")
                                                   .arg(section.code, section.type)
                                                   .arg(other.value()));
        }
        codes.insert(section.code, lineNo);
        m_sections.append(section);
        return {};
    }

    Status readField(const QString &line, int lineNo)
    {
        static const QRegularExpression keyPattern(QStringLiteral("^[a-z_]+$"));
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        const QString key = eq > 0 ? line.left(eq).trimmed() : QString();
        if (!keyPattern.match(key).hasMatch()) {
            return lineError(lineNo, Tr::tr("this line is neither a section header nor a field "
                                            "(expected '[TYPE CODE]' or 'key = value')"));
        }
        const RawField field{line.mid(eq + 1).trimmed(), lineNo};
        if (const QString problem =
                FieldRules::textProblem(key, field.value, FieldRules::Text::Line, FieldRules::kMaxText);
            !problem.isEmpty()) {
            return lineError(lineNo, problem);
        }
        if (m_sections.isEmpty()) {
            return fieldError(field, key, Tr::tr("found before any section (expected a [profile] section first)"));
        }
        RawSection &section = m_sections.last();
        const QList<KeySpec> specs = keysOf(section.type);
        const bool known = std::any_of(specs.begin(), specs.end(),
                                       [&](const KeySpec &spec) { return key == QLatin1String(spec.key); });
        if (!known) {
            QStringList names;
            for (const KeySpec &spec : specs) {
                names.append(QLatin1String(spec.key));
            }
            return fieldError(field, key,
                              Tr::tr("unknown field in [%1] (expected one of: %2)")
                                  .arg(section.header(), names.join(QStringLiteral(", "))));
        }
        if (key == kRecipient) {
            section.recipients.append(field);
        } else if (section.fields.contains(key)) {
            return fieldError(field, key,
                              Tr::tr("given twice in [%1] (first on line %2; only 'recipient' may repeat)")
                                  .arg(section.header())
                                  .arg(section.fields.value(key).line));
        } else {
            section.fields.insert(key, field);
        }
        return {};
    }

    /// Checks required keys are there and not empty.
    Status checkRequired(const RawSection &section) const
    {
        for (const KeySpec &spec : keysOf(section.type)) {
            if (!spec.required) {
                continue;
            }
            if (!section.has(spec.key)) {
                return sectionError(section, Tr::tr("required field '%1' is missing").arg(QLatin1String(spec.key)));
            }
            if (section.value(spec.key).isEmpty()) {
                return fieldError(section, spec.key, Tr::tr("is empty (expected a value: the field is required)"));
            }
        }
        return {};
    }

    Result<QStringList> list(const RawSection &section, const char *key) const
    {
        QStringList items;
        const QString value = section.value(key);
        if (value.isEmpty()) {
            return items;
        }
        const QStringList parts = value.split(QLatin1Char(','));
        for (int i = 0; i < parts.size(); ++i) {
            const QString item = parts.at(i).trimmed();
            if (item.isEmpty()) {
                return fieldError(section, key,
                                  Tr::tr("item %1 of the list is empty (expected a comma-separated list)").arg(i + 1));
            }
            items.append(item);
        }
        return items;
    }

    static bool isCountry(const QString &text)
    {
        static const QRegularExpression pattern(QStringLiteral("^[A-Z]{2}$"));
        return pattern.match(text).hasMatch();
    }

    Status checkCountry(const RawField &field, const QString &key, const QString &text) const
    {
        if (!isCountry(text)) {
            return fieldError(field, key,
                              Tr::tr("'%1' is not a country code (expected an ISO 3166 alpha-2 code in "
                                     "capitals, such as BY or DE)")
                                  .arg(text));
        }
        return {};
    }

    Status buildController(const RawSection &section, Profile &profile) const
    {
        ProfileController controller;
        controller.code = section.code;
        controller.line = section.line;
        controller.name = section.value("name");
        const std::optional<ControllerKind> kind = parseControllerKind(section.value("kind"));
        if (!kind) {
            return fieldError(
                section, "kind",
                Tr::tr("'%1' is not a controller kind (expected own or client)").arg(section.value("kind")));
        }
        controller.kind = *kind;
        controller.address = section.value("address");
        controller.country = section.value("country");
        if (!controller.country.isEmpty()) {
            if (Status status = checkCountry(section.fields.value(QStringLiteral("country")), QStringLiteral("country"),
                                             controller.country);
                !status) {
                return status;
            }
        }
        controller.contact = section.value("contact");
        controller.dpoContact = section.value("dpo");
        controller.representative = section.value("representative");
        profile.controllers.append(controller);
        return {};
    }

    Status buildSystem(const RawSection &section, Profile &profile) const
    {
        ProfileSystem system;
        system.code = section.code;
        system.line = section.line;
        system.name = section.value("name");
        system.controller = section.value("controller");
        system.description = section.value("description");
        system.location = section.value("location");
        profile.systems.append(system);
        return {};
    }

    Status parseRetention(const RawSection &section, ProfilePurpose &purpose) const
    {
        static const QRegularExpression period(QStringLiteral("^(\\d{1,4})\\s+(months?|years?)\\s+after\\s+(\\S+)$"));
        const QString text = section.value("retention");
        const QString expected =
            Tr::tr("expected contract-term, legal, backup-cycle, until-withdrawal, '<N> months after <event>' or "
                   "'<N> years after <event>' with <event> one of %1")
                .arg(retentionEvents().join(QStringLiteral(", ")));
        if (text == QLatin1String("contract-term")) {
            purpose.retention = RetentionKind::ContractTerm;
        } else if (text == QLatin1String("legal")) {
            purpose.retention = RetentionKind::Legal;
        } else if (text == QLatin1String("backup-cycle")) {
            purpose.retention = RetentionKind::BackupCycle;
        } else if (text == QLatin1String("until-withdrawal")) {
            purpose.retention = RetentionKind::UntilWithdrawal;
        } else if (const QRegularExpressionMatch match = period.match(text); match.hasMatch()) {
            const int count = match.captured(1).toInt();
            if (count <= 0) {
                return fieldError(section, "retention", Tr::tr("the period must be at least 1 (%1)").arg(expected));
            }
            if (!retentionEvents().contains(match.captured(3))) {
                return fieldError(section, "retention",
                                  Tr::tr("'%1' is not a retention event (%2)").arg(match.captured(3), expected));
            }
            purpose.retention = RetentionKind::Fixed;
            purpose.retentionMonths = match.captured(2).startsWith(QLatin1String("year")) ? count * 12 : count;
            purpose.retentionEvent = match.captured(3);
        } else {
            return fieldError(section, "retention", Tr::tr("'%1' is not a retention rule (%2)").arg(text, expected));
        }
        purpose.retentionText = section.has("retention_text") ? section.value("retention_text") : text;
        return {};
    }

    Result<ProfileRecipient> parseRecipient(const RawField &field) const
    {
        const QString expected = Tr::tr("expected 'NAME | processor|controller|authority | COUNTRY | SAFEGUARDS', "
                                        "the last two optional");
        QStringList parts = field.value.split(QLatin1Char('|'));
        for (QString &part : parts) {
            part = part.trimmed();
        }
        if (parts.size() < 2 || parts.size() > 4) {
            return fieldError(field, kRecipient,
                              Tr::tr("found %1 part(s) separated by '|' (%2)").arg(parts.size()).arg(expected));
        }
        ProfileRecipient recipient;
        recipient.name = parts.at(0);
        if (recipient.name.isEmpty()) {
            return fieldError(field, kRecipient, Tr::tr("the name is empty (%1)").arg(expected));
        }
        const std::optional<RecipientRole> role = parseRecipientRole(parts.at(1));
        if (!role) {
            return fieldError(field, kRecipient,
                              Tr::tr("'%1' is not a recipient role (%2)").arg(parts.at(1), expected));
        }
        recipient.role = *role;
        recipient.country = parts.value(2);
        if (!recipient.country.isEmpty()) {
            if (Status status = checkCountry(field, kRecipient, recipient.country); !status) {
                return status.error();
            }
        }
        recipient.safeguards = parts.value(3);
        return recipient;
    }

    Status buildPurpose(const RawSection &section, Profile &profile) const
    {
        ProfilePurpose purpose;
        purpose.code = section.code;
        purpose.line = section.line;
        purpose.controller = section.value("controller");
        purpose.system = section.value("system");
        purpose.title = section.value("title");
        purpose.description = section.value("description");
        const std::optional<LegalGround> ground = parseLegalGround(section.value("ground"));
        if (!ground) {
            return fieldError(section, "ground",
                              Tr::tr("'%1' is not a legal ground (expected one of: %2)")
                                  .arg(section.value("ground"), allLegalGrounds().join(QStringLiteral(", "))));
        }
        purpose.ground = *ground;
        purpose.legalReference = section.value("legal_reference");

        struct ListField
        {
            const char *key;
            QStringList *target;
        };
        const ListField lists[] = {{"subjects", &purpose.subjectCategories},
                                   {"categories", &purpose.dataCategories},
                                   {"fields", &purpose.dataFields},
                                   {"processing", &purpose.processingKinds},
                                   {"countries", &purpose.countries}};
        for (const ListField &entry : lists) {
            Result<QStringList> items = list(section, entry.key);
            if (!items) {
                return items.error();
            }
            *entry.target = std::move(items).value();
        }
        for (const QString &category : std::as_const(purpose.dataCategories)) {
            if (!allDataCategories().contains(category)) {
                return fieldError(section, "categories",
                                  Tr::tr("'%1' is not a data category (expected one of: %2)")
                                      .arg(category, allDataCategories().join(QStringLiteral(", "))));
            }
        }
        for (const QString &country : std::as_const(purpose.countries)) {
            if (Status status = checkCountry(section.fields.value(QStringLiteral("countries")),
                                             QStringLiteral("countries"), country);
                !status) {
                return status;
            }
        }
        if (Status status = parseRetention(section, purpose); !status) {
            return status;
        }
        purpose.deletionMethod = section.value("deletion");
        purpose.securityMeasures = section.value("security");
        for (const RawField &field : section.recipients) {
            Result<ProfileRecipient> recipient = parseRecipient(field);
            if (!recipient) {
                return recipient.error();
            }
            purpose.recipients.append(std::move(recipient).value());
        }
        profile.purposes.append(purpose);
        return {};
    }

    /// A reference to a controller or system code must name a section of this file (before or after it).
    Status checkReference(const RawSection &section, const char *key, const QString &type) const
    {
        const QString code = section.value(key);
        if (code.isEmpty()) {
            return {};
        }
        const QHash<QString, int> codes = m_codes.value(type);
        if (codes.contains(code)) {
            return {};
        }
        // Name a few of the codes there are, not all of a large profile's.
        QStringList known = codes.keys();
        known.sort();
        if (known.size() > 12) {
            known = known.mid(0, 12) << QStringLiteral("…");
        }
        const QString expected = known.isEmpty() ? Tr::tr("expected a [%1 CODE] section").arg(type)
                                                 : Tr::tr("expected one of: %1").arg(known.join(QStringLiteral(", ")));
        return fieldError(section, key, Tr::tr("no [%1 %2] in this profile (%3)").arg(type, code, expected));
    }

    Status build(Profile &profile) const
    {
        const RawSection *header = nullptr;
        for (const RawSection &section : m_sections) {
            if (section.type == kProfile) {
                header = &section;
            }
        }
        if (!header) {
            return lineError(1, Tr::tr("[profile]: section is missing (expected a [profile] section with name and "
                                       "policy_version)"));
        }
        for (const RawSection &section : m_sections) {
            if (Status status = checkRequired(section); !status) {
                return status;
            }
            Status status;
            if (section.type == kProfile) {
                profile.name = section.value("name");
                profile.source = section.value("source");
                profile.policyVersion = section.value("policy_version");
            } else if (section.type == kController) {
                status = buildController(section, profile);
            } else if (section.type == kSystem) {
                status = checkReference(section, "controller", kController);
                if (status) {
                    status = buildSystem(section, profile);
                }
            } else {
                status = checkReference(section, "controller", kController);
                if (status) {
                    status = checkReference(section, "system", kSystem);
                }
                if (status) {
                    status = buildPurpose(section, profile);
                }
            }
            if (!status) {
                return status;
            }
        }
        if (profile.purposes.isEmpty()) {
            return sectionError(*header, Tr::tr("the profile defines no purpose (expected at least one "
                                                "[purpose CODE] section)"));
        }
        return {};
    }

    QString m_file;
    QList<RawSection> m_sections;
    QHash<QString, QHash<QString, int>> m_codes; ///< section type -> code -> line
};

} // namespace

Result<Profile> ProfileLoader::parse(const QString &text, const QString &fileName)
{
    QString body = text;
    if (body.startsWith(QChar(0xFEFF))) {
        body.remove(0, 1);
    }
    return Parser(fileName).run(body);
}

Result<Profile> ProfileLoader::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1: cannot read the profile: %2").arg(path, file.errorString()));
    }
    // At most kMaxFileBytes (and never endlessly: /dev/zero has no size to ask).
    const QByteArray bytes = file.read(kMaxFileBytes + 1);
    if (bytes.size() > kMaxFileBytes) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1: the profile is larger than %2 MiB").arg(path).arg(kMaxFileBytes / (1024 * 1024)));
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    if (decoder.hasError()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1: the profile is not UTF-8 text (expected a UTF-8 text file)").arg(path));
    }
    return parse(text, path);
}

QString ProfileLoader::defaultProfilePath()
{
    return QStringLiteral(":/profiles/demo.profile");
}

QStringList ProfileLoader::builtInProfiles()
{
    const QString folder = QStringLiteral(":/profiles");
    QStringList paths;
    const QStringList names = QDir(folder).entryList({QStringLiteral("*.profile")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        paths.append(folder + QLatin1Char('/') + name);
    }
    return paths;
}

} // namespace pd
