#include "app/policy/ProfileSections.h"

#include "app/domain/FieldRules.h"

#include <QCoreApplication>

#include <cstring>
#include <utility>

namespace {
/// Messages of this file, filed by lupdate under the context ProfileLoader's own are.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::ProfileLoader)
};
} // namespace

namespace pd::profile {

namespace {

/// Whether every character of `text` is one of `allowed` (ASCII ranges as "az09-") and there is at least one;
/// a hand-written check, because a profile of 100,000 purposes has over a million lines to look at.
bool onlyAscii(QStringView text, bool digits, bool dash, bool underscore)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (digits && u >= '0' && u <= '9') || (dash && u == '-') ||
                        (underscore && u == '_');
        if (!ok) {
            return false;
        }
    }
    return true;
}

} // namespace

/// The keys each section type accepts, in the order the README documents them (built once: every line asks).
const QList<KeySpec> &keysOf(const QString &type)
{
    static const QList<KeySpec> profile = {{"name", true}, {"source", false}, {"policy_version", true}};
    static const QList<KeySpec> controller = {
        {"name", true},     {"kind", true}, {"address", false},        {"country", false},
        {"contact", false}, {"dpo", false}, {"representative", false}, {"joint_controller", false},
        {"contract", false}};
    static const QList<KeySpec> system = {
        {"name", true}, {"controller", true}, {"description", false}, {"location", false}};
    static const QList<KeySpec> purpose = {{"controller", true},
                                           {"system", false},
                                           {"title", true},
                                           {"description", false},
                                           {"ground", true},
                                           {"legal_reference", false},
                                           {"special", false},
                                           {"special_condition", false},
                                           {"subjects", false},
                                           {"categories", false},
                                           {"fields", false},
                                           {"source", false},
                                           {"processing", false},
                                           {"retention", true},
                                           {"retention_text", false},
                                           {"retention_action", false},
                                           {"category_retention", false},
                                           {"deletion", false},
                                           {"security", false},
                                           {"countries", false},
                                           {"recipient", false},
                                           {"automated_decisions", false},
                                           {"dpia", false},
                                           {"retired", false}};
    if (type == kProfile) {
        return profile;
    }
    if (type == kController) {
        return controller;
    }
    return type == kSystem ? system : purpose;
}

int keyIndex(const QList<KeySpec> &specs, QStringView key)
{
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const char *name = specs.at(i).key;
        if (!key.isEmpty() && key.front().unicode() == char16_t(name[0]) && key == QLatin1String(name)) {
            return int(i);
        }
    }
    return -1;
}

int keyIndex(const QList<KeySpec> &specs, const char *key)
{
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const char *name = specs.at(i).key;
        if (name[0] == key[0] && std::strcmp(name, key) == 0) {
            return int(i);
        }
    }
    return -1;
}

Error SectionReader::lineError(int line, const QString &what) const
{
    return makeError(ErrorCode::InvalidArgument, Tr::tr("%1:%2: %3").arg(m_file, QString::number(line), what));
}

Error SectionReader::fieldError(const RawField &field, const QString &key, const QString &what) const
{
    return makeError(ErrorCode::InvalidArgument,
                     Tr::tr("%1:%2: field '%3': %4").arg(m_file, QString::number(field.line), key, what));
}

Error SectionReader::fieldError(const RawSection &section, const char *key, const QString &what) const
{
    return fieldError(section.field(key), QLatin1String(key), what);
}

Error SectionReader::sectionError(const RawSection &section, const QString &what) const
{
    return makeError(ErrorCode::InvalidArgument,
                     Tr::tr("%1:%2: [%3]: %4").arg(m_file, QString::number(section.line), section.header(), what));
}

Status SectionReader::readLines(const QString &text)
{
    // Views into the text, not a list of a million line copies; room for every section at once (growing a list
    // of a hundred thousand sections step by step costs more than reading them).
    const QStringView all(text);
    const qsizetype sections = all.count(QLatin1Char('[')) + 1;
    m_sections.reserve(sections);
    m_codes[kPurpose].reserve(sections);
    int lineNo = 0;
    for (qsizetype start = 0; start <= all.size();) {
        qsizetype end = all.indexOf(QLatin1Char('\n'), start);
        if (end < 0) {
            end = all.size();
        }
        const QStringView line = all.mid(start, end - start).trimmed();
        start = end + 1;
        ++lineNo;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        Status status = line.startsWith(QLatin1Char('[')) ? readHeader(line, lineNo) : readField(line, lineNo);
        if (!status) {
            return status;
        }
    }
    return {};
}

Status SectionReader::readHeader(QStringView line, int lineNo)
{
    if (!line.endsWith(QLatin1Char(']'))) {
        return lineError(lineNo, Tr::tr("section header is not closed (expected '[TYPE CODE]')"));
    }
    const QList<QStringView> parts = line.mid(1, line.size() - 2).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    RawSection section;
    section.line = lineNo;
    const QStringView type = parts.value(0);
    // The shared constants, not a copy per section.
    for (const QString *known : {&kProfile, &kController, &kSystem, &kPurpose}) {
        if (type == *known) {
            section.type = *known;
        }
    }
    if (section.type.isEmpty()) {
        section.type = type.toString();
    }
    section.code = parts.value(1).toString();
    section.specs = &keysOf(section.type);
    if (section.type != kProfile && section.type != kController && section.type != kSystem &&
        section.type != kPurpose) {
        return lineError(lineNo, Tr::tr("section '%1': unknown section type (expected [profile], [controller CODE], "
                                        "[system CODE] or [purpose CODE])")
                                     .arg(line));
    }
    if (section.type == kProfile && parts.size() != 1) {
        return lineError(lineNo, Tr::tr("section '%1': [profile] takes no code").arg(line));
    }
    if (section.type != kProfile && parts.size() != 2) {
        return lineError(lineNo,
                         Tr::tr("section '%1': expected exactly one code, as in '[%2 CODE]'").arg(line, section.type));
    }
    if (section.type != kProfile &&
        (!onlyAscii(section.code, true, true, false) || section.code.startsWith(QLatin1Char('-')))) {
        return sectionError(
            section, Tr::tr("'%1' is not a valid code (expected lowercase letters, digits and '-')").arg(section.code));
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
    m_sections.append(std::move(section));
    return {};
}

Status SectionReader::readField(QStringView line, int lineNo)
{
    const qsizetype eq = line.indexOf(QLatin1Char('='));
    const QStringView keyView = eq > 0 ? line.left(eq).trimmed() : QStringView();
    if (!onlyAscii(keyView, false, false, true)) {
        return lineError(lineNo, Tr::tr("this line is neither a section header nor a field "
                                        "(expected '[TYPE CODE]' or 'key = value')"));
    }
    const RawField field{line.mid(eq + 1).trimmed(), lineNo};
    // The key's own string only for a message: a large profile has a million lines that need none.
    const auto key = [keyView] { return keyView.toString(); };
    if (!FieldRules::textProblem(QString(), field.value, FieldRules::Text::Line, FieldRules::kMaxText).isEmpty()) {
        return lineError(lineNo,
                         FieldRules::textProblem(key(), field.value, FieldRules::Text::Line, FieldRules::kMaxText));
    }
    if (m_sections.isEmpty()) {
        return fieldError(field, key(), Tr::tr("found before any section (expected a [profile] section first)"));
    }
    RawSection &section = m_sections.last();
    const QList<KeySpec> &specs = *section.specs;
    const int index = keyIndex(specs, keyView);
    if (index < 0) {
        QStringList names;
        for (const KeySpec &spec : specs) {
            names.append(QLatin1String(spec.key));
        }
        return fieldError(field, key(),
                          Tr::tr("unknown field in [%1] (expected one of: %2)")
                              .arg(section.header(), names.join(QStringLiteral(", "))));
    }
    if (keyView == kRecipient) {
        section.recipients.append(field);
    } else if (keyView == kCategoryRetention) {
        section.categoryRetention.append(field);
    } else if (RawField &given = section.fields.at(std::size_t(index)); given.line > 0) {
        return fieldError(
            field, key(),
            Tr::tr("given twice in [%1] (first on line %2; only 'recipient' and 'category_retention' may repeat)")
                .arg(section.header())
                .arg(given.line));
    } else {
        given = field;
    }
    return {};
}

} // namespace pd::profile
