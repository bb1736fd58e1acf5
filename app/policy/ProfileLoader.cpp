#include "app/policy/ProfileLoader.h"

#include "app/domain/FieldRules.h"
#include "app/policy/ProfileSections.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <unordered_map>
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

using namespace profile;

const QStringList &retentionEvents()
{
    static const QStringList events = {QStringLiteral("registration"), QStringLiteral("response"),
                                       QStringLiteral("visit"),        QStringLiteral("collection"),
                                       QStringLiteral("contract-end"), QStringLiteral("withdrawal")};
    return events;
}

class Parser : public SectionReader
{
public:
    explicit Parser(QString fileName) : SectionReader(std::move(fileName)) {}

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
    /// Checks required keys are there and not empty.
    Status checkRequired(const RawSection &section) const
    {
        const QList<KeySpec> &specs = *section.specs;
        for (qsizetype i = 0; i < specs.size(); ++i) {
            const KeySpec &spec = specs.at(i);
            if (!spec.required) {
                continue;
            }
            const RawField &field = section.fields.at(std::size_t(i));
            if (field.line == 0) {
                return sectionError(section, Tr::tr("required field '%1' is missing").arg(QLatin1String(spec.key)));
            }
            if (field.value.isEmpty()) {
                return fieldError(section, spec.key, Tr::tr("is empty (expected a value: the field is required)"));
            }
        }
        return {};
    }

    Result<QStringList> list(const RawSection &section, const char *key) const
    {
        QStringList items;
        const QStringView value = section.field(key).value;
        if (value.isEmpty()) {
            return items;
        }
        int index = 0;
        for (const QStringView part : value.tokenize(QLatin1Char(','))) {
            ++index;
            const QStringView item = part.trimmed();
            if (item.isEmpty()) {
                return fieldError(section, key,
                                  Tr::tr("item %1 of the list is empty (expected a comma-separated list)").arg(index));
            }
            items.append(intern(item));
        }
        return items;
    }

    static bool isCountry(const QString &text)
    {
        const auto capital = [](QChar c) { return c.unicode() >= 'A' && c.unicode() <= 'Z'; };
        return text.size() == 2 && capital(text.at(0)) && capital(text.at(1));
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
            if (Status status = checkCountry(section.field("country"), QStringLiteral("country"), controller.country);
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
        system.controller = intern(section.field("controller").value);
        system.description = section.value("description");
        system.location = section.value("location");
        profile.systems.append(system);
        return {};
    }

    struct Period
    {
        int count = 0;
        bool years = false;
        QString event;
    };

    /// "<N> months after <event>" or "<N> years after <event>" (N of 1 to 4 digits; "month", "year" too), read by
    /// hand: a regular expression per purpose was a tenth of a large profile's time.
    static std::optional<Period> parsePeriod(const QString &text)
    {
        const QList<QStringView> words = QStringView(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() != 4 || words.at(0).size() > 4 || words.at(2) != QLatin1String("after")) {
            return std::nullopt;
        }
        Period period;
        for (const QChar c : words.at(0)) {
            if (c.unicode() < '0' || c.unicode() > '9') {
                return std::nullopt;
            }
            period.count = period.count * 10 + (c.unicode() - '0');
        }
        const QStringView unit = words.at(1);
        if (unit == QLatin1String("year") || unit == QLatin1String("years")) {
            period.years = true;
        } else if (unit != QLatin1String("month") && unit != QLatin1String("months")) {
            return std::nullopt;
        }
        period.event = words.at(3).toString();
        return period;
    }

    Status parseRetention(const RawSection &section, ProfilePurpose &purpose) const
    {
        const QString text = section.value("retention");
        // Translated only when a message needs it: looked up for every purpose, it was most of a large profile's time.
        const auto expected = [] {
            return Tr::tr("expected contract-term, legal, backup-cycle, until-withdrawal, '<N> months after <event>' "
                          "or '<N> years after <event>' with <event> one of %1")
                .arg(retentionEvents().join(QStringLiteral(", ")));
        };
        if (text == QLatin1String("contract-term")) {
            purpose.retention = RetentionKind::ContractTerm;
        } else if (text == QLatin1String("legal")) {
            purpose.retention = RetentionKind::Legal;
        } else if (text == QLatin1String("backup-cycle")) {
            purpose.retention = RetentionKind::BackupCycle;
        } else if (text == QLatin1String("until-withdrawal")) {
            purpose.retention = RetentionKind::UntilWithdrawal;
        } else if (const std::optional<Period> period = parsePeriod(text)) {
            if (period->count <= 0) {
                return fieldError(section, "retention", Tr::tr("the period must be at least 1 (%1)").arg(expected()));
            }
            if (!retentionEvents().contains(period->event)) {
                return fieldError(section, "retention",
                                  Tr::tr("'%1' is not a retention event (%2)").arg(period->event, expected()));
            }
            purpose.retention = RetentionKind::Fixed;
            purpose.retentionMonths = period->years ? period->count * 12 : period->count;
            purpose.retentionEvent = period->event;
        } else {
            return fieldError(section, "retention", Tr::tr("'%1' is not a retention rule (%2)").arg(text, expected()));
        }
        purpose.retentionText = section.has("retention_text") ? section.value("retention_text") : text;
        if (section.has("retention_action")) {
            const QString action = section.value("retention_action");
            const std::optional<RetentionAction> parsed = parseRetentionAction(action);
            if (!parsed) {
                return fieldError(
                    section, "retention_action",
                    Tr::tr("'%1' is not what retention ends with (expected delete or anonymize)").arg(action));
            }
            purpose.retentionAction = *parsed;
        }
        return {};
    }

    Result<ProfileRecipient> parseRecipient(const RawField &field) const
    {
        const auto expected = [] {
            return Tr::tr("expected 'NAME | processor|controller|authority | COUNTRY | SAFEGUARDS', "
                          "the last two optional");
        };
        QStringList parts;
        parts.reserve(4);
        for (const QStringView part : field.value.tokenize(QLatin1Char('|'))) {
            parts.append(intern(part.trimmed()));
        }
        if (parts.size() < 2 || parts.size() > 4) {
            return fieldError(field, kRecipient,
                              Tr::tr("found %1 part(s) separated by '|' (%2)").arg(parts.size()).arg(expected()));
        }
        ProfileRecipient recipient;
        recipient.name = parts.at(0);
        if (recipient.name.isEmpty()) {
            return fieldError(field, kRecipient, Tr::tr("the name is empty (%1)").arg(expected()));
        }
        const std::optional<RecipientRole> role = parseRecipientRole(parts.at(1));
        if (!role) {
            return fieldError(field, kRecipient,
                              Tr::tr("'%1' is not a recipient role (%2)").arg(parts.at(1), expected()));
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
        purpose.controller = intern(section.field("controller").value);
        purpose.system = intern(section.field("system").value);
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
        static const QStringList categories = allDataCategories();
        for (const QString &category : std::as_const(purpose.dataCategories)) {
            if (!categories.contains(category)) {
                return fieldError(section, "categories",
                                  Tr::tr("'%1' is not a data category (expected one of: %2)")
                                      .arg(category, allDataCategories().join(QStringLiteral(", "))));
            }
        }
        for (const QString &country : std::as_const(purpose.countries)) {
            if (Status status = checkCountry(section.field("countries"), QStringLiteral("countries"), country);
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
        profile.purposes.append(std::move(purpose));
        return {};
    }

    /// A reference to a controller or system code must name a section of this file (before or after it).
    Status checkReference(const RawSection &section, const char *key, const QString &type) const
    {
        const QString code = section.value(key);
        if (code.isEmpty()) {
            return {};
        }
        static const QHash<QString, int> none;
        const auto found = m_codes.constFind(type);
        const QHash<QString, int> &codes = found == m_codes.constEnd() ? none : found.value();
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
        qsizetype purposes = 0;
        for (const RawSection &section : m_sections) {
            if (section.type == kProfile) {
                header = &section;
            }
            purposes += section.type == kPurpose ? 1 : 0;
        }
        profile.purposes.reserve(purposes);
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

    /// One string for every occurrence of the same reference, list item or recipient part: controllers, systems,
    /// categories, fields, countries and processors come from small vocabularies that a large profile repeats in
    /// every purpose. Keys are views into the profile's text, which outlives the parser.
    QString intern(QStringView text) const
    {
        const auto found = m_interned.find(text);
        if (found != m_interned.end()) {
            return found->second;
        }
        QString copy = text.toString();
        m_interned.emplace(text, copy);
        return copy;
    }
    struct ViewHash
    {
        std::size_t operator()(QStringView view) const { return qHash(view); }
    };
    mutable std::unordered_map<QStringView, QString, ViewHash> m_interned;
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
