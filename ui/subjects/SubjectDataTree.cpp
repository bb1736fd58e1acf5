#include "ui/subjects/SubjectDataTree.h"

#include "ui/common/Labels.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QPalette>
#include <QStyle>

#include <algorithm>

namespace pd {

SubjectDataTree::SubjectDataTree(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("subjectItems"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Field"), tr("Value"), tr("Source"), tr("Collected"), tr("State")});
    setAccessibleName(tr("Personal data"));
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTextElideMode(Qt::ElideMiddle);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    header()->setStretchLastSection(false);
    header()->resizeSection(Field, 16 * em);
    header()->resizeSection(Value, 22 * em);
    header()->resizeSection(Source, 12 * em);
    header()->resizeSection(Collected, 8 * em);
    header()->resizeSection(State, 8 * em);
    header()->setSectionResizeMode(Value, QHeaderView::Stretch);
}

void SubjectDataTree::setItems(const QList<SubjectDetails::Item> &items)
{
    const SubjectDetails::Item *current = currentDataItem();
    const qint64 currentId = current ? current->id : 0;
    m_items = items;
    m_rows.clear();
    clear();

    const QBrush greyed = QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    const QIcon lock(QStringLiteral(":/icons/blocked.svg"));
    QFont bold = font();
    bold.setBold(true);
    QFont italic = font();
    italic.setItalic(true);

    QTreeWidgetItem *categoryRow = nullptr;
    QTreeWidgetItem *purposeRow = nullptr;
    QString category;
    QString purpose;
    int categoryCount = 0;
    const auto closeCategory = [&] {
        if (categoryRow) {
            categoryRow->setText(Field, tr("%1 (%Ln)", nullptr, categoryCount).arg(Labels::category(category)));
        }
    };
    for (int index = 0; index < m_items.size(); ++index) {
        const SubjectDetails::Item &item = m_items.at(index);
        if (!categoryRow || item.category != category) {
            closeCategory();
            category = item.category;
            categoryCount = 0;
            categoryRow = new QTreeWidgetItem(this);
            categoryRow->setFont(Field, bold);
            categoryRow->setFirstColumnSpanned(true);
            categoryRow->setFlags(Qt::ItemIsEnabled);
            purposeRow = nullptr;
        }
        if (!purposeRow || item.purposeTitle != purpose) {
            purpose = item.purposeTitle;
            purposeRow = new QTreeWidgetItem(categoryRow);
            purposeRow->setText(Field, purpose.isEmpty() ? tr("No purpose recorded") : purpose);
            purposeRow->setToolTip(Field, purposeRow->text(Field));
            purposeRow->setFont(Field, italic);
            purposeRow->setFirstColumnSpanned(true);
            purposeRow->setFlags(Qt::ItemIsEnabled);
        }
        ++categoryCount;
        auto *row = new QTreeWidgetItem(purposeRow);
        row->setData(Field, ItemIdRole, item.id);
        m_rows.insert(item.id, row);
        row->setText(Field, Labels::field(item.field));
        row->setToolTip(Field, item.field);
        if (item.hidden) {
            row->setText(Value, tr("hidden"));
            row->setFont(Value, italic);
            row->setToolTip(Value, tr("Secret values (tokens, keys) are never shown."));
        } else {
            row->setText(Value, item.value);
            row->setToolTip(Value, item.value);
        }
        row->setText(Source, item.source);
        row->setToolTip(Source, item.source);
        row->setText(Collected, Labels::localDate(item.collectedAt));
        row->setToolTip(Collected, Labels::localTime(item.collectedAt));
        row->setText(State, Labels::dataState(item.state));
        const bool blocked = item.state == QLatin1String("blocked");
        const bool anonymized = item.state == QLatin1String("anonymized");
        if (blocked) {
            row->setIcon(Field, lock);
            row->setToolTip(State,
                            item.blockedReason.isEmpty() ? tr("Blocked") : tr("Blocked: %1").arg(item.blockedReason));
        }
        if (blocked || anonymized) {
            for (int column = 0; column < ColumnCount; ++column) {
                row->setForeground(column, greyed);
            }
        }
        if (anonymized) {
            row->setFont(Value, italic);
        }
    }
    closeCategory();
    expandAll();
    // Field labels are short but indented two levels, and blocked ones carry a lock: fit the widest. The group
    // rows span every column, so resizeColumnToContents() would fit the long purpose titles instead.
    int widest = 0;
    for (const SubjectDetails::Item &item : m_items) {
        widest = std::max(widest, fontMetrics().horizontalAdvance(Labels::field(item.field)));
    }
    const int needed = widest + 3 * indentation() + style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) + 16;
    header()->resizeSection(Field, std::max(header()->sectionSize(Field), needed));
    if (currentId == 0 || !selectItem(currentId)) {
        setCurrentItem(nullptr);
    }
}

const SubjectDetails::Item *SubjectDataTree::currentDataItem() const
{
    const QTreeWidgetItem *row = currentItem();
    if (!row || !row->data(Field, ItemIdRole).isValid()) {
        return nullptr;
    }
    const qint64 id = row->data(Field, ItemIdRole).toLongLong();
    for (const SubjectDetails::Item &item : m_items) {
        if (item.id == id) {
            return &item;
        }
    }
    return nullptr;
}

QTreeWidgetItem *SubjectDataTree::rowOf(qint64 itemId) const
{
    return m_rows.value(itemId);
}

bool SubjectDataTree::selectItem(qint64 itemId)
{
    QTreeWidgetItem *row = rowOf(itemId);
    if (!row) {
        return false;
    }
    setCurrentItem(row);
    scrollToItem(row);
    return true;
}

} // namespace pd
