#include "UiTestSupport.h"

#include "ui/subjects/SubjectListModel.h"

#include <QTest>

namespace pd::test {

bool waitForCount(SubjectListModel &model)
{
    return QTest::qWaitFor([&] { return !model.isCounting(); }, kWaitMs);
}

bool loadRow(SubjectListModel &model, int row)
{
    if (!waitForCount(model)) {
        return false;
    }
    return QTest::qWaitFor(
        [&] {
            // Asking again is harmless and covers a request that a burst of others pushed out of the queue.
            model.data(model.index(row, SubjectListModel::Name));
            return model.isRowLoaded(row);
        },
        kWaitMs);
}

} // namespace pd::test
