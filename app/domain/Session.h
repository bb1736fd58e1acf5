#pragma once

#include "app/domain/Vocabulary.h"

#include <QString>

namespace pd {

/// Who is acting: a signed-in operator. Services take a Session and check its role before they change anything.
struct Session
{
    qint64 operatorId = 0;
    QString name;
    Role role = Role::Auditor;

    bool isValid() const { return operatorId > 0; }
};

} // namespace pd
