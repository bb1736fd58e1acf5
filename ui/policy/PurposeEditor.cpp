#include "ui/policy/PurposeEditor.h"

#include "ui/common/Labels.h"
#include "ui/common/Style.h"
#include "ui/policy/RegisterLabels.h"
#include "ui/policy/RetentionRuleEdit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pd {

namespace {

QStringList listOf(const QLineEdit *edit)
{
    QStringList items;
    for (const QString &item : edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty()) {
            items << item.trimmed();
        }
    }
    return items;
}

QLineEdit *lineEdit(const char *name, QWidget *parent, const QString &placeholder = QString())
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setPlaceholderText(placeholder);
    return edit;
}

QComboBox *choice(const char *name, const QList<std::pair<QString, QString>> &items, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(QLatin1String(name));
    for (const auto &[code, label] : items) {
        box->addItem(label, code);
    }
    return box;
}

void select(QComboBox *box, const QString &code)
{
    box->setCurrentIndex(std::max(0, box->findData(code)));
}

/// A table edited in place, with Add and Remove under it.
QWidget *editableTable(QTableWidget *table, QPushButton *add, QPushButton *remove, QWidget *parent)
{
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setStretchLastSection(true);
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    QObject::connect(remove, &QPushButton::clicked, table, [table] {
        if (table->currentRow() >= 0) {
            table->removeRow(table->currentRow());
        }
    });
    return box;
}

} // namespace

PurposeEditor::PurposeEditor(const Profile &register_, const ProfilePurpose &purpose, Save save, QWidget *parent)
    : QDialog(parent), m_register(register_), m_original(purpose), m_save(std::move(save))
{
    setObjectName(QStringLiteral("purposeEditor"));
    setWindowTitle(purpose.code.isEmpty() ? tr("New Purpose") : tr("Edit Purpose: %1").arg(purpose.title));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(purposeTab(), tr("&Purpose"));
    m_tabs->addTab(dataTab(), tr("&Data"));
    m_tabs->addTab(retentionTab(), tr("&Retention and security"));
    m_tabs->addTab(recipientsTab(), tr("Re&cipients and transfers"));

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("purposeProblem"));
    m_problem->setWordWrap(true);
    Style::showAsError(m_problem);
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PurposeEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PurposeEditor::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    load(purpose);
    resize(980, 620);
}

QWidget *PurposeEditor::purposeTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_code = lineEdit("purposeCode", page, tr("lowercase letters, digits and '-', such as support-chat"));
    m_controller = new QComboBox(page);
    m_controller->setObjectName(QStringLiteral("purposeController"));
    for (const ProfileController &controller : m_register.controllers) {
        m_controller->addItem(controller.name, controller.code);
    }
    m_system = new QComboBox(page);
    m_system->setObjectName(QStringLiteral("purposeSystem"));
    m_system->addItem(tr("(none)"), QString());
    for (const ProfileSystem &system : m_register.systems) {
        m_system->addItem(system.name, system.code);
    }
    m_title = lineEdit("purposeTitle", page, tr("as the privacy policy words it"));
    m_description = lineEdit("purposeDescription", page);
    m_ground = choice("purposeGround", RegisterLabels::legalGrounds(), page);
    m_reference = lineEdit("purposeReference", page, tr("the article or clause, such as GDPR art. 6(1)(b)"));
    m_special = new QCheckBox(tr("Special categories of data (health, biometrics, beliefs, ...)"), page);
    m_special->setObjectName(QStringLiteral("purposeSpecial"));
    m_specialCondition = lineEdit("purposeSpecialCondition", page,
                                  tr("the condition that allows them, such as "
                                     "GDPR art. 9(2)(a) explicit consent"));
    m_automated = lineEdit("purposeAutomated", page, tr("none"));
    m_dpia = choice("purposeDpia", RegisterLabels::dpiaStatuses(), page);
    form->addRow(tr("C&ode:"), m_code);
    form->addRow(tr("&Controller:"), m_controller);
    form->addRow(tr("Information s&ystem:"), m_system);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("D&escription:"), m_description);
    form->addRow(tr("&Legal ground:"), m_ground);
    form->addRow(tr("Legal re&ference:"), m_reference);
    form->addRow(QString(), m_special);
    form->addRow(tr("Art. 9 co&ndition:"), m_specialCondition);
    form->addRow(tr("&Automated decisions:"), m_automated);
    form->addRow(tr("Impact assessment (DP&IA):"), m_dpia);
    connect(m_special, &QCheckBox::toggled, this, &PurposeEditor::updateState);
    connect(m_title, &QLineEdit::textChanged, this, &PurposeEditor::updateState);
    connect(m_code, &QLineEdit::textChanged, this, &PurposeEditor::updateState);
    return page;
}

QWidget *PurposeEditor::dataTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_subjects = lineEdit("purposeSubjects", page, tr("comma-separated, such as Customers, Visitors"));
    m_categories = new QListWidget(page);
    m_categories->setObjectName(QStringLiteral("purposeCategories"));
    for (const QString &category : allDataCategories()) {
        auto *item = new QListWidgetItem(Labels::category(category), m_categories);
        item->setData(Qt::UserRole, category);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    m_categories->setMaximumHeight(m_categories->sizeHintForRow(0) * (m_categories->count() + 1));
    m_fields = lineEdit("purposeFields", page, tr("comma-separated field names, such as name, email, phone"));
    m_source = lineEdit("purposeSource", page, tr("the subject, a client, public sources, ..."));
    m_processing = lineEdit("purposeProcessing", page, tr("comma-separated, such as collection, storage, deletion"));
    form->addRow(tr("Categories of &subjects:"), m_subjects);
    form->addRow(tr("Categories of &data:"), m_categories);
    form->addRow(tr("Data &fields:"), m_fields);
    form->addRow(tr("S&ource of the data:"), m_source);
    form->addRow(tr("&Kinds of processing:"), m_processing);
    connect(m_categories, &QListWidget::itemChanged, this, &PurposeEditor::updateState);
    return page;
}

QWidget *PurposeEditor::retentionTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_rule = new RetentionRuleEdit(page);
    m_rule->setObjectName(QStringLiteral("purposeRule"));
    m_ruleText = lineEdit("purposeRuleText", page, tr("the policy's own words for the period"));
    m_periods = new QTableWidget(0, 2, page);
    m_periods->setObjectName(QStringLiteral("purposePeriods"));
    m_periods->setHorizontalHeaderLabels({tr("Category"), tr("Kept, and the policy's words")});
    m_periods->setWordWrap(false);
    auto *add = new QPushButton(tr("Add a Period for a Category"), page);
    add->setObjectName(QStringLiteral("addPeriod"));
    auto *remove = new QPushButton(tr("Remove"), page);
    connect(add, &QPushButton::clicked, this, [this] { addCategoryPeriod({}); });
    m_deletion = lineEdit("purposeDeletion", page, tr("how the data is destroyed"));
    m_security = lineEdit("purposeSecurity", page, tr("technical and organisational measures"));
    form->addRow(tr("&Kept:"), m_rule);
    form->addRow(tr("The policy's &words:"), m_ruleText);
    form->addRow(tr("Categories kept\nfor other periods:"), editableTable(m_periods, add, remove, page));
    form->addRow(tr("&Destruction method:"), m_deletion);
    form->addRow(tr("Security &measures:"), m_security);
    return page;
}

QWidget *PurposeEditor::recipientsTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_countries = lineEdit("purposeCountries", page,
                           tr("ISO codes of the countries where the data is processed, "
                              "such as BY, DE"));
    m_recipients = new QTableWidget(0, 5, page);
    m_recipients->setObjectName(QStringLiteral("purposeRecipients"));
    m_recipients->setHorizontalHeaderLabels(
        {tr("Name"), tr("Kind"), tr("Country"), tr("Safeguards for a transfer"), tr("Contract")});
    auto *add = new QPushButton(tr("Add a Recipient"), page);
    add->setObjectName(QStringLiteral("addRecipient"));
    auto *remove = new QPushButton(tr("Remove"), page);
    connect(add, &QPushButton::clicked, this, [this] {
        addRecipient({QString(), RecipientRole::Processor, QString(), QString(), QString()});
    });
    form->addRow(tr("Co&untries:"), m_countries);
    form->addRow(tr("Recipients:"), editableTable(m_recipients, add, remove, page));
    return page;
}

void PurposeEditor::addCategoryPeriod(const ProfileCategoryRetention &entry)
{
    const int row = m_periods->rowCount();
    m_periods->insertRow(row);
    auto *category = new QComboBox(m_periods);
    for (const QString &code : allDataCategories()) {
        category->addItem(Labels::category(code), code);
    }
    select(category, entry.category);
    m_periods->setCellWidget(row, 0, category);
    // The rule, and under it the policy's own words for it.
    auto *cell = new QWidget(m_periods);
    auto *rule = new RetentionRuleEdit(cell);
    rule->setObjectName(QStringLiteral("periodRule"));
    rule->setRule({entry.retention, entry.retentionMonths, entry.retentionEvent, entry.retentionAction});
    auto *words = lineEdit("periodWords", cell, tr("the policy's own words for this period"));
    words->setText(entry.retentionText);
    auto *stack = new QVBoxLayout(cell);
    stack->setContentsMargins(2, 2, 2, 2);
    stack->setSpacing(2);
    stack->addWidget(rule);
    stack->addWidget(words);
    m_periods->setCellWidget(row, 1, cell);
    m_periods->setRowHeight(row, cell->sizeHint().height());
    m_periods->resizeColumnToContents(0);
}

void PurposeEditor::addRecipient(const ProfileRecipient &recipient)
{
    const int row = m_recipients->rowCount();
    m_recipients->insertRow(row);
    m_recipients->setItem(row, 0, new QTableWidgetItem(recipient.name));
    auto *kind = choice("recipientKind", RegisterLabels::recipientRoles(), m_recipients);
    select(kind, toString(recipient.role));
    m_recipients->setCellWidget(row, 1, kind);
    m_recipients->setItem(row, 2, new QTableWidgetItem(recipient.country));
    m_recipients->setItem(row, 3, new QTableWidgetItem(recipient.safeguards));
    m_recipients->setItem(row, 4, new QTableWidgetItem(recipient.contract));
    m_recipients->resizeColumnToContents(1);
}

void PurposeEditor::load(const ProfilePurpose &purpose)
{
    m_code->setText(purpose.code);
    m_code->setReadOnly(!purpose.code.isEmpty());
    select(m_controller, purpose.controller);
    select(m_system, purpose.system);
    m_title->setText(purpose.title);
    m_description->setText(purpose.description);
    select(m_ground, toString(purpose.ground));
    m_reference->setText(purpose.legalReference);
    m_special->setChecked(purpose.specialCategory);
    m_specialCondition->setText(purpose.specialCondition);
    m_automated->setText(purpose.automatedDecisions);
    select(m_dpia, toString(purpose.dpia));
    m_subjects->setText(purpose.subjectCategories.join(QStringLiteral(", ")));
    for (int row = 0; row < m_categories->count(); ++row) {
        QListWidgetItem *item = m_categories->item(row);
        item->setCheckState(purpose.dataCategories.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                                 : Qt::Unchecked);
    }
    m_fields->setText(purpose.dataFields.join(QStringLiteral(", ")));
    m_source->setText(purpose.dataSource);
    m_processing->setText(purpose.processingKinds.join(QStringLiteral(", ")));
    m_rule->setRule({purpose.retention, purpose.retentionMonths, purpose.retentionEvent, purpose.retentionAction});
    m_ruleText->setText(purpose.retentionText);
    for (const ProfileCategoryRetention &entry : purpose.categoryRetention) {
        addCategoryPeriod(entry);
    }
    m_deletion->setText(purpose.deletionMethod);
    m_security->setText(purpose.securityMeasures);
    m_countries->setText(purpose.countries.join(QStringLiteral(", ")));
    for (const ProfileRecipient &recipient : purpose.recipients) {
        addRecipient(recipient);
    }
    m_recipients->resizeColumnsToContents();
    updateState();
}

ProfilePurpose PurposeEditor::purpose() const
{
    ProfilePurpose purpose = m_original;
    purpose.code = m_code->text().trimmed();
    purpose.controller = m_controller->currentData().toString();
    purpose.system = m_system->currentData().toString();
    purpose.title = m_title->text().trimmed();
    purpose.description = m_description->text().trimmed();
    purpose.ground = parseLegalGround(m_ground->currentData().toString()).value_or(LegalGround::Contract);
    purpose.legalReference = m_reference->text().trimmed();
    purpose.specialCategory = m_special->isChecked();
    purpose.specialCondition = purpose.specialCategory ? m_specialCondition->text().trimmed() : QString();
    purpose.automatedDecisions = m_automated->text().trimmed();
    purpose.dpia = parseDpiaStatus(m_dpia->currentData().toString()).value_or(DpiaStatus::NotAssessed);
    purpose.subjectCategories = listOf(m_subjects);
    purpose.dataCategories.clear();
    for (int row = 0; row < m_categories->count(); ++row) {
        if (m_categories->item(row)->checkState() == Qt::Checked) {
            purpose.dataCategories << m_categories->item(row)->data(Qt::UserRole).toString();
        }
    }
    purpose.dataFields = listOf(m_fields);
    purpose.dataSource = m_source->text().trimmed();
    purpose.processingKinds = listOf(m_processing);
    const RetentionRule rule = m_rule->rule();
    purpose.retention = rule.kind;
    purpose.retentionMonths = rule.months;
    purpose.retentionEvent = rule.event;
    purpose.retentionAction = rule.action;
    purpose.retentionText = m_ruleText->text().trimmed();
    if (purpose.retentionText.isEmpty()) {
        purpose.retentionText = retentionRuleSpelling(rule);
    }
    purpose.categoryRetention.clear();
    for (int row = 0; row < m_periods->rowCount(); ++row) {
        const auto *category = qobject_cast<QComboBox *>(m_periods->cellWidget(row, 0));
        const QWidget *cell = m_periods->cellWidget(row, 1);
        const RetentionRule period = cell->findChild<RetentionRuleEdit *>()->rule();
        const QString words = cell->findChild<QLineEdit *>(QStringLiteral("periodWords"))->text().trimmed();
        purpose.categoryRetention.append({category->currentData().toString(), period.kind, period.months, period.event,
                                          words.isEmpty() ? retentionRuleSpelling(period) : words, period.action});
    }
    purpose.deletionMethod = m_deletion->text().trimmed();
    purpose.securityMeasures = m_security->text().trimmed();
    purpose.countries = listOf(m_countries);
    purpose.recipients.clear();
    for (int row = 0; row < m_recipients->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            return m_recipients->item(row, column) ? m_recipients->item(row, column)->text().trimmed() : QString();
        };
        const auto *kind = qobject_cast<QComboBox *>(m_recipients->cellWidget(row, 1));
        if (text(0).isEmpty()) {
            continue; // a row added and left empty
        }
        purpose.recipients.append(
            {text(0), parseRecipientRole(kind->currentData().toString()).value_or(RecipientRole::Processor), text(2),
             text(3), text(4)});
    }
    return purpose;
}

void PurposeEditor::updateState()
{
    m_specialCondition->setEnabled(m_special->isChecked());
}

void PurposeEditor::accept()
{
    const Status saved = m_save(purpose());
    if (!saved) {
        m_problem->setText(Labels::sentence(saved.error().message));
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace pd
