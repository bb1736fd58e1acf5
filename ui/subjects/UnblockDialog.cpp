#include "ui/subjects/UnblockDialog.h"

#include "ui/common/RequestIdEdit.h"
#include "ui/common/Style.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

UnblockDialog::UnblockDialog(const QString &subjectName, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("unblockDialog"));
    setWindowTitle(tr("Lift the block of %1").arg(subjectName));

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("required, e.g. accuracy verified"));
    m_reason->setAccessibleName(tr("Reason"));

    m_told = new QCheckBox(tr("The subject was &told before the block is lifted (GDPR art. 18(3))"), this);
    m_told->setObjectName(QStringLiteral("subjectTold"));
    m_how = new QLineEdit(this);
    m_how->setObjectName(QStringLiteral("howTold"));
    m_how->setPlaceholderText(tr("e.g. e-mail of 3 March, phone call today"));
    m_how->setAccessibleName(tr("How and when the subject was told"));
    m_request = new RequestIdEdit(this);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("unblockNote"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(Style::textStyle(Style::warning()));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(m_told);
    form->addRow(tr("&How and when:"), m_how);
    form->addRow(tr("Re&quest #:"), m_request);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_lift = buttons->addButton(tr("&Lift block"), QDialogButtonBox::AcceptRole);
    m_lift->setObjectName(QStringLiteral("liftButton"));
    m_lift->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canSubmit()) {
            emit submitted();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &UnblockDialog::validate);
    connect(m_told, &QCheckBox::toggled, this, &UnblockDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    setMinimumWidth(46 * fontMetrics().horizontalAdvance(QLatin1Char('M')));
    validate();
}

QString UnblockDialog::reason() const
{
    return m_reason->text().trimmed();
}

bool UnblockDialog::subjectWasTold() const
{
    return m_told->isChecked();
}

QString UnblockDialog::howTold() const
{
    return m_how->text().trimmed();
}

std::optional<qint64> UnblockDialog::requestId() const
{
    return m_request->requestId();
}

bool UnblockDialog::canSubmit() const
{
    return blocker().isEmpty();
}

QString UnblockDialog::blocker() const
{
    if (reason().isEmpty()) {
        return tr("Give a reason for lifting the block.");
    }
    if (!m_told->isChecked()) {
        return tr("The subject must be told before the block is lifted: tick the box once they were.");
    }
    return {};
}

void UnblockDialog::validate()
{
    const QString why = blocker();
    m_lift->setEnabled(why.isEmpty());
    m_lift->setToolTip(why);
    m_note->setText(why);
}

} // namespace pd
