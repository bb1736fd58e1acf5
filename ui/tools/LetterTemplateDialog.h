#pragma once

#include "app/domain/Session.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace pd {

class Database;

/// The editor of the office's reply-letter templates (Tools > Reply Letter Templates).
///
/// One template at a time, chosen by language and kind. The template is checked as it is typed: the first
/// problem (unknown placeholder, unclosed section) is shown under the editor naming the line and placeholder, and
/// that line is marked. Preview renders it with sample values (optionally as a refusal). Save stores it through
/// LetterTemplateStore::save, Reset to Built-in goes back to the shipped text after a question. Unsaved edits are
/// never dropped without asking: switching template, Close, Esc and the window's close button ask first.
/// A plain reject() (the main window locking) only hides the dialog, edits kept for when it is shown again.
/// Operators who may not change templates (anyone but an officer) see them read-only.
class LetterTemplateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LetterTemplateDialog)

public:
    LetterTemplateDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);

    /// "en" or "ru", and "reply": the template being edited.
    QString language() const;
    QString kind() const;
    /// Switches to another template; asks first when there are unsaved edits. False when the operator kept them.
    bool setLanguage(const QString &language);

    /// The editor's text, and replacing it (as if typed: the template becomes modified).
    QString templateText() const;
    void setTemplateText(const QString &text);
    bool isModified() const;

    /// Renders the edited template with sample values into the Preview tab and shows it. False (and the problem
    /// shown under the editor) when the template does not render.
    bool preview();
    QString previewText() const;
    /// Stores the edited template. False when refused; the reason is shown under the editor.
    bool save();
    /// After a question, goes back to the built-in template. False when the operator said no or it failed.
    bool resetToBuiltIn();
    /// Closes, asking first when there are unsaved edits (Close, Esc, the window's close button). Embedded, it only
    /// asks and drops the edits: the window around it closes.
    bool requestClose();
    /// Makes it a page of another window (the Settings dialog): no Close button, Esc left to that window.
    void setEmbedded();

    /// The problem shown under the editor (empty when none), and the line about whose template this is.
    QString problemText() const;
    QString statusText() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void load();
    void languageChosen();
    void checkTemplate();
    void showProblem(const QString &message, int line);
    void insertPlaceholder();
    bool confirmDiscard();
    void updateButtons();

    std::shared_ptr<Database> m_database;
    Session m_session;
    bool m_canEdit = false;
    bool m_embedded = false;
    QString m_loadedLanguage;
    QString m_loadedKind;
    bool m_builtIn = true;
    QComboBox *m_language = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_problem = nullptr;
    QListWidget *m_placeholders = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QCheckBox *m_asRefusal = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_reset = nullptr;
};

} // namespace pd
