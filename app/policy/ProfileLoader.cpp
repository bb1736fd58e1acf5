#include "app/policy/ProfileLoader.h"

#include "app/domain/FieldRules.h"
#include "app/policy/ProfileSections.h"

#include <QCoreApplication>
#include <QDate>
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

class Parser : public SectionReader
{
public:
    Parser(QString fileName, bool requirePurposes)
        : SectionReader(std::move(fileName)), m_requirePurposes(requirePurposes)
    {
    }

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
        controller.jointController = section.value("joint_controller");
        controller.contract = section.value("contract");
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

    /// A rule's text ("5 years after collection", "contract-term", ...), or the message that says what is wrong with
    /// it; `key` and `field` name where it comes from.
    Result<RetentionRule> parseRule(const RawField &field, const QString &key, QStringView text) const
    {
        RetentionRuleProblem problem = RetentionRuleProblem::None;
        const std::optional<RetentionRule> rule = parseRetentionRule(text, &problem);
        if (rule) {
            return *rule;
        }
        // Translated only when a message needs it: looked up for every purpose, it was most of a large profile's
        // time.
        const QString expected = Tr::tr("expected contract-term, legal, backup-cycle, until-withdrawal, '<N> months "
                                        "after <event>' or '<N> years after <event>' with <event> one of %1")
                                     .arg(retentionEvents().join(QStringLiteral(", ")));
        switch (problem) {
        case RetentionRuleProblem::ZeroPeriod:
            return fieldError(field, key, Tr::tr("the period must be at least 1 (%1)").arg(expected));
        case RetentionRuleProblem::UnknownEvent:
            return fieldError(field, key,
                              Tr::tr("'%1' is not a retention event (%2)")
                                  .arg(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).last().toString(), expected));
        default:
            return fieldError(field, key, Tr::tr("'%1' is not a retention rule (%2)").arg(text.toString(), expected));
        }
    }

    /// "delete" or "anonymize" into `action`.
    Status parseAction(const RawField &field, const QString &key, QStringView text, RetentionAction &action) const
    {
        const std::optional<RetentionAction> parsed = parseRetentionAction(text.toString());
        if (!parsed) {
            return fieldError(
                field, key,
                Tr::tr("'%1' is not what retention ends with (expected delete or anonymize)").arg(text.toString()));
        }
        action = *parsed;
        return {};
    }

    Status parseRetention(const RawSection &section, ProfilePurpose &purpose) const
    {
        const QString text = section.value("retention");
        Result<RetentionRule> rule = parseRule(section.field("retention"), QStringLiteral("retention"), text);
        if (!rule) {
            return rule.error();
        }
        purpose.retention = rule->kind;
        purpose.retentionMonths = rule->months;
        purpose.retentionEvent = rule->event;
        purpose.retentionText = section.has("retention_text") ? section.value("retention_text") : text;
        if (section.has("retention_action")) {
            return parseAction(section.field("retention_action"), QStringLiteral("retention_action"),
                               section.field("retention_action").value, purpose.retentionAction);
        }
        return {};
    }

    /// "CATEGORY | RULE | ACTION | TEXT", the last two optional.
    Result<ProfileCategoryRetention> parseCategoryRetention(const RawField &field, const ProfilePurpose &purpose) const
    {
        const QList<QStringView> parts = field.value.split(QLatin1Char('|'));
        if (parts.size() < 2 || parts.size() > 4) {
            return fieldError(field, kCategoryRetention,
                              Tr::tr("found %1 part(s) separated by '|' (expected 'CATEGORY | RULE | ACTION | "
                                     "TEXT', the last two optional)")
                                  .arg(parts.size()));
        }
        ProfileCategoryRetention entry;
        entry.category = parts.at(0).trimmed().toString();
        if (!purpose.dataCategories.contains(entry.category)) {
            return fieldError(field, kCategoryRetention,
                              Tr::tr("'%1' is not one of this purpose's categories (expected one of: %2)")
                                  .arg(entry.category, purpose.dataCategories.join(QStringLiteral(", "))));
        }
        const QStringView text = parts.at(1).trimmed();
        Result<RetentionRule> rule = parseRule(field, kCategoryRetention, text);
        if (!rule) {
            return rule.error();
        }
        entry.retention = rule->kind;
        entry.retentionMonths = rule->months;
        entry.retentionEvent = rule->event;
        if (parts.size() > 2 && !parts.at(2).trimmed().isEmpty()) {
            if (Status status = parseAction(field, kCategoryRetention, parts.at(2).trimmed(), entry.retentionAction);
                !status) {
                return status.error();
            }
        }
        entry.retentionText = parts.size() > 3 ? parts.at(3).trimmed().toString() : text.toString();
        for (const ProfileCategoryRetention &other : purpose.categoryRetention) {
            if (other.category == entry.category) {
                return fieldError(field, kCategoryRetention,
                                  Tr::tr("category '%1' is given a period twice").arg(entry.category));
            }
        }
        return entry;
    }

    Result<ProfileRecipient> parseRecipient(const RawField &field) const
    {
        const auto expected = [] {
            return Tr::tr("expected 'NAME | processor|controller|authority|internal | COUNTRY | SAFEGUARDS | "
                          "CONTRACT', the last three optional");
        };
        QStringList parts;
        parts.reserve(4);
        for (const QStringView part : field.value.tokenize(QLatin1Char('|'))) {
            parts.append(intern(part.trimmed()));
        }
        if (parts.size() < 2 || parts.size() > 5) {
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
        recipient.contract = parts.value(4);
        return recipient;
    }

    /// The record-of-processing fields: special categories, source, automated decisions, DPIA, retirement.
    Status parseRecord(const RawSection &section, ProfilePurpose &purpose) const
    {
        const QString special = section.value("special");
        if (special == QLatin1String("yes")) {
            purpose.specialCategory = true;
        } else if (!special.isEmpty() && special != QLatin1String("no")) {
            return fieldError(section, "special", Tr::tr("'%1' is neither yes nor no").arg(special));
        }
        purpose.specialCondition = section.value("special_condition");
        if (!purpose.specialCondition.isEmpty() && !purpose.specialCategory) {
            return fieldError(section, "special_condition",
                              Tr::tr("is given for a purpose without special categories of data (expected "
                                     "'special = yes' with it)"));
        }
        purpose.dataSource = section.value("source");
        purpose.automatedDecisions = section.value("automated_decisions");
        if (section.has("dpia")) {
            const std::optional<DpiaStatus> dpia = parseDpiaStatus(section.value("dpia"));
            if (!dpia) {
                return fieldError(section, "dpia",
                                  Tr::tr("'%1' is not a DPIA status (expected one of: %2)")
                                      .arg(section.value("dpia"), allDpiaStatuses().join(QStringLiteral(", "))));
            }
            purpose.dpia = *dpia;
        }
        purpose.retiredOn = section.value("retired");
        if (!purpose.retiredOn.isEmpty() && !QDate::fromString(purpose.retiredOn, Qt::ISODate).isValid()) {
            return fieldError(section, "retired",
                              Tr::tr("'%1' is not a date (expected YYYY-MM-DD)").arg(purpose.retiredOn));
        }
        return {};
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
        for (const RawField &field : section.categoryRetention) {
            Result<ProfileCategoryRetention> entry = parseCategoryRetention(field, purpose);
            if (!entry) {
                return entry.error();
            }
            purpose.categoryRetention.append(std::move(entry).value());
        }
        if (Status status = parseRecord(section, purpose); !status) {
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
        if (profile.purposes.isEmpty() && m_requirePurposes) {
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
    bool m_requirePurposes = true;
};

} // namespace

Result<Profile> ProfileLoader::parse(const QString &text, const QString &fileName)
{
    QString body = text;
    if (body.startsWith(QChar(0xFEFF))) {
        body.remove(0, 1);
    }
    return Parser(fileName, true).run(body);
}

Result<Profile> ProfileLoader::parseRegister(const QString &text, const QString &fileName)
{
    return Parser(fileName, false).run(text);
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
