#pragma once
// The documents the benchmark opens, as the doc.update entries their history consists of.
#include "trace.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace docs_bench {

struct DocHistory {
    std::vector<QByteArray> updates; // one doc.update payload each
    QByteArray state; // the whole document as one update
    std::u16string text; // its plain text
    std::size_t edits = 0;
    double buildMs = 0;
};

// The trace replayed into the Y.Text "content", one transaction per trace transaction, and the
// transactions' updates merged into one update per `editsPerUpdate` edits (a batch of typing).
DocHistory traceHistory(const Trace& trace, std::size_t editsPerUpdate);

// A document of about `pages` pages (3,000 characters each) with chapters and section headings,
// paragraphs with bold, italic and code runs, bullet and numbered lists and code blocks; the
// same every time. Written in updates of at most ~`charsPerUpdate` characters.
DocHistory generatedHistory(int pages, std::size_t charsPerUpdate);

} // namespace docs_bench
