#pragma once

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QProgressDialog;
class QString;
class QThread;
class QWidget;

namespace pd {

class Database;

/// One piece of long work (an import, the retention sweep) on a thread of its own, with a window-modal progress
/// dialog whose Cancel asks the work to stop after the batch in progress.
///
/// The work gets the database (the worker thread's own connection, released when it ends) and a progress callback to
/// call after each batch: it reports done/total and returns false once Cancel was pressed. `done` receives the
/// result on the UI thread, after the dialog closed. Destroying a running job cancels it and waits for the batch in
/// progress; its `done` is then not called.
class ProgressJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressJob)

public:
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// The progress dialogs belong to `dialogParent` (which owns the job too).
    explicit ProgressJob(QWidget *dialogParent);
    ~ProgressJob() override;

    bool isRunning() const { return m_thread != nullptr; }

    /// Starts `work` (not while one runs); the progress dialog shows `title` and `label`.
    template <typename T>
    void start(const QString &title, const QString &label, std::shared_ptr<Database> database,
               std::function<T(Database &, const Progress &)> work, std::function<void(const T &)> done)
    {
        const Progress progress = [this](qint64 doneCount, qint64 total) {
            report(doneCount, total);
            return !m_cancel.load();
        };
        launch(title, label, [this, database, work = std::move(work), done = std::move(done), progress] {
            auto result = std::make_shared<T>(work(*database, progress));
            releaseConnection(*database);
            QMetaObject::invokeMethod(
                this,
                [this, done, result] {
                    finish();
                    done(*result);
                },
                Qt::QueuedConnection);
        });
    }

private:
    void launch(const QString &title, const QString &label, std::function<void()> body);
    /// From the worker thread: shows done/total in the dialog (queued to the UI thread).
    void report(qint64 done, qint64 total);
    void finish();
    static void releaseConnection(Database &database);

    QWidget *m_dialogParent = nullptr;
    QPointer<QProgressDialog> m_progress;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
};

} // namespace pd
