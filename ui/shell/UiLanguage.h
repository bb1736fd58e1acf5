#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QApplication;
class QMenu;
class QWidget;

namespace pd {

/// The language of the window: the system's by default, or the one chosen in View ▸ Language (kept in the user's
/// settings; it applies from the next start, when every page is built in it).
class UiLanguage final
{
    Q_DECLARE_TR_FUNCTIONS(pd::UiLanguage)
    Q_DISABLE_COPY_MOVE(UiLanguage)

public:
    UiLanguage() = delete;

    /// The languages the program ships: "en", "ru", "be".
    static QStringList available();
    /// The chosen language, or empty for the system's.
    static QString chosen();
    /// Chooses a language from available(), or the system's with an empty code.
    static void choose(const QString &code);
    /// The language the window speaks: the chosen one, else the first of the system's languages that ships, else
    /// English.
    static QString effective();
    /// A language's name in that language ("Русский", "Беларуская").
    static QString nativeName(const QString &code);

    /// Sets the default locale to the chosen language (dates and numbers follow it) and installs the program's
    /// translations, Qt's own where Debian ships them, and the report languages.
    static void install(QApplication &app);

    /// View ▸ Language: the system's, then each language by its own name; choosing one says when it applies.
    static QMenu *createMenu(QWidget *parent);
};

} // namespace pd
