#include "ui/requests/ReplyStep.h"

#include "app/policy/LetterTemplateStore.h"
#include "app/reports/ReplyLetter.h"
#include "app/requests/RequestClosing.h"
#include "app/requests/RequestService.h"
#include "app/storage/PrivateFile.h"
#include "ui/common/FormDialog.h"
#include "ui/common/MessageBox.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::ReplyStep)
};
} // namespace

namespace pd {

Result<LetterFields> ReplyStep::fields(Database &database, const Session &session, const RequestRecord &request)
{
    LetterFields fields;
    fields.language = request.language == QLatin1String("ru") ? QStringLiteral("ru") : QStringLiteral("en");
    fields.requestNumber = QString::number(request.id);
    fields.requestType = request.type;
    fields.regime = request.regime;
    fields.receivedDate = request.received;
    fields.dueDate = request.effectiveDue();
    fields.replyDate = QDate::currentDate();
    fields.requesterName = request.requesterName;
    fields.requesterAddress = request.requesterAddress;
    fields.requesterEmail = request.requesterEmail;
    fields.representativeName = request.representativeName;
    fields.whatAsked = request.whatAsked;
    fields.refusalGround = request.refusalGround;
    fields.signatory = session.name;
    if (Status filled = LetterTemplateStore::fillController(database, request.controllerId.value_or(0), fields);
        !filled) {
        return filled.error();
    }
    return fields;
}

Status ReplyStep::run(QWidget *parent, const std::shared_ptr<Database> &database, const Session &session,
                      const RequestRecord &request)
{
    Result<LetterFields> prepared = fields(*database, session, request);
    if (!prepared) {
        return prepared.error();
    }
    LetterFields letter = prepared.value();
    FormDialog form(Tr::tr("Reply to request #%1").arg(request.id),
                    Tr::tr("The letter is made in %1 from the office's template (Tools → Reply letter templates) and "
                           "kept with the request.")
                        .arg(letter.language == QLatin1String("ru") ? Tr::tr("Russian") : Tr::tr("English")),
                    Tr::tr("Make and record"), parent);
    const bool refused = request.status == RequestStatus::Refused;
    if (!refused) {
        form.addMultiLine(QStringLiteral("outcome"), Tr::tr("What was done"), false,
                          Tr::tr("in the letter's language, e.g. Your data were erased from all our systems."));
    }
    form.addText(QStringLiteral("ground"), Tr::tr("Refusal ground"), false, QString(), request.refusalGround);
    form.addChoice(QStringLiteral("form"), Tr::tr("Sent"),
                   {{QStringLiteral("email"), Tr::tr("By e-mail")},
                    {QStringLiteral("letter"), Tr::tr("By letter")},
                    {QStringLiteral("in-person"), Tr::tr("Handed over in person")}},
                   request.answerForm);
    form.addDate(QStringLiteral("sent"), Tr::tr("Sent on"), QDate::currentDate(), QDate::currentDate());
    form.addText(QStringLiteral("position"), Tr::tr("Signatory's position"), false, QString(),
                 Tr::tr("Data protection officer"));
    if (!form.run()) {
        return {};
    }
    letter.outcome = form.text(QStringLiteral("outcome"));
    letter.refusalGround = form.text(QStringLiteral("ground"));
    letter.replyDate = form.date(QStringLiteral("sent"));
    letter.signatoryPosition = form.text(QStringLiteral("position"));
    Result<ReplyLetter::Document> document = ReplyLetter::build(*database, session, letter);
    if (!document) {
        return document.error();
    }
    RequestClosing::Reply reply;
    reply.pdf = document->pdf;
    reply.form = form.text(QStringLiteral("form"));
    reply.language = document->language;
    reply.sentOn = letter.replyDate;
    Result<qint64> recorded = RequestClosing::recordReply(*database, session, request.id, reply);
    if (!recorded) {
        return recorded.error();
    }
    // A copy for sending; the letter itself stays with the request whatever the answer.
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(Tr::tr("reply-%1.pdf").arg(request.id));
    if (MessageBox::question(parent, Tr::tr("Reply to request #%1").arg(request.id),
                             Tr::tr("The reply letter is kept with the request. Save a copy of the PDF for sending?"),
                             QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes) {
        const QString path = MessageBox::getSaveFileName(parent, Tr::tr("Save reply letter"), suggested,
                                                         Tr::tr("PDF documents (*.pdf)"));
        if (!path.isEmpty()) {
            // The letter names the requester: the copy is the operator's alone (mode 0600).
            if (Status written = PrivateFile::write(path, document->pdf); !written) {
                return makeError(ErrorCode::Storage,
                                 Tr::tr("the letter is recorded, but the copy could not be written to %1: %2")
                                     .arg(QDir::toNativeSeparators(path), written.error().message));
            }
        }
    }
    return {};
}

} // namespace pd
