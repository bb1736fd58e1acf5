#include "app/domain/SearchKeys.h"

#include <gtest/gtest.h>

using namespace pd;

TEST(SearchKeys, NamesFoldCaseInEveryScript)
{
    EXPECT_EQ(searchkeys::name(QStringLiteral("  Алесь   ПЕТРОВІЧ ")), QStringLiteral("алесь петровіч"));
    EXPECT_EQ(searchkeys::name(QStringLiteral("Jürgen MÜLLER")), QStringLiteral("jürgen müller"));
    EXPECT_EQ(searchkeys::name(QStringLiteral("Ivan Petrov")), searchkeys::name(QStringLiteral("IVAN  petrov")));
}

TEST(SearchKeys, PhonesKeepOnlyDigits)
{
    EXPECT_EQ(searchkeys::phone(QStringLiteral("+375 (29) 123-45-67")), QStringLiteral("375291234567"));
    EXPECT_EQ(searchkeys::phone(QStringLiteral("8 029 1234567")), QStringLiteral("80291234567"));
}

TEST(SearchKeys, EmailsAreLowerCase)
{
    EXPECT_EQ(searchkeys::email(QStringLiteral(" Ivan.Petrov@Mail.RU ")), QStringLiteral("ivan.petrov@mail.ru"));
}

TEST(SearchKeys, UpperBoundClosesThePrefixRange)
{
    const QString prefix = QStringLiteral("pet");
    const QString bound = searchkeys::upperBound(prefix);
    EXPECT_LT(QStringLiteral("petrov"), bound);
    EXPECT_LT(QStringLiteral("petяя"), bound);
    EXPECT_GT(QStringLiteral("peu"), bound);
}
