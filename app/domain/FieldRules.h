#pragma once

#include "app/domain/Result.h"

#include <QString>

namespace pd {

/// What a value of a personal-data field must look like, and which fields are never shown. The one place the
/// correction dialog, the services, the import and the request intake ask.
class FieldRules
{
public:
    /// What kind of text a field holds, for textProblem().
    enum class Text {
        Name,      ///< a person's or an organisation's name: one line, at most kMaxName characters
        Line,      ///< any other single-line value (an address, a code, a channel): at most kMaxLine
        Multiline, ///< free text (what was asked, a reason, a note): line breaks and tabs allowed, at most kMaxText
    };
    static constexpr int kMaxName = 200;
    static constexpr int kMaxEmail = 254; ///< RFC 5321's limit of a forward path
    static constexpr int kMaxLine = 1000;
    static constexpr int kMaxText = 20000;

    /// Whether `value` is acceptable text for `field` of that kind; empty when it is, else one line naming the field.
    /// Control characters (NUL, ESC, BEL, ...) are refused everywhere, line breaks and tabs outside free text: a
    /// stored value must not be able to fake a line or drive a terminal when it is printed. Never repeats the value.
    /// `limit` > 0 replaces the kind's length limit (a letter template is longer than a note).
    static QString textProblem(const QString &field, QStringView value, Text kind, int limit = 0);
    static QString textProblem(const QString &field, const QString &value, Text kind, int limit = 0)
    {
        return textProblem(field, QStringView(value), kind, limit);
    }
    /// textProblem() as a Status (ErrorCode::InvalidArgument), for services checking their input.
    static Status checkText(const QString &field, const QString &value, Text kind, int limit = 0);

    /// Whether `value` is acceptable for `field`; empty when it is, else one line naming the field, never the value.
    /// The text rules first (a name field as Text::Name, others as Text::Line, an e-mail at most kMaxEmail), then:
    /// e-mail (name@domain.tld), phone (7 to 15 digits, with +, spaces, dashes, brackets), dates (YYYY-MM-DD in the
    /// past, for birth_date and every *_date), card expiry (MM/YY), card numbers (only masked: BIN and last four),
    /// country (an ISO 3166-1 alpha-2 code) and ip (an IPv4 or IPv6 address, or a network of one).
    static QString valueProblem(const QString &field, const QString &value);

    /// An ISO 3166-1 alpha-2 code, in capitals ("BY", "DE").
    static bool isCountryCode(const QString &code);
    /// A dotted IPv4 address or an IPv6 address (RFC 4291 text forms), optionally followed by /prefix.
    static bool isIpAddress(const QString &text);

    /// Fields whose values are never shown: integration tokens and keys (seed 003 §3.6).
    static bool isSecret(const QString &field);
};

} // namespace pd
