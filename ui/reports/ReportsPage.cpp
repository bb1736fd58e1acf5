#include "ui/reports/ReportsPage.h"

#include "app/reports/ReportLanguage.h"
#include "app/reports/ReportPdf.h"
#include "app/storage/Database.h"
#include "app/storage/PrivateFile.h"
#include "ui/common/EmptyState.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/PageTitle.h"
#include "ui/common/ProgressJob.h"
#include "ui/common/RequestIdEdit.h"
#include "ui/common/Style.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPrintDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

namespace {

constexpr int kPreviewRows = 2000; ///< the table preview shows this many rows; the file holds every one

QString describe(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Ropa:
        return ReportsPage::tr("The controller's record of processing activities (GDPR art. 30(1), Belarus Decree 422 "
                               "sub. 3.5), one row per activity as the ICO and CNIL templates lay it out.");
    case ReportKind::ProcessorRecord:
        return ReportsPage::tr("The record of the processing we carry out for a client (GDPR art. 30(2)).");
    case ReportKind::Requests:
        return ReportsPage::tr("Every request received in the period with all its fields, yearly counts per right "
                               "and the on-time rate, for a transparency report.");
    case ReportKind::Destruction:
        return ReportsPage::tr("A numbered act confirming the destruction of personal data, with an extract of the "
                               "event log. Drawing one up keeps it for three years; it can be printed again.");
    case ReportKind::Breaches:
        return ReportsPage::tr("Every personal-data breach recorded, with the notice each regime wants and when it "
                               "was made.");
    case ReportKind::Disclosures:
        return ReportsPage::tr("Disclosures of personal data to recipients in the period (Belarus Law 99-Z art. 12).");
    case ReportKind::Audit:
        return ReportsPage::tr("The audit trail of the period, with the verification of its hash chain.");
    case ReportKind::Statistics:
        return ReportsPage::tr("Requests per right and status, the on-time rate, subjects per purpose and category, "
                               "erasures per month.");
    case ReportKind::SubjectAccess:
        return ReportsPage::tr("Everything held about one subject, with its rights, for an access or portability "
                               "request: a readable PDF, JSON to take elsewhere, and CSV.");
    }
    return {};
}

QString filterFor(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return ReportsPage::tr("PDF documents (*.pdf)");
    case ReportFormat::Csv:
        return ReportsPage::tr("CSV files (*.csv)");
    case ReportFormat::Xlsx:
        return ReportsPage::tr("Excel workbooks (*.xlsx)");
    case ReportFormat::Json:
        return ReportsPage::tr("JSON files (*.json)");
    }
    return {};
}

bool sameParameters(const ReportParameters &a, const ReportParameters &b)
{
    return a.from == b.from && a.to == b.to && a.controller == b.controller && a.subjectId == b.subjectId &&
           a.requestId == b.requestId && a.act == b.act && a.retentionSweep == b.retentionSweep;
}

} // namespace

ReportsPage::ReportsPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QWidget(parent), m_database(std::move(database)), m_session(session)
{
    m_job = new ProgressJob(this);
    for (ReportKind kind : Reports::all()) {
        if (Reports::allowed(m_session, kind)) {
            m_kinds << kind;
        }
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Reports"), this));
    auto *body = new QHBoxLayout;
    layout->addLayout(body, 1);

    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("reportList"));
    m_list->setAccessibleName(tr("Reports"));
    for (ReportKind kind : std::as_const(m_kinds)) {
        auto *item = new QListWidgetItem(Reports::title(kind), m_list);
        item->setToolTip(describe(kind));
    }
    m_list->setSpacing(3);
    m_list->setWordWrap(true); // long titles (Russian, Belarusian) wrap instead of being cut
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMinimumWidth(220);
    m_list->setMaximumWidth(300);
    left->addWidget(m_list, 1);
    body->addLayout(left);

    auto *right = new QVBoxLayout;
    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("reportDescription"));
    m_description->setWordWrap(true);
    right->addWidget(m_description);
    auto *box = new QGroupBox(tr("Parameters"), this);
    createParameters(box);
    right->addWidget(box);

    auto *buttons = new QHBoxLayout;
    m_previewButton = new QPushButton(QIcon::fromTheme(QStringLiteral("document-print-preview")), tr("&Preview"), this);
    m_previewButton->setObjectName(QStringLiteral("previewReport"));
    m_previewButton->setToolTip(tr("Build the report and show it (Ctrl+Enter)"));
    m_saveButton = new QPushButton(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("&Save As\u2026"), this);
    m_saveButton->setObjectName(QStringLiteral("saveReport"));
    m_saveButton->setToolTip(tr("Write the report to a file only you can read (Ctrl+S)"));
    m_printButton = new QPushButton(QIcon::fromTheme(QStringLiteral("document-print")), tr("P&rint\u2026"), this);
    m_printButton->setObjectName(QStringLiteral("printReport"));
    m_printButton->setToolTip(tr("Print the report's pages (Ctrl+P)"));
    m_attachButton = new QPushButton(tr("&Give to the Request"), this);
    m_attachButton->setObjectName(QStringLiteral("attachReport"));
    m_attachButton->setToolTip(tr("Keep the PDF, JSON and CSV with the access or portability request and carry it "
                                  "out"));
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_printButton);
    buttons->addWidget(m_attachButton);
    buttons->addStretch(1);
    right->addLayout(buttons);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("reportMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    right->addWidget(m_message);

    m_previewStack = new QStackedWidget(this);
    m_previewStack->setObjectName(QStringLiteral("reportPreview"));
    m_empty = new EmptyState(m_previewStack);
    m_empty->setContent(
        tr("No preview yet"), tr("Choose a report and its parameters, then press Preview."),
        tr("The file you save holds every row; the preview shows the first %1.").arg(QLocale().toString(kPreviewRows)));
    m_printer = new QPrinter(QPrinter::HighResolution);
    m_printer->setResolution(ReportPdf::kResolution);
    m_printPreview = new QPrintPreviewWidget(m_printer, m_previewStack);
    m_printPreview->setObjectName(QStringLiteral("reportPages"));
    m_printPreview->setZoomMode(QPrintPreviewWidget::FitToWidth);
    connect(m_printPreview, &QPrintPreviewWidget::paintRequested, this, &ReportsPage::paintPreview);
    m_table = new QTableView(m_previewStack);
    m_table->setObjectName(QStringLiteral("reportTable"));
    m_model = new QStandardItemModel(m_table);
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setDefaultSectionSize(140);
    m_table->verticalHeader()->hide();
    m_previewStack->addWidget(m_empty);
    m_previewStack->addWidget(m_printPreview);
    m_previewStack->addWidget(m_table);
    right->addWidget(m_previewStack, 1);
    body->addLayout(right, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &ReportsPage::kindChanged);
    connect(m_previewButton, &QPushButton::clicked, this, &ReportsPage::preview);
    connect(m_saveButton, &QPushButton::clicked, this, &ReportsPage::save);
    connect(m_printButton, &QPushButton::clicked, this, &ReportsPage::print);
    connect(m_attachButton, &QPushButton::clicked, this, &ReportsPage::attach);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ReportsPage::preview);
    }
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &ReportsPage::save);
    auto *printShortcut = new QShortcut(QKeySequence::Print, this);
    printShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(printShortcut, &QShortcut::activated, this, &ReportsPage::print);

    if (m_kinds.isEmpty()) {
        m_empty->setContent(tr("No reports for your role"),
                            tr("Reports are made by privacy officers and auditors; administrators make the audit "
                               "extract, support agents the subject's data for their requests."));
        box->setEnabled(false);
    } else {
        m_list->setCurrentRow(0);
    }
    updateButtons();
}

ReportsPage::~ReportsPage()
{
    delete m_printer;
}

void ReportsPage::kindChanged()
{
    const std::optional<ReportKind> kind = currentKind();
    m_description->setText(kind ? describe(*kind) : QString());
    destructionScopeChanged();
}

void ReportsPage::destructionScopeChanged()
{
    if (!m_previewStack) {
        return;
    }
    const std::optional<ReportKind> kind = currentKind();
    const Reports::Needs needs = kind ? Reports::needs(*kind) : Reports::Needs();
    const Scope scope = Scope(m_scope->currentIndex());
    const bool destruction = needs.destruction;
    m_form->setRowVisible(0, needs.period || (destruction && scope == Scope::Period));
    m_form->setRowVisible(m_controller, needs.controller);
    m_form->setRowVisible(m_scope, destruction);
    m_form->setRowVisible(m_subject, needs.subject || (destruction && scope == Scope::Subject));
    m_form->setRowVisible(m_request, needs.subject || (destruction && scope == Scope::Request));
    m_form->setRowVisible(m_sweep, destruction && scope == Scope::Sweep);
    m_form->setRowVisible(m_act, destruction && scope == Scope::Act);
    parametersChanged();
}

void ReportsPage::parametersChanged()
{
    if (!m_previewStack) {
        return; // still being built
    }
    m_report.reset();
    m_previewStack->setCurrentWidget(m_empty);
    setMessage(QString(), false);
    updateButtons();
}

bool ReportsPage::isBusy() const
{
    return m_job->isRunning();
}

QString ReportsPage::message() const
{
    return m_message->text();
}

void ReportsPage::setMessage(const QString &text, bool error)
{
    Style::showAsError(m_message, error);
    m_message->setText(text);
}

void ReportsPage::updateButtons()
{
    const std::optional<ReportKind> kind = currentKind();
    const bool idle = kind && !m_job->isRunning();
    m_previewButton->setEnabled(idle);
    m_saveButton->setEnabled(idle);
    m_printButton->setEnabled(idle);
    const bool answers = kind == ReportKind::SubjectAccess && m_request->requestId().has_value();
    m_attachButton->setVisible(kind == ReportKind::SubjectAccess);
    m_attachButton->setEnabled(idle && answers);
}

bool ReportsPage::confirmDrawingUp()
{
    const ReportParameters wanted = parameters();
    if (currentKind() != ReportKind::Destruction || wanted.act) {
        return true;
    }
    return MessageBox::question(this, tr("Draw Up an Act of Destruction"),
                                tr("Draw up a new act of destruction for what you chose? It gets the next number and "
                                   "is kept for three years; to print an existing act again, choose \"Print an act "
                                   "again\" and its number.")) == QMessageBox::Yes;
}

void ReportsPage::build(std::function<void()> then)
{
    const std::optional<ReportKind> kind = currentKind();
    if (!kind || m_job->isRunning()) {
        return;
    }
    const ReportParameters wanted = parameters();
    if (m_report && sameParameters(wanted, m_reportParameters)) {
        then();
        return;
    }
    if (!confirmDrawingUp()) {
        return;
    }
    setMessage(QString(), false);
    const Session session = m_session;
    const ReportKind which = *kind;
    m_job->start<Result<Report>>(
        Reports::title(which), tr("Building the report\u2026"), m_database,
        [session, which, wanted](Database &database, const ProgressJob::Progress &progress) {
            return Reports::build(database, session, which, wanted,
                                  [&progress](double done) { return progress(qint64(done * 1000), 1000); });
        },
        [this, wanted, which, then = std::move(then)](const Result<Report> &built) {
            updateButtons();
            if (!built) {
                if (built.error().code != ErrorCode::Cancelled) {
                    setMessage(Labels::sentence(built.error().message), true);
                }
                emit finished();
                return;
            }
            m_report = built.value();
            m_reportParameters = wanted;
            if (which == ReportKind::Destruction && !wanted.act) {
                emit dataChanged();
            }
            then();
            if (!m_job->isRunning()) {
                emit finished();
            }
        });
    updateButtons();
}

void ReportsPage::preview()
{
    build([this] { showReport(); });
}

void ReportsPage::showReport()
{
    if (!m_report) {
        return;
    }
    const QLocale locale;
    if (format() == ReportFormat::Pdf) {
        m_previewStack->setCurrentWidget(m_printPreview);
        m_printPreview->updatePreview();
        setMessage(tr("%1: %Ln row(s); %2 page(s).", nullptr, int(m_report->count))
                       .arg(m_report->document.title)
                       .arg(m_printPreview->pageCount()),
                   false);
        return;
    }
    const ReportTable table = m_report->tables.value(0);
    m_model->clear();
    m_model->setHorizontalHeaderLabels(table.titles());
    const qsizetype rows = std::min<qsizetype>(table.rows.size(), kPreviewRows);
    for (qsizetype row = 0; row < rows; ++row) {
        QList<QStandardItem *> items;
        const QStringList cells = table.shownRow(row); // names, as the saved file has them
        for (qsizetype column = 0; column < table.columns.size(); ++column) {
            auto *item =
                new QStandardItem(QString(cells.value(column)).replace(QLatin1Char('\n'), QLatin1String("; ")));
            item->setToolTip(cells.value(column));
            if (row < table.bold.size() && table.bold.at(row).contains(int(column))) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            items << item;
        }
        m_model->appendRow(items);
    }
    m_previewStack->setCurrentWidget(m_table);
    setMessage(table.rows.size() > rows
                   ? tr("%1: the first %2 of %3 rows are shown; the file holds every one.")
                         .arg(m_report->document.title, locale.toString(qint64(rows)),
                              locale.toString(qint64(table.rows.size())))
                   : tr("%1: %Ln row(s).", nullptr, int(table.rows.size())).arg(m_report->document.title),
               false);
}

void ReportsPage::paintPreview(QPrinter *printer)
{
    if (m_report) {
        printer->setResolution(ReportPdf::kResolution);
        const ReportLanguage::Scope language(m_report->language);
        if (Status painted = ReportPdf::print(m_report->document, *printer); !painted) {
            setMessage(Labels::sentence(painted.error().message), true);
        }
    }
}

void ReportsPage::save()
{
    build([this] {
        const ReportFormat chosen = format();
        QSettings settings;
        const QString folder = settings.value(QStringLiteral("reports/folder"), QDir::homePath()).toString();
        const QString suggested = QDir(folder).filePath(
            QStringLiteral("%1-%2.%3")
                .arg(m_report->kind, QDate::currentDate().toString(Qt::ISODate), toString(chosen)));
        QString path = MessageBox::getSaveFileName(this, tr("Save the Report"), suggested, filterFor(chosen));
        if (path.isEmpty()) {
            return;
        }
        if (QFileInfo(path).suffix().isEmpty()) {
            path += QLatin1Char('.') + toString(chosen);
        }
        settings.setValue(QStringLiteral("reports/folder"), QFileInfo(path).absolutePath());
        const Report report = m_report.value();
        const ReportParameters used = m_reportParameters;
        m_job->start<Result<QByteArray>>(
            tr("Save the Report"), tr("Writing %1\u2026").arg(QFileInfo(path).fileName()), m_database,
            [report, chosen](Database &, const ProgressJob::Progress &) { return ReportFile::write(report, chosen); },
            [this, path, report, chosen, used](const Result<QByteArray> &bytes) {
                updateButtons();
                if (!bytes) {
                    setMessage(Labels::sentence(bytes.error().message), true);
                    emit finished();
                    return;
                }
                if (Status written = PrivateFile::write(path, bytes.value()); !written) {
                    setMessage(tr("%1 could not be written: %2").arg(path, written.error().message), true);
                    emit finished();
                    return;
                }
                if (Status recorded = Reports::recordExport(*m_database, m_session, report, chosen, used); !recorded) {
                    setMessage(Labels::sentence(recorded.error().message), true);
                    emit finished();
                    return;
                }
                setMessage(tr("Saved to %1 (%Ln row(s)). Only you can read the file.", nullptr, int(report.count))
                               .arg(QDir::toNativeSeparators(path)),
                           false);
                emit finished();
            });
        updateButtons();
    });
}

void ReportsPage::print()
{
    build([this] {
        QPrintDialog dialog(m_printer, this);
        dialog.setWindowTitle(tr("Print the Report"));
        if (dialog.exec() != QDialog::Accepted) {
            return;
        }
        m_printer->setResolution(ReportPdf::kResolution);
        const ReportLanguage::Scope language(m_report->language);
        if (Status printed = ReportPdf::print(m_report->document, *m_printer); !printed) {
            setMessage(Labels::sentence(printed.error().message), true);
            return;
        }
        if (Status recorded =
                Reports::recordExport(*m_database, m_session, m_report.value(), ReportFormat::Pdf, m_reportParameters);
            !recorded) {
            setMessage(Labels::sentence(recorded.error().message), true);
            return;
        }
        setMessage(tr("Sent to the printer."), false);
    });
}

void ReportsPage::attach()
{
    const std::optional<qint64> request = m_request->requestId();
    if (!request) {
        return;
    }
    build([this, request] {
        if (MessageBox::question(this, tr("Give the Data to the Request"),
                                 tr("Keep this report (PDF, JSON and CSV) with request #%1 and mark the request as "
                                    "carried out? The reply is sent as the next step.")
                                     .arg(*request)) != QMessageBox::Yes) {
            return;
        }
        Result<qint64> attached = Reports::answerRequest(*m_database, m_session, *request, m_report.value());
        if (!attached) {
            setMessage(Labels::sentence(attached.error().message), true);
            return;
        }
        setMessage(tr("Kept with request #%1 as PDF, JSON and CSV; the request is carried out.").arg(*request), false);
        emit dataChanged();
    });
}

} // namespace pd
