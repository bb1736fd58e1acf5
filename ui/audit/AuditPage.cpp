#include "ui/audit/AuditPage.h"

#include "app/access/AuthService.h"
#include "app/domain/Permissions.h"
#include "app/domain/VocabularyNames.h"
#include "app/storage/Database.h"
#include "ui/audit/AuditModel.h"
#include "ui/common/CompactCombo.h"
#include "ui/common/EmptyState.h"
#include "ui/common/Labels.h"
#include "ui/common/PageTitle.h"
#include "ui/common/Style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSet>
#include <QStackedWidget>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <utility>

namespace pd {

namespace {

const QString kGood = Style::textStyle(Style::success(), QStringLiteral("font-weight: bold;"));
const QString kBad = Style::textStyle(Style::error(), QStringLiteral("font-weight: bold;"));

} // namespace

AuditPage::AuditPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QWidget(parent), m_database(std::move(database)), m_session(session),
      m_canView(Permissions::allows(session.role, Action::ViewAudit)),
      m_model(new AuditModel(m_database, session, this))
{
    createFilters();

    m_verification = new QLabel(this);
    m_verification->setObjectName(QStringLiteral("verificationLabel"));
    m_verification->setTextFormat(Qt::PlainText);
    m_verification->setWordWrap(true);
    m_verify = new QPushButton(tr("&Verify Chain"), this);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setToolTip(tr("Check that no entry of the audit trail was changed, removed or reordered"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("auditCount"));
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("auditError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    Style::showAsError(m_error);
    m_error->hide();

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const auto fit = [this](const QString &sample) { return fontMetrics().horizontalAdvance(sample) + 24; };
    // The action column shows translated names: as wide as the widest in this language, within reason.
    int actionWidth = 0;
    for (const QString &code : VocabularyNames::auditActions()) {
        actionWidth = std::max(actionWidth, fit(Labels::auditAction(code)));
    }
    actionWidth = std::min(actionWidth, 18 * em);
    const int widths[AuditModel::ColumnCount] = {
        fit(QStringLiteral("000000")),
        fit(Labels::localTime(QStringLiteral("2026-12-28T23:59:59Z"))),
        9 * em,
        actionWidth,
        fit(QStringLiteral("subject #00000")),
        fit(tr("Subject")),
        fit(tr("Request")),
        7 * em,
        11 * em,
        14 * em,
    };
    for (int column = 0; column < AuditModel::ColumnCount; ++column) {
        header->resizeSection(column, widths[column]);
    }

    m_empty = new EmptyState(this);
    m_empty->setObjectName(QStringLiteral("auditEmptyState"));
    m_views = new QStackedWidget(this);
    m_views->addWidget(m_table);
    m_views->addWidget(m_empty);

    auto *filters = new QHBoxLayout;
    const auto addLabelled = [this, filters](const QString &text, QWidget *field, int stretch) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        filters->addWidget(label);
        filters->addWidget(field, stretch);
        filters->addSpacing(8);
    };
    addLabelled(tr("O&perator:"), m_operator, 2);
    addLabelled(tr("&Action:"), m_action, 2);
    addLabelled(tr("Su&bject:"), m_subject, 1);
    filters->addWidget(m_useFrom);
    filters->addWidget(m_from);
    filters->addSpacing(8);
    filters->addWidget(m_useTo);
    filters->addWidget(m_to);
    filters->addSpacing(8);
    filters->addWidget(m_clear);

    auto *status = new QHBoxLayout;
    status->addWidget(m_verification, 1);
    status->addWidget(m_count);
    status->addSpacing(em);
    status->addWidget(m_verify);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Audit"), this));
    layout->addLayout(filters);
    layout->addLayout(status);
    layout->addWidget(m_error);
    layout->addWidget(m_views, 1);

    m_typingDelay.setSingleShot(true);
    m_typingDelay.setInterval(kTypingDelayMs);
    connect(&m_typingDelay, &QTimer::timeout, this, &AuditPage::applyFilter);
    m_refreshDelay.setSingleShot(true);
    m_refreshDelay.setInterval(kRefreshDelayMs);
    connect(&m_refreshDelay, &QTimer::timeout, this, &AuditPage::refresh);
    m_autoVerify.setSingleShot(true);
    connect(&m_autoVerify, &QTimer::timeout, this, &AuditPage::verify);
    connect(m_verify, &QPushButton::clicked, this, &AuditPage::verify);
    connect(m_model, &AuditModel::loaded, this, &AuditPage::updateSummary);
    connect(m_model, &AuditModel::loadFailed, this, &AuditPage::updateSummary);
    connect(m_model, &AuditModel::loaded, this, &AuditPage::fillOperatorNames);

    if (!m_canView) {
        for (QWidget *widget : std::initializer_list<QWidget *>{m_operator, m_action, m_subject, m_useFrom, m_from,
                                                                m_useTo, m_to, m_clear, m_verify}) {
            widget->setEnabled(false);
        }
        m_empty->setContent(tr("Your role does not include reading the audit trail."),
                            tr("The audit trail is read by officers, auditors and administrators."), QString(),
                            QIcon(QStringLiteral(":/icons/audit.svg")));
        m_views->setCurrentWidget(m_empty);
    }
}

AuditPage::~AuditPage()
{
    if (m_verifyThread != nullptr) {
        // AuditLog::verify cannot be interrupted; it streams, so this is at most one pass over the trail.
        m_verifyThread->wait();
        delete m_verifyThread;
    }
}

void AuditPage::createFilters()
{
    m_operator = new QComboBox(this);
    m_operator->setObjectName(QStringLiteral("auditOperator"));
    m_operator->setEditable(true);
    m_operator->setInsertPolicy(QComboBox::NoInsert);
    m_operator->addItem(QString());
    m_operator->lineEdit()->setPlaceholderText(tr("All operators"));
    m_operator->lineEdit()->setClearButtonEnabled(true);
    m_operator->setAccessibleName(tr("Show entries of operator"));
    m_operator->setMinimumContentsLength(14);

    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->addItem(tr("All actions"), QString());
    m_action->addItem(tr("Sign-ins"), QStringLiteral("sign-in"));
    m_action->addItem(tr("Subject changes"), QStringLiteral("subject."));
    m_action->addItem(tr("Operator accounts"), QStringLiteral("operator."));
    m_action->addItem(tr("Approvals"), QStringLiteral("approval."));
    m_action->addItem(tr("Settings"), QStringLiteral("settings."));
    m_action->setAccessibleName(tr("Show entries of the kind"));
    makeCompact(m_action, 10);

    m_subject = new QLineEdit(this);
    m_subject->setObjectName(QStringLiteral("auditSubject"));
    m_subject->setPlaceholderText(tr("Id"));
    m_subject->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,18}")), this));
    m_subject->setClearButtonEnabled(true);
    m_subject->setAccessibleName(tr("Show entries about subject id"));
    m_subject->setMaximumWidth(9 * fontMetrics().horizontalAdvance(QLatin1Char('0')) + 40);

    const QString utc = tr("Days are counted in UTC, as the audit trail records them.");
    const QDate today = QDateTime::currentDateTimeUtc().date();
    m_useFrom = new QCheckBox(tr("&From:"), this);
    m_useFrom->setObjectName(QStringLiteral("auditUseFrom"));
    m_useFrom->setToolTip(utc);
    m_from = new QDateEdit(today.addDays(-30), this);
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_useTo = new QCheckBox(tr("&To:"), this);
    m_useTo->setObjectName(QStringLiteral("auditUseTo"));
    m_useTo->setToolTip(utc);
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(QStringLiteral("auditTo"));
    for (QDateEdit *date : {m_from, m_to}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        date->setEnabled(false);
        date->setToolTip(utc);
        connect(date, &QDateEdit::dateChanged, this, &AuditPage::applyFilter);
    }
    connect(m_useFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useTo, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_useFrom, &QCheckBox::toggled, this, &AuditPage::applyFilter);
    connect(m_useTo, &QCheckBox::toggled, this, &AuditPage::applyFilter);

    m_clear = new QPushButton(tr("C&lear"), this);
    m_clear->setObjectName(QStringLiteral("auditClearFilters"));
    m_clear->setToolTip(tr("Show every entry again"));
    connect(m_clear, &QPushButton::clicked, this, [this] {
        const QSignalBlocker blockers[] = {QSignalBlocker(m_operator), QSignalBlocker(m_action),
                                           QSignalBlocker(m_subject), QSignalBlocker(m_useFrom),
                                           QSignalBlocker(m_useTo)};
        m_operator->setEditText(QString());
        m_action->setCurrentIndex(0);
        m_subject->clear();
        m_useFrom->setChecked(false);
        m_useTo->setChecked(false);
        m_from->setEnabled(false);
        m_to->setEnabled(false);
        applyFilter();
    });

    connect(m_operator, &QComboBox::currentTextChanged, &m_typingDelay, qOverload<>(&QTimer::start));
    connect(m_operator, qOverload<int>(&QComboBox::activated), this, &AuditPage::applyFilter);
    connect(m_operator->lineEdit(), &QLineEdit::returnPressed, this, &AuditPage::applyFilter);
    connect(m_action, qOverload<int>(&QComboBox::currentIndexChanged), this, &AuditPage::applyFilter);
    connect(m_subject, &QLineEdit::textChanged, &m_typingDelay, qOverload<>(&QTimer::start));
    connect(m_subject, &QLineEdit::returnPressed, this, &AuditPage::applyFilter);
}

void AuditPage::fillOperatorNames()
{
    QSet<QString> names;
    if (!m_operatorsListed && Permissions::allows(m_session.role, Action::ManageOperators)) {
        m_operatorsListed = true; // accounts come and go rarely; the trail's own names cover the rest
        const Result<QList<AuthService::OperatorInfo>> operators = AuthService::operators(*m_database, m_session);
        if (operators) {
            for (const AuthService::OperatorInfo &info : operators.value()) {
                names.insert(info.name);
            }
        }
    }
    // Others may not list the operators: offer the names the trail has shown them.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        names.insert(m_model->data(m_model->index(row, AuditModel::Operator)).toString());
    }
    for (int index = 0; index < m_operator->count(); ++index) {
        names.remove(m_operator->itemText(index));
    }
    names.remove(QString());
    if (names.isEmpty()) {
        return;
    }
    QStringList all(names.cbegin(), names.cend());
    for (int index = 1; index < m_operator->count(); ++index) {
        all << m_operator->itemText(index);
    }
    all.sort(Qt::CaseInsensitive);
    const QSignalBlocker blocker(m_operator);
    const QString typed = m_operator->currentText();
    m_operator->clear();
    m_operator->addItem(QString());
    m_operator->addItems(all);
    m_operator->setEditText(typed);
}

AuditFilter AuditPage::filterFromFields() const
{
    AuditFilter filter;
    filter.operatorName = m_operator->currentText().trimmed();
    filter.action = m_action->currentData().toString();
    if (!m_subject->text().isEmpty()) {
        filter.subjectId = m_subject->text().toLongLong();
    }
    if (m_useFrom->isChecked()) {
        filter.from = m_from->date().toString(Qt::ISODate);
    }
    if (m_useTo->isChecked()) {
        filter.to = m_to->date().toString(Qt::ISODate);
    }
    return filter;
}

void AuditPage::applyFilter()
{
    m_typingDelay.stop();
    if (!m_canView || !m_shownOnce) {
        return; // the first showing loads with whatever the fields say then
    }
    const AuditFilter filter = filterFromFields();
    if (AuditModel::sameFilter(filter, m_model->filter()) && m_model->lastError().isEmpty()) {
        return;
    }
    m_model->setFilter(filter);
    m_table->scrollToTop();
    selectBrokenEntry();
    updateSummary();
}

void AuditPage::scheduleRefresh()
{
    if (!m_canView || !m_shownOnce) {
        return;
    }
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    // Not restarted by later changes: a busy period refreshes once per kRefreshDelayMs, not never.
    if (!m_refreshDelay.isActive()) {
        m_refreshDelay.start();
    }
}

void AuditPage::refresh()
{
    m_stale = false;
    m_model->refresh();
    updateSummary();
    scheduleVerify(); // "intact: N entries" must not go on describing a trail that has grown since
}

void AuditPage::scheduleVerify()
{
    if (m_autoVerify.isActive()) {
        return;
    }
    const qint64 since = m_sinceVerify.isValid() ? m_sinceVerify.elapsed() : qint64(kAutoVerifyMs);
    if (since >= kAutoVerifyMs) {
        verify();
    } else {
        m_autoVerify.start(int(kAutoVerifyMs - since));
    }
}

void AuditPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_canView) {
        return;
    }
    if (!m_shownOnce) {
        m_shownOnce = true;
        m_model->setFilter(filterFromFields());
        updateSummary();
        verify();
    } else if (m_stale) {
        refresh();
    }
}

void AuditPage::updateSummary()
{
    if (!m_canView) {
        return;
    }
    const QString error = m_model->lastError();
    m_error->setText(error.isEmpty() ? QString() : tr("The audit trail could not be read: %1").arg(error));
    m_error->setVisible(!error.isEmpty());
    m_count->setText(tr("%Ln entries", nullptr, int(std::min<qint64>(m_model->totalCount(), INT_MAX))));
    if (m_model->rowCount() > 0 || !error.isEmpty()) {
        m_views->setCurrentWidget(m_table);
        return;
    }
    const AuditFilter &filter = m_model->filter();
    const bool filtered = !filter.operatorName.isEmpty() || !filter.action.isEmpty() || filter.subjectId ||
                          !filter.from.isEmpty() || !filter.to.isEmpty();
    if (filtered) {
        m_empty->setContent(tr("No entry matches the filters."),
                            tr("Operator names must match exactly. Widen the dates, choose All actions, or clear "
                               "the filters."));
    } else {
        m_empty->setContent(tr("The audit trail is empty."),
                            tr("Every sign-in and every change of personal data, operators and settings is "
                               "recorded here."),
                            QString(), QIcon(QStringLiteral(":/icons/audit.svg")));
    }
    m_views->setCurrentWidget(m_empty);
}

void AuditPage::verify()
{
    if (!m_canView) {
        return;
    }
    if (m_verifyThread != nullptr) {
        m_verifyAgain = true; // data may have changed since this pass started
        return;
    }
    m_autoVerify.stop();
    m_sinceVerify.start();
    m_verify->setEnabled(false);
    m_verification->setStyleSheet(QString());
    m_verification->setText(tr("Verifying the audit trail\u2026"));
    auto outcome = std::make_shared<std::optional<Result<AuditLog::Verification>>>();
    const std::shared_ptr<Database> database = m_database;
    // A thread of its own with its own connection: a long trail must not freeze the window.
    const Session session = m_session;
    m_verifyThread = QThread::create([database, outcome, session] {
        outcome->emplace(AuditLog::verify(*database, session));
        database->releaseThreadConnection();
    });
    m_verifyThread->setObjectName(QStringLiteral("AuditVerifier"));
    connect(m_verifyThread, &QThread::finished, this, [this, outcome] {
        m_verifyThread->deleteLater();
        m_verifyThread = nullptr;
        m_verify->setEnabled(true);
        if (*outcome) {
            showVerification(**outcome);
        }
        if (std::exchange(m_verifyAgain, false)) {
            verify();
        }
    });
    m_verifyThread->start();
}

void AuditPage::showVerification(const Result<AuditLog::Verification> &result)
{
    m_verification->setToolTip(
        tr("Verified at %1").arg(QLocale().toString(QDateTime::currentDateTime().time(), QLocale::LongFormat)));
    if (!result) {
        m_brokenId = 0;
        m_model->setBrokenEntry(0);
        m_verification->setStyleSheet(kBad);
        m_verification->setText(tr("The audit trail could not be verified: %1").arg(result.error().message));
        return;
    }
    const AuditLog::Verification &verification = result.value();
    if (verification.ok()) {
        m_brokenId = 0;
        m_model->setBrokenEntry(0);
        m_verification->setStyleSheet(kGood);
        m_verification->setText(tr("Audit trail intact: %Ln entries verified", nullptr,
                                   int(std::min<qint64>(verification.entries, INT_MAX))));
        return;
    }
    m_brokenId = verification.firstBrokenId;
    m_model->setBrokenEntry(m_brokenId);
    m_verification->setStyleSheet(kBad);
    m_verification->setText(
        tr("Audit trail broken at entry #%1: %2").arg(verification.firstBrokenId).arg(verification.problem));
    selectBrokenEntry();
}

void AuditPage::selectBrokenEntry()
{
    if (m_brokenId <= 0) {
        return;
    }
    m_model->setBrokenEntry(m_brokenId);
    const int row = m_model->rowOfEntry(m_brokenId);
    if (row < 0) {
        return; // not in the list as filtered or loaded so far; the message names it
    }
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
}

QString AuditPage::verificationText() const
{
    return m_verification->text();
}

} // namespace pd
