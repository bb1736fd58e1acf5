#pragma once

#include "app/subjects/SubjectDirectory.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLineEdit;
class QToolButton;

namespace pd {

class Database;

/// The search field and filters of the Subjects page: free text, state, purpose, controller and data category.
///
/// Typing is debounced (changed() once it pauses for kSearchDelayMs, or at once on Enter); a filter choice emits
/// changed() at once. The purposes and controllers come from the register of processing purposes.
class SubjectFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubjectFilterBar)

public:
    /// How long typing must pause before the search runs, in milliseconds.
    static constexpr int kSearchDelayMs = 250;

    explicit SubjectFilterBar(std::shared_ptr<Database> database, QWidget *parent = nullptr);

    /// The filter as chosen now.
    SubjectFilter filter() const;
    /// Whether anything but the text narrows the list.
    bool hasFilters() const;
    /// Reads the purposes and controllers again (after the register changed), keeping the choices.
    void reloadChoices();
    /// Back to everything (text and filters); emits changed() once.
    void clear();
    /// Puts the keyboard focus in the search field with its text selected.
    void focusSearch();
    /// Disables everything (a role that may not view personal data).
    void setUsable(bool usable);

signals:
    /// The filter changed (typing paused, Enter pressed, or a filter chosen).
    void changed();
    /// Enter in the search field, even when nothing changed (the page retries after a failure).
    void searchConfirmed();
    /// Down in the search field: the operator moves into the results.
    void moveToResults();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateClearButton();
    void updateEnabled();

    std::shared_ptr<Database> m_database;
    QLineEdit *m_search = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_purpose = nullptr;
    QComboBox *m_controller = nullptr;
    QComboBox *m_category = nullptr;
    QToolButton *m_clear = nullptr;
    QTimer m_searchDelay;
    bool m_usable = true;
    bool m_quiet = false; ///< set while clear() resets several widgets: one changed() at the end
};

} // namespace pd
