#pragma once
// The diff engine behind version_diff.cpp: a bounded Myers diff of key sequences, run on lines,
// then on words and keys inside the changed parts.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace convene::docs::detail {

struct DiffEdit {
    enum class Kind : uint8_t { Equal, Delete, Insert };
    Kind kind = Kind::Equal;
    std::size_t a = 0; // where it starts in the older sequence
    std::size_t b = 0; // where it starts in the newer sequence
    std::size_t length = 0;
    bool operator==(const DiffEdit&) const = default;
};

// Gives up on a subproblem (and reports it as a replace) once `workLimit` steps are spent.
std::vector<DiffEdit> diffKeys(std::span<const uint32_t> a, std::span<const uint32_t> b, int64_t workLimit);

struct LayeredDiffOptions {
    uint32_t lineBreak = u'\n';
    bool (*isWordPart)(uint32_t key) = nullptr; // null: no word layer
    int64_t lineWorkLimit = 40'000'000;
    int64_t groupWorkLimit = 120'000'000; // shared by the words and keys of all changed groups
    int64_t workPerUnit = 2'000; // a group's share, by its size, within the bounds below
    int64_t groupWorkMinimum = 200'000;
    int64_t groupWorkMaximum = 8'000'000; // ~30 ms: a group this hard is mostly rewritten anyway
};

// Common prefix and suffix, then lines, then words inside each changed group of lines, then
// keys inside each changed group of words. The edits are normalized (see normalizeEdits).
std::vector<DiffEdit> diffInLayers(std::span<const uint32_t> a, std::span<const uint32_t> b,
                                   const LayeredDiffOptions& options = {});

// diff-match-patch's semantic cleanup: an equality no longer than the changes on both of its
// sides becomes part of the change, so that rewritten words do not show as letter confetti.
void mergeShortEqualities(std::vector<DiffEdit>& edits);

// diff-match-patch's efficiency cleanup: an equality shorter than `editCost` between changes
// that insert and delete on both sides (or on three of the four, if under half the cost) becomes
// part of the change, so that a replaced word is one replacement, not several around a shared letter.
void mergeCostlyEqualities(std::vector<DiffEdit>& edits, std::size_t editCost = 4);

// Merges adjacent edits of one kind and orders each change as Delete then Insert.
void normalizeEdits(std::vector<DiffEdit>& edits);

} // namespace convene::docs::detail
