#include "app/reports/ReplyLetter.h"

#include "app/domain/Permissions.h"
#include "app/policy/LetterTemplateStore.h"
#include "app/reports/LetterPdf.h"

namespace pd {

Result<ReplyLetter::Document> ReplyLetter::build(Database &database, const Session &who, const LetterFields &fields,
                                                 const QString &kind)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed.error();
    }
    Result<QString> templateText = LetterTemplateStore::text(database, fields.language, kind);
    if (!templateText) {
        return templateText.error();
    }
    return fromTemplate(templateText.value(), fields);
}

Result<ReplyLetter::Document> ReplyLetter::fromTemplate(const QString &templateText, const LetterFields &fields)
{
    Result<QString> text = LetterTemplate::render(templateText, fields);
    if (!text) {
        return text.error();
    }
    Document document;
    document.language = fields.language;
    document.text = text.value();
    document.title = title(fields);
    Result<QByteArray> pdf = LetterPdf::render(document.text, fields.language, document.title);
    if (!pdf) {
        return pdf.error();
    }
    document.pdf = std::move(pdf).value();
    return document;
}

QString ReplyLetter::title(const LetterFields &fields)
{
    if (fields.language == QLatin1String("ru")) {
        return QString::fromUtf8("Ответ на заявление № %1").arg(fields.requestNumber);
    }
    return QStringLiteral("Reply to request No. %1").arg(fields.requestNumber);
}

} // namespace pd
