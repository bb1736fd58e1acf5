#pragma once

#include "app/domain/Session.h"
#include "app/subjects/BulkAction.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QThread>

#include <memory>

class QWidget;

namespace pd {

class BulkWorker;
class Database;

/// One bulk block, anonymization or deletion, run off the UI thread: a BulkWorker on its own QThread, and a
/// progress dialog showing done/total with a Cancel button. Cancel stops after the batch in progress (each batch
/// is all-or-nothing), so every subject ends either fully changed or untouched.
///
/// The window stays responsive while it runs. finished() is emitted once, on the UI thread; summary() then says
/// what was done. Destroying a running job cancels it and waits for the batch in progress.
class BulkJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkJob)

public:
    /// `dialogParent` is the window the progress dialog belongs to; `parent` owns the job.
    BulkJob(std::shared_ptr<Database> database, const Session &session, const BulkAction::Order &order, int batchSize,
            QWidget *dialogParent, QObject *parent = nullptr);
    ~BulkJob() override;

    /// Makes the job carry out approval `approvalId` (whose order this job was made with); call before start().
    void setApproval(qint64 approvalId);
    qint64 approval() const { return m_approvalId; }
    /// Starts the worker thread and shows the progress dialog.
    void start();
    /// Stops after the current batch (what Cancel in the progress dialog does).
    void cancel();
    bool isRunning() const { return m_running; }
    bool cancelRequested() const { return m_cancelRequested; }

    const BulkAction::Order &order() const { return m_order; }
    /// The dialog shown while the job runs (null after it finished).
    QProgressDialog *progressDialog() const { return m_progress; }
    /// After finished(): the outcome, and the error (empty when it succeeded).
    const BulkAction::Outcome &outcome() const { return m_outcome; }
    const QString &error() const { return m_error; }
    /// After finished(): what was done, in a sentence or two (done, skipped, cancelled, waiting for approval).
    QString summary() const;
    /// Progress callbacks received so far (on the UI thread).
    int progressCount() const { return m_progressCount; }

signals:
    /// `done` of `total` handled so far.
    void progressed(qint64 done, qint64 total);
    void finished();

private:
    void onProgress(qint64 done, qint64 total);
    void onFinished(const pd::BulkAction::Outcome &outcome, const QString &error);
    QString progressLabel(qint64 done, qint64 total) const;

    BulkAction::Order m_order;
    QThread m_thread;
    BulkWorker *m_worker = nullptr; ///< lives on m_thread, deleted when it finishes
    QPointer<QProgressDialog> m_progress;
    BulkAction::Outcome m_outcome;
    QString m_error;
    bool m_running = false;
    bool m_cancelRequested = false;
    int m_progressCount = 0;
    qint64 m_approvalId = 0;
};

} // namespace pd
