#include "ui/policy/PurposesPage.h"

#include "DemoFixture.h"
#include "UiTestSupport.h"
#include "app/access/AuditLog.h"
#include "app/policy/ProfileExport.h"
#include "ui/common/FormDialog.h"
#include "ui/policy/PurposeEditor.h"
#include "ui/policy/RetentionRuleEdit.h"
#include "ui/shell/MainWindow.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
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

    /// Selects the row of the purpose titled `title`; false when there is none.
    static bool selectPurpose(PurposesPage &page, const QString &title)
    {
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("purposeTable"));
        for (int row = 0; table && row < table->rowCount(); ++row) {
            if (table->item(row, PurposesPage::Purpose)->text() == title) {
                table->selectRow(row);
                return true;
            }
        }
        return false;
    }

    ProfilePurpose stored(const char *code)
    {
        const Result<Profile> profile = ProfileExport::read(db());
        for (const ProfilePurpose &purpose : profile.value().purposes) {
            if (purpose.code == QLatin1String(code)) {
                return purpose;
            }
        }
        return {};
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
    PurposesPage page(m_testDatabase.database(), signIn(QStringLiteral("officer")));
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

TEST_F(PurposesPageTest, AnOfficerEditsAPurposeAndTheDetailPaneShowsTheWholeRecord)
{
    PurposesPage page(m_testDatabase.database(), signIn(QStringLiteral("officer")));
    page.reload();
    ASSERT_TRUE(selectPurpose(page, kRegistration));
    const QString details = page.findChild<QTextBrowser *>(QStringLiteral("purposeDetails"))->toPlainText();
    EXPECT_TRUE(details.contains(QStringLiteral("Law 99-Z art. 6(3)"))) << "the legal ground with its article";
    EXPECT_TRUE(details.contains(QStringLiteral("Nemiga Digital LLC")));
    EXPECT_TRUE(details.contains(QStringLiteral("after collection, then delete"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("Support department"))) << "recipients by kind";

    // The editor: a new title, and account data kept for a period of its own.
    bool edited = false;
    QTimer::singleShot(0, [&] {
        auto *editor = qobject_cast<PurposeEditor *>(QApplication::activeModalWidget());
        if (!editor) {
            return;
        }
        EXPECT_TRUE(editor->findChild<QLineEdit *>(QStringLiteral("purposeCode"))->isReadOnly());
        editor->findChild<QLineEdit *>(QStringLiteral("purposeTitle"))->setText(QStringLiteral("Registration"));
        editor->findChild<QPushButton *>(QStringLiteral("addPeriod"))->click();
        auto *periods = editor->findChild<QTableWidget *>(QStringLiteral("purposePeriods"));
        auto *category = qobject_cast<QComboBox *>(periods->cellWidget(periods->rowCount() - 1, 0));
        category->setCurrentIndex(category->findData(QStringLiteral("account")));
        auto *rule = periods->cellWidget(periods->rowCount() - 1, 1)->findChild<RetentionRuleEdit *>();
        rule->setRule({RetentionKind::Fixed, 36, QStringLiteral("contract-end"), RetentionAction::Anonymize});
        edited = true;
        editor->accept();
    });
    page.editPurpose(QStringLiteral("registration"));
    ASSERT_TRUE(edited);
    const ProfilePurpose now = stored("registration");
    EXPECT_EQ(now.title, QStringLiteral("Registration"));
    ASSERT_EQ(now.categoryRetention.size(), 2);
    EXPECT_EQ(now.categoryRetention.at(1).category, QStringLiteral("account"));
    EXPECT_EQ(now.categoryRetention.at(1).retentionMonths, 36);
    EXPECT_EQ(now.categoryRetention.at(1).retentionAction, RetentionAction::Anonymize);
    EXPECT_TRUE(selectPurpose(page, QStringLiteral("Registration"))) << "the list shows the change";

    AuditFilter filter;
    filter.action = QStringLiteral("purpose.update");
    const Result<QList<AuditRecord>> audit = AuditLog::find(db(), signIn(QStringLiteral("officer")), filter, 0, 5);
    ASSERT_TRUE(audit.ok() && audit->size() == 1);
    EXPECT_EQ(audit->first().entry.fields,
              (QStringList{QStringLiteral("title"), QStringLiteral("category_retention")}));
}

TEST_F(PurposesPageTest, ARefusedSaveKeepsTheEditorOpenWithTheProblem)
{
    PurposesPage page(m_testDatabase.database(), signIn(QStringLiteral("officer")));
    page.reload();
    QString problem;
    bool stillOpen = false;
    QTimer::singleShot(0, [&] {
        auto *editor = qobject_cast<PurposeEditor *>(QApplication::activeModalWidget());
        if (!editor) {
            return;
        }
        editor->findChild<QLineEdit *>(QStringLiteral("purposeCountries"))->setText(QStringLiteral("BY, Germany"));
        editor->accept();
        stillOpen = editor->isVisible();
        problem = editor->findChild<QLabel *>(QStringLiteral("purposeProblem"))->text();
        editor->reject();
    });
    page.editPurpose(QStringLiteral("registration"));
    EXPECT_TRUE(stillOpen);
    EXPECT_TRUE(problem.contains(QStringLiteral("countries"))) << problem.toStdString();
    EXPECT_EQ(stored("registration").countries, QStringList{QStringLiteral("BY")}) << "nothing stored";
}

TEST_F(PurposesPageTest, RetiringAsksForAReasonAndTheListSaysSo)
{
    PurposesPage page(m_testDatabase.database(), signIn(QStringLiteral("officer")));
    page.reload();
    ASSERT_TRUE(selectPurpose(page, QStringLiteral("Site visit statistics")));
    auto *retire = page.findChild<QPushButton *>(QStringLiteral("retirePurpose"));
    EXPECT_EQ(retire->text(), QStringLiteral("&Retire..."));
    FormDialog::setNextValues(QHash<QString, QVariant>{{QStringLiteral("reason"), QStringLiteral("no analytics")}});
    retire->click();
    FormDialog::setNextValues(std::nullopt);
    EXPECT_EQ(FormDialog::lastTitle(), QStringLiteral("Retire Purpose"));
    EXPECT_FALSE(stored("site-statistics").retiredOn.isEmpty());
    ASSERT_TRUE(selectPurpose(page, QStringLiteral("Site visit statistics")));
    auto *table = page.findChild<QTableWidget *>(QStringLiteral("purposeTable"));
    EXPECT_TRUE(table->item(table->currentRow(), PurposesPage::State)->text().startsWith(QStringLiteral("Retired")));
    EXPECT_EQ(retire->text(), QStringLiteral("&Reinstate..."));
}

TEST_F(PurposesPageTest, AnAgentReadsTheRegisterButCannotChangeIt)
{
    PurposesPage page(m_testDatabase.database(), signIn(QStringLiteral("agent")));
    page.reload();
    ASSERT_TRUE(selectPurpose(page, kRegistration));
    for (const char *name : {"newPurpose", "editPurpose", "retirePurpose", "newController", "editProcessor"}) {
        auto *button = page.findChild<QPushButton *>(QLatin1String(name));
        ASSERT_NE(button, nullptr) << name;
        EXPECT_FALSE(button->isEnabled()) << name;
        EXPECT_FALSE(button->toolTip().isEmpty()) << name << ": says why";
    }
    auto *processors = page.findChild<QTableWidget *>(QStringLiteral("processorTable"));
    bool listed = false;
    for (int row = 0; row < processors->rowCount(); ++row) {
        listed = listed || processors->item(row, 0)->text() == QLatin1String("Rhein Hosting GmbH");
    }
    EXPECT_TRUE(listed) << "the processors of every purpose";
}

} // namespace pd::test
