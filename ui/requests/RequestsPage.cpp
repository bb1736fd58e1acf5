#include "ui/requests/RequestsPage.h"

#include "app/domain/Permissions.h"
#include "ui/common/CompactCombo.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/PageTitle.h"
#include "ui/requests/RequestIntakeDialog.h"
#include "ui/requests/RequestListModel.h"
#include "ui/requests/RequestPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

namespace {
const QString kOpen = QStringLiteral("open");
} // namespace

RequestsPage::RequestsPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QWidget(parent), m_database(std::move(database)), m_session(session)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    auto *list = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(list);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(new PageTitle(tr("Requests"), list), 1);
    m_new = new QPushButton(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New request…"), list);
    m_new->setObjectName(QStringLiteral("newRequest"));
    // Ctrl+N is File > New Request, which works from every page.
    m_new->setToolTip(tr("Register a request received by letter, e-mail, web form, phone or in person (%1)")
                          .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    const bool mayHandle = Permissions::allows(m_session.role, Action::HandleRequests);
    m_new->setEnabled(mayHandle);
    if (!mayHandle) {
        m_new->setToolTip(tr("Your role (%1) does not handle requests").arg(Labels::role(m_session.role)));
    }
    connect(m_new, &QPushButton::clicked, this, &RequestsPage::newRequest);
    titleRow->addWidget(m_new);
    layout->addLayout(titleRow);

    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit(list);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Requester's name or request number"));
    m_search->setClearButtonEnabled(true);
    m_status = new QComboBox(list);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->addItem(tr("Open"), kOpen);
    m_status->addItem(tr("All statuses"), QString());
    for (const QString &status : allRequestStatuses()) {
        m_status->addItem(Labels::requestStatus(status), status);
    }
    m_type = new QComboBox(list);
    m_type->setObjectName(QStringLiteral("type"));
    m_type->addItem(tr("All types"), QString());
    for (const QString &type : allRequestTypes()) {
        m_type->addItem(Labels::requestType(type), type);
    }
    m_regime = new QComboBox(list);
    m_regime->setObjectName(QStringLiteral("regime"));
    m_regime->addItem(tr("All laws"), QString());
    for (const QString &regime : allRegimes()) {
        m_regime->addItem(RequestListModel::regimeName(*parseRegime(regime)), regime);
    }
    m_age = new QComboBox(list);
    m_age->setObjectName(QStringLiteral("age"));
    m_age->addItem(tr("Any deadline"), -1);
    m_age->addItem(tr("Overdue"), int(RequestAge::Overdue));
    m_age->addItem(tr("Due within 3 days"), int(RequestAge::DueIn3));
    m_age->addItem(tr("Due in 4–7 days"), int(RequestAge::DueIn7));
    m_age->addItem(tr("Due later"), int(RequestAge::Later));
    makeCompact(m_status, 8);
    makeCompact(m_type, 10);
    makeCompact(m_regime, 10);
    makeCompact(m_age, 10);
    m_mine = new QCheckBox(tr("Assigned to me"), list);
    m_mine->setObjectName(QStringLiteral("mine"));
    bar->addWidget(m_search, 3);
    for (QComboBox *combo : {m_status, m_type, m_regime, m_age}) {
        bar->addWidget(combo, 1);
    }
    bar->addWidget(m_mine);
    layout->addLayout(bar);

    auto *noteRow = new QHBoxLayout;
    m_note = new QLabel(list);
    m_note->setObjectName(QStringLiteral("note"));
    m_clearNote = new QPushButton(tr("Clear"), list);
    m_clearNote->setObjectName(QStringLiteral("clearNote"));
    connect(m_clearNote, &QPushButton::clicked, this, [this] {
        m_extra = RequestFilter();
        filterChanged();
    });
    noteRow->addWidget(m_note);
    noteRow->addWidget(m_clearNote);
    noteRow->addStretch(1);
    layout->addLayout(noteRow);

    m_summary = new QLabel(list);
    m_summary->setObjectName(QStringLiteral("summary"));
    layout->addWidget(m_summary);

    m_model = new RequestListModel(m_database, m_session, this);
    connect(m_model, &RequestListModel::loaded, this, &RequestsPage::refresh);
    m_table = new QTableView(list);
    m_table->setObjectName(QStringLiteral("requestTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    connect(m_table, &QTableView::activated, this, &RequestsPage::openCurrent);
    layout->addWidget(m_table, 1);
    m_empty = new QLabel(list);
    m_empty->setObjectName(QStringLiteral("empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide(); // until the first rows arrive
    layout->addWidget(m_empty, 1);
    m_stack->addWidget(list);

    m_panel = new RequestPanel(m_database, m_session, m_stack);
    m_panel->setObjectName(QStringLiteral("requestPanel"));
    connect(m_panel, &RequestPanel::backRequested, this, &RequestsPage::showList);
    connect(m_panel, &RequestPanel::requestChanged, this, [this] {
        m_model->reload();
        emit requestsChanged();
    });
    m_stack->addWidget(m_panel);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        m_model->reload();
        if (isShowingRequest()) {
            m_panel->reload();
        }
    });
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(&m_searchDelay, &QTimer::timeout, this, &RequestsPage::filterChanged);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    for (QComboBox *combo : {m_status, m_type, m_regime, m_age}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &RequestsPage::filterChanged);
    }
    connect(m_mine, &QCheckBox::toggled, this, &RequestsPage::filterChanged);
    filterChanged();
}

RequestFilter RequestsPage::barFilter() const
{
    RequestFilter filter = m_extra;
    filter.text = m_search->text();
    const QString status = m_status->currentData().toString();
    filter.openOnly = status == kOpen;
    filter.status = status == kOpen ? std::nullopt : parseRequestStatus(status);
    filter.type = parseRequestType(m_type->currentData().toString());
    filter.regime = parseRegime(m_regime->currentData().toString());
    const int age = m_age->currentData().toInt();
    filter.age = age < 0 ? std::nullopt : std::optional(RequestAge(age));
    filter.assigneeId = m_mine->isChecked() ? std::optional(m_session.operatorId) : std::nullopt;
    return filter;
}

void RequestsPage::filterChanged()
{
    if (m_applying) {
        return;
    }
    m_model->setFilter(barFilter());
    if (m_model->totalCount() == 0) {
        m_summary->setText(tr("Counting…")); // the first load of the page; later ones keep the figures shown
    }
}

void RequestsPage::refresh()
{
    QStringList notes;
    if (m_extra.receivedFrom.isValid() || m_extra.receivedTo.isValid()) {
        notes << tr("received %1 – %2")
                     .arg(QLocale().toString(m_extra.receivedFrom, QLocale::ShortFormat),
                          QLocale().toString(m_extra.receivedTo, QLocale::ShortFormat));
    }
    if (m_extra.completedFrom.isValid() || m_extra.completedTo.isValid()) {
        notes << tr("completed %1 – %2")
                     .arg(QLocale().toString(m_extra.completedFrom, QLocale::ShortFormat),
                          QLocale().toString(m_extra.completedTo, QLocale::ShortFormat));
    }
    m_note->setText(notes.isEmpty() ? QString() : tr("Only requests %1").arg(notes.join(QLatin1String(", "))));
    m_note->setVisible(!notes.isEmpty());
    m_clearNote->setVisible(!notes.isEmpty());

    const qint64 total = m_model->totalCount();
    const qint64 late = m_model->overdueCount();
    const qint64 close = m_model->dueSoonCount();
    QString summary = tr("%Ln request(s)", nullptr, int(total));
    // In the colours the list gives those requests.
    if (late > 0) {
        summary += QStringLiteral(" · <span style='color:%1'><b>%2</b></span>")
                       .arg(RequestListModel::ageForeground(RequestAge::Overdue).name(),
                            tr("%Ln overdue", nullptr, int(late)).toHtmlEscaped());
    }
    if (close > 0) {
        summary += QStringLiteral(" · <span style='color:%1'>%2</span>")
                       .arg(RequestListModel::ageForeground(RequestAge::DueIn3).name(),
                            tr("%Ln due within 3 days", nullptr, int(close)).toHtmlEscaped());
    }
    m_summary->setText(summary);
    const bool empty = total == 0 && m_model->lastError().isEmpty();
    if (empty) {
        m_empty->setText(tr("No request matches. Change the filter, or register a new request with New request."));
    }
    if (!m_model->lastError().isEmpty()) {
        m_empty->setText(Labels::sentence(m_model->lastError()));
    }
    m_empty->setVisible(empty || !m_model->lastError().isEmpty());
    m_table->setVisible(!m_empty->isVisible());
    m_table->resizeColumnsToContents();
}

void RequestsPage::applyFilter(const RequestFilter &filter)
{
    m_applying = true;
    m_search->setText(filter.text);
    const QString status = filter.status ? toString(*filter.status) : filter.openOnly || filter.age ? kOpen : QString();
    m_status->setCurrentIndex(std::max(0, m_status->findData(status)));
    m_type->setCurrentIndex(std::max(0, m_type->findData(filter.type ? toString(*filter.type) : QString())));
    m_regime->setCurrentIndex(std::max(0, m_regime->findData(filter.regime ? toString(*filter.regime) : QString())));
    m_age->setCurrentIndex(std::max(0, m_age->findData(filter.age ? int(*filter.age) : -1)));
    m_mine->setChecked(filter.assigneeId && *filter.assigneeId == m_session.operatorId);
    m_extra = RequestFilter();
    m_extra.receivedFrom = filter.receivedFrom;
    m_extra.receivedTo = filter.receivedTo;
    m_extra.completedFrom = filter.completedFrom;
    m_extra.completedTo = filter.completedTo;
    m_extra.subjectId = filter.subjectId;
    m_extra.today = filter.today;
    m_applying = false;
    showList();
    filterChanged();
}

qint64 RequestsPage::newRequest()
{
    if (!m_new->isEnabled()) {
        return 0;
    }
    RequestIntakeDialog dialog(m_database, m_session, this);
    if (dialog.exec() != QDialog::Accepted) {
        return 0;
    }
    m_model->reload();
    emit requestsChanged();
    openRequest(dialog.requestId());
    return dialog.requestId();
}

bool RequestsPage::openRequest(qint64 requestId)
{
    if (!m_panel->showRequest(requestId)) {
        return false;
    }
    m_stack->setCurrentWidget(m_panel);
    m_panel->setFocus();
    return true;
}

void RequestsPage::openCurrent()
{
    const RequestRecord *record = m_model->record(m_table->currentIndex().row());
    if (record) {
        openRequest(record->id);
    }
}

void RequestsPage::showList()
{
    m_stack->setCurrentIndex(0);
    m_table->setFocus();
}

bool RequestsPage::isShowingRequest() const
{
    return m_stack->currentWidget() == m_panel;
}

void RequestsPage::scheduleRefresh()
{
    m_refresh.start();
}

} // namespace pd
