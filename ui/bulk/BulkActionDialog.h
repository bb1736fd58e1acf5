#pragma once

#include "app/subjects/BulkAction.h"

#include <QDate>
#include <QDialog>

#include <optional>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pd {

class RequestIdEdit;

/// What the operator confirms before blocking, anonymizing or deleting subjects (one or many): how many, and for
/// the irreversible two what will be lost (BulkAction::impact), a required reason, an optional request, and for
/// a block an optional end date.
///
/// Pressing the action button of an irreversible action asks once more (MessageBox::question, No by default);
/// only a Yes emits submitted(). The opener then runs the order and accepts the dialog.
class BulkActionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkActionDialog)

public:
    /// `impact` is shown for Anonymize and Delete (ignored for Block, which loses nothing).
    BulkActionDialog(BulkAction::Kind kind, qint64 subjects, const BulkAction::Impact &impact,
                     QWidget *parent = nullptr);

    BulkAction::Kind kind() const { return m_kind; }
    /// The order as entered, for `subjectIds`.
    BulkAction::Order order(const QList<qint64> &subjectIds) const;
    QString reason() const;
    /// The text that names what will be lost (or, for a block, what happens).
    QString impactText() const;
    bool canSubmit() const;

    /// "12 subjects; items: Account 36, Payment 8; 5 consents; 3 disclosures to third parties", one per line.
    static QString describeImpact(BulkAction::Kind kind, const BulkAction::Impact &impact);
    /// "Anonymize 12 subjects", "Delete 1 subject", ... (translated, for titles and buttons).
    static QString actionTitle(BulkAction::Kind kind, qint64 subjects);

signals:
    void submitted();

private:
    void validate();
    void submit();

    BulkAction::Kind m_kind;
    qint64 m_subjects = 0;
    QString m_impact;
    QLabel *m_impactLabel = nullptr;
    QLineEdit *m_reason = nullptr;
    QCheckBox *m_hasUntil = nullptr;
    QDateEdit *m_until = nullptr;
    RequestIdEdit *m_request = nullptr;
    QPushButton *m_run = nullptr;
};

} // namespace pd
