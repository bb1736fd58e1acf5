#pragma once

// Private to app/demo/: the requests and facts of deletion the demo makes up beside its subjects.

#include "app/demo/SubjectMaker.h"
#include "app/domain/Result.h"

#include <QDate>
#include <QSqlDatabase>

namespace pd::demo {

/// Requests spread over the six months before `today`, with statuses that fit their age, about subjects
/// [firstSubject, firstSubject + subjects).
Status writeRequests(QSqlDatabase &db, const QDate &today, quint64 seed, qint64 firstSubject, qint64 subjects,
                     int count);
/// A few facts of earlier deletions (seed 004 §2.3.2), as the destruction act and event-log extract need them.
Status writeDeletions(QSqlDatabase &db, const DemoIds &ids, const QDate &today, quint64 seed, qint64 count);

} // namespace pd::demo
