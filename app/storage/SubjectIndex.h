#pragma once

#include "app/domain/Result.h"

#include <QSqlDatabase>

namespace pd {

/// Keeps a subject's search terms and its category and purpose lists (migration 3) in step with its items.
/// Each function works inside the caller's transaction.
class SubjectIndex
{
public:
    /// Recomputes the terms (name words, IPs of active or blocked items) and the lists of one subject.
    static Status refresh(QSqlDatabase &tx, qint64 subjectId);
    /// Removes every term of a subject (anonymization): nothing identifying stays findable.
    static Status clearTerms(QSqlDatabase &tx, qint64 subjectId);
    /// Rebuilds the terms of every subject (after migration 3 on an existing database).
    static Status rebuildAll(QSqlDatabase &tx);
};

} // namespace pd
