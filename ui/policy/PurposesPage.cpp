#include "ui/policy/PurposesPage.h"

#include "app/domain/Vocabulary.h"
#include "app/policy/PurposeRegister.h"
#include "ui/common/EmptyState.h"
#include "ui/common/Labels.h"
#include "ui/common/PageTitle.h"

#include <QHeaderView>
#include <QLocale>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace pd {

PurposesPage::PurposesPage(std::shared_ptr<Database> database, QWidget *parent)
    : QWidget(parent), m_database(std::move(database))
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("purposeTable"));
    m_table->setHorizontalHeaderLabels({tr("Controller"), tr("Purpose"), tr("Legal ground"), tr("Categories"),
                                        tr("Retention"), tr("Countries"), tr("Recipients")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);

    m_empty = new EmptyState(this);
    m_empty->setObjectName(QStringLiteral("purposeEmptyState"));

    m_views = new QStackedWidget(this);
    m_views->addWidget(m_table);
    m_views->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Purposes"), this));
    layout->addWidget(m_views, 1);
}

void PurposesPage::showEvent(QShowEvent *event)
{
    reload();
    QWidget::showEvent(event);
}

void PurposesPage::reload()
{
    const Result<QList<PurposeRegister::Row>> rows = PurposeRegister::list(*m_database);
    m_table->setRowCount(0);
    if (!rows) {
        m_empty->setContent(tr("The register of purposes could not be read."), rows.error().message);
        m_views->setCurrentWidget(m_empty);
        return;
    }
    if (rows->isEmpty()) {
        m_empty->setContent(tr("No processing purposes are registered yet."),
                            tr("The register is filled from a policy profile, which names each purpose with its "
                               "legal ground, data categories, retention and recipients:"),
                            QStringLiteral("privacydesk-cli init --profile FILE"),
                            QIcon(QStringLiteral(":/icons/purposes.svg")));
        m_views->setCurrentWidget(m_empty);
        return;
    }
    m_table->setRowCount(int(rows->size()));
    int line = 0;
    for (const PurposeRegister::Row &row : *rows) {
        const QString controllerTip = row.controllerKind == toString(ControllerKind::Client)
                                          ? tr("A client: we process this data on the client's instructions")
                                          : tr("Our own company: we decide why and how this data is processed");
        // Category keys ("account, technical") by their names in the language of the window.
        QStringList categories;
        for (const QString &key : row.dataCategories.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            categories << Labels::category(key.trimmed());
        }
        const QString cells[ColumnCount] = {
            row.controller,    row.title,     legalGroundLabel(row.legalGround), categories.join(QStringLiteral(", ")),
            row.retentionText, row.countries, QLocale().toString(row.recipients)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setToolTip(column == Controller ? controllerTip : cells[column]);
            if (column == Recipients) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            m_table->setItem(line, column, item);
        }
        ++line;
    }
    m_table->resizeColumnsToContents();
    // Category and country lists can be long; the tooltip shows the whole text.
    const int widest = 30 * fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (int column = 0; column < ColumnCount; ++column) {
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), widest));
    }
    m_views->setCurrentWidget(m_table);
}

QString PurposesPage::legalGroundLabel(const QString &stored)
{
    const std::optional<pd::LegalGround> ground = parseLegalGround(stored);
    if (!ground) {
        return stored;
    }
    switch (*ground) {
    case pd::LegalGround::Contract:
        return tr("Contract");
    case pd::LegalGround::Consent:
        return tr("Consent");
    case pd::LegalGround::LegitimateInterest:
        return tr("Legitimate interest");
    case pd::LegalGround::LegalObligation:
        return tr("Legal obligation");
    case pd::LegalGround::VitalInterest:
        return tr("Vital interest");
    case pd::LegalGround::PublicTask:
        return tr("Public task");
    }
    return stored;
}

} // namespace pd
