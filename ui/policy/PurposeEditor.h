#pragma once

#include "app/domain/Result.h"
#include "app/policy/Profile.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableWidget;
class QTabWidget;

namespace pd {

class RetentionRuleEdit;

/// Everything the record of processing holds about one purpose, editable: the purpose and its legal ground, the
/// data, retention (per data category where it differs), recipients and security. OK hands the entry to `save`
/// (RegisterEditor); a refusal is shown under the form and the dialog stays open with what was typed.
class PurposeEditor final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PurposeEditor)

public:
    using Save = std::function<Status(const ProfilePurpose &)>;

    /// `purpose` with an empty code: a new purpose. `register_` gives the controllers and systems to choose from.
    PurposeEditor(const Profile &register_, const ProfilePurpose &purpose, Save save, QWidget *parent = nullptr);

    /// The purpose as the form now states it.
    ProfilePurpose purpose() const;

    void accept() override;

private:
    QWidget *purposeTab();
    QWidget *dataTab();
    QWidget *retentionTab();
    QWidget *recipientsTab();
    void load(const ProfilePurpose &purpose);
    void addCategoryPeriod(const ProfileCategoryRetention &entry);
    void addRecipient(const ProfileRecipient &recipient);
    void updateState();

    const Profile &m_register;
    ProfilePurpose m_original;
    Save m_save;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_code = nullptr;
    QComboBox *m_controller = nullptr;
    QComboBox *m_system = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_description = nullptr;
    QComboBox *m_ground = nullptr;
    QLineEdit *m_reference = nullptr;
    QCheckBox *m_special = nullptr;
    QLineEdit *m_specialCondition = nullptr;
    QLineEdit *m_automated = nullptr;
    QComboBox *m_dpia = nullptr;
    QLineEdit *m_subjects = nullptr;
    QListWidget *m_categories = nullptr;
    QLineEdit *m_fields = nullptr;
    QLineEdit *m_source = nullptr;
    QLineEdit *m_processing = nullptr;
    RetentionRuleEdit *m_rule = nullptr;
    QLineEdit *m_ruleText = nullptr;
    QTableWidget *m_periods = nullptr;
    QLineEdit *m_deletion = nullptr;
    QLineEdit *m_security = nullptr;
    QLineEdit *m_countries = nullptr;
    QTableWidget *m_recipients = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace pd
