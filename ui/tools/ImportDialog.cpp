#include "ui/tools/ImportDialog.h"

#include "app/domain/CardNumbers.h"
#include "app/domain/Permissions.h"
#include "app/policy/PurposeRegister.h"
#include "app/storage/Database.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/ProgressJob.h"
#include "ui/common/QueryWorker.h"
#include "ui/common/Style.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace pd {

namespace {

const QString kGeometryKey = QStringLiteral("importDialog/geometry");
const QString kFolderKey = QStringLiteral("importDialog/folder");

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

/// A value of the file as the dialog shows it: a card number is never shown.
QString shownSafely(const QString &value)
{
    QString shown = cardnumbers::redact(value);
    return shown.replace(QLatin1String(cardnumbers::kRemoved), ImportDialog::tr("[card number removed]"));
}

/// The targets offered for a column: nowhere, the understood columns, and data items of the usual categories.
QStringList offeredTargets()
{
    QStringList targets = {QStringLiteral("ignore")};
    targets << ImportFile::understoodColumns();
    targets << QStringLiteral("account.messenger") << QStringLiteral("account.language")
            << QStringLiteral("recipient.segments") << QStringLiteral("recipient.tags")
            << QStringLiteral("technical.browser") << QStringLiteral("technical.cookie_id")
            << QStringLiteral("payment.transaction_id");
    return targets;
}

} // namespace

ImportDialog::ImportDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QDialog(parent), m_database(std::move(database)), m_session(session)
{
    setWindowTitle(tr("Import Subjects"));
    setObjectName(QStringLiteral("importDialog"));
    m_worker = new QueryWorker(m_database, QStringLiteral("ImportPreview"), this);
    m_job = new ProgressJob(this);

    auto *intro = new QLabel(tr("Subjects from a CSV or JSON Lines file. Columns are matched by their header; choose "
                                "where the others go. Every row is checked first: the preview shows the problem of "
                                "each row that would be rejected. A row for a subject stored already updates it."),
                             this);
    intro->setWordWrap(true);

    m_path = new QLineEdit(this);
    m_path->setReadOnly(true);
    m_path->setPlaceholderText(tr("No file chosen"));
    auto *browse = new QPushButton(tr("&Choose File\u2026"), this);
    browse->setObjectName(QStringLiteral("chooseImportFile"));
    connect(browse, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_format = new QComboBox(this);
    m_format->addItem(tr("By the file's extension"));
    m_format->addItem(tr("CSV"), int(ImportFile::Format::Csv));
    m_format->addItem(tr("JSON Lines"), int(ImportFile::Format::Jsonl));
    m_format->addItem(tr("One subject's data (JSON)"), int(ImportFile::Format::SubjectExport));
    m_separator = new QComboBox(this);
    m_separator->addItem(tr("Detect"));
    m_separator->addItem(tr("Comma (,)"), QStringLiteral(","));
    m_separator->addItem(tr("Semicolon (;)"), QStringLiteral(";"));
    m_purpose = new QComboBox(this);
    m_purpose->setObjectName(QStringLiteral("importPurpose"));
    m_purpose->addItem(tr("From the file's purpose column"), QString());
    if (Result<QList<PurposeRegister::Row>> purposes = PurposeRegister::list(*m_database); purposes) {
        for (const PurposeRegister::Row &purpose : purposes.value()) {
            m_purpose->addItem(tr("%1 (%2)").arg(purpose.title, purpose.code), purpose.code);
        }
    }
    for (QComboBox *combo : {m_format, m_separator, m_purpose}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportDialog::reread);
    }
    auto *form = new QFormLayout;
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(browse);
    form->addRow(fileLabel, pathRow);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("&Separator:"), m_separator);
    form->addRow(tr("&Purpose:"), m_purpose);

    m_mapping = new QTableWidget(0, MappingColumnCount, this);
    m_mapping->setObjectName(QStringLiteral("importMapping"));
    m_mapping->setHorizontalHeaderLabels({tr("Column in the file"), tr("Goes to"), tr("First value")});
    m_mapping->verticalHeader()->hide();
    m_mapping->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_mapping->horizontalHeader()->setStretchLastSection(true);

    m_preview = new QTableWidget(0, 0, this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_preview->horizontalHeader()->setStretchLastSection(true); // the problem, in full where there is room
    m_preview->horizontalHeader()->setDefaultSectionSize(120);

    m_warnings = new QLabel(this);
    m_warnings->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("importMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("startImport"));
    m_rejects = buttons->addButton(tr("Save &Rejected Rows\u2026"), QDialogButtonBox::ActionRole);
    m_rejects->setToolTip(tr("The rejected rows with their problem, as CSV readable by you only"));
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_rejects, &QPushButton::clicked, this, &ImportDialog::saveRejects);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!Permissions::allows(m_session.role, Action::ImportData)) {
        m_import->setToolTip(tr("Only an officer may import subjects."));
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Columns:"), this));
    layout->addWidget(m_mapping, 1);
    layout->addWidget(new QLabel(tr("Preview of the first rows:"), this));
    layout->addWidget(m_preview, 2);
    layout->addWidget(m_warnings);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    if (!restoreGeometry(QSettings().value(kGeometryKey).toByteArray())) {
        resize(1100, 720);
    }
    updateButtons();
}

void ImportDialog::closeEvent(QCloseEvent *event)
{
    if (m_job->isRunning()) {
        event->ignore(); // Cancel in the progress dialog stops the import first
        return;
    }
    QSettings().setValue(kGeometryKey, saveGeometry());
    QDialog::closeEvent(event);
}

void ImportDialog::chooseFile()
{
    const QString folder = QSettings().value(kFolderKey, QDir::homePath()).toString();
    const QString path = MessageBox::getOpenFileName(
        this, tr("Import Subjects"), folder, tr("Subjects (*.csv *.jsonl *.ndjson *.json *.txt);;All files (*)"));
    if (!path.isEmpty()) {
        QSettings().setValue(kFolderKey, QFileInfo(path).absolutePath());
        openFile(path);
    }
}

bool ImportDialog::openFile(const QString &path)
{
    m_summary = ImportService::Summary();
    m_mappingChoices.clear();
    Result<QString> text = ImportService::readText(path);
    m_path->setText(QDir::toNativeSeparators(path));
    if (!text) {
        m_text.clear();
        m_readable = false;
        m_mapping->setRowCount(0);
        m_preview->setRowCount(0);
        Style::showAsError(m_message);
        m_message->setText(Labels::sentence(text.error().message));
        updateButtons();
        return false;
    }
    m_text = text.value();
    m_fileName = QFileInfo(path).fileName();
    reread();
    return true;
}

ImportService::Options ImportDialog::options() const
{
    ImportService::Options options;
    if (m_format->currentData().isValid()) {
        options.file.format = ImportFile::Format(m_format->currentData().toInt());
    }
    if (m_separator->currentData().isValid()) {
        options.file.separator = m_separator->currentData().toString().at(0);
    }
    options.file.mapping = m_mappingChoices;
    options.purposeCode = m_purpose->currentData().toString();
    options.keepGoing = true;
    return options;
}

void ImportDialog::reread()
{
    if (m_text.isEmpty() || m_job->isRunning()) {
        return;
    }
    Result<ImportFile> file = ImportFile::parse(m_text, m_fileName, options().file);
    m_readable = file.ok();
    if (!file) {
        m_mapping->setRowCount(0);
        m_preview->setRowCount(0);
        m_warnings->clear();
        Style::showAsError(m_message);
        m_message->setText(Labels::sentence(file.error().message));
        updateButtons();
        emit previewReady();
        return;
    }
    m_file = file.value();
    showFile();
    // The dry run checks every row as the import will (the subjects stored already included), off the UI thread.
    m_previewing = true;
    const int generation = ++m_previewGeneration;
    updateButtons();
    m_message->setText(tr("Checking the rows\u2026"));
    ImportService::Options dry = options();
    dry.dryRun = true;
    const QString text = m_text;
    const QString name = m_fileName;
    const Session session = m_session;
    m_worker->post<Result<ImportService::Summary>>(
        [session, text, name, dry](Database &database) {
            return ImportService::importText(database, session, text, name, dry);
        },
        [this, generation](const Result<ImportService::Summary> &summary) {
            if (generation == m_previewGeneration) {
                showPreview(summary);
            }
        });
}

void ImportDialog::showFile()
{
    const QSignalBlocker blocker(m_mapping);
    m_mapping->setRowCount(int(m_file.header.size()));
    const QStringList targets = offeredTargets();
    for (int column = 0; column < m_file.header.size(); ++column) {
        m_mapping->setItem(column, FileColumn, cell(m_file.header.at(column)));
        auto *combo = new QComboBox(m_mapping);
        combo->setEditable(true); // any category.field
        combo->addItems(targets);
        const QString current = m_file.targets.at(column).toString();
        if (!targets.contains(current)) {
            combo->addItem(current);
        }
        combo->setCurrentText(current);
        combo->setToolTip(tr("An understood column, a data item as category.field, or ignore"));
        connect(combo, &QComboBox::activated, this, [this, column, combo] { setTarget(column, combo->currentText()); });
        m_mapping->setCellWidget(column, Target, combo);
        QString example;
        for (const ImportFile::Record &record : std::as_const(m_file.records)) {
            if (column < record.values.size() && !record.values.at(column).trimmed().isEmpty()) {
                example = record.values.at(column).trimmed();
                break;
            }
        }
        // One line: the first value as the file has it, cut short; a card number is never shown.
        example = shownSafely(example);
        example.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
        m_mapping->setItem(column, Example, cell(example.left(60)));
    }
    QStringList headers = m_file.header;
    headers.prepend(tr("Row"));
    headers << tr("Problem");
    m_preview->clear();
    m_preview->setColumnCount(int(headers.size()));
    m_preview->setHorizontalHeaderLabels(headers);
    m_preview->setColumnWidth(0, 60);
    const int rows = std::min<int>(kPreviewRows, int(m_file.records.size()));
    m_preview->setRowCount(rows);
    for (int row = 0; row < rows; ++row) {
        const ImportFile::Record &record = m_file.records.at(row);
        m_preview->setItem(row, 0, cell(QString::number(record.row)));
        for (int column = 0; column < record.values.size() && column < m_file.header.size(); ++column) {
            QString value = shownSafely(record.values.at(column));
            value.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
            m_preview->setItem(row, column + 1, cell(value));
        }
        m_preview->setItem(row, int(headers.size()) - 1, cell(QString()));
    }
    m_warnings->setText(m_file.warnings.isEmpty() ? QString()
                                                  : Labels::sentence(m_file.warnings.join(QStringLiteral("; "))));
}

bool ImportDialog::setTarget(int column, const QString &target)
{
    if (column < 0 || column >= m_file.header.size() || !ImportFile::parseTarget(target).ok()) {
        Style::showAsError(m_message);
        m_message->setText(tr("'%1' is not a place a column can go: choose one from the list, or write "
                              "category.field.")
                               .arg(target.trimmed()));
        return false;
    }
    m_mappingChoices.insert(m_file.header.at(column).trimmed(), target.trimmed());
    reread();
    return true;
}

void ImportDialog::showPreview(const Result<ImportService::Summary> &dryRun)
{
    m_previewing = false;
    if (!dryRun) {
        m_goodRows = 0;
        Style::showAsError(m_message);
        m_message->setText(Labels::sentence(dryRun.error().message));
        updateButtons();
        emit previewReady();
        return;
    }
    QHash<int, QString> problems;
    for (const ImportService::Rejected &rejected : dryRun->rejected) {
        problems.insert(rejected.row, rejected.problem);
    }
    const int problemColumn = m_preview->columnCount() - 1;
    for (int row = 0; row < m_preview->rowCount(); ++row) {
        const int number = m_preview->item(row, 0)->text().toInt();
        const QString problem = problems.value(number);
        QTableWidgetItem *item = cell(Labels::sentence(problem));
        if (!problem.isEmpty()) {
            item->setForeground(Style::error());
            item->setToolTip(Labels::sentence(problem));
        }
        m_preview->setItem(row, problemColumn, item);
    }
    m_preview->resizeRowsToContents();
    m_goodRows = dryRun->imported + dryRun->updated;
    const QLocale locale;
    Style::showAsError(m_message, false);
    m_message->setText(tr("%1 rows: %2 new subjects, %3 for subjects stored already (they are updated), %4 rejected.")
                           .arg(locale.toString(qint64(m_file.records.size())), locale.toString(dryRun->imported),
                                locale.toString(dryRun->updated), locale.toString(qint64(dryRun->rejected.size()))));
    updateButtons();
    emit previewReady();
}

void ImportDialog::updateButtons()
{
    const bool idle = !m_job->isRunning() && !m_previewing;
    m_import->setEnabled(idle && m_readable && m_goodRows > 0 &&
                         Permissions::allows(m_session.role, Action::ImportData));
    m_rejects->setEnabled(idle && !m_summary.rejected.isEmpty());
    m_format->setEnabled(!m_job->isRunning());
    m_separator->setEnabled(!m_job->isRunning());
    m_purpose->setEnabled(!m_job->isRunning());
    m_mapping->setEnabled(!m_job->isRunning());
}

QString ImportDialog::message() const
{
    return m_message->text();
}

void ImportDialog::startImport()
{
    if (!m_import->isEnabled()) {
        return;
    }
    const ImportService::Options run = options();
    const Session session = m_session;
    const QString text = m_text;
    const QString name = m_fileName;
    m_job->start<Result<ImportService::Summary>>(
        tr("Import Subjects"), tr("Importing %1\u2026").arg(m_fileName), m_database,
        [session, text, name, run](Database &database, const ProgressJob::Progress &progress) {
            ImportService::Options withProgress = run;
            withProgress.progress = progress;
            return ImportService::importText(database, session, text, name, withProgress);
        },
        [this](const Result<ImportService::Summary> &summary) { importDone(summary); });
    updateButtons();
}

void ImportDialog::importDone(const Result<ImportService::Summary> &summary)
{
    if (!summary) {
        Style::showAsError(m_message);
        m_message->setText(Labels::sentence(summary.error().message));
        updateButtons();
        emit importFinished();
        return;
    }
    m_summary = summary.value();
    const QLocale locale;
    QString text = tr("Imported %1 new subjects; updated %2 stored ones (%3 unchanged); %4 rows rejected.")
                       .arg(locale.toString(m_summary.imported), locale.toString(m_summary.updated),
                            locale.toString(m_summary.unchanged), locale.toString(qint64(m_summary.rejected.size())));
    if (m_summary.resumedAfterRow > 0) {
        text.prepend(tr("An interrupted import of this file was carried on after row %1.")
                         .arg(locale.toString(m_summary.resumedAfterRow)) +
                     QLatin1Char(' '));
    }
    if (m_summary.cancelled) {
        text +=
            QLatin1Char(' ') + tr("Cancelled: the rows stored so far stay; import the same file again to carry on.");
    }
    Style::showAsError(m_message, false);
    m_message->setText(text);
    m_goodRows = 0; // imported: importing again would only find them stored
    updateButtons();
    emit importFinished();
}

void ImportDialog::saveRejects()
{
    const QString suggested = QFileInfo(m_path->text()).absolutePath() + QLatin1Char('/') +
                              QFileInfo(m_fileName).completeBaseName() + QStringLiteral("-rejected.csv");
    const QString path = MessageBox::getSaveFileName(this, tr("Save Rejected Rows"), suggested, tr("CSV (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (Status written = ImportService::writeRejects(path, m_summary); !written) {
        MessageBox::critical(this, tr("Save Rejected Rows"), Labels::sentence(written.error().message));
        return;
    }
    m_message->setText(m_message->text() + QLatin1Char(' ') +
                       tr("The rejected rows were saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace pd
