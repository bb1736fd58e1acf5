#include "ui/bulk/ApprovalsDialog.h"

#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "ui/bulk/BulkJob.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/Style.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace pd {

namespace {

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids) {
        parts << QString::number(id);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

ApprovalsDialog::ApprovalsDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QDialog(parent), m_database(std::move(database)), m_session(session),
      m_canDecide(Permissions::allows(session.role, Action::ApproveIrreversible))
{
    setObjectName(QStringLiteral("approvalsDialog"));
    setWindowTitle(tr("Pending Approvals \u2014 Privacy Desk"));

    auto *intro = new QLabel(tr("Anonymizing or deleting many subjects at once waits here until a second officer "
                                "approves it. The officer who asked cannot approve their own request."),
                             this);
    intro->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("approvalTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("#"), tr("Action"), tr("Subjects"), tr("Done"), tr("Reason"), tr("Asked by"), tr("When")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(Reason, QHeaderView::Stretch);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("approvalMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_approve = buttons->addButton(tr("&Approve\u2026"), QDialogButtonBox::ActionRole);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_reject = buttons->addButton(tr("&Reject\u2026"), QDialogButtonBox::ActionRole);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_cancel = buttons->addButton(tr("&Cancel Approval\u2026"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("cancelApprovalButton"));
    m_cancel->setToolTip(tr("Stop an approval that waits or was carried out in part; what was done stays done"));
    QPushButton *refresh = buttons->addButton(tr("Re&fresh"), QDialogButtonBox::ActionRole);
    auto *readOnly = new QLabel(this);
    readOnly->setObjectName(QStringLiteral("approvalReadOnlyNote"));
    readOnly->setWordWrap(true);
    readOnly->setTextFormat(Qt::PlainText);
    readOnly->hide();
    if (!m_canDecide) {
        const QString why = tr("Your role (%1) cannot approve or reject irreversible actions; a privacy officer can.")
                                .arg(Labels::role(session.role));
        m_approve->setToolTip(why);
        m_reject->setToolTip(why);
        m_cancel->setToolTip(why);
        readOnly->setText(why);
        QFont italic = readOnly->font();
        italic.setItalic(true);
        readOnly->setFont(italic);
        readOnly->show();
    }
    connect(m_approve, &QPushButton::clicked, this, &ApprovalsDialog::approveSelected);
    connect(m_reject, &QPushButton::clicked, this, &ApprovalsDialog::rejectSelected);
    connect(m_cancel, &QPushButton::clicked, this, &ApprovalsDialog::cancelSelected);
    connect(refresh, &QPushButton::clicked, this, [this] {
        showMessage(QString(), false);
        reload();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &ApprovalsDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ApprovalsDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(readOnly);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(900, 420);
    reload();
}

void ApprovalsDialog::reload()
{
    const qint64 selected = selectedApproval();
    m_table->setRowCount(0);
    m_approvals.clear();
    const Result<QList<ApprovalService::Approval>> pending = ApprovalService::pending(*m_database, m_session);
    if (!pending) {
        showMessage(Labels::sentence(pending.error().message), true);
        updateButtons();
        return;
    }
    m_approvals = pending.value();
    m_table->setRowCount(int(m_approvals.size()));
    int row = 0;
    for (const ApprovalService::Approval &approval : qAsConst(m_approvals)) {
        const QString cells[ColumnCount] = {
            QString::number(approval.id),
            actionLabel(approval.action),
            QLocale().toString(approval.total),
            approval.status == QLatin1String("pending")
                ? tr("waiting")
                : tr("%1 of %2 (half done)").arg(QLocale().toString(approval.done), QLocale().toString(approval.total)),
            approval.reason,
            approval.requestedBy,
            Labels::localTime(approval.requestedAt),
        };
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, approval.id);
            if (column == Progress && approval.isHalfDone()) {
                item->setForeground(Style::warning());
                item->setToolTip(tr("Started and stopped on the way: approve it again to finish, or cancel it."));
            }
            if (column == Id || column == Subjects) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            if (column == Subjects) {
                item->setToolTip(tr("Subject ids: %1").arg(idList(approval.subjectIds)));
            } else if (column == Reason) {
                item->setToolTip(approval.reason);
            }
            m_table->setItem(row, column, item);
        }
        ++row;
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(Reason, QHeaderView::Stretch);
    if (!selectApproval(selected) && !m_approvals.isEmpty()) {
        m_table->selectRow(0);
    }
    const QString nothing = tr("Nothing waits for approval.");
    if (m_approvals.isEmpty() && !m_messageIsError && m_message->isHidden()) {
        showMessage(nothing, false);
    } else if (!m_approvals.isEmpty() && m_message->text() == nothing) {
        showMessage(QString(), false);
    }
    updateButtons();
}

int ApprovalsDialog::approvalCount() const
{
    return int(m_approvals.size());
}

bool ApprovalsDialog::selectApproval(qint64 id)
{
    for (int row = 0; row < m_approvals.size(); ++row) {
        if (m_approvals.at(row).id == id) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

qint64 ApprovalsDialog::selectedApproval() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? 0 : selected.first()->data(Qt::UserRole).toLongLong();
}

const ApprovalService::Approval *ApprovalsDialog::find(qint64 id) const
{
    const auto found = std::find_if(m_approvals.cbegin(), m_approvals.cend(),
                                    [id](const ApprovalService::Approval &approval) { return approval.id == id; });
    return found == m_approvals.cend() ? nullptr : &*found;
}

void ApprovalsDialog::approveSelected()
{
    const ApprovalService::Approval *found = find(selectedApproval());
    if (!found || m_job) {
        return;
    }
    const qint64 id = found->id;
    const int count = int(found->total);
    const int left = int(found->total - found->done);
    QString question =
        found->action == QLatin1String("retention")
            ? tr("Carry out the retention sweep %1 asked for? The data whose retention period is over is deleted or "
                 "anonymized for %Ln subject(s), as the register of purposes says. This cannot be undone.",
                 nullptr, count)
                  .arg(found->requestedBy)
        : found->action == QLatin1String("delete")
            ? tr("Delete %Ln subject(s) with all their data now, as %1 asked? This cannot be undone.", nullptr, count)
                  .arg(found->requestedBy)
            : tr("Anonymize %Ln subject(s) now, as %1 asked? This cannot be undone.", nullptr, count)
                  .arg(found->requestedBy);
    if (found->isHalfDone()) {
        question = tr("Approval #%1 stopped after %2 of %3 subjects. Carry on with the remaining %Ln? This cannot be "
                      "undone.",
                      nullptr, left)
                       .arg(id)
                       .arg(QLocale().toString(found->done), QLocale().toString(found->total));
    }
    if (MessageBox::question(this, tr("Approve #%1").arg(id), question) != QMessageBox::Yes) {
        return;
    }
    BulkAction::Order order;
    order.kind = found->action == QLatin1String("delete") ? BulkAction::Kind::Delete : BulkAction::Kind::Anonymize;
    order.subjectIds = found->subjectIds;
    order.reason = found->reason;
    order.requestId = found->requestId;
    m_job = new BulkJob(m_database, m_session, order, kBatchSize, this, this);
    m_job->setApproval(id);
    connect(m_job, &BulkJob::finished, this, &ApprovalsDialog::jobFinished);
    showMessage(QString(), false);
    updateButtons();
    m_job->start();
}

void ApprovalsDialog::jobFinished()
{
    BulkJob *job = m_job;
    m_job = nullptr;
    job->deleteLater();
    const ApprovalService::Approval *approval = find(job->approval());
    const qint64 id = job->approval();
    const int count = approval ? int(approval->total) : int(job->order().subjectIds.size());
    const bool deletion = job->order().kind == BulkAction::Kind::Delete;
    const bool retention = approval && approval->action == QLatin1String("retention");
    if (!job->error().isEmpty()) {
        showMessage(Labels::sentence(job->error()), true);
    } else if (job->outcome().cancelled) {
        showMessage(tr("Approval #%1 stopped on the way: what was done stays done. Approve it again to finish it, or "
                       "cancel it.")
                        .arg(id),
                    false);
    } else {
        showMessage(retention ? tr("Approval #%1 carried out: the retention sweep changed %Ln subject(s).", nullptr,
                                   int(job->outcome().done))
                                    .arg(id)
                    : deletion ? tr("Approval #%1 carried out: %Ln subject(s) deleted.", nullptr, count).arg(id)
                               : tr("Approval #%1 carried out: %Ln subject(s) anonymized.", nullptr, count).arg(id),
                    false);
    }
    reload();
    emit decided();
}

void ApprovalsDialog::cancelSelected()
{
    const ApprovalService::Approval *found = find(selectedApproval());
    if (!found || m_job) {
        return;
    }
    const qint64 id = found->id;
    const std::optional<QString> note = MessageBox::getText(
        this, tr("Cancel approval #%1").arg(id),
        found->isHalfDone()
            ? tr("Approval #%1 has done %2 of %3 subjects; those stay as they are and the others are not touched. "
                 "Why is it cancelled? The note is kept in the audit trail; it must not contain personal data.")
                  .arg(id)
                  .arg(QLocale().toString(found->done), QLocale().toString(found->total))
            : tr("Why is approval #%1 cancelled? Nothing of it was done. The note is kept in the audit trail; it must "
                 "not contain personal data.")
                  .arg(id));
    if (!note) {
        return;
    }
    if (note->trimmed().isEmpty()) {
        showMessage(tr("Cancelling needs a note saying why; approval #%1 is unchanged.").arg(id), true);
        return;
    }
    const Status cancelled = ApprovalService::cancel(*m_database, m_session, id, note->trimmed());
    if (!cancelled) {
        showMessage(Labels::sentence(cancelled.error().message), true);
        reload();
        return;
    }
    showMessage(tr("Approval #%1 cancelled.").arg(id), false);
    reload();
    emit decided();
}

void ApprovalsDialog::rejectSelected()
{
    const qint64 id = selectedApproval();
    if (id == 0) {
        return;
    }
    const std::optional<QString> note =
        MessageBox::getText(this, tr("Reject #%1").arg(id),
                            tr("Why is approval #%1 rejected? The note is kept in the audit trail; it must not "
                               "contain personal data.")
                                .arg(id));
    if (!note) {
        return;
    }
    if (note->trimmed().isEmpty()) {
        showMessage(tr("A rejection needs a note saying why; approval #%1 is still pending.").arg(id), true);
        return;
    }
    const Status rejected = ApprovalService::reject(*m_database, m_session, id, note->trimmed());
    if (!rejected) {
        showMessage(Labels::sentence(rejected.error().message), true);
        reload();
        return;
    }
    showMessage(tr("Approval #%1 rejected: nothing was changed.").arg(id), false);
    reload();
    emit decided();
}

QString ApprovalsDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ApprovalsDialog::showMessage(const QString &text, bool error)
{
    m_messageIsError = error && !text.isEmpty();
    m_message->setText(text);
    Style::showAsError(m_message, error);
    m_message->setVisible(!text.isEmpty());
}

void ApprovalsDialog::updateButtons()
{
    const ApprovalService::Approval *selected = find(selectedApproval());
    const bool free = m_canDecide && selected && !m_job;
    m_approve->setEnabled(free);
    m_reject->setEnabled(free && selected->status == QLatin1String("pending"));
    m_cancel->setEnabled(free);
}

QString ApprovalsDialog::actionLabel(const QString &action)
{
    if (action == QLatin1String("anonymize")) {
        return tr("Anonymize");
    }
    if (action == QLatin1String("delete")) {
        return tr("Delete");
    }
    if (action == QLatin1String("retention")) {
        return tr("Retention sweep");
    }
    return action;
}

} // namespace pd
