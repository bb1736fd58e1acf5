#pragma once

// Private to app/reports/: the controller at the head of a report.

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

} // namespace pd::reporting
