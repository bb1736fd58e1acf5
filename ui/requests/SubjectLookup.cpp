#include "ui/requests/SubjectLookup.h"

#include "app/subjects/SubjectDirectory.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTimer>

namespace pd {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kDelayMs = 250;

bool isNumber(const QString &text)
{
    bool ok = false;
    QString(text).remove(QLatin1Char('#')).toLongLong(&ok);
    return ok;
}

QString describe(const SubjectRow &row)
{
    QStringList parts;
    for (const QString &part : {row.displayName, row.email, row.phone}) {
        if (!part.isEmpty()) {
            parts << part;
        }
    }
    if (parts.isEmpty()) {
        parts << SubjectLookup::tr("anonymized");
    }
    return SubjectLookup::tr("%1 (#%2)").arg(parts.join(QStringLiteral(" · "))).arg(row.id);
}

} // namespace

SubjectLookup::SubjectLookup(std::shared_ptr<Database> database, const Session &session, QLineEdit *edit)
    : QObject(edit), m_database(std::move(database)), m_session(session), m_edit(edit)
{
    m_matches = new QStandardItemModel(this);
    m_completer = new QCompleter(m_matches, this);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionRole(kIdRole); // choosing puts the number into the edit
    m_completer->setMaxVisibleItems(kMatches);
    m_completer->setWidget(edit);
    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(kDelayMs);
    connect(m_delay, &QTimer::timeout, this, &SubjectLookup::search);
    connect(edit, &QLineEdit::textEdited, this, [this] {
        m_chosenId.clear();
        m_chosenText.clear();
        m_delay->start();
    });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                m_chosenId = index.data(kIdRole).toString();
                m_chosenText = index.data(Qt::DisplayRole).toString();
                m_edit->setText(m_chosenId);
                emit chosen(m_chosenId.toLongLong(), m_chosenText);
            });
}

void SubjectLookup::search()
{
    m_delay->stop();
    const QString text = m_edit->text().trimmed();
    m_matches->clear();
    if (text.size() < 2 || isNumber(text)) {
        emit searched(0);
        return;
    }
    SubjectFilter filter;
    filter.text = text;
    const Result<QList<SubjectRow>> rows =
        SubjectDirectory::page(*m_database, m_session, filter, SubjectDirectory::Sort::Name, false, 0, kMatches);
    if (!rows) {
        emit searched(0); // not allowed or not readable: the field takes a number as before
        return;
    }
    for (const SubjectRow &row : rows.value()) {
        auto *item = new QStandardItem(describe(row));
        item->setData(QString::number(row.id), kIdRole);
        item->setEditable(false);
        m_matches->appendRow(item);
    }
    if (!rows->isEmpty() && m_edit->hasFocus()) {
        m_completer->complete();
    }
    emit searched(int(rows->size()));
}

} // namespace pd
