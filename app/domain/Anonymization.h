#pragma once

#include <QString>
#include <QStringList>

namespace pd {

/// How anonymization treats each field (documented in README.md, "Anonymization").
///
/// Anonymization here is irreversible: no key and no mapping is kept, so the subject cannot be identified again
/// (that would be pseudonymization). Items are kept with their category and purpose, so counts per purpose and
/// category stay usable for statistics; what they hold is removed, generalized or replaced by a random token.
class Anonymization
{
public:
    enum class Strategy {
        Remove,     ///< the value is emptied
        Generalize, ///< IP to its /16 network, city to country, birth date to year, browser to its family, URL to host
        Token,      ///< replaced by a fresh random token (identifiers that statistics count but must not link)
        Keep,       ///< not identifying on its own: language, tags, segments
    };

    static Strategy strategyFor(const QString &field);
    /// The fields that `strategy` applies to; empty for Remove, which takes every field not named elsewhere.
    static QStringList fieldsWith(Strategy strategy);
    /// The anonymized form of `value` for `field`.
    static QString apply(const QString &field, const QString &value);
    static QString describe(Strategy strategy);
};

} // namespace pd
