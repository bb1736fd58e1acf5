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
