#pragma once
// Inline tokens: a paragraph's or list item's text split into text, code spans, mentions,
// links, line breaks and emphasis delimiters paired with their partners.
#include <QString>
#include <QStringView>

#include <vector>

namespace convene::chat::markdown {

enum class TokenKind { Text, Code, Mention, LinkOpen, LinkClose, DocumentLink, LineBreak, Delimiter };
enum class DelimiterRole { Literal, Open, Close };

// Delimiter runs that can pair up; a closer only matches an opener of the same kind.
enum DelimiterKind { StarItalic, StarBold, UnderscoreItalic, UnderscoreBold, Strike, DelimiterKindCount };

struct Token {
    TokenKind kind = TokenKind::Text;
    // Text: literal text, Code: code, Mention: user id, LinkOpen: url, DocumentLink: the bare
    // document link (its text is the document's title), Delimiter: the run
    QString text;
    int delimiterKind = -1;
    DelimiterRole role = DelimiterRole::Literal;
    qsizetype partner = -1;
};

std::vector<Token> tokenize(QStringView text);

} // namespace convene::chat::markdown
