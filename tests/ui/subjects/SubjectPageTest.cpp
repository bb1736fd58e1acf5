// The subject page end to end, as the operator sees it: search, open, correct, block, unblock, anonymize.
#include "DemoFixture.h"
#include "UiTestSupport.h"

#include "app/policy/PurposeRegister.h"
#include "app/subjects/CorrectionService.h"
#include "app/subjects/RestrictionService.h"
#include "ui/bulk/BulkActionDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/shell/MainWindow.h"
#include "ui/subjects/CorrectDialog.h"
#include "ui/subjects/SubjectDataTree.h"
#include "ui/subjects/SubjectFilterBar.h"
#include "ui/subjects/SubjectListModel.h"
#include "ui/subjects/SubjectPanel.h"
#include "ui/subjects/SubjectsPage.h"
#include "ui/subjects/UnblockDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

namespace pd::test {

namespace {

class SubjectPageTest : public DemoFixture
{
protected:
    void SetUp() override
    {
        DemoFixture::SetUp();
        generate(300);
        m_officer = signIn(QStringLiteral("officer"));
        ASSERT_FALSE(HasFailure());
    }

    template <typename T> T *find(QObject *parent, const char *name)
    {
        T *found = parent->findChild<T *>(QLatin1String(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    /// Selects the item in the data tree and opens the Correct dialog with the button.
    CorrectDialog *startCorrection(qint64 item)
    {
        EXPECT_TRUE(panel().dataTree()->selectItem(item));
        auto *button = find<QPushButton>(&panel(), "correctButton");
        EXPECT_TRUE(button->isEnabled()) << button->toolTip().toStdString();
        QTest::mouseClick(button, Qt::LeftButton);
        auto *dialog = qobject_cast<CorrectDialog *>(panel().openDialog());
        EXPECT_NE(dialog, nullptr);
        return dialog;
    }

    Session m_officer;
};

TEST_F(SubjectPageTest, SearchOpenCorrectAndBlock)
{
    const SubjectDetails subject = subjectWithEmail(m_officer);
    ASSERT_GT(subject.subject.id, 0);
    openWindow(m_officer);
    const int all = page().model()->rowCount();
    ASSERT_EQ(all, 300);

    // Search: the list narrows to the subject as the e-mail is typed.
    auto *search = find<QLineEdit>(&window(), "subjectSearch");
    QTest::keyClicks(search, subject.subject.email);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !page().model()->isCounting() && page().model()->rowCount() < all; }, kWaitMs));
    ASSERT_TRUE(waitForRows(1));
    ASSERT_TRUE(loadRow(*page().model(), 0));
    EXPECT_EQ(page().model()->data(page().model()->index(0, SubjectListModel::Email)).toString(),
              subject.subject.email);

    // Open with Enter on the row.
    QTableView *table = page().table();
    table->setFocus();
    table->setCurrentIndex(page().model()->index(0, SubjectListModel::Name));
    QTest::keyClick(table, Qt::Key_Return);
    ASSERT_TRUE(page().isShowingSubject());
    EXPECT_EQ(panel().subjectId(), subject.subject.id);
    EXPECT_EQ(find<QLabel>(&panel(), "subjectName")->text(), subject.subject.displayName);
    EXPECT_EQ(panel().stateBadgeText(), QStringLiteral("Active"));
    const qint64 email = itemId(subject, QStringLiteral("account"), QStringLiteral("email"));
    EXPECT_EQ(shownValue(email), subject.subject.email);
    EXPECT_EQ(panel().details().items.size(), subject.items.size());
    EXPECT_TRUE(timelineHas(QStringLiteral("subject.view")));

    // Correct: the value is checked as it is typed; a reason is required.
    CorrectDialog *dialog = startCorrection(email);
    ASSERT_NE(dialog, nullptr);
    auto *value = find<QLineEdit>(dialog, "newValue");
    value->clear();
    QTest::keyClicks(value, QStringLiteral("not-an-address"));
    EXPECT_FALSE(dialog->problemText().isEmpty());
    EXPECT_FALSE(dialog->canSave());
    value->clear();
    QTest::keyClicks(value, QStringLiteral("fixed.address@example.org"));
    EXPECT_TRUE(dialog->problemText().isEmpty()) << dialog->problemText().toStdString();
    EXPECT_FALSE(dialog->canSave()); // no reason yet
    EXPECT_EQ(find<QLabel>(dialog, "previewBefore")->text(), subject.subject.email);
    EXPECT_EQ(find<QLabel>(dialog, "previewAfter")->text(), QStringLiteral("fixed.address@example.org"));
    QTest::keyClicks(find<QLineEdit>(dialog, "reason"), QStringLiteral("typo reported by the subject"));
    ASSERT_TRUE(dialog->canSave());
    QPointer<CorrectDialog> guard(dialog);
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return guard.isNull(); }, kWaitMs)); // closed and deleted
    EXPECT_EQ(shownValue(email), QStringLiteral("fixed.address@example.org"));
    EXPECT_TRUE(timelineHas(QStringLiteral("subject.correct")));
    EXPECT_EQ(panel().details().version, subject.version + 1);

    // Block the whole subject.
    auto *blockButton = find<QPushButton>(&panel(), "blockSubjectButton");
    ASSERT_TRUE(blockButton->isEnabled());
    QTest::mouseClick(blockButton, Qt::LeftButton);
    QDialog *block = qobject_cast<QDialog *>(panel().openDialog());
    ASSERT_NE(block, nullptr);
    QTest::keyClicks(find<QLineEdit>(block, "reason"), QStringLiteral("accuracy disputed"));
    QPointer<QDialog> blockGuard(block);
    QTest::mouseClick(find<QPushButton>(block, "blockButton"), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return blockGuard.isNull(); }, kWaitMs));
    EXPECT_EQ(panel().stateBadgeText(), QStringLiteral("Blocked"));
    EXPECT_TRUE(timelineHas(QStringLiteral("subject.block")));
    panel().dataTree()->selectItem(email);
    auto *correct = find<QPushButton>(&panel(), "correctButton");
    EXPECT_FALSE(correct->isEnabled());
    EXPECT_TRUE(correct->toolTip().contains(QStringLiteral("blocked"))) << correct->toolTip().toStdString();
    EXPECT_FALSE(page().commandAction(SubjectsPage::Correct)->isEnabled());
    EXPECT_TRUE(find<QLabel>(&panel(), "subjectBlockNote")->isVisible());
    EXPECT_TRUE(shownValue(email) == QStringLiteral("fixed.address@example.org")); // kept, read-only

    // Back: the old e-mail finds nobody now; the new one finds the subject, blocked.
    window().activateWindow(); // the offscreen platform does not give it back when a dialog closes
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window()));
    panel().dataTree()->setFocus();
    QTest::keyClick(panel().dataTree(), Qt::Key_Escape);
    EXPECT_FALSE(page().isShowingSubject());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !page().model()->isRefreshing() && page().model()->rowCount() == 0; }, kWaitMs));
    search->setText(QStringLiteral("fixed.address@example.org"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return page().model()->filter().text == search->text(); }, kWaitMs));
    ASSERT_TRUE(waitForRows(1));
    ASSERT_TRUE(loadRow(*page().model(), 0));
    const QModelIndex row = page().model()->index(0, SubjectListModel::Name);
    EXPECT_EQ(row.data(SubjectListModel::StateRole).toString(), QStringLiteral("blocked"));
    EXPECT_FALSE(row.data(Qt::DecorationRole).isNull()); // the lock
}

TEST_F(SubjectPageTest, EnterInTheSearchOpensTheFirstMatchAndDownMovesIntoTheResults)
{
    const SubjectDetails subject = subjectWithEmail(m_officer);
    openWindow(m_officer);
    auto *search = find<QLineEdit>(&window(), "subjectSearch");
    search->setFocus();

    // Down: from the search box into the list, on its first row.
    QTest::keyClick(search, Qt::Key_Down);
    QTableView *table = page().table();
    EXPECT_TRUE(table->hasFocus());
    EXPECT_EQ(table->currentIndex().row(), 0);

    // Enter right after typing (before the pause that starts a search): the first match opens once it arrives.
    search->setFocus();
    QTest::keyClicks(search, subject.subject.email);
    QTest::keyClick(search, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return page().isShowingSubject(); }, kWaitMs)) << "Enter opens the match";
    EXPECT_EQ(panel().subjectId(), subject.subject.id);
}

TEST_F(SubjectPageTest, AnIpSearchShowsTheAddressThatMatched)
{
    const SubjectDetails subject = subjectWithEmail(m_officer);
    QString ip;
    for (const SubjectDetails::Item &item : subject.items) {
        if (item.field == QLatin1String("ip")) {
            ip = item.value;
        }
    }
    ASSERT_FALSE(ip.isEmpty()) << "every active demo subject has a web-server address";
    openWindow(m_officer);
    QTableView *table = page().table();
    EXPECT_TRUE(table->isColumnHidden(SubjectListModel::IpAddress)) << "no address column without an IP search";

    SubjectListModel &model = *page().model();
    auto *search = find<QLineEdit>(&window(), "subjectSearch");
    search->setFocus();
    search->insert(ip); // as pasted from a log; QTest cannot type every character of an IPv6 address
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.filter().text == ip; }, kWaitMs));
    ASSERT_TRUE(waitForCount(model));
    ASSERT_GE(model.rowCount(), 1);
    ASSERT_TRUE(loadRow(model, 0));
    EXPECT_FALSE(table->isColumnHidden(SubjectListModel::IpAddress));
    EXPECT_EQ(model.headerData(SubjectListModel::IpAddress, Qt::Horizontal).toString(), QStringLiteral("IP address"));
    EXPECT_EQ(model.index(0, SubjectListModel::IpAddress).data().toString(), ip);

    search->clear();
    search->insert(subject.subject.displayName.section(QLatin1Char(' '), 0, 0));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.filter().text.isEmpty() && model.filter().text != ip; }, kWaitMs));
    EXPECT_TRUE(table->isColumnHidden(SubjectListModel::IpAddress)) << "a name search hides it again";
}

TEST_F(SubjectPageTest, AConflictReloadsTheNewerValueAndKeepsWhatWasTyped)
{
    const SubjectDetails subject = subjectWithEmail(m_officer);
    openWindow(m_officer);
    ASSERT_TRUE(page().openSubject(subject.subject.id));
    const qint64 email = itemId(subject, QStringLiteral("account"), QStringLiteral("email"));
    CorrectDialog *dialog = startCorrection(email);
    ASSERT_NE(dialog, nullptr);

    // Someone else corrects the same subject meanwhile.
    const Session other = signIn(QStringLiteral("officer2"));
    CorrectionService::Correction theirs;
    theirs.subjectId = subject.subject.id;
    theirs.expectedVersion = subject.version;
    theirs.itemId = email;
    theirs.newValue = QStringLiteral("changed.elsewhere@example.org");
    theirs.reason = QStringLiteral("phone call");
    const Status changed = CorrectionService::correct(db(), other, theirs);
    ASSERT_TRUE(changed.ok()) << changed.error().message.toStdString();

    auto *value = find<QLineEdit>(dialog, "newValue");
    value->setText(QStringLiteral("mine@example.org"));
    find<QLineEdit>(dialog, "reason")->setText(QStringLiteral("typo"));
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("Someone else changed this subject")))
        << MessageBox::lastText().toStdString();

    // The page shows the newer value and version; the dialog still holds what was typed.
    EXPECT_EQ(shownValue(email), QStringLiteral("changed.elsewhere@example.org"));
    EXPECT_EQ(panel().details().version, subject.version + 1);
    ASSERT_EQ(panel().openDialog(), dialog);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(value->text(), QStringLiteral("mine@example.org"));
    EXPECT_EQ(dialog->currentValue(), QStringLiteral("changed.elsewhere@example.org"));

    // Saving again, now against the version shown, goes through.
    QPointer<CorrectDialog> guard(dialog);
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return guard.isNull(); }, kWaitMs));
    EXPECT_EQ(shownValue(email), QStringLiteral("mine@example.org"));
}

TEST_F(SubjectPageTest, UnblockNeedsTheSubjectToHaveBeenTold)
{
    const SubjectDetails subject = subjectWithEmail(m_officer);
    RestrictionService::Restriction restriction;
    restriction.subjectId = subject.subject.id;
    restriction.expectedVersion = subject.version;
    restriction.reason = QStringLiteral("accuracy disputed");
    ASSERT_TRUE(RestrictionService::block(db(), m_officer, restriction).ok());
    openWindow(m_officer);
    ASSERT_TRUE(page().openSubject(subject.subject.id));
    EXPECT_EQ(panel().stateBadgeText(), QStringLiteral("Blocked"));
    EXPECT_FALSE(find<QPushButton>(&panel(), "blockSubjectButton")->isEnabled());

    QTest::mouseClick(find<QPushButton>(&panel(), "unblockButton"), Qt::LeftButton);
    auto *dialog = qobject_cast<UnblockDialog *>(panel().openDialog());
    ASSERT_NE(dialog, nullptr);
    auto *reason = find<QLineEdit>(dialog, "reason");
    QTest::keyClicks(reason, QStringLiteral("accuracy verified"));
    auto *lift = find<QPushButton>(dialog, "liftButton");
    EXPECT_FALSE(lift->isEnabled());
    EXPECT_TRUE(dialog->blocker().contains(QStringLiteral("told"))) << dialog->blocker().toStdString();
    QTest::mouseClick(lift, Qt::LeftButton);
    QTest::keyClick(reason, Qt::Key_Return);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(panel().stateBadgeText(), QStringLiteral("Blocked"));
    SubjectFilter blocked;
    blocked.state = DataState::Blocked;
    blocked.text = subject.subject.email;
    EXPECT_EQ(count(m_officer, blocked), 1);

    find<QCheckBox>(dialog, "subjectTold")->setChecked(true);
    find<QLineEdit>(dialog, "howTold")->setText(QStringLiteral("e-mail of 3 March"));
    ASSERT_TRUE(lift->isEnabled());
    QPointer<UnblockDialog> guard(dialog);
    QTest::mouseClick(lift, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return guard.isNull(); }, kWaitMs));
    EXPECT_EQ(panel().stateBadgeText(), QStringLiteral("Active"));
    EXPECT_TRUE(timelineHas(QStringLiteral("subject.unblock")));
    EXPECT_EQ(count(m_officer, blocked), 0);
}

TEST_F(SubjectPageTest, AnonymizeListsWhatIsLostAndANoChangesNothing)
{
    const SubjectDetails subject = subjectWithEmail(m_officer);
    openWindow(m_officer);
    ASSERT_TRUE(page().openSubject(subject.subject.id));
    auto *anonymize = find<QPushButton>(&panel(), "anonymizeButton");
    ASSERT_TRUE(anonymize->isEnabled());
    QTest::mouseClick(anonymize, Qt::LeftButton);
    auto *dialog = qobject_cast<BulkActionDialog *>(panel().openDialog());
    ASSERT_NE(dialog, nullptr);
    const QString impact = dialog->impactText();
    EXPECT_TRUE(impact.contains(QStringLiteral("1 subject"))) << impact.toStdString();
    EXPECT_TRUE(impact.contains(QStringLiteral("Account: "))) << impact.toStdString();
    EXPECT_TRUE(impact.contains(QStringLiteral("consent"))) << impact.toStdString();
    EXPECT_TRUE(impact.contains(QStringLiteral("disclosure"))) << impact.toStdString();
    EXPECT_TRUE(find<QLabel>(dialog, "bulkHeadline")->text().contains(QStringLiteral("cannot be undone")));

    auto *run = find<QPushButton>(dialog, "runButton");
    EXPECT_FALSE(run->isEnabled()); // a reason first
    EXPECT_FALSE(run->isDefault()); // Enter does not anonymize
    find<QLineEdit>(dialog, "reason")->setText(QStringLiteral("erasure request"));
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(run, Qt::LeftButton);
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("this cannot be undone")));
    EXPECT_TRUE(MessageBox::lastText().contains(impact));

    EXPECT_TRUE(dialog->isVisible());
    dialog->reject();
    ASSERT_TRUE(panel().reload());
    EXPECT_EQ(panel().stateBadgeText(), QStringLiteral("Active"));
    EXPECT_EQ(panel().details().version, subject.version);
    EXPECT_FALSE(timelineHas(QStringLiteral("subject.anonymize")));
    EXPECT_EQ(shownValue(itemId(subject, QStringLiteral("account"), QStringLiteral("email"))), subject.subject.email);
}

TEST_F(SubjectPageTest, AnAgentMayCorrectButNotAnonymizeOrDelete)
{
    const Session agent = signIn(QStringLiteral("agent"));
    const SubjectDetails subject = subjectWithEmail(agent);
    openWindow(agent);
    ASSERT_TRUE(page().openSubject(subject.subject.id));
    panel().dataTree()->selectItem(itemId(subject, QStringLiteral("account"), QStringLiteral("email")));
    EXPECT_TRUE(find<QPushButton>(&panel(), "correctButton")->isEnabled());
    EXPECT_TRUE(find<QPushButton>(&panel(), "blockSubjectButton")->isEnabled());
    for (const char *name : {"anonymizeButton", "deleteButton"}) {
        auto *button = find<QPushButton>(&panel(), name);
        EXPECT_FALSE(button->isEnabled()) << name;
        EXPECT_TRUE(button->toolTip().contains(QStringLiteral("Your role (agent) may not"))) << name;
    }
    EXPECT_FALSE(page().commandAction(SubjectsPage::Delete)->isEnabled());
}

TEST_F(SubjectPageTest, CategoryAndPurposeFiltersNarrowTheList)
{
    openWindow(m_officer);
    const int all = page().model()->rowCount();
    auto *category = find<QComboBox>(&window(), "categoryFilter");
    category->setCurrentIndex(category->findData(QStringLiteral("payment")));
    SubjectFilter payment;
    payment.category = QStringLiteral("payment");
    const qint64 withPayment = count(m_officer, payment);
    ASSERT_GT(withPayment, 0);
    ASSERT_LT(withPayment, all);
    ASSERT_TRUE(waitForRows(int(withPayment)));
    EXPECT_EQ(category->currentText(), QStringLiteral("Payment"));

    const Result<QList<PurposeRegister::Row>> purposes = PurposeRegister::list(db());
    ASSERT_TRUE(purposes.ok());
    qint64 mailing = 0;
    for (const PurposeRegister::Row &row : purposes.value()) {
        if (row.code == QLatin1String("client-mailing")) {
            mailing = row.id;
        }
    }
    ASSERT_GT(mailing, 0);
    category->setCurrentIndex(0);
    ASSERT_TRUE(waitForRows(all));
    auto *purpose = find<QComboBox>(&window(), "purposeFilter");
    purpose->setCurrentIndex(purpose->findData(QVariant::fromValue(mailing)));
    SubjectFilter byPurpose;
    byPurpose.purposeId = mailing;
    const qint64 forMailing = count(m_officer, byPurpose);
    ASSERT_GT(forMailing, 0);
    ASSERT_LT(forMailing, all);
    ASSERT_TRUE(waitForRows(int(forMailing)));

    // Both at once narrow further (or as far); Clear filters shows everything again.
    category->setCurrentIndex(category->findData(QStringLiteral("recipient")));
    byPurpose.category = QStringLiteral("recipient");
    ASSERT_TRUE(waitForRows(int(count(m_officer, byPurpose))));
    QTest::mouseClick(find<QWidget>(&window(), "clearFilters"), Qt::LeftButton);
    ASSERT_TRUE(waitForRows(all));
    EXPECT_FALSE(page().filterBar()->hasFilters());

    // The client's recipients, by controller.
    qint64 client = 0;
    for (const PurposeRegister::Row &row : purposes.value()) {
        if (row.controllerKind == QLatin1String("client")) {
            client = row.controllerId;
        }
    }
    ASSERT_GT(client, 0);
    auto *controller = find<QComboBox>(&window(), "controllerFilter");
    ASSERT_TRUE(controller->isEnabled());
    controller->setCurrentIndex(controller->findData(QVariant::fromValue(client)));
    SubjectFilter byController;
    byController.controllerId = client;
    const qint64 forClient = count(m_officer, byController);
    ASSERT_GT(forClient, 0);
    ASSERT_LT(forClient, all);
    ASSERT_TRUE(waitForRows(int(forClient)));
}

} // namespace

} // namespace pd::test
