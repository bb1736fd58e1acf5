#include "ui/common/MessageBox.h"

#include <QFileDialog>
#include <QInputDialog>

#include <utility>

namespace pd {

namespace {

std::optional<QMessageBox::StandardButton> &nextAnswer()
{
    static std::optional<QMessageBox::StandardButton> answer;
    return answer;
}

std::optional<std::optional<QString>> &nextText()
{
    static std::optional<std::optional<QString>> text;
    return text;
}

std::optional<QString> &nextFileName()
{
    static std::optional<QString> fileName;
    return fileName;
}

QString &lastShown()
{
    static QString text;
    return text;
}

} // namespace

QMessageBox::StandardButton MessageBox::show(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                                             const QString &text, QMessageBox::StandardButtons buttons,
                                             QMessageBox::StandardButton defaultButton)
{
    lastShown() = text;
    if (const std::optional<QMessageBox::StandardButton> answer = std::exchange(nextAnswer(), std::nullopt)) {
        return *answer;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    box.setTextFormat(Qt::PlainText); // messages may carry names typed by operators
    return QMessageBox::StandardButton(box.exec());
}

QMessageBox::StandardButton MessageBox::critical(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    return show(QMessageBox::Critical, parent, title, text, buttons, defaultButton);
}

QMessageBox::StandardButton MessageBox::warning(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton)
{
    return show(QMessageBox::Warning, parent, title, text, buttons, defaultButton);
}

QMessageBox::StandardButton MessageBox::information(QWidget *parent, const QString &title, const QString &text,
                                                    QMessageBox::StandardButtons buttons,
                                                    QMessageBox::StandardButton defaultButton)
{
    return show(QMessageBox::Information, parent, title, text, buttons, defaultButton);
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    return show(QMessageBox::Question, parent, title, text, buttons, defaultButton);
}

void MessageBox::about(QWidget *parent, const QString &title, const QString &text)
{
    lastShown() = text;
    if (std::exchange(nextAnswer(), std::nullopt)) {
        return;
    }
    QMessageBox::about(parent, title, text);
}

std::optional<QString> MessageBox::getText(QWidget *parent, const QString &title, const QString &label,
                                           const QString &text)
{
    lastShown() = label;
    if (std::optional<std::optional<QString>> preset = std::exchange(nextText(), std::nullopt)) {
        return *preset;
    }
    bool ok = false;
    const QString entered = QInputDialog::getMultiLineText(parent, title, label, text, &ok);
    if (!ok) {
        return std::nullopt;
    }
    return entered;
}

QString MessageBox::getSaveFileName(QWidget *parent, const QString &title, const QString &suggested,
                                    const QString &filter)
{
    lastShown() = title;
    if (std::optional<QString> preset = std::exchange(nextFileName(), std::nullopt)) {
        return *preset;
    }
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

QString MessageBox::getOpenFileName(QWidget *parent, const QString &title, const QString &folder, const QString &filter)
{
    lastShown() = title;
    if (std::optional<QString> preset = std::exchange(nextFileName(), std::nullopt)) {
        return *preset;
    }
    return QFileDialog::getOpenFileName(parent, title, folder, filter);
}

void MessageBox::setNextFileName(const QString &fileName)
{
    nextFileName() = fileName;
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    nextAnswer() = answer;
}

void MessageBox::setNextText(std::optional<QString> text)
{
    nextText() = std::move(text);
}

QString MessageBox::lastText()
{
    return lastShown();
}

} // namespace pd
