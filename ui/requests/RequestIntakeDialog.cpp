#include "ui/requests/RequestIntakeDialog.h"

#include "app/domain/Deadlines.h"
#include "app/domain/VocabularyNames.h"
#include "app/requests/RequestService.h"
#include "ui/common/Labels.h"
#include "ui/common/Style.h"
#include "ui/requests/RequestListModel.h"
#include "ui/requests/SubjectLookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

RequestIntakeDialog::RequestIntakeDialog(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QDialog(parent), m_database(std::move(database)), m_session(session)
{
    setWindowTitle(tr("New request"));
    auto *layout = new QVBoxLayout(this);

    auto *request = new QGroupBox(tr("Request"), this);
    auto *requestForm = new QFormLayout(request);
    m_type = new QComboBox(request);
    m_type->setObjectName(QStringLiteral("type"));
    for (const QString &type : allRequestTypes()) {
        m_type->addItem(Labels::requestType(type), type);
    }
    m_regime = new QComboBox(request);
    m_regime->setObjectName(QStringLiteral("regime"));
    for (const QString &regime : allRegimes()) {
        m_regime->addItem(RequestListModel::regimeName(*parseRegime(regime)), regime);
    }
    m_received = new QDateEdit(QDate::currentDate(), request);
    m_received->setObjectName(QStringLiteral("received"));
    m_received->setCalendarPopup(true);
    m_received->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_received->setMaximumDate(QDate::currentDate());
    m_channel = new QComboBox(request);
    m_channel->setObjectName(QStringLiteral("channel"));
    for (const char *channel : {"email", "web-form", "letter", "phone", "in-person"}) { // what RequestService takes
        m_channel->addItem(VocabularyNames::channel(QLatin1String(channel)), QLatin1String(channel));
    }
    m_asked = new QPlainTextEdit(request);
    m_asked->setObjectName(QStringLiteral("asked"));
    m_asked->setTabChangesFocus(true);
    m_asked->setPlaceholderText(tr("The substance of the request, in the requester's words"));
    m_asked->setFixedHeight(fontMetrics().height() * 4 + 12);
    m_due = new QLabel(request);
    m_due->setObjectName(QStringLiteral("due"));
    requestForm->addRow(tr("Type:"), m_type);
    requestForm->addRow(tr("Law:"), m_regime);
    requestForm->addRow(tr("Received:"), m_received);
    requestForm->addRow(tr("Channel:"), m_channel);
    requestForm->addRow(tr("What is asked*:"), m_asked);
    requestForm->addRow(tr("Due:"), m_due);
    layout->addWidget(request);

    auto *requester = new QGroupBox(tr("Requester"), this);
    auto *requesterForm = new QFormLayout(requester);
    // The search field takes the whole width (its hint is long in Belarusian); who was found and the new-subject
    // choice go under it.
    auto *subjectRow = new QVBoxLayout;
    m_subject = new QLineEdit(requester);
    m_subject->setObjectName(QStringLiteral("subject"));
    m_subject->setPlaceholderText(tr("name, e-mail, phone or number"));
    m_subject->setClearButtonEnabled(true);
    m_lookup = new SubjectLookup(m_database, m_session, m_subject);
    m_subjectInfo = new QLabel(requester);
    m_subjectInfo->setObjectName(QStringLiteral("subjectInfo"));
    m_subjectInfo->setWordWrap(true);
    m_subjectInfo->hide();
    connect(m_lookup, &SubjectLookup::chosen, this, [this](qint64, const QString &description) {
        m_subjectInfo->setText(description);
        m_subjectInfo->show();
    });
    connect(m_subject, &QLineEdit::textEdited, m_subjectInfo, [this] {
        m_subjectInfo->clear();
        m_subjectInfo->hide();
    });
    m_newSubject = new QCheckBox(tr("Register as a new subject"), requester);
    m_newSubject->setObjectName(QStringLiteral("newSubject"));
    subjectRow->addWidget(m_subject);
    subjectRow->addWidget(m_subjectInfo);
    subjectRow->addWidget(m_newSubject);
    m_name = new QLineEdit(requester);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("surname, first name, patronymic"));
    m_address = new QLineEdit(requester);
    m_address->setObjectName(QStringLiteral("address"));
    m_birthDate = new QLineEdit(requester);
    m_birthDate->setObjectName(QStringLiteral("birthDate"));
    m_birthDate->setPlaceholderText(tr("YYYY-MM-DD, if given"));
    m_idNumber = new QLineEdit(requester);
    m_idNumber->setObjectName(QStringLiteral("idNumber"));
    m_idNumber->setPlaceholderText(tr("identification number, if given"));
    m_email = new QLineEdit(requester);
    m_email->setObjectName(QStringLiteral("email"));
    m_phone = new QLineEdit(requester);
    m_phone->setObjectName(QStringLiteral("phone"));
    m_answerForm = new QComboBox(requester);
    m_answerForm->setObjectName(QStringLiteral("answerForm"));
    m_answerForm->addItem(tr("By e-mail"), QStringLiteral("email"));
    m_answerForm->addItem(tr("By letter"), QStringLiteral("letter"));
    m_answerForm->addItem(tr("In person"), QStringLiteral("in-person"));
    m_language = new QComboBox(requester);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("English"), QStringLiteral("en"));
    m_language->addItem(tr("Russian"), QStringLiteral("ru"));
    requesterForm->addRow(tr("Subject:"), subjectRow);
    requesterForm->addRow(tr("Name:"), m_name);
    requesterForm->addRow(tr("Address:"), m_address);
    requesterForm->addRow(tr("Date of birth:"), m_birthDate);
    requesterForm->addRow(tr("ID number:"), m_idNumber);
    requesterForm->addRow(tr("E-mail:"), m_email);
    requesterForm->addRow(tr("Phone:"), m_phone);
    requesterForm->addRow(tr("Answer:"), m_answerForm);
    requesterForm->addRow(tr("Language:"), m_language);
    layout->addWidget(requester);

    auto *representative = new QGroupBox(tr("Representative (optional)"), this);
    auto *representativeForm = new QFormLayout(representative);
    m_representative = new QLineEdit(representative);
    m_representative->setObjectName(QStringLiteral("representative"));
    m_authority = new QLineEdit(representative);
    m_authority->setObjectName(QStringLiteral("authority"));
    m_authority->setPlaceholderText(tr("power of attorney: number and date"));
    representativeForm->addRow(tr("Name:"), m_representative);
    representativeForm->addRow(tr("Document of authority:"), m_authority);
    layout->addWidget(representative);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    Style::showAsError(m_problem);
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_register = buttons->addButton(tr("&Register"), QDialogButtonBox::AcceptRole);
    m_register->setObjectName(QStringLiteral("register"));
    m_register->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RequestIntakeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (QLineEdit *edit :
         {m_subject, m_name, m_address, m_birthDate, m_idNumber, m_email, m_phone, m_representative, m_authority}) {
        connect(edit, &QLineEdit::textChanged, this, &RequestIntakeDialog::updateState);
    }
    // A field's problem shows once the operator has left it (or tried to register), not before anything is typed.
    for (QWidget *field :
         std::initializer_list<QWidget *>{m_subject, m_name, m_birthDate, m_asked, m_representative, m_authority}) {
        field->installEventFilter(this);
    }
    for (QComboBox *combo : {m_type, m_regime, m_channel, m_answerForm, m_language}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &RequestIntakeDialog::updateState);
    }
    connect(m_received, &QDateEdit::dateChanged, this, &RequestIntakeDialog::updateState);
    connect(m_asked, &QPlainTextEdit::textChanged, this, &RequestIntakeDialog::updateState);
    connect(m_newSubject, &QCheckBox::toggled, this, &RequestIntakeDialog::updateState);
    updateState();
}

void RequestIntakeDialog::setSubject(qint64 subjectId)
{
    m_subject->setText(QString::number(subjectId));
}

RequestIntake RequestIntakeDialog::intake() const
{
    RequestIntake in;
    in.type = parseRequestType(m_type->currentData().toString()).value_or(RequestType::Access);
    in.regime = parseRegime(m_regime->currentData().toString()).value_or(Regime::By99z);
    in.received = m_received->date();
    in.channel = m_channel->currentData().toString();
    bool ok = false;
    const qint64 subject = m_subject->text().trimmed().remove(QLatin1Char('#')).toLongLong(&ok);
    if (ok && subject > 0) {
        in.subjectId = subject;
    }
    in.createSubject = m_newSubject->isChecked();
    in.requesterName = m_name->text().trimmed();
    in.requesterAddress = m_address->text().trimmed();
    in.requesterBirthDate = QDate::fromString(m_birthDate->text().trimmed(), Qt::ISODate);
    in.requesterIdNumber = m_idNumber->text().trimmed();
    in.requesterEmail = m_email->text().trimmed();
    in.requesterPhone = m_phone->text().trimmed();
    in.whatAsked = m_asked->toPlainText().trimmed();
    in.answerForm = m_answerForm->currentData().toString();
    in.language = m_language->currentData().toString();
    in.representativeName = m_representative->text().trimmed();
    in.representativeDocument = m_authority->text().trimmed();
    return in;
}

QString RequestIntakeDialog::problem() const
{
    return fieldProblem().second;
}

std::pair<QWidget *, QString> RequestIntakeDialog::fieldProblem() const
{
    const QString subject = m_subject->text().trimmed().remove(QLatin1Char('#'));
    bool ok = false;
    if (!subject.isEmpty() && (subject.toLongLong(&ok) <= 0 || !ok)) {
        return {m_subject, tr("Subject: choose one of the subjects found, or give a subject number.")};
    }
    if (!subject.isEmpty() && m_newSubject->isChecked()) {
        return {m_subject, tr("Subject: link an existing subject or register a new one, not both.")};
    }
    if (subject.isEmpty() && m_name->text().trimmed().isEmpty()) {
        return {m_name, tr("Name: required when the request is not linked to a subject.")};
    }
    if (!m_birthDate->text().trimmed().isEmpty() &&
        !QDate::fromString(m_birthDate->text().trimmed(), Qt::ISODate).isValid()) {
        return {m_birthDate, tr("Date of birth: expected YYYY-MM-DD.")};
    }
    if (m_asked->toPlainText().trimmed().isEmpty()) {
        return {m_asked, tr("What is asked: required.")};
    }
    if (!m_representative->text().trimmed().isEmpty() && m_authority->text().trimmed().isEmpty()) {
        return {m_authority, tr("Document of authority: required when a representative acts for the subject.")};
    }
    return {nullptr, QString()};
}

bool RequestIntakeDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut) {
        if (auto *field = qobject_cast<QWidget *>(watched)) {
            m_left.insert(field);
            updateState();
        }
    }
    return QDialog::eventFilter(watched, event);
}

void RequestIntakeDialog::updateState()
{
    const RequestIntake in = intake();
    const DeadlineRule rule = Deadlines::rule(in.regime, in.type);
    const QDate due = Deadlines::dueDate(in.regime, in.type, in.received);
    m_due->setText(tr("%1 (%2)").arg(QLocale().toString(due, QLocale::LongFormat), rule.sourceName()));
    const auto [field, text] = fieldProblem();
    const bool left = m_triedToRegister || m_left.contains(field);
    m_problem->setText(left ? text : QString());
    m_register->setEnabled(text.isEmpty());
    m_register->setToolTip(text);
}

void RequestIntakeDialog::accept()
{
    m_triedToRegister = true;
    if (!problem().isEmpty()) {
        updateState();
        return;
    }
    Result<qint64> id = RequestService::add(*m_database, m_session, intake());
    if (!id) {
        m_problem->setText(Labels::sentence(id.error().message));
        return;
    }
    m_requestId = id.value();
    QDialog::accept();
}

} // namespace pd
