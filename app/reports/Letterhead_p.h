#pragma once

// Private to app/reports/: the controller at the head of a report, and what the register says of a purpose.

#include "app/domain/Retention.h"
#include "app/policy/Profile.h"

#include <QCoreApplication>
#include <QStringList>

namespace pd::reporting {

/// The controller's name, address, country, contact, DPO and representative, a line each (what is not recorded is
/// left out).
inline QStringList letterhead(const ProfileController &controller)
{
    QStringList lines{controller.name, controller.address, controller.country, controller.contact};
    if (!controller.dpoContact.isEmpty()) {
        lines << QCoreApplication::translate("pd::Reports", "Data protection officer: %1").arg(controller.dpoContact);
    }
    if (!controller.representative.isEmpty()) {
        lines << QCoreApplication::translate("pd::Reports", "Representative: %1").arg(controller.representative);
    }
    lines.removeAll(QString());
    return lines;
}

/// How long a purpose keeps its data: the policy's own words, or the rule spelt out.
inline QString retentionOf(const ProfilePurpose &purpose)
{
    if (!purpose.retentionText.isEmpty()) {
        return purpose.retentionText;
    }
    RetentionRule rule;
    rule.kind = purpose.retention;
    rule.months = purpose.retentionMonths;
    rule.event = purpose.retentionEvent;
    return retentionRuleSpelling(rule);
}

} // namespace pd::reporting
