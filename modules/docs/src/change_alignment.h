#pragma once
// Where a change goes when repeated text leaves a choice: version diffs read better, and restores
// reformat less, when changes sit at word boundaries and pair units of equal attributes.
#include "diff_units.h"
#include "sequence_diff.h"

namespace convene::docs::detail {

// Moves each one-sided change (only inserted or only removed units, between two equalities)
// along repeated text to where it pairs units of equal attributes and starts and ends at word
// boundaries: "one [two ]three", not "one t[wo t]hree". The diff stays as small.
void slideToBoundaries(std::vector<DiffEdit>& edits, const Units& a, const Units& b);

} // namespace convene::docs::detail
