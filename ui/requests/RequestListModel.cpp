#include "ui/requests/RequestListModel.h"

#include "app/requests/RequestRegister.h"
#include "ui/common/Labels.h"
#include "ui/common/QueryWorker.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace pd {

struct RequestListModel::Loaded
{
    Result<QList<RequestRecord>> rows = QList<RequestRecord>();
    qint64 total = 0;
    qint64 overdue = 0;
    qint64 dueSoon = 0;
};

RequestListModel::RequestListModel(std::shared_ptr<Database> database, const Session &session, QObject *parent)
    : QAbstractTableModel(parent), m_database(std::move(database)), m_session(session),
      m_worker(new QueryWorker(m_database, QStringLiteral("RequestListLoader"), this))
{
}

QString RequestListModel::regimeName(pd::Regime regime)
{
    return Labels::regime(regime);
}

QColor RequestListModel::ageForeground(RequestAge age)
{
    switch (age) {
    case RequestAge::Overdue:
        return QColor(0xb3, 0x26, 0x1e);
    case RequestAge::DueIn3:
        return QColor(0xa6, 0x4b, 0x00);
    case RequestAge::DueIn7:
    case RequestAge::Later:
        break;
    }
    return {};
}

QColor RequestListModel::ageBackground(RequestAge age)
{
    switch (age) {
    case RequestAge::Overdue:
        return QColor(0xfd, 0xe7, 0xe5);
    case RequestAge::DueIn3:
        return QColor(0xff, 0xef, 0xdc);
    case RequestAge::DueIn7:
        return QColor(0xff, 0xf8, 0xd6);
    case RequestAge::Later:
        break;
    }
    return {};
}

void RequestListModel::setFilter(const RequestFilter &filter)
{
    m_filter = filter;
    load(kPageSize);
}

void RequestListModel::reload()
{
    load(std::max<int>(kPageSize, int(m_rows.size())));
}

void RequestListModel::load(int rows)
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_fetching = false; // a page still on its way belongs to the earlier load and is dropped
    const Session session = m_session;
    const RequestFilter filter = m_filter;
    m_worker->post<Loaded>(
        [session, filter, rows](Database &database) {
            Loaded result;
            const Result<qint64> total = RequestRegister::count(database, session, filter);
            if (!total) {
                result.rows = total.error();
                return result;
            }
            result.total = total.value();
            // The summary counts what the list shows, by deadline (unless the list is itself one deadline bucket).
            if (!filter.age) {
                RequestFilter overdue = filter;
                overdue.age = RequestAge::Overdue;
                RequestFilter soon = filter;
                soon.age = RequestAge::DueIn3;
                const Result<qint64> late = RequestRegister::count(database, session, overdue);
                const Result<qint64> close = RequestRegister::count(database, session, soon);
                result.overdue = late ? late.value() : 0;
                result.dueSoon = close ? close.value() : 0;
            }
            result.rows = RequestRegister::page(database, session, filter, RequestRegister::Sort::Due, 0, rows);
            return result;
        },
        [this, generation](const Loaded &result) { applyLoaded(generation, result); });
}

void RequestListModel::applyLoaded(quint64 generation, const Loaded &result)
{
    if (generation != m_generation) {
        return; // a later filter or reload is on its way
    }
    m_loading = false;
    m_today = m_filter.effectiveToday();
    beginResetModel();
    if (!result.rows) {
        m_lastError = result.rows.error().message;
        m_rows.clear();
        m_total = m_overdue = m_dueSoon = 0;
    } else {
        m_lastError.clear();
        m_rows = result.rows.value();
        m_total = result.total;
        m_overdue = result.overdue;
        m_dueSoon = result.dueSoon;
    }
    endResetModel();
    emit loaded();
}

const RequestRecord *RequestListModel::record(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int RequestListModel::rowOf(qint64 requestId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == requestId) {
            return row;
        }
    }
    return -1;
}

int RequestListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestListModel::data(const QModelIndex &index, int role) const
{
    const RequestRecord *r = record(index.row());
    if (!r) {
        return {};
    }
    const QDate &today = m_today;
    const std::optional<RequestAge> age =
        r->isOpen() ? std::optional(requestAge(r->effectiveDue(), today)) : std::nullopt;
    switch (role) {
    case RequestIdRole:
        return r->id;
    case AgeRole:
        return age ? QVariant(int(*age)) : QVariant();
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Number:
            return QStringLiteral("#%1").arg(r->id);
        case Type:
            return Labels::requestType(toString(r->type));
        case Regime:
            return regimeName(r->regime);
        case Status: {
            QString status = Labels::requestStatus(toString(r->status));
            if (r->pausedSince.isValid()) {
                status += QStringLiteral(" · ") + tr("clock stopped");
            }
            return r->duplicateOf ? status + QStringLiteral(" · ") + tr("duplicate?") : status;
        }
        case Requester:
            return r->requesterName;
        case Received:
            return QLocale().toString(r->received, QLocale::ShortFormat);
        case Due: {
            const QString date = QLocale().toString(r->effectiveDue(), QLocale::ShortFormat);
            if (!age) {
                return date;
            }
            const qint64 days = today.daysTo(r->effectiveDue());
            if (days < 0) {
                return tr("%1 (%Ln day(s) overdue)", nullptr, int(-days)).arg(date);
            }
            return days == 0 ? tr("%1 (today)").arg(date) : tr("%1 (%Ln day(s) left)", nullptr, int(days)).arg(date);
        }
        case Assignee:
            return r->assigneeName;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ForegroundRole: {
        const QColor color = age ? ageForeground(*age) : QColor(0x6b, 0x6b, 0x6b); // closed requests are greyed
        return color.isValid() ? QVariant(QBrush(color)) : QVariant();
    }
    case Qt::BackgroundRole: {
        const QColor color = age ? ageBackground(*age) : QColor();
        return color.isValid() ? QVariant(QBrush(color)) : QVariant();
    }
    case Qt::FontRole:
        if (age == RequestAge::Overdue && index.column() == Due) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (age == RequestAge::Overdue) {
            return tr("Overdue: the legal deadline has passed");
        }
        if (age == RequestAge::DueIn3) {
            return tr("Due within 3 days");
        }
        if (age == RequestAge::DueIn7) {
            return tr("Due within 7 days");
        }
        return {};
    default:
        return {};
    }
}

QVariant RequestListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(section)) {
    case Number:
        return tr("No.");
    case Type:
        return tr("Type");
    case Regime:
        return tr("Law");
    case Status:
        return tr("Status");
    case Requester:
        return tr("Requester");
    case Received:
        return tr("Received");
    case Due:
        return tr("Due");
    case Assignee:
        return tr("Assigned to");
    case ColumnCount:
        break;
    }
    return {};
}

bool RequestListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && !m_fetching && m_rows.size() < m_total;
}

void RequestListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    m_fetching = true;
    const quint64 generation = m_generation;
    const Session session = m_session;
    const RequestFilter filter = m_filter;
    const int offset = int(m_rows.size());
    m_worker->post<Result<QList<RequestRecord>>>(
        [session, filter, offset](Database &database) {
            return RequestRegister::page(database, session, filter, RequestRegister::Sort::Due, offset, kPageSize);
        },
        [this, generation](const Result<QList<RequestRecord>> &page) {
            if (generation != m_generation) {
                return;
            }
            m_fetching = false;
            if (!page || page->isEmpty()) {
                m_total = m_rows.size(); // fewer than counted (deleted meanwhile), or the database refused
                return;
            }
            beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + page->size() - 1));
            m_rows.append(page.value());
            endInsertRows();
        });
}

} // namespace pd
