#include "ui/subjects/SubjectFilterBar.h"

#include "ui/common/CompactCombo.h"

#include "app/policy/PurposeRegister.h"
#include "ui/common/Labels.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include <utility>

namespace pd {

namespace {

constexpr int kAll = -1;

QComboBox *makeFilterCombo(QWidget *parent, const char *objectName, int minimumCharacters)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QLatin1String(objectName));
    makeCompact(combo, minimumCharacters);
    return combo;
}

/// Selects the entry whose data is `value`, or the first ("All ...") when it is gone.
void reselect(QComboBox *combo, const QVariant &value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

SubjectFilterBar::SubjectFilterBar(std::shared_ptr<Database> database, QWidget *parent)
    : QWidget(parent), m_database(std::move(database))
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("subjectSearch"));
    m_search->setPlaceholderText(tr("Search by name, e-mail, phone, external id or IP address"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search subjects"));

    m_state = makeFilterCombo(this, "stateFilter", 8);
    m_state->addItem(tr("All"), kAll);
    m_state->addItem(tr("Active"), int(DataState::Active));
    m_state->addItem(tr("Blocked"), int(DataState::Blocked));
    m_state->addItem(tr("Anonymized"), int(DataState::Anonymized));
    m_state->setAccessibleName(tr("Show subjects in state"));

    m_purpose = makeFilterCombo(this, "purposeFilter", 14);
    m_purpose->setAccessibleName(tr("Show subjects processed for purpose"));
    m_controller = makeFilterCombo(this, "controllerFilter", 10);
    m_controller->setAccessibleName(tr("Show subjects of controller"));
    m_category = makeFilterCombo(this, "categoryFilter", 10);
    m_category->setAccessibleName(tr("Show subjects with data of category"));
    m_category->addItem(tr("All categories"), QString());
    for (const QString &category : allDataCategories()) {
        m_category->addItem(Labels::category(category), category);
    }

    m_clear = new QToolButton(this);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setText(tr("Clear filters"));
    m_clear->setToolTip(tr("Show every subject again"));
    m_clear->setAutoRaise(true);

    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *result = new QLabel(text, this);
        result->setBuddy(buddy);
        return result;
    };
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label(tr("&State:"), m_state));
    row->addWidget(m_state);
    row->addSpacing(8);
    row->addWidget(label(tr("&Purpose:"), m_purpose));
    row->addWidget(m_purpose, 3);
    row->addSpacing(8);
    row->addWidget(label(tr("C&ontroller:"), m_controller));
    row->addWidget(m_controller, 2);
    row->addSpacing(8);
    row->addWidget(label(tr("Cate&gory:"), m_category));
    row->addWidget(m_category, 1);
    row->addWidget(m_clear);
    row->addStretch(0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addLayout(row);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(kSearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &SubjectFilterBar::changed);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        updateClearButton();
        if (!m_quiet) {
            m_searchDelay.start();
        }
    });
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        emit changed();
        emit searchConfirmed();
    });
    for (QComboBox *combo : {m_state, m_purpose, m_controller, m_category}) {
        connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
            updateClearButton();
            if (!m_quiet) {
                m_searchDelay.stop();
                emit changed();
            }
        });
    }
    connect(m_clear, &QToolButton::clicked, this, &SubjectFilterBar::clear);
    reloadChoices();
}

bool SubjectFilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        emit moveToResults();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

SubjectFilter SubjectFilterBar::filter() const
{
    SubjectFilter filter;
    filter.text = m_search->text().trimmed();
    if (const int state = m_state->currentData().toInt(); state != kAll) {
        filter.state = DataState(state);
    }
    if (const QVariant purpose = m_purpose->currentData(); purpose.isValid()) {
        filter.purposeId = purpose.toLongLong();
    }
    if (const QVariant controller = m_controller->currentData(); controller.isValid()) {
        filter.controllerId = controller.toLongLong();
    }
    filter.category = m_category->currentData().toString();
    return filter;
}

bool SubjectFilterBar::hasFilters() const
{
    const SubjectFilter current = filter();
    return current.state || current.purposeId || current.controllerId || !current.category.isEmpty();
}

void SubjectFilterBar::reloadChoices()
{
    m_quiet = true;
    const QVariant purpose = m_purpose->currentData();
    const QVariant controller = m_controller->currentData();
    m_purpose->clear();
    m_controller->clear();
    m_purpose->addItem(tr("All purposes"));
    m_controller->addItem(tr("All controllers"));
    const Result<QList<PurposeRegister::Row>> rows = PurposeRegister::list(*m_database);
    if (rows) {
        QStringList controllers;
        for (const PurposeRegister::Row &row : rows.value()) {
            m_purpose->addItem(row.title, QVariant::fromValue(row.id));
            m_purpose->setItemData(m_purpose->count() - 1, tr("%1 (%2)").arg(row.title, row.controller),
                                   Qt::ToolTipRole);
            if (!controllers.contains(row.controller)) {
                controllers << row.controller;
                m_controller->addItem(row.controller, QVariant::fromValue(row.controllerId));
            }
        }
    }
    m_purpose->setToolTip(rows ? QString() : Labels::sentence(rows.error().message));
    reselect(m_purpose, purpose);
    reselect(m_controller, controller);
    m_quiet = false;
    updateEnabled();
}

void SubjectFilterBar::clear()
{
    m_quiet = true;
    m_searchDelay.stop();
    m_search->clear();
    for (QComboBox *combo : {m_state, m_purpose, m_controller, m_category}) {
        combo->setCurrentIndex(0);
    }
    m_quiet = false;
    updateClearButton();
    emit changed();
}

void SubjectFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void SubjectFilterBar::setUsable(bool usable)
{
    m_usable = usable;
    updateEnabled();
}

void SubjectFilterBar::updateEnabled()
{
    m_search->setEnabled(m_usable);
    for (QComboBox *combo : {m_state, m_purpose, m_controller, m_category}) {
        combo->setEnabled(m_usable && combo->count() > 1);
    }
    updateClearButton();
}

void SubjectFilterBar::updateClearButton()
{
    m_clear->setEnabled(m_usable && (hasFilters() || !m_search->text().isEmpty()));
}

} // namespace pd
