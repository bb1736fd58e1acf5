#pragma once

#include "app/subjects/Subject.h"

#include <QJsonObject>

namespace pd {

/// A subject as `subjects search --json` lists it.
QJsonObject subjectJson(const SubjectRow &row);
/// A subject with all its data, as `subject show --json` prints it and an access request attaches it. Values the
/// operator may not see are "(hidden)".
QJsonObject subjectJson(const SubjectDetails &details);

} // namespace pd
