#pragma once

#include <QComboBox>

namespace pd {

/// Keeps a filter's combo box narrow however long its entries are, so that a row of filters fits the smallest
/// screen (1280x800) in every language: it asks for `minimumCharacters` and grows with the room the layout gives it;
/// the popup still shows the entries whole.
inline void makeCompact(QComboBox *combo, int minimumCharacters)
{
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(minimumCharacters);
}

} // namespace pd
