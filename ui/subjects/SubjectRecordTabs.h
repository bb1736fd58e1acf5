#pragma once

#include "app/subjects/Subject.h"

#include <QTabWidget>

class QStackedWidget;
class QTableWidget;

namespace pd {

class EmptyState;

/// The subject page's lower half: consents (with policy versions, given and withdrawn), data-subject requests
/// (type, status, received, due), disclosures to third parties, and the audit timeline of the subject. Each tab
/// names its count and says so when it has nothing.
class SubjectRecordTabs final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubjectRecordTabs)

public:
    enum Tab { Consents, Requests, Disclosures, History, TabCount };
    /// On the Action cell of timeline rows: the stored audit action ("subject.correct", ...).
    static constexpr int ActionRole = Qt::UserRole + 1;

    explicit SubjectRecordTabs(QWidget *parent = nullptr);

    void setDetails(const SubjectDetails &details);
    QTableWidget *table(Tab tab) const { return m_tables[tab]; }

private:
    void fill(Tab tab, const QList<QStringList> &rows, const QString &emptyText);

    QTableWidget *m_tables[TabCount] = {};
    QStackedWidget *m_stacks[TabCount] = {};
    EmptyState *m_empty[TabCount] = {};
};

} // namespace pd
