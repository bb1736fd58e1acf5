#include "ui/requests/RequestPanel.h"

#include "app/domain/Deadlines.h"
#include "app/domain/Permissions.h"
#include "app/domain/VocabularyNames.h"
#include "app/requests/RequestClosing.h"
#include "app/requests/RequestExecution.h"
#include "app/requests/RequestRegister.h"
#include "app/requests/RequestService.h"
#include "ui/common/FormDialog.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/requests/ReplyStep.h"
#include "ui/requests/RequestListModel.h"
#include "ui/requests/RequestProgress.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pd {

namespace {

QString executionLabel(RequestExecution::Operation::Kind kind)
{
    using Kind = RequestExecution::Operation::Kind;
    switch (kind) {
    case Kind::Delete:
        return RequestPanel::tr("Delete the subject's data");
    case Kind::Anonymize:
        return RequestPanel::tr("Anonymize the subject");
    case Kind::Block:
        return RequestPanel::tr("Block the subject's data");
    case Kind::Correct:
        return RequestPanel::tr("Correct a field");
    case Kind::WithdrawConsent:
        return RequestPanel::tr("Withdraw consent and schedule erasure");
    case Kind::ProvideData:
        return RequestPanel::tr("Attach the subject's data");
    }
    return {};
}

} // namespace

RequestPanel::RequestPanel(std::shared_ptr<Database> database, const Session &session, QWidget *parent)
    : QWidget(parent), m_database(std::move(database)), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *back = new QPushButton(tr("← Back to the list"), this);
    back->setObjectName(QStringLiteral("back"));
    back->setToolTip(tr("Back to the list (Esc)"));
    connect(back, &QPushButton::clicked, this, &RequestPanel::backRequested);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &RequestPanel::backRequested);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("title"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    header->addWidget(back);
    header->addSpacing(12);
    header->addWidget(m_title, 1);
    layout->addLayout(header);

    m_clock = new QLabel(this);
    m_clock->setObjectName(QStringLiteral("clock"));
    m_clock->setWordWrap(true);
    layout->addWidget(m_clock);

    // Where the request stands, its one next step as the main button, and every step in a menu beside it.
    auto *steps = new QHBoxLayout;
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setTextFormat(Qt::RichText);
    m_progress->setWordWrap(true);
    m_next = new QPushButton(this);
    m_next->setObjectName(QStringLiteral("nextStep"));
    m_next->setDefault(true);
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (const Step step = nextStep(); step != StepCount) {
            runStep(step);
        }
    });
    auto *nextShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    nextShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(nextShortcut, &QShortcut::activated, m_next, &QPushButton::click);
    // A push button with a menu: it leaves room for the arrow, which a tool button drew over the last letter.
    auto *more = new QPushButton(tr("&More Actions"), this);
    more->setObjectName(QStringLiteral("moreSteps"));
    more->setAutoDefault(false);
    m_stepMenu = new QMenu(more);
    m_stepMenu->setToolTipsVisible(true);
    more->setMenu(m_stepMenu);
    const QString labels[StepCount] = {tr("Check &identity…"), tr("&Ask requester…"), tr("Resume &clock"),
                                       tr("E&xtend…"),         tr("Assi&gn…"),        tr("Carry &out…"),
                                       tr("&Reply letter…"),   tr("Co&mplete…"),      tr("Re&fuse…"),
                                       tr("&Withdrawn…"),      tr("Co&mment…")};
    for (int step = 0; step < StepCount; ++step) {
        if (step == Refuse || step == Comment) {
            m_stepMenu->addSeparator();
        }
        QAction *action = m_stepMenu->addAction(labels[step]);
        action->setObjectName(QStringLiteral("step%1").arg(step));
        connect(action, &QAction::triggered, this, [this, step] { runStep(Step(step)); });
        m_actions[step] = action;
    }
    steps->addWidget(m_progress, 1);
    steps->addWidget(m_next);
    steps->addWidget(more);
    layout->addLayout(steps);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_details = new QLabel(splitter);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMargin(8);
    m_timeline = new QTreeWidget(splitter);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setRootIsDecorated(false);
    m_timeline->setHeaderLabels({tr("When"), tr("Who"), tr("What")});
    m_timeline->header()->setStretchLastSection(true);
    m_timeline->setWordWrap(true);
    splitter->addWidget(m_details);
    splitter->addWidget(m_timeline);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
}

bool RequestPanel::showRequest(qint64 requestId)
{
    Result<RequestRecord> record = RequestRegister::get(*m_database, m_session, requestId);
    if (!record) {
        MessageBox::warning(this, tr("Request"), Labels::sentence(record.error().message));
        return false;
    }
    Result<QList<RequestEvent>> events = RequestRegister::events(*m_database, m_session, requestId);
    if (!events) {
        MessageBox::warning(this, tr("Request"), Labels::sentence(events.error().message));
        return false;
    }
    m_record = record.value();
    const RequestRecord &r = m_record;
    m_title->setText(tr("Request #%1 · %2 · %3 · %4")
                         .arg(r.id)
                         .arg(Labels::requestType(toString(r.type)), RequestListModel::regimeName(r.regime),
                              Labels::requestStatus(toString(r.status))));

    const DeadlineRule rule = Deadlines::rule(r.regime, r.type);
    const QDate today = QDate::currentDate();
    QString clock = tr("Received %1 · due %2 (%3)")
                        .arg(QLocale().toString(r.received, QLocale::ShortFormat),
                             QLocale().toString(r.effectiveDue(), QLocale::LongFormat), rule.sourceName());
    if (r.extendedDue.isValid()) {
        clock += QStringLiteral(" · ") + tr("extended from %1; requester told on %2")
                                             .arg(QLocale().toString(r.due, QLocale::ShortFormat),
                                                  QLocale().toString(r.extensionNotified, QLocale::ShortFormat));
    }
    if (r.pausedSince.isValid()) {
        clock += QStringLiteral(" · ") +
                 tr("clock stopped since %1").arg(QLocale().toString(r.pausedSince, QLocale::ShortFormat));
    }
    QString style;
    if (r.isOpen()) {
        const qint64 days = today.daysTo(r.effectiveDue());
        clock += QStringLiteral(" · ") +
                 (days < 0 ? tr("%Ln day(s) overdue", nullptr, int(-days)) : tr("%Ln day(s) left", nullptr, int(days)));
        const RequestAge age = requestAge(r.effectiveDue(), today);
        if (const QColor background = RequestListModel::ageBackground(age); background.isValid()) {
            style = QStringLiteral("background: %1;").arg(background.name());
        }
        if (const QColor text = RequestListModel::ageForeground(age); text.isValid()) {
            style += QStringLiteral(" color: %1;").arg(text.name());
        }
    }
    m_clock->setText(clock);
    m_clock->setStyleSheet(style.isEmpty() ? QString() : style + QStringLiteral(" padding: 6px; border-radius: 4px;"));

    const auto row = [](const QString &label, const QString &value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<tr><td style='color:#555;padding-right:12px'>%1</td><td>%2</td></tr>")
                                     .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Requester"), r.requesterName);
    html += row(tr("Subject"), r.subjectId ? tr("#%1 %2").arg(*r.subjectId).arg(r.subjectName) : tr("not linked"));
    html += row(tr("Address"), r.requesterAddress);
    html += row(tr("Date of birth"), r.requesterBirthDate.isValid()
                                         ? QLocale().toString(r.requesterBirthDate, QLocale::ShortFormat)
                                         : QString());
    html += row(tr("ID number"), r.requesterIdNumber);
    html += row(tr("E-mail"), r.requesterEmail);
    html += row(tr("Phone"), r.requesterPhone);
    html += row(tr("Representative"), r.representativeName.isEmpty()
                                          ? QString()
                                          : tr("%1 (%2)").arg(r.representativeName, r.representativeDocument));
    html += row(tr("What is asked"), r.whatAsked);
    html += row(tr("Channel"), VocabularyNames::channel(r.channel));
    html += row(tr("Answer"),
                tr("%1, in %2").arg(VocabularyNames::answerForm(r.answerForm), VocabularyNames::language(r.language)));
    html += row(tr("Assigned to"), r.assigneeName.isEmpty() ? tr("nobody") : r.assigneeName);
    html += row(
        tr("Identity"),
        r.identityMethod.isEmpty() ? tr("not checked yet")
        : r.identityCheckedBy.isEmpty()
            ? tr("%1: %2").arg(r.identityResult == QLatin1String("confirmed") ? tr("confirmed") : tr("not confirmed"),
                               r.identityMethod)
            : tr("%1: %2 (%3, %4)")
                  .arg(r.identityResult == QLatin1String("confirmed") ? tr("confirmed") : tr("not confirmed"),
                       r.identityMethod, r.identityCheckedBy, Labels::localTime(r.identityCheckedAt)));
    html += row(tr("Duplicate"), r.duplicateOf
                                     ? tr("an open request #%1 of the same subject and type exists").arg(*r.duplicateOf)
                                     : QString());
    html += row(tr("Replied"), r.repliedAt.isEmpty() ? QString()
                                                     : tr("%1 (%2)").arg(Labels::localTime(r.repliedAt),
                                                                         VocabularyNames::answerForm(r.replyForm)));
    html += row(tr("Refusal ground"), r.refusalGround);
    html += QStringLiteral("</table>");
    m_details->setText(html);

    m_timeline->clear();
    m_executed = false;
    for (const RequestEvent &e : events.value()) {
        m_executed = m_executed || e.kind == QLatin1String("executed");
        QString what = e.comment;
        if (!e.toStatus.isEmpty() && !e.fromStatus.isEmpty()) {
            what = tr("%1 → %2: %3").arg(Labels::requestStatus(e.fromStatus), Labels::requestStatus(e.toStatus), what);
        }
        auto *item = new QTreeWidgetItem(m_timeline, {Labels::localTime(e.at), e.operatorName, what});
        item->setToolTip(0, Labels::fullTime(e.at));
        item->setToolTip(2, what);
    }
    m_timeline->resizeColumnToContents(0);
    m_timeline->resizeColumnToContents(1);
    updateSteps();
    return true;
}

bool RequestPanel::reload()
{
    return m_record.id != 0 && showRequest(m_record.id);
}

void RequestPanel::updateSteps()
{
    const RequestRecord &r = m_record;
    const bool mayHandle = Permissions::allows(m_session.role, Action::HandleRequests);
    const bool open = r.isOpen();
    const DeadlineRule rule = Deadlines::rule(r.regime, r.type);
    const auto set = [this](Step step, bool enabled, const QString &why) {
        m_actions[step]->setEnabled(enabled);
        m_actions[step]->setToolTip(enabled ? QString() : why);
    };
    const QString role = tr("Your role (%1) does not handle requests").arg(Labels::role(m_session.role));
    const QString closed = tr("The request is closed");
    const auto check = [&](Step step, bool condition, const QString &why) {
        set(step, mayHandle && open && condition, !mayHandle ? role : !open ? closed : why);
    };
    const bool awaiting = r.status == RequestStatus::AwaitingApproval;
    check(CheckIdentity, !awaiting, tr("The request awaits approval"));
    check(AskRequester, !awaiting, tr("The request awaits approval"));
    check(Resume, r.pausedSince.isValid(), tr("The clock is running"));
    check(Extend, rule.extension.has_value() && !r.extendedDue.isValid(),
          r.extendedDue.isValid() ? tr("Already extended") : tr("%1 allows no extension").arg(rule.sourceName()));
    check(Assign, true, QString());
    check(Execute,
          r.status == RequestStatus::InProgress && r.subjectId && !RequestExecution::operationsFor(r.type).isEmpty(),
          !r.subjectId                                        ? tr("The request is not linked to a subject")
          : RequestExecution::operationsFor(r.type).isEmpty() ? tr("Nothing to carry out for this type")
                                                              : tr("Confirm the identity first"));
    set(Reply, mayHandle && r.status != RequestStatus::Withdrawn, mayHandle ? tr("The request was withdrawn") : role);
    check(Complete, r.status == RequestStatus::InProgress && !r.repliedAt.isEmpty(),
          r.status != RequestStatus::InProgress ? tr("Only a request in progress is completed")
                                                : tr("Send the reply letter first"));
    check(Refuse, !awaiting, tr("The request awaits approval"));
    check(Withdraw, !awaiting, tr("The request awaits approval"));
    set(Comment, mayHandle, role);
    updateNextStep();
}

RequestProgress RequestPanel::progress() const
{
    return RequestProgress(m_record, m_executed, !RequestExecution::operationsFor(m_record.type).isEmpty());
}

RequestPanel::Step RequestPanel::nextStep() const
{
    const RequestRecord &r = m_record;
    if (!r.isOpen() || r.status == RequestStatus::AwaitingApproval) {
        return StepCount;
    }
    if (r.pausedSince.isValid()) {
        return Resume;
    }
    switch (progress().current()) {
    case RequestProgress::Identity:
        return CheckIdentity;
    case RequestProgress::CarryOut:
        return Execute;
    case RequestProgress::Reply:
        return Reply;
    case RequestProgress::Complete:
        return Complete;
    case RequestProgress::StageCount:
        break;
    }
    return StepCount;
}

void RequestPanel::updateNextStep()
{
    const RequestRecord &r = m_record;
    m_progress->setText(progress().html());
    const Step next = nextStep();
    if (next == StepCount) {
        m_next->setText(r.status == RequestStatus::AwaitingApproval ? tr("Awaiting Approval") : tr("Closed"));
        m_next->setEnabled(false);
        m_next->setToolTip(r.status == RequestStatus::AwaitingApproval
                               ? tr("A second officer decides in Tools ▸ Pending Approvals")
                               : tr("The request is closed"));
        return;
    }
    QAction *action = m_actions[next];
    m_next->setText(action->text());
    m_next->setEnabled(action->isEnabled());
    m_next->setToolTip(action->isEnabled() ? tr("The next step (Ctrl+Enter)") : action->toolTip());
}

void RequestPanel::report(const Status &status)
{
    if (!status) {
        MessageBox::warning(this, tr("Request #%1").arg(m_record.id), Labels::sentence(status.error().message));
    } else {
        emit requestChanged(m_record.id);
    }
    reload();
}

void RequestPanel::runStep(Step step)
{
    switch (step) {
    case CheckIdentity:
        checkIdentity();
        break;
    case AskRequester:
        askRequester();
        break;
    case Resume:
        resumeClock();
        break;
    case Extend:
        extend();
        break;
    case Assign:
        assign();
        break;
    case Execute:
        execute();
        break;
    case Reply:
        reply();
        break;
    case Complete:
        complete();
        break;
    case Refuse:
        refuse();
        break;
    case Withdraw:
        withdraw();
        break;
    case Comment:
        comment();
        break;
    case StepCount:
        break;
    }
}

void RequestPanel::checkIdentity()
{
    FormDialog form(tr("Identity check"),
                    tr("Record how the requester's identity was checked. Proportionate means: no more than the "
                       "request needs. Only that a document was seen is recorded; never keep a copy or its number."),
                    tr("Record"), this);
    form.addText(QStringLiteral("method"), tr("Method"), true, tr("e.g. ID card shown at the office"));
    form.addChoice(QStringLiteral("result"), tr("Result"),
                   {{QStringLiteral("confirmed"), tr("Confirmed")}, {QStringLiteral("failed"), tr("Not confirmed")}});
    form.addText(QStringLiteral("note"), tr("Note"), false);
    if (!form.run()) {
        return;
    }
    report(RequestService::checkIdentity(*m_database, m_session, m_record.id, m_record.version,
                                         {form.text(QStringLiteral("method")),
                                          form.text(QStringLiteral("result")) == QLatin1String("confirmed"),
                                          form.text(QStringLiteral("note"))}));
}

void RequestPanel::askRequester()
{
    const DeadlineRule rule = Deadlines::rule(m_record.regime, m_record.type);
    FormDialog form(tr("Ask the requester"),
                    rule.pausable ? tr("The clock stops until the requester answers (%1).").arg(rule.sourceName())
                                  : tr("The clock keeps running: %1 does not stop it.").arg(rule.sourceName()),
                    tr("Record"), this);
    form.addText(QStringLiteral("what"), tr("Asked for"), true, tr("e.g. proof of identity, the account number"));
    form.addDate(QStringLiteral("since"), tr("Asked on"), QDate::currentDate(), QDate::currentDate());
    if (!form.run()) {
        return;
    }
    report(RequestService::askRequester(*m_database, m_session, m_record.id, m_record.version,
                                        form.text(QStringLiteral("what")), form.date(QStringLiteral("since"))));
}

void RequestPanel::resumeClock()
{
    FormDialog form(tr("Resume the clock"), tr("The requester answered. The days waited move the due date on."),
                    tr("Resume"), this);
    form.addDate(QStringLiteral("on"), tr("Answered on"), QDate::currentDate(), QDate::currentDate());
    if (!form.run()) {
        return;
    }
    report(
        RequestService::resume(*m_database, m_session, m_record.id, m_record.version, form.date(QStringLiteral("on"))));
}

void RequestPanel::extend()
{
    const DeadlineRule rule = Deadlines::rule(m_record.regime, m_record.type);
    FormDialog form(tr("Extend the deadline"),
                    tr("%1 allows one extension with reasons, of which the requester must be told within the first "
                       "period.")
                        .arg(rule.sourceName()),
                    tr("Extend"), this);
    form.addText(QStringLiteral("reason"), tr("Reason"), true, tr("e.g. complex request: data in several systems"));
    form.addDate(QStringLiteral("notified"), tr("Requester told on"), QDate::currentDate(), QDate::currentDate());
    if (!form.run()) {
        return;
    }
    report(RequestService::extend(*m_database, m_session, m_record.id, m_record.version,
                                  form.text(QStringLiteral("reason")), form.date(QStringLiteral("notified"))));
}

void RequestPanel::assign()
{
    Result<QList<std::pair<qint64, QString>>> people = RequestRegister::assignees(*m_database, m_session);
    if (!people) {
        report(people.error());
        return;
    }
    QList<std::pair<QString, QString>> items{{QStringLiteral("0"), tr("Nobody")}};
    for (const auto &[id, name] : people.value()) {
        items.append({QString::number(id), name});
    }
    FormDialog form(tr("Assign the request"), QString(), tr("Assign"), this);
    form.addChoice(QStringLiteral("operator"), tr("Operator"), items,
                   QString::number(m_record.assigneeId.value_or(m_session.operatorId)));
    if (!form.run()) {
        return;
    }
    report(RequestService::assign(*m_database, m_session, m_record.id, m_record.version,
                                  form.text(QStringLiteral("operator")).toLongLong()));
}

void RequestPanel::execute()
{
    using Kind = RequestExecution::Operation::Kind;
    const QList<Kind> kinds = RequestExecution::operationsFor(m_record.type);
    QList<std::pair<QString, QString>> items;
    for (Kind kind : kinds) {
        items.append({QString::number(int(kind)), executionLabel(kind)});
    }
    FormDialog form(tr("Carry out request #%1").arg(m_record.id),
                    tr("Runs on subject #%1 (%2). The change is recorded in the audit trail with this request.")
                        .arg(m_record.subjectId.value_or(0))
                        .arg(m_record.subjectName),
                    tr("Carry out"), this);
    form.addChoice(QStringLiteral("kind"), tr("Operation"), items);
    if (kinds.contains(Kind::Correct)) {
        form.addText(QStringLiteral("field"), tr("Field"), true, tr("e.g. email, phone, name"));
        form.addText(QStringLiteral("value"), tr("Correct value"), true);
    }
    if (kinds.contains(Kind::Block)) {
        form.addDate(QStringLiteral("until"), tr("Blocked until"), QDate::currentDate().addMonths(1));
    }
    form.addText(QStringLiteral("reason"), tr("Reason"), false, tr("request #%1").arg(m_record.id));
    if (!form.run()) {
        return;
    }
    RequestExecution::Operation execution;
    execution.kind = Kind(form.text(QStringLiteral("kind")).toInt());
    execution.field = form.text(QStringLiteral("field"));
    execution.value = form.text(QStringLiteral("value"));
    execution.blockUntil = form.date(QStringLiteral("until"));
    execution.reason = form.text(QStringLiteral("reason"));
    if (execution.kind == Kind::Delete || execution.kind == Kind::Anonymize) {
        const QString what = execution.kind == Kind::Delete
                                 ? tr("Delete all data of subject #%1 (%2)? Items, consents and disclosures are "
                                      "removed for good; only the fact of deletion is kept.")
                                 : tr("Anonymize subject #%1 (%2)? Names, contacts and identifiers are replaced for "
                                      "good and cannot be restored.");
        if (MessageBox::question(this, tr("Carry out request #%1").arg(m_record.id),
                                 what.arg(m_record.subjectId.value_or(0)).arg(m_record.subjectName)) !=
            QMessageBox::Yes) {
            return;
        }
    }
    Result<RequestExecution::Outcome> outcome =
        RequestExecution::execute(*m_database, m_session, m_record.id, m_record.version, execution);
    if (outcome && outcome->pendingApproval != 0) {
        MessageBox::information(this, tr("Carry out request #%1").arg(m_record.id),
                                tr("A second officer must approve this (approval #%1). The request waits until then.")
                                    .arg(outcome->pendingApproval));
    }
    report(outcome ? Status() : Status(outcome.error()));
}

void RequestPanel::reply()
{
    if (Status status = ReplyStep::run(this, m_database, m_session, m_record); !status) {
        report(status);
    } else {
        emit requestChanged(m_record.id);
        reload();
    }
}

void RequestPanel::complete()
{
    FormDialog form(tr("Complete request #%1").arg(m_record.id), tr("The request was answered."), tr("Complete"), this);
    form.addChoice(
        QStringLiteral("decision"), tr("Decision"),
        {{QStringLiteral("granted"), tr("Granted")}, {QStringLiteral("partly-granted"), tr("Partly granted")}});
    form.addText(QStringLiteral("note"), tr("Note"), false);
    if (!form.run()) {
        return;
    }
    report(RequestClosing::complete(*m_database, m_session, m_record.id, m_record.version,
                                    form.text(QStringLiteral("decision")), form.text(QStringLiteral("note"))));
}

void RequestPanel::refuse()
{
    FormDialog form(tr("Refuse request #%1").arg(m_record.id),
                    tr("A refusal names the article of the law that allows it and why it applies. The requester "
                       "keeps the right to complain to the supervisory authority."),
                    tr("Refuse"), this);
    form.addText(QStringLiteral("ground"), tr("Legal ground"), true,
                 tr("e.g. 99-Z art. 13(3): data needed for a court case"));
    if (!form.run()) {
        return;
    }
    report(RequestClosing::refuse(*m_database, m_session, m_record.id, m_record.version,
                                  form.text(QStringLiteral("ground"))));
}

void RequestPanel::withdraw()
{
    FormDialog form(tr("Request #%1 withdrawn").arg(m_record.id), tr("The requester withdrew the request."),
                    tr("Record"), this);
    form.addText(QStringLiteral("note"), tr("How"), false, tr("e.g. phoned on 23 November"));
    if (!form.run()) {
        return;
    }
    report(RequestClosing::withdraw(*m_database, m_session, m_record.id, m_record.version,
                                    form.text(QStringLiteral("note"))));
}

void RequestPanel::comment()
{
    FormDialog form(tr("Comment on request #%1").arg(m_record.id), QString(), tr("Add"), this);
    form.addMultiLine(QStringLiteral("text"), tr("Comment"), true);
    if (!form.run()) {
        return;
    }
    report(RequestService::comment(*m_database, m_session, m_record.id, form.text(QStringLiteral("text"))));
}

} // namespace pd
