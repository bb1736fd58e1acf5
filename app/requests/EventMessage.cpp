#include "app/requests/EventMessage.h"

#include "app/domain/VocabularyNames.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace pd {

namespace {

constexpr int kKinds = 8;

const char *kindCode(int kind)
{
    static const char *const codes[] = {"t", "d", "s", "f", "l", "a", "e", "g"};
    return kind >= 0 && kind < kKinds ? codes[kind] : "t";
}

/// %1..%99 replaced in one pass, so that an argument holding "%2" stays as it is.
QString substitute(const QString &text, const QStringList &args)
{
    QString result;
    result.reserve(text.size() + 32);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1).isDigit()) {
            qsizetype end = i + 1;
            int number = 0;
            while (end < text.size() && text.at(end).isDigit() && end < i + 3) {
                number = number * 10 + text.at(end).digitValue();
                ++end;
            }
            if (number >= 1 && number <= args.size()) {
                result += args.at(number - 1);
                i = end - 1;
                continue;
            }
        }
        result += text.at(i);
    }
    return result;
}

} // namespace

EventMessage::EventMessage(const char *context, const char *source, int n)
{
    m_parts.append(Part{QByteArray(context), QByteArray(source), n, {}});
}

EventMessage EventMessage::plain(const QString &text)
{
    EventMessage message;
    message.m_parts.append(Part{QByteArray(), text.toUtf8(), -1, {}});
    return message;
}

EventMessage &EventMessage::add(Kind kind, const QString &value)
{
    m_parts.last().args.append(Arg{kind, value});
    return *this;
}

EventMessage &EventMessage::arg(const QString &text)
{
    return add(Kind::Text, text);
}

EventMessage &EventMessage::arg(qint64 number)
{
    return add(Kind::Text, QString::number(number));
}

EventMessage &EventMessage::date(const QDate &day)
{
    return add(Kind::Date, day.toString(Qt::ISODate));
}

EventMessage &EventMessage::status(const QString &code)
{
    return add(Kind::Status, code);
}

EventMessage &EventMessage::answerForm(const QString &code)
{
    return add(Kind::AnswerForm, code);
}

EventMessage &EventMessage::field(const QString &code)
{
    return add(Kind::Field, code);
}

EventMessage &EventMessage::decision(const QString &code)
{
    return add(Kind::Decision, code);
}

EventMessage &EventMessage::language(const QString &code)
{
    return add(Kind::Language, code);
}

EventMessage &EventMessage::article(const QString &source)
{
    return add(Kind::Article, source);
}

EventMessage &EventMessage::then(const EventMessage &part)
{
    m_parts += part.m_parts;
    return *this;
}

QString EventMessage::partText(const Part &part, bool translated)
{
    if (part.context.isEmpty()) {
        return QString::fromUtf8(part.source);
    }
    QString text = translated
                       ? QCoreApplication::translate(part.context.constData(), part.source.constData(), nullptr, part.n)
                       : QString::fromUtf8(part.source);
    if (!translated && part.n >= 0) {
        text.replace(QLatin1String("%n"), QString::number(part.n));
        text.replace(QLatin1String("(s)"), part.n == 1 ? QString() : QStringLiteral("s"));
    }
    QStringList args;
    for (const Arg &arg : part.args) {
        if (!translated) {
            args << arg.value;
            continue;
        }
        switch (arg.kind) {
        case Kind::Text:
            args << arg.value;
            break;
        case Kind::Date: {
            const QDate day = QDate::fromString(arg.value, Qt::ISODate);
            args << (day.isValid() ? QLocale().toString(day, QLocale::ShortFormat) : arg.value);
            break;
        }
        case Kind::Status:
            args << VocabularyNames::requestStatus(arg.value);
            break;
        case Kind::AnswerForm:
            args << VocabularyNames::answerForm(arg.value);
            break;
        case Kind::Language:
            args << VocabularyNames::language(arg.value);
            break;
        case Kind::Field:
            args << VocabularyNames::field(arg.value);
            break;
        case Kind::Decision:
            args << VocabularyNames::decision(arg.value);
            break;
        case Kind::Article:
            args << QCoreApplication::translate("pd::Deadlines", arg.value.toUtf8().constData());
            break;
        }
    }
    return substitute(text, args);
}

QString EventMessage::text() const
{
    QStringList parts;
    for (const Part &part : m_parts) {
        parts << partText(part, true);
    }
    return parts.join(QLatin1String("; "));
}

QString EventMessage::english() const
{
    QStringList parts;
    for (const Part &part : m_parts) {
        parts << partText(part, false);
    }
    return parts.join(QLatin1String("; "));
}

QString EventMessage::toJson() const
{
    const bool worded =
        std::any_of(m_parts.cbegin(), m_parts.cend(), [](const Part &part) { return !part.context.isEmpty(); });
    if (!worded) {
        return {}; // an operator's own words: the comment is the whole line
    }
    QJsonArray parts;
    for (const Part &part : m_parts) {
        QJsonObject object;
        if (!part.context.isEmpty()) {
            object.insert(QLatin1String("c"), QString::fromUtf8(part.context));
        }
        object.insert(QLatin1String("s"), QString::fromUtf8(part.source));
        if (part.n >= 0) {
            object.insert(QLatin1String("n"), part.n);
        }
        QJsonArray args;
        for (const Arg &arg : part.args) {
            args.append(QJsonArray{QLatin1String(kindCode(int(arg.kind))), arg.value});
        }
        if (!args.isEmpty()) {
            object.insert(QLatin1String("a"), args);
        }
        parts.append(object);
    }
    return QString::fromUtf8(QJsonDocument(parts).toJson(QJsonDocument::Compact));
}

QString EventMessage::render(const QString &json, const QString &fallback)
{
    if (json.isEmpty()) {
        return fallback;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().isEmpty()) {
        return fallback;
    }
    EventMessage message;
    for (const QJsonValue &value : document.array()) {
        const QJsonObject object = value.toObject();
        Part part{object.value(QLatin1String("c")).toString().toUtf8(),
                  object.value(QLatin1String("s")).toString().toUtf8(),
                  object.value(QLatin1String("n")).toInt(-1),
                  {}};
        for (const QJsonValue &arg : object.value(QLatin1String("a")).toArray()) {
            const QJsonArray pair = arg.toArray();
            Arg read;
            const QString code = pair.at(0).toString();
            for (int kind = 0; kind < kKinds; ++kind) {
                if (code == QLatin1String(kindCode(kind))) {
                    read.kind = Kind(kind);
                }
            }
            read.value = pair.at(1).toString();
            part.args.append(read);
        }
        message.m_parts.append(part);
    }
    return message.text();
}

} // namespace pd
