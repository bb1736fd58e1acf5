#include "ui/tools/CalendarDialog.h"

#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/Style.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace pd {

namespace {

const QString kGeometryKey = QStringLiteral("calendarDialog/geometry");

QString iso(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

bool isWeekend(const QDate &day)
{
    return day.dayOfWeek() > 5;
}

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

} // namespace

CalendarDialog::CalendarDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QDialog(parent), m_database(std::move(database)), m_session(session),
      m_canEdit(Permissions::allows(session.role, Action::ManagePurposes) ||
                Permissions::allows(session.role, Action::ManageSettings))
{
    setObjectName(QStringLiteral("calendarDialog"));
    setWindowTitle(tr("Working-Day Calendars \u2014 Privacy Desk"));

    auto *intro = new QLabel(tr("Deadlines of data-subject requests are counted in working days on the calendar of "
                                "the country whose law applies. New requests count on the calendar as edited here; "
                                "requests already registered keep their due dates."),
                             this);
    intro->setObjectName(QStringLiteral("calendarIntro"));
    intro->setWordWrap(true);

    m_country = new QComboBox(this);
    m_country->setObjectName(QStringLiteral("countryCombo"));
    for (const QString &code : CalendarService::countries()) {
        m_country->addItem(countryLabel(code), code);
    }
    m_year = new QSpinBox(this);
    m_year->setObjectName(QStringLiteral("yearSpin"));
    m_year->setRange(2000, 2099); // the Julian-to-Gregorian offset behind Orthodox Easter holds in this range
    m_year->setValue(QDate::currentDate().year());
    m_year->setGroupSeparatorShown(false);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("calendarSummary"));
    m_summary->setWordWrap(true);
    auto *choice = new QHBoxLayout;
    choice->addWidget(buddyLabel(tr("&Country:"), m_country));
    choice->addWidget(m_country);
    choice->addSpacing(12);
    choice->addWidget(buddyLabel(tr("&Year:"), m_year));
    choice->addWidget(m_year);
    choice->addSpacing(12);
    choice->addWidget(m_summary, 1);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("calendarTable"));
    m_table->setHorizontalHeaderLabels({tr("Date"), tr("Weekday"), tr("Status"), tr("Note")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setAccessibleName(tr("Days off and edits"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("calendarMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    auto *edit = new QGroupBox(tr("Edit a day"), this);
    m_day = new QDateEdit(QDate::currentDate(), edit);
    m_day->setObjectName(QStringLiteral("dayEdit"));
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_day->setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 31));
    m_day->setAccessibleName(tr("Date"));
    m_day->setMinimumWidth(m_day->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00")) + 48);
    m_note = new QLineEdit(edit);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setPlaceholderText(tr("e.g. transfer by government decree of 2025-12-20"));
    m_note->setAccessibleName(tr("Note"));
    m_addDayOff = new QPushButton(tr("Add &day off"), edit);
    m_addDayOff->setObjectName(QStringLiteral("addDayOffButton"));
    m_addWorkingDay = new QPushButton(tr("Add &working day"), edit);
    m_addWorkingDay->setObjectName(QStringLiteral("addWorkingDayButton"));
    auto *form = new QGridLayout(edit);
    form->addWidget(buddyLabel(tr("D&ate:"), m_day), 0, 0);
    form->addWidget(m_day, 0, 1);
    form->addWidget(buddyLabel(tr("N&ote:"), m_note), 0, 2);
    form->addWidget(m_note, 0, 3);
    form->addWidget(m_addDayOff, 0, 4);
    form->addWidget(m_addWorkingDay, 0, 5);
    form->setColumnStretch(3, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_remove = buttons->addButton(tr("&Remove edit\u2026"), QDialogButtonBox::ActionRole);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_remove->setObjectName(QStringLiteral("removeEditButton"));
    // Enter in the table or the note field must not add or remove a day by surprise.
    for (QPushButton *button : {m_addDayOff, m_addWorkingDay, m_remove}) {
        button->setAutoDefault(false);
    }

    auto *readOnly = new QLabel(this);
    readOnly->setObjectName(QStringLiteral("calendarReadOnlyNote"));
    readOnly->setWordWrap(true);
    readOnly->setTextFormat(Qt::PlainText);
    readOnly->hide();
    if (!m_canEdit) {
        const QString why = tr("Your role (%1) cannot edit the calendars; privacy officers and administrators can.")
                                .arg(Labels::role(session.role));
        for (QPushButton *button : {m_addDayOff, m_addWorkingDay, m_remove}) {
            button->setToolTip(why);
        }
        m_day->setEnabled(false);
        m_note->setEnabled(false);
        readOnly->setText(why);
        QFont italic = readOnly->font();
        italic.setItalic(true);
        readOnly->setFont(italic);
        readOnly->show();
    }

    connect(m_addDayOff, &QPushButton::clicked, this, [this] { addDay(true); });
    connect(m_addWorkingDay, &QPushButton::clicked, this, [this] { addDay(false); });
    connect(m_remove, &QPushButton::clicked, this, &CalendarDialog::removeSelectedEdit);
    connect(buttons, &QDialogButtonBox::rejected, this, &CalendarDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &CalendarDialog::updateButtons);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        // The form follows the selection, so that a listed day is edited without typing its date.
        if (const QDate day = selectedDate(); day.isValid()) {
            m_day->setDate(day);
        }
    });
    connect(m_country, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        showMessage(QString());
        reload();
    });
    connect(m_year, qOverload<int>(&QSpinBox::valueChanged), this, [this](int year) {
        if (m_day->date().year() != year) {
            m_day->setDate(QDate(year, m_day->date().month(), std::min(m_day->date().day(), 28)));
        }
        showMessage(QString());
        reload();
    });
    // Only on the table: Del in the note field deletes text.
    new QShortcut(QKeySequence::Delete, m_table, this, &CalendarDialog::removeSelectedEdit, Qt::WidgetShortcut);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(readOnly);
    layout->addLayout(choice);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addWidget(edit);
    layout->addWidget(buttons);

    if (!restoreGeometry(QSettings().value(kGeometryKey).toByteArray())) {
        resize(820, 600);
    }
    reload();
}

QString CalendarDialog::countryLabel(const QString &code)
{
    // Built on every call: the language may change while the program runs.
    const QHash<QString, QString> names = {
        {QStringLiteral("BY"), tr("Belarus")},        {QStringLiteral("RU"), tr("Russia")},
        {QStringLiteral("GB"), tr("United Kingdom")}, {QStringLiteral("DE"), tr("Germany")},
        {QStringLiteral("US"), tr("United States")},  {QStringLiteral("BR"), tr("Brazil")},
    };
    const QString name = names.value(code);
    return name.isEmpty() ? code : tr("%1 (%2)").arg(name, code);
}

bool CalendarDialog::showCalendar(const QString &country, int year)
{
    const int index = m_country->findData(country);
    if (index < 0 || year < m_year->minimum() || year > m_year->maximum()) {
        return false;
    }
    const QSignalBlocker blockCountry(m_country);
    const QSignalBlocker blockYear(m_year);
    m_country->setCurrentIndex(index);
    m_year->setValue(year);
    if (m_day->date().year() != year) {
        m_day->setDate(QDate(year, 1, 1));
    }
    reload();
    return true;
}

QString CalendarDialog::country() const
{
    return m_country->currentData().toString();
}

int CalendarDialog::year() const
{
    return m_year->value();
}

void CalendarDialog::reload()
{
    const QDate selected = selectedDate();
    const QString code = country();
    const int shownYear = year();
    m_rows.clear();
    m_table->setRowCount(0);

    QMap<QDate, Row> rows;
    const QList<QDate> builtIn = WorkingCalendar::builtIn(code, shownYear, shownYear).daysOff(shownYear);
    for (const QDate &day : builtIn) {
        rows[day] = Row{day, true, false, true, QString()};
    }
    const Result<QList<CalendarService::Day>> edits = CalendarService::edits(*m_database, code);
    const Result<WorkingCalendar> effective = CalendarService::effective(*m_database, code, shownYear);
    if (!edits || !effective) {
        const QString message = !edits ? edits.error().message : effective.error().message;
        m_summary->clear();
        showMessage(Labels::sentence(message), true);
        updateButtons();
        return;
    }
    int edited = 0;
    for (const CalendarService::Day &edit : edits.value()) {
        if (edit.day.year() != shownYear) {
            continue;
        }
        ++edited;
        Row &row = rows[edit.day];
        row.day = edit.day;
        row.edited = true;
        row.dayOff = edit.dayOff;
        row.note = edit.note;
    }
    m_rows = rows.values();

    m_table->setRowCount(int(m_rows.size()));
    const QLocale locale;
    for (int index = 0; index < m_rows.size(); ++index) {
        const Row &row = m_rows.at(index);
        const QString cells[ColumnCount] = {iso(row.day), locale.dayName(row.day.dayOfWeek()), statusText(row),
                                            row.note};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, row.day);
            if (row.edited) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setToolTip(tr("Edited by the office"));
            }
            if (column == Note && !row.note.isEmpty()) {
                item->setToolTip(row.note);
            }
            m_table->setItem(index, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(Note, QHeaderView::Stretch);

    int workingDays = 0;
    for (QDate day(shownYear, 1, 1); day.year() == shownYear; day = day.addDays(1)) {
        workingDays += effective->isWorkingDay(day) ? 1 : 0;
    }
    QString summary = tr("Working days in %1: %2. Office edits: %3.")
                          .arg(QString::number(shownYear), locale.toString(workingDays), locale.toString(edited));
    if (builtIn.isEmpty()) {
        summary += QLatin1Char(' ') + tr("No public holidays are built in for this country: add the days off it "
                                         "observes.");
    }
    m_summary->setText(summary);

    if (!selectDate(selected) && !m_rows.isEmpty()) {
        m_table->clearSelection();
    }
    updateButtons();
}

QString CalendarDialog::statusOf(const QDate &day) const
{
    const Row *row = rowFor(day);
    return row ? statusText(*row) : QString();
}

bool CalendarDialog::selectDate(const QDate &day)
{
    for (int index = 0; index < m_rows.size(); ++index) {
        if (m_rows.at(index).day == day) {
            m_table->selectRow(index);
            m_table->scrollToItem(m_table->item(index, Date));
            return true;
        }
    }
    return false;
}

QDate CalendarDialog::selectedDate() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? QDate() : selected.first()->data(Qt::UserRole).toDate();
}

void CalendarDialog::addDay(bool dayOff)
{
    if (!m_canEdit) {
        return;
    }
    const QDate day = m_day->date();
    const QString title = dayOff ? tr("Add Day Off") : tr("Add Working Day");
    const Row *existing = rowFor(day);
    const bool wasBuiltIn = existing && existing->builtIn; // m_rows is read again below
    if (existing && existing->edited && existing->dayOff != dayOff &&
        MessageBox::question(this, title,
                             tr("%1 already has an edit (%2). Replace it?").arg(iso(day), statusText(*existing))) !=
            QMessageBox::Yes) {
        return;
    }
    const Status saved =
        CalendarService::setDay(*m_database, m_session, CalendarService::Day{country(), day, dayOff, m_note->text()});
    if (!saved) {
        MessageBox::warning(this, title, Labels::sentence(saved.error().message));
        return;
    }
    m_note->clear();
    if (day.year() != year()) {
        showCalendar(country(), day.year());
    } else {
        reload();
    }
    selectDate(day);
    QString done = dayOff ? tr("%1 is now a day off.").arg(iso(day)) : tr("%1 is now a working day.").arg(iso(day));
    if (dayOff && isWeekend(day)) {
        done += QLatin1Char(' ') + tr("It falls on a weekend, so deadlines do not change.");
    } else if (!dayOff && !isWeekend(day) && !wasBuiltIn) {
        done += QLatin1Char(' ') + tr("It was one already, so deadlines do not change.");
    }
    showMessage(done);
    emit calendarChanged();
}

void CalendarDialog::removeSelectedEdit()
{
    const QDate day = selectedDate();
    const Row *row = rowFor(day);
    if (!m_canEdit || !row || !row->edited) {
        return;
    }
    const QString question = row->builtIn
                                 ? tr("Remove the office's edit of %1? The built-in holiday holds again.").arg(iso(day))
                                 : tr("Remove the office's edit of %1? It becomes an ordinary %2 again.")
                                       .arg(iso(day), QLocale().dayName(day.dayOfWeek()));
    if (MessageBox::question(this, tr("Remove Edit"), question) != QMessageBox::Yes) {
        return;
    }
    const Status removed = CalendarService::removeDay(*m_database, m_session, country(), day);
    if (!removed) {
        MessageBox::warning(this, tr("Remove Edit"), Labels::sentence(removed.error().message));
        reload();
        return;
    }
    reload();
    showMessage(tr("The edit of %1 was removed.").arg(iso(day)));
    emit calendarChanged();
}

QString CalendarDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void CalendarDialog::done(int result)
{
    QSettings().setValue(kGeometryKey, saveGeometry());
    QDialog::done(result);
}

void CalendarDialog::setEmbedded()
{
    m_embedded = true;
    setWindowFlags(Qt::Widget);
    m_close->hide();
    layout()->setContentsMargins(0, 0, 0, 0);
}

void CalendarDialog::keyPressEvent(QKeyEvent *event)
{
    if (m_embedded && event->key() == Qt::Key_Escape) {
        event->ignore(); // the window around it closes
        return;
    }
    QDialog::keyPressEvent(event);
}

void CalendarDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    Style::showAsError(m_message, error);
    m_message->setVisible(!text.isEmpty());
}

void CalendarDialog::updateButtons()
{
    m_addDayOff->setEnabled(m_canEdit);
    m_addWorkingDay->setEnabled(m_canEdit);
    const Row *row = rowFor(selectedDate());
    m_remove->setEnabled(m_canEdit && row && row->edited);
    if (m_canEdit) {
        m_remove->setToolTip(row && !row->edited
                                 ? tr("Built-in holidays cannot be removed: add a working day on that date instead.")
                                 : QString());
    }
}

QString CalendarDialog::statusText(const Row &row) const
{
    if (!row.edited) {
        return tr("Built-in holiday");
    }
    if (row.builtIn) {
        return row.dayOff ? tr("Built-in holiday, noted") : tr("Built-in holiday taken back");
    }
    if (row.dayOff) {
        return isWeekend(row.day) ? tr("Added day off (a weekend)") : tr("Added day off");
    }
    return isWeekend(row.day) ? tr("Working day (transfer)") : tr("Working day (no change)");
}

const CalendarDialog::Row *CalendarDialog::rowFor(const QDate &day) const
{
    for (const Row &row : m_rows) {
        if (row.day == day) {
            return &row;
        }
    }
    return nullptr;
}

} // namespace pd
