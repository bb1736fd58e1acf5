#include "ui/subjects/SubjectPanel.h"

#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "app/subjects/CorrectionService.h"
#include "app/subjects/ErasureService.h"
#include "app/subjects/RestrictionService.h"
#include "app/subjects/SubjectDetailsReader.h"
#include "ui/bulk/BulkActionDialog.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/Style.h"
#include "ui/subjects/BlockDialog.h"
#include "ui/subjects/CorrectDialog.h"
#include "ui/subjects/SubjectDataTree.h"
#include "ui/subjects/SubjectRecordTabs.h"
#include "ui/subjects/UnblockDialog.h"

#include <QAction>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace pd {

namespace {

const QString kActive = QStringLiteral("active");
const QString kBlocked = QStringLiteral("blocked");
const QString kAnonymized = QStringLiteral("anonymized");

Action permissionFor(SubjectPanel::Command command)
{
    switch (command) {
    case SubjectPanel::Command::Correct:
        return Action::CorrectData;
    case SubjectPanel::Command::Block:
    case SubjectPanel::Command::Unblock:
        return Action::BlockData;
    case SubjectPanel::Command::Anonymize:
        return Action::AnonymizeData;
    case SubjectPanel::Command::Delete:
        return Action::DeleteData;
    }
    return Action::DeleteData;
}

int blockedItems(const SubjectDetails &details)
{
    int count = 0;
    for (const SubjectDetails::Item &item : details.items) {
        count += item.state == kBlocked ? 1 : 0;
    }
    return count;
}

} // namespace

SubjectPanel::SubjectPanel(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QWidget(parent), m_database(std::move(database)), m_session(session)
{
    setObjectName(QStringLiteral("subjectPanel"));

    auto *back = new QToolButton(this);
    back->setObjectName(QStringLiteral("backButton"));
    back->setIcon(style()->standardIcon(QStyle::SP_ArrowBack, nullptr, this));
    back->setText(tr("Subjects"));
    back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    back->setAutoRaise(true);
    back->setToolTip(tr("Back to the list (Esc)"));
    connect(back, &QToolButton::clicked, this, &SubjectPanel::backRequested);
    auto *backAction = new QAction(this);
    backAction->setShortcut(QKeySequence(Qt::Key_Escape)); // Alt+Left is the page's Back action
    backAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(backAction, &QAction::triggered, this, &SubjectPanel::backRequested);
    addAction(backAction);

    auto *reload = new QToolButton(this);
    reload->setObjectName(QStringLiteral("reloadButton"));
    reload->setIcon(style()->standardIcon(QStyle::SP_BrowserReload, nullptr, this));
    reload->setText(tr("Reload"));
    reload->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    reload->setAutoRaise(true);
    reload->setToolTip(tr("Read the subject again (F5)"));
    connect(reload, &QToolButton::clicked, this, &SubjectPanel::reload);
    auto *reloadAction = new QAction(this);
    reloadAction->setShortcut(QKeySequence::Refresh);
    reloadAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(reloadAction, &QAction::triggered, this, &SubjectPanel::reload);
    addAction(reloadAction);

    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("subjectName"));
    m_name->setTextFormat(Qt::PlainText);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont heading = m_name->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.4);
    heading.setBold(true);
    m_name->setFont(heading);

    m_badge = new QLabel(this);
    m_badge->setObjectName(QStringLiteral("subjectStateBadge"));
    m_badge->setAlignment(Qt::AlignCenter);

    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("subjectFacts"));
    m_facts->setTextFormat(Qt::PlainText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);

    m_blockNote = new QLabel(this);
    m_blockNote->setObjectName(QStringLiteral("subjectBlockNote"));
    m_blockNote->setTextFormat(Qt::PlainText);
    m_blockNote->setWordWrap(true);
    m_blockNote->setStyleSheet(Style::textStyle(Style::warning()));
    m_blockNote->hide();

    const QString labels[5] = {tr("&Correct\u2026"), tr("&Block\u2026"), tr("&Unblock\u2026"), tr("A&nonymize\u2026"),
                               tr("&Delete\u2026")};
    const char *const names[5] = {"correctButton", "blockSubjectButton", "unblockButton", "anonymizeButton",
                                  "deleteButton"};
    auto *commands = new QHBoxLayout;
    for (int index = 0; index < 5; ++index) {
        m_buttons[index] = new QPushButton(labels[index], this);
        m_buttons[index]->setObjectName(QLatin1String(names[index]));
        m_buttons[index]->setAutoDefault(false);
        connect(m_buttons[index], &QPushButton::clicked, this, [this, index] { run(Command(index)); });
        commands->addWidget(m_buttons[index]);
        if (index == 2) {
            commands->addSpacing(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 2);
        }
    }
    commands->addStretch(1);

    m_tree = new SubjectDataTree(this);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &SubjectPanel::updateCommands);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] {
        if (whyNot(Command::Correct).isEmpty()) {
            run(Command::Correct);
        }
    });
    m_tabs = new SubjectRecordTabs(this);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("subjectSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addSpacing(8);
    top->addWidget(m_name, 0);
    top->addSpacing(8);
    top->addWidget(m_badge);
    top->addStretch(1);
    top->addWidget(reload);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_facts);
    layout->addWidget(m_blockNote);
    layout->addLayout(commands);
    layout->addWidget(m_splitter, 1);
    updateCommands();
}

SubjectPanel::~SubjectPanel() = default;

bool SubjectPanel::open(qint64 subjectId)
{
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<SubjectDetails> details = SubjectDetailsReader::read(*m_database, m_session, subjectId);
    QGuiApplication::restoreOverrideCursor();
    if (!details) {
        MessageBox::warning(this, tr("Subject #%1").arg(subjectId),
                            tr("The subject could not be opened: %1").arg(Labels::sentence(details.error().message)));
        return false;
    }
    if (details->subject.id != m_details.subject.id) {
        m_tree->setCurrentItem(nullptr); // another subject: nothing of the last one stays selected
        m_tabs->setCurrentIndex(0);
    }
    m_details = details.value();
    showDetails();
    return true;
}

bool SubjectPanel::reload()
{
    return m_details.subject.id > 0 && open(m_details.subject.id);
}

QString SubjectPanel::subjectName() const
{
    return m_details.subject.displayName.isEmpty() ? tr("Subject #%1").arg(m_details.subject.id)
                                                   : m_details.subject.displayName;
}

void SubjectPanel::showDetails()
{
    const SubjectDetails &details = m_details;
    m_name->setText(subjectName());
    const QString state = details.subject.state;
    m_badge->setText(Labels::dataState(state));
    QString colours = QStringLiteral("background: #e3f1e5; color: #1e5b2a;"); // active
    if (state == kBlocked) {
        colours = QStringLiteral("background: #fde8cf; color: #7a3e00;");
    } else if (state == kAnonymized) {
        colours = QStringLiteral("background: #e6e6e6; color: #444444;");
    }
    m_badge->setStyleSheet(
        QStringLiteral("QLabel { %1 border-radius: 4px; padding: 2px 8px; font-weight: bold; }").arg(colours));

    QStringList facts;
    facts << tr("#%1").arg(details.subject.id);
    facts << tr("External id: %1")
                 .arg(details.subject.externalId.isEmpty() ? QStringLiteral("\u2014") : details.subject.externalId);
    facts << tr("Controller: %1").arg(details.subject.controller);
    facts << tr("Version %1").arg(details.version);
    facts << tr("Created %1").arg(Labels::localDate(details.subject.createdAt));
    facts << tr("Changed %1").arg(Labels::localTime(details.updatedAt));
    m_facts->setText(facts.join(QStringLiteral("   \u00b7   ")));

    const int blocked = blockedItems(details);
    QString note;
    if (state == kBlocked) {
        note = details.blockedUntil.isEmpty()
                   ? tr("Blocked: %1. The data is read-only until the block is lifted.").arg(details.blockedReason)
                   : tr("Blocked until %1: %2. The data is read-only until the block is lifted.")
                         .arg(Labels::localDate(details.blockedUntil), details.blockedReason);
    } else if (state == kAnonymized) {
        note = tr("Anonymized: nothing of this subject identifies anyone any more, and nothing can change.");
    } else if (blocked > 0) {
        note = tr("%Ln item(s) blocked; they are read-only until the block is lifted.", nullptr, blocked);
    }
    m_blockNote->setText(note);
    m_blockNote->setVisible(!note.isEmpty());

    m_tree->setItems(details.items);
    m_tabs->setDetails(details);
    updateCommands();
}

QString SubjectPanel::whyNot(Command command) const
{
    if (m_details.subject.id <= 0) {
        return tr("No subject is open.");
    }
    if (!Permissions::allows(m_session.role, permissionFor(command))) {
        return Labels::notAllowed(m_session.role, permissionFor(command));
    }
    const QString &state = m_details.subject.state;
    if (state == kAnonymized && command != Command::Delete) {
        return tr("The subject is anonymized: nothing of it can change.");
    }
    switch (command) {
    case Command::Correct: {
        if (state == kBlocked) {
            return tr("The subject is blocked: its data is read-only until the block is lifted.");
        }
        const SubjectDetails::Item *item = m_tree->currentDataItem();
        if (!item) {
            return tr("Select the item to correct in the list.");
        }
        if (item->state == kBlocked) {
            return tr("This item is blocked: it is read-only until the block is lifted.");
        }
        if (item->hidden) {
            return tr("Secret values are never shown, so they are not corrected here.");
        }
        return {};
    }
    case Command::Block:
        if (state == kBlocked) {
            return tr("The subject is already blocked.");
        }
        return {};
    case Command::Unblock:
        if (state != kBlocked && blockedItems(m_details) == 0) {
            return tr("Nothing of this subject is blocked.");
        }
        return {};
    case Command::Anonymize:
    case Command::Delete:
        return {};
    }
    return {};
}

void SubjectPanel::updateCommands()
{
    const QString tips[5] = {tr("Correct the selected value (F2)"), tr("Restrict processing (Ctrl+B)"),
                             tr("Lift the block (Ctrl+Shift+B)"), tr("Remove what identifies the subject (Ctrl+Alt+A)"),
                             tr("Destroy the subject's data (Del)")};
    for (int index = 0; index < 5; ++index) {
        const QString why = whyNot(Command(index));
        m_buttons[index]->setEnabled(why.isEmpty());
        m_buttons[index]->setToolTip(why.isEmpty() ? tips[index] : why);
    }
    emit commandsChanged();
}

QString SubjectPanel::stateBadgeText() const
{
    return m_badge->text();
}

void SubjectPanel::run(Command command)
{
    if (!whyNot(command).isEmpty()) {
        return;
    }
    if (m_dialog) {
        m_dialog->close(); // one change at a time
    }
    switch (command) {
    case Command::Correct:
        correct();
        break;
    case Command::Block:
        block();
        break;
    case Command::Unblock:
        unblock();
        break;
    case Command::Anonymize:
    case Command::Delete:
        irreversible(command);
        break;
    }
}

bool SubjectPanel::showRefusal(const QString &title, const Error &error)
{
    if (error.code != ErrorCode::Conflict) {
        MessageBox::warning(this, title, Labels::sentence(error.message));
        return false;
    }
    MessageBox::warning(this, title,
                        tr("Someone else changed this subject while you were working on it, so nothing was saved. "
                           "The page now shows the newer values; what you entered is still in the dialog.") +
                            QStringLiteral("\n\n") + Labels::sentence(error.message));
    reload();
    return true;
}

void SubjectPanel::correct()
{
    const SubjectDetails::Item *item = m_tree->currentDataItem();
    auto *dialog = new CorrectDialog(*item, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &CorrectDialog::submitted, this, [this, dialog] {
        CorrectionService::Correction correction;
        correction.subjectId = m_details.subject.id;
        correction.expectedVersion = m_details.version; // the version this page shows
        correction.itemId = dialog->itemId();
        correction.newValue = dialog->newValue();
        correction.reason = dialog->reason();
        correction.requestId = dialog->requestId();
        const Status corrected = CorrectionService::correct(*m_database, m_session, correction);
        if (corrected) {
            dialog->accept();
            reload();
            m_tree->selectItem(correction.itemId);
            emit subjectChanged();
            return;
        }
        if (showRefusal(dialog->windowTitle(), corrected.error())) {
            const QTreeWidgetItem *row = m_tree->rowOf(correction.itemId);
            if (!row || !m_tree->selectItem(correction.itemId) || !m_tree->currentDataItem()) {
                dialog->reject(); // the item is gone
                return;
            }
            dialog->setCurrentValue(m_tree->currentDataItem()->value);
            emit subjectChanged();
        }
    });
    dialog->open();
}

void SubjectPanel::block()
{
    auto *dialog = new BlockDialog(m_details, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &BlockDialog::submitted, this, [this, dialog] {
        RestrictionService::Restriction restriction;
        restriction.subjectId = m_details.subject.id;
        restriction.expectedVersion = m_details.version;
        restriction.itemIds = dialog->itemIds();
        restriction.reason = dialog->reason();
        restriction.until = dialog->until();
        restriction.requestId = dialog->requestId();
        const Status blocked = RestrictionService::block(*m_database, m_session, restriction);
        if (blocked) {
            dialog->accept();
            reload();
            emit subjectChanged();
            return;
        }
        if (showRefusal(dialog->windowTitle(), blocked.error())) {
            emit subjectChanged();
        }
    });
    dialog->open();
}

void SubjectPanel::unblock()
{
    auto *dialog = new UnblockDialog(subjectName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &UnblockDialog::submitted, this, [this, dialog] {
        if (!dialog->canSubmit()) {
            return; // the GDPR art. 18(3) statement is required here, whatever the service accepts
        }
        RestrictionService::Lifting lifting;
        lifting.subjectId = m_details.subject.id;
        lifting.expectedVersion = m_details.version;
        lifting.reason = dialog->reason();
        // Stored in the audit trail as written; the box itself says they were told.
        lifting.subjectInformed =
            dialog->howTold().isEmpty() ? QStringLiteral("yes (how and when not given)") : dialog->howTold();
        lifting.requestId = dialog->requestId();
        const Status lifted = RestrictionService::unblock(*m_database, m_session, lifting);
        if (lifted) {
            dialog->accept();
            reload();
            emit subjectChanged();
            return;
        }
        if (showRefusal(dialog->windowTitle(), lifted.error())) {
            emit subjectChanged();
        }
    });
    dialog->open();
}

void SubjectPanel::irreversible(Command command)
{
    const BulkAction::Kind kind = command == Command::Delete ? BulkAction::Kind::Delete : BulkAction::Kind::Anonymize;
    const QList<qint64> ids{m_details.subject.id};
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<BulkAction::Impact> impact = BulkAction::impact(*m_database, m_session, ids);
    QGuiApplication::restoreOverrideCursor();
    if (!impact) {
        MessageBox::warning(this, BulkActionDialog::actionTitle(kind, 1), Labels::sentence(impact.error().message));
        return;
    }
    auto *dialog = new BulkActionDialog(kind, 1, impact.value(), this);
    dialog->setWindowTitle(kind == BulkAction::Kind::Delete ? tr("Delete %1").arg(subjectName())
                                                            : tr("Anonymize %1").arg(subjectName()));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &BulkActionDialog::submitted, this, [this, dialog, ids, kind] {
        ErasureService::Irreversible order;
        order.subjectIds = ids;
        order.reason = dialog->reason();
        order.requestId = dialog->order(ids).requestId;
        const Result<ErasureService::Outcome> outcome = kind == BulkAction::Kind::Delete
                                                            ? ErasureService::erase(*m_database, m_session, order)
                                                            : ErasureService::anonymize(*m_database, m_session, order);
        if (!outcome) {
            showRefusal(dialog->windowTitle(), outcome.error());
            return;
        }
        dialog->accept();
        if (outcome->pendingApproval > 0) {
            MessageBox::information(this, BulkActionDialog::actionTitle(kind, 1),
                                    tr("Nothing was changed yet: this waits for a second officer (approval #%1).")
                                        .arg(outcome->pendingApproval));
            emit subjectChanged();
            return;
        }
        emit subjectChanged();
        if (kind == BulkAction::Kind::Delete) {
            m_details = SubjectDetails();
            emit subjectDeleted();
            return;
        }
        reload();
    });
    dialog->open();
}

QByteArray SubjectPanel::saveLayout() const
{
    return m_shown ? m_splitter->saveState() : QByteArray();
}

void SubjectPanel::showEvent(QShowEvent *event)
{
    m_shown = true;
    QWidget::showEvent(event);
}

void SubjectPanel::restoreLayout(const QByteArray &state)
{
    m_splitter->restoreState(state);
}

} // namespace pd
