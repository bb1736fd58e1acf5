#pragma once

#include "app/domain/Session.h"
#include "app/requests/Request.h"

#include <QDialog>
#include <QSet>

#include <memory>
#include <utility>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace pd {

class Database;
class SubjectLookup;

/// The intake form of a data-subject request: what Belarus 99-Z art. 14 and GDPR ask a request to state (name,
/// address, date of birth, identification number where given, what is asked, channel, form and language of the
/// answer), an optional representative with the document of authority, and the subject it concerns (a number, or
/// register the requester as a new subject). The due date is shown as the type, law and date change. Register
/// stores the request through RequestService; a refusal is shown under the form, which stays open.
class RequestIntakeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestIntakeDialog)

public:
    RequestIntakeDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent = nullptr);

    /// Links the request to a subject (e.g. opened from the subject page).
    void setSubject(qint64 subjectId);
    /// The registered request, after accept().
    qint64 requestId() const { return m_requestId; }
    /// The form's content as an intake.
    RequestIntake intake() const;
    /// What the form says is wrong, empty when it can be registered (also shown under the form).
    QString problem() const;

    /// The subject field's search by name, e-mail or phone.
    SubjectLookup *subjectLookup() const { return m_lookup; }

public slots:
    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateState();
    /// The first problem and the field it is in.
    std::pair<QWidget *, QString> fieldProblem() const;

    std::shared_ptr<Database> m_database;
    Session m_session;
    qint64 m_requestId = 0;
    QComboBox *m_type = nullptr;
    QComboBox *m_regime = nullptr;
    QDateEdit *m_received = nullptr;
    QComboBox *m_channel = nullptr;
    QLineEdit *m_subject = nullptr;
    QCheckBox *m_newSubject = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_birthDate = nullptr;
    QLineEdit *m_idNumber = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_phone = nullptr;
    QPlainTextEdit *m_asked = nullptr;
    QComboBox *m_answerForm = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_representative = nullptr;
    QLineEdit *m_authority = nullptr;
    QLabel *m_due = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_register = nullptr;
    QLabel *m_subjectInfo = nullptr;
    SubjectLookup *m_lookup = nullptr;
    QSet<QWidget *> m_left; ///< fields the operator has left: their problems show
    bool m_triedToRegister = false;
};

} // namespace pd
