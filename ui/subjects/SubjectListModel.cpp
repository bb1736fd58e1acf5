#include "ui/subjects/SubjectListModel.h"

#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "ui/common/Labels.h"
#include "ui/subjects/SubjectRowLoader.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <limits>

namespace pd {

namespace {

const QString kStateActive = QStringLiteral("active");
const QString kStateBlocked = QStringLiteral("blocked");
const QString kStateAnonymized = QStringLiteral("anonymized");

} // namespace

SubjectListModel::SubjectListModel(std::shared_ptr<Database> database, const Session &session, QObject *parent)
    : QAbstractTableModel(parent), m_database(std::move(database)), m_session(session),
      m_canView(Permissions::allows(session.role, Action::ViewPersonalData)),
      m_lockIcon(QStringLiteral(":/icons/blocked.svg"))
{
    m_thread.setObjectName(QStringLiteral("SubjectRowLoader"));
    m_loader = new SubjectRowLoader(m_database, session);
    m_loader->moveToThread(&m_thread);
    // `finished` is emitted on the worker thread itself: the connection must be closed by the thread that made it.
    connect(&m_thread, &QThread::finished, m_loader, &SubjectRowLoader::releaseConnection, Qt::DirectConnection);
    connect(&m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &SubjectRowLoader::countLoaded, this, &SubjectListModel::onCountLoaded);
    connect(m_loader, &SubjectRowLoader::pageLoaded, this, &SubjectListModel::onPageLoaded);
    m_thread.start();
    if (!m_canView) {
        // Asking would only be refused: say why once, and never query.
        m_lastError = Permissions::check(session, Action::ViewPersonalData).error().message;
        return;
    }
    startCount();
}

SubjectListModel::~SubjectListModel()
{
    // Requests still queued are dropped with the loader; only the query in progress is waited for.
    m_thread.quit();
    m_thread.wait();
}

int SubjectListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int SubjectListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubjectListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rowCount || index.column() >= ColumnCount) {
        return {};
    }
    const int page = index.row() / kPageSize;
    const auto found = m_pages.find(page);
    if (found == m_pages.end()) {
        if (role == Qt::DisplayRole) {
            requestPage(page);
            return QStringLiteral("\u2026");
        }
        return {};
    }
    found->lastUse = ++m_useClock;
    if (found->stale && role == Qt::DisplayRole) {
        requestPage(page); // the old rows stay on screen until the new ones arrive
    }
    const int offset = index.row() % kPageSize;
    if (offset >= found->rows.size()) {
        return {}; // the table shrank after it was counted
    }
    return rowData(found->rows.at(offset), index.column(), role);
}

QVariant SubjectListModel::rowData(const Row &row, int column, int role) const
{
    const SubjectRow &subject = row.subject;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Id:
            return subject.id;
        case Name:
            return subject.displayName;
        case IpAddress:
            return subject.matchedIp;
        case Email:
            return subject.email;
        case Phone:
            return subject.phone;
        case ExternalId:
            return subject.externalId;
        case State:
            return stateLabel(subject.state);
        case Controller:
            return subject.controller;
        case Created:
            return row.created;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DecorationRole:
        if (column == Name && row.blocked) {
            return m_lockIcon;
        }
        return {};
    case Qt::ForegroundRole:
        if (row.blocked || row.anonymized) {
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        }
        return {};
    case Qt::FontRole:
        if (row.anonymized) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Id) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case SubjectIdRole:
        return subject.id;
    case StateRole:
        return subject.state;
    default:
        return {};
    }
}

QVariant SubjectListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
    case Id:
        return tr("Id");
    case Name:
        return tr("Name");
    case IpAddress:
        return tr("IP address");
    case Email:
        return tr("E-mail");
    case Phone:
        return tr("Phone");
    case ExternalId:
        return tr("External id");
    case State:
        return tr("State");
    case Controller:
        return tr("Controller");
    case Created:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

/// The state is a fixed vocabulary, not personal data: its label is translated like a header.
QString SubjectListModel::stateLabel(const QString &state)
{
    if (state == kStateActive) {
        return tr("Active");
    }
    if (state == kStateBlocked) {
        return tr("Blocked");
    }
    if (state == kStateAnonymized) {
        return tr("Anonymized");
    }
    return state;
}

bool SubjectListModel::isSortable(int column)
{
    return column == Id || column == Name || column == Email || column == Created;
}

void SubjectListModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column)) {
        return;
    }
    const bool descending = order == Qt::DescendingOrder;
    if (column == m_sortColumn && descending == m_descending) {
        return;
    }
    m_sortColumn = column;
    m_descending = descending;
    switch (Column(column)) {
    case Name:
        m_sort = SubjectDirectory::Sort::Name;
        break;
    case Email:
        m_sort = SubjectDirectory::Sort::Email;
        break;
    case Created:
        m_sort = SubjectDirectory::Sort::Created;
        break;
    default:
        m_sort = SubjectDirectory::Sort::Id;
        break;
    }
    if (m_counting || m_refreshing || !m_canView) {
        startCount(); // the pending count's reset will clear the cache
        return;
    }
    // The number of rows stays; only their order changes, so no count is needed.
    ++m_generation;
    m_pending.clear();
    m_lastError.clear();
    beginResetModel();
    m_pages.clear();
    endResetModel();
}

void SubjectListModel::setFilter(const SubjectFilter &filter)
{
    if (filter == m_filter && !m_counting) {
        return;
    }
    m_filter = filter;
    startCount();
}

void SubjectListModel::reload()
{
    startCount();
}

void SubjectListModel::refresh()
{
    if (!m_canView) {
        return;
    }
    if (m_counting || !m_lastError.isEmpty()) {
        startCount(); // nothing on screen worth keeping
        return;
    }
    ++m_generation; // pages already asked for may predate the change
    m_refreshing = true;
    m_pending.clear();
    const quint64 generation = m_generation;
    const SubjectFilter filter = m_filter;
    SubjectRowLoader *loader = m_loader;
    QMetaObject::invokeMethod(
        m_loader, [loader, generation, filter] { loader->loadCount(generation, filter); }, Qt::QueuedConnection);
}

Result<QList<qint64>> SubjectListModel::subjectIds(const QList<int> &rows) const
{
    QHash<int, QList<SubjectRow>> fetched; // pages read here for rows the cache does not hold
    QList<qint64> ids;
    ids.reserve(rows.size());
    for (int row : rows) {
        if (row < 0 || row >= m_rowCount) {
            continue;
        }
        const int page = row / kPageSize;
        const int offset = row % kPageSize;
        if (const auto cached = m_pages.constFind(page); cached != m_pages.cend()) {
            if (offset < cached->rows.size()) {
                ids << cached->rows.at(offset).subject.id;
            }
            continue;
        }
        if (!fetched.contains(page)) {
            Result<QList<SubjectRow>> loaded = SubjectDirectory::page(
                *m_database, m_session, m_filter, m_sort, m_descending, qint64(page) * kPageSize, kPageSize);
            if (!loaded) {
                return loaded.error();
            }
            fetched.insert(page, loaded.value());
        }
        const QList<SubjectRow> &loadedRows = fetched[page];
        if (offset < loadedRows.size()) {
            ids << loadedRows.at(offset).id;
        }
    }
    return ids;
}

bool SubjectListModel::isRowLoaded(int row) const
{
    return !m_counting && row >= 0 && row < m_rowCount && m_pages.contains(row / kPageSize);
}

void SubjectListModel::startCount()
{
    if (!m_canView) {
        return;
    }
    ++m_generation;
    m_counting = true;
    m_refreshing = false;
    m_pending.clear();
    m_lastError.clear();
    const quint64 generation = m_generation;
    const SubjectFilter filter = m_filter;
    SubjectRowLoader *loader = m_loader;
    QMetaObject::invokeMethod(
        m_loader, [loader, generation, filter] { loader->loadCount(generation, filter); }, Qt::QueuedConnection);
}

void SubjectListModel::requestPage(int page) const
{
    if (m_counting || !m_lastError.isEmpty()) {
        return; // rows are not asked for before the count, nor again after a failure (reload() retries)
    }
    if (page == m_inFlightPage && m_inFlightGeneration == m_generation) {
        return;
    }
    const int queued = int(m_pending.indexOf(page));
    if (queued >= 0) {
        m_pending.move(queued, m_pending.size() - 1);
    } else {
        m_pending.append(page);
        if (m_pending.size() > kMaxPendingPages) {
            m_pending.removeFirst(); // scrolled past long ago; asked again if it is still on screen
        }
    }
    dispatchNext();
}

void SubjectListModel::dispatchNext() const
{
    // One request at a time: the newest wins, and the destructor never waits for more than one query.
    if (m_inFlightPage >= 0 || m_pending.isEmpty() || m_counting) {
        return;
    }
    const int page = m_pending.takeLast();
    m_inFlightPage = page;
    m_inFlightGeneration = m_generation;
    const quint64 generation = m_generation;
    const SubjectFilter filter = m_filter;
    const SubjectDirectory::Sort sort = m_sort;
    const bool descending = m_descending;
    SubjectRowLoader *loader = m_loader;
    QMetaObject::invokeMethod(
        m_loader,
        [loader, generation, filter, sort, descending, page] {
            loader->loadPage(generation, filter, sort, descending, page, kPageSize);
        },
        Qt::QueuedConnection);
}

void SubjectListModel::onCountLoaded(quint64 generation, qint64 count, const QString &error)
{
    if (generation != m_generation) {
        return;
    }
    if (m_refreshing) {
        m_refreshing = false;
        if (!error.isEmpty()) {
            m_lastError = error;
            emit loadFailed(error);
            return;
        }
        applyRefreshedCount(int(std::clamp<qint64>(count, 0, std::numeric_limits<int>::max())));
        return;
    }
    m_counting = false;
    m_lastError = error;
    beginResetModel();
    m_rowCount = int(std::clamp<qint64>(count, 0, std::numeric_limits<int>::max()));
    m_pages.clear();
    m_pending.clear();
    endResetModel();
    if (!error.isEmpty()) {
        emit loadFailed(error);
    }
    emit countChanged(m_rowCount);
    dispatchNext();
}

void SubjectListModel::applyRefreshedCount(int count)
{
    if (count > m_rowCount) {
        beginInsertRows(QModelIndex(), m_rowCount, count - 1);
        m_rowCount = count;
        endInsertRows();
    } else if (count < m_rowCount) {
        beginRemoveRows(QModelIndex(), count, m_rowCount - 1);
        m_rowCount = count;
        for (auto it = m_pages.begin(); it != m_pages.end();) {
            it = it.key() * kPageSize >= count ? m_pages.erase(it) : std::next(it);
        }
        endRemoveRows();
    }
    for (Page &page : m_pages) {
        page.stale = true;
    }
    emit countChanged(m_rowCount);
    if (m_rowCount > 0) {
        // Views ask for what they show, which requests the stale pages on screen again.
        emit dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1));
    }
    dispatchNext();
}

void SubjectListModel::onPageLoaded(quint64 generation, int page, const QList<SubjectRow> &rows, const QString &error)
{
    m_inFlightPage = -1;
    if (generation != m_generation) {
        dispatchNext();
        return;
    }
    if (!error.isEmpty()) {
        m_lastError = error;
        m_pending.clear();
        emit loadFailed(error);
        return;
    }
    storePage(page, rows);
    const int first = page * kPageSize;
    const int last = std::min(first + kPageSize, m_rowCount) - 1;
    if (first <= last) {
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
        emit pageLoaded(first, last - first + 1);
    }
    dispatchNext();
}

void SubjectListModel::storePage(int page, const QList<SubjectRow> &rows)
{
    Page stored;
    stored.lastUse = ++m_useClock;
    stored.rows.reserve(rows.size());
    for (const SubjectRow &subject : rows) {
        Row row;
        row.subject = subject;
        row.created = Labels::localTime(subject.createdAt);
        row.blocked = subject.state == kStateBlocked;
        row.anonymized = subject.state == kStateAnonymized;
        stored.rows.append(row);
    }
    // Evict before inserting, so that the cache never holds more than kMaxCachedPages, not even for a moment.
    m_pages.remove(page);
    while (m_pages.size() >= kMaxCachedPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUse < oldest->lastUse) {
                oldest = it;
            }
        }
        m_pages.erase(oldest);
    }
    m_pages.insert(page, stored);
    m_peakCachedPages = std::max(m_peakCachedPages, int(m_pages.size()));
}

} // namespace pd
