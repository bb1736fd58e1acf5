#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>

namespace pd::demo {

/// A small deterministic generator (splitmix64): the same seed gives the same sequence on every platform and
/// compiler, which std:: distributions do not promise.
class Random
{
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}
    /// A generator for item `index` of stream `stream` under `seed`: subjects can be made independently of order.
    static Random forItem(std::uint64_t seed, std::uint64_t stream, std::uint64_t index);

    std::uint64_t next();
    /// Uniform in [0, bound).
    int below(int bound) { return int(next() % std::uint64_t(bound)); }
    /// True with the given probability in percent.
    bool percent(int chance) { return below(100) < chance; }
    template <typename List> const auto &pick(const List &list) { return list.at(below(int(list.size()))); }
    /// `length` lower-case hexadecimal digits.
    QString hex(int length);
    /// `length` decimal digits.
    QString digits(int length);

private:
    std::uint64_t m_state;
};

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
