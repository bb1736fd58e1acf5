#pragma once

#include "app/subjects/Subject.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pd {

class RequestIdEdit;

/// Clarification of one personal-data item: the field, its current value, the new value checked as it is typed
/// (FieldRules::valueProblem), a required reason, an optional request and a before/after preview.
///
/// The dialog only collects: Save emits submitted(), and whoever opened it calls CorrectionService::correct and
/// closes it (accept()) when that succeeded. After a conflict the opener shows the newer value with
/// setCurrentValue(); what the operator typed stays.
class CorrectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CorrectDialog)

public:
    /// `item` is the item as the subject page shows it.
    explicit CorrectDialog(const SubjectDetails::Item &item, QWidget *parent = nullptr);

    qint64 itemId() const { return m_itemId; }
    QString newValue() const;
    QString reason() const;
    std::optional<qint64> requestId() const;
    /// Replaces the value shown as current (after a reload) and updates the preview.
    void setCurrentValue(const QString &value);
    QString currentValue() const { return m_current; }
    /// The problem with the new value as shown under it, empty when there is none.
    QString problemText() const;
    /// Whether Save may be pressed now (valid value, a reason, and a change).
    bool canSave() const;

signals:
    /// Save was pressed with valid input.
    void submitted();

private:
    void validate();

    qint64 m_itemId = 0;
    QString m_field;
    QString m_current;
    QLabel *m_currentLabel = nullptr;
    QLineEdit *m_value = nullptr;
    QLabel *m_problem = nullptr;
    QLineEdit *m_reason = nullptr;
    RequestIdEdit *m_request = nullptr;
    QLabel *m_before = nullptr;
    QLabel *m_after = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace pd
