#pragma once

#include "app/domain/Retention.h"

#include <QWidget>

class QComboBox;
class QSpinBox;

namespace pd {

/// A retention rule as an officer states it: what the period is (while the contract lasts, a period after an event,
/// ...), for a period its length and event, and what happens after it (delete or anonymize).
class RetentionRuleEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionRuleEdit)

public:
    explicit RetentionRuleEdit(QWidget *parent = nullptr);

    RetentionRule rule() const;
    void setRule(const RetentionRule &rule);

signals:
    void changed();

private:
    void updateState();

    QComboBox *m_kind = nullptr;
    QSpinBox *m_count = nullptr;
    QComboBox *m_unit = nullptr;
    QComboBox *m_event = nullptr;
    QComboBox *m_action = nullptr;
};

} // namespace pd
