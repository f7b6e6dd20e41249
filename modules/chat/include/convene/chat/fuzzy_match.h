#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace convene::chat {

// Lower-case pinyin initials of each Han character (U+4E00–U+9FFF), other characters kept
// (lower-cased Latin/digits) and spaces dropped: "产品讨论" -> "cptl", "王芳" -> "wf",
// "Q3路线图" -> "q3lxt". Han characters without pinyin data are kept as they are.
QString pinyinInitials(QStringView text);

// The toneless Mandarin readings of a Han character (U+4E00–U+9FFF), the most customary first,
// with ü written v: 产 -> {"chan"}, 长 -> {"zhang", "chang"}, 绿 -> {"lv", "lu"}. Empty for other
// characters and for Han characters without data.
QStringList pinyinReadings(QChar c);

// Score of `query` as a fuzzy subsequence of `candidate` (case-insensitive, spaces and
// apostrophes in either are ignored), or nullopt when it does not match. Higher is better:
// exact > prefix > word-start/camel/CJK-boundary hits > consecutive runs > scattered; shorter
// candidates win ties. A Han character is matched by its pinyin initial ("cp" finds "产品讨论",
// "wf" finds "王芳"), by one of its readings or the start of one ("chanpin", "chanp" and
// "wangfang" find them too, and mix with initials: "chanpintl"; ü is typed v or u), or by
// itself ("讨论" finds "产品讨论"). A space or apostrophe in the query ends a syllable ("xi'an"
// is 西安, not 先). An empty query matches everything with the score 0.
std::optional<int> fuzzyScore(QStringView query, QStringView candidate);

// Positions (UTF-16 indices into candidate) of the matched characters, for highlighting; empty
// when nothing matched. For pinyin matches these are the Han characters matched.
QList<int> fuzzyMatchPositions(QStringView query, QStringView candidate);

} // namespace convene::chat
