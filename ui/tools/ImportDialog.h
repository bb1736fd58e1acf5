#pragma once

#include "app/domain/ImportFile.h"
#include "app/domain/Session.h"
#include "app/subjects/ImportService.h"

#include <QDialog>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace pd {

class Database;
class ProgressJob;
class QueryWorker;

/// File > Import Subjects: a CSV or JSON Lines file (ImportService), with the column mapping (each column of the
/// file and where it goes: an understood column, a data item as category.field, or nowhere), a preview of the first
/// rows with the problem found in each (a dry run, read off the UI thread), then the import itself with progress and
/// Cancel (what was stored stays; importing the same file again carries on), its summary, and the rejected rows for
/// a rejects file. Officers only (Action::ImportData). The dialog's size is kept.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    static constexpr int kPreviewRows = 50;
    enum MappingColumn { FileColumn, Target, Example, MappingColumnCount };

    ImportDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);

    /// Reads `path` and shows its mapping and preview (previewReady() follows); false with a message when unreadable.
    bool openFile(const QString &path);
    /// Sets where column `column` of the file goes ("email", "account.city", "ignore") and reads the preview again.
    bool setTarget(int column, const QString &target);
    /// Imports the rows that passed the checks (importFinished() follows).
    void startImport();

    QTableWidget *mappingTable() const { return m_mapping; }
    QTableWidget *previewTable() const { return m_preview; }
    QPushButton *importButton() const { return m_import; }
    /// The line under the preview: counts of the dry run, then the import's summary or an error.
    QString message() const;
    const ImportService::Summary &lastSummary() const { return m_summary; }

signals:
    void previewReady();
    void importFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void chooseFile();
    void reread();
    void showFile();
    void showPreview(const Result<ImportService::Summary> &dryRun);
    void importDone(const Result<ImportService::Summary> &summary);
    void saveRejects();
    ImportService::Options options() const;
    void updateButtons();

    std::shared_ptr<Database> m_database;
    Session m_session;
    QueryWorker *m_worker = nullptr;
    QLineEdit *m_path = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_separator = nullptr;
    QComboBox *m_purpose = nullptr;
    QTableWidget *m_mapping = nullptr;
    QTableWidget *m_preview = nullptr;
    QLabel *m_warnings = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_rejects = nullptr;
    ProgressJob *m_job = nullptr; ///< the import, while it runs
    QString m_text;               ///< the file's contents
    QString m_fileName;           ///< its name, for messages and the import's record
    ImportFile m_file;
    QHash<QString, QString> m_mappingChoices; ///< header -> target chosen here
    int m_previewGeneration = 0;
    bool m_previewing = false;
    bool m_readable = false;
    int m_goodRows = 0;
    ImportService::Summary m_summary;
};

} // namespace pd
