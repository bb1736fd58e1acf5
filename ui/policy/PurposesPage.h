#pragma once

#include "app/domain/Session.h"
#include "app/policy/Profile.h"
#include "app/policy/RegisterEditor.h"

#include <QWidget>

#include <memory>

class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTextBrowser;

namespace pd {

class Database;
class EmptyState;

/// The register of processing: purposes with a detail pane holding the whole record of processing, and the
/// controllers, information systems and processors they refer to. Officers add and edit entries and retire purposes
/// (RegisterEditor: audited with before and after); other roles read.
class PurposesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PurposesPage)

public:
    enum Column { Controller, Purpose, LegalGround, Categories, Retention, Countries, Recipients, State, ColumnCount };
    enum Tab { PurposesTab, ControllersTab, SystemsTab, ProcessorsTab };

    PurposesPage(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);

    /// Reads the register again (it is small: a few dozen entries at most).
    void reload();

    /// The editor for the selected purpose, or a new one (`code` empty); shown modally, saved on OK.
    void editPurpose(const QString &code);
    void editController(const QString &code);
    void editSystem(const QString &code);
    void editProcessor(const QString &name);
    /// Asks for the reason and retires the selected purpose, or brings a retired one back.
    void retireOrReinstate();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *purposesTab();
    /// A row of buttons over `content`.
    QWidget *listTab(QWidget *content, const QList<QPushButton *> &buttons);
    void fillPurposes();
    void fillControllers();
    void fillSystems();
    void fillProcessors();
    void showDetails();
    void updateButtons();
    QString selectedCode(QTableWidget *table) const;
    /// Shows a refused change (titled `what`), then reads the register again either way.
    void report(const Status &status, const QString &what);

    std::shared_ptr<Database> m_database;
    Session m_session;
    Profile m_register;
    QList<RegisterEditor::Processor> m_processors;
    QStackedWidget *m_views = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_table = nullptr;
    QTableWidget *m_controllers = nullptr;
    QTableWidget *m_systems = nullptr;
    QTableWidget *m_processorTable = nullptr;
    QTextBrowser *m_details = nullptr;
    QPushButton *m_newPurpose = nullptr;
    QPushButton *m_editPurpose = nullptr;
    QPushButton *m_retire = nullptr;
    QList<QPushButton *> m_editing; ///< every button that changes the register
    EmptyState *m_empty = nullptr;
};

} // namespace pd
