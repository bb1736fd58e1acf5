#pragma once

#include "app/domain/Vocabulary.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace pd {

/// The translated names of the fixed vocabularies, for the windows (ui/common/Labels) and the reports: codes stay in
/// the database, the command line's --json and the reports' JSON. Translations live in the context "pd::Labels".
class VocabularyNames final
{
    Q_DECLARE_TR_FUNCTIONS(pd::Labels)
    Q_DISABLE_COPY_MOVE(VocabularyNames)

public:
    VocabularyNames() = delete;

    /// "administrator", "officer", "agent", "auditor".
    static QString role(Role role);
    /// "GDPR", "Belarus 99-Z", ...
    static QString regime(Regime regime);
    /// A stored regime code ("gdpr", "by-99z", ...); unknown codes as they are.
    static QString regime(const QString &code);
    /// A stored data category ("account", "payment", ...); unknown ones as they are.
    static QString category(const QString &category);
    /// A stored field name ("email", "card_masked", ...) as a short label; unknown fields as they are.
    static QString field(const QString &field);
    static QStringList fields();
    /// A stored state of a subject or item ("active", "blocked", "anonymized").
    static QString dataState(const QString &state);
    /// A stored request type ("access", "erasure", ...).
    static QString requestType(const QString &type);
    /// A stored request status ("new", "in-progress", ...).
    static QString requestStatus(const QString &status);
    /// An audit action ("subject.correct", ...) as a verb; unknown actions as they are.
    static QString auditAction(const QString &action);
    /// Every audit action the program writes (each has a name).
    static QStringList auditActions();
    /// How a request or consent came in ("email", "web-form", "paper", ...).
    static QString channel(const QString &channel);
    static QStringList channels();
    /// How the answer goes out ("email", "letter", "in-person"), as "by e-mail".
    static QString answerForm(const QString &form);
    static QStringList answerForms();
    /// The decision on a request ("granted", "partly-granted", "refused").
    static QString decision(const QString &code);
    static QStringList decisions();
    /// What an audit entry is about ("subject", "request", "operator", ...).
    static QString objectType(const QString &type);
    static QStringList objectTypes();
    /// A language code of a letter or report ("en", "ru", "be").
    static QString language(const QString &code);
};

} // namespace pd
