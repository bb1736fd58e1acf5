// privacydesk-cli breach ...
#include "app/cli/CliContext.h"

#include "app/breaches/BreachRegister.h"
#include "app/reports/BreachNotice.h"
#include "app/storage/Database.h"
#include "app/storage/PrivateFile.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace pd {

namespace {

/// An ISO 8601 date and time with its offset ("Z" or "+03:00"): a breach's clock runs in hours, so a time without
/// a zone would be a guess.
std::optional<QDateTime> moment(const QString &text)
{
    static const QRegularExpression zoned(QStringLiteral("(Z|[+-]\\d\\d:?\\d\\d)$"));
    const QDateTime when = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!when.isValid() || !zoned.match(text.trimmed()).hasMatch()) {
        return std::nullopt;
    }
    return when.toUTC();
}

QString momentHint()
{
    return CliText::tr("expected an ISO date and time with its offset, e.g. 2026-12-01T09:30:00Z or "
                       "2026-12-01T12:30:00+03:00");
}

QJsonValue optionalJson(const std::optional<QDateTime> &when)
{
    return when ? QJsonValue(sql::timestamp(*when)) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalJson(const std::optional<qint64> &count)
{
    return count ? QJsonValue(*count) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const BreachRegister::Breach &breach)
{
    QJsonArray notices;
    for (const BreachRegister::Notification &notice : breach.notifications) {
        notices.append(QJsonObject{{QStringLiteral("regime"), toString(notice.regime)},
                                   {QStringLiteral("notify_by"), optionalJson(notice.notifyBy)},
                                   {QStringLiteral("follow_up_by"), optionalJson(notice.followUpBy)},
                                   {QStringLiteral("notified_at"), optionalJson(notice.notifiedAt)},
                                   {QStringLiteral("late"), notice.isLate()},
                                   {QStringLiteral("late_reason"), notice.lateReason},
                                   {QStringLiteral("source"), notice.source}});
    }
    const BreachRegister::Input &d = breach.details;
    return QJsonObject{{QStringLiteral("id"), breach.id},
                       {QStringLiteral("discovered_at"), sql::timestamp(breach.details.discovered)},
                       {QStringLiteral("recorded_at"), sql::timestamp(breach.recorded)},
                       {QStringLiteral("recorded_by"), breach.recordedBy},
                       {QStringLiteral("nature"), d.nature},
                       {QStringLiteral("categories"), QJsonArray::fromStringList(d.categories)},
                       {QStringLiteral("subjects"), optionalJson(d.subjects)},
                       {QStringLiteral("records"), optionalJson(d.records)},
                       {QStringLiteral("consequences"), d.consequences},
                       {QStringLiteral("measures_taken"), d.measuresTaken},
                       {QStringLiteral("measures_proposed"), d.measuresProposed},
                       {QStringLiteral("dpo_contact"), d.dpoContact},
                       {QStringLiteral("high_risk"), d.highRisk},
                       {QStringLiteral("subjects_told_at"), optionalJson(breach.subjectsTold)},
                       {QStringLiteral("next_deadline"), optionalJson(breach.nextDeadline())},
                       {QStringLiteral("notifications"), notices}};
}

bool breachId(CliContext &cli, const QString &command, const CliContext::Arguments &args, qint64 *id, int *code)
{
    if (args.positionals.size() != 1 || !CliContext::positiveId(args.positionals.first(), id)) {
        *code = cli.usage(CliText::tr("%1: expected one BREACH-ID (a number)").arg(command));
        return false;
    }
    return true;
}

/// The moment of option --`name` (required).
bool momentOption(CliContext &cli, const QString &command, const CliContext::Arguments &args, const char *name,
                  QDateTime *when, int *code)
{
    const std::optional<QDateTime> parsed = moment(args.value(QLatin1String(name)));
    if (!parsed) {
        *code = cli.usage(CliText::tr("%1: --%2: %3").arg(command, QLatin1String(name), momentHint()));
        return false;
    }
    *when = *parsed;
    return true;
}

bool regimeOf(CliContext &cli, const QString &command, const QString &code, Regime *regime, int *exitCode)
{
    const std::optional<Regime> parsed = parseRegime(code);
    if (!parsed) {
        *exitCode = cli.usage(CliText::tr("%1: --regime: unknown regime '%2' (expected %3)")
                                  .arg(command, code, allRegimes().join(QStringLiteral(", "))));
        return false;
    }
    *regime = *parsed;
    return true;
}

bool count(CliContext &cli, const QString &command, const CliContext::Arguments &args, const char *name,
           std::optional<qint64> *value, int *code)
{
    const QString option = QLatin1String(name);
    if (!args.has(option)) {
        return true;
    }
    bool ok = false;
    const qint64 number = args.value(option).toLongLong(&ok);
    if (!ok || number < 0) {
        *code = cli.usage(CliText::tr("%1: --%2: expected a number of 0 or more").arg(command, option));
        return false;
    }
    *value = number;
    return true;
}

/// The regime of option --regime, when given.
bool regimeOption(CliContext &cli, const QString &command, const CliContext::Arguments &args,
                  std::optional<Regime> *regime, int *code)
{
    if (!args.has(QStringLiteral("regime"))) {
        return true;
    }
    Regime named = Regime::Gdpr;
    if (!regimeOf(cli, command, args.value(QStringLiteral("regime")), &named, code)) {
        return false;
    }
    *regime = named;
    return true;
}

/// breach add --discovered ISO-DATETIME --regime R[,R...] --nature TEXT [--subjects N] [--records N] ...
int add(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("breach add");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words,
                           {QStringLiteral("discovered"), QStringLiteral("regime"), QStringLiteral("nature"),
                            QStringLiteral("subjects"), QStringLiteral("records"), QStringLiteral("categories"),
                            QStringLiteral("consequences"), QStringLiteral("measures-taken"),
                            QStringLiteral("measures-proposed"), QStringLiteral("dpo")},
                           {QStringLiteral("high-risk")}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return cli.usage(CliText::tr("%1: unexpected argument '%2'").arg(command, args.positionals.first()));
    }
    BreachRegister::Input input;
    int code = 0;
    if (!momentOption(cli, command, args, "discovered", &input.discovered, &code)) {
        return code;
    }
    for (const QString &name : args.value(QStringLiteral("regime")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        Regime regime = Regime::Gdpr;
        if (!regimeOf(cli, command, name.trimmed(), &regime, &code)) {
            return code;
        }
        input.regimes << regime;
    }
    if (input.regimes.isEmpty()) {
        return cli.usage(CliText::tr("%1: --regime R[,R...] is required (%2)")
                             .arg(command, allRegimes().join(QStringLiteral(", "))));
    }
    input.nature = args.value(QStringLiteral("nature"));
    if (input.nature.trimmed().isEmpty()) {
        return cli.usage(CliText::tr("%1: --nature TEXT (what happened) is required").arg(command));
    }
    if (!count(cli, command, args, "subjects", &input.subjects, &code) ||
        !count(cli, command, args, "records", &input.records, &code)) {
        return code;
    }
    for (const QString &category :
         args.value(QStringLiteral("categories")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        input.categories << category.trimmed();
    }
    input.consequences = args.value(QStringLiteral("consequences"));
    input.measuresTaken = args.value(QStringLiteral("measures-taken"));
    input.measuresProposed = args.value(QStringLiteral("measures-proposed"));
    input.dpoContact = args.value(QStringLiteral("dpo"));
    input.highRisk = args.has(QStringLiteral("high-risk"));

    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    const Result<qint64> id = BreachRegister::record(*database, who, input);
    if (!id) {
        return cli.fail(id.error());
    }
    if (cli.json) {
        const Result<BreachRegister::Breach> breach = BreachRegister::get(*database, who, id.value());
        if (!breach) {
            return cli.fail(breach.error());
        }
        cli.printJson(toJson(breach.value()));
        return CliContext::Success;
    }
    cli.out << id.value() << '\n';
    return CliContext::Success;
}

void printNotices(CliContext &cli, const BreachRegister::Breach &breach)
{
    for (const BreachRegister::Notification &notice : breach.notifications) {
        QString state;
        if (notice.notifiedAt) {
            state = notice.isLate()
                        ? CliText::tr("notified %1, late: %2")
                              .arg(sql::timestamp(*notice.notifiedAt), CliContext::printable(notice.lateReason))
                        : CliText::tr("notified %1").arg(sql::timestamp(*notice.notifiedAt));
        } else if (notice.notifyBy) {
            state = CliText::tr("notify by %1").arg(sql::timestamp(*notice.notifyBy));
        } else {
            state = CliText::tr("no fixed deadline");
        }
        cli.out << QStringLiteral("  %1: %2").arg(toString(notice.regime), state);
        if (notice.followUpBy) {
            cli.out << CliText::tr("; result of the investigation by %1").arg(sql::timestamp(*notice.followUpBy));
        }
        cli.out << " (" << notice.source << ")\n";
    }
}

/// breach list [--due] [--json]
int list(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("breach list");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {}, {QStringLiteral("due")}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return cli.usage(CliText::tr("%1: unexpected argument '%2'").arg(command, args.positionals.first()));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    const Result<QList<BreachRegister::Breach>> breaches = args.has(QStringLiteral("due"))
                                                               ? BreachRegister::awaitingNotice(*database, who)
                                                               : BreachRegister::list(*database, who);
    if (!breaches) {
        return cli.fail(breaches.error());
    }
    if (cli.json) {
        QJsonArray all;
        for (const BreachRegister::Breach &breach : breaches.value()) {
            all.append(toJson(breach));
        }
        cli.printJson(QJsonObject{{QStringLiteral("breaches"), all}});
        return CliContext::Success;
    }
    for (const BreachRegister::Breach &breach : breaches.value()) {
        cli.out << CliText::tr("#%1 discovered %2: %3")
                       .arg(breach.id)
                       .arg(sql::timestamp(breach.details.discovered),
                            CliContext::printable(breach.details.nature.left(80)))
                << '\n';
        printNotices(cli, breach);
    }
    cli.out << CliText::tr("%n breach(es).", nullptr, int(breaches->size())) << '\n';
    return CliContext::Success;
}

/// breach show ID [--json]
int show(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("breach show");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {}, {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    int code = 0;
    qint64 id = 0;
    if (!breachId(cli, command, args, &id, &code)) {
        return code;
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    const Result<BreachRegister::Breach> breach = BreachRegister::get(*database, who, id);
    if (!breach) {
        return cli.fail(breach.error());
    }
    if (cli.json) {
        cli.printJson(toJson(breach.value()));
        return CliContext::Success;
    }
    const BreachRegister::Input &d = breach->details;
    const auto approximate = [](const std::optional<qint64> &n) {
        return n ? QString::number(*n) : CliText::tr("not known");
    };
    cli.out
        << CliText::tr("Breach #%1, discovered %2, recorded %3 by %4")
               .arg(breach->id)
               .arg(sql::timestamp(breach->details.discovered), sql::timestamp(breach->recorded), breach->recordedBy)
        << '\n'
        << CliText::tr("  nature: %1").arg(CliContext::printable(d.nature)) << '\n'
        << CliText::tr("  categories: %1").arg(d.categories.join(QStringLiteral(", "))) << '\n'
        << CliText::tr("  subjects: about %1; records: about %2").arg(approximate(d.subjects), approximate(d.records))
        << '\n'
        << CliText::tr("  likely consequences: %1").arg(CliContext::printable(d.consequences)) << '\n'
        << CliText::tr("  measures taken: %1").arg(CliContext::printable(d.measuresTaken)) << '\n'
        << CliText::tr("  measures proposed: %1").arg(CliContext::printable(d.measuresProposed)) << '\n'
        << CliText::tr("  DPO: %1").arg(CliContext::printable(d.dpoContact)) << '\n';
    if (d.highRisk) {
        cli.out
            << (breach->subjectsTold
                    ? CliText::tr("  high risk: the subjects were told %1").arg(sql::timestamp(*breach->subjectsTold))
                    : CliText::tr("  high risk: the subjects are to be told without undue delay (GDPR art. 34)"))
            << '\n';
    }
    printNotices(cli, breach.value());
    return CliContext::Success;
}

/// breach notify ID --at ISO-DATETIME [--reason TEXT] [--regime R]
int notify(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("breach notify");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("at"), QStringLiteral("reason"), QStringLiteral("regime")}, {}, &args,
                           &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    int code = 0;
    qint64 id = 0;
    if (!breachId(cli, command, args, &id, &code)) {
        return code;
    }
    QDateTime at;
    if (!momentOption(cli, command, args, "at", &at, &code)) {
        return code;
    }
    std::optional<Regime> regime;
    if (!regimeOption(cli, command, args, &regime, &code)) {
        return code;
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    if (Status status = BreachRegister::notify(*database, who, id, at, args.value(QStringLiteral("reason")), regime);
        !status) {
        return cli.fail(status.error());
    }
    cli.out << CliText::tr("Breach #%1: the notice to the regulator is recorded.").arg(id) << '\n';
    return CliContext::Success;
}

/// breach subjects-told ID --at ISO-DATETIME
int subjectsTold(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("breach subjects-told");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("at")}, {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    int code = 0;
    qint64 id = 0;
    if (!breachId(cli, command, args, &id, &code)) {
        return code;
    }
    QDateTime at;
    if (!momentOption(cli, command, args, "at", &at, &code)) {
        return code;
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    if (Status status = BreachRegister::subjectsTold(*database, who, id, at); !status) {
        return cli.fail(status.error());
    }
    cli.out << CliText::tr("Breach #%1: telling the subjects is recorded.").arg(id) << '\n';
    return CliContext::Success;
}

/// breach notice ID --out FILE [--regime R]: the notification document for the regulator, as a PDF.
int notice(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("breach notice");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("out"), QStringLiteral("regime")}, {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    int code = 0;
    qint64 id = 0;
    if (!breachId(cli, command, args, &id, &code)) {
        return code;
    }
    const QString out = args.value(QStringLiteral("out"));
    if (out.isEmpty()) {
        return cli.usage(CliText::tr("%1: --out FILE (the PDF to write) is required").arg(command));
    }
    std::optional<Regime> regime;
    if (!regimeOption(cli, command, args, &regime, &code)) {
        return code;
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    const Result<ReportDocument> document = BreachNotice::build(*database, who, id, regime);
    if (!document) {
        return cli.fail(document.error());
    }
    const Result<QByteArray> pdf = ReportPdf::render(document.value());
    if (!pdf) {
        return cli.fail(pdf.error());
    }
    if (Status written = PrivateFile::write(out, pdf.value()); !written) {
        return cli.fail(makeError(written.error().code,
                                  CliText::tr("%1: cannot write the PDF: %2").arg(out, written.error().message)));
    }
    cli.out << CliText::tr("Breach #%1: the notification is in %2.").arg(id).arg(out) << '\n';
    return CliContext::Success;
}

} // namespace

int runBreach(CliContext &cli, const QStringList &words)
{
    return dispatch(cli, QStringLiteral("breach"), words,
                    {{"add", add},
                     {"list", list},
                     {"show", show},
                     {"notify", notify},
                     {"subjects-told", subjectsTold},
                     {"notice", notice}});
}

} // namespace pd
