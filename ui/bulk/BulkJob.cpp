#include "ui/bulk/BulkJob.h"

#include "ui/bulk/BulkWorker.h"
#include "ui/common/Labels.h"

#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>

#include <algorithm>
#include <limits>

namespace pd {

namespace {

int clampToInt(qint64 value)
{
    return int(std::clamp<qint64>(value, 0, std::numeric_limits<int>::max()));
}

} // namespace

BulkJob::BulkJob(std::shared_ptr<Database> database, const Session &session, const BulkAction::Order &order,
                 int batchSize, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_order(order)
{
    m_thread.setObjectName(QStringLiteral("BulkWorker"));
    m_worker = new BulkWorker(std::move(database), session, order, batchSize);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &BulkWorker::progressed, this, &BulkJob::onProgress);
    connect(m_worker, &BulkWorker::finished, this, &BulkJob::onFinished);

    m_progress = new QProgressDialog(dialogParent);
    m_progress->setObjectName(QStringLiteral("bulkProgress"));
    m_progress->setWindowTitle(tr("Working \u2014 Privacy Desk"));
    // Not modal: the window stays usable while the batches run; the actions that would start another are off.
    m_progress->setWindowModality(Qt::NonModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(0);
    m_progress->setRange(0, std::max(1, clampToInt(order.subjectIds.size())));
    m_progress->setValue(0);
    m_progress->setLabelText(progressLabel(0, order.subjectIds.size()));
    m_progress->setMinimumWidth(28 * m_progress->fontMetrics().horizontalAdvance(QLatin1Char('M')));
    connect(m_progress, &QProgressDialog::canceled, this, &BulkJob::cancel);
}

BulkJob::~BulkJob()
{
    if (m_worker) {
        m_worker->cancel();
    }
    m_thread.quit();
    m_thread.wait();
    delete m_progress;
}

void BulkJob::setApproval(qint64 approvalId)
{
    if (!m_running && m_worker) {
        m_approvalId = approvalId;
        m_worker->setApproval(approvalId);
    }
}

void BulkJob::start()
{
    if (m_running || m_thread.isRunning()) {
        return;
    }
    m_running = true;
    m_thread.start();
    BulkWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->run(); }, Qt::QueuedConnection);
    m_progress->show();
}

void BulkJob::cancel()
{
    if (!m_running || m_cancelRequested) {
        return;
    }
    m_cancelRequested = true;
    m_worker->cancel();
    if (m_progress) {
        m_progress->setLabelText(tr("Stopping after the batch in progress\u2026"));
        // QProgressDialog hides its Cancel button's effect once cancelled; keep it visible but inert.
        if (auto *button = m_progress->findChild<QPushButton *>()) {
            button->setEnabled(false);
        }
    }
}

void BulkJob::onProgress(qint64 done, qint64 total)
{
    ++m_progressCount;
    emit progressed(done, total);
    if (!m_progress || m_cancelRequested) {
        return;
    }
    m_progress->setMaximum(std::max(1, clampToInt(total)));
    m_progress->setValue(clampToInt(done));
    m_progress->setLabelText(progressLabel(done, total));
}

void BulkJob::onFinished(const BulkAction::Outcome &outcome, const QString &error)
{
    m_outcome = outcome;
    m_error = error;
    m_running = false;
    m_worker = nullptr; // deleted with the thread's end
    m_thread.quit();
    m_thread.wait();
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
    }
    emit finished();
}

QString BulkJob::progressLabel(qint64 done, qint64 total) const
{
    const QLocale locale;
    switch (m_order.kind) {
    case BulkAction::Kind::Block:
        return tr("Blocking subjects: %1 of %2").arg(locale.toString(done), locale.toString(total));
    case BulkAction::Kind::Anonymize:
        return tr("Anonymizing subjects: %1 of %2").arg(locale.toString(done), locale.toString(total));
    case BulkAction::Kind::Delete:
        return tr("Deleting subjects: %1 of %2").arg(locale.toString(done), locale.toString(total));
    }
    return {};
}

QString BulkJob::summary() const
{
    if (!m_error.isEmpty()) {
        return tr("Nothing more was changed: %1").arg(Labels::sentence(m_error));
    }
    const int total = clampToInt(m_order.subjectIds.size());
    if (m_outcome.pendingApproval > 0) {
        return tr("%Ln subject(s) were not changed yet: the action waits for a second officer (approval #%1).", nullptr,
                  total)
            .arg(m_outcome.pendingApproval);
    }
    const int done = clampToInt(m_outcome.done);
    QString text;
    switch (m_order.kind) {
    case BulkAction::Kind::Block:
        text = tr("%Ln subject(s) blocked.", nullptr, done);
        break;
    case BulkAction::Kind::Anonymize:
        text = tr("%Ln subject(s) anonymized.", nullptr, done);
        break;
    case BulkAction::Kind::Delete:
        text = tr("%Ln subject(s) deleted.", nullptr, done);
        break;
    }
    if (m_outcome.skipped > 0) {
        text += QLatin1Char(' ') +
                tr("%Ln skipped (already in that state, or gone).", nullptr, clampToInt(m_outcome.skipped));
    }
    if (m_outcome.cancelled) {
        const qint64 untouched = qint64(total) - m_outcome.done - m_outcome.skipped;
        text += QLatin1Char(' ') +
                tr("Cancelled: %Ln subject(s) were not touched.", nullptr, clampToInt(std::max<qint64>(0, untouched)));
    }
    return text;
}

} // namespace pd
