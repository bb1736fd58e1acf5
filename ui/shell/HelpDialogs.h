#pragma once

#include <QCoreApplication>
#include <QString>

class QMainWindow;
class QMenu;
class QWidget;

namespace pd {

/// Help ▸ Keyboard Shortcuts and Help ▸ User Guide.
class HelpDialogs final
{
    Q_DECLARE_TR_FUNCTIONS(pd::HelpDialogs)
    Q_DISABLE_COPY_MOVE(HelpDialogs)

public:
    HelpDialogs() = delete;

    /// Adds User Guide (F1) and Keyboard Shortcuts (Ctrl+/) to `help`.
    static void fillMenu(QMenu *help, QMainWindow *window);
    /// Every shortcut of the window's menus, by menu, and the keys each page answers to.
    static void showShortcuts(QMainWindow *window);
    /// The guide shipped with the program, in the window's language.
    static void showGuide(QWidget *parent);
    /// The guide's Markdown in `language`, English where that language has none.
    static QString guide(const QString &language);
};

} // namespace pd
