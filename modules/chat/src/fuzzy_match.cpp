#include "convene/chat/fuzzy_match.h"

#include <algorithm>
#include <limits>

namespace convene::chat {

namespace {

#include "pinyin_initials_table.inc"

static_assert(sizeof(kPinyinInitials) - 1 == kPinyinLastCodePoint - kPinyinFirstCodePoint + 1,
              "one initial per code point");

constexpr char16_t kHanFirst = 0x4E00;
constexpr char16_t kHanLast = 0x9FFF;

constexpr int kMatchScore = 16;
constexpr int kWordStartBonus = 12;
constexpr int kBoundaryBonus = 10;
constexpr int kConsecutiveBonus = 4;
constexpr int kFirstCharacterBonusFactor = 2; // where the query starts matters most
constexpr int kGapOpenPenalty = 3;
constexpr int kGapExtendPenalty = 1;

// The final score orders by tier, then alignment score, then candidate length.
enum class Tier { Subsequence = 0, Prefix = 1, Exact = 2 };
constexpr int kTierWeight = 1'000'000;
constexpr int kMaxAlignmentScore = kTierWeight / 2 - 1;
constexpr int kMaxLengthPenalty = 255;
constexpr int kUnreachable = std::numeric_limits<int>::min() / 2;

bool isHan(QChar c)
{
    return c.unicode() >= kHanFirst && c.unicode() <= kHanLast;
}

// The pinyin initial of a Han character, or 0 when there is none.
char16_t pinyinInitial(QChar c)
{
    const char16_t u = c.unicode();
    if (u < kPinyinFirstCodePoint || u > kPinyinLastCodePoint)
        return 0;
    const char initial = kPinyinInitials[u - kPinyinFirstCodePoint];
    return initial == '-' ? 0 : char16_t(initial);
}

// Query characters are lower-case already.
bool matches(QChar queryChar, QChar candidateChar)
{
    return candidateChar.toLower() == queryChar ||
           (isHan(candidateChar) && pinyinInitial(candidateChar) == queryChar.unicode());
}

QString normalizedQuery(QStringView query)
{
    QString normalized;
    normalized.reserve(query.size());
    for (const QChar c : query) {
        if (!c.isSpace())
            normalized += c.toLower();
    }
    return normalized;
}

// The candidate without whitespace, which queries skip over. Positions below ("k") index this
// compact sequence; `indices` maps them back to the text.
struct Candidate {
    QStringView text;
    QList<int> indices;

    explicit Candidate(QStringView candidateText) : text(candidateText)
    {
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (!text[i].isSpace())
                indices << int(i);
        }
    }
    qsizetype size() const { return indices.size(); }
    QChar at(qsizetype k) const { return text[indices[k]]; }
};

int positionBonus(const Candidate& candidate, qsizetype k)
{
    const int index = candidate.indices[k];
    if (index == 0)
        return kWordStartBonus;
    const QChar c = candidate.text[index];
    const QChar previous = candidate.text[index - 1];
    if (!previous.isLetterOrNumber())
        return kWordStartBonus;
    if (isHan(c) || isHan(previous))
        return kBoundaryBonus; // every Han character is a syllable of its own
    if (previous.isLower() && c.isUpper())
        return kBoundaryBonus;
    if (previous.isDigit() != c.isDigit())
        return kBoundaryBonus;
    return 0;
}

int characterScore(const Candidate& candidate, qsizetype k, bool isFirstQueryCharacter)
{
    const int factor = isFirstQueryCharacter ? kFirstCharacterBonusFactor : 1;
    return kMatchScore + factor * positionBonus(candidate, k);
}

int gapPenalty(qsizetype length)
{
    return length == 0 ? 0 : kGapOpenPenalty + kGapExtendPenalty * int(length - 1);
}

int alignmentScore(const Candidate& candidate, const QList<qsizetype>& positions)
{
    int score = 0;
    for (qsizetype i = 0; i < positions.size(); ++i) {
        score += characterScore(candidate, positions[i], i == 0);
        if (i > 0) {
            const qsizetype gap = positions[i] - positions[i - 1] - 1;
            score += gap == 0 ? kConsecutiveBonus : -gapPenalty(gap);
        }
    }
    return score;
}

bool matchesLeadingCharacters(const QString& query, const Candidate& candidate)
{
    for (qsizetype k = 0; k < query.size(); ++k) {
        if (!matches(query[k], candidate.at(k)))
            return false;
    }
    return true;
}

// Dynamic programming over (query character i, candidate position k) for the highest
// alignmentScore() among all ways to place the query as a subsequence.
class Aligner {
public:
    Aligner(const QString& query, const Candidate& candidate)
        : m_query(query),
          m_candidate(candidate),
          m_columns(candidate.size()),
          m_best(query.size() * m_columns, kUnreachable),
          m_from(query.size() * m_columns, -1)
    { }

    std::optional<QList<qsizetype>> align()
    {
        for (qsizetype i = 0; i < m_query.size(); ++i)
            fillRow(i);
        return backtrack();
    }

private:
    qsizetype cell(qsizetype i, qsizetype k) const { return i * m_columns + k; }

    void fillRow(qsizetype i)
    {
        // Best of best(i-1, p) + kGapExtendPenalty * p over p <= k - 2, so that a gap of any
        // length costs O(1) to consider.
        int bestGapped = kUnreachable;
        qsizetype bestGappedFrom = -1;
        for (qsizetype k = i; k < m_columns; ++k) {
            if (i > 0 && k >= 2 && m_best[cell(i - 1, k - 2)] != kUnreachable) {
                const int gapped = m_best[cell(i - 1, k - 2)] + kGapExtendPenalty * int(k - 2);
                if (gapped > bestGapped) {
                    bestGapped = gapped;
                    bestGappedFrom = k - 2;
                }
            }
            if (!matches(m_query[i], m_candidate.at(k)))
                continue;
            const int own = characterScore(m_candidate, k, i == 0);
            if (i == 0) {
                m_best[cell(i, k)] = own;
                continue;
            }
            int previous = kUnreachable;
            if (m_best[cell(i - 1, k - 1)] != kUnreachable) {
                previous = m_best[cell(i - 1, k - 1)] + kConsecutiveBonus;
                m_from[cell(i, k)] = k - 1;
            }
            if (bestGappedFrom >= 0) {
                const int gapped = bestGapped - kGapOpenPenalty - kGapExtendPenalty * int(k - 2);
                if (gapped > previous) {
                    previous = gapped;
                    m_from[cell(i, k)] = bestGappedFrom;
                }
            }
            if (previous != kUnreachable)
                m_best[cell(i, k)] = own + previous;
        }
    }

    std::optional<QList<qsizetype>> backtrack() const
    {
        const qsizetype last = m_query.size() - 1;
        qsizetype end = -1;
        for (qsizetype k = 0; k < m_columns; ++k) {
            const int score = m_best[cell(last, k)];
            if (score != kUnreachable && (end < 0 || score > m_best[cell(last, end)]))
                end = k;
        }
        if (end < 0)
            return std::nullopt;
        QList<qsizetype> positions(m_query.size());
        for (qsizetype i = last, k = end; i >= 0; k = m_from[cell(i, k)], --i)
            positions[i] = k;
        return positions;
    }

    const QString& m_query;
    const Candidate& m_candidate;
    qsizetype m_columns;
    QList<int> m_best;
    QList<qsizetype> m_from;
};

int finalScore(Tier tier, int alignment, qsizetype candidateLength)
{
    const int quality = int(tier) * kTierWeight + std::clamp(alignment, -kMaxAlignmentScore, kMaxAlignmentScore);
    const int lengthPenalty = int(std::min<qsizetype>(candidateLength, kMaxLengthPenalty));
    return quality * (kMaxLengthPenalty + 1) - lengthPenalty;
}

struct Match {
    int score = 0;
    QList<int> positions;
};

std::optional<Match> bestMatch(QStringView query, QStringView text)
{
    const QString needle = normalizedQuery(query);
    if (needle.isEmpty())
        return Match{};
    const Candidate candidate(text);
    if (needle.size() > candidate.size())
        return std::nullopt;

    Tier tier = Tier::Subsequence;
    QList<qsizetype> positions;
    if (matchesLeadingCharacters(needle, candidate)) {
        tier = needle.size() == candidate.size() ? Tier::Exact : Tier::Prefix;
        for (qsizetype k = 0; k < needle.size(); ++k)
            positions << k;
    } else if (auto aligned = Aligner(needle, candidate).align()) {
        positions = std::move(*aligned);
    } else {
        return std::nullopt;
    }

    Match match;
    match.score = finalScore(tier, alignmentScore(candidate, positions), text.size());
    for (const qsizetype k : positions)
        match.positions << candidate.indices[k];
    return match;
}

} // namespace

QString pinyinInitials(QStringView text)
{
    QString initials;
    initials.reserve(text.size());
    for (const QChar c : text) {
        if (c.isSpace())
            continue;
        const char16_t initial = isHan(c) ? pinyinInitial(c) : 0;
        initials += initial ? QChar(initial) : c.toLower();
    }
    return initials;
}

std::optional<int> fuzzyScore(QStringView query, QStringView candidate)
{
    if (const auto match = bestMatch(query, candidate))
        return match->score;
    return std::nullopt;
}

QList<int> fuzzyMatchPositions(QStringView query, QStringView candidate)
{
    if (auto match = bestMatch(query, candidate))
        return std::move(match->positions);
    return {};
}

} // namespace convene::chat
