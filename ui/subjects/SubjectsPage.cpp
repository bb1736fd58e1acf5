#include "ui/subjects/SubjectsPage.h"

#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "app/subjects/SubjectDirectory.h"
#include "ui/bulk/BulkActionDialog.h"
#include "ui/bulk/BulkJob.h"
#include "ui/common/EmptyState.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/PageTitle.h"
#include "ui/common/QueryWorker.h"
#include "ui/common/Style.h"
#include "ui/subjects/SubjectDataTree.h"
#include "ui/subjects/SubjectFilterBar.h"
#include "ui/subjects/SubjectListModel.h"
#include "ui/subjects/SubjectPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace pd {

namespace {

SubjectPanel::Command viewCommand(SubjectsPage::CommandAction command)
{
    switch (command) {
    case SubjectsPage::Block:
        return SubjectPanel::Command::Block;
    case SubjectsPage::Unblock:
        return SubjectPanel::Command::Unblock;
    case SubjectsPage::Anonymize:
        return SubjectPanel::Command::Anonymize;
    case SubjectsPage::Delete:
        return SubjectPanel::Command::Delete;
    default:
        return SubjectPanel::Command::Correct;
    }
}

} // namespace

SubjectsPage::SubjectsPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QWidget(parent), m_database(std::move(database)), m_session(session),
      m_model(new SubjectListModel(m_database, session, this))
{
    createActions();
    m_listPane = createListPane();
    m_panel = new SubjectPanel(m_database, session, this);
    connect(m_panel, &SubjectPanel::backRequested, this, &SubjectsPage::showList);
    connect(m_panel, &SubjectPanel::commandsChanged, this, &SubjectsPage::updateActions);
    connect(m_panel, &SubjectPanel::subjectChanged, this, [this] {
        m_model->refresh();
        emit subjectsChanged();
    });
    connect(m_panel, &SubjectPanel::subjectDeleted, this, [this] {
        showList();
        m_model->refresh();
    });

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_listPane);
    m_pages->addWidget(m_panel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    m_refreshDelay.setSingleShot(true);
    m_refreshDelay.setInterval(kRefreshDelayMs);
    connect(&m_refreshDelay, &QTimer::timeout, m_model, &SubjectListModel::refresh);
    m_worker = new QueryWorker(m_database, QStringLiteral("BulkImpactCounter"), this);

    m_filters->setUsable(m_model->canView());
    updateSummary();
    updateActions();
}

SubjectsPage::~SubjectsPage()
{
    delete m_job; // cancels and waits for the batch in progress
}

QWidget *SubjectsPage::createListPane()
{
    auto *pane = new QWidget(this);
    m_filters = new SubjectFilterBar(m_database, pane);
    connect(m_filters, &SubjectFilterBar::changed, this, &SubjectsPage::applyFilter);
    connect(m_filters, &SubjectFilterBar::searchConfirmed, this, [this] {
        if (!m_model->lastError().isEmpty()) {
            m_model->reload(); // Enter after a failure tries again
            updateSummary();
        }
        // Enter opens the first match, as soon as it has arrived.
        m_openFirstMatch = true;
        openFirstMatch();
    });
    connect(m_filters, &SubjectFilterBar::moveToResults, this, [this] {
        m_table->setFocus(Qt::ShortcutFocusReason);
        if (m_model->rowCount() > 0) {
            m_table->selectionModel()->setCurrentIndex(m_model->index(0, SubjectListModel::Name),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
    });
    connect(m_model, &SubjectListModel::pageLoaded, this, &SubjectsPage::openFirstMatch);
    connect(m_model, &SubjectListModel::countChanged, this, [this](int count) {
        if (count == 0) {
            m_openFirstMatch = false; // nothing to open: the empty state says so
        }
    });

    m_count = new QLabel(pane);
    m_count->setObjectName(QStringLiteral("subjectCount"));
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_count->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0,000,000,000 subjects")));

    m_error = new QLabel(pane);
    m_error->setObjectName(QStringLiteral("subjectError"));
    m_error->setWordWrap(true);
    Style::showAsError(m_error);
    m_error->hide();

    m_table = new QTableView(pane);
    m_table->setObjectName(QStringLiteral("subjectTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    // Equal row heights let the view place a million rows without measuring any of them.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(SubjectListModel::Id, Qt::AscendingOrder);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    // Widths from typical values, so that a phone number or a date is not cut off at the default size.
    const auto fit = [this](const QString &sample) { return fontMetrics().horizontalAdvance(sample) + 24; };
    const QString sampleDate =
        QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59, 59)), QLocale::ShortFormat);
    const int widths[SubjectListModel::ColumnCount] = {
        fit(QStringLiteral("0000000")),
        14 * em,
        fit(QStringLiteral("2a02:0000:0000:0000::0000")),
        17 * em,
        fit(QStringLiteral("+375 29 000 00 00")),
        fit(QStringLiteral("CRM-0000000")),
        fit(tr("Anonymized")) + 16,
        13 * em,
        fit(sampleDate),
    };
    for (int column = 0; column < SubjectListModel::ColumnCount; ++column) {
        header->resizeSection(column, widths[column]);
    }
    m_table->setColumnHidden(SubjectListModel::IpAddress, true);

    m_empty = new EmptyState(pane);
    m_empty->setObjectName(QStringLiteral("subjectEmptyState"));
    m_views = new QStackedWidget(pane);
    m_views->addWidget(m_table);
    m_views->addWidget(m_empty);

    auto *toolbar = new QHBoxLayout;
    for (CommandAction command : {Open, Block, Anonymize, Delete}) {
        auto *button = new QToolButton(pane);
        button->setDefaultAction(m_actions[command]);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        toolbar->addWidget(button);
    }
    toolbar->addSpacing(em);
    m_allMatching = new QCheckBox(tr("All matching the &filter"), pane);
    m_allMatching->setObjectName(QStringLiteral("allMatching"));
    m_allMatching->setToolTip(tr("Apply Block, Anonymize and Delete to every subject the search and filters find, "
                                 "not only the selected rows"));
    toolbar->addWidget(m_allMatching);
    m_selection = new QLabel(pane);
    m_selection->setObjectName(QStringLiteral("subjectSelection"));
    // Takes the room there is: a long text ("Counting what will change…" in Russian) must not widen the window.
    m_selection->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    toolbar->addWidget(m_selection, 1);
    toolbar->addWidget(m_count);

    auto *layout = new QVBoxLayout(pane);
    layout->addWidget(new PageTitle(tr("Subjects"), pane));
    layout->addWidget(m_filters);
    layout->addLayout(toolbar);
    layout->addWidget(m_error);
    layout->addWidget(m_views, 1);

    connect(header, &QHeaderView::sectionClicked, this, &SubjectsPage::sortBySection);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QVariant id = index.data(SubjectListModel::SubjectIdRole);
        if (id.isValid()) {
            openSubject(id.toLongLong());
        }
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, &SubjectsPage::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SubjectsPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &SubjectsPage::updateActions);
    connect(m_allMatching, &QCheckBox::toggled, this, &SubjectsPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_scrollToTopOnReset) {
            m_scrollToTopOnReset = false;
            m_table->scrollToTop();
        }
        updateActions();
    });
    connect(m_model, &SubjectListModel::countChanged, this, &SubjectsPage::updateSummary);
    connect(m_model, &SubjectListModel::loadFailed, this, &SubjectsPage::updateSummary);
    connect(m_model, &SubjectListModel::pageLoaded, this, &SubjectsPage::updateActions);
    return pane;
}

void SubjectsPage::createActions()
{
    const struct
    {
        QString text;
        const char *name;
        QList<QKeySequence> keys;
    } specs[CommandCount] = {
        {tr("&Open"), "openSubject", {QKeySequence(Qt::CTRL | Qt::Key_O)}},
        {tr("&Correct\u2026"), "correctItem", {QKeySequence(Qt::Key_F2)}},
        {tr("&Block\u2026"), "blockSubjects", {QKeySequence(Qt::CTRL | Qt::Key_B)}},
        {tr("&Unblock\u2026"), "unblockSubject", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B)}},
        {tr("A&nonymize\u2026"), "anonymizeSubjects", {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A)}},
        {tr("&Delete\u2026"), "deleteSubjects", {QKeySequence(QKeySequence::Delete)}},
        {tr("Back to the &List"), "backToList", {QKeySequence(QKeySequence::Back)}},
    };
    for (int command = 0; command < CommandCount; ++command) {
        auto *action = new QAction(specs[command].text, this);
        action->setObjectName(QLatin1String(specs[command].name));
        action->setShortcuts(specs[command].keys);
        connect(action, &QAction::triggered, this, [this, command] { triggered(CommandAction(command)); });
        m_actions[command] = action;
    }
    m_actions[Back]->setIcon(style()->standardIcon(QStyle::SP_ArrowBack, nullptr, this));
}

QList<QAction *> SubjectsPage::commandActions() const
{
    return {m_actions[Open],  m_actions[Back],    nullptr, m_actions[Correct],
            m_actions[Block], m_actions[Unblock], nullptr, m_actions[Anonymize],
            m_actions[Delete]};
}

void SubjectsPage::triggered(CommandAction command)
{
    if (!m_active || !m_actions[command]->isEnabled()) {
        return;
    }
    if (isShowingSubject()) {
        if (command == Back) {
            showList();
        } else if (command != Open) {
            m_panel->run(viewCommand(command));
        }
        return;
    }
    switch (command) {
    case Open:
        if (const qint64 id = currentSubjectId(); id > 0) {
            openSubject(id);
        }
        break;
    case Block:
        startBulk(BulkAction::Kind::Block);
        break;
    case Anonymize:
        startBulk(BulkAction::Kind::Anonymize);
        break;
    case Delete:
        startBulk(BulkAction::Kind::Delete);
        break;
    default:
        break;
    }
}

void SubjectsPage::showContextMenu(const QPoint &position)
{
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    for (QAction *action : commandActions()) {
        if (action == m_actions[Back] || action == m_actions[Correct] || action == m_actions[Unblock]) {
            continue; // subject-page commands
        }
        if (action) {
            menu.addAction(action);
        } else if (!menu.actions().isEmpty() && !menu.actions().constLast()->isSeparator()) {
            menu.addSeparator();
        }
    }
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void SubjectsPage::setActive(bool active)
{
    m_active = active;
    updateActions();
}

bool SubjectsPage::isShowingSubject() const
{
    return m_pages->currentWidget() == m_panel;
}

void SubjectsPage::openFirstMatch()
{
    if (!m_openFirstMatch || m_model->isCounting() || m_model->rowCount() == 0) {
        return; // a new search is still being counted: its rows come with pageLoaded()
    }
    const QVariant id = m_model->index(0, 0).data(SubjectListModel::SubjectIdRole);
    if (!id.isValid()) {
        return; // the first page is still on its way: pageLoaded() calls again
    }
    m_openFirstMatch = false;
    openSubject(id.toLongLong());
}

bool SubjectsPage::openSubject(qint64 subjectId)
{
    if (!m_model->canView() || !m_panel->open(subjectId)) {
        return false;
    }
    m_pages->setCurrentWidget(m_panel);
    m_panel->dataTree()->setFocus(Qt::OtherFocusReason);
    updateActions();
    return true;
}

void SubjectsPage::showList()
{
    m_pages->setCurrentWidget(m_listPane);
    m_table->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void SubjectsPage::setAllMatching(bool all)
{
    m_allMatching->setChecked(all);
}

int SubjectsPage::selectedRowCount() const
{
    int count = 0;
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection()) {
        count += range.height();
    }
    return count;
}

qint64 SubjectsPage::currentSubjectId() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), QModelIndex())) {
        return 0;
    }
    return current.data(SubjectListModel::SubjectIdRole).toLongLong();
}

void SubjectsPage::updateActions()
{
    const bool viewing = isShowingSubject();
    const bool usable = m_active && m_model->canView();
    const int selected = selectedRowCount();
    const bool all = m_allMatching->isChecked();
    const int targets = all ? m_model->rowCount() : selected;
    m_selection->setText(m_preparing ? tr("Counting what will change…")
                         : all       ? tr("%Ln subject(s) matching", nullptr, m_model->rowCount())
                                     : (selected > 0 ? tr("%Ln selected", nullptr, selected) : QString()));

    const auto set = [this](CommandAction command, const QString &whyNot, const QString &tip) {
        m_actions[command]->setEnabled(whyNot.isEmpty());
        m_actions[command]->setToolTip(whyNot.isEmpty() ? tip : whyNot);
    };
    const QString openSubjectFirst = tr("Open a subject first.");
    if (viewing) {
        set(Open, openSubjectFirst, QString());
        set(Back, usable ? QString() : tr("Not available now."), tr("Back to the list"));
    } else {
        set(Open,
            !usable                  ? tr("Not available now.")
            : currentSubjectId() > 0 ? QString()
                                     : tr("Select a subject."),
            tr("Show everything about the selected subject (Enter)"));
        set(Back, tr("The list is shown."), QString());
    }
    const CommandAction commands[] = {Correct, Block, Unblock, Anonymize, Delete};
    const Action permissions[] = {Action::CorrectData, Action::BlockData, Action::BlockData, Action::AnonymizeData,
                                  Action::DeleteData};
    const QString tips[] = {tr("Correct the selected value"), tr("Restrict the processing of the subjects"),
                            tr("Lift the block"), tr("Remove what identifies the subjects; cannot be undone"),
                            tr("Destroy the subjects' data; cannot be undone")};
    for (int index = 0; index < 5; ++index) {
        const CommandAction command = commands[index];
        QString why;
        if (!m_model->canView()) {
            why = Labels::notAllowed(m_session.role, Action::ViewPersonalData);
        } else if (!usable) {
            why = tr("Not available now.");
        } else if (!Permissions::allows(m_session.role, permissions[index])) {
            why = Labels::notAllowed(m_session.role, permissions[index]);
        } else if (viewing) {
            why = m_panel->whyNot(viewCommand(command));
        } else if (command == Correct || command == Unblock) {
            why = openSubjectFirst;
        } else if (m_job || m_preparing) {
            why = tr("Wait until the action in progress ends.");
        } else if (targets == 0) {
            why = all ? tr("No subject matches the filter.") : tr("Select subjects in the list first.");
        }
        set(command, why, tips[index]);
    }
}

void SubjectsPage::scheduleRefresh()
{
    // Not restarted by later notifications: a burst of changes refreshes at most every kRefreshDelayMs.
    if (!m_refreshDelay.isActive()) {
        m_refreshDelay.start();
    }
}

void SubjectsPage::focusSearch()
{
    showList();
    m_filters->focusSearch();
}

QByteArray SubjectsPage::saveHeaderState() const
{
    return m_table->horizontalHeader()->saveState();
}

void SubjectsPage::restoreHeaderState(const QByteArray &state)
{
    QHeaderView *header = m_table->horizontalHeader();
    header->restoreState(state);
    // The restored indicator may name a column the model cannot sort by; the model's order is what counts.
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    updateIpColumn();
}

void SubjectsPage::applyFilter()
{
    const SubjectFilter filter = m_filters->filter();
    if (filter == m_model->filter()) {
        return;
    }
    m_scrollToTopOnReset = true;
    m_model->setFilter(filter);
    updateIpColumn();
    updateSummary();
}

void SubjectsPage::updateIpColumn()
{
    // The address an IP search matched is shown next to the name, and only then.
    m_table->setColumnHidden(SubjectListModel::IpAddress, !SubjectDirectory::isIpSearch(m_model->filter().text));
}

void SubjectsPage::sortBySection(int section)
{
    QHeaderView *header = m_table->horizontalHeader();
    if (!SubjectListModel::isSortable(section)) {
        // QHeaderView moves the indicator on every click; put it back where the order really is.
        header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        return;
    }
    Qt::SortOrder order = Qt::AscendingOrder;
    if (section == m_model->sortColumn() && m_model->sortOrder() == Qt::AscendingOrder) {
        order = Qt::DescendingOrder;
    }
    header->setSortIndicator(section, order);
    m_scrollToTopOnReset = true;
    m_model->sort(section, order);
}

void SubjectsPage::updateSummary()
{
    updateActions();
    if (!m_model->canView()) {
        m_error->hide();
        m_count->clear();
        m_empty->setContent(tr("Your role does not include viewing personal data."),
                            tr("Subjects are shown to officers, agents and auditors. Administrators manage "
                               "operators and settings and read the audit trail."),
                            QString(), QIcon(QStringLiteral(":/icons/subjects.svg")));
        m_views->setCurrentWidget(m_empty);
        return;
    }
    const QString error = m_model->lastError();
    m_error->setText(error.isEmpty() ? QString() : tr("The subjects could not be loaded: %1").arg(error));
    m_error->setVisible(!error.isEmpty());

    if (m_model->isCounting()) {
        m_count->setText(tr("Counting\u2026"));
        return;
    }
    const int count = m_model->rowCount();
    m_count->setText(tr("%Ln subject(s)", nullptr, count));
    if (count > 0 || !error.isEmpty()) {
        m_views->setCurrentWidget(m_table);
        return;
    }
    const SubjectFilter &filter = m_model->filter();
    if (filter.text.isEmpty() && !filter.state && !filter.purposeId && !filter.controllerId &&
        filter.category.isEmpty()) {
        m_empty->setContent(tr("This database holds no subjects yet."),
                            tr("Subjects appear here once they are imported or recorded. To try the panel out, "
                               "fill an empty database with made-up subjects:"),
                            QStringLiteral("privacydesk-cli demo --subjects 1000"),
                            QIcon(QStringLiteral(":/icons/subjects.svg")));
    } else {
        m_empty->setContent(tr("No subject matches the search."),
                            tr("Check the spelling, search by the beginning of a name, e-mail, phone number, "
                               "external id or IP address, or clear the filters."));
    }
    m_views->setCurrentWidget(m_empty);
}

} // namespace pd
