#pragma once

#include "app/approvals/ApprovalService.h"
#include "app/domain/Session.h"

#include <QDialog>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace pd {

class Database;

/// Irreversible actions waiting for a second officer (the four-eyes rule): the list of ApprovalService::pending,
/// with Approve (asks for confirmation, then runs the action) and Reject (asks for a note). The buttons are enabled
/// only for roles with Action::ApproveIrreversible; what the service refuses (such as an officer approving their
/// own request) is shown in the dialog.
class ApprovalsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprovalsDialog)

public:
    enum Column { Id, Action, Subjects, Reason, AskedBy, When, ColumnCount };

    ApprovalsDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);

    /// Reads the pending approvals again, keeping the selection when it is still there.
    void reload();
    /// Pending approvals listed now.
    int approvalCount() const;
    /// Selects the approval with this id; false when it is not listed.
    bool selectApproval(qint64 id);
    /// The id of the selected approval, 0 when none.
    qint64 selectedApproval() const;
    /// Approves the selected approval after a confirmation (what the Approve button does).
    void approveSelected();
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
    bool m_messageIsError = false;
};

} // namespace pd
