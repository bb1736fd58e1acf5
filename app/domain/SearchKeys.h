#pragma once

#include <QString>

namespace pd::searchkeys {

/// Search forms of identifying values, stored beside them so that an index can find them by prefix.
/// SQLite's lower() only folds ASCII; these fold Cyrillic too.

/// Case-folded, whitespace collapsed: "  Алесь   ПЕТРОВІЧ " -> "алесь петровіч".
QString name(const QString &value);
/// Trimmed and lower-cased.
QString email(const QString &value);
/// Digits only: "+375 (29) 123-45-67" -> "375291234567".
QString phone(const QString &value);
/// The exclusive upper bound of a prefix range: key >= prefix AND key < upperBound(prefix).
QString upperBound(const QString &prefix);

} // namespace pd::searchkeys
