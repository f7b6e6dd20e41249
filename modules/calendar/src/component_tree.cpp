#include "component_tree.h"

#include "ics_text.h"

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

namespace {

bool isComponentName(QByteArrayView value)
{
    if (value.isEmpty())
        return false;
    for (char c : value) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

} // namespace

Result<std::vector<RawComponent>> buildComponentTree(const std::vector<ContentLine>& lines, const IcsLimits& limits,
                                                     const QByteArray& topLevel)
{
    std::vector<RawComponent> calendars;
    std::vector<RawComponent> open; // the stack of unclosed components
    int components = 0;

    for (int index = 0; index < int(lines.size()); ++index) {
        const ContentLine& line = lines[size_t(index)];
        const bool begin = line.name == "BEGIN";
        if (begin || line.name == "END") {
            const QByteArray value = line.value().toByteArray().toUpper();
            if (line.valueStart != int(line.name.size()) + 1 || !isComponentName(value))
                return lineError(
                    line.lineNumber,
                    Text::tr("%1 must be followed by a component name.").arg(QString::fromUtf8(line.name)));
            if (begin) {
                if (open.empty() && value != topLevel)
                    return lineError(line.lineNumber, Text::tr("expected BEGIN:%1, found BEGIN:%2.")
                                                          .arg(QString::fromUtf8(topLevel), QString::fromUtf8(value)));
                if (++components > limits.maxComponents)
                    return makeError(ErrorCode::TooLarge,
                                     Text::tr("The file has more than %1 components.").arg(limits.maxComponents));
                if (int(open.size()) >= limits.maxNesting)
                    return lineError(line.lineNumber,
                                     Text::tr("components are nested more than %1 deep.").arg(limits.maxNesting));
                RawComponent component;
                component.name = value;
                component.begin = index;
                open.push_back(std::move(component));
                continue;
            }
            if (open.empty())
                return lineError(line.lineNumber,
                                 Text::tr("END:%1 closes no component.").arg(QString::fromUtf8(value)));
            if (open.back().name != value)
                return lineError(line.lineNumber,
                                 Text::tr("END:%1 does not close BEGIN:%2 of line %3.")
                                     .arg(QString::fromUtf8(value), QString::fromUtf8(open.back().name))
                                     .arg(lines[size_t(open.back().begin)].lineNumber));
            RawComponent done = std::move(open.back());
            open.pop_back();
            done.end = index;
            if (open.empty())
                calendars.push_back(std::move(done));
            else
                open.back().children.push_back(std::move(done));
            continue;
        }
        if (open.empty())
            return lineError(line.lineNumber, Text::tr("%1 stands outside BEGIN:%2 … END:%2.")
                                                  .arg(QString::fromUtf8(line.name), QString::fromUtf8(topLevel)));
        RawComponent& current = open.back();
        if (int(current.properties.size()) >= limits.maxPropertiesPerComponent)
            return lineError(line.lineNumber, Text::tr("%1 has more than %2 properties.")
                                                  .arg(QString::fromUtf8(current.name))
                                                  .arg(limits.maxPropertiesPerComponent));
        current.properties.push_back(index);
    }
    if (!open.empty())
        return lineError(lines[size_t(open.back().begin)].lineNumber,
                         Text::tr("BEGIN:%1 is never closed by END:%1.").arg(QString::fromUtf8(open.back().name)));
    if (calendars.empty())
        return makeError(ErrorCode::Corrupt, Text::tr("The file holds no BEGIN:%1.").arg(QString::fromUtf8(topLevel)));
    return calendars;
}

QByteArray componentText(const std::vector<ContentLine>& lines, const RawComponent& component)
{
    qsizetype size = 0;
    for (int i = component.begin; i <= component.end; ++i)
        size += lines[size_t(i)].text.size() + 2;
    QByteArray text;
    text.reserve(size);
    for (int i = component.begin; i <= component.end; ++i) {
        text += lines[size_t(i)].text;
        text += "\r\n";
    }
    return text;
}

} // namespace convene::calendar
