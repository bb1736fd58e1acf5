#pragma once

#include "app/domain/Session.h"
#include "app/retention/RetentionRun.h"
#include "app/retention/RetentionSweep.h"

#include <QDialog>
#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace pd {

class Database;
class ProgressJob;
class QueryWorker;

/// Tools > Retention sweep: per purpose of the register, how many data items its retention rule makes due today,
/// which are held back and why (blocked, under an open request, under a legal hold), and what is coming within 30
/// days; then the sweep itself for officers (RetentionRun), after a confirmation that says what will go, with
/// progress and Cancel, ending with its summary. The preview is read off the UI thread; the dialog's size is kept.
class RetentionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionDialog)

public:
    enum Column { Purpose, Rule, Then, Held, Due, HeldBack, Coming, ColumnCount };

    RetentionDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);

    /// Reads the preview again (off the UI thread); loaded() follows.
    void reload();
    /// Asks for confirmation and runs the sweep (officers); sweepFinished() follows.
    void runSweep();
    bool isBusy() const;

    QTableWidget *table() const { return m_table; }
    QPushButton *runButton() const { return m_run; }
    /// The line under the table: the scheduled erasures, then the last sweep's summary or error.
    QString message() const;
    const RetentionRun::Summary &lastSummary() const { return m_summary; }

signals:
    void loaded();
    void sweepFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showPreview(const Result<RetentionSweep::Preview> &preview);
    void sweepDone(const Result<RetentionRun::Summary> &summary);
    QString summaryText(const RetentionRun::Summary &summary) const;
    void updateButtons();

    std::shared_ptr<Database> m_database;
    Session m_session;
    QueryWorker *m_worker = nullptr;
    QLabel *m_intro = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_scheduled = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_refresh = nullptr;
    ProgressJob *m_job = nullptr; ///< the sweep, while it runs
    bool m_loading = false;
    qint64 m_toChange = 0;
    RetentionRun::Summary m_summary;
};

} // namespace pd
