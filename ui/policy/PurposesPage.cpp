#include "ui/policy/PurposesPage.h"

#include "app/domain/Permissions.h"
#include "app/policy/ProfileExport.h"
#include "ui/common/EmptyState.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/PageTitle.h"
#include "ui/policy/PurposeDetails.h"
#include "ui/policy/RegisterLabels.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace pd {

namespace {

QTableWidget *makeTable(const char *name, const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(QLatin1String(name));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

/// One row of cells; the first cell keeps `key` (a code or a name) for the selection.
void addRow(QTableWidget *table, const QString &key, const QStringList &cells)
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        item->setToolTip(cells.at(column));
        if (column == 0) {
            item->setData(Qt::UserRole, key);
        }
        table->setItem(row, column, item);
    }
}

/// Columns fit their text up to a limit; the tooltip shows the rest.
void fitColumns(QTableWidget *table)
{
    table->resizeColumnsToContents();
    const int widest = 30 * table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (int column = 0; column < table->columnCount(); ++column) {
        table->setColumnWidth(column, std::min(table->columnWidth(column), widest));
    }
}

QPushButton *button(const QString &text, const char *name, QWidget *parent)
{
    auto *result = new QPushButton(text, parent);
    result->setObjectName(QLatin1String(name));
    return result;
}

} // namespace

PurposesPage::PurposesPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QWidget(parent), m_database(std::move(database)), m_session(session)
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("registerTabs"));
    m_tabs->addTab(purposesTab(), tr("Purposes"));

    m_controllers = makeTable("controllerTable",
                              {tr("Name"), tr("Our role"), tr("Country"), tr("Contact"), tr("Data protection officer"),
                               tr("Contract with the client")},
                              this);
    auto *newController = button(tr("New Controller..."), "newController", this);
    auto *editController = button(tr("Edit..."), "editController", this);
    connect(newController, &QPushButton::clicked, this, [this] { this->editController(QString()); });
    connect(editController, &QPushButton::clicked, this, [this] { this->editController(selectedCode(m_controllers)); });
    connect(m_controllers, &QTableWidget::cellDoubleClicked, this,
            [this] { this->editController(selectedCode(m_controllers)); });
    m_tabs->addTab(listTab(m_controllers, {newController, editController}), tr("Controllers"));

    m_systems =
        makeTable("systemTable", {tr("Name"), tr("Controller"), tr("Where the data is"), tr("Description")}, this);
    auto *newSystem = button(tr("New System..."), "newSystem", this);
    auto *editSystem = button(tr("Edit..."), "editSystem", this);
    connect(newSystem, &QPushButton::clicked, this, [this] { this->editSystem(QString()); });
    connect(editSystem, &QPushButton::clicked, this, [this] { this->editSystem(selectedCode(m_systems)); });
    connect(m_systems, &QTableWidget::cellDoubleClicked, this, [this] { this->editSystem(selectedCode(m_systems)); });
    m_tabs->addTab(listTab(m_systems, {newSystem, editSystem}), tr("Information systems"));

    m_processorTable = makeTable("processorTable",
                                 {tr("Name"), tr("Country"), tr("Safeguards"), tr("Contract"), tr("Purposes")}, this);
    auto *editProcessor = button(tr("Edit..."), "editProcessor", this);
    connect(editProcessor, &QPushButton::clicked, this,
            [this] { this->editProcessor(selectedCode(m_processorTable)); });
    connect(m_processorTable, &QTableWidget::cellDoubleClicked, this,
            [this] { this->editProcessor(selectedCode(m_processorTable)); });
    m_tabs->addTab(listTab(m_processorTable, {editProcessor}), tr("Processors"));
    m_tabs->setTabToolTip(ProcessorsTab, tr("Those who process data on our behalf (Decree 422: authorised persons)"));
    m_editing << newController << editController << newSystem << editSystem << editProcessor;

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Purposes"), this));
    layout->addWidget(m_tabs, 1);
    updateButtons();
}

QWidget *PurposesPage::purposesTab()
{
    m_table = makeTable("purposeTable",
                        {tr("Controller"), tr("Purpose"), tr("Legal ground"), tr("Categories"), tr("Retention"),
                         tr("Countries"), tr("Recipients"), tr("Status")},
                        this);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("purposeDetails"));
    m_details->setAccessibleName(tr("Record of processing of the selected purpose"));
    m_newPurpose = button(tr("&New Purpose..."), "newPurpose", this);
    m_editPurpose = button(tr("&Edit..."), "editPurpose", this);
    m_retire = button(tr("&Retire..."), "retirePurpose", this);
    connect(m_newPurpose, &QPushButton::clicked, this, [this] { editPurpose(QString()); });
    connect(m_editPurpose, &QPushButton::clicked, this, [this] { editPurpose(selectedCode(m_table)); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { editPurpose(selectedCode(m_table)); });
    connect(m_retire, &QPushButton::clicked, this, &PurposesPage::retireOrReinstate);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        showDetails();
        updateButtons();
    });
    m_editing << m_newPurpose << m_editPurpose << m_retire;

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // No purposes yet (or the register cannot be read): what to do instead of an empty table.
    m_empty = new EmptyState(this);
    m_empty->setObjectName(QStringLiteral("purposeEmptyState"));
    m_views = new QStackedWidget(this);
    m_views->addWidget(splitter);
    m_views->addWidget(m_empty);
    return listTab(m_views, {m_newPurpose, m_editPurpose, m_retire});
}

QWidget *PurposesPage::listTab(QWidget *content, const QList<QPushButton *> &buttons)
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *row = new QHBoxLayout;
    for (QPushButton *each : buttons) {
        row->addWidget(each);
    }
    row->addStretch(1);
    layout->addLayout(row);
    layout->addWidget(content, 1);
    return page;
}

void PurposesPage::showEvent(QShowEvent *event)
{
    reload();
    QWidget::showEvent(event);
}

void PurposesPage::reload()
{
    const QString selected = selectedCode(m_table);
    Result<Profile> read = ProfileExport::read(*m_database);
    Result<QList<RegisterEditor::Processor>> processors = RegisterEditor::processors(*m_database);
    if (!read || !processors) {
        m_empty->setContent(tr("The register of purposes could not be read."),
                            Labels::sentence((!read ? read.error() : processors.error()).message));
        m_views->setCurrentWidget(m_empty);
        return;
    }
    m_register = std::move(read).value();
    m_processors = std::move(processors).value();
    fillPurposes();
    fillControllers();
    fillSystems();
    fillProcessors();
    if (m_register.purposes.isEmpty()) {
        m_empty->setContent(tr("No processing purposes are registered yet."),
                            tr("Officers add them with New Purpose (a controller first, on the Controllers tab), or "
                               "load a policy profile, which names each purpose with its legal ground, data "
                               "categories, retention and recipients:"),
                            QStringLiteral("privacydesk-cli init --profile FILE"),
                            QIcon(QStringLiteral(":/icons/purposes.svg")));
        m_views->setCurrentWidget(m_empty);
    } else {
        m_views->setCurrentIndex(0);
    }
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 0)->data(Qt::UserRole).toString() == selected) {
            m_table->selectRow(row);
        }
    }
    if (m_table->currentRow() < 0 && m_table->rowCount() > 0) {
        m_table->selectRow(0);
    }
    showDetails();
    updateButtons();
}

void PurposesPage::fillPurposes()
{
    // Own purposes first: they are the ones the operator answers for as controller.
    QList<const ProfilePurpose *> purposes;
    QHash<QString, const ProfileController *> controllers;
    for (const ProfileController &controller : m_register.controllers) {
        controllers.insert(controller.code, &controller);
    }
    for (const ProfilePurpose &purpose : m_register.purposes) {
        purposes << &purpose;
    }
    const auto rank = [&controllers](const ProfilePurpose *purpose) {
        const ProfileController *controller = controllers.value(purpose->controller);
        return std::make_tuple(controller && controller->kind == ControllerKind::Own ? 0 : 1,
                               controller ? controller->name : QString(), purpose->title);
    };
    std::stable_sort(purposes.begin(), purposes.end(),
                     [&rank](const ProfilePurpose *a, const ProfilePurpose *b) { return rank(a) < rank(b); });
    m_table->setRowCount(0);
    for (const ProfilePurpose *purpose : purposes) {
        const ProfileController *controller = controllers.value(purpose->controller);
        QStringList categories;
        for (const QString &key : purpose->dataCategories) {
            categories << Labels::category(key);
        }
        const QString retention =
            purpose->categoryRetention.isEmpty()
                ? purpose->retentionText
                : tr("%1; %n category(ies) kept for other periods", nullptr, int(purpose->categoryRetention.size()))
                      .arg(purpose->retentionText);
        addRow(m_table, purpose->code,
               {controller ? controller->name : purpose->controller, purpose->title,
                RegisterLabels::legalGround(purpose->ground), categories.join(QStringLiteral(", ")), retention,
                purpose->countries.join(QStringLiteral(", ")), QLocale().toString(purpose->recipients.size()),
                purpose->retiredOn.isEmpty() ? tr("In use")
                                             : tr("Retired on %1").arg(Labels::localDate(purpose->retiredOn))});
        const int row = m_table->rowCount() - 1;
        m_table->item(row, Controller)
            ->setToolTip(controller && controller->kind == ControllerKind::Client
                             ? tr("A client: we process this data on the client's "
                                  "instructions")
                             : tr("Our own company: we decide why and how this data is "
                                  "processed"));
        m_table->item(row, Recipients)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (!purpose->retiredOn.isEmpty()) {
            for (int column = 0; column < ColumnCount; ++column) {
                m_table->item(row, column)->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            }
        }
    }
    fitColumns(m_table);
}

void PurposesPage::fillControllers()
{
    m_controllers->setRowCount(0);
    for (const ProfileController &controller : m_register.controllers) {
        addRow(m_controllers, controller.code,
               {controller.name, RegisterLabels::controllerKind(controller.kind), controller.country,
                controller.contact, controller.dpoContact, controller.contract});
    }
    fitColumns(m_controllers);
}

void PurposesPage::fillSystems()
{
    QHash<QString, QString> names;
    for (const ProfileController &controller : m_register.controllers) {
        names.insert(controller.code, controller.name);
    }
    m_systems->setRowCount(0);
    for (const ProfileSystem &system : m_register.systems) {
        addRow(m_systems, system.code,
               {system.name, names.value(system.controller), system.location, system.description});
    }
    fitColumns(m_systems);
}

void PurposesPage::fillProcessors()
{
    QHash<QString, QString> titles;
    for (const ProfilePurpose &purpose : m_register.purposes) {
        titles.insert(purpose.code, purpose.title);
    }
    m_processorTable->setRowCount(0);
    for (const RegisterEditor::Processor &processor : m_processors) {
        QStringList purposes;
        for (const QString &code : processor.purposes) {
            purposes << titles.value(code, code);
        }
        addRow(m_processorTable, processor.name,
               {processor.name, processor.country, processor.safeguards, processor.contract,
                purposes.join(QStringLiteral("; "))});
    }
    fitColumns(m_processorTable);
}

void PurposesPage::showDetails()
{
    const QString code = selectedCode(m_table);
    for (const ProfilePurpose &purpose : std::as_const(m_register.purposes)) {
        if (purpose.code == code) {
            m_details->setHtml(PurposeDetails::html(m_register, purpose));
            return;
        }
    }
    m_details->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Select a purpose to see its record of processing.")));
}

QString PurposesPage::selectedCode(QTableWidget *table) const
{
    const int row = table ? table->currentRow() : -1;
    return row >= 0 && table->item(row, 0) ? table->item(row, 0)->data(Qt::UserRole).toString() : QString();
}

void PurposesPage::updateButtons()
{
    const bool allowed = Permissions::allows(m_session.role, Action::ManagePurposes);
    for (QPushButton *each : std::as_const(m_editing)) {
        each->setEnabled(allowed);
        each->setToolTip(allowed ? QString() : Labels::notAllowed(m_session.role, Action::ManagePurposes));
    }
    const QString code = selectedCode(m_table);
    bool retired = false;
    for (const ProfilePurpose &purpose : std::as_const(m_register.purposes)) {
        retired = retired || (purpose.code == code && !purpose.retiredOn.isEmpty());
    }
    m_retire->setText(retired ? tr("&Reinstate...") : tr("&Retire..."));
    m_editPurpose->setEnabled(allowed && !code.isEmpty());
    m_retire->setEnabled(allowed && !code.isEmpty());
}

void PurposesPage::report(const Status &status, const QString &what)
{
    if (!status) {
        MessageBox::warning(this, what, Labels::sentence(status.error().message));
    }
    reload();
}

} // namespace pd
