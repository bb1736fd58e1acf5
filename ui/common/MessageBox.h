#pragma once

#include <QCoreApplication>
#include <QMessageBox>
#include <QString>

#include <optional>

class QWidget;

namespace pd {

/// The one way ui/ shows a message box, asks for a line of text or for a file to save to: a thin wrapper over
/// QMessageBox, QInputDialog and QFileDialog that tests can pre-answer (setNextAnswer(), setNextText(),
/// setNextFileName()), so that no test blocks on a modal.
/// Used on the UI thread only.
class MessageBox final
{
    Q_DECLARE_TR_FUNCTIONS(pd::MessageBox)
    Q_DISABLE_COPY_MOVE(MessageBox)

public:
    MessageBox() = delete;

    /// Each shows a modal box and returns the button pressed, or the pre-set answer without showing anything.
    static QMessageBox::StandardButton critical(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons = QMessageBox::Ok,
                                                QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
    static QMessageBox::StandardButton warning(QWidget *parent, const QString &title, const QString &text,
                                               QMessageBox::StandardButtons buttons = QMessageBox::Ok,
                                               QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
    static QMessageBox::StandardButton information(QWidget *parent, const QString &title, const QString &text,
                                                   QMessageBox::StandardButtons buttons = QMessageBox::Ok,
                                                   QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
    /// Yes and No by default, No being the default button (irreversible actions are not confirmed by Enter).
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons = QMessageBox::Yes |
                                                                                       QMessageBox::No,
                                                QMessageBox::StandardButton defaultButton = QMessageBox::No);
    /// The "About" box (rich text). A pre-set answer only suppresses it.
    static void about(QWidget *parent, const QString &title, const QString &text);

    /// Asks for a multi-line text; nullopt when cancelled. A pre-set text (setNextText) is returned instead.
    static std::optional<QString> getText(QWidget *parent, const QString &title, const QString &label,
                                          const QString &text = QString());

    /// Asks where to save a file (QFileDialog::getSaveFileName); an empty string when cancelled. A pre-set name
    /// (setNextFileName) is returned instead.
    static QString getSaveFileName(QWidget *parent, const QString &title, const QString &suggested,
                                   const QString &filter);
    /// Asks for a file to open (QFileDialog::getOpenFileName); an empty string when cancelled. A pre-set name
    /// (setNextFileName) is returned instead.
    static QString getOpenFileName(QWidget *parent, const QString &title, const QString &folder, const QString &filter);

    /// The next box returns `answer` without being shown (for tests). Consumed by that call.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    /// The next getText() returns `text` (nullopt: as if cancelled) without showing anything.
    static void setNextText(std::optional<QString> text);
    /// The next getSaveFileName() or getOpenFileName() returns `fileName` (empty: as if cancelled) without showing
    /// anything.
    static void setNextFileName(const QString &fileName);
    /// The text of the last box shown or pre-answered (for tests), empty when none.
    static QString lastText();

private:
    static QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                                            const QString &text, QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton);
};

} // namespace pd
