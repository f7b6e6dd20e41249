#include "change_alignment.h"

#include <QChar>

#include <algorithm>

namespace convene::docs::detail {

namespace {

// How good a gap between two units is for a change to start or end at (diff-match-patch's
// semantic score): blank lines best, then line breaks, sentence ends, spaces, punctuation.
int boundaryScore(const std::vector<uint32_t>& keys, std::size_t gap)
{
    if (gap == 0 || gap >= keys.size())
        return 6;
    const auto isSpace = [](uint32_t k) { return k == ' ' || k == '\t' || k == '\n' || k == 0xA0 || k == 0x3000; };
    const auto isAlphanumeric = [](uint32_t k) { return k < kEmbedBase && QChar::isLetterOrNumber(char32_t(k)); };
    const uint32_t left = keys[gap - 1], right = keys[gap];
    if ((left == '\n' && gap >= 2 && keys[gap - 2] == '\n') ||
        (right == '\n' && gap + 1 < keys.size() && keys[gap + 1] == '\n'))
        return 5;
    if (left == '\n' || right == '\n')
        return 4;
    if (!isAlphanumeric(left) && !isSpace(left) && isSpace(right))
        return 3;
    if (isSpace(left) || isSpace(right))
        return 2;
    if (!isAlphanumeric(left) || !isAlphanumeric(right))
        return 1;
    return 0;
}

} // namespace

void slideToBoundaries(std::vector<DiffEdit>& edits, const Units& a, const Units& b)
{
    constexpr std::ptrdiff_t kMaxSlide = 256;
    for (std::size_t i = 1; i + 1 < edits.size(); ++i) {
        DiffEdit& before = edits[i - 1];
        DiffEdit& change = edits[i];
        DiffEdit& after = edits[i + 1];
        if (change.kind == DiffEdit::Kind::Equal || before.kind != DiffEdit::Kind::Equal ||
            after.kind != DiffEdit::Kind::Equal)
            continue;
        const bool removal = change.kind == DiffEdit::Kind::Delete;
        const Units& own = removal ? a : b; // the side the changed units are on
        const Units& other = removal ? b : a;
        const std::ptrdiff_t start = std::ptrdiff_t(removal ? change.a : change.b);
        const std::ptrdiff_t otherStart = std::ptrdiff_t(removal ? change.b : change.a);
        const std::ptrdiff_t length = std::ptrdiff_t(change.length);
        const std::ptrdiff_t maxLeft = std::min(std::ptrdiff_t(before.length), kMaxSlide);
        const std::ptrdiff_t maxRight = std::min(std::ptrdiff_t(after.length), kMaxSlide);
        std::ptrdiff_t lo = 0, hi = 0;
        while (-lo < maxLeft && own.keys[start + lo - 1] == own.keys[start + lo + length - 1])
            --lo;
        while (hi < maxRight && own.keys[start + hi + length] == own.keys[start + hi])
            ++hi;
        if (lo == hi)
            continue;
        // Unit j of the other side pairs with own[start + j] when the change slid past it, else
        // with own[start + length + j]; count the pairs of different attributes.
        auto mismatches = [&](std::ptrdiff_t shift) {
            int count = 0;
            for (std::ptrdiff_t j = lo; j < hi; ++j) {
                const std::ptrdiff_t ownIndex = j < shift ? start + j : start + length + j;
                count += own.attributes[std::size_t(ownIndex)] != other.attributes[std::size_t(otherStart + j)];
            }
            return count;
        };
        std::ptrdiff_t best = 0;
        int bestMismatches = 0, bestScore = 0;
        for (std::ptrdiff_t shift = lo; shift <= hi; ++shift) {
            const int m = mismatches(shift);
            const int score = boundaryScore(own.keys, std::size_t(start + shift)) +
                              boundaryScore(own.keys, std::size_t(start + shift + length));
            if (shift == lo || m < bestMismatches || (m == bestMismatches && score >= bestScore)) {
                best = shift;
                bestMismatches = m;
                bestScore = score;
            }
        }
        before.length = std::size_t(std::ptrdiff_t(before.length) + best);
        change.a = std::size_t(std::ptrdiff_t(change.a) + best);
        change.b = std::size_t(std::ptrdiff_t(change.b) + best);
        after.a = std::size_t(std::ptrdiff_t(after.a) + best);
        after.b = std::size_t(std::ptrdiff_t(after.b) + best);
        after.length = std::size_t(std::ptrdiff_t(after.length) - best);
    }
    normalizeEdits(edits);
}

} // namespace convene::docs::detail
