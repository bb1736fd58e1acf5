#include "app/domain/FieldRules.h"

#include <gtest/gtest.h>

using namespace pd;

TEST(FieldRules, ControlCharactersAreRefusedWithTheFieldNamedAndNotTheValue)
{
    using Text = FieldRules::Text;
    const QString nul = QStringLiteral("ann") + QChar(0) + QStringLiteral("a@example.org");
    const QString escape = QStringLiteral("Anna \x1b]0;owned\x07 Petrova");
    const QString twoLines = QStringLiteral("Anna\nPetrova");
    EXPECT_EQ(FieldRules::valueProblem(QStringLiteral("email"), nul),
              QStringLiteral("field 'email': contains a control character (code 0)"));
    EXPECT_EQ(FieldRules::textProblem(QStringLiteral("requester name"), escape, Text::Name),
              QStringLiteral("field 'requester name': contains a control character (code 27)"));
    EXPECT_EQ(FieldRules::textProblem(QStringLiteral("requester name"), twoLines, Text::Name),
              QStringLiteral("field 'requester name': a line break is not allowed here"));
    EXPECT_FALSE(FieldRules::textProblem(QStringLiteral("address"), QStringLiteral("a\tb"), Text::Line).isEmpty());
    EXPECT_FALSE(
        FieldRules::textProblem(QStringLiteral("note"), QStringLiteral("a") + QChar(0x85), Text::Multiline).isEmpty())
        << "C1 controls too";
    // Free text keeps its tabs and line breaks; nothing else is touched (Cyrillic, emoji, quotes).
    EXPECT_TRUE(FieldRules::textProblem(
                    QStringLiteral("what is asked"),
                    QStringLiteral("Прашу выдаліць\r\n\tусё «пра мяне» 🙂"), Text::Multiline)
                    .isEmpty());
    EXPECT_TRUE(FieldRules::textProblem(QStringLiteral("requester name"), QStringLiteral("Алесь Навіцкі"), Text::Name)
                    .isEmpty());
}

TEST(FieldRules, LengthsAreBounded)
{
    using Text = FieldRules::Text;
    const QString hugeName(50 * 1024 * 1024, QLatin1Char('A'));
    EXPECT_EQ(FieldRules::textProblem(QStringLiteral("name"), hugeName, Text::Name),
              QStringLiteral("field 'name': longer than 200 characters"));
    EXPECT_TRUE(FieldRules::textProblem(QStringLiteral("name"), QString(200, QLatin1Char('A')), Text::Name).isEmpty());
    const QString longEmail = QString(131 * 1024, QLatin1Char('a')) + QStringLiteral("@example.org");
    EXPECT_FALSE(FieldRules::valueProblem(QStringLiteral("email"), longEmail).isEmpty());
    EXPECT_EQ(
        FieldRules::valueProblem(QStringLiteral("email"), QString(250, QLatin1Char('a')) + QStringLiteral("@x.org")),
        QStringLiteral("field 'email': longer than 254 characters"));
    EXPECT_FALSE(FieldRules::textProblem(QStringLiteral("note"), QString(FieldRules::kMaxText + 1, QLatin1Char('x')),
                                         Text::Multiline)
                     .isEmpty());
}
