#pragma once

#include "app/domain/LetterTemplate.h"
#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QByteArray>
#include <QString>

namespace pd {

class Database;

/// The reply letter to a data-subject request, from the office's template to PDF bytes, without any dialog.
///
/// The caller (the Requests page) fills LetterFields from the request (LetterTemplateStore::fillController adds the
/// controller), calls build(), and hands Document::pdf to the request service, which stores it in
/// request_documents (kind 'reply-letter', media type Document::mediaType, language Document::language) and sets
/// the request's replied_at and reply_form.
class ReplyLetter
{
public:
    struct Document
    {
        QString language; ///< "en" or "ru", as asked in the fields
        QString text;     ///< the letter as plain text (for a preview)
        QByteArray pdf;   ///< an A4 PDF
        QString title;    ///< "Reply to request No. 123": the PDF's title, naming no person
        QString mediaType = QStringLiteral("application/pdf");
    };

    /// The letter for `fields` from the office's template of `kind` in fields.language (stored or built-in).
    /// Needs Action::HandleRequests (the letter holds personal data) and a QGuiApplication (fonts).
    /// Errors: PermissionDenied; InvalidArgument when the template does not render (naming line and placeholder);
    /// Storage when the template cannot be read or the PDF not drawn.
    static Result<Document> build(Database &database, const Session &who, const LetterFields &fields,
                                  const QString &kind = QStringLiteral("reply"));
    /// The same from a given template text (previews of an edited template); no database, no permission check.
    static Result<Document> fromTemplate(const QString &templateText, const LetterFields &fields);

    /// The PDF title for a request: "Reply to request No. 123" / "Ответ на заявление № 123".
    static QString title(const LetterFields &fields);
};

} // namespace pd
