#include "app/demo/Random.h"

namespace pd::demo {

Random Random::forItem(std::uint64_t seed, std::uint64_t stream, std::uint64_t index)
{
    Random mixer(seed ^ (stream * 0x9E3779B97F4A7C15ULL));
    mixer.m_state ^= index * 0xBF58476D1CE4E5B9ULL;
    mixer.next();
    return mixer;
}

std::uint64_t Random::next()
{
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

QString Random::hex(int length)
{
    static const char digitsText[] = "0123456789abcdef";
    QString result(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i) {
        result[i] = QLatin1Char(digitsText[below(16)]);
    }
    return result;
}

QString Random::digits(int length)
{
    QString result(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i) {
        result[i] = QLatin1Char(char('0' + below(10)));
    }
    return result;
}

} // namespace pd::demo
