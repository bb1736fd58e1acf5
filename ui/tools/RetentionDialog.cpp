#include "ui/tools/RetentionDialog.h"

#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/ProgressJob.h"
#include "ui/common/QueryWorker.h"
#include "ui/common/Style.h"

#include <QCloseEvent>
#include <QDate>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace pd {

namespace {

const QString kGeometryKey = QStringLiteral("retentionDialog/geometry");

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number) {
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    return item;
}

int clampToInt(qint64 value)
{
    return int(std::clamp<qint64>(value, 0, std::numeric_limits<int>::max()));
}

bool mayRun(const Session &session)
{
    return Permissions::allows(session.role, Action::DeleteData) &&
           Permissions::allows(session.role, Action::AnonymizeData);
}

} // namespace

RetentionDialog::RetentionDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QDialog(parent), m_database(std::move(database)), m_session(session)
{
    setWindowTitle(tr("Retention Sweep"));
    setObjectName(QStringLiteral("retentionDialog"));
    m_worker = new QueryWorker(m_database, QStringLiteral("RetentionPreview"), this);
    m_job = new ProgressJob(this);

    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("retentionTable"));
    m_table->setHorizontalHeaderLabels({tr("Purpose"), tr("Retention rule"), tr("Then"), tr("Items held"),
                                        tr("Due now"), tr("Held back"), tr("Due within 30 days")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The policy's own words for a period are long: they wrap in the widest column rather than being cut.
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Purpose, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(Rule, QHeaderView::Stretch);
    m_table->setColumnWidth(Purpose, 250);
    // Heights follow the widths: the stretched column narrows once the window is laid out or resized.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_scheduled = new QLabel(this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("retentionMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_run = buttons->addButton(tr("&Run Sweep\u2026"), QDialogButtonBox::ActionRole);
    m_run->setObjectName(QStringLiteral("runSweep"));
    m_refresh = buttons->addButton(tr("Re&fresh"), QDialogButtonBox::ActionRole);
    m_refresh->setShortcut(QKeySequence::Refresh);
    if (!mayRun(m_session)) {
        m_run->setToolTip(tr("Only an officer may run the retention sweep."));
    }
    connect(m_run, &QPushButton::clicked, this, &RetentionDialog::runSweep);
    connect(m_refresh, &QPushButton::clicked, this, &RetentionDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_scheduled);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    if (!restoreGeometry(QSettings().value(kGeometryKey).toByteArray())) {
        resize(1100, 600);
    }
    reload();
}

void RetentionDialog::closeEvent(QCloseEvent *event)
{
    if (m_job->isRunning()) {
        event->ignore(); // the progress dialog's Cancel stops the sweep first
        return;
    }
    QSettings().setValue(kGeometryKey, saveGeometry());
    QDialog::closeEvent(event);
}

void RetentionDialog::reload()
{
    if (m_job->isRunning()) {
        return;
    }
    m_loading = true;
    updateButtons();
    const QDate today = QDate::currentDate();
    m_intro->setText(tr("As of %1. Data past its retention period is deleted or anonymized as each purpose's rule "
                        "says. Blocked data, data of a subject with an open request and data under a legal hold are "
                        "held back.")
                         .arg(Labels::localDate(today.toString(Qt::ISODate))));
    const Session session = m_session;
    m_worker->post<Result<RetentionSweep::Preview>>(
        [session, today](Database &database) { return RetentionSweep::preview(database, session, today); },
        [this](const Result<RetentionSweep::Preview> &preview) { showPreview(preview); });
}

void RetentionDialog::showPreview(const Result<RetentionSweep::Preview> &preview)
{
    m_loading = false;
    m_table->setRowCount(0);
    m_toChange = 0;
    if (!preview) {
        m_scheduled->clear();
        Style::showAsError(m_message);
        m_message->setText(Labels::sentence(preview.error().message));
        updateButtons();
        emit loaded();
        return;
    }
    const QLocale locale;
    m_table->setRowCount(int(preview->purposes.size()));
    for (int row = 0; row < preview->purposes.size(); ++row) {
        const RetentionSweep::PurposeRetention &purpose = preview->purposes.at(row);
        const QString title = purpose.title.isEmpty() ? purpose.code : purpose.title;
        // A category kept for a period of its own is a row of its own under its purpose.
        QTableWidgetItem *name =
            cell(purpose.category.isEmpty() ? title : tr("%1: %2").arg(title, Labels::category(purpose.category)));
        name->setToolTip(purpose.category.isEmpty() ? purpose.code
                                                    : tr("%1, data category '%2' (kept for a period of its own)")
                                                          .arg(purpose.code, Labels::category(purpose.category)));
        m_table->setItem(row, Purpose, name);
        QTableWidgetItem *rule = cell(purpose.ruleText);
        rule->setToolTip(purpose.ruleText);
        m_table->setItem(row, Rule, rule);
        m_table->setItem(row, Then,
                         cell(purpose.rule.action == RetentionAction::Anonymize ? tr("Anonymize") : tr("Delete")));
        m_table->setItem(row, Held, cell(locale.toString(purpose.items), true));
        if (!purpose.waitingFor.isEmpty()) {
            QTableWidgetItem *due = cell(tr("kept"), true);
            due->setToolTip(tr("No date can be computed yet: waiting for %1.").arg(purpose.waitingFor));
            m_table->setItem(row, Due, due);
            m_table->setItem(row, HeldBack, cell(QString()));
            m_table->setItem(row, Coming, cell(QString()));
            continue;
        }
        m_table->setItem(row, Due, cell(locale.toString(purpose.due), true));
        QStringList held;
        if (purpose.heldBlocked > 0) {
            held << tr("%1 blocked").arg(locale.toString(purpose.heldBlocked));
        }
        if (purpose.heldForRequest > 0) {
            held << tr("%1 under an open request").arg(locale.toString(purpose.heldForRequest));
        }
        if (purpose.heldLegal > 0) {
            held << tr("%1 under a legal hold").arg(locale.toString(purpose.heldLegal));
        }
        m_table->setItem(row, HeldBack, cell(held.join(QStringLiteral(", "))));
        m_table->setItem(row, Coming, cell(locale.toString(purpose.dueSoon), true));
        m_toChange += purpose.toChange();
    }
    m_scheduled->setText(tr("Erasures scheduled by withdrawals of consent, due now: %1")
                             .arg(locale.toString(preview->scheduledErasuresDue)));
    m_toChange += preview->scheduledErasuresDue;
    if (m_toChange == 0 && m_message->text().isEmpty()) {
        Style::showAsError(m_message, false);
        m_message->setText(tr("Nothing is due today."));
    }
    updateButtons();
    emit loaded();
}

void RetentionDialog::updateButtons()
{
    m_run->setEnabled(!m_loading && !m_job->isRunning() && m_toChange > 0 && mayRun(m_session));
    m_refresh->setEnabled(!m_loading && !m_job->isRunning());
}

bool RetentionDialog::isBusy() const
{
    return m_loading || m_job->isRunning();
}

QString RetentionDialog::message() const
{
    return m_scheduled->text() + QLatin1Char('\n') + m_message->text();
}

void RetentionDialog::runSweep()
{
    if (isBusy() || !mayRun(m_session) || m_toChange == 0) {
        return;
    }
    const QString question =
        tr("Delete or anonymize the data whose retention period is over (%Ln item(s) and scheduled erasure(s))? "
           "A subject that keeps nothing else is deleted, or anonymized, as a whole. Held-back data stays. This "
           "cannot be undone.",
           nullptr, clampToInt(m_toChange));
    if (MessageBox::question(this, tr("Run the Retention Sweep"), question) != QMessageBox::Yes) {
        return;
    }
    m_message->setText(QString());
    const Session session = m_session;
    const QDate today = QDate::currentDate();
    m_job->start<Result<RetentionRun::Summary>>(
        tr("Retention Sweep"), tr("Deleting and anonymizing what is due\u2026"), m_database,
        [session, today](Database &database, const ProgressJob::Progress &progress) {
            return RetentionRun::run(database, session, today, progress);
        },
        [this](const Result<RetentionRun::Summary> &summary) { sweepDone(summary); });
    updateButtons();
}

void RetentionDialog::sweepDone(const Result<RetentionRun::Summary> &summary)
{
    if (!summary) {
        Style::showAsError(m_message);
        m_message->setText(Labels::sentence(summary.error().message));
    } else {
        m_summary = summary.value();
        Style::showAsError(m_message, false);
        m_message->setText(summaryText(m_summary));
    }
    reload();
    emit sweepFinished();
}

QString RetentionDialog::summaryText(const RetentionRun::Summary &summary) const
{
    const QLocale locale;
    if (summary.pendingApproval > 0) {
        return tr("Nothing was done: the sweep would change %Ln subject(s), more than one officer may change alone. "
                  "Approval #%1 waits for a second officer (Tools > Pending Approvals).",
                  nullptr, clampToInt(summary.planned))
            .arg(summary.pendingApproval);
    }
    QString text = tr("Sweep done. Subjects deleted: %1, anonymized: %2. Subjects that keep other data: %3 (items "
                      "deleted: %4, anonymized: %5). Scheduled erasures carried out: %6.")
                       .arg(locale.toString(summary.subjectsDeleted), locale.toString(summary.subjectsAnonymized),
                            locale.toString(summary.subjectsTrimmed), locale.toString(summary.itemsDeleted),
                            locale.toString(summary.itemsAnonymized), locale.toString(summary.scheduledDone));
    if (summary.held() > 0) {
        text += QLatin1Char(' ') + tr("Held back: %1.").arg(locale.toString(summary.held()));
    }
    if (summary.skipped > 0) {
        text += QLatin1Char(' ') + tr("Subjects changed by someone else meanwhile and left as they were: %1.")
                                       .arg(locale.toString(summary.skipped));
    }
    if (summary.backupsClearBy.isValid()) {
        text += QLatin1Char(' ') + tr("Copies of what was erased stay in the backups until %1.")
                                       .arg(locale.toString(summary.backupsClearBy, QLocale::ShortFormat));
    }
    if (summary.cancelled) {
        text += QLatin1Char(' ') + tr("Cancelled: what was done stays done; run the sweep again to finish.");
    }
    return text;
}

} // namespace pd
