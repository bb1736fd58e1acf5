#pragma once

#include <QString>

namespace pd::searchkeys {

/// Search forms of identifying values, stored beside them so that an index can find them by prefix.
/// SQLite's lower() only folds ASCII; these fold Cyrillic too.

/// Case-folded, whitespace collapsed: "  Алесь   ПЕТРОВІЧ " -> "алесь петровіч".
QString name(const QString &value);
/// The stored key a subject's list sorts by: name(), or kNoName for a subject without a name (anonymized), so that
/// such rows come last in a list sorted by name.
QString nameSortKey(const QString &value);
/// U+FFFD: after every Latin and Cyrillic key, and never the start of a typed search.
inline const QChar kNoName(0xFFFD);
/// Trimmed and lower-cased.
QString email(const QString &value);
/// Digits only: "+375 (29) 123-45-67" -> "375291234567".
QString phone(const QString &value);
/// The exclusive upper bound of a prefix range: key >= prefix AND key < upperBound(prefix).
QString upperBound(const QString &prefix);

} // namespace pd::searchkeys
