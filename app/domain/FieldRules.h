#pragma once

#include <QString>

namespace pd {

/// What a value of a personal-data field must look like, and which fields are never shown. The one place the
/// correction dialog, the services, the import and the request intake ask.
class FieldRules
{
public:
    /// Whether `value` is acceptable for `field`; empty when it is, else one line naming the field, never the value.
    /// E-mail (name@domain.tld), phone (7 to 15 digits, with +, spaces, dashes, brackets), dates (YYYY-MM-DD in the
    /// past, for birth_date and every *_date), card expiry (MM/YY) and card numbers (only masked: BIN and last four).
    static QString valueProblem(const QString &field, const QString &value);

    /// Fields whose values are never shown: integration tokens and keys (seed 003 §3.6).
    static bool isSecret(const QString &field);
};

} // namespace pd
