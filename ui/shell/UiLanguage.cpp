#include "ui/shell/UiLanguage.h"

#include "app/reports/ReportLanguage.h"
#include "ui/common/MessageBox.h"

#include <QActionGroup>
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QTranslator>

namespace pd {

namespace {

const QString kLanguageKey = QStringLiteral("ui/language");

QString systemLanguage()
{
    const QStringList shipped = UiLanguage::available();
    for (const QString &language : QLocale::system().uiLanguages()) {
        const QString code = language.section(QLatin1Char('-'), 0, 0).toLower();
        if (shipped.contains(code)) {
            return code;
        }
    }
    return QStringLiteral("en");
}

} // namespace

QStringList UiLanguage::available()
{
    return {QStringLiteral("en"), QStringLiteral("ru"), QStringLiteral("be")};
}

QString UiLanguage::chosen()
{
    const QString code = QSettings().value(kLanguageKey).toString();
    return available().contains(code) ? code : QString();
}

void UiLanguage::choose(const QString &code)
{
    QSettings settings;
    if (available().contains(code)) {
        settings.setValue(kLanguageKey, code);
    } else {
        settings.remove(kLanguageKey);
    }
}

QString UiLanguage::effective()
{
    const QString code = chosen();
    return code.isEmpty() ? systemLanguage() : code;
}

QString UiLanguage::nativeName(const QString &code)
{
    if (code == QLatin1String("en")) {
        return QStringLiteral("English");
    }
    QString name = QLocale(code).nativeLanguageName();
    if (!name.isEmpty()) {
        name[0] = name.at(0).toUpper();
    }
    return name;
}

void UiLanguage::install(QApplication &app)
{
    const QString code = chosen();
    if (!code.isEmpty()) {
        // "ru" alone is ru_RU, "be" be_BY: the dates and numbers of the chosen language's main country.
        QLocale::setDefault(QLocale(code));
    }
    const QLocale locale = code.isEmpty() ? QLocale() : QLocale(code);
    // The .qm files may be missing (an English-only build): the untranslated text is the fallback.
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("privacydesk"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
    } else {
        delete own;
    }
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    // Last, so that it is asked first: a report for a request in another language is written in that language.
    ReportLanguage::install(QStringLiteral("privacydesk"), QStringLiteral(":/i18n"));
}

QMenu *UiLanguage::createMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Language"), parent);
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    group->setExclusive(true);
    const QString current = chosen();
    const auto add = [&](const QString &code, const QString &text) {
        QAction *action = menu->addAction(text);
        action->setObjectName(code.isEmpty() ? QStringLiteral("language-system") : QStringLiteral("language-") + code);
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setData(code);
        group->addAction(action);
    };
    add(QString(), tr("System Language (%1)").arg(nativeName(systemLanguage())));
    menu->addSeparator();
    for (const QString &code : available()) {
        add(code, nativeName(code));
    }
    QObject::connect(group, &QActionGroup::triggered, menu, [parent](QAction *action) {
        const QString code = action->data().toString();
        if (code == chosen()) {
            return;
        }
        const QString speaks = code.isEmpty() ? systemLanguage() : code;
        const bool sameAsNow = speaks == effective();
        choose(code);
        if (!sameAsNow) {
            MessageBox::information(parent, tr("Language"),
                                    tr("Privacy Desk will speak %1 from the next start.").arg(nativeName(speaks)));
        }
    });
    return menu;
}

} // namespace pd
