#pragma once
// Blocks: a message's lines grouped into paragraphs, fenced code, quotes and lists, each
// holding the raw text that is later split into inline tokens.
#include <QString>

#include <functional>
#include <vector>

namespace convene::chat::markdown {

enum class BlockKind { Paragraph, Code, Quote, List };

struct ListItem {
    QString text;
    bool nested = false;
    bool ordered = false;
    int number = 1;
};

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    QString text; // Paragraph: lines joined by '\n'; Code: the code
    std::vector<Block> children; // Quote
    std::vector<ListItem> items; // List
};

std::vector<Block> parseDocument(const QString& text);

// Calls `visit` with the text of every paragraph and list item, quotes included, code left out.
void forEachInlineText(const std::vector<Block>& blocks, const std::function<void(const QString&)>& visit);

} // namespace convene::chat::markdown
