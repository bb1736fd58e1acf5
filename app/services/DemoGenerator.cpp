#include "services/DemoGenerator.h"

namespace pd {

Result<DemoGenerator::Summary> DemoGenerator::generate(Database &, const Options &, const Progress &)
{
    return makeError(ErrorCode::Storage, QStringLiteral("not implemented yet"));
}

} // namespace pd
