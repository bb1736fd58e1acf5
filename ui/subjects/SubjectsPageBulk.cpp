// The Subjects page's bulk actions: what they apply to, counted off the UI thread, their dialog and their end.
#include "ui/subjects/SubjectsPage.h"

#include "app/storage/Database.h"
#include "app/subjects/SubjectDirectory.h"
#include "ui/bulk/BulkActionDialog.h"
#include "ui/bulk/BulkJob.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/QueryWorker.h"
#include "ui/subjects/SubjectListModel.h"

#include <QCheckBox>
#include <QItemSelectionModel>
#include <QTableView>

#include <algorithm>

namespace pd {

bool SubjectsPage::targetsAllMatching() const
{
    // Every row selected is the same as "all matching", and needs no million indexes.
    const int selected = selectedRowCount();
    return m_allMatching->isChecked() || (selected > 0 && selected == m_model->rowCount());
}

Result<QList<qint64>> SubjectsPage::selectedIds() const
{
    QList<int> rows;
    rows.reserve(selectedRowCount());
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            rows << row;
        }
    }
    std::sort(rows.begin(), rows.end());
    return m_model->subjectIds(rows);
}

void SubjectsPage::startBulk(BulkAction::Kind kind)
{
    if (m_job || m_preparing) {
        return; // one at a time
    }
    struct Prepared
    {
        Result<QList<qint64>> ids = QList<qint64>();
        Result<BulkAction::Impact> impact = BulkAction::Impact();
    };
    const bool all = targetsAllMatching();
    const Result<QList<qint64>> selected = all ? Result<QList<qint64>>(QList<qint64>()) : selectedIds();
    const SubjectFilter filter = m_model->filter();
    const Session session = m_session;
    m_preparing = true;
    setCursor(Qt::BusyCursor);
    updateActions();
    m_worker->post<Prepared>(
        [all, selected, filter, session, kind](Database &database) {
            Prepared prepared;
            prepared.ids = all ? SubjectDirectory::ids(database, session, filter) : selected;
            if (prepared.ids && !prepared.ids->isEmpty() && kind != BulkAction::Kind::Block) {
                prepared.impact = BulkAction::impact(database, session, prepared.ids.value());
            }
            return prepared;
        },
        [this, kind](const Prepared &prepared) {
            m_preparing = false;
            unsetCursor();
            updateActions();
            openBulkDialog(kind, prepared.ids, prepared.impact);
            emit bulkPrepared();
        });
}

void SubjectsPage::openBulkDialog(BulkAction::Kind kind, const Result<QList<qint64>> &ids,
                                  const Result<BulkAction::Impact> &impact)
{
    const QString title = BulkActionDialog::actionTitle(kind, ids ? ids->size() : 0);
    if (!ids || !impact) {
        MessageBox::warning(this, title, Labels::sentence(ids ? impact.error().message : ids.error().message));
        return;
    }
    if (ids->isEmpty()) {
        MessageBox::information(this, title, tr("No subject is selected."));
        return;
    }
    auto *dialog = new BulkActionDialog(kind, ids->size(), impact.value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_bulkDialog = dialog;
    const QList<qint64> subjectIds = ids.value();
    connect(dialog, &BulkActionDialog::submitted, this, [this, dialog, subjectIds] {
        const BulkAction::Order order = dialog->order(subjectIds);
        dialog->accept();
        m_job = new BulkJob(m_database, m_session, order, m_batchSize, window(), this);
        connect(m_job, &BulkJob::finished, this, &SubjectsPage::jobFinished);
        m_job->start();
        updateActions();
    });
    dialog->open();
}

void SubjectsPage::jobFinished()
{
    BulkJob *job = m_job;
    m_job = nullptr;
    m_lastSummary = job->summary();
    const QString title = BulkActionDialog::actionTitle(job->order().kind, job->order().subjectIds.size());
    const bool failed = !job->error().isEmpty();
    job->deleteLater();
    m_model->refresh();
    updateActions();
    emit subjectsChanged();
    if (failed) {
        MessageBox::warning(this, title, m_lastSummary);
    } else {
        MessageBox::information(this, title, m_lastSummary);
    }
}

} // namespace pd
