#include "ui/bulk/BulkActionDialog.h"

#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/RequestIdEdit.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace pd {

namespace {

/// Counts for %Ln, which takes an int.
int count(qint64 value)
{
    return int(std::min<qint64>(value, std::numeric_limits<int>::max()));
}

} // namespace

BulkActionDialog::BulkActionDialog(BulkAction::Kind kind, qint64 subjects, const BulkAction::Impact &impact,
                                   QWidget *parent)
    : QDialog(parent), m_kind(kind), m_subjects(subjects)
{
    setObjectName(QStringLiteral("bulkActionDialog"));
    setWindowTitle(actionTitle(kind, subjects));
    const bool irreversible = kind != BulkAction::Kind::Block;

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()
                        ->standardIcon(irreversible ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation,
                                       nullptr, this)
                        .pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    QString headline;
    switch (kind) {
    case BulkAction::Kind::Block:
        headline = tr("Blocked data is kept but not used: it is read-only and marked in every view until the block "
                      "is lifted.");
        break;
    case BulkAction::Kind::Anonymize:
        headline = tr("Values are removed or generalized; this cannot be undone.");
        break;
    case BulkAction::Kind::Delete:
        headline = tr("All data is destroyed; only the fact of deletion is kept.");
        break;
    }
    auto *headlineLabel = new QLabel(headline, this);
    headlineLabel->setObjectName(QStringLiteral("bulkHeadline"));
    headlineLabel->setWordWrap(true);
    QFont bold = headlineLabel->font();
    bold.setBold(irreversible);
    headlineLabel->setFont(bold);

    m_impact = irreversible ? describeImpact(kind, impact)
                            : tr("%Ln subject(s) will be blocked; subjects already blocked or anonymized are skipped.",
                                 nullptr, count(subjects));
    m_impactLabel = new QLabel(m_impact, this);
    m_impactLabel->setObjectName(QStringLiteral("bulkImpact"));
    m_impactLabel->setTextFormat(Qt::PlainText);
    m_impactLabel->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    auto *texts = new QVBoxLayout;
    texts->addWidget(headlineLabel);
    texts->addWidget(m_impactLabel);
    top->addLayout(texts, 1);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(irreversible ? tr("required, e.g. erasure request, retention period over")
                                              : tr("required, e.g. accuracy disputed while it is verified"));
    m_reason->setAccessibleName(tr("Reason"));
    m_request = new RequestIdEdit(this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Reason:"), m_reason);
    if (kind == BulkAction::Kind::Block) {
        m_hasUntil = new QCheckBox(tr("&Until"), this);
        m_hasUntil->setObjectName(QStringLiteral("hasUntil"));
        m_until = new QDateEdit(QDate::currentDate().addDays(30), this);
        m_until->setObjectName(QStringLiteral("until"));
        m_until->setCalendarPopup(true);
        m_until->setMinimumDate(QDate::currentDate().addDays(1));
        m_until->setEnabled(false);
        connect(m_hasUntil, &QCheckBox::toggled, m_until, &QWidget::setEnabled);
        auto *untilRow = new QHBoxLayout;
        untilRow->addWidget(m_hasUntil);
        untilRow->addWidget(m_until);
        untilRow->addStretch(1);
        form->addRow(tr("End:"), untilRow);
    }
    form->addRow(tr("Re&quest #:"), m_request);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QString runText = actionTitle(kind, subjects);
    if (subjects == 1) { // the title names the subject
        runText = kind == BulkAction::Kind::Block       ? tr("Block")
                  : kind == BulkAction::Kind::Anonymize ? tr("Anonymize")
                                                        : tr("Delete");
    }
    m_run = buttons->addButton(runText + (irreversible ? QStringLiteral("\u2026") : QString()),
                               QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("runButton"));
    // Enter must not start what cannot be undone.
    buttons->button(QDialogButtonBox::Cancel)->setDefault(irreversible);
    m_run->setDefault(!irreversible);
    m_run->setAutoDefault(!irreversible);
    connect(buttons, &QDialogButtonBox::accepted, this, &BulkActionDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &BulkActionDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(44 * fontMetrics().horizontalAdvance(QLatin1Char('M')));
    validate();
}

BulkAction::Order BulkActionDialog::order(const QList<qint64> &subjectIds) const
{
    BulkAction::Order order;
    order.kind = m_kind;
    order.subjectIds = subjectIds;
    order.reason = reason();
    order.requestId = m_request->requestId();
    if (m_hasUntil && m_hasUntil->isChecked()) {
        order.until = m_until->date();
    }
    return order;
}

QString BulkActionDialog::reason() const
{
    return m_reason->text().trimmed();
}

QString BulkActionDialog::impactText() const
{
    return m_impact;
}

bool BulkActionDialog::canSubmit() const
{
    return m_run->isEnabled();
}

QString BulkActionDialog::describeImpact(BulkAction::Kind kind, const BulkAction::Impact &impact)
{
    const QLocale locale;
    const auto number = [](qint64 value) { return count(value); };
    QStringList lines;
    lines << tr("%Ln subject(s)", nullptr, number(impact.subjects));
    QStringList categories;
    qint64 items = 0;
    for (auto it = impact.itemsByCategory.cbegin(); it != impact.itemsByCategory.cend(); ++it) {
        categories << tr("%1: %2").arg(Labels::category(it.key()), locale.toString(it.value()));
        items += it.value();
    }
    if (items > 0) {
        lines << tr("%Ln data item(s) \u2014 %1", nullptr, number(items)).arg(categories.join(QStringLiteral(", ")));
    } else {
        lines << tr("no data items");
    }
    lines << tr("%Ln consent record(s)", nullptr, number(impact.consents));
    lines << tr("%Ln disclosure(s) to third parties", nullptr, number(impact.disclosures));
    if (impact.blocked > 0) {
        lines << (kind == BulkAction::Kind::Delete
                      ? tr("%Ln of them blocked: deleting ends the block", nullptr, number(impact.blocked))
                      : tr("%Ln of them blocked", nullptr, number(impact.blocked)));
    }
    if (impact.withRequests > 0) {
        lines << tr("%Ln of them with data-subject requests", nullptr, number(impact.withRequests));
    }
    return QStringLiteral("\u2022 ") + lines.join(QStringLiteral("\n\u2022 "));
}

QString BulkActionDialog::actionTitle(BulkAction::Kind kind, qint64 subjects)
{
    const int n = count(subjects);
    switch (kind) {
    case BulkAction::Kind::Block:
        return tr("Block %Ln subject(s)", nullptr, n);
    case BulkAction::Kind::Anonymize:
        return tr("Anonymize %Ln subject(s)", nullptr, n);
    case BulkAction::Kind::Delete:
        return tr("Delete %Ln subject(s)", nullptr, n);
    }
    return {};
}

void BulkActionDialog::validate()
{
    const QString why = reason().isEmpty() ? tr("Give a reason first; it is kept in the audit trail.") : QString();
    m_run->setEnabled(why.isEmpty());
    m_run->setToolTip(why);
}

void BulkActionDialog::submit()
{
    if (!canSubmit()) {
        return;
    }
    if (m_kind != BulkAction::Kind::Block) {
        const QString question =
            (m_kind == BulkAction::Kind::Anonymize
                 ? tr("Anonymize %Ln subject(s)? Values are removed or generalized; this cannot be undone.", nullptr,
                      count(m_subjects))
                 : tr("Delete %Ln subject(s)? All data is destroyed; only the fact of deletion is kept.", nullptr,
                      count(m_subjects))) +
            QStringLiteral("\n\n") + tr("What will be lost:") + QLatin1Char('\n') + m_impact;
        if (MessageBox::question(this, windowTitle(), question) != QMessageBox::Yes) {
            return;
        }
    }
    emit submitted();
}

} // namespace pd
