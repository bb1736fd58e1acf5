#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/requests/Request.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QTreeWidget;

namespace pd {

class Database;
class RequestProgress;

/// One request: what was asked and by whom, where its clock stands, its timeline of events and comments, and the
/// steps of work: the stages (identity → carry out → reply → complete) with the next step as the main button, and
/// every step (identity check, ask the requester, resume the clock, extend, assign, carry out, reply, complete,
/// refuse, withdraw, comment) in a menu. Steps that do not apply are disabled with the reason as tooltip.
/// Each step goes through RequestService; a refusal is shown in a message box and nothing changes.
class RequestPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestPanel)

public:
    enum Step {
        CheckIdentity,
        AskRequester,
        Resume,
        Extend,
        Assign,
        Execute,
        Reply,
        Complete,
        Refuse,
        Withdraw,
        Comment,
        StepCount
    };

    RequestPanel(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);

    /// Reads and shows a request; false (after a message) when it could not be read.
    bool showRequest(qint64 requestId);
    /// Reads the shown request again.
    bool reload();
    const RequestRecord &record() const { return m_record; }
    /// A step as the More Actions menu holds it: disabled with the reason as tooltip where it does not apply.
    QAction *stepAction(Step step) const { return m_actions[step]; }
    /// The step the main button offers: the one the request waits for (StepCount when closed or awaiting approval).
    Step nextStep() const;
    QPushButton *nextButton() const { return m_next; }
    /// The stages of the request (identity → carry out → reply → complete), as shown above the details.
    QLabel *progressLabel() const { return m_progress; }
    QTreeWidget *timeline() const { return m_timeline; }

    /// Runs a step as its button does (the forms it shows can be pre-answered with FormDialog::setNextValues).
    void runStep(Step step);

signals:
    void backRequested();
    /// The request changed here: lists should refresh.
    void requestChanged(qint64 requestId);

private:
    void updateSteps();
    void updateNextStep();
    RequestProgress progress() const;
    void report(const Status &status);
    void checkIdentity();
    void askRequester();
    void resumeClock();
    void extend();
    void assign();
    void execute();
    void reply();
    void complete();
    void refuse();
    void withdraw();
    void comment();

    std::shared_ptr<Database> m_database;
    Session m_session;
    RequestRecord m_record;
    QLabel *m_title = nullptr;
    QLabel *m_clock = nullptr;
    QLabel *m_details = nullptr;
    QTreeWidget *m_timeline = nullptr;
    QLabel *m_progress = nullptr;
    QPushButton *m_next = nullptr;
    QMenu *m_stepMenu = nullptr;
    QAction *m_actions[StepCount] = {};
    bool m_executed = false; ///< the timeline records a carried-out step
};

} // namespace pd
