#include "ui/subjects/CorrectDialog.h"

#include "app/domain/FieldRules.h"
#include "ui/common/Labels.h"
#include "ui/common/RequestIdEdit.h"
#include "ui/common/Style.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

namespace {

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // values are data, never markup
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

CorrectDialog::CorrectDialog(const SubjectDetails::Item &item, QWidget *parent)
    : QDialog(parent), m_itemId(item.id), m_field(item.field), m_current(item.value)
{
    setObjectName(QStringLiteral("correctDialog"));
    setWindowTitle(tr("Correct %1").arg(Labels::field(item.field)));

    auto *fieldLabel = valueLabel(this);
    fieldLabel->setText(tr("%1 (%2)").arg(Labels::field(item.field), Labels::category(item.category)));
    auto *purposeLabel = valueLabel(this);
    purposeLabel->setText(item.purposeTitle.isEmpty() ? tr("none recorded") : item.purposeTitle);
    m_currentLabel = valueLabel(this);
    m_currentLabel->setObjectName(QStringLiteral("currentValue"));

    m_value = new QLineEdit(item.value, this);
    m_value->setObjectName(QStringLiteral("newValue"));
    m_value->setAccessibleName(tr("New value"));
    m_value->selectAll();
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("valueProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    Style::showAsError(m_problem);
    // Room for two lines from the start: the dialog does not jump, nor squeeze the message, as it comes and goes.
    m_problem->setMinimumHeight(2 * m_problem->fontMetrics().lineSpacing());

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("required, e.g. typo reported by the subject"));
    m_reason->setToolTip(tr("Kept in the audit trail: say why, without personal data."));
    m_reason->setAccessibleName(tr("Reason"));
    m_request = new RequestIdEdit(this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Field:"), fieldLabel);
    form->addRow(tr("Purpose:"), purposeLabel);
    form->addRow(tr("Current value:"), m_currentLabel);
    form->addRow(tr("&New value:"), m_value);
    form->addRow(QString(), m_problem);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("Re&quest #:"), m_request);

    auto *preview = new QGroupBox(tr("Preview"), this);
    m_before = valueLabel(preview);
    m_before->setObjectName(QStringLiteral("previewBefore"));
    m_after = valueLabel(preview);
    m_after->setObjectName(QStringLiteral("previewAfter"));
    auto *previewForm = new QFormLayout(preview);
    previewForm->addRow(tr("Before:"), m_before);
    previewForm->addRow(tr("After:"), m_after);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canSave()) {
            emit submitted();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_value, &QLineEdit::textChanged, this, &CorrectDialog::validate);
    connect(m_reason, &QLineEdit::textChanged, this, &CorrectDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(preview);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(46 * fontMetrics().horizontalAdvance(QLatin1Char('M')));
    setCurrentValue(item.value);
}

QString CorrectDialog::newValue() const
{
    return m_value->text().trimmed();
}

QString CorrectDialog::reason() const
{
    return m_reason->text().trimmed();
}

std::optional<qint64> CorrectDialog::requestId() const
{
    return m_request->requestId();
}

void CorrectDialog::setCurrentValue(const QString &value)
{
    m_current = value;
    m_currentLabel->setText(value);
    m_before->setText(value);
    validate();
}

QString CorrectDialog::problemText() const
{
    return m_problem->text();
}

bool CorrectDialog::canSave() const
{
    return m_save->isEnabled();
}

void CorrectDialog::validate()
{
    const QString value = newValue();
    const QString problem = FieldRules::valueProblem(m_field, m_value->text());
    const bool unchanged = problem.isEmpty() && value == m_current;
    m_problem->setText(problem.isEmpty() ? QString() : Labels::sentence(problem));
    m_after->setText(value);
    QFont font = m_after->font();
    font.setBold(value != m_current);
    m_after->setFont(font);
    m_save->setEnabled(problem.isEmpty() && !unchanged && !reason().isEmpty());
    QString why;
    if (unchanged) {
        why = tr("Type the corrected value first.");
    } else if (problem.isEmpty() && reason().isEmpty()) {
        why = tr("Give a reason for the correction first.");
    }
    m_save->setToolTip(why);
}

} // namespace pd
