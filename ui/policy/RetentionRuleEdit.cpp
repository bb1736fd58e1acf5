#include "ui/policy/RetentionRuleEdit.h"

#include "ui/policy/RegisterLabels.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSpinBox>

namespace pd {

RetentionRuleEdit::RetentionRuleEdit(QWidget *parent) : QWidget(parent)
{
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("ruleKind"));
    m_kind->setAccessibleName(tr("How long the data is kept"));
    for (const auto &[code, label] : RegisterLabels::retentionKinds()) {
        m_kind->addItem(label, code);
    }
    m_count = new QSpinBox(this);
    m_count->setObjectName(QStringLiteral("ruleCount"));
    m_count->setAccessibleName(tr("Length of the period"));
    m_count->setRange(1, 9999);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("ruleUnit"));
    m_unit->addItem(tr("months"), 1);
    m_unit->addItem(tr("years"), 12);
    m_event = new QComboBox(this);
    m_event->setObjectName(QStringLiteral("ruleEvent"));
    m_event->setAccessibleName(tr("Counted from"));
    for (const auto &[code, label] : RegisterLabels::retentionEvents()) {
        m_event->addItem(tr("after %1").arg(label), code);
    }
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("ruleAction"));
    m_action->setAccessibleName(tr("Then"));
    m_action->addItem(tr("then delete"), toString(RetentionAction::Delete));
    m_action->addItem(tr("then anonymize"), toString(RetentionAction::Anonymize));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kind);
    layout->addWidget(m_count);
    layout->addWidget(m_unit);
    layout->addWidget(m_event, 1);
    layout->addWidget(m_action);
    for (QComboBox *box : {m_kind, m_unit, m_event, m_action}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            updateState();
            emit changed();
        });
    }
    connect(m_count, &QSpinBox::valueChanged, this, &RetentionRuleEdit::changed);
    updateState();
}

RetentionRule RetentionRuleEdit::rule() const
{
    RetentionRule rule;
    rule.kind = parseRetentionKind(m_kind->currentData().toString()).value_or(RetentionKind::Legal);
    if (rule.kind == RetentionKind::Fixed) {
        rule.months = m_count->value() * m_unit->currentData().toInt();
        rule.event = m_event->currentData().toString();
    }
    rule.action = parseRetentionAction(m_action->currentData().toString()).value_or(RetentionAction::Delete);
    return rule;
}

void RetentionRuleEdit::setRule(const RetentionRule &rule)
{
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(toString(rule.kind))));
    const bool years = rule.months > 0 && rule.months % 12 == 0;
    m_unit->setCurrentIndex(years ? 1 : 0);
    m_count->setValue(std::max(1, years ? rule.months / 12 : rule.months));
    m_event->setCurrentIndex(std::max(0, m_event->findData(rule.event)));
    m_action->setCurrentIndex(std::max(0, m_action->findData(toString(rule.action))));
    updateState();
}

void RetentionRuleEdit::updateState()
{
    const bool fixed = m_kind->currentData().toString() == toString(RetentionKind::Fixed);
    m_count->setVisible(fixed);
    m_unit->setVisible(fixed);
    m_event->setVisible(fixed);
}

} // namespace pd
