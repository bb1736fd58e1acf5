#include "ui/shell/HelpDialogs.h"

#include "ui/shell/UiLanguage.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pd {

namespace {

QString plain(QString text)
{
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("…"))) {
        text.chop(1);
    }
    return text;
}

void addMenu(QTreeWidget *tree, const QMenu *menu, const QString &path)
{
    QTreeWidgetItem *group = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->menu() != nullptr) {
            addMenu(tree, action->menu(), path + QStringLiteral(" ▸ ") + plain(action->text()));
            continue;
        }
        if (action->isSeparator() || action->shortcut().isEmpty()) {
            continue;
        }
        if (group == nullptr) {
            group = new QTreeWidgetItem(tree, {path});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
        }
        new QTreeWidgetItem(group, {plain(action->text()), action->shortcut().toString(QKeySequence::NativeText)});
    }
}

QDialog *makeDialog(QWidget *parent, const QString &title, const QString &name)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(name);
    dialog->setWindowTitle(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

} // namespace

void HelpDialogs::fillMenu(QMenu *help, QMainWindow *window)
{
    QAction *guideAction = help->addAction(tr("&User Guide"));
    guideAction->setObjectName(QStringLiteral("userGuide"));
    guideAction->setShortcut(QKeySequence::HelpContents);
    QObject::connect(guideAction, &QAction::triggered, window, [window] { showGuide(window); });
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"));
    keys->setObjectName(QStringLiteral("keyboardShortcuts"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    QObject::connect(keys, &QAction::triggered, window, [window] { showShortcuts(window); });
}

void HelpDialogs::showShortcuts(QMainWindow *window)
{
    QDialog *dialog = makeDialog(window, tr("Keyboard Shortcuts"), QStringLiteral("shortcutsDialog"));
    auto *layout = new QVBoxLayout(dialog);
    auto *tree = new QTreeWidget(dialog);
    tree->setObjectName(QStringLiteral("shortcuts"));
    tree->setHeaderLabels({tr("Command"), tr("Keys")});
    tree->setRootIsDecorated(false);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    for (QAction *action : window->menuBar()->actions()) {
        if (action->menu() != nullptr) {
            addMenu(tree, action->menu(), plain(action->text()));
        }
    }
    // Keys of the pages themselves, which no menu shows.
    auto *pages = new QTreeWidgetItem(tree, {tr("On the pages")});
    QFont bold = pages->font(0);
    bold.setBold(true);
    pages->setFont(0, bold);
    const QList<QPair<QString, QString>> pageKeys = {
        {tr("Open the selected subject or request"), tr("Enter")},
        {tr("From the search box into the results"), tr("Down")},
        {tr("Back from a subject or request to the list"), tr("Esc")},
        {tr("Preview the chosen report"), QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)},
        {tr("Save the chosen report"), QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)},
        {tr("Print the chosen report"), QKeySequence(QKeySequence::Print).toString(QKeySequence::NativeText)},
    };
    for (const auto &[what, keysText] : pageKeys) {
        new QTreeWidgetItem(pages, {what, keysText});
    }
    tree->expandAll();
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    layout->addWidget(tree);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(640, 560);
    dialog->show();
}

QString HelpDialogs::guide(const QString &language)
{
    QFile file(QStringLiteral(":/help/guide_%1.md").arg(language));
    if (!file.open(QIODevice::ReadOnly)) {
        file.setFileName(QStringLiteral(":/help/guide_en.md"));
        if (!file.open(QIODevice::ReadOnly)) {
            return {};
        }
    }
    return QString::fromUtf8(file.readAll());
}

void HelpDialogs::showGuide(QWidget *parent)
{
    QDialog *dialog = makeDialog(parent, tr("Privacy Desk User Guide"), QStringLiteral("guideDialog"));
    auto *layout = new QVBoxLayout(dialog);
    auto *browser = new QTextBrowser(dialog);
    browser->setObjectName(QStringLiteral("guide"));
    browser->setOpenExternalLinks(false);
    browser->setMarkdown(guide(UiLanguage::effective()));
    layout->addWidget(browser);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(760, 640);
    dialog->show();
}

} // namespace pd
