// The Reports page's parameters: the fields each kind reads, and the parameters they make.
#include "ui/reports/ReportsPage.h"

#include "app/policy/ProfileExport.h"
#include "ui/common/RequestIdEdit.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QRegularExpressionValidator>
#include <QSpinBox>

#include <algorithm>

namespace pd {

void ReportsPage::createParameters(QWidget *box)
{
    m_form = new QFormLayout(box);
    m_form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    const QDate today = QDate::currentDate();
    auto *period = new QWidget(box);
    auto *periodLayout = new QHBoxLayout(period);
    periodLayout->setContentsMargins(0, 0, 0, 0);
    m_from = new QDateEdit(QDate(today.year(), 1, 1), period);
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to = new QDateEdit(today, period);
    m_to->setObjectName(QStringLiteral("reportTo"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        connect(edit, &QDateEdit::dateChanged, this, &ReportsPage::parametersChanged);
    }
    auto *dash = new QLabel(QStringLiteral("\u2013"), period);
    periodLayout->addWidget(m_from);
    periodLayout->addWidget(dash);
    periodLayout->addWidget(m_to);
    periodLayout->addStretch(1);
    m_form->addRow(tr("Period:"), period);

    m_controller = new QComboBox(box);
    m_controller->setObjectName(QStringLiteral("reportController"));
    connect(m_controller, &QComboBox::currentIndexChanged, this, &ReportsPage::parametersChanged);
    m_form->addRow(tr("Controller:"), m_controller);

    m_scope = new QComboBox(box);
    m_scope->setObjectName(QStringLiteral("destructionScope"));
    m_scope->addItems({tr("One subject's deletion"), tr("The erasure of a request"),
                       tr("Everything destroyed in a period"), tr("A retention sweep"), tr("Print an act again")});
    connect(m_scope, &QComboBox::currentIndexChanged, this, &ReportsPage::destructionScopeChanged);
    m_form->addRow(tr("Act covers:"), m_scope);

    m_subject = new QLineEdit(box);
    m_subject->setObjectName(QStringLiteral("reportSubject"));
    m_subject->setPlaceholderText(tr("Subject number, e.g. 1042"));
    // Wide enough for its hint in every language (the form keeps fields at their size hint).
    m_subject->setMinimumWidth(m_subject->fontMetrics().horizontalAdvance(m_subject->placeholderText()) + 24);
    m_subject->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[Ss]?-?\\d{0,12}")), m_subject));
    connect(m_subject, &QLineEdit::textChanged, this, &ReportsPage::parametersChanged);
    m_form->addRow(tr("Subject:"), m_subject);

    m_request = new RequestIdEdit(box);
    m_request->setObjectName(QStringLiteral("reportRequest"));
    m_request->setMinimumWidth(std::max(m_subject->minimumWidth(),
                                        m_request->fontMetrics().horizontalAdvance(m_request->placeholderText()) + 24));
    connect(m_request, &QLineEdit::textChanged, this, &ReportsPage::parametersChanged);
    m_form->addRow(tr("Request:"), m_request);

    m_sweep = new QDateEdit(today, box);
    m_sweep->setObjectName(QStringLiteral("reportSweep"));
    m_sweep->setCalendarPopup(true);
    m_sweep->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    connect(m_sweep, &QDateEdit::dateChanged, this, &ReportsPage::parametersChanged);
    m_form->addRow(tr("Sweep of:"), m_sweep);

    m_act = new QSpinBox(box);
    m_act->setObjectName(QStringLiteral("reportAct"));
    m_act->setRange(1, 999999999);
    connect(m_act, &QSpinBox::valueChanged, this, &ReportsPage::parametersChanged);
    m_form->addRow(tr("Act number:"), m_act);

    m_format = new QComboBox(box);
    m_format->setObjectName(QStringLiteral("reportFormat"));
    m_format->addItem(tr("PDF document"), int(ReportFormat::Pdf));
    m_format->addItem(tr("CSV table"), int(ReportFormat::Csv));
    m_format->addItem(tr("Excel workbook (XLSX)"), int(ReportFormat::Xlsx));
    m_format->addItem(tr("JSON"), int(ReportFormat::Json));
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        if (m_report) {
            showReport();
        }
        updateButtons();
    });
    m_form->addRow(tr("Format:"), m_format);
    fillControllers();
}

void ReportsPage::fillControllers()
{
    m_controller->clear();
    m_controller->addItem(tr("The first that applies"), QString());
    Result<Profile> profile = ProfileExport::read(*m_database);
    if (!profile) {
        return;
    }
    for (const ProfileController &controller : profile->controllers) {
        m_controller->addItem(controller.kind == ControllerKind::Own
                                  ? tr("%1 (our own)").arg(controller.name)
                                  : tr("%1 (a client we process for)").arg(controller.name),
                              controller.code);
    }
}

void ReportsPage::selectKind(ReportKind kind)
{
    m_list->setCurrentRow(int(m_kinds.indexOf(kind)));
}

std::optional<ReportKind> ReportsPage::currentKind() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_kinds.size() ? std::optional<ReportKind>(m_kinds.at(row)) : std::nullopt;
}

ReportFormat ReportsPage::format() const
{
    return ReportFormat(m_format->currentData().toInt());
}

void ReportsPage::setFormat(ReportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

ReportParameters ReportsPage::parameters() const
{
    ReportParameters parameters;
    const std::optional<ReportKind> kind = currentKind();
    if (!kind) {
        return parameters;
    }
    const Reports::Needs needs = Reports::needs(*kind);
    const auto subject = [this]() -> std::optional<qint64> {
        QString digits = m_subject->text();
        digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
        const qint64 id = digits.toLongLong();
        return id > 0 ? std::optional<qint64>(id) : std::nullopt;
    };
    if (needs.period) {
        parameters.from = m_from->date();
        parameters.to = m_to->date();
    }
    if (needs.controller) {
        parameters.controller = m_controller->currentData().toString();
    }
    if (needs.subject) {
        parameters.requestId = m_request->requestId();
        if (!parameters.requestId) {
            parameters.subjectId = subject();
        }
    }
    if (needs.destruction) {
        switch (Scope(m_scope->currentIndex())) {
        case Scope::Subject:
            parameters.subjectId = subject();
            break;
        case Scope::Request:
            parameters.requestId = m_request->requestId();
            break;
        case Scope::Period:
            parameters.from = m_from->date();
            parameters.to = m_to->date();
            break;
        case Scope::Sweep:
            parameters.retentionSweep = m_sweep->date();
            break;
        case Scope::Act:
            parameters.act = m_act->value();
            break;
        }
    }
    return parameters;
}

} // namespace pd
