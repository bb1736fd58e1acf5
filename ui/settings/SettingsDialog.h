#pragma once

#include "app/access/Settings.h"
#include "app/domain/Session.h"
#include "app/policy/Profile.h"

#include <QDialog>
#include <QHash>
#include <memory>

class QAbstractButton;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace pd {

class CalendarDialog;
class Database;
class LetterTemplateDialog;
class OperatorsPage;

/// Tools > Settings: the office's administration in one window, a page per area chosen on the left.
/// - Operators (administrators only): OperatorsPage.
/// - Sign-in and approvals: the shared Settings (idle lock, lock-out, the four-eyes rule, how long backups are kept),
///   changed by administrators and read by everyone else; Save stores what was changed, each value audited.
/// - Letterhead: the name, address, contact and DPO of the office's own controller, at the head of every report
///   and letter (RegisterEditor::saveLetterhead; administrators and officers).
/// - Working-day calendars and Reply letters: the CalendarDialog and LetterTemplateDialog as pages.
/// Close, Esc and the window's close button ask before unsaved changes of any page are dropped; a plain reject()
/// (the main window locking) only hides the dialog, edits kept. The size and last page are kept in QSettings.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    enum class Page { Operators, Security, Letterhead, Calendars, Templates };

    SettingsDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// Whether the operator's role is shown `page` (only administrators see Operators).
    bool hasPage(Page page) const;
    /// Shows `page`; false when it is not offered.
    bool showPage(Page page);
    Page currentPage() const;

    OperatorsPage *operatorsPage() const { return m_operators; }
    CalendarDialog *calendars() const { return m_calendars; }
    LetterTemplateDialog *templates() const { return m_templates; }

    /// The value shown for `key` (what is stored until changed here), and changing it as the operator would.
    int settingValue(Settings::Key key) const;
    void setSettingValue(Settings::Key key, int value);
    /// Stores the changed settings (the Save button of the page). False when one was refused; then nothing after
    /// it was stored and the reason is shown on the page.
    bool saveSettings();
    /// Reads the settings and the letterhead again, dropping unsaved changes.
    void reload();

    /// The letterhead fields: "name", "address", "contact", "dpo".
    QString letterheadField(const QString &field) const;
    void setLetterheadField(const QString &field, const QString &value);
    bool saveLetterhead();

    /// The line at the foot of the current page (what was saved, or why not), empty when none.
    QString messageText() const;
    /// Whether any page holds changes not saved.
    bool isModified() const;
    /// Closes, asking first when there are unsaved changes; false when the operator kept them.
    bool requestClose();

signals:
    /// Shared settings were stored here (the main window applies the idle lock at once).
    void settingsChanged();
    /// Operator accounts, calendars or the letterhead changed here.
    void administrationChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void done(int result) override;

private:
    QWidget *createSecurityPage();
    QWidget *createLetterheadPage();
    void addPage(Page page, const QString &title, const QString &icon, QWidget *widget);
    void showMessage(const QString &text, bool error);
    void loadLetterhead();
    void letterheadChosen();
    void updateButtons();

    std::shared_ptr<Database> m_database;
    Session m_session;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<Page> m_pages;
    QLabel *m_message = nullptr;
    OperatorsPage *m_operators = nullptr;
    CalendarDialog *m_calendars = nullptr;
    LetterTemplateDialog *m_templates = nullptr;

    QHash<Settings::Key, QSpinBox *> m_spins;
    QCheckBox *m_allDeletions = nullptr;
    QHash<Settings::Key, int> m_stored;
    QPushButton *m_saveSettings = nullptr;

    QList<ProfileController> m_controllers; ///< the office's own, as read
    QComboBox *m_controller = nullptr;
    QHash<QString, QLineEdit *> m_letterhead;
    QPushButton *m_saveLetterhead = nullptr;
};

} // namespace pd
