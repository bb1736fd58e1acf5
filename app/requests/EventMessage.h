#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace pd {

/// A line of a request's timeline as the program words it, kept with its untranslated text and its arguments, so that
/// each window shows it in its own language and format: a step done from the command line reads "Запрос
/// зарегистрирован" in a Russian window. Operators' own words (a comment, a reason) are arguments, never translated.
///
///     EventMessage(QT_TRANSLATE_NOOP("pd::RequestService", "Identity confirmed: %1")).arg(method)
///
/// The context is the one the text is translated under (lupdate files it there from the QT_TRANSLATE_NOOP). Parts
/// added with then() are joined by "; ".
class EventMessage final
{
public:
    /// A text of `context`, with %n counted by `n` (-1: no plural).
    EventMessage(const char *context, const char *source, int n = -1);
    /// Words that are shown as they are (an operator's comment).
    static EventMessage plain(const QString &text);

    EventMessage &arg(const QString &text);
    EventMessage &arg(qint64 number);
    /// A day, in the window's short date format (ISO 8601 in the stored English line).
    EventMessage &date(const QDate &day);
    /// A request status code, by its translated name.
    EventMessage &status(const QString &code);
    /// How the answer goes ("email", "letter", ...), by its translated name.
    EventMessage &answerForm(const QString &code);
    /// A field code ("email"), by its translated name.
    EventMessage &field(const QString &code);
    /// A decision code ("granted", "partly-granted", "refused"), by its translated name.
    EventMessage &decision(const QString &code);
    /// A language code ("ru"), by its translated name.
    EventMessage &language(const QString &code);
    /// A deadline rule's article ("Law 99-Z art. 13(2)"), translated.
    EventMessage &article(const QString &source);
    /// Appends another part, after "; ".
    EventMessage &then(const EventMessage &part);

    /// The line in the current language, dates in the locale's format.
    QString text() const;
    /// The line with the untranslated words and ISO dates, as the command line and reports read it.
    QString english() const;
    /// What is stored next to the comment: the parts with their arguments, as compact JSON; empty when the line is
    /// only an operator's words.
    QString toJson() const;
    /// A stored line in the current language; `fallback` (the stored comment) when `json` is empty or unreadable.
    static QString render(const QString &json, const QString &fallback);

private:
    enum class Kind { Text, Date, Status, AnswerForm, Language, Article, Field, Decision };
    struct Arg
    {
        Kind kind = Kind::Text;
        QString value;
    };
    struct Part
    {
        QByteArray context; ///< empty: `source` is shown as it is
        QByteArray source;
        int n = -1;
        QList<Arg> args;
    };
    EventMessage() = default;
    EventMessage &add(Kind kind, const QString &value);
    static QString partText(const Part &part, bool translated);

    QList<Part> m_parts;
};

} // namespace pd
