#include "app/demo/DemoVocabulary.h"

#include <array>

namespace pd::demo {

namespace {

struct NameSet
{
    QString country;
    QString language;
    QStringList maleFirst;
    QStringList femaleFirst;
    QStringList lastMale;
    QStringList lastFemale;
    QStringList latinMaleFirst; ///< transliterations, same order as maleFirst (empty when already Latin)
    QStringList latinFemaleFirst;
    QStringList latinLastMale;
    QStringList latinLastFemale;
};

QStringList split(const char *words)
{
    return QString::fromUtf8(words).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

const std::array<NameSet, 7> &nameSets()
{
    static const std::array<NameSet, 7> sets = {{
        {QStringLiteral("BY"), QStringLiteral("be"),
         split("Аляксандр Андрэй Сяргей Дзмітрый Алесь Ян Мікалай Павел Васіль Уладзімір Максім Кірыл"),
         split("Вольга Наталля Алена Ганна Марыя Юлія Кацярына Святлана Ірына Дар'я Алеся Тацяна"),
         split("Казлоў Каваленка Навіцкі Шымановіч Лукашэвіч Дубоўскі Мельнік Жук Стральчук Вашкевіч Бандарэнка "
               "Сянкевіч"),
         split("Казлова Каваленка Навіцкая Шымановіч Лукашэвіч Дубоўская Мельнік Жук Стральчук Вашкевіч Бандарэнка "
               "Сянкевіч"),
         split("Aliaksandr Andrei Siarhei Dzmitry Ales Jan Mikalai Pavel Vasil Uladzimir Maksim Kiryl"),
         split("Volha Natallia Alena Hanna Maryia Yulia Katsiaryna Sviatlana Iryna Darya Alesia Tatsiana"),
         split("Kazlou Kavalenka Navitski Shymanovich Lukashevich Dubouski Melnik Zhuk Stralchuk Vashkevich Bandarenka "
               "Siankevich"),
         split("Kazlova Kavalenka Navitskaya Shymanovich Lukashevich Dubouskaya Melnik Zhuk Stralchuk Vashkevich "
               "Bandarenka Siankevich")},
        {QStringLiteral("BY"), QStringLiteral("ru"),
         split("Александр Андрей Сергей Дмитрий Иван Николай Павел Михаил Владимир Максим Алексей Егор"),
         split("Ольга Наталья Елена Анна Мария Юлия Екатерина Светлана Ирина Дарья Ксения Татьяна"),
         split("Иванов Петров Смирнов Кузнецов Попов Соколов Лебедев Новиков Морозов Волков Соловьёв Зайцев"),
         split(
             "Иванова Петрова Смирнова Кузнецова Попова Соколова Лебедева Новикова Морозова Волкова Соловьёва Зайцева"),
         split("Aleksandr Andrei Sergei Dmitrii Ivan Nikolai Pavel Mikhail Vladimir Maksim Aleksei Egor"),
         split("Olga Natalia Elena Anna Maria Iulia Ekaterina Svetlana Irina Daria Kseniia Tatiana"),
         split("Ivanov Petrov Smirnov Kuznetsov Popov Sokolov Lebedev Novikov Morozov Volkov Solovev Zaitsev"),
         split("Ivanova Petrova Smirnova Kuznetsova Popova Sokolova Lebedeva Novikova Morozova Volkova Soloveva "
               "Zaitseva")},
        {QStringLiteral("PL"),
         QStringLiteral("pl"),
         split("Piotr Krzysztof Tomasz Paweł Michał Marcin Jakub Łukasz"),
         split("Anna Katarzyna Małgorzata Agnieszka Joanna Magdalena Zofia Ewa"),
         split("Nowak Kowalski Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański"),
         split("Nowak Kowalska Wiśniewska Wójcik Kamińska Lewandowska Zielińska Szymańska"),
         {},
         {},
         {},
         {}},
        {QStringLiteral("DE"),
         QStringLiteral("de"),
         split("Lukas Jonas Maximilian Felix Paul Leon Jürgen Stefan"),
         split("Anna Lena Lea Hannah Sophie Marie Jülia Katharina"),
         split("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker"),
         split("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker"),
         {},
         {},
         {},
         {}},
        {QStringLiteral("LT"),
         QStringLiteral("lt"),
         split("Jonas Mantas Tomas Lukas Paulius Darius"),
         split("Ieva Rūta Eglė Greta Austėja Gabija"),
         split("Kazlauskas Jankauskas Petrauskas Stankevičius Vasiliauskas Žukauskas"),
         split("Kazlauskienė Jankauskienė Petrauskienė Stankevičienė Vasiliauskienė Žukauskienė"),
         {},
         {},
         {},
         {}},
        {QStringLiteral("LV"),
         QStringLiteral("lv"),
         split("Jānis Andris Mārtiņš Edgars Kārlis Roberts"),
         split("Anna Kristīne Līga Ilze Laura Elīna"),
         split("Bērziņš Kalniņš Ozoliņš Jansons Liepiņš Krūmiņš"),
         split("Bērziņa Kalniņa Ozoliņa Jansone Liepiņa Krūmiņa"),
         {},
         {},
         {},
         {}},
        {QStringLiteral("FR"),
         QStringLiteral("fr"),
         split("Louis Gabriel Arthur Jules Hugo Léo"),
         split("Léa Chloé Manon Camille Inès Zoé"),
         split("Martin Bernard Dubois Thomas Robert Richard"),
         split("Martin Bernard Dubois Thomas Robert Richard"),
         {},
         {},
         {},
         {}},
    }};
    return sets;
}

/// Latin letters for e-mail addresses: diacritics dropped, only a-z kept.
QString asciiFold(const QString &text)
{
    QString result;
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    for (const QChar c : decomposed) {
        if (c == u'ł' || c == u'Ł') {
            result.append(QLatin1Char('l'));
        } else if (c.unicode() < 128 && c.isLetter()) {
            result.append(c.toLower());
        }
    }
    return result;
}

} // namespace

Person makePerson(Random &random)
{
    // Mostly Belarusian subjects (the seeds' operators are in Belarus), some from the EU.
    const int roll = random.below(100);
    const int setIndex = roll < 35   ? 0
                         : roll < 70 ? 1
                         : roll < 80 ? 2
                         : roll < 88 ? 3
                         : roll < 93 ? 4
                         : roll < 97 ? 5
                                     : 6;
    const NameSet &set = nameSets().at(std::size_t(setIndex));
    Person person;
    person.female = random.percent(50);
    person.country = set.country;
    person.language = set.language;
    const QStringList &firsts = person.female ? set.femaleFirst : set.maleFirst;
    const QStringList &lasts = person.female ? set.lastFemale : set.lastMale;
    const int first = random.below(int(firsts.size()));
    const int last = random.below(int(lasts.size()));
    person.fullName = firsts.at(first) + QLatin1Char(' ') + lasts.at(last);
    const QStringList &latinFirsts = person.female ? set.latinFemaleFirst : set.latinMaleFirst;
    const QStringList &latinLasts = person.female ? set.latinLastFemale : set.latinLastMale;
    person.latinFirst = latinFirsts.isEmpty() ? firsts.at(first) : latinFirsts.at(first);
    person.latinLast = latinLasts.isEmpty() ? lasts.at(last) : latinLasts.at(last);
    return person;
}

QString makeEmail(Random &random, const Person &person, std::uint64_t uniqueNumber)
{
    static const QStringList domains =
        split("gmail.com mail.ru yandex.by tut.by outlook.com proton.me gmx.de wp.pl inbox.lv");
    const QString first = asciiFold(person.latinFirst);
    const QString last = asciiFold(person.latinLast);
    QString local;
    switch (random.below(4)) {
    case 0:
        local = first + QLatin1Char('.') + last;
        break;
    case 1:
        local = first.left(1) + last;
        break;
    case 2:
        local = last + QLatin1Char('_') + first;
        break;
    default:
        local = first + last.left(1);
        break;
    }
    // The number keeps a million addresses unique, as real sign-up forms would.
    return local + QString::number(uniqueNumber) + QLatin1Char('@') + random.pick(domains);
}

QString makePhone(Random &random, const QString &country)
{
    if (country == QLatin1String("BY")) {
        static const QStringList operators = split("29 33 44 25");
        const QString d = random.digits(7);
        return QStringLiteral("+375 (%1) %2-%3-%4").arg(random.pick(operators), d.left(3), d.mid(3, 2), d.mid(5, 2));
    }
    if (country == QLatin1String("PL")) {
        const QString d = random.digits(9);
        return QStringLiteral("+48 %1 %2 %3").arg(d.left(3), d.mid(3, 3), d.mid(6, 3));
    }
    if (country == QLatin1String("DE")) {
        return QStringLiteral("+49 15%1 %2").arg(random.digits(1), random.digits(7));
    }
    if (country == QLatin1String("LT")) {
        return QStringLiteral("+370 6%1 %2").arg(random.digits(2), random.digits(5));
    }
    if (country == QLatin1String("LV")) {
        return QStringLiteral("+371 2%1 %2").arg(random.digits(3), random.digits(4));
    }
    return QStringLiteral("+33 6 %1 %2 %3 %4")
        .arg(random.digits(2), random.digits(2), random.digits(2), random.digits(2));
}

IpLocation makeIp(Random &random, const QString &country)
{
    struct Network
    {
        const char *country;
        const char *prefix;
        const char *city;
    };
    static const Network networks[] = {
        {"BY", "178.120", "Minsk"}, {"BY", "93.84", "Grodno"},   {"BY", "37.214", "Gomel"},  {"BY", "46.56", "Brest"},
        {"BY", "86.57", "Vitebsk"}, {"BY", "134.17", "Mogilev"}, {"PL", "83.4", "Warsaw"},   {"PL", "89.64", "Kraków"},
        {"DE", "91.64", "Berlin"},  {"DE", "84.132", "Munich"},  {"LT", "78.56", "Vilnius"}, {"LV", "85.254", "Riga"},
        {"FR", "90.8", "Paris"},    {"FR", "82.64", "Lyon"},
    };
    QList<const Network *> matching;
    for (const Network &network : networks) {
        if (country == QLatin1String(network.country)) {
            matching.append(&network);
        }
    }
    // One visitor in ten browses from abroad or through a VPN.
    const Network *chosen = matching.isEmpty() || random.percent(10) ? &networks[random.below(int(std::size(networks)))]
                                                                     : random.pick(matching);
    IpLocation location;
    location.ip =
        QStringLiteral("%1.%2.%3").arg(QLatin1String(chosen->prefix)).arg(random.below(256)).arg(1 + random.below(254));
    location.city = QString::fromUtf8(chosen->city);
    location.country = QLatin1String(chosen->country);
    return location;
}

QString makeBrowser(Random &random)
{
    static const QStringList browsers = {
        QStringLiteral("Chrome 131.0 / Windows 11"),         QStringLiteral("Chrome 130.0 / Android 14"),
        QStringLiteral("Firefox 133.0 / Windows 10"),        QStringLiteral("Safari 18.1 / iOS 18.1"),
        QStringLiteral("Safari 18.1 / macOS 15.1"),          QStringLiteral("Edge 131.0 / Windows 11"),
        QStringLiteral("Yandex Browser 24.10 / Windows 10"), QStringLiteral("Opera 115.0 / Windows 10"),
        QStringLiteral("Samsung Internet 26.0 / Android 14")};
    return random.pick(browsers);
}

QString makeUtm(Random &random)
{
    static const QStringList sources = split("google yandex facebook instagram telegram newsletter partner");
    static const QStringList media = split("cpc organic social email referral");
    static const QStringList campaigns = split("spring_sale black_friday webinar_ai onboarding retargeting brand");
    return QStringLiteral("utm_source=%1&utm_medium=%2&utm_campaign=%3")
        .arg(random.pick(sources), random.pick(media), random.pick(campaigns));
}

QString makeReferrer(Random &random)
{
    static const QStringList referrers = {QStringLiteral("https://www.google.com/"),
                                          QStringLiteral("https://yandex.by/search/"),
                                          QStringLiteral("https://t.me/"),
                                          QStringLiteral("https://www.facebook.com/"),
                                          QStringLiteral("https://www.linkedin.com/feed/"),
                                          QStringLiteral("https://habr.com/ru/articles/"),
                                          QStringLiteral("https://onliner.by/")};
    return random.pick(referrers);
}

QString makeCookieId(Random &random)
{
    return QStringLiteral("%1-%2-4%3-%4-%5")
        .arg(random.hex(8), random.hex(4), random.hex(3), random.hex(4), random.hex(12));
}

QString makeMaskedCard(Random &random)
{
    static const QStringList bins = split("427683 459345 510092 546938 220070 676195");
    return random.pick(bins) + QStringLiteral("******") + random.digits(4);
}

} // namespace pd::demo
