#pragma once

#include "app/access/AuditLog.h"
#include "app/domain/Session.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QThread;

namespace pd {

class AuditModel;
class Database;
class EmptyState;

/// The Audit page: the audit trail newest first, filtered by operator, kind of action, subject and dates, with the
/// verification of its hash chain. The chain is verified on a worker thread (its own connection) when the page is
/// first shown and on "Verify chain"; a break is shown in red, and its entry selected when it is in the list.
/// Only roles with Action::ViewAudit see entries; others see an explanation and nothing is queried.
class AuditPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)

public:
    /// At most one refresh per this many milliseconds, however many changes are announced.
    static constexpr int kRefreshDelayMs = 1000;
    /// Typing in the operator or subject field waits this long (milliseconds) before the list is filtered.
    static constexpr int kTypingDelayMs = 300;
    /// After new entries, the chain is verified again, but not more often than this (milliseconds): a pass reads
    /// the whole trail.
    static constexpr int kAutoVerifyMs = 30000;

    AuditPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);
    ~AuditPage() override;

    AuditModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /// Whether the session's role may read the trail.
    bool canView() const { return m_canView; }

    /// The filter from the fields, as the list uses it after applyFilter().
    AuditFilter filterFromFields() const;
    /// Filters the list by the fields now (without waiting for typing to pause).
    void applyFilter();
    /// Verifies the chain in the background; the result appears in the verification label.
    void verify();
    bool isVerifying() const { return m_verifyThread != nullptr; }
    /// What the verification label says now.
    QString verificationText() const;
    /// Data changed somewhere: reloads new entries within kRefreshDelayMs when visible, or when next shown.
    void scheduleRefresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createFilters();
    void fillOperatorNames();
    void refresh();
    void updateSummary();
    void showVerification(const Result<AuditLog::Verification> &result);
    void selectBrokenEntry();
    void scheduleVerify();

    std::shared_ptr<Database> m_database;
    Session m_session;
    bool m_canView = false;
    AuditModel *m_model = nullptr;

    QComboBox *m_operator = nullptr;
    QComboBox *m_action = nullptr;
    QLineEdit *m_subject = nullptr;
    QCheckBox *m_useFrom = nullptr;
    QDateEdit *m_from = nullptr;
    QCheckBox *m_useTo = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_clear = nullptr;
    QLabel *m_verification = nullptr;
    QPushButton *m_verify = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
    QStackedWidget *m_views = nullptr;
    QTableView *m_table = nullptr;
    EmptyState *m_empty = nullptr;

    QTimer m_typingDelay;
    QTimer m_refreshDelay;
    QTimer m_autoVerify;
    QElapsedTimer m_sinceVerify;
    bool m_shownOnce = false;
    bool m_stale = false;
    bool m_operatorsListed = false;
    QThread *m_verifyThread = nullptr;
    bool m_verifyAgain = false;
    qint64 m_brokenId = 0;
};

} // namespace pd
