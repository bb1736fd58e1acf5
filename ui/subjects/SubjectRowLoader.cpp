#include "ui/subjects/SubjectRowLoader.h"

#include "app/storage/Database.h"

namespace pd {

SubjectRowLoader::SubjectRowLoader(std::shared_ptr<Database> database, const Session &session)
    : m_database(std::move(database)), m_session(session)
{
}

void SubjectRowLoader::loadCount(quint64 generation, const SubjectFilter &filter)
{
    const Result<qint64> counted = SubjectDirectory::count(*m_database, m_session, filter);
    if (!counted) {
        emit countLoaded(generation, 0, counted.error().message);
        return;
    }
    emit countLoaded(generation, counted.value(), QString());
}

void SubjectRowLoader::loadPage(quint64 generation, const SubjectFilter &filter, SubjectDirectory::Sort sort,
                                bool descending, int page, int pageSize)
{
    const Result<QList<SubjectRow>> rows =
        SubjectDirectory::page(*m_database, m_session, filter, sort, descending, qint64(page) * pageSize, pageSize);
    if (!rows) {
        emit pageLoaded(generation, page, {}, rows.error().message);
        return;
    }
    emit pageLoaded(generation, page, rows.value(), QString());
}

void SubjectRowLoader::releaseConnection()
{
    m_database->releaseThreadConnection();
}

} // namespace pd
