#pragma once

#include "TestData.h"

namespace pd {
class SubjectListModel;
} // namespace pd

namespace pd::test {

/// How long a GUI test waits for something the program does in the background (a count, a page, a worker
/// finishing) before it fails: long enough for a loaded CI machine, and only ever reached when something broke.
inline constexpr int kWaitMs = 10000;

/// Asks the model for `row` and waits (event loop running, at most kWaitMs) until its page has arrived.
bool loadRow(SubjectListModel &model, int row);
/// Waits until the model's count has arrived.
bool waitForCount(SubjectListModel &model);

} // namespace pd::test
