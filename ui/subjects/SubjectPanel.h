#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/subjects/Subject.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QSplitter;

namespace pd {

class Database;
class SubjectDataTree;
class SubjectRecordTabs;

/// The subject page: everything recorded about one subject (SubjectDetailsReader) and the changes an
/// operator may make to it.
///
/// A header names the subject with a state badge, external id, controller and version; below, the personal-data
/// items grouped by category and purpose, and tabs with consents, requests, disclosures and the subject's audit
/// timeline. Correct, Block, Unblock, Anonymize and Delete open their dialogs; each change is made against the
/// version the page shows, so a change someone else made first is reported (ErrorCode::Conflict) and the page
/// reloads. Commands the role may not use, or the subject's state forbids, are disabled with the reason as tooltip.
class SubjectPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubjectPanel)

public:
    enum class Command { Correct, Block, Unblock, Anonymize, Delete };

    SubjectPanel(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);
    ~SubjectPanel() override;

    /// Loads and shows a subject (recorded in the audit trail as "subject.view"). On an error the message is shown
    /// and false returned.
    bool open(qint64 subjectId);
    /// Reads the shown subject again; false (and a message) when it failed.
    bool reload();
    qint64 subjectId() const { return m_details.subject.id; }
    const SubjectDetails &details() const { return m_details; }

    /// Why `command` cannot be used now (role, state, nothing selected), empty when it can.
    QString whyNot(Command command) const;
    /// Opens the command's dialog (nothing when whyNot() says no).
    void run(Command command);

    /// The text of the state badge ("Active", "Blocked", "Anonymized").
    QString stateBadgeText() const;
    SubjectDataTree *dataTree() const { return m_tree; }
    SubjectRecordTabs *recordTabs() const { return m_tabs; }
    /// The dialog a command opened and that is still open (null when none).
    QWidget *openDialog() const { return m_dialog; }

    /// Splitter sizes, for QSettings; empty when the page was never shown (its sizes mean nothing then).
    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray &state);

protected:
    void showEvent(QShowEvent *event) override;

signals:
    /// Back to the list (button, Escape, Alt+Left).
    void backRequested();
    /// The subject changed here (the list refreshes).
    void subjectChanged();
    /// The subject was deleted here; the page goes back to the list.
    void subjectDeleted();
    /// What whyNot() answers may have changed (selection, state).
    void commandsChanged();

private:
    void showDetails();
    void updateCommands();
    void correct();
    void block();
    void unblock();
    void irreversible(Command command);
    /// Shows a refused change; on a conflict the page reloads. True when it was a conflict.
    bool showRefusal(const QString &title, const Error &error);
    QString subjectName() const;

    std::shared_ptr<Database> m_database;
    Session m_session;
    SubjectDetails m_details;
    QLabel *m_name = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_blockNote = nullptr;
    QPushButton *m_buttons[5] = {};
    SubjectDataTree *m_tree = nullptr;
    SubjectRecordTabs *m_tabs = nullptr;
    QSplitter *m_splitter = nullptr;
    QPointer<QWidget> m_dialog;
    bool m_shown = false;
};

} // namespace pd
