#pragma once

// The first pass of ProfileLoader: the text of a profile cut into sections of raw fields, with the messages that
// name a file and line. Internal to app/policy (ProfileLoader.cpp and ProfileSections.cpp).

#include "app/domain/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <utility>

namespace pd::profile {

inline const QString kProfile = QStringLiteral("profile");
inline const QString kController = QStringLiteral("controller");
inline const QString kSystem = QStringLiteral("system");
inline const QString kPurpose = QStringLiteral("purpose");
inline const QString kRecipient = QStringLiteral("recipient");
inline const QString kCategoryRetention = QStringLiteral("category_retention");

struct KeySpec
{
    const char *key;
    bool required;
};

/// The keys each section type accepts, in the order resources/profiles/README.md documents them.
const QList<KeySpec> &keysOf(const QString &type);

/// A value as read: a view into the profile's text, which outlives the parser (ProfileLoader::parse); only the
/// values that go into the Profile are copied out.
struct RawField
{
    QStringView value;
    int line = 0;
};

/// The place of `key` among a section type's keys, or -1.
int keyIndex(const QList<KeySpec> &specs, QStringView key);
int keyIndex(const QList<KeySpec> &specs, const char *key);

constexpr int kMaxKeys = 24; ///< the most keys a section type has (purpose)

/// One section as read from the file, before its values are checked. Its fields sit in the places of their keys
/// (no hash per section: a large profile has a hundred thousand sections).
struct RawSection
{
    QString type;
    QString code;
    int line = 0;
    const QList<KeySpec> *specs = nullptr;
    std::array<RawField, kMaxKeys> fields; ///< by keyIndex(); a field not given has line 0
    QList<RawField> recipients;
    QList<RawField> categoryRetention;

    QString header() const { return code.isEmpty() ? type : type + QLatin1Char(' ') + code; }
    const RawField &field(const char *key) const
    {
        static const RawField none;
        const int index = keyIndex(*specs, key);
        return index < 0 ? none : fields.at(std::size_t(index));
    }
    bool has(const char *key) const { return field(key).line > 0; }
    QString value(const char *key) const { return field(key).value.toString(); }
};

/// Reads a profile's text into sections (the first pass): checks the syntax, the keys, the codes and duplicates.
/// The sections' values are views into the text, which must outlive the reader.
class SectionReader
{
public:
    explicit SectionReader(QString fileName) : m_file(std::move(fileName)) {}

    /// Splits the text into sections of raw fields; the first error stops it.
    Status readLines(const QString &text);

    // "FILE:LINE: ..." messages (ErrorCode::InvalidArgument).
    Error lineError(int line, const QString &what) const;
    Error fieldError(const RawField &field, const QString &key, const QString &what) const;
    Error fieldError(const RawSection &section, const char *key, const QString &what) const;
    Error sectionError(const RawSection &section, const QString &what) const;

protected:
    QList<RawSection> m_sections;
    QHash<QString, QHash<QString, int>> m_codes; ///< section type -> code -> line

private:
    Status readHeader(QStringView line, int lineNo);
    Status readField(QStringView line, int lineNo);

    QString m_file;
};

} // namespace pd::profile
