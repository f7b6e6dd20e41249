#include "sequence_diff.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

namespace convene::docs::detail {

namespace {

using Kind = DiffEdit::Kind;
using Index = std::ptrdiff_t;

void emit(std::vector<DiffEdit>& out, Kind kind, Index a, Index b, Index length)
{
    if (length > 0)
        out.push_back({kind, std::size_t(a), std::size_t(b), std::size_t(length)});
}

// Myers' O(ND) diff with the middle-snake bisection (the variant diff-match-patch uses), so
// memory stays linear; each bisection spends from a shared work budget.
class MyersDiff {
public:
    MyersDiff(std::span<const uint32_t> a, std::span<const uint32_t> b, int64_t work) : a_(a), b_(b), work_(work) { }

    std::vector<DiffEdit> run()
    {
        compare(0, Index(a_.size()), 0, Index(b_.size()));
        normalizeEdits(edits_);
        return std::move(edits_);
    }
    int64_t workLeft() const { return work_; }

private:
    void compare(Index aLo, Index aHi, Index bLo, Index bHi)
    {
        Index prefix = 0;
        while (aLo + prefix < aHi && bLo + prefix < bHi && a_[aLo + prefix] == b_[bLo + prefix])
            ++prefix;
        emit(edits_, Kind::Equal, aLo, bLo, prefix);
        aLo += prefix;
        bLo += prefix;
        Index suffix = 0;
        while (aHi - suffix > aLo && bHi - suffix > bLo && a_[aHi - suffix - 1] == b_[bHi - suffix - 1])
            ++suffix;
        aHi -= suffix;
        bHi -= suffix;

        Index splitA = 0, splitB = 0;
        const bool split = aLo < aHi && bLo < bHi && bisect(aLo, aHi, bLo, bHi, splitA, splitB) &&
                           !(splitA == aLo && splitB == bLo) && !(splitA == aHi && splitB == bHi);
        if (split) {
            compare(aLo, splitA, bLo, splitB);
            compare(splitA, aHi, splitB, bHi);
        } else {
            emit(edits_, Kind::Delete, aLo, bLo, aHi - aLo);
            emit(edits_, Kind::Insert, aHi, bLo, bHi - bLo);
        }
        emit(edits_, Kind::Equal, aHi, bHi, suffix);
    }

    bool bisect(Index aLo, Index aHi, Index bLo, Index bHi, Index& splitA, Index& splitB)
    {
        if (work_ <= 0)
            return false;
        const Index n = aHi - aLo, m = bHi - bLo;
        // Both frontiers grow by about d steps per round: reaching distance d costs ~d².
        const Index affordable = Index(std::sqrt(double(work_))) + 2;
        const Index maxD = std::min((n + m + 1) / 2, affordable);
        const Index offset = maxD + 1;
        const Index size = 2 * maxD + 3;
        forward_.assign(std::size_t(size), -1);
        backward_.assign(std::size_t(size), -1);
        forward_[offset + 1] = 0;
        backward_[offset + 1] = 0;
        const Index delta = n - m;
        const bool checkInForward = delta % 2 != 0;
        Index k1start = 0, k1end = 0, k2start = 0, k2end = 0;
        for (Index d = 0; d < maxD; ++d) {
            for (Index k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                const Index k1o = offset + k1;
                Index x1 = (k1 == -d || (k1 != d && forward_[k1o - 1] < forward_[k1o + 1])) ? forward_[k1o + 1]
                                                                                            : forward_[k1o - 1] + 1;
                Index y1 = x1 - k1;
                const Index snakeStart = x1;
                while (x1 < n && y1 < m && a_[aLo + x1] == b_[bLo + y1]) {
                    ++x1;
                    ++y1;
                }
                work_ -= 1 + (x1 - snakeStart);
                forward_[k1o] = x1;
                if (x1 > n) {
                    k1end += 2;
                } else if (y1 > m) {
                    k1start += 2;
                } else if (checkInForward) {
                    const Index k2o = offset + delta - k1;
                    if (k2o >= 0 && k2o < size && backward_[k2o] != -1 && x1 >= n - backward_[k2o]) {
                        splitA = aLo + x1;
                        splitB = bLo + y1;
                        return true;
                    }
                }
            }
            for (Index k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                const Index k2o = offset + k2;
                Index x2 = (k2 == -d || (k2 != d && backward_[k2o - 1] < backward_[k2o + 1])) ? backward_[k2o + 1]
                                                                                              : backward_[k2o - 1] + 1;
                Index y2 = x2 - k2;
                const Index snakeStart = x2;
                while (x2 < n && y2 < m && a_[aHi - x2 - 1] == b_[bHi - y2 - 1]) {
                    ++x2;
                    ++y2;
                }
                work_ -= 1 + (x2 - snakeStart);
                backward_[k2o] = x2;
                if (x2 > n) {
                    k2end += 2;
                } else if (y2 > m) {
                    k2start += 2;
                } else if (!checkInForward) {
                    const Index k1o = offset + delta - k2;
                    if (k1o >= 0 && k1o < size && forward_[k1o] != -1) {
                        const Index x1 = forward_[k1o];
                        const Index y1 = offset + x1 - k1o;
                        if (x1 >= n - x2) {
                            splitA = aLo + x1;
                            splitB = bLo + y1;
                            return true;
                        }
                    }
                }
            }
            if (work_ <= 0)
                return false;
        }
        return false;
    }

    std::span<const uint32_t> a_, b_;
    int64_t work_;
    std::vector<Index> forward_, backward_;
    std::vector<DiffEdit> edits_;
};

} // namespace

std::vector<DiffEdit> diffKeys(std::span<const uint32_t> a, std::span<const uint32_t> b, int64_t workLimit)
{
    return MyersDiff(a, b, workLimit).run();
}

void normalizeEdits(std::vector<DiffEdit>& edits)
{
    std::vector<DiffEdit> out;
    out.reserve(edits.size());
    std::size_t i = 0;
    while (i < edits.size()) {
        const DiffEdit& e = edits[i];
        if (e.kind == Kind::Equal) {
            if (e.length > 0) {
                if (!out.empty() && out.back().kind == Kind::Equal)
                    out.back().length += e.length;
                else
                    out.push_back(e);
            }
            ++i;
            continue;
        }
        // The first edit of a change holds both cursors; the change spans one range on each side.
        const std::size_t a = e.a, b = e.b;
        std::size_t deleted = 0, inserted = 0;
        for (; i < edits.size() && edits[i].kind != Kind::Equal; ++i)
            (edits[i].kind == Kind::Delete ? deleted : inserted) += edits[i].length;
        emit(out, Kind::Delete, Index(a), Index(b), Index(deleted));
        emit(out, Kind::Insert, Index(a + deleted), Index(b), Index(inserted));
    }
    edits = std::move(out);
}

namespace {

struct Change {
    std::size_t deleted = 0, inserted = 0;
    std::size_t larger() const { return std::max(deleted, inserted); }
};

// Walks the equalities with a stack, so that merging one re-examines the one before it against
// the now larger change.
template<typename ShouldMerge>
void mergeEqualities(std::vector<DiffEdit>& edits, ShouldMerge shouldMerge)
{
    if (edits.empty())
        return;
    // Alternating changes and equalities: changes[i] comes before equalities[i].
    std::vector<Change> changes(1);
    std::vector<std::size_t> equalities;
    const std::size_t a0 = edits.front().a, b0 = edits.front().b;
    for (const DiffEdit& e : edits) {
        if (e.kind == Kind::Equal) {
            equalities.push_back(e.length);
            changes.emplace_back();
        } else {
            (e.kind == Kind::Delete ? changes.back().deleted : changes.back().inserted) += e.length;
        }
    }
    std::vector<Change> keptChanges{changes[0]};
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < equalities.size(); ++i) {
        kept.push_back(equalities[i]);
        keptChanges.push_back(changes[i + 1]);
        while (!kept.empty() && shouldMerge(kept.back(), keptChanges[keptChanges.size() - 2], keptChanges.back())) {
            const Change& before = keptChanges[keptChanges.size() - 2];
            const Change& after = keptChanges.back();
            const Change merged{before.deleted + kept.back() + after.deleted,
                                before.inserted + kept.back() + after.inserted};
            kept.pop_back();
            keptChanges.pop_back();
            keptChanges.back() = merged;
        }
    }
    std::vector<DiffEdit> out;
    std::size_t a = a0, b = b0;
    for (std::size_t i = 0; i < keptChanges.size(); ++i) {
        emit(out, Kind::Delete, Index(a), Index(b), Index(keptChanges[i].deleted));
        a += keptChanges[i].deleted;
        emit(out, Kind::Insert, Index(a), Index(b), Index(keptChanges[i].inserted));
        b += keptChanges[i].inserted;
        if (i < kept.size()) {
            emit(out, Kind::Equal, Index(a), Index(b), Index(kept[i]));
            a += kept[i];
            b += kept[i];
        }
    }
    edits = std::move(out);
}

} // namespace

void mergeShortEqualities(std::vector<DiffEdit>& edits)
{
    mergeEqualities(edits, [](std::size_t length, const Change& before, const Change& after) {
        return length <= before.larger() && length <= after.larger();
    });
}

void mergeCostlyEqualities(std::vector<DiffEdit>& edits, std::size_t editCost)
{
    mergeEqualities(edits, [editCost](std::size_t length, const Change& before, const Change& after) {
        const int sides =
            int(before.deleted > 0) + int(before.inserted > 0) + int(after.deleted > 0) + int(after.inserted > 0);
        if (length >= editCost || before.larger() == 0 || after.larger() == 0)
            return false;
        return sides == 4 || (sides == 3 && length * 2 < editCost);
    });
}

namespace {

// Lines, then words inside changed groups of lines, then keys inside changed groups of words:
// each layer keeps the next one's problems small, so the quadratic part stays cheap.
class LayeredDiff {
public:
    LayeredDiff(std::span<const uint32_t> a, std::span<const uint32_t> b, const LayeredDiffOptions& options)
        : a_(a), b_(b), options_(options), work_(options.groupWorkLimit)
    { }

    std::vector<DiffEdit> run()
    {
        const std::size_t n = a_.size(), m = b_.size();
        std::size_t prefix = 0;
        while (prefix < n && prefix < m && a_[prefix] == b_[prefix])
            ++prefix;
        std::size_t suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && a_[n - suffix - 1] == b_[m - suffix - 1])
            ++suffix;
        emit(edits_, Kind::Equal, 0, 0, Index(prefix));
        diff(Layer::Lines, prefix, n - suffix, prefix, m - suffix);
        emit(edits_, Kind::Equal, Index(n - suffix), Index(m - suffix), Index(suffix));
        normalizeEdits(edits_);
        return std::move(edits_);
    }

private:
    enum class Layer { Lines, Words, Keys };

    void diff(Layer layer, std::size_t aLo, std::size_t aHi, std::size_t bLo, std::size_t bHi)
    {
        if (aLo == aHi || bLo == bHi) {
            emit(edits_, Kind::Delete, Index(aLo), Index(bLo), Index(aHi - aLo));
            emit(edits_, Kind::Insert, Index(aHi), Index(bLo), Index(bHi - bLo));
            return;
        }
        if (layer == Layer::Words && !options_.isWordPart)
            layer = Layer::Keys;
        if (layer == Layer::Keys) {
            const int64_t limit = share(aHi - aLo + bHi - bLo);
            MyersDiff keys(a_.subspan(aLo, aHi - aLo), b_.subspan(bLo, bHi - bLo), limit);
            for (DiffEdit e : keys.run()) {
                e.a += aLo;
                e.b += bLo;
                edits_.push_back(e);
            }
            work_ -= limit - keys.workLeft();
            return;
        }
        const Layer next = layer == Layer::Lines ? Layer::Words : Layer::Keys;
        const std::vector<std::size_t> aStarts = segmentStarts(layer, a_, aLo, aHi);
        const std::vector<std::size_t> bStarts = segmentStarts(layer, b_, bLo, bHi);
        if (aStarts.size() == 2 && bStarts.size() == 2) {
            diff(next, aLo, aHi, bLo, bHi); // one segment each: nothing to align at this layer
            return;
        }
        std::unordered_map<std::u32string, uint32_t> ids;
        const std::vector<uint32_t> aIds = segmentIds(a_, aStarts, ids);
        const std::vector<uint32_t> bIds = segmentIds(b_, bStarts, ids);
        const int64_t limit = layer == Layer::Lines ? options_.lineWorkLimit : share(aIds.size() + bIds.size());
        MyersDiff segments(aIds, bIds, limit);
        const std::vector<DiffEdit> edits = segments.run();
        if (layer != Layer::Lines)
            work_ -= limit - segments.workLeft();
        for (std::size_t i = 0; i < edits.size();) {
            const DiffEdit& e = edits[i];
            if (e.kind == Kind::Equal) {
                emit(edits_, Kind::Equal, Index(aStarts[e.a]), Index(bStarts[e.b]),
                     Index(aStarts[e.a + e.length] - aStarts[e.a]));
                ++i;
                continue;
            }
            std::size_t aEnd = e.a, bEnd = e.b;
            for (; i < edits.size() && edits[i].kind != Kind::Equal; ++i) {
                if (edits[i].kind == Kind::Delete)
                    aEnd = edits[i].a + edits[i].length;
                else
                    bEnd = edits[i].b + edits[i].length;
            }
            diff(next, aStarts[e.a], aStarts[aEnd], bStarts[e.b], bStarts[bEnd]);
        }
    }

    // A group's share of the budget, by its size within bounds.
    int64_t share(std::size_t units) const
    {
        return std::min(work_, std::clamp(options_.workPerUnit * int64_t(units), options_.groupWorkMinimum,
                                          options_.groupWorkMaximum));
    }

    // Start offsets of the segments of keys[begin, end), plus `end`. A line includes its break;
    // a word is a run of word parts, and any other key is a segment of its own.
    std::vector<std::size_t> segmentStarts(Layer layer, std::span<const uint32_t> keys, std::size_t begin,
                                           std::size_t end) const
    {
        std::vector<std::size_t> starts{begin};
        for (std::size_t i = begin + 1; i < end; ++i) {
            const bool sameSegment = layer == Layer::Lines
                                         ? keys[i - 1] != options_.lineBreak
                                         : options_.isWordPart(keys[i - 1]) && options_.isWordPart(keys[i]);
            if (!sameSegment)
                starts.push_back(i);
        }
        starts.push_back(end);
        return starts;
    }

    static std::vector<uint32_t> segmentIds(std::span<const uint32_t> keys, const std::vector<std::size_t>& starts,
                                            std::unordered_map<std::u32string, uint32_t>& ids)
    {
        std::vector<uint32_t> out;
        out.reserve(starts.size() - 1);
        std::u32string segment;
        for (std::size_t i = 0; i + 1 < starts.size(); ++i) {
            segment.assign(keys.begin() + std::ptrdiff_t(starts[i]), keys.begin() + std::ptrdiff_t(starts[i + 1]));
            out.push_back(ids.try_emplace(segment, uint32_t(ids.size())).first->second);
        }
        return out;
    }

    std::span<const uint32_t> a_, b_;
    const LayeredDiffOptions& options_;
    int64_t work_;
    std::vector<DiffEdit> edits_;
};

} // namespace

std::vector<DiffEdit> diffInLayers(std::span<const uint32_t> a, std::span<const uint32_t> b,
                                   const LayeredDiffOptions& options)
{
    return LayeredDiff(a, b, options).run();
}

} // namespace convene::docs::detail
