#include "ui/tools/CalendarDialog.h"

#include "DemoFixture.h"
#include "UiTestSupport.h"
#include "app/access/AuditLog.h"
#include "app/requests/CalendarService.h"
#include "ui/common/MessageBox.h"
#include "ui/shell/MainWindow.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

namespace pd::test {

namespace {

class CalendarDialogTest : public DemoFixture
{
protected:
    void SetUp() override
    {
        DemoFixture::SetUp();
        generate(200);
    }

    bool isHoliday(const QDate &day)
    {
        const Result<WorkingCalendar> calendar = CalendarService::effective(db(), QStringLiteral("BY"), day.year());
        EXPECT_TRUE(calendar.ok()) << calendar.error().message.toStdString();
        return calendar.ok() && calendar->isHoliday(day);
    }

    int audited(const QString &action)
    {
        AuditFilter filter;
        filter.action = action;
        const Result<QList<AuditRecord>> found = AuditLog::find(db(), auditReader(), filter, 0, 10);
        EXPECT_TRUE(found.ok());
        return found.ok() ? int(found->size()) : -1;
    }
};

const QDate kAdded(2026, 3, 25);

} // namespace

TEST_F(CalendarDialogTest, ShowsTheBuiltInBelarusianHolidays)
{
    CalendarDialog dialog(m_testDatabase.database(), signIn(QStringLiteral("officer")));
    EXPECT_EQ(dialog.findChild<QComboBox *>(QStringLiteral("countryCombo"))->itemText(0),
              QStringLiteral("Belarus (BY)"));
    ASSERT_TRUE(dialog.showCalendar(QStringLiteral("BY"), 2026));
    for (const QDate &day : {QDate(2026, 1, 1), QDate(2026, 1, 7), QDate(2026, 4, 21), QDate(2026, 7, 3),
                             QDate(2026, 11, 7), QDate(2026, 12, 25)}) {
        EXPECT_EQ(dialog.statusOf(day), QStringLiteral("Built-in holiday")) << day.toString(Qt::ISODate).toStdString();
    }
    EXPECT_TRUE(dialog.statusOf(kAdded).isEmpty());
    const auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("calendarTable"));
    ASSERT_GT(table->rowCount(), 0);
    EXPECT_EQ(table->item(0, CalendarDialog::Date)->text(), QStringLiteral("2026-01-01"));

    ASSERT_TRUE(dialog.showCalendar(QStringLiteral("DE"), 2026)); // no holidays built in: empty until edited
    EXPECT_EQ(table->rowCount(), 0);
}

TEST_F(CalendarDialogTest, AnOfficerAddsAndRemovesADayOff)
{
    CalendarDialog dialog(m_testDatabase.database(), signIn(QStringLiteral("officer")));
    ASSERT_TRUE(dialog.showCalendar(QStringLiteral("BY"), 2026));
    auto *addDayOff = dialog.findChild<QPushButton *>(QStringLiteral("addDayOffButton"));
    auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeEditButton"));
    ASSERT_TRUE(addDayOff->isEnabled());

    dialog.findChild<QDateEdit *>(QStringLiteral("dayEdit"))->setDate(kAdded);
    dialog.findChild<QLineEdit *>(QStringLiteral("noteEdit"))->setText(QStringLiteral("decree 123"));
    QTest::mouseClick(addDayOff, Qt::LeftButton);

    EXPECT_EQ(dialog.statusOf(kAdded), QStringLiteral("Added day off"));
    EXPECT_EQ(dialog.selectedDate(), kAdded);
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("calendarTable"));
    const QList<QTableWidgetItem *> selected = table->selectedItems();
    ASSERT_EQ(selected.size(), int(CalendarDialog::ColumnCount));
    EXPECT_EQ(selected.at(CalendarDialog::Date)->text(), QStringLiteral("2026-03-25"));
    EXPECT_EQ(selected.at(CalendarDialog::Note)->text(), QStringLiteral("decree 123"));
    EXPECT_TRUE(dialog.messageText().startsWith(QStringLiteral("2026-03-25 is now a day off")));
    EXPECT_TRUE(isHoliday(kAdded));
    EXPECT_EQ(audited(QStringLiteral("calendar.set")), 1);

    // A built-in holiday has nothing to remove.
    ASSERT_TRUE(dialog.selectDate(QDate(2026, 1, 7)));
    EXPECT_FALSE(remove->isEnabled());

    ASSERT_TRUE(dialog.selectDate(kAdded));
    ASSERT_TRUE(remove->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::No); // a second thought: the edit stays
    QTest::mouseClick(remove, Qt::LeftButton);
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("2026-03-25"))) << MessageBox::lastText().toStdString();
    EXPECT_EQ(dialog.statusOf(kAdded), QStringLiteral("Added day off"));

    // Del on the list removes the selected edit, after the same question.
    dialog.show();
    dialog.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&dialog));
    table->setFocus();
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(table, Qt::Key_Delete);
    EXPECT_TRUE(dialog.statusOf(kAdded).isEmpty());
    EXPECT_FALSE(isHoliday(kAdded));
    EXPECT_EQ(audited(QStringLiteral("calendar.remove")), 1);
}

TEST_F(CalendarDialogTest, AWorkingDayTakesABuiltInHolidayBack)
{
    CalendarDialog dialog(m_testDatabase.database(), signIn(QStringLiteral("admin")));
    ASSERT_TRUE(dialog.showCalendar(QStringLiteral("BY"), 2026));
    const QDate christmas(2026, 1, 7);
    ASSERT_TRUE(dialog.selectDate(christmas)); // the form follows the selection
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addWorkingDayButton")), Qt::LeftButton);
    EXPECT_EQ(dialog.statusOf(christmas), QStringLiteral("Built-in holiday taken back"));
    EXPECT_FALSE(isHoliday(christmas));
}

TEST_F(CalendarDialogTest, AnAgentOnlyReads)
{
    CalendarDialog dialog(m_testDatabase.database(), signIn(QStringLiteral("agent")));
    ASSERT_TRUE(dialog.showCalendar(QStringLiteral("BY"), 2026));
    EXPECT_EQ(dialog.statusOf(QDate(2026, 7, 3)), QStringLiteral("Built-in holiday"));
    for (const char *name : {"addDayOffButton", "addWorkingDayButton", "removeEditButton"}) {
        const auto *button = dialog.findChild<QPushButton *>(QLatin1String(name));
        EXPECT_FALSE(button->isEnabled()) << name;
        EXPECT_TRUE(button->toolTip().contains(QStringLiteral("privacy officers and administrators"))) << name;
    }
}

TEST_F(CalendarDialogTest, OpensFromTheToolsMenuAndKeepsItsSize)
{
    openWindow(signIn(QStringLiteral("officer")));
    auto *action = window().findChild<QAction *>(QStringLiteral("calendarAction"));
    ASSERT_TRUE(action);
    QSize shown;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<CalendarDialog *>(QApplication::activeModalWidget());
        ASSERT_TRUE(dialog);
        dialog->resize(900, 650);
        shown = dialog->size();
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    action->trigger(); // returns when Esc closed the modal dialog
    EXPECT_EQ(shown, QSize(900, 650));

    CalendarDialog again(m_testDatabase.database(), signIn(QStringLiteral("officer")));
    EXPECT_EQ(again.size(), QSize(900, 650));
}

} // namespace pd::test
