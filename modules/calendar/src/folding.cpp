#include "folding.h"

namespace convene::calendar {

QByteArray unfold(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 2 < text.size() && text[i + 1] == '\n' &&
            (text[i + 2] == ' ' || text[i + 2] == '\t')) {
            i += 2;
            continue;
        }
        if (text[i] == '\n' && i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t')) {
            i += 1;
            continue;
        }
        out += text[i];
    }
    return out;
}

void appendFolded(QByteArray& out, QByteArrayView line)
{
    qsizetype start = 0;
    qsizetype room = 75;
    while (line.size() - start > room) {
        qsizetype cut = start + room;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut; // not between the bytes of one character
        out += line.sliced(start, cut - start);
        out += "\r\n ";
        start = cut;
        room = 74; // the leading space counts
    }
    out += line.sliced(start);
    out += "\r\n";
}

QByteArray foldLines(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size() + text.size() / 60 * 3);
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf("\r\n", start);
        if (end < 0)
            end = text.size();
        if (end > start)
            appendFolded(out, text.sliced(start, end - start));
        start = end + 2;
    }
    return out;
}

} // namespace convene::calendar
