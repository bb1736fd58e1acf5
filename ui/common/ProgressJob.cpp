#include "ui/common/ProgressJob.h"

#include "app/storage/Database.h"

#include <QProgressDialog>
#include <QThread>

#include <algorithm>
#include <limits>

namespace pd {

namespace {

int clampToInt(qint64 value)
{
    return int(std::clamp<qint64>(value, 0, std::numeric_limits<int>::max()));
}

} // namespace

ProgressJob::ProgressJob(QWidget *dialogParent) : QObject(dialogParent), m_dialogParent(dialogParent) {}

ProgressJob::~ProgressJob()
{
    if (m_thread) {
        m_cancel = true; // the batch in progress is finished (all or nothing), then the work stops
        m_thread->wait();
        delete m_thread;
    }
}

void ProgressJob::launch(const QString &title, const QString &label, std::function<void()> body)
{
    Q_ASSERT(!m_thread);
    m_cancel = false;
    m_progress = new QProgressDialog(label, tr("Cancel"), 0, 0, m_dialogParent);
    m_progress->setObjectName(QStringLiteral("jobProgress"));
    m_progress->setWindowTitle(title);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(0);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        m_cancel = true;
        if (m_progress) {
            m_progress->setLabelText(tr("Stopping after the batch in progress\u2026"));
        }
    });
    m_thread = QThread::create(std::move(body));
    m_thread->setObjectName(QStringLiteral("ProgressJob"));
    m_thread->start();
}

void ProgressJob::report(qint64 done, qint64 total)
{
    QMetaObject::invokeMethod(
        this,
        [this, done, total] {
            if (m_progress) {
                m_progress->setMaximum(clampToInt(total));
                m_progress->setValue(clampToInt(done));
            }
        },
        Qt::QueuedConnection);
}

void ProgressJob::finish()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
    }
}

void ProgressJob::releaseConnection(Database &database)
{
    // The connection was made by this thread for this work; the next job gets a new thread.
    database.releaseThreadConnection();
}

} // namespace pd
