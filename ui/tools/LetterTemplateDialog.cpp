#include "ui/tools/LetterTemplateDialog.h"

#include "app/domain/LetterTemplate.h"
#include "app/domain/Permissions.h"
#include "app/policy/LetterTemplateStore.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/Style.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>

namespace pd {

namespace {

QString languageName(const QString &language)
{
    return language == QLatin1String("ru") ? LetterTemplateDialog::tr("Russian") : LetterTemplateDialog::tr("English");
}

QString kindName(const QString &kind)
{
    return kind == QLatin1String("reply") ? LetterTemplateDialog::tr("Reply (completed or refused)") : kind;
}

} // namespace

LetterTemplateDialog::LetterTemplateDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QDialog(parent), m_database(std::move(database)), m_session(session),
      m_canEdit(Permissions::allows(session.role, Action::EditLetterTemplates))
{
    setObjectName(QStringLiteral("letterTemplateDialog"));
    setWindowTitle(tr("Reply Letter Templates"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("templateLanguage"));
    for (const QString &language : LetterTemplate::languages()) {
        m_language->addItem(languageName(language), language);
    }
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("templateKind"));
    for (const QString &kind : LetterTemplateStore::kinds()) {
        m_kind->addItem(kindName(kind), kind);
    }
    m_kind->setEnabled(m_kind->count() > 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("templateStatus"));
    m_status->setTextFormat(Qt::PlainText);

    auto *chooser = new QHBoxLayout;
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    auto *kindLabel = new QLabel(tr("&Letter:"), this);
    kindLabel->setBuddy(m_kind);
    chooser->addWidget(languageLabel);
    chooser->addWidget(m_language);
    chooser->addSpacing(12);
    chooser->addWidget(kindLabel);
    chooser->addWidget(m_kind);
    chooser->addSpacing(12);
    chooser->addWidget(m_status, 1);

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("templateEditor"));
    m_editor->setAccessibleName(tr("Template text"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setReadOnly(!m_canEdit);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("templateProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    Style::showAsError(m_problem);
    m_problem->setMinimumHeight(2 * m_problem->fontMetrics().lineSpacing());

    m_placeholders = new QListWidget(this);
    m_placeholders->setObjectName(QStringLiteral("placeholderList"));
    m_placeholders->setAccessibleName(tr("Placeholders"));
    for (const QString &name : LetterTemplate::placeholders()) {
        auto *item = new QListWidgetItem(QStringLiteral("{{%1}}").arg(name), m_placeholders);
        item->setData(Qt::UserRole, name);
        item->setToolTip(LetterTemplate::describe(name));
    }
    auto *insert = new QPushButton(tr("&Insert"), this);
    insert->setObjectName(QStringLiteral("insertPlaceholder"));
    insert->setEnabled(m_canEdit);
    insert->setToolTip(tr("Insert the chosen placeholder at the cursor (or double-click it)"));
    auto *help = new QLabel(tr("{{#name}}\u2026{{/name}}: only when name has a value.\n"
                               "{{^name}}\u2026{{/name}}: only when it has none."),
                            this);
    help->setTextFormat(Qt::PlainText);
    help->setWordWrap(true);
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("Placeholders:"), side));
    sideLayout->addWidget(m_placeholders, 1);
    sideLayout->addWidget(insert);
    sideLayout->addWidget(help);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_editor);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *editPage = new QWidget(this);
    auto *editLayout = new QVBoxLayout(editPage);
    editLayout->addWidget(splitter, 1);
    editLayout->addWidget(m_problem);

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("letterPreview"));
    m_preview->setReadOnly(true);
    m_preview->setAccessibleName(tr("Letter preview with sample values"));
    m_asRefusal = new QCheckBox(tr("Preview as a &refusal"), this);
    m_asRefusal->setObjectName(QStringLiteral("previewAsRefusal"));
    auto *previewPage = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPage);
    previewLayout->addWidget(m_asRefusal);
    previewLayout->addWidget(m_preview, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(editPage, tr("&Template"));
    m_tabs->addTab(previewPage, tr("Pre&view"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveTemplate"));
    m_reset = buttons->addButton(tr("Reset to &Built-in"), QDialogButtonBox::ResetRole);
    m_reset->setObjectName(QStringLiteral("resetTemplate"));
    QPushButton *previewButton = buttons->addButton(tr("&Preview"), QDialogButtonBox::ActionRole);
    previewButton->setObjectName(QStringLiteral("previewTemplate"));
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    if (!m_canEdit) {
        const QString why = Labels::notAllowed(m_session.role, Action::EditLetterTemplates);
        m_save->setToolTip(why);
        m_reset->setToolTip(why);
    }

    connect(m_save, &QPushButton::clicked, this, &LetterTemplateDialog::save);
    connect(m_reset, &QPushButton::clicked, this, &LetterTemplateDialog::resetToBuiltIn);
    connect(previewButton, &QPushButton::clicked, this, &LetterTemplateDialog::preview);
    connect(buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this, &LetterTemplateDialog::requestClose);
    connect(m_asRefusal, &QCheckBox::toggled, this, &LetterTemplateDialog::preview);
    connect(m_language, &QComboBox::currentIndexChanged, this, &LetterTemplateDialog::languageChosen);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &LetterTemplateDialog::languageChosen);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &LetterTemplateDialog::checkTemplate);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &LetterTemplateDialog::updateButtons);
    connect(insert, &QPushButton::clicked, this, &LetterTemplateDialog::insertPlaceholder);
    connect(m_placeholders, &QListWidget::itemDoubleClicked, this, &LetterTemplateDialog::insertPlaceholder);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(chooser);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(900, 640);
    load();
}

QString LetterTemplateDialog::language() const
{
    return m_language->currentData().toString();
}

QString LetterTemplateDialog::kind() const
{
    return m_kind->currentData().toString();
}

bool LetterTemplateDialog::setLanguage(const QString &language)
{
    const int index = m_language->findData(language);
    if (index < 0) {
        return false;
    }
    m_language->setCurrentIndex(index);
    return this->language() == language;
}

QString LetterTemplateDialog::templateText() const
{
    return m_editor->toPlainText();
}

void LetterTemplateDialog::setTemplateText(const QString &text)
{
    // Through the cursor, as typing would: the document becomes modified and undo works.
    QTextCursor cursor(m_editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
}

bool LetterTemplateDialog::isModified() const
{
    return m_editor->document()->isModified();
}

QString LetterTemplateDialog::previewText() const
{
    return m_preview->toPlainText();
}

QString LetterTemplateDialog::problemText() const
{
    return m_problem->text();
}

QString LetterTemplateDialog::statusText() const
{
    return m_status->text();
}

void LetterTemplateDialog::load()
{
    m_loadedLanguage = language();
    m_loadedKind = kind();
    const Result<LetterTemplateStore::Stored> stored =
        LetterTemplateStore::find(*m_database, m_loadedLanguage, m_loadedKind);
    m_preview->clear();
    if (!stored) {
        m_editor->setPlainText(QString());
        m_builtIn = true;
        m_status->clear();
        showProblem(Labels::sentence(stored.error().message), 0);
        updateButtons();
        return;
    }
    m_builtIn = stored->builtIn;
    m_editor->setPlainText(stored->body); // resets the modified flag
    m_status->setText(stored->builtIn
                          ? tr("Built-in template")
                          : tr("Edited by %1 on %2").arg(stored->updatedBy, Labels::localTime(stored->updatedAt)));
    if (!m_canEdit) {
        m_status->setText(m_status->text() + QStringLiteral(" \u2014 ") + tr("read-only"));
    }
    checkTemplate();
    updateButtons();
}

void LetterTemplateDialog::languageChosen()
{
    if (language() == m_loadedLanguage && kind() == m_loadedKind) {
        return;
    }
    if (!confirmDiscard()) {
        // Back to the template whose edits are kept, without asking again.
        const QSignalBlocker languageBlocker(m_language);
        const QSignalBlocker kindBlocker(m_kind);
        m_language->setCurrentIndex(m_language->findData(m_loadedLanguage));
        m_kind->setCurrentIndex(m_kind->findData(m_loadedKind));
        return;
    }
    load();
}

void LetterTemplateDialog::checkTemplate()
{
    const std::optional<TemplateProblem> problem = LetterTemplate::check(m_editor->toPlainText());
    if (problem) {
        showProblem(Labels::sentence(problem->message), problem->line);
    } else {
        showProblem(QString(), 0);
    }
    updateButtons();
}

void LetterTemplateDialog::showProblem(const QString &message, int line)
{
    m_problem->setText(message);
    QList<QTextEdit::ExtraSelection> marks;
    if (line > 0) {
        const QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(block);
            mark.format.setBackground(QColor(0xfd, 0xe7, 0xe9));
            mark.format.setProperty(QTextFormat::FullWidthSelection, true);
            marks.append(mark);
        }
    }
    m_editor->setExtraSelections(marks);
}

void LetterTemplateDialog::insertPlaceholder()
{
    const QListWidgetItem *item = m_placeholders->currentItem();
    if (!item || !m_canEdit) {
        return;
    }
    m_editor->insertPlainText(QStringLiteral("{{%1}}").arg(item->data(Qt::UserRole).toString()));
    m_tabs->setCurrentIndex(0);
    m_editor->setFocus();
}

bool LetterTemplateDialog::preview()
{
    LetterFields fields = LetterTemplate::sampleFields(language());
    if (m_asRefusal->isChecked()) {
        fields.outcome.clear();
        fields.refusalGround = language() == QLatin1String("ru")
                                   ? QString::fromUtf8("заявление не содержит сведений, предусмотренных статьёй 14 "
                                                       "Закона, и не позволяет установить заявителя.")
                                   : QStringLiteral("the request is manifestly unfounded (art. 12(5) GDPR).");
    }
    const Result<QString> letter = LetterTemplate::render(m_editor->toPlainText(), fields);
    if (!letter) {
        const std::optional<TemplateProblem> problem = LetterTemplate::check(m_editor->toPlainText());
        showProblem(Labels::sentence(letter.error().message), problem ? problem->line : 0);
        m_preview->setPlainText(Labels::sentence(letter.error().message));
        m_tabs->setCurrentIndex(0);
        return false;
    }
    m_preview->setPlainText(letter.value());
    m_tabs->setCurrentIndex(1);
    return true;
}

bool LetterTemplateDialog::save()
{
    if (!m_canEdit) {
        return false;
    }
    const Status saved =
        LetterTemplateStore::save(*m_database, m_session, m_loadedLanguage, m_loadedKind, m_editor->toPlainText());
    if (!saved) {
        const std::optional<TemplateProblem> problem = LetterTemplate::check(m_editor->toPlainText());
        showProblem(Labels::sentence(saved.error().message), problem ? problem->line : 0);
        m_tabs->setCurrentIndex(0);
        return false;
    }
    load();
    return true;
}

bool LetterTemplateDialog::resetToBuiltIn()
{
    if (!m_canEdit) {
        return false;
    }
    const QMessageBox::StandardButton answer =
        MessageBox::question(this, tr("Reset to Built-in"),
                             tr("Replace the %1 %2 template with the built-in one? The office's edited text is lost.")
                                 .arg(languageName(m_loadedLanguage), kindName(m_loadedKind).toLower()));
    if (answer != QMessageBox::Yes) {
        return false;
    }
    const Status reset = LetterTemplateStore::reset(*m_database, m_session, m_loadedLanguage, m_loadedKind);
    if (!reset) {
        showProblem(Labels::sentence(reset.error().message), 0);
        return false;
    }
    load();
    return true;
}

bool LetterTemplateDialog::confirmDiscard()
{
    if (!isModified()) {
        return true;
    }
    const QMessageBox::StandardButton answer =
        MessageBox::question(this, tr("Unsaved Template"),
                             tr("Discard your changes to the %1 %2 template?")
                                 .arg(languageName(m_loadedLanguage), kindName(m_loadedKind).toLower()));
    return answer == QMessageBox::Yes;
}

bool LetterTemplateDialog::requestClose()
{
    if (!confirmDiscard()) {
        return false;
    }
    if (isModified()) {
        load(); // the edits were discarded: next time the stored text shows
    }
    if (!m_embedded) {
        reject();
    }
    return true;
}

void LetterTemplateDialog::setEmbedded()
{
    m_embedded = true;
    setWindowFlags(Qt::Widget);
    findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close)->hide();
    layout()->setContentsMargins(0, 0, 0, 0);
}

void LetterTemplateDialog::closeEvent(QCloseEvent *event)
{
    if (!confirmDiscard()) {
        event->ignore();
        return;
    }
    if (isModified()) {
        load();
    }
    QDialog::closeEvent(event);
}

void LetterTemplateDialog::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        if (m_embedded) {
            event->ignore(); // the window around it asks about the edits and closes
            return;
        }
        requestClose();
        return;
    }
    QDialog::keyPressEvent(event);
}

void LetterTemplateDialog::updateButtons()
{
    const bool valid = m_problem->text().isEmpty();
    m_save->setEnabled(m_canEdit && valid && isModified());
    m_reset->setEnabled(m_canEdit && !m_builtIn);
    if (m_canEdit) {
        m_save->setToolTip(!isModified() ? tr("Nothing changed yet.")
                                         : (valid ? QString() : tr("Fix the problem under the template first.")));
    }
}

} // namespace pd
