#include "ui/subjects/BlockDialog.h"

#include "ui/common/Labels.h"
#include "ui/common/RequestIdEdit.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pd {

namespace {

constexpr int kItemIdRole = Qt::UserRole + 1;

} // namespace

BlockDialog::BlockDialog(const SubjectDetails &subject, const QList<qint64> &preselected, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("blockDialog"));
    const QString name =
        subject.subject.displayName.isEmpty() ? tr("subject #%1").arg(subject.subject.id) : subject.subject.displayName;
    setWindowTitle(tr("Block %1").arg(name));

    auto *intro = new QLabel(tr("Blocked data is kept but not used: it is read-only and marked in every view until "
                                "the block is lifted."),
                             this);
    intro->setWordWrap(true);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("required, e.g. accuracy disputed while it is verified"));
    m_reason->setAccessibleName(tr("Reason"));

    m_hasUntil = new QCheckBox(tr("&Until"), this);
    m_hasUntil->setObjectName(QStringLiteral("hasUntil"));
    m_until = new QDateEdit(QDate::currentDate().addDays(30), this);
    m_until->setObjectName(QStringLiteral("until"));
    m_until->setCalendarPopup(true);
    m_until->setMinimumDate(QDate::currentDate().addDays(1)); // the service refuses an end that is not ahead
    m_until->setEnabled(false);
    m_until->setAccessibleName(tr("Blocked until"));
    connect(m_hasUntil, &QCheckBox::toggled, m_until, &QWidget::setEnabled);
    auto *untilRow = new QHBoxLayout;
    untilRow->addWidget(m_hasUntil);
    untilRow->addWidget(m_until);
    untilRow->addStretch(1);

    m_request = new RequestIdEdit(this);

    m_whole = new QRadioButton(tr("The &whole subject"), this);
    m_whole->setObjectName(QStringLiteral("wholeSubject"));
    m_some = new QRadioButton(tr("Only the &items ticked below"), this);
    m_some->setObjectName(QStringLiteral("someItems"));
    auto *scope = new QButtonGroup(this);
    scope->addButton(m_whole);
    scope->addButton(m_some);

    m_items = new QTreeWidget(this);
    m_items->setObjectName(QStringLiteral("blockItems"));
    m_items->setHeaderLabels({tr("Field"), tr("Value"), tr("Purpose")});
    m_items->setRootIsDecorated(false);
    m_items->setUniformRowHeights(true);
    m_items->setAlternatingRowColors(true);
    m_items->header()->setStretchLastSection(true);
    for (const SubjectDetails::Item &item : subject.items) {
        if (item.state != QLatin1String("active")) {
            continue; // already blocked or anonymized
        }
        auto *row = new QTreeWidgetItem(m_items);
        row->setText(0, tr("%1: %2").arg(Labels::category(item.category), Labels::field(item.field)));
        row->setText(1, item.hidden ? tr("hidden") : item.value);
        row->setText(2, item.purposeTitle);
        row->setToolTip(2, item.purposeTitle);
        row->setData(0, kItemIdRole, item.id);
        row->setCheckState(0, preselected.contains(item.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_items->resizeColumnToContents(0);
    m_items->setColumnWidth(1, 16 * fontMetrics().horizontalAdvance(QLatin1Char('M')));
    m_some->setEnabled(m_items->topLevelItemCount() > 0);
    (preselected.isEmpty() ? m_whole : m_some)->setChecked(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("End:"), untilRow);
    form->addRow(tr("Re&quest #:"), m_request);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_block = buttons->addButton(tr("&Block"), QDialogButtonBox::AcceptRole);
    m_block->setObjectName(QStringLiteral("blockButton"));
    m_block->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canSubmit()) {
            emit submitted();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &BlockDialog::validate);
    connect(m_whole, &QRadioButton::toggled, this, &BlockDialog::validate);
    connect(m_items, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *, int column) {
        if (column == 0) {
            if (!tickedItems().isEmpty()) {
                m_some->setChecked(true); // ticking an item means "only these"
            }
            validate();
        }
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_whole);
    layout->addWidget(m_some);
    layout->addWidget(m_items, 1);
    layout->addWidget(buttons);
    resize(56 * fontMetrics().horizontalAdvance(QLatin1Char('M')), 30 * fontMetrics().height());
    validate();
}

QString BlockDialog::reason() const
{
    return m_reason->text().trimmed();
}

QDate BlockDialog::until() const
{
    return m_hasUntil->isChecked() ? m_until->date() : QDate();
}

std::optional<qint64> BlockDialog::requestId() const
{
    return m_request->requestId();
}

QList<qint64> BlockDialog::itemIds() const
{
    return m_whole->isChecked() ? QList<qint64>() : tickedItems();
}

QList<qint64> BlockDialog::tickedItems() const
{
    QList<qint64> ids;
    for (int row = 0; row < m_items->topLevelItemCount(); ++row) {
        const QTreeWidgetItem *item = m_items->topLevelItem(row);
        if (item->checkState(0) == Qt::Checked) {
            ids << item->data(0, kItemIdRole).toLongLong();
        }
    }
    return ids;
}

void BlockDialog::setItemChecked(qint64 itemId, bool checked)
{
    for (int row = 0; row < m_items->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_items->topLevelItem(row);
        if (item->data(0, kItemIdRole).toLongLong() == itemId) {
            m_some->setChecked(true);
            item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
        }
    }
}

void BlockDialog::setWholeSubject(bool whole)
{
    (whole ? m_whole : m_some)->setChecked(true);
}

bool BlockDialog::canSubmit() const
{
    return m_block->isEnabled();
}

void BlockDialog::validate()
{
    QString why;
    if (reason().isEmpty()) {
        why = tr("Give a reason for the block first.");
    } else if (m_some->isChecked() && itemIds().isEmpty()) {
        why = tr("Tick the items to block, or choose the whole subject.");
    }
    m_block->setEnabled(why.isEmpty());
    m_block->setToolTip(why);
}

} // namespace pd
