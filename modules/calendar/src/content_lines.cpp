#include "content_lines.h"

#include "ics_text.h"

#include <optional>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

namespace {

bool isNameChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool isControl(unsigned char c)
{
    return (c < 0x20 && c != '\t') || c == 0x7F;
}

// Offset of the first byte that does not start a valid UTF-8 sequence, or -1.
qsizetype invalidUtf8At(QByteArrayView text)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        char32_t code = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            code = c & 0x07;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        for (int k = 1; k < length; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (s[i + k] & 0x3F);
        }
        static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

// Checks the syntax of a finished line and finds its name and value.
std::optional<Error> analyse(ContentLine& line)
{
    const QByteArray& t = line.text;
    if (invalidUtf8At(t) >= 0)
        return lineError(line.lineNumber, Text::tr("the text is not valid UTF-8."));
    qsizetype k = 0;
    while (k < t.size() && isNameChar(t[k]))
        ++k;
    if (k == 0 || k == t.size() || (t[k] != ':' && t[k] != ';'))
        return lineError(line.lineNumber, Text::tr("this is not a property line (NAME:value)."));
    line.name = t.left(k).toUpper();
    while (k < t.size() && t[k] == ';') {
        const qsizetype nameStart = ++k;
        while (k < t.size() && isNameChar(t[k]))
            ++k;
        if (k == nameStart || k == t.size() || t[k] != '=')
            return lineError(line.lineNumber,
                             Text::tr("a parameter of %1 is malformed.").arg(QString::fromUtf8(line.name)));
        ++k;
        for (;;) {
            if (k < t.size() && t[k] == '"') {
                const qsizetype close = t.indexOf('"', k + 1);
                if (close < 0)
                    return lineError(
                        line.lineNumber,
                        Text::tr("a quoted parameter value of %1 is not closed.").arg(QString::fromUtf8(line.name)));
                k = close + 1;
            } else {
                while (k < t.size() && t[k] != ',' && t[k] != ';' && t[k] != ':' && t[k] != '"')
                    ++k;
            }
            if (k < t.size() && t[k] == ',') {
                ++k;
                continue;
            }
            break;
        }
    }
    if (k == t.size() || t[k] != ':')
        return lineError(line.lineNumber,
                         Text::tr("%1 has no ':' before its value.").arg(QString::fromUtf8(line.name)));
    line.valueStart = int(k + 1);
    return std::nullopt;
}

} // namespace

Result<std::vector<ContentLine>> splitContentLines(const QByteArray& bytes, const IcsLimits& limits)
{
    std::vector<ContentLine> lines;
    const char* p = bytes.constData();
    const qsizetype n = bytes.size();
    qsizetype i = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    int physical = 0;
    bool open = false; // the last line may still be continued

    const auto finish = [&]() -> std::optional<Error> {
        if (!open)
            return std::nullopt;
        open = false;
        return analyse(lines.back());
    };

    while (i < n) {
        qsizetype end = i;
        while (end < n && p[end] != '\n' && p[end] != '\r')
            ++end;
        ++physical;
        const QByteArrayView line(p + i, end - i);
        i = (end + 1 < n && p[end] == '\r' && p[end + 1] == '\n') ? end + 2 : end + 1;

        for (qsizetype k = 0; k < line.size(); ++k) {
            if (isControl(static_cast<unsigned char>(line[k])))
                return lineError(physical, Text::tr("the line contains a control character (0x%1).")
                                               .arg(int(static_cast<unsigned char>(line[k])), 2, 16, QLatin1Char('0')));
        }
        if (line.isEmpty()) {
            if (auto error = finish())
                return *error;
            continue;
        }
        if (line[0] == ' ' || line[0] == '\t') {
            if (!open)
                return lineError(physical, Text::tr("a folded continuation line follows no content line."));
            ContentLine& current = lines.back();
            if (current.text.size() + line.size() - 1 > limits.maxLineBytes)
                return lineError(current.lineNumber,
                                 Text::tr("the line is longer than %1 bytes.").arg(limits.maxLineBytes));
            current.text.append(line.sliced(1));
            continue;
        }
        if (auto error = finish())
            return *error;
        if (line.size() > limits.maxLineBytes)
            return lineError(physical, Text::tr("the line is longer than %1 bytes.").arg(limits.maxLineBytes));
        ContentLine next;
        next.text = line.toByteArray();
        next.lineNumber = physical;
        lines.push_back(std::move(next));
        open = true;
    }
    if (auto error = finish())
        return *error;
    return lines;
}

} // namespace convene::calendar
