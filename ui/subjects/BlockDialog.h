#pragma once

#include "app/subjects/Subject.h"

#include <QDate>
#include <QDialog>

#include <optional>

class QCheckBox;
class QDateEdit;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace pd {

class RequestIdEdit;

/// Restriction of one subject's processing: a required reason, an optional end date (future dates only), an
/// optional request, and either the whole subject or the items ticked in the list.
///
/// Like CorrectDialog it only collects: Block emits submitted(), the opener calls RestrictionService::block and
/// accepts the dialog when that succeeded.
class BlockDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlockDialog)

public:
    /// `subject` is what the subject page shows; its active items can be ticked. Items ticked in `preselected`
    /// start ticked (and the dialog then starts with "only these items").
    explicit BlockDialog(const SubjectDetails &subject, const QList<qint64> &preselected = {},
                         QWidget *parent = nullptr);

    QString reason() const;
    /// Invalid when the block has no end date.
    QDate until() const;
    std::optional<qint64> requestId() const;
    /// Empty for the whole subject, else the ticked items.
    QList<qint64> itemIds() const;
    /// Ticks or unticks one item (switches to "only these items").
    void setItemChecked(qint64 itemId, bool checked);
    void setWholeSubject(bool whole);
    bool canSubmit() const;

signals:
    void submitted();

private:
    void validate();
    QList<qint64> tickedItems() const;

    QLineEdit *m_reason = nullptr;
    QCheckBox *m_hasUntil = nullptr;
    QDateEdit *m_until = nullptr;
    RequestIdEdit *m_request = nullptr;
    QRadioButton *m_whole = nullptr;
    QRadioButton *m_some = nullptr;
    QTreeWidget *m_items = nullptr;
    QPushButton *m_block = nullptr;
};

} // namespace pd
