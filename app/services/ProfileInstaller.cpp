#include "services/ProfileInstaller.h"

namespace pd {

Result<ProfileInstaller::Summary> ProfileInstaller::install(Database &, const Profile &)
{
    return makeError(ErrorCode::Storage, QStringLiteral("not implemented yet"));
}

} // namespace pd
