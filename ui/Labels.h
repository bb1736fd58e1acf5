#pragma once

#include "domain/Vocabulary.h"

#include <QCoreApplication>
#include <QString>

namespace pd {

/// Words the windows share: translated names of the fixed vocabularies, and core messages made into sentences.
class Labels final
{
    Q_DECLARE_TR_FUNCTIONS(pd::Labels)
    Q_DISABLE_COPY_MOVE(Labels)

public:
    Labels() = delete;

    /// "administrator", "officer", "agent", "auditor", translated.
    static QString role(Role role);
    /// A core message ("operator x is locked ...") as a sentence for a label: capital first letter, final period.
    static QString sentence(const QString &message);
    /// An ISO 8601 UTC time from the database in local time, with seconds; the text itself when it is not a time.
    static QString localTime(const QString &isoUtc);
};

} // namespace pd
