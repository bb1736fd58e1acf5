#pragma once

#include "TestData.h"
#include "TestEnvironment.h"

namespace pd {
class SubjectListModel;
} // namespace pd

namespace pd::test {

/// Asks the model for `row` and waits (event loop running, at most kWaitMs) until its page has arrived.
bool loadRow(SubjectListModel &model, int row);
/// Waits until the model's count has arrived.
bool waitForCount(SubjectListModel &model);

} // namespace pd::test
