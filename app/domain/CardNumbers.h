#pragma once

#include <QString>

namespace pd::cardnumbers {

/// Whether `text` holds what looks like a full payment card number (PCI DSS: it is never stored here): 13 to 19
/// digits, written together or in groups split by single spaces or dashes, that pass the Luhn check. A masked number
/// (427683******1234) is not a full number: the mask breaks the digits apart.
bool contains(const QString &text);

/// `text` with every such number replaced by kRemoved.
QString redact(const QString &text);

/// What redact() writes instead of a card number.
inline constexpr const char *kRemoved = "[card number removed]";

/// The Luhn check of a string of digits.
bool passesLuhn(const QString &digits);

} // namespace pd::cardnumbers
