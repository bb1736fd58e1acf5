#include "services/ProfileLoader.h"

namespace pd {

Result<Profile> ProfileLoader::parse(const QString &, const QString &fileName)
{
    return makeError(ErrorCode::InvalidArgument, fileName + QStringLiteral(": profiles not implemented yet"));
}

Result<Profile> ProfileLoader::load(const QString &path)
{
    return parse(QString(), path);
}

QString ProfileLoader::defaultProfilePath()
{
    return QStringLiteral(":/profiles/demo.profile");
}

QStringList ProfileLoader::builtInProfiles()
{
    return {};
}

} // namespace pd
