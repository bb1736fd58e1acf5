#pragma once

#include <QString>

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

} // namespace pd::demo
