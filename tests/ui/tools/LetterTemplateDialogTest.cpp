#include "ui/tools/LetterTemplateDialog.h"

#include "TestDatabase.h"
#include "UiTestSupport.h"
#include "app/domain/LetterTemplate.h"
#include "app/policy/LetterTemplateStore.h"
#include "ui/common/MessageBox.h"
#include "ui/shell/MainWindow.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>

#include <memory>

namespace pd::test {

namespace {

class LetterTemplateDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        ASSERT_TRUE(m_testDatabase.database()) << m_testDatabase.reason().toStdString();
        m_officer = makeOperator(db(), QStringLiteral("olga"), Role::Officer);
        ASSERT_FALSE(HasFailure());
    }
    void TearDown() override { QSettings().clear(); }

    Database &db() { return *m_testDatabase.database(); }
    QString stored(const char *language)
    {
        return LetterTemplateStore::text(db(), QLatin1String(language), QStringLiteral("reply")).value();
    }
    QString builtIn(const char *language)
    {
        return LetterTemplateStore::builtIn(QLatin1String(language), QStringLiteral("reply")).value();
    }

    TestDatabase m_testDatabase{Backend::SQLite};
    Session m_officer;
};

TEST_F(LetterTemplateDialogTest, PreviewNamesAnUnknownPlaceholderAndSaveKeepsAValidTemplate)
{
    auto dialog = std::make_unique<LetterTemplateDialog>(m_testDatabase.database(), m_officer);
    dialog->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog.get()));
    EXPECT_EQ(dialog->language(), QStringLiteral("en"));
    EXPECT_EQ(dialog->templateText(), builtIn("en"));
    EXPECT_EQ(dialog->statusText(), QStringLiteral("Built-in template"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveTemplate"));
    ASSERT_NE(save, nullptr);
    EXPECT_FALSE(save->isEnabled()); // nothing changed yet

    dialog->setTemplateText(QStringLiteral("Dear {{requester_name}},\n\nAbout {{nope}}.\n"));
    EXPECT_EQ(dialog->problemText(), QStringLiteral("Line 3: unknown placeholder {{nope}}."));
    EXPECT_FALSE(save->isEnabled());
    EXPECT_FALSE(dialog->preview());
    EXPECT_TRUE(dialog->problemText().contains(QStringLiteral("{{nope}}")));
    EXPECT_FALSE(dialog->save());
    EXPECT_EQ(stored("en"), builtIn("en"));

    // Typing a placeholder from the list fixes it.
    auto *editor = dialog->findChild<QPlainTextEdit *>(QStringLiteral("templateEditor"));
    dialog->setTemplateText(QStringLiteral("Dear {{requester_name}},\n\nAbout "));
    editor->moveCursor(QTextCursor::End);
    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("placeholderList"));
    list->setCurrentRow(int(LetterTemplate::placeholders().indexOf(QStringLiteral("request_type"))));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("insertPlaceholder")), Qt::LeftButton);
    editor->insertPlainText(
        QStringLiteral(".\n{{#refusal_ground}}\nRefused: {{refusal_ground}}\n{{/refusal_ground}}\n"));
    EXPECT_EQ(dialog->problemText(), QString());
    ASSERT_TRUE(dialog->preview());
    EXPECT_EQ(dialog->previewText(), QStringLiteral("Dear Jane Example,\n\nAbout erasure of personal data.\n"));
    dialog->findChild<QCheckBox *>(QStringLiteral("previewAsRefusal"))->setChecked(true);
    EXPECT_TRUE(dialog->previewText().contains(QStringLiteral("Refused: the request is manifestly unfounded")));

    const QString edited = dialog->templateText();
    ASSERT_TRUE(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    EXPECT_FALSE(dialog->isModified());
    EXPECT_EQ(stored("en"), edited);
    EXPECT_TRUE(dialog->statusText().startsWith(QStringLiteral("Edited by olga on ")))
        << dialog->statusText().toStdString();
    dialog.reset();

    // Reopened, the dialog shows the office's template; Russian is still the built-in one.
    LetterTemplateDialog reopened(m_testDatabase.database(), m_officer);
    EXPECT_EQ(reopened.templateText(), edited);
    ASSERT_TRUE(reopened.setLanguage(QStringLiteral("ru")));
    EXPECT_EQ(reopened.templateText(), builtIn("ru"));
    EXPECT_EQ(reopened.statusText(), QStringLiteral("Built-in template"));
}

TEST_F(LetterTemplateDialogTest, UnsavedEditsAreNotDroppedWithoutAsking)
{
    LetterTemplateDialog dialog(m_testDatabase.database(), m_officer);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    dialog.setTemplateText(QStringLiteral("Draft for {{requester_name}}"));

    MessageBox::setNextAnswer(QMessageBox::No); // keep the edits
    EXPECT_FALSE(dialog.setLanguage(QStringLiteral("ru")));
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("Discard your changes to the English")))
        << MessageBox::lastText().toStdString();
    EXPECT_EQ(dialog.language(), QStringLiteral("en"));
    EXPECT_EQ(dialog.templateText(), QStringLiteral("Draft for {{requester_name}}"));

    MessageBox::setNextAnswer(QMessageBox::No);
    EXPECT_FALSE(dialog.requestClose());
    EXPECT_TRUE(dialog.isVisible());
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    EXPECT_TRUE(dialog.isVisible());

    MessageBox::setNextAnswer(QMessageBox::Yes); // discard
    EXPECT_TRUE(dialog.requestClose());
    EXPECT_FALSE(dialog.isVisible());
    EXPECT_EQ(dialog.templateText(), builtIn("en"));
    EXPECT_EQ(stored("en"), builtIn("en"));
}

TEST_F(LetterTemplateDialogTest, ResetGoesBackToTheBuiltInAfterAQuestion)
{
    ASSERT_TRUE(LetterTemplateStore::save(db(), m_officer, QStringLiteral("en"), QStringLiteral("reply"),
                                          QStringLiteral("Short {{requester_name}}"))
                    .ok());
    LetterTemplateDialog dialog(m_testDatabase.database(), m_officer);
    EXPECT_EQ(dialog.templateText(), QStringLiteral("Short {{requester_name}}"));
    MessageBox::setNextAnswer(QMessageBox::No);
    EXPECT_FALSE(dialog.resetToBuiltIn());
    EXPECT_EQ(stored("en"), QStringLiteral("Short {{requester_name}}"));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    EXPECT_TRUE(dialog.resetToBuiltIn());
    EXPECT_EQ(dialog.templateText(), builtIn("en"));
    EXPECT_EQ(stored("en"), builtIn("en"));
    EXPECT_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("resetTemplate"))->isEnabled());
}

TEST_F(LetterTemplateDialogTest, OnlyOfficersFindTheMenuEntry)
{
    const Session agent = makeOperator(db(), QStringLiteral("artem"), Role::Agent);
    {
        MainWindow window(m_testDatabase.database(), agent);
        EXPECT_EQ(window.findChild<QAction *>(QStringLiteral("showLetterTemplates")), nullptr);
        // Opened anyway (e.g. from a later page), it is read-only.
        LetterTemplateDialog dialog(m_testDatabase.database(), agent);
        EXPECT_TRUE(dialog.findChild<QPlainTextEdit *>(QStringLiteral("templateEditor"))->isReadOnly());
        dialog.setTemplateText(QStringLiteral("x"));
        EXPECT_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("saveTemplate"))->isEnabled());
        EXPECT_FALSE(dialog.save());
    }
    MainWindow window(m_testDatabase.database(), m_officer);
    QAction *action = window.findChild<QAction *>(QStringLiteral("showLetterTemplates"));
    ASSERT_NE(action, nullptr);
    action->trigger();
    auto *dialog = window.findChild<LetterTemplateDialog *>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->templateText(), builtIn("en"));
    EXPECT_EQ(window.showLetterTemplates(), dialog); // one editor per window
}

} // namespace

} // namespace pd::test
