#include "ui/reports/ReportsPage.h"

#include "DemoFixture.h"
#include "UiTestSupport.h"
#include "app/subjects/ErasureService.h"
#include "ui/common/MessageBox.h"
#include "ui/shell/MainWindow.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>

namespace pd::test {

namespace {

class ReportsPageTest : public DemoFixture
{
protected:
    void SetUp() override
    {
        DemoFixture::SetUp();
        generate(120);
    }

    qint64 scalar(const QString &statement)
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        return query.exec(statement) && query.next() ? query.value(0).toLongLong() : -1;
    }

    /// Presses `button` and waits for the page's work to end.
    bool pressAndWait(ReportsPage &page, const char *button)
    {
        QSignalSpy finished(&page, &ReportsPage::finished);
        page.findChild<QPushButton *>(QLatin1String(button))->click();
        return finished.count() > 0 || finished.wait(60000);
    }

    static QStringList listed(const ReportsPage &page)
    {
        QStringList titles;
        const auto *list = page.findChild<QListWidget *>(QStringLiteral("reportList"));
        for (int row = 0; row < list->count(); ++row) {
            titles << list->item(row)->text();
        }
        return titles;
    }
};

} // namespace

TEST_F(ReportsPageTest, EachRoleIsOfferedTheReportsItMayRun)
{
    ReportsPage officer(m_testDatabase.database(), signIn(QStringLiteral("officer")));
    EXPECT_EQ(officer.kinds().size(), Reports::all().size());
    ReportsPage agent(m_testDatabase.database(), signIn(QStringLiteral("agent")));
    EXPECT_EQ(agent.kinds(), QList<ReportKind>{ReportKind::SubjectAccess});
    EXPECT_EQ(listed(agent), QStringList{Reports::title(ReportKind::SubjectAccess)});
    ReportsPage admin(m_testDatabase.database(), signIn(QStringLiteral("admin")));
    EXPECT_EQ(admin.kinds(), QList<ReportKind>{ReportKind::Audit});
}

TEST_F(ReportsPageTest, TheRequestRegisterIsPreviewedAsATableAndAsPagesAndSavedToAPrivateFile)
{
    ReportsPage page(m_testDatabase.database(), signIn(QStringLiteral("officer")));
    page.selectKind(ReportKind::Requests);
    page.findChild<QDateEdit *>(QStringLiteral("reportFrom"))->setDate(QDate(2000, 1, 1));
    page.setFormat(ReportFormat::Csv);
    ASSERT_TRUE(pressAndWait(page, "previewReport"));
    ASSERT_TRUE(page.report().has_value()) << page.message().toStdString();
    const auto *model = qobject_cast<QStandardItemModel *>(page.table()->model());
    const qint64 stored = scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE received_at < '%1'")
                                     .arg(QDate::currentDate().addDays(1).toString(Qt::ISODate)));
    EXPECT_EQ(model->rowCount(), std::min<qint64>(stored, 2000));
    EXPECT_EQ(model->headerData(7, Qt::Horizontal).toString(), QStringLiteral("Requester"));
    auto *stack = page.findChild<QStackedWidget *>(QStringLiteral("reportPreview"));
    EXPECT_EQ(stack->currentWidget()->objectName(), QStringLiteral("reportTable"));

    page.setFormat(ReportFormat::Pdf);
    EXPECT_EQ(stack->currentWidget()->objectName(), QStringLiteral("reportPages"))
        << "the same report, previewed as its pages";
    EXPECT_TRUE(page.message().contains(QLatin1String("page"))) << page.message().toStdString();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("register"));
    page.setFormat(ReportFormat::Xlsx);
    MessageBox::setNextFileName(path);
    const qint64 exportsBefore =
        scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export'"));
    ASSERT_TRUE(pressAndWait(page, "saveReport"));
    QFile file(path + QStringLiteral(".xlsx"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << "the extension of the format is added";
    EXPECT_TRUE(file.readAll().startsWith("PK"));
    EXPECT_EQ(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    EXPECT_TRUE(page.message().contains(QLatin1String("Saved to"))) << page.message().toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export'")),
              exportsBefore + 1);

    // A bad period is named, and nothing is built.
    page.findChild<QDateEdit *>(QStringLiteral("reportFrom"))->setDate(QDate::currentDate().addDays(10));
    ASSERT_TRUE(pressAndWait(page, "previewReport"));
    EXPECT_FALSE(page.report().has_value());
    EXPECT_TRUE(page.message().contains(QLatin1String("period"), Qt::CaseInsensitive)) << page.message().toStdString();
}

TEST_F(ReportsPageTest, AnActOfDestructionIsDrawnUpOnlyWhenConfirmedAndOnlyOnce)
{
    const Session officer = signIn(QStringLiteral("officer"));
    const qint64 subject = scalar(QStringLiteral("SELECT MIN(id) FROM subjects WHERE state = 'active'"));
    ErasureService::Irreversible order;
    order.subjectIds = {subject};
    order.reason = QStringLiteral("asked at the desk");
    ASSERT_TRUE(ErasureService::erase(db(), officer, order).ok());

    ReportsPage page(m_testDatabase.database(), officer);
    page.selectKind(ReportKind::Destruction);
    page.findChild<QLineEdit *>(QStringLiteral("reportSubject"))->setText(QString::number(subject));
    EXPECT_EQ(page.parameters().subjectId, subject);
    MessageBox::setNextAnswer(QMessageBox::No);
    page.preview();
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM destruction_acts")), 0) << "not without saying yes";
    QSignalSpy changed(&page, &ReportsPage::dataChanged);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    ASSERT_TRUE(pressAndWait(page, "previewReport"));
    ASSERT_TRUE(page.report().has_value()) << page.message().toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM destruction_acts")), 1);
    EXPECT_EQ(changed.count(), 1);
    page.setFormat(ReportFormat::Csv);
    page.preview();
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM destruction_acts")), 1) << "the same act, shown again";
    const auto *model = qobject_cast<QStandardItemModel *>(page.table()->model());
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(model->item(0, 2)->text(), QStringLiteral("S-%1").arg(subject));
}

TEST_F(ReportsPageTest, TheWindowsReportsPageIsTheRealOne)
{
    openWindow(signIn(QStringLiteral("auditor")));
    auto *pages = window().findChild<QStackedWidget *>(QStringLiteral("pages"));
    ASSERT_NE(pages, nullptr);
    auto *reports = window().findChild<ReportsPage *>(QStringLiteral("reportsPage"));
    ASSERT_NE(reports, nullptr);
    EXPECT_EQ(pages->indexOf(reports), 4);
    EXPECT_TRUE(reports->kinds().contains(ReportKind::Ropa));
}

} // namespace pd::test
