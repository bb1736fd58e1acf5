#pragma once

#include "app/domain/Session.h"
#include "app/requests/CalendarService.h"

#include <QDate>
#include <QDialog>

#include <memory>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace pd {

class Database;

/// Tools > Working-day calendars: one country's days off in one year, built-in public holidays and the office's
/// edits (CalendarService), with a form to add a day off or a working day on a date and a command to remove an
/// edit (after a confirmation; Del on the table). Officers and administrators may edit; for other roles the
/// commands are disabled and say who may. What the service refuses is shown in a message box. The dialog's size
/// is kept in QSettings.
class CalendarDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarDialog)

public:
    enum Column { Date, Weekday, State, Note, ColumnCount };

    CalendarDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);

    /// A country's name with its code for the combo box: "Belarus (BY)"; the code alone when unknown.
    static QString countryLabel(const QString &code);

    /// Shows `country` (an ISO code from CalendarService::countries()) in `year`; false when not offered.
    bool showCalendar(const QString &country, int year);
    /// The country and year shown.
    QString country() const;
    int year() const;
    /// Reads the calendar again, keeping the selected date when it is still listed.
    void reload();

    /// The status column of the row for `day` ("Built-in holiday", "Added day off", ...); empty when not listed.
    QString statusOf(const QDate &day) const;
    /// Selects the row of `day`; false when it is not listed.
    bool selectDate(const QDate &day);
    /// The date of the selected row, invalid when none.
    QDate selectedDate() const;

    /// Adds or replaces the office's edit of the form's date: a day off ("Add day off") or a working day ("Add
    /// working day"). Replacing an edit of the other kind is confirmed first.
    void addDay(bool dayOff);
    /// Removes the office's edit of the selected date after a confirmation (the "Remove edit" button, Del).
    void removeSelectedEdit();

    /// The line under the table (what was done, or a hint), empty when none.
    QString messageText() const;
    /// Makes it a page of another window (the Settings dialog): no Close button, Esc left to that window.
    void setEmbedded();

signals:
    /// An edit was added or removed here.
    void calendarChanged();

protected:
    void done(int result) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Row
    {
        QDate day;
        bool builtIn = false;
        bool edited = false;
        bool dayOff = true; ///< as edited; built-in rows without an edit are days off
        QString note;
    };

    void showMessage(const QString &text, bool error = false);
    void updateButtons();
    QString statusText(const Row &row) const;
    const Row *rowFor(const QDate &day) const;

    std::shared_ptr<Database> m_database;
    Session m_session;
    bool m_canEdit = false;
    QList<Row> m_rows;
    QComboBox *m_country = nullptr;
    QSpinBox *m_year = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_message = nullptr;
    QDateEdit *m_day = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_addDayOff = nullptr;
    QPushButton *m_addWorkingDay = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_close = nullptr;
    bool m_embedded = false;
};

} // namespace pd
