#pragma once

#include "app/domain/Session.h"
#include "app/reports/Reports.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPrintPreviewWidget;
class QPrinter;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
class QWidget;

namespace pd {

class Database;
class EmptyState;
class ProgressJob;
class RequestIdEdit;

/// The Reports page: the reports for regulators and subjects (Reports) the operator's role may run, their
/// parameters, a preview (the printed pages for PDF, the table for CSV, XLSX and JSON), Save As and Print. Reports
/// are built, and files written, on a worker thread with progress and Cancel; they follow the UI language. Every
/// file saved or report printed is recorded in the audit trail (Reports::recordExport). Drawing up an act of
/// destruction stores the act: it is asked for first, and done once for the same parameters.
class ReportsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportsPage)

public:
    /// What a new act of destruction covers, in the order of its combo box.
    enum class Scope { Subject, Request, Period, Sweep, Act };

    ReportsPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);
    ~ReportsPage() override;

    /// The kinds listed, in order.
    QList<ReportKind> kinds() const { return m_kinds; }
    void selectKind(ReportKind kind);
    std::optional<ReportKind> currentKind() const;
    ReportParameters parameters() const;
    ReportFormat format() const;
    void setFormat(ReportFormat format);

    /// Builds the report and shows its preview.
    void preview();
    /// Asks for a file (MessageBox::getSaveFileName) and writes the report there.
    void save();
    /// The report built last, if its parameters are still those of the fields.
    const std::optional<Report> &report() const { return m_report; }
    bool isBusy() const;
    /// What the line under the buttons says (the outcome, or what is wrong).
    QString message() const;
    QTableView *table() const { return m_table; }

signals:
    /// A report changed stored data (an act of destruction was drawn up, a request answered).
    void dataChanged();
    /// Long work of the page (building a report, writing its file) ended, well or not.
    void finished();

private:
    void createParameters(QWidget *box);
    void fillControllers();
    void kindChanged();
    void parametersChanged();
    void destructionScopeChanged();
    void showReport();
    void print();
    void attach();
    void paintPreview(QPrinter *printer);
    void setMessage(const QString &text, bool error);
    void updateButtons();
    /// Builds the report for the fields on the worker thread, then calls `then` with it on the UI thread.
    void build(std::function<void()> then);
    bool confirmDrawingUp();

    std::shared_ptr<Database> m_database;
    Session m_session;
    QList<ReportKind> m_kinds;
    std::optional<Report> m_report;
    ReportParameters m_reportParameters;

    QListWidget *m_list = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_description = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_controller = nullptr;
    QComboBox *m_scope = nullptr;
    QLineEdit *m_subject = nullptr;
    RequestIdEdit *m_request = nullptr;
    QSpinBox *m_act = nullptr;
    QDateEdit *m_sweep = nullptr;
    QComboBox *m_format = nullptr;
    QPushButton *m_previewButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_printButton = nullptr;
    QPushButton *m_attachButton = nullptr;
    QLabel *m_message = nullptr;
    QStackedWidget *m_previewStack = nullptr;
    EmptyState *m_empty = nullptr;
    QPrintPreviewWidget *m_printPreview = nullptr;
    QPrinter *m_printer = nullptr;
    QTableView *m_table = nullptr;
    QStandardItemModel *m_model = nullptr;
    ProgressJob *m_job = nullptr;
};

} // namespace pd
