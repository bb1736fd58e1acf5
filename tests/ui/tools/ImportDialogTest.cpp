#include "ui/tools/ImportDialog.h"

#include "DemoFixture.h"
#include "UiTestSupport.h"
#include "ui/common/MessageBox.h"
#include "ui/shell/MainWindow.h"
#include "ui/subjects/SubjectsPage.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>

namespace pd::test {

namespace {

class ImportDialogTest : public DemoFixture
{
protected:
    void SetUp() override
    {
        DemoFixture::SetUp();
        generate(100);
        ASSERT_TRUE(m_dir.isValid());
    }

    QString write(const char *name, const QString &text)
    {
        const QString path = m_dir.filePath(QLatin1String(name));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text.toUtf8());
        return path;
    }

    qint64 count(const QString &statement)
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        return query.exec(statement) && query.next() ? query.value(0).toLongLong() : -1;
    }

    int rowOf(const QTableWidget *table, int column, const QString &text)
    {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, column) && table->item(row, column)->text() == text) {
                return row;
            }
        }
        return -1;
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(ImportDialogTest, AnOfficerMapsAColumnSeesTheProblemsAndImportsTheGoodRows)
{
    const QString path = write("crm.csv", QStringLiteral("Full Name;E-mail;Stadt;Kundennummer\n"
                                                         "Olga Test;olga@example.org;Minsk;K-1\n"
                                                         "Pavel Test;not-an-email;Brest;K-2\n"
                                                         "Rita Test;rita@example.org;Grodno;K-3\n"
                                                         "Ivan Card;ivan@example.org;4111 1111 1111 1111;K-4\n"));
    ImportDialog dialog(m_testDatabase.database(), signIn(QStringLiteral("officer")));
    QSignalSpy preview(&dialog, &ImportDialog::previewReady);
    ASSERT_TRUE(dialog.openFile(path));
    ASSERT_TRUE(preview.wait(kWaitMs));
    EXPECT_FALSE(dialog.importButton()->isEnabled()) << "no purpose yet: every row is rejected";

    // The purpose of every row, and where the two columns the program does not know go.
    auto *purpose = dialog.findChild<QComboBox *>(QStringLiteral("importPurpose"));
    ASSERT_NE(purpose, nullptr);
    purpose->setCurrentIndex(purpose->findData(QStringLiteral("registration")));
    ASSERT_TRUE(preview.wait(kWaitMs));
    QTableWidget *mapping = dialog.mappingTable();
    const int city = rowOf(mapping, ImportDialog::FileColumn, QStringLiteral("Stadt"));
    const int number = rowOf(mapping, ImportDialog::FileColumn, QStringLiteral("Kundennummer"));
    ASSERT_GE(city, 0);
    ASSERT_GE(number, 0);
    EXPECT_EQ(qobject_cast<QComboBox *>(mapping->cellWidget(city, ImportDialog::Target))->currentText(),
              QStringLiteral("ignore"));
    ASSERT_TRUE(dialog.setTarget(city, QStringLiteral("account.city")));
    ASSERT_TRUE(preview.wait(kWaitMs));
    ASSERT_TRUE(dialog.setTarget(number, QStringLiteral("external_id")));
    ASSERT_TRUE(preview.wait(kWaitMs));

    QTableWidget *rows = dialog.previewTable();
    ASSERT_EQ(rows->rowCount(), 4);
    const int problem = rows->columnCount() - 1;
    for (int row = 0; row < rows->rowCount(); ++row) {
        for (int column = 0; column < rows->columnCount(); ++column) {
            EXPECT_FALSE(rows->item(row, column) && rows->item(row, column)->text().contains(QStringLiteral("4111")))
                << "a card number is never shown";
        }
    }
    EXPECT_TRUE(rows->item(3, problem)->text().contains(QStringLiteral("card number")));
    EXPECT_TRUE(rows->item(0, problem)->text().isEmpty());
    EXPECT_TRUE(rows->item(1, problem)->text().contains(QStringLiteral("e-mail"))) << "the bad row says why";
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("2 new subjects"))) << dialog.message().toStdString();
    ASSERT_TRUE(dialog.importButton()->isEnabled());
    EXPECT_FALSE(dialog.setTarget(number, QStringLiteral("Not A Place"))) << "a target that does not exist";
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("category.field")));

    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    dialog.importButton()->click();
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("Imported 2 new subjects"))) << dialog.message().toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE external_id IN ('K-1', 'K-3')")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE external_id = 'K-2'")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM pd_items i JOIN subjects s ON s.id = i.subject_id WHERE "
                                   "s.external_id = 'K-1' AND i.field = 'city' AND i.value = 'Minsk'")),
              1);

    // The rejected row can be saved, for the owner's eyes only.
    const QString rejects = m_dir.filePath(QStringLiteral("crm-rejected.csv"));
    MessageBox::setNextFileName(rejects);
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text().contains(QStringLiteral("Rejected"))) {
            ASSERT_TRUE(button->isEnabled());
            button->click();
        }
    }
    EXPECT_EQ(fileMode(rejects), 0600);
}

TEST_F(ImportDialogTest, TheImportedSubjectsAppearInTheWindowsList)
{
    const Session officer = signIn(QStringLiteral("officer"));
    openWindow(officer);
    ASSERT_TRUE(waitForRows());
    const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM subjects"));
    const QString path =
        write("people.jsonl", QStringLiteral("{\"name\": \"Sofia Import\", \"email\": \"sofia@example.org\", "
                                             "\"purpose\": \"registration\"}\n"));
    ImportDialog dialog(m_testDatabase.database(), officer, &window());
    QObject::connect(&dialog, &ImportDialog::importFinished, &page(), &SubjectsPage::scheduleRefresh);
    QSignalSpy preview(&dialog, &ImportDialog::previewReady);
    ASSERT_TRUE(dialog.openFile(path));
    ASSERT_TRUE(preview.wait(kWaitMs));
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    dialog.startImport();
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(waitForRows(int(before + 1))) << "the list counts the new subject";
}

} // namespace pd::test
