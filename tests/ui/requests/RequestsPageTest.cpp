// The Requests page on the real main window: intake, the request's page and its steps, the dashboard.
#include "ui/requests/RequestsPage.h"

#include "DemoFixture.h"
#include "TestEnvironment.h"
#include "app/requests/RequestExecution.h"
#include "app/storage/Database.h"
#include "ui/common/FormDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/dashboard/DashboardPage.h"
#include "ui/requests/RequestIntakeDialog.h"
#include "ui/requests/RequestListModel.h"
#include "ui/requests/RequestPanel.h"
#include "ui/requests/SubjectLookup.h"
#include "ui/shell/MainWindow.h"

#include <gtest/gtest.h>

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

namespace pd::test {

namespace {

class RequestsPageTest : public DemoFixture
{
protected:
    RequestsPage &requests() { return *window().requestsPage(); }

    void openRequests(const QString &name = QStringLiteral("agent"))
    {
        generate(200);
        openWindow(signIn(name));
        ASSERT_FALSE(HasFatalFailure());
        window().setCurrentPage(MainWindow::Page::Requests);
        ASSERT_TRUE(requests().isVisible());
        waitForList();
    }

    /// Waits until the list's rows of its current filter have arrived from the worker thread.
    void waitForList()
    {
        QSignalSpy loaded(requests().model(), &RequestListModel::loaded);
        if (requests().model()->isLoading()) {
            ASSERT_TRUE(loaded.wait(kWaitMs)) << "the requests did not arrive";
        }
    }

    qint64 scalar(const QString &statement, const QVariantList &values = {})
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        EXPECT_TRUE(query.prepare(statement));
        for (const QVariant &value : values) {
            query.addBindValue(value);
        }
        EXPECT_TRUE(query.exec() && query.next());
        return query.value(0).toLongLong();
    }

    /// Fills the intake form that New request opens, as a user would, and registers it.
    qint64 registerThroughTheForm(qint64 subject, const QString &type)
    {
        bool filled = false;
        QTimer::singleShot(0, [&] {
            auto *dialog = qobject_cast<RequestIntakeDialog *>(QApplication::activeModalWidget());
            ASSERT_NE(dialog, nullptr);
            auto *typeBox = dialog->findChild<QComboBox *>(QStringLiteral("type"));
            typeBox->setCurrentIndex(typeBox->findData(type));
            auto *regime = dialog->findChild<QComboBox *>(QStringLiteral("regime"));
            regime->setCurrentIndex(regime->findData(QStringLiteral("by-99z")));
            dialog->findChild<QLineEdit *>(QStringLiteral("subject"))->setText(QString::number(subject));
            auto *registerButton = dialog->findChild<QPushButton *>(QStringLiteral("register"));
            EXPECT_FALSE(registerButton->isEnabled()) << "what is asked is required";
            EXPECT_FALSE(registerButton->toolTip().isEmpty()) << "the disabled button says why";
            dialog->findChild<QPlainTextEdit *>(QStringLiteral("asked"))
                ->setPlainText(QStringLiteral("Please erase everything you hold about me"));
            EXPECT_TRUE(registerButton->isEnabled());
            registerButton->click();
            filled = true;
        });
        const qint64 id = requests().newRequest();
        EXPECT_TRUE(filled);
        return id;
    }
};

} // namespace

TEST_F(RequestsPageTest, OpenWorkIsListedByDeadlineWithOverdueRequestsStandingOut)
{
    openRequests();
    RequestListModel *model = requests().model();
    const qint64 open = scalar(
        QStringLiteral("SELECT COUNT(*) FROM requests WHERE status NOT IN ('completed', 'refused', 'withdrawn')"));
    ASSERT_GT(open, 0);
    EXPECT_EQ(model->totalCount(), open);
    const qint64 overdue =
        scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE status NOT IN ('completed', "
                              "'refused', 'withdrawn') AND COALESCE(extended_due_date, due_date) < ?"),
               {QDate::currentDate().toString(Qt::ISODate)});
    ASSERT_GT(overdue, 0) << "the demo data has overdue requests";
    // Overdue requests come first, marked and coloured.
    for (int row = 0; row < overdue; ++row) {
        const QModelIndex due = model->index(row, RequestListModel::Due);
        EXPECT_EQ(model->data(due, RequestListModel::AgeRole).toInt(), int(RequestAge::Overdue));
        EXPECT_TRUE(model->data(due).toString().contains(QStringLiteral("overdue")));
        EXPECT_TRUE(model->data(due, Qt::BackgroundRole).isValid());
    }
    EXPECT_TRUE(requests().summary()->text().contains(QLocale().toString(overdue)));

    // The deadline filter shows only what it says.
    auto *age = requests().findChild<QComboBox *>(QStringLiteral("age"));
    age->setCurrentIndex(age->findData(int(RequestAge::Overdue)));
    waitForList();
    EXPECT_EQ(model->totalCount(), overdue);
}

TEST_F(RequestsPageTest, TheListLoadsOffTheWindowsThreadAndKeepsItsRowsUntilTheNewOnesArrive)
{
    openRequests();
    RequestListModel *model = requests().model();
    const int shown = model->rowCount();
    ASSERT_GT(shown, 0);
    const QString summary = requests().summary()->text();
    const qint64 erasures = scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE type = 'erasure' AND status "
                                                  "NOT IN ('completed', 'refused', 'withdrawn')"));
    ASSERT_GT(erasures, 0);
    ASSERT_NE(erasures, model->totalCount());

    auto *type = requests().findChild<QComboBox *>(QStringLiteral("type"));
    type->setCurrentIndex(type->findData(QStringLiteral("erasure")));
    // The change returns at once: the query runs on the worker thread, and the rows shown stay meanwhile.
    EXPECT_TRUE(model->isLoading());
    EXPECT_EQ(model->rowCount(), shown);
    EXPECT_EQ(requests().summary()->text(), summary);
    QSignalSpy loaded(model, &RequestListModel::loaded);
    ASSERT_TRUE(loaded.wait(kWaitMs));
    EXPECT_FALSE(model->isLoading());
    EXPECT_EQ(model->totalCount(), erasures);
    for (int row = 0; row < model->rowCount(); ++row) {
        EXPECT_EQ(model->record(row)->type, RequestType::Erasure);
    }
    EXPECT_TRUE(requests().summary()->text().startsWith(QLocale().toString(erasures)))
        << requests().summary()->text().toStdString();
}

TEST_F(RequestsPageTest, ARequestTakenInThroughTheFormIsListedOpenedAndCounted)
{
    openRequests();
    const qint64 subject = scalar(QStringLiteral("SELECT MIN(id) FROM subjects WHERE state = 'active'"));
    const qint64 before = requests().model()->totalCount();
    const qint64 id = registerThroughTheForm(subject, QStringLiteral("erasure"));
    ASSERT_GT(id, 0);
    waitForList();
    EXPECT_EQ(requests().model()->totalCount(), before + 1);
    EXPECT_GE(requests().model()->rowOf(id), 0) << "the new request is in the list";
    ASSERT_TRUE(requests().isShowingRequest()) << "the new request opens";
    RequestPanel *view = requests().requestPanel();
    EXPECT_EQ(view->record().id, id);
    EXPECT_EQ(view->record().status, RequestStatus::New);
    EXPECT_EQ(view->timeline()->topLevelItemCount(), 1);
    EXPECT_FALSE(view->stepAction(RequestPanel::Execute)->isEnabled()) << "nothing is carried out before the check";
    EXPECT_FALSE(view->stepAction(RequestPanel::Execute)->toolTip().isEmpty());

    // The identity check moves it on; the timeline says so.
    FormDialog::setNextValues(QHash<QString, QVariant>{{QStringLiteral("method"), QStringLiteral("ID card seen")},
                                                       {QStringLiteral("result"), QStringLiteral("confirmed")}});
    view->runStep(RequestPanel::CheckIdentity);
    EXPECT_EQ(view->record().status, RequestStatus::InProgress);
    EXPECT_EQ(view->timeline()->topLevelItemCount(), 2);
    // An agent may not delete: the refusal is shown and the subject stays.
    FormDialog::setNextValues(QHash<QString, QVariant>{{QStringLiteral("reason"), QStringLiteral("erasure request")}});
    MessageBox::setNextAnswer(QMessageBox::Yes); // the confirmation naming what will be lost
    QString refusal;
    QTimer::singleShot(0, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            refusal = box->text();
            box->accept();
        }
    });
    view->runStep(RequestPanel::Execute);
    EXPECT_TRUE(refusal.contains(QStringLiteral("agent"))) << refusal.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE id = ?"), {subject}), 1);

    // The dashboard counts it.
    DashboardPage *dashboard = window().dashboardPage();
    QSignalSpy refreshed(dashboard, &DashboardPage::refreshed);
    window().setCurrentPage(MainWindow::Page::Dashboard);
    ASSERT_TRUE(refreshed.count() > 0 || refreshed.wait(kWaitMs));
    const qint64 open = scalar(
        QStringLiteral("SELECT COUNT(*) FROM requests WHERE status NOT IN ('completed', 'refused', 'withdrawn')"));
    EXPECT_EQ(dashboard->figureText(DashboardPage::Figure::Open), QLocale().toString(open));
    ASSERT_TRUE(dashboard->snapshot().has_value());
}

TEST_F(RequestsPageTest, TheReplyLetterIsMadeKeptWithTheRequestAndLetsItComplete)
{
    openRequests();
    const qint64 subject = scalar(QStringLiteral("SELECT MIN(id) FROM subjects WHERE state = 'active'"));
    const qint64 id = registerThroughTheForm(subject, QStringLiteral("access"));
    ASSERT_GT(id, 0);
    RequestPanel *view = requests().requestPanel();
    FormDialog::setNextValues(QHash<QString, QVariant>{{QStringLiteral("method"), QStringLiteral("e-mail on file")},
                                                       {QStringLiteral("result"), QStringLiteral("confirmed")}});
    view->runStep(RequestPanel::CheckIdentity);
    EXPECT_FALSE(view->stepAction(RequestPanel::Complete)->isEnabled()) << "no answer recorded yet";

    FormDialog::setNextValues(
        QHash<QString, QVariant>{{QStringLiteral("outcome"), QStringLiteral("We enclose all data we hold about you.")},
                                 {QStringLiteral("form"), QStringLiteral("letter")}});
    MessageBox::setNextAnswer(QMessageBox::No); // no copy to a file
    view->runStep(RequestPanel::Reply);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM request_documents WHERE request_id = ? AND kind = "
                                    "'reply-letter' AND media_type = 'application/pdf'"),
                     {id}),
              1);
    EXPECT_EQ(view->record().replyForm, QStringLiteral("letter"));
    EXPECT_FALSE(view->record().repliedAt.isEmpty());
    ASSERT_TRUE(view->stepAction(RequestPanel::Complete)->isEnabled());
    FormDialog::setNextValues(QHash<QString, QVariant>{{QStringLiteral("decision"), QStringLiteral("granted")}});
    view->runStep(RequestPanel::Complete);
    EXPECT_EQ(view->record().status, RequestStatus::Completed);
    EXPECT_FALSE(view->stepAction(RequestPanel::Refuse)->isEnabled()) << "a closed request changes no more";
}

TEST_F(RequestsPageTest, TheCopyOfAReplyLetterIsTheOperatorsAlone)
{
    const ScopedUmask everybodyReads(0022);
    openRequests();
    const qint64 subject = scalar(QStringLiteral("SELECT MIN(id) FROM subjects WHERE state = 'active'"));
    const qint64 id = registerThroughTheForm(subject, QStringLiteral("access"));
    ASSERT_GT(id, 0);
    RequestPanel *view = requests().requestPanel();
    FormDialog::setNextValues(QHash<QString, QVariant>{{QStringLiteral("method"), QStringLiteral("e-mail on file")},
                                                       {QStringLiteral("result"), QStringLiteral("confirmed")}});
    view->runStep(RequestPanel::CheckIdentity);
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("reply.pdf"));
    FormDialog::setNextValues(
        QHash<QString, QVariant>{{QStringLiteral("outcome"), QStringLiteral("We enclose all data we hold about you.")},
                                 {QStringLiteral("form"), QStringLiteral("letter")}});
    MessageBox::setNextAnswer(QMessageBox::Yes); // save a copy for sending
    MessageBox::setNextFileName(copy);
    view->runStep(RequestPanel::Reply);
    QFile file(copy);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << "the copy was saved";
    EXPECT_TRUE(file.readAll().startsWith("%PDF"));
    EXPECT_EQ(fileMode(copy), 0600) << "the letter names the requester";
}

TEST_F(RequestsPageTest, TheDashboardsDrillDownListsTheMatchingRequests)
{
    openRequests(QStringLiteral("officer"));
    RequestFilter filter;
    filter.type = RequestType::Erasure;
    filter.openOnly = true;
    window().showRequests(filter);
    EXPECT_TRUE(requests().isVisible());
    waitForList();
    EXPECT_EQ(requests().model()->totalCount(),
              scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE type = 'erasure' AND status NOT IN "
                                    "('completed', 'refused', 'withdrawn')")));
    for (int row = 0; row < requests().model()->rowCount(); ++row) {
        EXPECT_EQ(requests().model()->record(row)->type, RequestType::Erasure);
    }
    auto *type = requests().findChild<QComboBox *>(QStringLiteral("type"));
    EXPECT_EQ(type->currentData().toString(), QStringLiteral("erasure")) << "the filter bar shows the drill-down";
}

TEST_F(RequestsPageTest, AnAuditorReadsButTakesNothingIn)
{
    openRequests(QStringLiteral("auditor"));
    EXPECT_GT(requests().model()->totalCount(), 0);
    EXPECT_FALSE(requests().newRequestButton()->isEnabled());
    EXPECT_FALSE(requests().newRequestButton()->toolTip().isEmpty());
    EXPECT_EQ(requests().newRequest(), 0);
}

} // namespace pd::test

namespace pd::test {

TEST_F(RequestsPageTest, TheRequestPageOffersTheNextStepUntilTheRequestIsComplete)
{
    openRequests(QStringLiteral("officer"));
    const qint64 subject = scalar(QStringLiteral("SELECT MIN(id) FROM subjects WHERE state = 'active'"));
    const qint64 id = registerThroughTheForm(subject, QStringLiteral("access"));
    ASSERT_GT(id, 0);
    RequestPanel *view = requests().requestPanel();
    QPushButton *next = view->nextButton();
    const auto offers = [&](RequestPanel::Step step) {
        EXPECT_EQ(view->nextStep(), step);
        EXPECT_EQ(next->text(), view->stepAction(step)->text());
        EXPECT_TRUE(next->isEnabled()) << next->toolTip().toStdString();
    };

    // 1. Identity: the stage is in bold, nothing before it is ticked.
    offers(RequestPanel::CheckIdentity);
    EXPECT_TRUE(view->progressLabel()->text().contains(QStringLiteral("<b>1.")));
    FormDialog::setNextValues(QHash<QString, QVariant>{{QStringLiteral("method"), QStringLiteral("ID card seen")},
                                                       {QStringLiteral("result"), QStringLiteral("confirmed")}});
    next->click();
    ASSERT_EQ(view->record().status, RequestStatus::InProgress);
    // The timeline says who confirmed the identity, and when.
    QTreeWidgetItem *last = view->timeline()->topLevelItem(view->timeline()->topLevelItemCount() - 1);
    EXPECT_TRUE(last->text(2).contains(QStringLiteral("ID card seen"))) << last->text(2).toStdString();
    EXPECT_FALSE(last->text(1).isEmpty()) << "who";
    EXPECT_FALSE(last->text(0).isEmpty()) << "when";
    EXPECT_TRUE(view->progressLabel()->text().contains(QStringLiteral("✓")));

    // 2. Carry out: the subject's data is attached.
    offers(RequestPanel::Execute);
    FormDialog::setNextValues(QHash<QString, QVariant>{
        {QStringLiteral("kind"), QString::number(int(RequestExecution::Operation::Kind::ProvideData))}});
    next->click();
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT COUNT(*) FROM request_events WHERE request_id = ? AND kind = 'executed'"), {id}),
        1);

    // 3. Reply, then 4. Complete.
    offers(RequestPanel::Reply);
    FormDialog::setNextValues(
        QHash<QString, QVariant>{{QStringLiteral("outcome"), QStringLiteral("We enclose all data we hold about you.")},
                                 {QStringLiteral("form"), QStringLiteral("email")}});
    MessageBox::setNextAnswer(QMessageBox::No); // no copy to a file
    next->click();
    offers(RequestPanel::Complete);
    FormDialog::setNextValues(QHash<QString, QVariant>{{QStringLiteral("decision"), QStringLiteral("granted")}});
    next->click();
    EXPECT_EQ(view->record().status, RequestStatus::Completed);
    EXPECT_EQ(view->nextStep(), RequestPanel::StepCount);
    EXPECT_FALSE(next->isEnabled()) << "a closed request has no next step";
    EXPECT_EQ(view->progressLabel()->text().count(QStringLiteral("✓")), 4);
}

TEST_F(RequestsPageTest, TheIntakeFormFindsTheSubjectByNameAndSaysWhoItIs)
{
    openRequests();
    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT id, display_name, email FROM subjects WHERE state = 'active' AND "
                                          "display_name <> '' AND email <> '' ORDER BY id LIMIT 1")) &&
                query.next());
    const qint64 subject = query.value(0).toLongLong();
    const QString name = query.value(1).toString();
    const QString email = query.value(2).toString();
    const QString surname = name.section(QLatin1Char(' '), 0, 0);

    RequestIntakeDialog dialog(m_testDatabase.database(), window().session(), &window());
    dialog.show();
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("subject"));
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("problem"));
    EXPECT_TRUE(problem->text().isEmpty()) << "no error before anything is typed";

    edit->setFocus();
    QSignalSpy searched(dialog.subjectLookup(), &SubjectLookup::searched);
    // By name (typed as an input method would: the names are Cyrillic, which key clicks cannot type) ...
    edit->insert(name);
    ASSERT_TRUE(searched.wait(kWaitMs)) << "typing searches after a moment";
    ASSERT_GT(searched.last().at(0).toInt(), 0) << "the subject is found by its name";
    // ... and by e-mail, typed key by key.
    edit->clear();
    QTest::keyClicks(edit, email);
    ASSERT_TRUE(searched.wait(kWaitMs));
    ASSERT_GT(searched.last().at(0).toInt(), 0) << "the subject is found by its e-mail";
    QAbstractItemView *popup = dialog.subjectLookup()->completer()->popup();
    QSignalSpy chosen(dialog.subjectLookup(), &SubjectLookup::chosen);
    const QModelIndex first = popup->model()->index(0, 0);
    EXPECT_TRUE(first.data().toString().contains(surname)) << first.data().toString().toStdString();
    popup->setCurrentIndex(first);
    QTest::keyClick(popup, Qt::Key_Return);
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(edit->text().toLongLong(), chosen.first().at(0).toLongLong());
    auto *info = dialog.findChild<QLabel *>(QStringLiteral("subjectInfo"));
    EXPECT_TRUE(info->text().contains(surname)) << "the form shows who it is: " << info->text().toStdString();
    EXPECT_EQ(dialog.intake().subjectId.value_or(0), subject) << "the e-mail is the subject's own";

    // Leaving the empty "what is asked" shows its problem.
    auto *asked = dialog.findChild<QPlainTextEdit *>(QStringLiteral("asked"));
    asked->setFocus();
    edit->setFocus();
    EXPECT_TRUE(problem->text().contains(QStringLiteral("What is asked"))) << problem->text().toStdString();
}

TEST_F(RequestsPageTest, CtrlNOpensTheIntakeFormFromEveryPage)
{
    openRequests(QStringLiteral("officer"));
    window().setCurrentPage(MainWindow::Page::Dashboard);
    window().activateWindow();
    bool opened = false;
    QTimer::singleShot(0, [&] {
        if (auto *dialog = qobject_cast<RequestIntakeDialog *>(QApplication::activeModalWidget())) {
            opened = true;
            dialog->reject();
        }
    });
    QAction *action = window().findChild<QAction *>(QStringLiteral("newRequestAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->shortcut(), QKeySequence(QKeySequence::New));
    QTest::keySequence(&window(), QKeySequence::New);
    EXPECT_TRUE(opened);
    EXPECT_TRUE(requests().isVisible()) << "the form opens over the Requests page";
}

} // namespace pd::test
