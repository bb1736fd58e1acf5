#pragma once

#include "app/demo/Random.h"

#include <QString>
#include <QStringList>

#include <cstdint>

namespace pd::demo {

/// A person as the demo makes them up: the name in its own script and its Latin transliteration for e-mails and
/// card-holder fields.
struct Person
{
    QString fullName;
    QString latinFirst;
    QString latinLast;
    QString country; ///< ISO alpha-2
    QString language;
    bool female = false;
};

Person makePerson(Random &random);
QString makeEmail(Random &random, const Person &person, std::uint64_t uniqueNumber);
QString makePhone(Random &random, const QString &country);

struct IpLocation
{
    QString ip;
    QString city;
    QString country;
};
IpLocation makeIp(Random &random, const QString &country);

QString makeBrowser(Random &random);
QString makeUtm(Random &random);
QString makeReferrer(Random &random);
/// A cookie id in UUID form: the dashes keep digit runs short, so a card-number scanner does not mistake it for a PAN.
QString makeCookieId(Random &random);
/// A masked card number as payment systems hand it over: BIN (first 6) and last 4 digits, never the full number.
QString makeMaskedCard(Random &random);

} // namespace pd::demo
