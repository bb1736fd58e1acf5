#pragma once

#include "app/approvals/ApprovalService.h"
#include "app/domain/Session.h"

#include <QDialog>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace pd {

class BulkJob;
class Database;

/// Irreversible actions waiting for a second officer (the four-eyes rule): the list of ApprovalService::pending with
/// how far each came, Approve (asks for confirmation, then runs the action off the UI thread with progress and
/// Cancel, or carries a half-done one on), Reject (pending ones; asks for a note) and Cancel approval (asks for a
/// note; what a half-done one did stays). The buttons are enabled
/// only for roles with Action::ApproveIrreversible; what the service refuses (such as an officer approving their
/// own request) is shown in the dialog.
class ApprovalsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprovalsDialog)

public:
    enum Column { Id, Action, Subjects, Progress, Reason, AskedBy, When, ColumnCount };
    /// Subjects per transaction while an approval is carried out: 0 sizes them by time (BulkAction::kQuickBatchMs).
    static constexpr int kBatchSize = 0;

    ApprovalsDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);

    /// Reads the pending approvals again, keeping the selection when it is still there.
    void reload();
    /// Pending approvals listed now.
    int approvalCount() const;
    /// Selects the approval with this id; false when it is not listed.
    bool selectApproval(qint64 id);
    /// The id of the selected approval, 0 when none.
    qint64 selectedApproval() const;
    /// Approves the selected approval after a confirmation (what the Approve button does), or carries a half-done
    /// one on. The action runs off the UI thread with a progress dialog and Cancel (job()); decided() follows.
    void approveSelected();
    /// Cancels the selected approval after asking for a note (what the Cancel approval button does): what a
    /// half-done one did stays done.
    void cancelSelected();
    /// The approval being carried out now, null when none.
    BulkJob *job() const { return m_job; }
    bool isBusy() const { return m_job != nullptr; }
    /// Rejects the selected approval after asking for a note (what the Reject button does).
    void rejectSelected();
    /// The message shown under the list (an error in red, or what was done), empty when none.
    QString messageText() const;
    /// Whether the message shown is an error.
    bool messageIsError() const { return m_messageIsError; }

signals:
    /// An approval was approved or rejected here.
    void decided();

private:
    void showMessage(const QString &text, bool error);
    void jobFinished();
    const ApprovalService::Approval *find(qint64 id) const;
    void updateButtons();
    static QString actionLabel(const QString &action);

    std::shared_ptr<Database> m_database;
    Session m_session;
    bool m_canDecide = false;
    QList<ApprovalService::Approval> m_approvals;
    QTableWidget *m_table = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_cancel = nullptr;
    BulkJob *m_job = nullptr;
    bool m_messageIsError = false;
};

} // namespace pd
