#pragma once

#include "app/domain/Result.h"
#include "app/domain/Vocabulary.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace pd {

/// Everything a reply letter to a data-subject request may say. Plain values: the caller (the request service)
/// reads them from the request, its controller and the signed-in operator; nothing here touches the database.
struct LetterFields
{
    QString language = QStringLiteral("en"); ///< "en" or "ru": the language of the letter, not of the interface
    QString requestNumber;                   ///< as the office cites it, e.g. "123"
    RequestType requestType = RequestType::Access;
    Regime regime = Regime::Gdpr;
    QDate receivedDate;
    QDate dueDate;
    QDate replyDate;
    QString requesterName;
    QString requesterAddress; ///< postal address, may span lines
    QString requesterEmail;
    QString representativeName; ///< empty when the subject wrote themselves
    QString whatAsked;          ///< what the request asked for, in the requester's words or a summary
    QString outcome;            ///< what was done, e.g. "Your data were erased from all our systems."
    QString refusalGround;      ///< empty unless the request is refused (in whole or part)
    QString controllerName;     ///< controllers.name
    QString controllerAddress;  ///< controllers.address
    QString controllerContact;  ///< controllers.contact (e-mail or phone for questions)
    QString dpoContact;         ///< controllers.dpo_contact
    QString signatory;          ///< the operator who signs
    QString signatoryPosition;  ///< e.g. "Data protection officer"
};

/// Where a template is wrong, for the template editor to point at.
struct TemplateProblem
{
    int line = 0;        ///< 1-based line of the template
    QString placeholder; ///< the placeholder or section name concerned (may be empty for a stray "{{")
    QString message;     ///< one line for a human, naming the line and the placeholder
};

/// Reply-letter templates: plain text with `{{placeholder}}` values and sections.
///
/// - `{{name}}` is replaced by the value as text (HTML escaping is the PDF writer's business, not this one's);
/// - `{{#name}}...{{/name}}` is kept only when `name` has a non-empty value, `{{^name}}...{{/name}}` only when it
///   is empty (e.g. the refusal paragraph and the "what we did" paragraph); sections nest;
/// - a section tag alone on its line takes the whole line with it, so sections leave no blank lines behind.
/// Dates, request types, the law, the article and the supervisory authority are written in the letter's language.
class LetterTemplate
{
public:
    /// Every placeholder name a template may use, in the order the editor lists them.
    static QStringList placeholders();
    /// A one-line description of a placeholder, in the interface language (for the editor).
    static QString describe(const QString &placeholder);

    /// The letter: `templateText` with every placeholder and section filled in from `fields`.
    /// Errors (ErrorCode::InvalidArgument): an unknown placeholder, an unclosed or mismatched section, a "{{"
    /// without "}}", an unsupported language; the message names the line and the placeholder.
    static Result<QString> render(const QString &templateText, const LetterFields &fields);
    /// The first problem of a template, or nullopt when it renders.
    static std::optional<TemplateProblem> check(const QString &templateText);

    /// The values the placeholders take for `fields` (name -> text), as render() inserts them.
    static QString value(const QString &placeholder, const LetterFields &fields);

    /// "23 November 2026" (en) or "23 ноября 2026 г." (ru).
    static QString formatDate(const QDate &date, const QString &language);
    /// The right asked for, as a noun phrase: "erasure of personal data" / "удаление персональных данных".
    static QString requestTypeName(RequestType type, const QString &language);
    /// The full name of the law of a regime in `language`.
    static QString lawName(Regime regime, const QString &language);
    /// The article giving the right, short: "Art. 17 GDPR" is written "art. 17" / "ст. 17".
    static QString article(Regime regime, RequestType type, const QString &language);
    /// Whom the requester may complain to (supervisory authority or court), in `language`.
    static QString authority(Regime regime, const QString &language);
    /// The article giving the right to complain, short.
    static QString complaintArticle(Regime regime, const QString &language);

    /// Languages a letter may be written in.
    static QStringList languages();
    /// Sample values for previews and for checking a template before it is stored.
    static LetterFields sampleFields(const QString &language);
};

} // namespace pd
