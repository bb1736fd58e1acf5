#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace pd {

/// Reports in a language other than the window's: an access report goes out in the language of its request.
///
/// install() puts one translator in front of the application's others; it answers only on a thread inside a
/// Scope, from the program's catalogue of the scope's language, and passes everything else on. So a report built and
/// written on a worker thread (or the UI thread, briefly) is in the language asked for while the window stays in its
/// own. Without install() (the command line carries no catalogues) a Scope changes nothing: English.
class ReportLanguage
{
public:
    /// Loads the catalogues `baseName`_<language>.qm of `directory` (e.g. "privacydesk", ":/i18n") for English,
    /// Russian and Belarusian and installs the translator; once per program.
    static void install(const QString &baseName, const QString &directory);
    /// The languages reports may be written in: "en", "ru", "be".
    static QStringList languages();
    /// The locale of this thread's reports (dates, numbers, month names): the scope's language, else the default.
    static QLocale locale();

    /// Reports made on this thread while it lives are in `language` ("en", "ru", "be"; anything else: no change).
    class Scope
    {
    public:
        explicit Scope(const QString &language);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        QString m_previous;
    };
};

} // namespace pd
