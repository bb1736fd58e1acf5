#pragma once

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pd {

class RequestIdEdit;

/// Lifting a block: a required reason, and the statement that the subject was told before the block is lifted
/// (GDPR art. 18(3)) with how and when. The box must be ticked before Lift block can be pressed; the how-and-when
/// text is what RestrictionService::unblock records as `subjectInformed`.
///
/// Lift block emits submitted(); the opener calls the service and accepts the dialog when that succeeded.
class UnblockDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnblockDialog)

public:
    /// `subjectName` names the subject in the title.
    explicit UnblockDialog(const QString &subjectName, QWidget *parent = nullptr);

    QString reason() const;
    bool subjectWasTold() const;
    /// How and when the subject was told, as typed.
    QString howTold() const;
    std::optional<qint64> requestId() const;
    bool canSubmit() const;
    /// Why Lift block cannot be pressed now, empty when it can.
    QString blocker() const;

signals:
    void submitted();

private:
    void validate();

    QLineEdit *m_reason = nullptr;
    QCheckBox *m_told = nullptr;
    QLineEdit *m_how = nullptr;
    RequestIdEdit *m_request = nullptr;
    QPushButton *m_lift = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace pd
