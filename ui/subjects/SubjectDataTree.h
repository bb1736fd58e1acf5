#pragma once

#include "app/subjects/Subject.h"

#include <QHash>
#include <QTreeWidget>

namespace pd {

/// A subject's personal-data items grouped by category, then purpose: field, value, source, collected date and
/// state. Blocked items carry a lock and are greyed; secret values (`hidden`) show "hidden" and never a value;
/// masked card numbers show as stored.
class SubjectDataTree final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubjectDataTree)

public:
    enum Column { Field, Value, Source, Collected, State, ColumnCount };
    /// On item rows: the item id (qint64). Category and purpose rows have none.
    static constexpr int ItemIdRole = Qt::UserRole + 1;

    explicit SubjectDataTree(QWidget *parent = nullptr);

    /// Shows `items`; the item that was current stays current when it is still there.
    void setItems(const QList<SubjectDetails::Item> &items);
    /// The current row's item, or nullptr when a group row or nothing is current.
    const SubjectDetails::Item *currentDataItem() const;
    /// Makes the row of this item current; false when it is not shown.
    bool selectItem(qint64 itemId);
    /// The row of this item (nullptr when not shown).
    QTreeWidgetItem *rowOf(qint64 itemId) const;

private:
    QList<SubjectDetails::Item> m_items;
    QHash<qint64, QTreeWidgetItem *> m_rows; ///< item id to its row
};

} // namespace pd
