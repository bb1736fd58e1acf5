#include "app/reports/ReportLanguage.h"

#include <QCoreApplication>
#include <QHash>
#include <QTranslator>

#include <memory>

namespace pd {

namespace {

thread_local QString t_language; ///< the language of this thread's reports; empty: the application's

/// Answers for threads inside a ReportLanguage::Scope; silent (the next translator answers) for the others.
class ScopedTranslator final : public QTranslator
{
public:
    explicit ScopedTranslator(QObject *parent) : QTranslator(parent) {}

    bool load(const QString &language, const QString &baseName, const QString &directory)
    {
        auto catalogue = std::make_unique<QTranslator>();
        if (!catalogue->load(baseName + QLatin1Char('_') + language, directory)) {
            return false;
        }
        m_catalogues.insert(language, catalogue.release());
        return true;
    }

    ~ScopedTranslator() override { qDeleteAll(m_catalogues); }

    bool isEmpty() const override { return m_catalogues.isEmpty(); }

    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        if (t_language.isEmpty()) {
            return {};
        }
        const auto catalogue = m_catalogues.constFind(t_language);
        if (catalogue == m_catalogues.constEnd()) {
            return {};
        }
        const QString translated = (*catalogue)->translate(context, sourceText, disambiguation, n);
        // An English text without a translation is its source: the window's language must not show through.
        return translated.isEmpty() && t_language == QLatin1String("en") ? QString::fromUtf8(sourceText) : translated;
    }

private:
    QHash<QString, QTranslator *> m_catalogues; ///< loaded before installation, read-only after: safe from threads
};

} // namespace

void ReportLanguage::install(const QString &baseName, const QString &directory)
{
    static bool installed = false;
    if (installed || !QCoreApplication::instance()) {
        return;
    }
    installed = true;
    auto *translator = new ScopedTranslator(QCoreApplication::instance());
    for (const QString &language : languages()) {
        translator->load(language, baseName, directory);
    }
    QCoreApplication::installTranslator(translator);
}

QStringList ReportLanguage::languages()
{
    return {QStringLiteral("en"), QStringLiteral("ru"), QStringLiteral("be")};
}

QLocale ReportLanguage::locale()
{
    return t_language.isEmpty() ? QLocale() : QLocale(t_language);
}

ReportLanguage::Scope::Scope(const QString &language) : m_previous(t_language)
{
    if (languages().contains(language)) {
        t_language = language;
    }
}

ReportLanguage::Scope::~Scope()
{
    t_language = m_previous;
}

} // namespace pd
