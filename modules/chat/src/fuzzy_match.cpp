#include "convene/chat/fuzzy_match.h"

#include <QVarLengthArray>

#include <algorithm>
#include <iterator>
#include <limits>

namespace convene::chat {

namespace {

#include "pinyin_initials_table.inc"
#include "pinyin_readings_table.inc"

static_assert(sizeof(kPinyinInitials) - 1 == kPinyinLastCodePoint - kPinyinFirstCodePoint + 1,
              "one initial per code point");
static_assert(std::size(kReadingListOfCodePoint) == kReadingsLastCodePoint - kReadingsFirstCodePoint + 1,
              "one list of readings per code point");

constexpr char16_t kHanFirst = 0x4E00;
constexpr char16_t kHanLast = 0x9FFF;
constexpr int kMaxSyllableLength = 6;

constexpr int kMatchScore = 16;
constexpr int kWordStartBonus = 12;
constexpr int kBoundaryBonus = 10;
constexpr int kConsecutiveBonus = 4;
constexpr int kFirstCharacterBonusFactor = 2; // where the query starts matters most
constexpr int kGapOpenPenalty = 3;
constexpr int kGapExtendPenalty = 1;
// Each further letter of a syllable scores as a letter typed next to the previous one would.
constexpr int kSyllableLetterScore = kMatchScore + kConsecutiveBonus;

// The final score orders by tier, then alignment score, then candidate length.
enum class Tier { Subsequence = 0, Prefix = 1, Exact = 2 };
constexpr int kTierWeight = 1'000'000;
constexpr int kMaxAlignmentScore = kTierWeight / 2 - 1;
constexpr int kMaxLengthPenalty = 255;
constexpr int kUnreachable = std::numeric_limits<int>::min() / 2;

// Typical queries and names fit these without touching the heap.
template<typename T>
using SmallArray = QVarLengthArray<T, 512>;

bool isHan(QChar c)
{
    return c.unicode() >= kHanFirst && c.unicode() <= kHanLast;
}

// Spaces and apostrophes ("chan'pin", "O'Brien") are skipped in queries and names alike.
bool isSeparator(QChar c)
{
    return c.isSpace() || c == u'\'' || c == u'\u2019';
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

// The indices into kPinyinSyllables of a Han character's readings, most customary first.
struct Readings {
    const unsigned short* first = nullptr;
    const unsigned short* last = nullptr;
    const unsigned short* begin() const { return first; }
    const unsigned short* end() const { return last; }
};

Readings readingsOf(QChar c)
{
    const char16_t u = c.unicode();
    if (u < kReadingsFirstCodePoint || u > kReadingsLastCodePoint)
        return {};
    const unsigned short list = kReadingListOfCodePoint[u - kReadingsFirstCodePoint];
    return {kReadingListSyllables + kReadingListStart[list], kReadingListSyllables + kReadingListStart[list + 1]};
}

// Query characters are lower-case already.
bool matches(QChar queryChar, QChar candidateChar)
{
    return candidateChar.toLower() == queryChar ||
           (isHan(candidateChar) && pinyinInitial(candidateChar) == queryChar.unicode());
}

// ü is written v in the table; people type it v, as input methods want, or u.
bool matchesSyllableLetter(QChar queryChar, char letter)
{
    return queryChar.unicode() == char16_t(letter) || (letter == 'v' && queryChar == u'u');
}

// The query lower-cased without separators; `syllableStart` marks the characters that followed
// one, where a syllable has to begin ("xi'an" is 西安, never 先).
struct Query {
    QString text;
    SmallArray<bool> syllableStart;

    explicit Query(QStringView query)
    {
        text.reserve(query.size());
        bool separated = false;
        for (const QChar c : query) {
            if (isSeparator(c)) {
                separated = true;
                continue;
            }
            text += c.toLower();
            syllableStart.append(separated);
            separated = false;
        }
    }
    qsizetype size() const { return text.size(); }
    QChar operator[](qsizetype i) const { return text[i]; }
};

// The candidate without separators, which queries skip over. Positions below ("k") index this
// compact sequence; `indices` maps them back to the text.
struct Candidate {
    QStringView text;
    SmallArray<int> indices;
    qsizetype mostQueryCharacters = 0; // that a match can take: a Han character takes a syllable

    explicit Candidate(QStringView candidateText) : text(candidateText)
    {
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (!isSeparator(text[i])) {
                indices.append(int(i));
                mostQueryCharacters += isHan(text[i]) ? kMaxSyllableLength : 1;
            }
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

// What candidate character k earns for taking `length` query characters.
int characterScore(const Candidate& candidate, qsizetype k, bool isFirstQueryCharacter, int length = 1)
{
    const int factor = isFirstQueryCharacter ? kFirstCharacterBonusFactor : 1;
    return kMatchScore + factor * positionBonus(candidate, k) + (length - 1) * kSyllableLetterScore;
}

int gapPenalty(qsizetype length)
{
    return length == 0 ? 0 : kGapOpenPenalty + kGapExtendPenalty * int(length - 1);
}

// How many query characters from i candidate character k can take: one when they are the same
// character (or the letter is a Han character's initial), up to a whole syllable when the
// query spells the start of one of its readings ("chan" or "ch" for 产). 0 when none.
class Spans {
public:
    Spans(const Query& query, const Candidate& candidate)
        : m_columns(candidate.size()), m_spans(query.size() * m_columns)
    {
        for (qsizetype k = 0; k < m_columns; ++k) {
            const QChar c = candidate.at(k);
            const bool han = isHan(c);
            for (qsizetype i = 0; i < query.size(); ++i) {
                int span = matches(query[i], c) ? 1 : 0;
                if (han)
                    span = std::max(span, syllableSpan(query, i, readingsOf(c)));
                m_spans[i * m_columns + k] = qint8(span);
            }
        }
    }
    int at(qsizetype i, qsizetype k) const { return m_spans[i * m_columns + k]; }

private:
    static int syllableSpan(const Query& query, qsizetype i, Readings readings)
    {
        // A syllable never runs over a separator the user typed.
        qsizetype room = 1;
        while (i + room < query.size() && room < kMaxSyllableLength && !query.syllableStart[i + room])
            ++room;
        int longest = 0;
        for (const unsigned short syllable : readings) {
            const char* letters = kPinyinSyllables[syllable];
            int length = 0;
            while (length < room && letters[length] && matchesSyllableLetter(query[i + length], letters[length]))
                ++length;
            longest = std::max(longest, length);
        }
        return longest;
    }

    qsizetype m_columns;
    SmallArray<qint8> m_spans;
};

struct Alignment {
    int score = 0;
    QList<qsizetype> positions; // candidate positions taken, in order
};

// The query spelled out from the candidate's first character on, one character after another
// ("chanpin" over 产品, "eng" over "engineering"), taking as many characters as it can, or
// nullopt. `exact` says whether it took all of them.
std::optional<Alignment> leadingAlignment(const Query& query, const Candidate& candidate, const Spans& spans,
                                          bool& exact)
{
    const qsizetype n = query.size();
    SmallArray<bool> reached(n + 1, false); // query characters taken so far
    reached[0] = true;
    qsizetype taken = 0; // candidate characters of the longest leading alignment found
    for (qsizetype k = 0; k < candidate.size(); ++k) {
        SmallArray<bool> next(n + 1, false);
        bool any = false;
        for (qsizetype i = 0; i < n; ++i) {
            if (!reached[i])
                continue;
            for (int length = 1; length <= spans.at(i, k); ++length) {
                next[i + length] = true;
                any = true;
            }
        }
        if (!any)
            break;
        if (next[n])
            taken = k + 1;
        reached = std::move(next);
    }
    if (taken == 0)
        return std::nullopt;
    exact = taken == candidate.size();
    Alignment alignment;
    // Every way of spelling it scores the same: each character taken, plus each further letter.
    alignment.score = int(n - taken) * kSyllableLetterScore + int(taken - 1) * kConsecutiveBonus;
    for (qsizetype k = 0; k < taken; ++k) {
        alignment.score += characterScore(candidate, k, k == 0);
        alignment.positions << k;
    }
    return alignment;
}

// Dynamic programming over (query characters taken j, candidate position k of the last
// character taken) for the best score among all ways to place the query as a subsequence, each
// candidate character taking one query character or, for a Han character, a syllable or part.
class Aligner {
public:
    Aligner(const Query& query, const Candidate& candidate, const Spans& spans)
        : m_query(query),
          m_candidate(candidate),
          m_spans(spans),
          m_columns(candidate.size()),
          m_best((query.size() + 1) * m_columns, kUnreachable),
          m_fromPosition((query.size() + 1) * m_columns, -1),
          m_fromLength((query.size() + 1) * m_columns, 0)
    { }

    std::optional<Alignment> align()
    {
        const qsizetype n = m_query.size();
        // Per query row i: the best of best(i, p) + kGapExtendPenalty * p over p <= k - 2, so
        // that a gap of any length costs O(1) to consider.
        SmallArray<int> bestGapped(n, kUnreachable);
        SmallArray<qsizetype> bestGappedFrom(n, -1);
        for (qsizetype k = 0; k < m_columns; ++k) {
            if (k >= 2) {
                for (qsizetype i = 1; i < n; ++i) {
                    const int before = m_best[cell(i, k - 2)];
                    if (before != kUnreachable && before + kGapExtendPenalty * int(k - 2) > bestGapped[i]) {
                        bestGapped[i] = before + kGapExtendPenalty * int(k - 2);
                        bestGappedFrom[i] = k - 2;
                    }
                }
            }
            for (qsizetype i = 0; i < n; ++i) {
                const int span = m_spans.at(i, k);
                if (span == 0)
                    continue;
                int previous = 0;
                qsizetype from = -1;
                if (i > 0) {
                    previous = kUnreachable;
                    if (k >= 1 && m_best[cell(i, k - 1)] != kUnreachable) {
                        previous = m_best[cell(i, k - 1)] + kConsecutiveBonus;
                        from = k - 1;
                    }
                    if (bestGappedFrom[i] >= 0) {
                        const int gapped = bestGapped[i] - kGapOpenPenalty - kGapExtendPenalty * int(k - 2);
                        if (gapped > previous) {
                            previous = gapped;
                            from = bestGappedFrom[i];
                        }
                    }
                    if (previous == kUnreachable)
                        continue;
                }
                for (int length = 1; length <= span && i + length <= n; ++length) {
                    const int score = previous + characterScore(m_candidate, k, i == 0, length);
                    const qsizetype to = cell(i + length, k);
                    if (score > m_best[to]) {
                        m_best[to] = score;
                        m_fromPosition[to] = from;
                        m_fromLength[to] = qint8(length);
                    }
                }
            }
        }
        return backtrack();
    }

private:
    qsizetype cell(qsizetype taken, qsizetype k) const { return taken * m_columns + k; }

    std::optional<Alignment> backtrack() const
    {
        const qsizetype n = m_query.size();
        qsizetype end = -1;
        for (qsizetype k = 0; k < m_columns; ++k) {
            const int score = m_best[cell(n, k)];
            if (score != kUnreachable && (end < 0 || score > m_best[cell(n, end)]))
                end = k;
        }
        if (end < 0)
            return std::nullopt;
        Alignment alignment;
        alignment.score = m_best[cell(n, end)];
        for (qsizetype taken = n, k = end; taken > 0;) {
            alignment.positions.prepend(k);
            const qsizetype from = m_fromPosition[cell(taken, k)];
            taken -= m_fromLength[cell(taken, k)];
            k = from;
        }
        return alignment;
    }

    const Query& m_query;
    const Candidate& m_candidate;
    const Spans& m_spans;
    qsizetype m_columns;
    SmallArray<int> m_best;
    SmallArray<qsizetype> m_fromPosition;
    SmallArray<qint8> m_fromLength;
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

std::optional<Match> bestMatch(QStringView queryText, QStringView text)
{
    const Query query(queryText);
    if (query.size() == 0)
        return Match{};
    const Candidate candidate(text);
    if (query.size() > candidate.mostQueryCharacters)
        return std::nullopt;

    const Spans spans(query, candidate);
    Tier tier = Tier::Subsequence;
    bool exact = false;
    std::optional<Alignment> alignment = leadingAlignment(query, candidate, spans, exact);
    if (alignment)
        tier = exact ? Tier::Exact : Tier::Prefix;
    else
        alignment = Aligner(query, candidate, spans).align();
    if (!alignment)
        return std::nullopt;

    Match match;
    match.score = finalScore(tier, alignment->score, text.size());
    for (const qsizetype k : std::as_const(alignment->positions))
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

QStringList pinyinReadings(QChar c)
{
    QStringList readings;
    for (const unsigned short syllable : readingsOf(c))
        readings << QString::fromLatin1(kPinyinSyllables[syllable]);
    return readings;
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
