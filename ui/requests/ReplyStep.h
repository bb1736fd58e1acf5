#pragma once

#include "app/domain/LetterTemplate.h"
#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/requests/Request.h"

#include <memory>

class QWidget;

namespace pd {

class Database;

/// The answer to a request: asks what was done (or the refusal ground), the form and the date it was sent, makes
/// the reply letter in the request's language from the office's template (ReplyLetter), shows it for a last look,
/// keeps the PDF with the request (RequestClosing::recordReply) and offers to save a copy for sending.
class ReplyStep
{
public:
    /// Ok when the answer was recorded or the operator cancelled; the error otherwise (nothing recorded).
    static Status run(QWidget *parent, const std::shared_ptr<Database> &database, const Session &session,
                      const RequestRecord &request);
    /// The fields of the letter for a request (controller filled from the register).
    static Result<LetterFields> fields(Database &database, const Session &session, const RequestRecord &request);
};

} // namespace pd
