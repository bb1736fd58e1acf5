#include "ui/subjects/SubjectRecordTabs.h"

#include "app/domain/VocabularyNames.h"
#include "ui/common/EmptyState.h"
#include "ui/common/Labels.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QPalette>
#include <QStackedWidget>
#include <QTableWidget>

#include <algorithm>

namespace pd {

namespace {

QString dash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("\u2014") : text;
}

} // namespace

SubjectRecordTabs::SubjectRecordTabs(QWidget *parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("subjectRecords"));
    const char *const names[TabCount] = {"subjectConsents", "subjectRequests", "subjectDisclosures", "subjectTimeline"};
    const QStringList headers[TabCount] = {
        {tr("Purpose"), tr("Policy version"), tr("Given"), tr("Withdrawn"), tr("Channel")},
        {tr("#"), tr("Type"), tr("Regime"), tr("Status"), tr("Received"), tr("Due")},
        {tr("Recipient"), tr("Country"), tr("Categories"), tr("Legal basis"), tr("Purpose"), tr("Disclosed")},
        {tr("Time"), tr("Operator"), tr("Action"), tr("Fields"), tr("Reason"), tr("Request")},
    };
    for (int tab = 0; tab < TabCount; ++tab) {
        auto *table = new QTableWidget(0, int(headers[tab].size()), this);
        table->setObjectName(QLatin1String(names[tab]));
        table->setHorizontalHeaderLabels(headers[tab]);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setAlternatingRowColors(true);
        table->setWordWrap(false);
        table->verticalHeader()->hide();
        table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
        table->horizontalHeader()->setHighlightSections(false);
        table->horizontalHeader()->setStretchLastSection(true);
        m_tables[tab] = table;
        m_empty[tab] = new EmptyState(this);
        m_stacks[tab] = new QStackedWidget(this);
        m_stacks[tab]->addWidget(table);
        m_stacks[tab]->addWidget(m_empty[tab]);
        addTab(m_stacks[tab], QString());
    }
}

void SubjectRecordTabs::setDetails(const SubjectDetails &details)
{
    QList<QStringList> rows;
    for (const SubjectDetails::Consent &consent : details.consents) {
        rows << QStringList{consent.purposeTitle, consent.policyVersion, Labels::localDate(consent.givenAt),
                            dash(Labels::localDate(consent.withdrawnAt)), VocabularyNames::channel(consent.channel)};
    }
    fill(Consents, rows, tr("No consent is recorded for this subject."));
    for (int row = 0; row < details.consents.size(); ++row) {
        if (!details.consents.at(row).withdrawnAt.isEmpty()) {
            for (int column = 0; column < m_tables[Consents]->columnCount(); ++column) {
                m_tables[Consents]
                    ->item(row, column)
                    ->setForeground(QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text));
            }
        }
    }

    rows.clear();
    for (const SubjectDetails::Request &request : details.requests) {
        rows << QStringList{QString::number(request.id),
                            Labels::requestType(request.type),
                            request.regime,
                            Labels::requestStatus(request.status),
                            Labels::localDate(request.receivedAt),
                            Labels::localDate(request.dueDate)};
    }
    fill(Requests, rows, tr("This subject has made no requests."));

    rows.clear();
    for (const SubjectDetails::Disclosure &disclosure : details.disclosures) {
        rows << QStringList{disclosure.recipient,  disclosure.country,      disclosure.categories,
                            disclosure.legalBasis, disclosure.purposeTitle, Labels::localDate(disclosure.disclosedAt)};
    }
    fill(Disclosures, rows, tr("Nothing of this subject was disclosed to third parties."));

    rows.clear();
    for (const SubjectDetails::Event &event : details.timeline) {
        const QString fields =
            event.fields == QStringList{QStringLiteral("*")} ? tr("all") : event.fields.join(QStringLiteral(", "));
        rows << QStringList{Labels::localTime(event.at),
                            event.operatorName,
                            Labels::auditAction(event.action),
                            fields,
                            event.reason,
                            event.requestId ? QString::number(*event.requestId) : QString()};
    }
    fill(History, rows, tr("Nothing is recorded about this subject yet."));
    for (int row = 0; row < details.timeline.size(); ++row) {
        QTableWidgetItem *action = m_tables[History]->item(row, 2);
        action->setData(ActionRole, details.timeline.at(row).action);
        action->setToolTip(details.timeline.at(row).action);
    }

    setTabText(Consents, tr("Consents (%1)").arg(details.consents.size()));
    setTabText(Requests, tr("Requests (%1)").arg(details.requests.size()));
    setTabText(Disclosures, tr("Disclosures (%1)").arg(details.disclosures.size()));
    setTabText(History, tr("History (%1)").arg(details.timeline.size()));
}

void SubjectRecordTabs::fill(Tab tab, const QList<QStringList> &rows, const QString &emptyText)
{
    QTableWidget *table = m_tables[tab];
    table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const QStringList &cells = rows.at(row);
        for (int column = 0; column < cells.size() && column < table->columnCount(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            table->setItem(row, column, item);
        }
    }
    if (!rows.isEmpty()) {
        table->resizeColumnsToContents();
        // Long texts (reasons, purposes) must not push the other columns off screen.
        const int widest = 28 * fontMetrics().horizontalAdvance(QLatin1Char('M'));
        for (int column = 0; column < table->columnCount(); ++column) {
            table->setColumnWidth(column, std::min(table->columnWidth(column), widest));
        }
    }
    m_empty[tab]->setContent(emptyText, QString());
    m_stacks[tab]->setCurrentWidget(rows.isEmpty() ? static_cast<QWidget *>(m_empty[tab]) : table);
}

} // namespace pd
