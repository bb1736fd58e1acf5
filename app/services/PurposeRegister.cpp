#include "services/PurposeRegister.h"

namespace pd {

Result<QList<PurposeRegister::Row>> PurposeRegister::list(Database &)
{
    return QList<Row>();
}

} // namespace pd
