#include "convene/chat/search_query.h"

namespace convene::chat {

namespace {

// Reads a filter value starting at `i`: quoted ("…") or up to the next space.
QString readValue(const QString& input, qsizetype& i)
{
    QString value;
    if (i < input.size() && input.at(i) == u'"') {
        const qsizetype end = input.indexOf(u'"', i + 1);
        const qsizetype stop = end < 0 ? input.size() : end;
        value = input.mid(i + 1, stop - i - 1);
        i = end < 0 ? input.size() : end + 1;
        return value;
    }
    const qsizetype start = i;
    while (i < input.size() && !input.at(i).isSpace())
        ++i;
    return input.mid(start, i - start);
}

} // namespace

SearchQuery parseSearchQuery(const QString& input)
{
    SearchQuery query;
    QStringList words;
    qsizetype i = 0;
    while (i < input.size()) {
        while (i < input.size() && input.at(i).isSpace())
            ++i;
        if (i >= input.size())
            break;
        const QStringView rest = QStringView(input).mid(i);
        const bool in = rest.startsWith(QLatin1String("in:"), Qt::CaseInsensitive);
        const bool from = rest.startsWith(QLatin1String("from:"), Qt::CaseInsensitive);
        if (in || from) {
            i += in ? 3 : 5;
            const QChar sigil = in ? u'#' : u'@';
            if (i < input.size() && input.at(i) == sigil)
                ++i;
            const QString value = readValue(input, i).trimmed().toLower();
            if (!value.isEmpty())
                (in ? query.channels : query.people) << value;
            continue;
        }
        words << readValue(input, i);
    }
    query.text = words.join(u' ').trimmed();
    return query;
}

} // namespace convene::chat
