#pragma once

#include "app/policy/Profile.h"

#include <QCoreApplication>
#include <QString>

namespace pd {

/// The detail pane of the Purposes page: everything the record of processing holds about one purpose (GDPR art.
/// 30(1), Decree 422 sub. 3.5) as rich text, in the window's language; special categories, a DPIA that is needed,
/// automated decisions and transfers out of the controller's country stand out.
class PurposeDetails final
{
    Q_DECLARE_TR_FUNCTIONS(pd::PurposeDetails)
    Q_DISABLE_COPY_MOVE(PurposeDetails)

public:
    PurposeDetails() = delete;

    static QString html(const Profile &register_, const ProfilePurpose &purpose);
};

} // namespace pd
