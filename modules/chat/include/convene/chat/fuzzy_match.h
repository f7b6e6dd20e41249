#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace convene::chat {

// Lower-case pinyin initials of each Han character (U+4E00–U+9FFF), other characters kept
// (lower-cased Latin/digits) and spaces dropped: "产品讨论" -> "cptl", "王芳" -> "wf",
// "Q3路线图" -> "q3lxt". Han characters without pinyin data are kept as they are.
QString pinyinInitials(QStringView text);

// Score of `query` as a fuzzy subsequence of `candidate` (case-insensitive, spaces in either are
// ignored), or nullopt when it does not match. Higher is better: exact > prefix > word-start/
// camel/CJK-boundary hits > consecutive runs > scattered; shorter candidates win ties. A query
// letter also matches a Han character by its pinyin initial ("cp" finds "产品讨论", "wf" finds
// "王芳"), and a Han query character matches itself ("讨论" finds "产品讨论"). An empty query
// matches everything with the score 0.
std::optional<int> fuzzyScore(QStringView query, QStringView candidate);

// Positions (UTF-16 indices into candidate) of the matched characters, for highlighting; empty
// when nothing matched. For pinyin-initial matches these are the Han characters matched.
QList<int> fuzzyMatchPositions(QStringView query, QStringView candidate);

} // namespace convene::chat
