#include "ui/audit/AuditModel.h"

#include "app/domain/VocabularyNames.h"
#include "app/storage/Database.h"
#include "ui/common/Labels.h"
#include "ui/common/Style.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>
#include <limits>

namespace pd {

AuditModel::AuditModel(std::shared_ptr<Database> database, const Session &session, QObject *parent)
    : QAbstractTableModel(parent), m_database(std::move(database)), m_session(session)
{
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditModel::display(const AuditRecord &record, int column) const
{
    const AuditEntry &entry = record.entry;
    switch (Column(column)) {
    case Id:
        return QString::number(record.id);
    case Time:
        return Labels::localTime(record.at);
    case Operator:
        return record.operatorName;
    case Action:
        return Labels::auditAction(entry.action);
    case Object:
        return entry.objectId.isEmpty()
                   ? VocabularyNames::objectType(entry.objectType)
                   : QStringLiteral("%1 #%2").arg(VocabularyNames::objectType(entry.objectType), entry.objectId);
    case Subject:
        return entry.subjectId ? QString::number(*entry.subjectId) : QString();
    case Request:
        return entry.requestId ? QString::number(*entry.requestId) : QString();
    case Fields:
        return entry.fields == QStringList{QStringLiteral("*")} ? tr("all") : entry.fields.join(QStringLiteral(", "));
    case Reason:
        return entry.reason;
    case Details:
        return entry.details;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_records.size() || index.column() >= ColumnCount) {
        return {};
    }
    const AuditRecord &record = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(record, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Time) {
            return tr("%1 (%2 UTC)").arg(Labels::fullTime(record.at), record.at);
        }
        if (index.column() == Action) {
            return record.entry.action; // the code, as the command line's --action takes it
        }
        if (index.column() == Reason || index.column() == Details || index.column() == Fields) {
            const QString text = display(record, index.column());
            return text.isEmpty() ? QVariant() : QVariant(text);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Id || index.column() == Subject || index.column() == Request) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ForegroundRole:
        if (record.id == m_brokenId) {
            return QBrush(Style::error());
        }
        return {};
    case Qt::FontRole:
        if (record.id == m_brokenId) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case EntryIdRole:
        return record.id;
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
    case Id:
        return tr("#");
    case Time:
        return tr("Time");
    case Operator:
        return tr("Operator");
    case Action:
        return tr("Action");
    case Object:
        return tr("Object");
    case Subject:
        return tr("Subject");
    case Request:
        return tr("Request");
    case Fields:
        return tr("Fields");
    case Reason:
        return tr("Reason");
    case Details:
        return tr("Details");
    case ColumnCount:
        break;
    }
    return {};
}

bool AuditModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_started && !m_exhausted && m_lastError.isEmpty();
}

void AuditModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    const Result<QList<AuditRecord>> found =
        AuditLog::find(*m_database, m_session, m_filter, int(m_records.size()), kBatchSize);
    if (!found) {
        fail(found.error().message);
        return;
    }
    m_exhausted = found->size() < kBatchSize;
    // Entries written since the last load move the offsets down: the ones already here come again.
    const qint64 oldest = m_records.isEmpty() ? std::numeric_limits<qint64>::max() : m_records.constLast().id;
    QList<AuditRecord> older;
    for (const AuditRecord &record : found.value()) {
        if (record.id < oldest) {
            older.append(record);
        }
    }
    if (older.isEmpty() && !found->isEmpty()) {
        // A whole batch of repeats: the trail grew by a batch or more. Taking the new entries in first puts the
        // offsets right again; the view asks for more afterwards.
        refresh();
        return;
    }
    if (!older.isEmpty()) {
        beginInsertRows(QModelIndex(), int(m_records.size()), int(m_records.size() + older.size()) - 1);
        m_records.append(older);
        endInsertRows();
    }
    emit loaded();
}

void AuditModel::setFilter(const AuditFilter &filter)
{
    m_filter = filter;
    beginResetModel();
    m_records.clear();
    m_started = true;
    m_exhausted = false;
    m_lastError.clear();
    endResetModel();
    if (count()) {
        fetchMore(QModelIndex());
    }
}

void AuditModel::refresh()
{
    if (!m_started || m_records.isEmpty() || !m_lastError.isEmpty()) {
        setFilter(m_filter);
        return;
    }
    if (!count()) {
        return;
    }
    const Result<QList<AuditRecord>> found = AuditLog::find(*m_database, m_session, m_filter, 0, kBatchSize);
    if (!found) {
        fail(found.error().message);
        return;
    }
    const qint64 newest = m_records.constFirst().id;
    QList<AuditRecord> newer;
    for (const AuditRecord &record : found.value()) {
        if (record.id > newest) {
            newer.append(record);
        }
    }
    if (newer.size() == found->size() && !newer.isEmpty()) {
        setFilter(m_filter); // more new entries than a batch: start again rather than leave a gap
        return;
    }
    if (!newer.isEmpty()) {
        beginInsertRows(QModelIndex(), 0, int(newer.size()) - 1);
        m_records = newer + m_records;
        endInsertRows();
    }
    emit loaded();
}

bool AuditModel::count()
{
    const Result<qint64> counted = AuditLog::count(*m_database, m_session, m_filter);
    if (!counted) {
        fail(counted.error().message);
        return false;
    }
    m_total = counted.value();
    return true;
}

void AuditModel::fail(const QString &message)
{
    m_lastError = message;
    emit loadFailed(message);
}

int AuditModel::rowOfEntry(qint64 id) const
{
    // Newest first, so the ids descend: a binary search finds the row.
    const auto found = std::lower_bound(m_records.cbegin(), m_records.cend(), id,
                                        [](const AuditRecord &record, qint64 wanted) { return record.id > wanted; });
    return found != m_records.cend() && found->id == id ? int(found - m_records.cbegin()) : -1;
}

void AuditModel::setBrokenEntry(qint64 id)
{
    const int before = rowOfEntry(m_brokenId);
    m_brokenId = id;
    for (int row : {before, rowOfEntry(id)}) {
        if (row >= 0) {
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

bool AuditModel::sameFilter(const AuditFilter &a, const AuditFilter &b)
{
    return a.operatorName == b.operatorName && a.action == b.action && a.subjectId == b.subjectId && a.from == b.from &&
           a.to == b.to;
}

} // namespace pd
