#include "app/demo/SubjectMaker.h"

#include "app/demo/DemoVocabulary.h"
#include "app/domain/SearchKeys.h"
#include "app/domain/SearchTerms.h"
#include "app/storage/Sql.h"

#include <QDateTime>

namespace pd::demo {

using sql::text;

QStringList SubjectMaker::subjectColumns()
{
    return {QStringLiteral("id"),           QStringLiteral("external_id"),    QStringLiteral("controller_id"),
            QStringLiteral("display_name"), QStringLiteral("email"),          QStringLiteral("phone"),
            QStringLiteral("name_key"),     QStringLiteral("email_key"),      QStringLiteral("phone_key"),
            QStringLiteral("state"),        QStringLiteral("blocked_reason"), QStringLiteral("created_at"),
            QStringLiteral("updated_at"),   QStringLiteral("categories"),     QStringLiteral("purpose_ids")};
}

Status SubjectMaker::item(qint64 subject, const QString &purpose, const char *category, const char *field,
                          const QString &value, const char *source, const QString &collectedAt, const QString &state)
{
    const QString categoryName = QLatin1String(category);
    if (!m_categories.contains(categoryName)) {
        m_categories << categoryName;
    }
    const QString purposeId = QString::number(m_ids.purposes.value(purpose));
    if (!m_purposes.contains(purposeId)) {
        m_purposes << purposeId;
    }
    if (qstrcmp(field, "ip") == 0 && state != QLatin1String("anonymized")) {
        m_ips << value;
    }
    return m_batch->items.add({subject, m_ids.purposes.value(purpose), categoryName, QLatin1String(field), value,
                               QLatin1String(source), collectedAt, state});
}

Status SubjectMaker::write(GeneratedBatch &batch, qint64 id, qint64 index)
{
    m_batch = &batch;
    m_categories.clear();
    m_purposes.clear();
    m_ips.clear();
    const qsizetype row = batch.subjects.values.size();
    if (Status status = writeRows(id, index); !status) {
        return status;
    }
    // The lists and terms are known only once the items are made: fill them into the subject row now.
    const QStringList columns = subjectColumns();
    const auto list = [](QStringList values) -> QString {
        values.sort();
        return values.isEmpty() ? QStringLiteral("")
                                : QLatin1Char(',') + values.join(QLatin1Char(',')) + QLatin1Char(',');
    };
    batch.subjects.values[row + columns.indexOf(QStringLiteral("categories"))] = list(m_categories);
    batch.subjects.values[row + columns.indexOf(QStringLiteral("purpose_ids"))] = list(m_purposes);
    const QString name = batch.subjects.values.at(row + columns.indexOf(QStringLiteral("display_name"))).toString();
    const bool anonymized = batch.subjects.values.at(row + columns.indexOf(QStringLiteral("state"))).toString() ==
                            QLatin1String("anonymized");
    if (!anonymized) {
        for (const QString &term : searchterms::forSubject(name, m_ips)) {
            static_cast<void>(batch.terms.add({term, id})); // appending cannot fail
        }
    }
    return {};
}

Status SubjectMaker::writeRows(qint64 id, qint64 index)
{
    Random random = Random::forItem(m_seed, SubjectStream, std::uint64_t(index));
    const demo::Person person = makePerson(random);
    const QString email = makeEmail(random, person, std::uint64_t(index) + 1);
    const QString phone = makePhone(random, person.country);
    const QDateTime created = QDateTime(m_today.addDays(-random.below(3 * 365) - 1),
                                        QTime(8 + random.below(12), random.below(60), random.below(60)), Qt::UTC);
    const QString createdAt = sql::timestamp(created);
    const bool client = random.percent(15);
    const int stateRoll = random.below(1000);
    const QString state = stateRoll < 30   ? QStringLiteral("blocked")
                          : stateRoll < 45 ? QStringLiteral("anonymized")
                                           : QStringLiteral("active");
    const bool anonymized = state == QLatin1String("anonymized");
    const QString itemState = anonymized ? state : QStringLiteral("active");
    const QString externalId =
        (client ? QStringLiteral("CR-") : QStringLiteral("U-")) + QString::number(100000 + index);

    // Anonymized demo subjects look as the anonymizer leaves them: nothing identifying, generalized technical data.
    const QString name = anonymized ? QString() : person.fullName;
    const QString shownEmail = anonymized ? QString() : email;
    const QString shownPhone = anonymized || client ? QString() : phone;
    Status status = m_batch->subjects.add(
        {id, anonymized ? QVariant(QString()) : QVariant(externalId),
         client ? m_ids.clientController : m_ids.operatorController, text(name), text(shownEmail), text(shownPhone),
         text(searchkeys::nameSortKey(name)), text(searchkeys::email(shownEmail)), text(searchkeys::phone(shownPhone)),
         state,
         state == QLatin1String("blocked")
             ? QVariant(QStringLiteral("Accuracy disputed by the subject; verification in progress"))
             : QVariant(QString()),
         createdAt, createdAt, QString(), QString()});
    if (!status) {
        return status;
    }

    if (client) {
        // E-mail recipients of a client's campaigns: processed on the client's instructions (seed 001).
        static const QStringList tags = {QStringLiteral("newsletter"), QStringLiteral("vip"), QStringLiteral("loyalty"),
                                         QStringLiteral("b2b"), QStringLiteral("promo")};
        static const QStringList segments = {QStringLiteral("Minsk"), QStringLiteral("Regions"),
                                             QStringLiteral("Active 30 days"), QStringLiteral("Dormant")};
        const QString purpose = QStringLiteral("client-mailing");
        if (!anonymized) {
            if (!(status = item(id, purpose, "recipient", "email", email, "client import", createdAt, itemState))) {
                return status;
            }
            if (!(status =
                      item(id, purpose, "recipient", "name", person.fullName, "client import", createdAt, itemState))) {
                return status;
            }
        }
        if (!(status =
                  item(id, purpose, "recipient", "tags", random.pick(tags) + QStringLiteral(", ") + random.pick(tags),
                       "client import", createdAt, itemState))) {
            return status;
        }
        if (!(status = item(id, purpose, "recipient", "segments", random.pick(segments), "client import", createdAt,
                            itemState))) {
            return status;
        }
        const bool withdrawn = random.percent(8);
        const QString given = createdAt;
        if (!(status = m_batch->consents.add(
                  {id, m_ids.purposes.value(purpose), m_ids.policyVersion, given,
                   withdrawn ? QVariant(sql::timestamp(created.addDays(30 + random.below(300)))) : QVariant(QString()),
                   QStringLiteral("web form")}))) {
            return status;
        }
        if (random.percent(20)) {
            status = m_batch->disclosures.add({id, m_ids.purposes.value(purpose), random.pick(m_ids.mailingRecipients),
                                               m_ids.mailingRecipientCountry, QStringLiteral("recipient"),
                                               QStringLiteral("client's instructions (DPA)"),
                                               sql::timestamp(created.addDays(random.below(200)))});
        }
        return status;
    }

    const QString registration = QStringLiteral("registration");
    if (!anonymized) {
        if (!(status = item(id, registration, "account", "name", person.fullName, "registration form", createdAt,
                            itemState)) ||
            !(status = item(id, registration, "account", "email", email, "registration form", createdAt, itemState)) ||
            !(status = item(id, registration, "account", "phone", phone, "registration form", createdAt, itemState))) {
            return status;
        }
    }
    const demo::IpLocation ip = makeIp(random, person.country);
    const QString ipValue = anonymized ? ip.ip.section(QLatin1Char('.'), 0, 1) + QStringLiteral(".0.0/16") : ip.ip;
    const QString location = anonymized ? ip.country : ip.city + QStringLiteral(", ") + ip.country;
    if (!(status = item(id, registration, "technical", "ip", ipValue, "web server log", createdAt, itemState)) ||
        !(status = item(id, registration, "technical", "location", location, "IP geolocation", createdAt, itemState)) ||
        !(status = item(id, registration, "technical", "browser", makeBrowser(random), "web server log", createdAt,
                        itemState)) ||
        !(status = item(id, registration, "technical", "language", person.language, "browser", createdAt, itemState))) {
        return status;
    }
    if (!anonymized) {
        if (!(status = item(id, registration, "technical", "cookie_id", makeCookieId(random), "cookie", createdAt,
                            itemState))) {
            return status;
        }
    }
    if (random.percent(40) &&
        !(status = item(id, registration, "technical", "utm", makeUtm(random), "landing page", createdAt, itemState))) {
        return status;
    }
    if (random.percent(40) && !(status = item(id, registration, "technical", "referrer", makeReferrer(random),
                                              "web server log", createdAt, itemState))) {
        return status;
    }
    if (random.percent(30) && !anonymized) {
        // Payment systems hand over only a masked number, the expiry and the holder's name (seed 004 §2.3.4).
        const QString paid = sql::timestamp(created.addDays(1 + random.below(60)));
        const QString purpose = QStringLiteral("card-payment");
        const QString holder = (person.latinFirst + QLatin1Char(' ') + person.latinLast).toUpper();
        const QString expiry = QStringLiteral("%1/%2")
                                   .arg(1 + random.below(12), 2, 10, QLatin1Char('0'))
                                   .arg(m_today.year() % 100 + random.below(5));
        if (!(status = item(id, purpose, "payment", "cardholder", holder, "payment system", paid, itemState)) ||
            !(status = item(id, purpose, "payment", "card_masked", makeMaskedCard(random), "payment system", paid,
                            itemState)) ||
            !(status = item(id, purpose, "payment", "card_expiry", expiry, "payment system", paid, itemState)) ||
            !(status = item(id, purpose, "payment", "transaction_id", QStringLiteral("TX-") + random.hex(12).toUpper(),
                            "payment system", paid, itemState))) {
            return status;
        }
        status = m_batch->disclosures.add({id, m_ids.purposes.value(purpose), random.pick(m_ids.paymentRecipients),
                                           QStringLiteral("BY"), QStringLiteral("payment"),
                                           QStringLiteral("performance of the contract"), paid});
        if (!status) {
            return status;
        }
    }
    if (random.percent(10) && !anonymized) {
        const QString purpose = QStringLiteral("info-projects");
        const QString joined = sql::timestamp(created.addDays(random.below(90)));
        if (!(status = item(id, purpose, "account", "messenger",
                            QLatin1Char('@') + QString(email).section(QLatin1Char('@'), 0, 0), "web form", joined,
                            itemState))) {
            return status;
        }
        const bool withdrawn = random.percent(15);
        status = m_batch->consents.add(
            {id, m_ids.purposes.value(purpose), m_ids.policyVersion, joined,
             withdrawn ? QVariant(sql::timestamp(created.addDays(100 + random.below(300)))) : QVariant(QString()),
             QStringLiteral("web form")});
    }
    return status;
}

} // namespace pd::demo
