#pragma once

#include "app/domain/Session.h"
#include "app/subjects/SubjectDirectory.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace pd {

class Database;

/// Runs SubjectDirectory queries for SubjectListModel. It lives on the model's worker thread and uses that
/// thread's own connection; the model reaches it only through queued calls, and it answers with signals.
class SubjectRowLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubjectRowLoader)

public:
    /// Queries run on behalf of `session` (the services check its role).
    SubjectRowLoader(std::shared_ptr<Database> database, const Session &session);

    /// Counts the subjects matching `filter` and emits countLoaded with the same generation.
    void loadCount(quint64 generation, const pd::SubjectFilter &filter);
    /// Loads rows [page * pageSize, page * pageSize + pageSize) and emits pageLoaded with the same generation.
    void loadPage(quint64 generation, const pd::SubjectFilter &filter, pd::SubjectDirectory::Sort sort, bool descending,
                  int page, int pageSize);
    /// Closes the calling thread's connection. Called on the worker thread just before it ends.
    void releaseConnection();

signals:
    /// `error` is empty on success; it never contains personal data.
    void countLoaded(quint64 generation, qint64 count, const QString &error);
    /// `error` is empty on success; `rows` may be shorter than a page at the end or when rows were deleted.
    void pageLoaded(quint64 generation, int page, const QList<pd::SubjectRow> &rows, const QString &error);

private:
    std::shared_ptr<Database> m_database;
    const Session m_session;
};

} // namespace pd
