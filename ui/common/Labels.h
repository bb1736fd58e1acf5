#pragma once

#include "app/domain/Permissions.h"
#include "app/domain/Vocabulary.h"

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
    /// An ISO 8601 UTC time from the database as a short local date and time, the one format of every page; the
    /// text itself when it is not a time.
    static QString localTime(const QString &isoUtc);
    /// The same time in full (long date, seconds, time zone), for tooltips.
    static QString fullTime(const QString &isoUtc);
    /// An ISO 8601 date or time as a short local date; the text itself when it is neither.
    static QString localDate(const QString &iso);

    /// A stored data category ("account", "payment", ... from allDataCategories()), translated.
    static QString category(const QString &category);
    /// A stored field name ("email", "card_masked", ...), as a short translated label; unknown fields as they are.
    static QString field(const QString &field);
    /// A stored state of a subject or item ("active", "blocked", "anonymized"), translated.
    static QString dataState(const QString &state);
    /// A stored request type ("access", "erasure", ...), translated.
    static QString requestType(const QString &type);
    /// "GDPR", "Belarus 99-Z", ...
    static QString regime(Regime regime);
    /// A stored request status ("new", "in_progress", ...), translated.
    static QString requestStatus(const QString &status);
    /// An audit action ("subject.correct", ...), as a translated verb; unknown actions as they are.
    static QString auditAction(const QString &action);
    /// Why a button is disabled for this role: "Your role (agent) may not delete personal data."
    static QString notAllowed(Role role, Action action);
};

} // namespace pd
