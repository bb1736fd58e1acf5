#include "app/cli/CliApp.h"

#include "app/cli/CliContext.h"
#include "app/storage/DatabaseUrl.h"

#include <QCoreApplication>

namespace pd {

namespace {

const char *const kUsage =
    "usage: privacydesk-cli [--db URL] [--operator NAME] [--json] COMMAND ...\n"
    "\n"
    "commands:\n"
    "  init [--profile FILE]                       create or migrate the schema, load a policy profile\n"
    "  demo --subjects N [--requests M] [--seed S] [--today YYYY-MM-DD]\n"
    "                                              fill an empty database with made-up demo data\n"
    "  subjects search TEXT [--limit K] [--state S] [--category C] [--json]\n"
    "  subject show ID [--json]\n"
    "  subject correct ID FIELD VALUE --reason TEXT [--request ID]\n"
    "  subject block ID --reason TEXT [--until DATE] [--request ID]\n"
    "  subject unblock ID --reason TEXT [--informed HOW-THE-SUBJECT-WAS-TOLD] [--request ID]\n"
    "  subject contract-end ID DATE|none --reason TEXT\n"
    "  subject hold ID --reason TEXT [--release]   a legal hold: the retention sweep keeps the subject's data\n"
    "  subject anonymize ID... --reason TEXT [--request ID] [--ids-file FILE] [--progress]\n"
    "  subject delete ID... --reason TEXT [--request ID] [--ids-file FILE] [--progress]\n"
    "  request add --type TYPE --regime REGIME (--subject ID | --name TEXT [--new-subject]) [--received DATE]\n"
    "              [--channel C] [--email E] [--phone P] [--address A] [--birth-date DATE] [--id-number N]\n"
    "              [--asked TEXT] [--answer-form email|letter|in-person] [--language en|ru]\n"
    "              [--representative NAME --authority DOCUMENT]\n"
    "                                              register a data-subject request; prints its number\n"
    "  request list [--status S] [--type T] [--regime R] [--open] [--overdue] [--limit K] [--json]\n"
    "  request show ID [--json]                    one request with its due date and timeline\n"
    "  operator add NAME --role ROLE [--display-name TEXT]\n"
    "                                              add an operator (admin | officer | agent | auditor);\n"
    "                                              the password comes from PRIVACYDESK_NEW_PASSWORD\n"
    "  operator list [--json]                      list operators\n"
    "  operator deactivate|activate|unlock NAME    manage an account (administrators)\n"
    "  operator reset-password NAME                the new password comes from PRIVACYDESK_NEW_PASSWORD\n"
    "  operator set-role NAME --role ROLE\n"
    "  audit verify                                check the hash chain of the audit trail\n"
    "  audit list [--operator-name N] [--action PREFIX] [--subject ID] [--from DATE] [--to DATE] [--limit K]\n"
    "  approval list [--json]                      irreversible actions waiting for a second officer\n"
    "  approval approve ID | approval reject ID --note TEXT | approval cancel ID --note TEXT\n"
    "                                              approve again to finish a half-done one; cancel keeps what is done\n"
    "  settings show | settings set KEY VALUE      shared settings (idle lock, lock-out, four-eyes rule)\n"
    "  import subjects FILE [--format csv|jsonl|subject-json] [--separator ,|;] [--mapping FILE] [--purpose CODE]\n"
    "                  [--rejects FILE] [--dry-run]\n"
    "                                              load subjects from CSV or JSON Lines; with --rejects, bad rows go\n"
    "                                              there instead of refusing the whole file\n"
    "  consent give SUBJECT-ID PURPOSE --version V --channel web-form|paper|e-mail|phone\n"
    "  consent withdraw CONSENT-ID --reason TEXT   schedules the erasure of the data held for the purpose\n"
    "  consent policy-version VERSION [--note TEXT] | consent outdated [--purpose CODE] [--version V] [--json]\n"
    "                                              the policy in force; consents given for an older one\n"
    "  purpose list [--json] | purpose show CODE [--json] | profile export FILE\n"
    "                                              the register of purposes (GDPR art. 30), one purpose in full\n"
    "  retention run [--dry-run] [--today DATE] [--json]\n"
    "                                              carry out the register's retention rules (--dry-run: list what\n"
    "                                              is due, per purpose); exit 1 while it waits for a second officer\n"
    "  breach add --discovered ISO-DATETIME --regime R[,R...] --nature TEXT [--subjects N] [--records N]\n"
    "             [--categories K,K] [--consequences TEXT] [--measures-taken TEXT] [--measures-proposed TEXT]\n"
    "             [--dpo TEXT] [--high-risk]      record a breach; prints its id (--json: with notify_by per regime)\n"
    "  breach list [--due] [--json] | breach show ID [--json]\n"
    "  breach notify ID --at ISO-DATETIME [--reason TEXT] [--regime R]\n"
    "                                              the notice to the regulator; a late one needs --reason\n"
    "  breach subjects-told ID --at ISO-DATETIME   the subjects were told (high risk, GDPR art. 34)\n"
    "  breach notice ID --out FILE [--regime R]    the notification for the regulator, as a PDF\n"
    "  report KIND --format pdf|csv|xlsx|json --out FILE [--bom]\n"
    "             [--from DATE --to DATE] [--controller CODE] [--subject ID] [--request ID [--attach]]\n"
    "             [--act N] [--retention-sweep DATE]\n"
    "                                              a report for a regulator or a subject; KIND is ropa,\n"
    "                                              processor-record, requests, destruction, breaches, disclosures,\n"
    "                                              audit, statistics or subject-access (docs/cli.md)\n"
    "  backup FILE                                 an SQLite database's online backup, checked, mode 0600\n"
    "  restore FILE                                replace the database with a checked backup (administrators)\n"
    "\n"
    "Signing in: --operator NAME with the password in PRIVACYDESK_PASSWORD. On a database without operators,\n"
    "'operator add NAME --role admin' creates the first administrator without signing in.\n"
    "URL: sqlite:/path/file.sqlite or postgresql://user:password@host:port/dbname\n"
    "     (default: $PRIVACYDESK_DB, then the SQLite file in the user's data folder)\n"
    "exit codes: 0 success, 1 refused or failed, 2 bad usage\n";

} // namespace

CliApp::CliApp(QStringList arguments, QTextStream &out, QTextStream &err)
    : m_arguments(std::move(arguments)), m_out(out), m_err(err)
{
}

bool CliApp::drawsDocuments(const QStringList &arguments)
{
    const qsizetype breach = arguments.indexOf(QStringLiteral("breach"));
    return arguments.contains(QStringLiteral("report")) ||
           (breach >= 0 && arguments.value(breach + 1) == QLatin1String("notice"));
}

int CliApp::run()
{
    CliContext cli(m_out, m_err);
    // Global options come before the command words.
    int index = 0;
    while (index < m_arguments.size() && m_arguments.at(index).startsWith(QLatin1String("--"))) {
        const QString option = m_arguments.at(index);
        if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            m_out << QLatin1String(kUsage);
            return CliContext::Success;
        }
        if (option == QLatin1String("--version")) {
            m_out << "privacydesk-cli " << QCoreApplication::applicationVersion() << '\n';
            return CliContext::Success;
        }
        if (option == QLatin1String("--json")) {
            cli.json = true;
            ++index;
            continue;
        }
        QString *target = nullptr;
        if (option == QLatin1String("--db")) {
            target = &cli.dbUrl;
        } else if (option == QLatin1String("--operator")) {
            target = &cli.operatorName;
        } else {
            return cli.usage(CliText::tr("unknown option %1").arg(option));
        }
        if (index + 1 >= m_arguments.size()) {
            return cli.usage(CliText::tr("option %1 needs a value").arg(option));
        }
        *target = m_arguments.at(index + 1);
        index += 2;
    }
    if (index >= m_arguments.size()) {
        return cli.usage(CliText::tr("no command given"));
    }
    if (!cli.dbUrl.isEmpty()) {
        Result<DatabaseUrl> url = DatabaseUrl::parse(cli.dbUrl);
        if (!url) {
            return cli.usage(QStringLiteral("--db: ") + url.error().message);
        }
        if (!url->password().isEmpty()) {
            m_err << "privacydesk-cli: "
                  << CliText::tr("warning: every local user can read a password given in --db (ps); put it in "
                                 "PGPASSFILE, or the whole URL in PRIVACYDESK_DB")
                  << '\n';
        }
    }
    const QString command = m_arguments.at(index);
    QStringList rest = m_arguments.mid(index + 1);
    // --json may also follow the command words, as in "request list --json".
    if (rest.removeAll(QStringLiteral("--json")) > 0) {
        cli.json = true;
    }
    using Runner = int (*)(CliContext &, const QStringList &);
    const std::pair<const char *, Runner> commands[] = {
        {"init", runInit},         {"demo", runDemo},         {"operator", runOperator},   {"audit", runAudit},
        {"approval", runApproval}, {"settings", runSettings}, {"import", runImport},       {"subjects", runSubjects},
        {"subject", runSubject},   {"request", runRequest},   {"retention", runRetention}, {"purpose", runPurpose},
        {"profile", runProfile},   {"consent", runConsent},   {"breach", runBreach},       {"report", runReport},
        {"backup", runBackup},     {"restore", runRestore},
    };
    for (const auto &[name, runner] : commands) {
        if (command == QLatin1String(name)) {
            return runner(cli, rest);
        }
    }
    if (command == QLatin1String("help")) {
        m_out << QLatin1String(kUsage);
        return CliContext::Success;
    }
    return cli.usage(CliText::tr("unknown command '%1'").arg(command));
}

} // namespace pd
