#pragma once

namespace pd::bench {

/// Registers profile/parse_100k: ProfileLoader::parse of a profile of 100,000 purposes (about 30 MB of text, made
/// in memory; no database). The issue that made parsing linear asked for under a second.
void registerProfileBenchmarks();

} // namespace pd::bench
