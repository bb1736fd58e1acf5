#include "ui/settings/SettingsDialog.h"

#include "app/domain/Permissions.h"
#include "app/policy/ProfileExport.h"
#include "app/policy/RegisterEditor.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/Style.h"
#include "ui/settings/OperatorsPage.h"
#include "ui/tools/CalendarDialog.h"
#include "ui/tools/LetterTemplateDialog.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pd {

namespace {

const QString kGeometryKey = QStringLiteral("settingsDialog/geometry");
const QString kPageKey = QStringLiteral("settingsDialog/page");

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QDialog(parent), m_database(std::move(database)), m_session(session)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings \u2014 Privacy Desk"));

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("settingsNavigation"));
    m_navigation->setAccessibleName(tr("Settings pages"));
    m_stack = new QStackedWidget(this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    if (Permissions::allows(m_session.role, Action::ManageOperators)) {
        m_operators = new OperatorsPage(m_database, m_session, this);
        connect(m_operators, &OperatorsPage::operatorsChanged, this, &SettingsDialog::administrationChanged);
        addPage(Page::Operators, tr("Operators"), QStringLiteral("system-users"), m_operators);
    }
    addPage(Page::Security, tr("Sign-in and approvals"), QStringLiteral("security-high"), createSecurityPage());
    addPage(Page::Letterhead, tr("Letterhead"), QStringLiteral("x-office-address-book"), createLetterheadPage());
    m_calendars = new CalendarDialog(m_database, m_session, this);
    m_calendars->setEmbedded();
    connect(m_calendars, &CalendarDialog::calendarChanged, this, &SettingsDialog::administrationChanged);
    addPage(Page::Calendars, tr("Working-day calendars"), QStringLiteral("x-office-calendar"), m_calendars);
    m_templates = new LetterTemplateDialog(m_database, m_session, this);
    m_templates->setEmbedded();
    addPage(Page::Templates, tr("Reply letters"), QStringLiteral("mail-message-new"), m_templates);

    int widest = 0;
    for (int row = 0; row < m_navigation->count(); ++row) {
        widest = std::max(widest, m_navigation->fontMetrics().horizontalAdvance(m_navigation->item(row)->text()));
    }
    m_navigation->setFixedWidth(widest + 48);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::requestClose);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        showMessage(QString(), false);
    });

    auto *pages = new QHBoxLayout;
    pages->addWidget(m_navigation);
    pages->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pages, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    reload();
    const int page = QSettings().value(kPageKey, 0).toInt();
    m_navigation->setCurrentRow(page >= 0 && page < m_navigation->count() ? page : 0);
    m_navigation->setFocus(); // Up and Down go through the pages
    if (!restoreGeometry(QSettings().value(kGeometryKey).toByteArray())) {
        resize(1040, 660);
    }
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addPage(Page page, const QString &title, const QString &icon, QWidget *widget)
{
    auto *item = new QListWidgetItem(QIcon::fromTheme(icon), title, m_navigation);
    item->setData(Qt::UserRole, int(page));
    m_stack->addWidget(widget);
    m_pages.append(page);
}

QWidget *SettingsDialog::createSecurityPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("securityPage"));
    const bool canEdit = Permissions::allows(m_session.role, Action::ManageSettings);
    auto spin = [this, page, canEdit](Settings::Key key) {
        auto *box = new QSpinBox(page);
        box->setObjectName(Settings::name(key));
        const Settings::Bounds bounds = Settings::bounds(key);
        box->setRange(bounds.minimum, bounds.maximum);
        box->setEnabled(canEdit);
        box->setToolTip(tr("From %1 to %2; %3 when never set.")
                            .arg(bounds.minimum)
                            .arg(bounds.maximum)
                            .arg(Settings::defaultValue(key)));
        connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &SettingsDialog::updateButtons);
        m_spins.insert(key, box);
        return box;
    };

    auto *signIn = new QGroupBox(tr("Sign-in"), page);
    auto *signInForm = new QFormLayout(signIn);
    signInForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    signInForm->addRow(tr("Lock an idle window after (minutes):"), spin(Settings::Key::IdleLockMinutes));
    signInForm->addRow(tr("Wrong passwords that lock an account:"), spin(Settings::Key::LockoutAttempts));
    signInForm->addRow(tr("Keep it locked for (minutes):"), spin(Settings::Key::LockoutMinutes));
    signInForm->addRow(hint(tr("Every workstation locks its window after that long without input; only the signed-in "
                               "operator's password opens it again."),
                            signIn));

    auto *fourEyes = new QGroupBox(tr("Four-eyes approvals"), page);
    auto *fourEyesForm = new QFormLayout(fourEyes);
    fourEyesForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    fourEyesForm->addRow(tr("A second officer approves more subjects than:"), spin(Settings::Key::FourEyesThreshold));
    fourEyesForm->addRow(tr("Counted together over (minutes):"), spin(Settings::Key::FourEyesWindowMinutes));
    m_allDeletions = new QCheckBox(tr("Every deletion needs a second officer, whatever its size"), fourEyes);
    m_allDeletions->setObjectName(Settings::name(Settings::Key::FourEyesAllDeletions));
    m_allDeletions->setEnabled(canEdit);
    connect(m_allDeletions, &QCheckBox::toggled, this, &SettingsDialog::updateButtons);
    fourEyesForm->addRow(m_allDeletions);
    fourEyesForm->addRow(hint(tr("Anonymizing or deleting more subjects than this at once, or one operator's "
                                 "anonymizations and deletions adding up to more within the period, waits for a "
                                 "second privacy officer."),
                              fourEyes));

    auto *backups = new QGroupBox(tr("Backups"), page);
    auto *backupsForm = new QFormLayout(backups);
    backupsForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    backupsForm->addRow(tr("Backups are kept for (days):"), spin(Settings::Key::BackupKeepDays));
    backupsForm->addRow(hint(tr("What is erased from the database stays in backups until they expire; the retention "
                                "run records when that will be."),
                             backups));

    m_saveSettings = new QPushButton(tr("&Save"), page);
    m_saveSettings->setObjectName(QStringLiteral("saveSettingsButton"));
    m_saveSettings->setAutoDefault(false);
    connect(m_saveSettings, &QPushButton::clicked, this, &SettingsDialog::saveSettings);
    auto *revert = new QPushButton(tr("Re&vert"), page);
    revert->setObjectName(QStringLiteral("revertSettingsButton"));
    revert->setAutoDefault(false);
    revert->setEnabled(canEdit);
    connect(revert, &QPushButton::clicked, this, [this] {
        for (auto it = m_stored.cbegin(); it != m_stored.cend(); ++it) {
            setSettingValue(it.key(), it.value());
        }
        showMessage(QString(), false);
    });
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(revert);
    actions->addWidget(m_saveSettings);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    if (!canEdit) {
        layout->addWidget(hint(
            tr("Administrators change these settings; your role (%1) can read them.").arg(Labels::role(m_session.role)),
            page));
    }
    layout->addWidget(signIn);
    layout->addWidget(fourEyes);
    layout->addWidget(backups);
    layout->addStretch(1);
    layout->addLayout(actions);
    return page;
}

QWidget *SettingsDialog::createLetterheadPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("letterheadPage"));
    const bool canEdit = Permissions::allows(m_session.role, Action::ManageSettings) ||
                         Permissions::allows(m_session.role, Action::ManagePurposes);
    m_controller = new QComboBox(page);
    m_controller->setObjectName(QStringLiteral("letterheadController"));
    connect(m_controller, qOverload<int>(&QComboBox::currentIndexChanged), this, &SettingsDialog::letterheadChosen);
    auto *form = new QFormLayout;
    form->addRow(tr("&Controller:"), m_controller);
    const std::pair<QString, QString> fields[] = {{QStringLiteral("name"), tr("Office &name:")},
                                                  {QStringLiteral("address"), tr("&Address:")},
                                                  {QStringLiteral("contact"), tr("C&ontact:")},
                                                  {QStringLiteral("dpo"), tr("&Data protection officer:")}};
    for (const auto &[key, label] : fields) {
        auto *edit = new QLineEdit(page);
        edit->setObjectName(QStringLiteral("letterhead_") + key);
        edit->setReadOnly(!canEdit);
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::updateButtons);
        form->addRow(label, edit);
        m_letterhead.insert(key, edit);
    }
    m_letterhead.value(QStringLiteral("dpo"))->setPlaceholderText(tr("e.g. dpo@example.org, +375 17 000-00-00"));

    m_saveLetterhead = new QPushButton(tr("&Save"), page);
    m_saveLetterhead->setObjectName(QStringLiteral("saveLetterheadButton"));
    m_saveLetterhead->setAutoDefault(false);
    connect(m_saveLetterhead, &QPushButton::clicked, this, &SettingsDialog::saveLetterhead);
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_saveLetterhead);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hint(tr("At the head of every report and reply letter. These are the office's own controller "
                              "in the register of processing; officers edit its other fields on the Purposes page."),
                           page));
    if (!canEdit) {
        layout->addWidget(hint(tr("Administrators and privacy officers change the letterhead; your role (%1) can "
                                  "read it.")
                                   .arg(Labels::role(m_session.role)),
                               page));
    }
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addLayout(actions);
    return page;
}

bool SettingsDialog::hasPage(Page page) const
{
    return m_pages.contains(page);
}

bool SettingsDialog::showPage(Page page)
{
    const int row = int(m_pages.indexOf(page));
    if (row < 0) {
        return false;
    }
    m_navigation->setCurrentRow(row);
    return true;
}

SettingsDialog::Page SettingsDialog::currentPage() const
{
    const int row = m_navigation->currentRow();
    return row >= 0 && row < m_pages.size() ? m_pages.at(row) : m_pages.first();
}

int SettingsDialog::settingValue(Settings::Key key) const
{
    if (key == Settings::Key::FourEyesAllDeletions) {
        return m_allDeletions->isChecked() ? 1 : 0;
    }
    return m_spins.value(key)->value();
}

void SettingsDialog::setSettingValue(Settings::Key key, int value)
{
    if (key == Settings::Key::FourEyesAllDeletions) {
        m_allDeletions->setChecked(value != 0);
    } else {
        m_spins.value(key)->setValue(value);
    }
}

void SettingsDialog::reload()
{
    for (const Settings::Key key : Settings::allKeys()) {
        const Result<int> value = Settings::value(*m_database, key);
        m_stored.insert(key, value ? value.value() : Settings::defaultValue(key));
        setSettingValue(key, m_stored.value(key));
    }
    loadLetterhead();
    updateButtons();
}

bool SettingsDialog::saveSettings()
{
    bool changed = false;
    for (const Settings::Key key : Settings::allKeys()) {
        const int value = settingValue(key);
        if (value == m_stored.value(key)) {
            continue;
        }
        if (Status status = Settings::setValue(*m_database, m_session, key, value); !status) {
            showMessage(Labels::sentence(status.error().message), true);
            if (changed) {
                emit settingsChanged();
            }
            updateButtons();
            return false;
        }
        m_stored.insert(key, value);
        changed = true;
    }
    updateButtons();
    if (changed) {
        showMessage(tr("The settings were saved. They apply on every workstation of this database."), false);
        emit settingsChanged();
    }
    return true;
}

void SettingsDialog::loadLetterhead()
{
    const QString keep = m_controller->currentData().toString();
    m_controllers.clear();
    const Result<Profile> profile = ProfileExport::read(*m_database);
    if (profile) {
        for (const ProfileController &controller : profile->controllers) {
            if (controller.kind == ControllerKind::Own) {
                m_controllers.append(controller);
            }
        }
    } else {
        showMessage(Labels::sentence(profile.error().message), true);
    }
    {
        const QSignalBlocker blocker(m_controller);
        m_controller->clear();
        for (const ProfileController &controller : qAsConst(m_controllers)) {
            m_controller->addItem(controller.name.isEmpty() ? controller.code : controller.name, controller.code);
        }
        m_controller->setCurrentIndex(std::max(0, m_controller->findData(keep)));
    }
    m_controller->setEnabled(m_controllers.size() > 1);
    letterheadChosen();
}

void SettingsDialog::letterheadChosen()
{
    const int index = m_controller->currentIndex();
    const ProfileController controller = index >= 0 ? m_controllers.value(index) : ProfileController();
    const QString values[] = {controller.name, controller.address, controller.contact, controller.dpoContact};
    const QString keys[] = {QStringLiteral("name"), QStringLiteral("address"), QStringLiteral("contact"),
                            QStringLiteral("dpo")};
    for (int i = 0; i < 4; ++i) {
        const QSignalBlocker blocker(m_letterhead.value(keys[i]));
        m_letterhead.value(keys[i])->setText(values[i]);
        m_letterhead.value(keys[i])->setEnabled(index >= 0);
    }
    updateButtons();
}

QString SettingsDialog::letterheadField(const QString &field) const
{
    QLineEdit *edit = m_letterhead.value(field);
    return edit ? edit->text() : QString();
}

void SettingsDialog::setLetterheadField(const QString &field, const QString &value)
{
    if (QLineEdit *edit = m_letterhead.value(field)) {
        edit->setText(value);
    }
}

bool SettingsDialog::saveLetterhead()
{
    const int index = m_controller->currentIndex();
    if (index < 0) {
        return false;
    }
    const ProfileController before = m_controllers.at(index);
    ProfileController after = before;
    after.name = letterheadField(QStringLiteral("name")).trimmed();
    after.address = letterheadField(QStringLiteral("address")).trimmed();
    after.contact = letterheadField(QStringLiteral("contact")).trimmed();
    after.dpoContact = letterheadField(QStringLiteral("dpo")).trimmed();
    if (Status status = RegisterEditor::saveLetterhead(*m_database, m_session, before, after); !status) {
        showMessage(Labels::sentence(status.error().message), true);
        return false;
    }
    loadLetterhead();
    showMessage(tr("The letterhead was saved; the next report and letter carry it."), false);
    emit administrationChanged();
    return true;
}

QString SettingsDialog::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

bool SettingsDialog::isModified() const
{
    for (const Settings::Key key : Settings::allKeys()) {
        if (settingValue(key) != m_stored.value(key)) {
            return true;
        }
    }
    const int index = m_controller->currentIndex();
    if (index >= 0) {
        const ProfileController &stored = m_controllers.at(index);
        if (letterheadField(QStringLiteral("name")) != stored.name ||
            letterheadField(QStringLiteral("address")) != stored.address ||
            letterheadField(QStringLiteral("contact")) != stored.contact ||
            letterheadField(QStringLiteral("dpo")) != stored.dpoContact) {
            return true;
        }
    }
    return m_templates->isModified();
}

bool SettingsDialog::requestClose()
{
    const bool ownChanges = isModified() && !m_templates->isModified();
    if (ownChanges &&
        MessageBox::question(this, tr("Unsaved Settings"), tr("Discard the settings you changed but did not save?")) !=
            QMessageBox::Yes) {
        return false;
    }
    if (!m_templates->requestClose()) { // asks about its own edits
        return false;
    }
    reload();
    reject();
    return true;
}

void SettingsDialog::closeEvent(QCloseEvent *event)
{
    if (isVisible() && !requestClose()) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void SettingsDialog::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        requestClose();
        return;
    }
    QDialog::keyPressEvent(event);
}

void SettingsDialog::done(int result)
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kPageKey, m_navigation->currentRow());
    QDialog::done(result);
}

void SettingsDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    Style::showAsError(m_message, error);
    m_message->setVisible(!text.isEmpty());
}

void SettingsDialog::updateButtons()
{
    if (!m_saveSettings || !m_saveLetterhead || m_stored.isEmpty()) {
        return;
    }
    bool settingsChangedHere = false;
    for (const Settings::Key key : Settings::allKeys()) {
        settingsChangedHere = settingsChangedHere || settingValue(key) != m_stored.value(key);
    }
    m_saveSettings->setEnabled(settingsChangedHere);
    const bool canEditLetterhead = Permissions::allows(m_session.role, Action::ManageSettings) ||
                                   Permissions::allows(m_session.role, Action::ManagePurposes);
    m_saveLetterhead->setEnabled(canEditLetterhead && m_controller->currentIndex() >= 0);
}

} // namespace pd
