#include "SubjectsPage.h"

#include "EmptyState.h"
#include "PageTitle.h"
#include "SubjectListModel.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

namespace {

constexpr int kAllStates = -1;

} // namespace

SubjectsPage::SubjectsPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QWidget(parent), m_model(new SubjectListModel(std::move(database), session, this))
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("subjectSearch"));
    m_search->setPlaceholderText(tr("Search by name, e-mail, phone or external id"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search subjects"));

    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->addItem(tr("All"), kAllStates);
    m_state->addItem(tr("Active"), int(DataState::Active));
    m_state->addItem(tr("Blocked"), int(DataState::Blocked));
    m_state->addItem(tr("Anonymized"), int(DataState::Anonymized));
    m_state->setAccessibleName(tr("Show subjects in state"));
    auto *stateLabel = new QLabel(tr("&State:"), this);
    stateLabel->setBuddy(m_state);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("subjectCount"));
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_count->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0,000,000,000 subjects")));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("subjectError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("subjectTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
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
        17 * em,
        fit(QStringLiteral("+375 29 000 00 00")),
        fit(QStringLiteral("CRM-0000000")),
        fit(tr("Anonymized")),
        11 * em,
        fit(sampleDate),
    };
    for (int column = 0; column < SubjectListModel::ColumnCount; ++column) {
        header->resizeSection(column, widths[column]);
    }

    m_empty = new EmptyState(this);
    m_empty->setObjectName(QStringLiteral("subjectEmptyState"));

    m_views = new QStackedWidget(this);
    m_views->addWidget(m_table);
    m_views->addWidget(m_empty);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addSpacing(em);
    filters->addWidget(stateLabel);
    filters->addWidget(m_state);
    filters->addSpacing(em);
    filters->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Subjects"), this));
    layout->addLayout(filters);
    layout->addWidget(m_error);
    layout->addWidget(m_views, 1);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(kSearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &SubjectsPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &SubjectsPage::applyFilter);
    connect(m_state, qOverload<int>(&QComboBox::currentIndexChanged), this, &SubjectsPage::applyFilter);
    connect(header, &QHeaderView::sectionClicked, this, &SubjectsPage::sortBySection);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_scrollToTopOnReset) {
            m_scrollToTopOnReset = false;
            m_table->scrollToTop();
        }
    });
    connect(m_model, &SubjectListModel::countChanged, this, &SubjectsPage::updateSummary);
    connect(m_model, &SubjectListModel::loadFailed, this, &SubjectsPage::updateSummary);

    m_refreshDelay.setSingleShot(true);
    m_refreshDelay.setInterval(kRefreshDelayMs);
    connect(&m_refreshDelay, &QTimer::timeout, m_model, &SubjectListModel::refresh);

    if (!m_model->canView()) {
        m_search->setEnabled(false);
        m_state->setEnabled(false);
    }
    updateSummary();
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
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
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
}

void SubjectsPage::applyFilter()
{
    m_searchDelay.stop();
    SubjectFilter filter;
    filter.text = m_search->text().trimmed();
    const int state = m_state->currentData().toInt();
    if (state != kAllStates) {
        filter.state = DataState(state);
    }
    if (filter == m_model->filter()) {
        if (!m_model->lastError().isEmpty()) {
            m_model->reload(); // Enter after a failure tries again
            updateSummary();
        }
        return;
    }
    m_scrollToTopOnReset = true;
    m_model->setFilter(filter);
    updateSummary();
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
    if (filter.text.isEmpty() && !filter.state) {
        m_empty->setContent(tr("This database holds no subjects yet."),
                            tr("Subjects appear here once they are imported or recorded. To try the panel out, "
                               "fill an empty database with made-up subjects:"),
                            QStringLiteral("privacydesk-cli demo --subjects 1000"),
                            QIcon(QStringLiteral(":/icons/subjects.svg")));
    } else {
        m_empty->setContent(tr("No subject matches the search."),
                            tr("Check the spelling, search by the beginning of a name, e-mail, phone number or "
                               "external id, or set the state filter to All."));
    }
    m_views->setCurrentWidget(m_empty);
}

} // namespace pd
