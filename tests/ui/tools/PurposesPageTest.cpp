#include "ui/policy/PurposesPage.h"

#include "DemoFixture.h"
#include "UiTestSupport.h"
#include "ui/shell/MainWindow.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QTableWidget>
#include <QTranslator>

namespace pd::test {

namespace {

class PurposesPageTest : public DemoFixture
{
protected:
    void SetUp() override
    {
        DemoFixture::SetUp();
        generate(20);
    }

    /// The Categories cell of the purpose titled `title`.
    static QString categoriesOf(PurposesPage &page, const QString &title)
    {
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("purposeTable"));
        for (int row = 0; table && row < table->rowCount(); ++row) {
            if (table->item(row, PurposesPage::Purpose)->text() == title) {
                return table->item(row, PurposesPage::Categories)->text();
            }
        }
        return {};
    }
};

const QString kRegistration = QStringLiteral("Providing access to the site (registration)");

} // namespace

TEST_F(PurposesPageTest, CategoriesAreShownByTheirNamesInTheLanguageOfTheWindow)
{
    PurposesPage page(m_testDatabase.database());
    page.reload();
    EXPECT_EQ(categoriesOf(page, kRegistration), QStringLiteral("Account, Technical")) << "not the keys";

    QTranslator russian;
    ASSERT_TRUE(russian.load(QStringLiteral(":/i18n/privacydesk_ru.qm")));
    QCoreApplication::installTranslator(&russian);
    page.reload();
    const QString shown = categoriesOf(page, kRegistration);
    QCoreApplication::removeTranslator(&russian);
    EXPECT_FALSE(shown.contains(QStringLiteral("Account")) || shown.contains(QStringLiteral("account")))
        << shown.toStdString();
    EXPECT_EQ(shown, russian.translate("pd::Labels", "Account") + QStringLiteral(", ") +
                         russian.translate("pd::Labels", "Technical"));
}

} // namespace pd::test
