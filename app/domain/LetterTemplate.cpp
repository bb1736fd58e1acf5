#include "app/domain/LetterTemplate.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <utility>
#include <vector>

namespace pd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::LetterTemplate)
};

bool russian(const QString &language)
{
    return language == QLatin1String("ru");
}

/// Picks the English or the Russian text. The letter's language is the request's, not the interface's, so these
/// are not translations through tr().
QString pick(const QString &language, const char *en, const char *ru)
{
    return QString::fromUtf8(russian(language) ? ru : en);
}

struct Token
{
    enum class Kind { Text, Value, Section, Inverted, Close };
    Kind kind = Kind::Text;
    QString text; ///< the literal text, or the placeholder name
    int line = 0;
};

struct Parsed
{
    std::vector<Token> tokens;
    std::vector<std::size_t> closing; ///< for a section token: the index of its Close token
    std::optional<TemplateProblem> problem;
};

TemplateProblem problemAt(int line, const QString &placeholder, const QString &message)
{
    return TemplateProblem{line, placeholder, message};
}

/// Splits the template into text, values and section tags, and matches the sections.
Parsed parse(const QString &text)
{
    static const QRegularExpression namePattern(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    const QStringList known = LetterTemplate::placeholders();
    Parsed parsed;
    int line = 1;
    qsizetype counted = 0; // newlines before this position are in `line`
    auto lineAt = [&](qsizetype position) {
        for (; counted < position; ++counted) {
            if (text.at(counted) == QLatin1Char('\n')) {
                ++line;
            }
        }
        return line;
    };

    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), pos);
        if (open < 0) {
            parsed.tokens.push_back({Token::Kind::Text, text.mid(pos), lineAt(pos)});
            break;
        }
        const int tagLine = lineAt(open);
        const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0) {
            parsed.problem = problemAt(
                tagLine, QString(), Tr::tr("line %1: \u201c{{\u201d is not closed with \u201c}}\u201d").arg(tagLine));
            return parsed;
        }
        const QString inner = text.mid(open + 2, close - open - 2).trimmed();
        Token::Kind kind = Token::Kind::Value;
        QString name = inner;
        if (inner.startsWith(QLatin1Char('#'))) {
            kind = Token::Kind::Section;
        } else if (inner.startsWith(QLatin1Char('^'))) {
            kind = Token::Kind::Inverted;
        } else if (inner.startsWith(QLatin1Char('/'))) {
            kind = Token::Kind::Close;
        }
        if (kind != Token::Kind::Value) {
            name = inner.mid(1).trimmed();
        }
        if (!namePattern.match(name).hasMatch() || !known.contains(name)) {
            parsed.problem =
                problemAt(tagLine, name, Tr::tr("line %1: unknown placeholder {{%2}}").arg(tagLine).arg(inner));
            return parsed;
        }

        qsizetype literalEnd = open;
        qsizetype next = close + 2;
        if (kind != Token::Kind::Value) {
            // A section tag alone on its line takes the line with it.
            const qsizetype lineStart = open == 0 ? 0 : text.lastIndexOf(QLatin1Char('\n'), open - 1) + 1;
            qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), next);
            if (lineEnd < 0) {
                lineEnd = text.size();
            }
            if (lineStart >= pos && text.mid(lineStart, open - lineStart).trimmed().isEmpty() &&
                text.mid(next, lineEnd - next).trimmed().isEmpty()) {
                literalEnd = lineStart;
                next = lineEnd < text.size() ? lineEnd + 1 : lineEnd;
            }
        }
        if (literalEnd > pos) {
            parsed.tokens.push_back({Token::Kind::Text, text.mid(pos, literalEnd - pos), lineAt(pos)});
        }
        parsed.tokens.push_back({kind, name, tagLine});
        pos = next;
    }

    parsed.closing.assign(parsed.tokens.size(), 0);
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < parsed.tokens.size(); ++i) {
        const Token &token = parsed.tokens[i];
        if (token.kind == Token::Kind::Section || token.kind == Token::Kind::Inverted) {
            open.push_back(i);
        } else if (token.kind == Token::Kind::Close) {
            if (open.empty()) {
                parsed.problem = problemAt(
                    token.line, token.text,
                    Tr::tr("line %1: {{/%2}} closes a section that was not opened").arg(token.line).arg(token.text));
                return parsed;
            }
            const Token &opening = parsed.tokens[open.back()];
            if (opening.text != token.text) {
                parsed.problem =
                    problemAt(token.line, token.text,
                              Tr::tr("line %1: {{/%2}} does not close {{%3%4}} opened on line %5")
                                  .arg(token.line)
                                  .arg(token.text)
                                  .arg(opening.kind == Token::Kind::Section ? QLatin1Char('#') : QLatin1Char('^'))
                                  .arg(opening.text)
                                  .arg(opening.line));
                return parsed;
            }
            parsed.closing[open.back()] = i;
            open.pop_back();
        }
    }
    if (!open.empty()) {
        const Token &opening = parsed.tokens[open.back()];
        parsed.problem = problemAt(opening.line, opening.text,
                                   Tr::tr("line %1: section {{%2%3}} is not closed with {{/%3}}")
                                       .arg(opening.line)
                                       .arg(opening.kind == Token::Kind::Section ? QLatin1Char('#') : QLatin1Char('^'))
                                       .arg(opening.text));
    }
    return parsed;
}

void renderRange(const Parsed &parsed, std::size_t begin, std::size_t end, const LetterFields &fields, QString &out)
{
    for (std::size_t i = begin; i < end; ++i) {
        const Token &token = parsed.tokens[i];
        switch (token.kind) {
        case Token::Kind::Text:
            out += token.text;
            break;
        case Token::Kind::Value:
            out += LetterTemplate::value(token.text, fields);
            break;
        case Token::Kind::Section:
        case Token::Kind::Inverted: {
            const bool present = !LetterTemplate::value(token.text, fields).trimmed().isEmpty();
            if (present == (token.kind == Token::Kind::Section)) {
                renderRange(parsed, i + 1, parsed.closing[i], fields, out);
            }
            i = parsed.closing[i];
            break;
        }
        case Token::Kind::Close:
            break;
        }
    }
}

} // namespace

QStringList LetterTemplate::placeholders()
{
    return {QStringLiteral("request_number"),
            QStringLiteral("request_type"),
            QStringLiteral("received_date"),
            QStringLiteral("due_date"),
            QStringLiteral("reply_date"),
            QStringLiteral("requester_name"),
            QStringLiteral("requester_address"),
            QStringLiteral("requester_email"),
            QStringLiteral("representative_name"),
            QStringLiteral("what_asked"),
            QStringLiteral("outcome"),
            QStringLiteral("refusal_ground"),
            QStringLiteral("law"),
            QStringLiteral("article"),
            QStringLiteral("authority"),
            QStringLiteral("complaint_article"),
            QStringLiteral("controller_name"),
            QStringLiteral("controller_address"),
            QStringLiteral("controller_contact"),
            QStringLiteral("dpo_contact"),
            QStringLiteral("signatory"),
            QStringLiteral("signatory_position")};
}

QString LetterTemplate::describe(const QString &placeholder)
{
    static const std::pair<const char *, const char *> descriptions[] = {
        {"request_number", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the request's number")},
        {"request_type", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the right asked for, e.g. erasure of personal data")},
        {"received_date", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the day the request was received")},
        {"due_date", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the last day to answer")},
        {"reply_date", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the date of this reply")},
        {"requester_name", QT_TRANSLATE_NOOP("pd::LetterTemplate", "who wrote: the subject's full name")},
        {"requester_address", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the requester's postal address")},
        {"requester_email", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the requester's e-mail")},
        {"representative_name", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the representative, when there is one")},
        {"what_asked", QT_TRANSLATE_NOOP("pd::LetterTemplate", "what the request asked for")},
        {"outcome", QT_TRANSLATE_NOOP("pd::LetterTemplate", "what was done")},
        {"refusal_ground", QT_TRANSLATE_NOOP("pd::LetterTemplate", "why the request was refused (empty otherwise)")},
        {"law", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the full name of the law of the request's regime")},
        {"article", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the article giving the right asked for")},
        {"authority", QT_TRANSLATE_NOOP("pd::LetterTemplate", "where the requester may complain")},
        {"complaint_article", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the article giving the right to complain")},
        {"controller_name", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the controller's name")},
        {"controller_address", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the controller's address")},
        {"controller_contact", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the controller's contact for questions")},
        {"dpo_contact", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the data protection officer's contact")},
        {"signatory", QT_TRANSLATE_NOOP("pd::LetterTemplate", "who signs the reply")},
        {"signatory_position", QT_TRANSLATE_NOOP("pd::LetterTemplate", "the signatory's position")},
    };
    for (const auto &[name, description] : descriptions) {
        if (placeholder == QLatin1String(name)) {
            return Tr::tr(description);
        }
    }
    return {};
}

std::optional<TemplateProblem> LetterTemplate::check(const QString &templateText)
{
    return parse(templateText).problem;
}

Result<QString> LetterTemplate::render(const QString &templateText, const LetterFields &fields)
{
    if (!languages().contains(fields.language)) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("letter language '%1': expected one of %2")
                                                         .arg(fields.language, languages().join(QLatin1String(", "))));
    }
    const Parsed parsed = parse(templateText);
    if (parsed.problem) {
        return makeError(ErrorCode::InvalidArgument, parsed.problem->message);
    }
    QString out;
    out.reserve(templateText.size() * 2);
    renderRange(parsed, 0, parsed.tokens.size(), fields, out);
    return out;
}

QString LetterTemplate::value(const QString &placeholder, const LetterFields &fields)
{
    const QString &language = fields.language;
    // Ordered as placeholders(); a name missing here is a programming error caught by the tests.
    const std::pair<const char *, QString> values[] = {
        {"request_number", fields.requestNumber},
        {"requester_name", fields.requesterName},
        {"requester_address", fields.requesterAddress},
        {"requester_email", fields.requesterEmail},
        {"representative_name", fields.representativeName},
        {"what_asked", fields.whatAsked},
        {"outcome", fields.outcome},
        {"refusal_ground", fields.refusalGround},
        {"controller_name", fields.controllerName},
        {"controller_address", fields.controllerAddress},
        {"controller_contact", fields.controllerContact},
        {"dpo_contact", fields.dpoContact},
        {"signatory", fields.signatory},
        {"signatory_position", fields.signatoryPosition},
    };
    for (const auto &[name, text] : values) {
        if (placeholder == QLatin1String(name)) {
            return text;
        }
    }
    if (placeholder == QLatin1String("request_type")) {
        return requestTypeName(fields.requestType, language);
    }
    if (placeholder == QLatin1String("received_date")) {
        return formatDate(fields.receivedDate, language);
    }
    if (placeholder == QLatin1String("due_date")) {
        return formatDate(fields.dueDate, language);
    }
    if (placeholder == QLatin1String("reply_date")) {
        return formatDate(fields.replyDate, language);
    }
    if (placeholder == QLatin1String("law")) {
        return lawName(fields.regime, language);
    }
    if (placeholder == QLatin1String("article")) {
        return article(fields.regime, fields.requestType, language);
    }
    if (placeholder == QLatin1String("authority")) {
        return authority(fields.regime, language);
    }
    if (placeholder == QLatin1String("complaint_article")) {
        return complaintArticle(fields.regime, language);
    }
    return {};
}

QString LetterTemplate::formatDate(const QDate &date, const QString &language)
{
    if (!date.isValid()) {
        return {};
    }
    if (russian(language)) {
        // "MMMM" gives the genitive month name in Russian ("ноября"), as a date in a letter needs.
        return QLocale(QLocale::Russian, QLocale::Russia).toString(date, QStringLiteral("d MMMM yyyy")) +
               QString::fromUtf8(" г.");
    }
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("d MMMM yyyy"));
}

QString LetterTemplate::requestTypeName(RequestType type, const QString &language)
{
    switch (type) {
    case RequestType::Access:
        return pick(language, "access to personal data",
                    "получение информации, касающейся обработки персональных данных");
    case RequestType::Disclosures:
        return pick(language, "information about the transfer of personal data to third parties",
                    "получение информации о предоставлении персональных данных третьим лицам");
    case RequestType::Rectification:
        return pick(language, "rectification of personal data", "изменение (уточнение) персональных данных");
    case RequestType::Erasure:
        return pick(language, "erasure of personal data", "прекращение обработки и удаление персональных данных");
    case RequestType::Restriction:
        return pick(language, "restriction of processing of personal data",
                    "ограничение обработки (блокирование) персональных данных");
    case RequestType::Objection:
        return pick(language, "objection to the processing of personal data",
                    "возражение против обработки персональных данных");
    case RequestType::ConsentWithdrawal:
        return pick(language, "withdrawal of consent to the processing of personal data",
                    "отзыв согласия на обработку персональных данных");
    case RequestType::Portability:
        return pick(language, "data portability",
                    "получение персональных данных в структурированном машиночитаемом формате");
    case RequestType::Complaint:
        return pick(language, "complaint about the processing of personal data",
                    "жалоба на обработку персональных данных");
    }
    return {};
}

QString LetterTemplate::lawName(Regime regime, const QString &language)
{
    switch (regime) {
    case Regime::By99z:
        return pick(language,
                    "Law of the Republic of Belarus No. 99-Z of 7 May 2021 \u201cOn Personal Data Protection\u201d",
                    "Закон Республики Беларусь от 7 мая 2021 г. № 99-З «О защите персональных данных»");
    case Regime::Gdpr:
        return pick(language, "Regulation (EU) 2016/679 (General Data Protection Regulation)",
                    "Регламент (ЕС) 2016/679 (Общий регламент по защите данных, GDPR)");
    case Regime::UkGdpr:
        return pick(language, "the UK General Data Protection Regulation and the Data Protection Act 2018",
                    "Общий регламент по защите данных Великобритании (UK GDPR) и Закон о защите данных 2018 г.");
    case Regime::Ccpa:
        return pick(language,
                    "the California Consumer Privacy Act as amended by the California Privacy Rights Act "
                    "(Cal. Civ. Code \u00a71798.100 et seq.)",
                    "Закон штата Калифорния о защите конфиденциальности потребителей (CCPA) в редакции CPRA");
    case Regime::Ru152fz:
        return pick(language,
                    "Federal Law of the Russian Federation No. 152-FZ of 27 July 2006 \u201cOn Personal Data\u201d",
                    "Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных»");
    case Regime::BrLgpd:
        return pick(language, "the Brazilian General Data Protection Law (Law No. 13,709 of 14 August 2018, LGPD)",
                    "Общий закон Бразилии о защите персональных данных (Закон № 13.709 от 14 августа 2018 г., LGPD)");
    }
    return {};
}

QString LetterTemplate::article(Regime regime, RequestType type, const QString &language)
{
    // {en, ru} per request type, in RequestType order.
    using Pair = std::pair<const char *, const char *>;
    static const Pair by99z[] = {{"art. 11", "ст. 11"}, {"art. 12", "ст. 12"}, {"art. 11", "ст. 11"},
                                 {"art. 13", "ст. 13"}, {"art. 13", "ст. 13"}, {"art. 13", "ст. 13"},
                                 {"art. 10", "ст. 10"}, {"art. 11", "ст. 11"}, {"art. 15", "ст. 15"}};
    static const Pair gdpr[] = {{"art. 15", "ст. 15"},       {"art. 15(1)(c)", "п. «c» ч. 1 ст. 15"},
                                {"art. 16", "ст. 16"},       {"art. 17", "ст. 17"},
                                {"art. 18", "ст. 18"},       {"art. 21", "ст. 21"},
                                {"art. 7(3)", "ч. 3 ст. 7"}, {"art. 20", "ст. 20"},
                                {"art. 77", "ст. 77"}};
    static const Pair ccpa[] = {
        {"\u00a71798.110", "§1798.110"}, {"\u00a71798.115", "§1798.115"},       {"\u00a71798.106", "§1798.106"},
        {"\u00a71798.105", "§1798.105"}, {"\u00a71798.121", "§1798.121"},       {"\u00a71798.120", "§1798.120"},
        {"\u00a71798.120", "§1798.120"}, {"\u00a71798.100(d)", "§1798.100(d)"}, {"\u00a71798.199.45", "§1798.199.45"}};
    static const Pair ru152fz[] = {{"art. 14", "ст. 14"},         {"art. 14(7)", "ч. 7 ст. 14"},
                                   {"art. 14(1)", "ч. 1 ст. 14"}, {"art. 14(1), art. 21", "ч. 1 ст. 14, ст. 21"},
                                   {"art. 14(1)", "ч. 1 ст. 14"}, {"art. 21(5.1)", "ч. 5.1 ст. 21"},
                                   {"art. 9(2)", "ч. 2 ст. 9"},   {"art. 14", "ст. 14"},
                                   {"art. 17", "ст. 17"}};
    static const Pair lgpd[] = {
        {"art. 18(II)", "ст. 18 (II)"}, {"art. 18(VII)", "ст. 18 (VII)"}, {"art. 18(III)", "ст. 18 (III)"},
        {"art. 18(VI)", "ст. 18 (VI)"}, {"art. 18(IV)", "ст. 18 (IV)"},   {"art. 18 \u00a72", "§ 2 ст. 18"},
        {"art. 18(IX)", "ст. 18 (IX)"}, {"art. 18(V)", "ст. 18 (V)"},     {"art. 18 \u00a71", "§ 1 ст. 18"}};
    const Pair *table = gdpr;
    switch (regime) {
    case Regime::By99z:
        table = by99z;
        break;
    case Regime::Gdpr:
    case Regime::UkGdpr:
        table = gdpr;
        break;
    case Regime::Ccpa:
        table = ccpa;
        break;
    case Regime::Ru152fz:
        table = ru152fz;
        break;
    case Regime::BrLgpd:
        table = lgpd;
        break;
    }
    const Pair &entry = table[int(type)];
    return pick(language, entry.first, entry.second);
}

QString LetterTemplate::authority(Regime regime, const QString &language)
{
    switch (regime) {
    case Regime::By99z:
        return pick(language, "the National Personal Data Protection Center of the Republic of Belarus",
                    "Национальный центр защиты персональных данных Республики Беларусь");
    case Regime::Gdpr:
        return pick(language,
                    "a supervisory authority, in particular in the EU Member State of your habitual residence, "
                    "place of work or place of the alleged infringement",
                    "надзорный орган по защите данных, в частности в государстве — члене ЕС по месту Вашего "
                    "обычного проживания, работы или предполагаемого нарушения");
    case Regime::UkGdpr:
        return pick(language, "the Information Commissioner\u2019s Office (ICO)",
                    "Управление Уполномоченного по информации Великобритании (ICO)");
    case Regime::Ccpa:
        return pick(language, "the California Privacy Protection Agency or the Attorney General of California",
                    "Агентство по защите конфиденциальности Калифорнии (CPPA) или в офис Генерального прокурора "
                    "штата Калифорния");
    case Regime::Ru152fz:
        return pick(language,
                    "the Federal Service for Supervision of Communications, Information Technology and Mass Media "
                    "(Roskomnadzor) or a court",
                    "уполномоченный орган по защите прав субъектов персональных данных (Роскомнадзор) или в суд");
    case Regime::BrLgpd:
        return pick(language, "the National Data Protection Authority (ANPD)",
                    "Национальное агентство по защите данных Бразилии (ANPD)");
    }
    return {};
}

QString LetterTemplate::complaintArticle(Regime regime, const QString &language)
{
    switch (regime) {
    case Regime::By99z:
        return pick(language, "art. 15 of Law No. 99-Z", "ст. 15 Закона № 99-З");
    case Regime::Gdpr:
        return pick(language, "art. 77 GDPR", "ст. 77 GDPR");
    case Regime::UkGdpr:
        return pick(language, "art. 77 UK GDPR", "ст. 77 UK GDPR");
    case Regime::Ccpa:
        return pick(language, "Cal. Civ. Code \u00a71798.199.45", "§1798.199.45 Гражданского кодекса Калифорнии");
    case Regime::Ru152fz:
        return pick(language, "art. 17 of Law No. 152-FZ", "ст. 17 Федерального закона № 152-ФЗ");
    case Regime::BrLgpd:
        return pick(language, "art. 18 \u00a71 LGPD", "§ 1 ст. 18 LGPD");
    }
    return {};
}

QStringList LetterTemplate::languages()
{
    return {QStringLiteral("en"), QStringLiteral("ru")};
}

LetterFields LetterTemplate::sampleFields(const QString &language)
{
    LetterFields fields;
    fields.language = language;
    fields.requestNumber = QStringLiteral("123");
    fields.requestType = RequestType::Erasure;
    fields.receivedDate = QDate(2026, 11, 2);
    fields.dueDate = QDate(2026, 11, 17);
    fields.replyDate = QDate(2026, 11, 16);
    fields.requesterEmail = QStringLiteral("requester@example.org");
    if (russian(language)) {
        fields.regime = Regime::By99z;
        fields.requesterName = QString::fromUtf8("Иванова Анна Сергеевна");
        fields.requesterAddress = QString::fromUtf8("ул. Примерная, д. 1, кв. 2\n220000, г. Минск");
        fields.whatAsked = QString::fromUtf8("удалить мои персональные данные из сервиса рассылок");
        fields.outcome = QString::fromUtf8("Ваши персональные данные удалены из всех наших информационных систем.");
        fields.controllerName = QString::fromUtf8("ООО «Пример»");
        fields.controllerAddress = QString::fromUtf8("пр-т Независимости, д. 100, 220000, г. Минск");
        fields.signatory = QString::fromUtf8("Петров П. П.");
        fields.signatoryPosition = QString::fromUtf8("Ответственный за защиту персональных данных");
    } else {
        fields.regime = Regime::Gdpr;
        fields.requesterName = QStringLiteral("Jane Example");
        fields.requesterAddress = QStringLiteral("12 Sample Street\nDublin D02 XY45");
        fields.whatAsked = QStringLiteral("erase my data from the mailing service");
        fields.outcome = QStringLiteral("Your personal data have been erased from all our systems.");
        fields.controllerName = QStringLiteral("Example Ltd");
        fields.controllerAddress = QStringLiteral("1 Example Square, Dublin D01 AB12, Ireland");
        fields.signatory = QStringLiteral("John Officer");
        fields.signatoryPosition = QStringLiteral("Data Protection Officer");
    }
    fields.controllerContact = QStringLiteral("privacy@example.org");
    fields.dpoContact = QStringLiteral("dpo@example.org");
    return fields;
}

} // namespace pd
