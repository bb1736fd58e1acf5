#include "app/domain/Deadlines.h"
#include "app/domain/Vocabulary.h"
#include "app/domain/VocabularyNames.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTranslator>

namespace {

QString translated(const char *language, const char *context, const char *text, int n = -1)
{
    QTranslator translator;
    EXPECT_TRUE(translator.load(QStringLiteral(":/i18n/privacydesk_%1.qm").arg(QLatin1String(language))))
        << language << " is not embedded";
    return translator.translate(context, text, nullptr, n);
}

} // namespace

TEST(Translations, RussianAndBelarusianShipWithTheProgram)
{
    EXPECT_EQ(translated("ru", "pd::MainWindow", "Subjects"), QStringLiteral("Субъекты"));
    EXPECT_EQ(translated("be", "pd::MainWindow", "Subjects"), QStringLiteral("Суб'екты"));
    EXPECT_EQ(translated("ru", "pd::MainWindow", "Purposes"), QStringLiteral("Цели обработки"));
}

TEST(Translations, PluralFormsFollowEachLanguage)
{
    EXPECT_EQ(translated("en", "pd::SubjectsPage", "%Ln subject(s)", 1), QStringLiteral("%Ln subject"));
    EXPECT_EQ(translated("en", "pd::SubjectsPage", "%Ln subject(s)", 5), QStringLiteral("%Ln subjects"));
    EXPECT_EQ(translated("ru", "pd::SubjectsPage", "%Ln subject(s)", 2), QStringLiteral("%Ln субъекта"));
    EXPECT_EQ(translated("ru", "pd::SubjectsPage", "%Ln subject(s)", 5), QStringLiteral("%Ln субъектов"));
    EXPECT_EQ(translated("be", "pd::SubjectsPage", "%Ln subject(s)", 21), QStringLiteral("%Ln суб'ект"));
}

TEST(Translations, CoreMessagesAreFiledUnderTheContextTheyAreLookedUpIn)
{
    // Messages of the core are looked up through each file's Tr class; a context mismatch leaves them English.
    EXPECT_NE(translated("ru", "pd::Database", "cannot read %1: %2"), QString());
    EXPECT_NE(translated("ru", "pd::ProfileLoader", "%1: cannot read the profile: %2"), QString());
}

TEST(Translations, StandardButtonsSpeakBelarusianThoughQtShipsNoBelarusian)
{
    QTranslator belarusian;
    ASSERT_TRUE(belarusian.load(QStringLiteral(":/i18n/privacydesk_be.qm")));
    QCoreApplication::installTranslator(&belarusian);
    QDialogButtonBox buttons(QDialogButtonBox::Close | QDialogButtonBox::Cancel);
    const QString close = buttons.button(QDialogButtonBox::Close)->text();
    const QString cancel = buttons.button(QDialogButtonBox::Cancel)->text();
    QCoreApplication::removeTranslator(&belarusian);
    EXPECT_EQ(close, QStringLiteral("Закрыць"));
    EXPECT_EQ(cancel, QStringLiteral("Скасаваць"));
}

namespace {

/// Each code of each vocabulary, and the English name the program shows for it.
QList<std::pair<QString, QString>> vocabulary()
{
    using pd::VocabularyNames;
    QList<std::pair<QString, QString>> named;
    const auto add = [&named](const QString &kind, const QStringList &codes, QString (*name)(const QString &)) {
        for (const QString &code : codes) {
            named.append({kind + QLatin1Char(' ') + code, name(code)});
        }
    };
    for (const QString &code : pd::allRoles()) {
        named.append({QStringLiteral("role ") + code, VocabularyNames::role(*pd::parseRole(code))});
    }
    add(QStringLiteral("regime"), pd::allRegimes(), [](const QString &c) { return VocabularyNames::regime(c); });
    add(QStringLiteral("category"), pd::allDataCategories(), VocabularyNames::category);
    add(QStringLiteral("field"), VocabularyNames::fields(), VocabularyNames::field);
    add(QStringLiteral("state"), {QStringLiteral("active"), QStringLiteral("blocked"), QStringLiteral("anonymized")},
        VocabularyNames::dataState);
    add(QStringLiteral("request type"), pd::allRequestTypes(), VocabularyNames::requestType);
    add(QStringLiteral("request status"), pd::allRequestStatuses(), VocabularyNames::requestStatus);
    add(QStringLiteral("audit action"), VocabularyNames::auditActions(), VocabularyNames::auditAction);
    add(QStringLiteral("channel"), VocabularyNames::channels(), VocabularyNames::channel);
    add(QStringLiteral("answer form"), VocabularyNames::answerForms(), VocabularyNames::answerForm);
    add(QStringLiteral("decision"), VocabularyNames::decisions(), VocabularyNames::decision);
    add(QStringLiteral("object"), VocabularyNames::objectTypes(), VocabularyNames::objectType);
    add(QStringLiteral("language"), {QStringLiteral("en"), QStringLiteral("ru"), QStringLiteral("be")},
        VocabularyNames::language);
    return named;
}

} // namespace

TEST(Translations, EveryVocabularyCodeHasANameInEveryLanguage)
{
    const QList<std::pair<QString, QString>> named = vocabulary();
    ASSERT_GT(named.size(), 150);
    for (const char *language : {"ru", "be"}) {
        QTranslator translator;
        ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/privacydesk_%1.qm").arg(QLatin1String(language))));
        for (const auto &[code, english] : named) {
            // A code without a name comes back as itself, which no catalogue translates.
            EXPECT_FALSE(translator.translate("pd::Labels", english.toUtf8().constData()).isEmpty())
                << code.toStdString() << " (" << english.toStdString() << ") has no " << language << " name";
        }
    }
}

TEST(Translations, EveryArticleOfTheDeadlinesIsTranslated)
{
    QTranslator russian;
    ASSERT_TRUE(russian.load(QStringLiteral(":/i18n/privacydesk_ru.qm")));
    QTranslator belarusian;
    ASSERT_TRUE(belarusian.load(QStringLiteral(":/i18n/privacydesk_be.qm")));
    int articles = 0;
    for (const QString &regime : pd::allRegimes()) {
        for (const QString &type : pd::allRequestTypes()) {
            const pd::DeadlineRule rule = pd::Deadlines::rule(*pd::parseRegime(regime), *pd::parseRequestType(type));
            if (rule.source.isEmpty()) {
                continue;
            }
            ++articles;
            EXPECT_FALSE(russian.translate("pd::Deadlines", rule.source.toUtf8().constData()).isEmpty())
                << rule.source.toStdString();
            EXPECT_FALSE(belarusian.translate("pd::Deadlines", rule.source.toUtf8().constData()).isEmpty())
                << rule.source.toStdString();
        }
    }
    EXPECT_GT(articles, 20);
    // The window shows the translation: a Russian window reads the article in Russian.
    QCoreApplication::installTranslator(&russian);
    const QString shown = pd::Deadlines::rule(pd::Regime::By99z, pd::RequestType::Erasure).sourceName();
    QCoreApplication::removeTranslator(&russian);
    EXPECT_TRUE(shown.contains(QStringLiteral("ст."))) << shown.toStdString();
}
