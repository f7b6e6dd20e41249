#include "parsed_component.h"

#include "ics_text.h"

#include <cstdlib>
#include <cstring>
#include <optional>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

namespace {

// Precedes every line handed to libical and carries the line's index in the file.
constexpr char kMarker[] = "X-CONVENE-LINE";

bool libicalReadsChild(QByteArrayView parent, QByteArrayView child)
{
    if (parent == "VEVENT")
        return child == "VALARM";
    if (parent == "VTIMEZONE")
        return child == "STANDARD" || child == "DAYLIGHT";
    return false;
}

bool libicalReadsProperty(const QByteArray& name)
{
    if (name == kMarker)
        return false;
    return icalproperty_string_to_kind(name.constData()) != ICAL_NO_PROPERTY;
}

void appendComponent(QByteArray& text, const std::vector<ContentLine>& lines, const RawComponent& raw)
{
    text += lines[size_t(raw.begin)].text;
    text += "\r\n";
    for (int index : raw.properties) {
        const ContentLine& line = lines[size_t(index)];
        if (!libicalReadsProperty(line.name))
            continue;
        text += kMarker;
        text += ':';
        text += QByteArray::number(index);
        text += "\r\n";
        text += line.text;
        text += "\r\n";
    }
    for (const RawComponent& child : raw.children) {
        if (libicalReadsChild(raw.name, child.name))
            appendComponent(text, lines, child);
    }
    text += lines[size_t(raw.end)].text;
    text += "\r\n";
}

bool isMarker(icalproperty* property)
{
    if (icalproperty_isa(property) != ICAL_X_PROPERTY)
        return false;
    const char* name = icalproperty_get_x_name(property);
    return name && std::strcmp(name, kMarker) == 0;
}

QString shortened(QByteArrayView text)
{
    QString s = QString::fromUtf8(text);
    return s.size() > 60 ? s.left(57) + QStringLiteral("…") : s;
}

Error describe(icalproperty* error, const ContentLine& line)
{
    const QString detail = QString::fromUtf8(icalproperty_get_xlicerror(error));
    const QString name = QString::fromUtf8(line.name);
    icalparameter* type = icalproperty_get_first_parameter(error, ICAL_XLICERRORTYPE_PARAMETER);
    switch (type ? icalparameter_get_xlicerrortype(type) : ICAL_XLICERRORTYPE_NONE) {
    case ICAL_XLICERRORTYPE_VALUEPARSEERROR:
        return lineError(line.lineNumber,
                         Text::tr("the value of %1 is not valid (“%2”).").arg(name, shortened(line.value())));
    case ICAL_XLICERRORTYPE_PARAMETERNAMEPARSEERROR:
    case ICAL_XLICERRORTYPE_PARAMETERVALUEPARSEERROR:
        return lineError(line.lineNumber, Text::tr("a parameter of %1 is not valid (%2).").arg(name, detail));
    default: return lineError(line.lineNumber, Text::tr("%1 cannot be read (%2).").arg(name, detail));
    }
}

// Records the line of every property, drops the markers, and returns the first error libical found.
std::optional<Error> mapLines(icalcomponent* component, int componentIndex, const std::vector<ContentLine>& lines,
                              std::unordered_map<const void*, int>& map)
{
    std::optional<Error> firstError;
    int current = -1;
    std::vector<icalproperty*> markers;
    map[component] = componentIndex;
    const int componentLine = lines[size_t(componentIndex)].lineNumber;
    for (icalproperty* p = icalcomponent_get_first_property(component, ICAL_ANY_PROPERTY); p;
         p = icalcomponent_get_next_property(component, ICAL_ANY_PROPERTY)) {
        if (isMarker(p)) {
            const char* value = icalproperty_get_x(p);
            const long index = value ? std::strtol(value, nullptr, 10) : -1;
            current = index >= 0 && index < long(lines.size()) ? int(index) : -1;
            markers.push_back(p);
            continue;
        }
        map[p] = current >= 0 ? current : componentIndex;
        if (!firstError && icalproperty_isa(p) == ICAL_XLICERROR_PROPERTY) {
            firstError = current >= 0 ? describe(p, lines[size_t(current)])
                                      : lineError(componentLine, QString::fromUtf8(icalproperty_get_xlicerror(p)));
        }
    }
    for (icalproperty* marker : markers) {
        icalcomponent_remove_property(component, marker);
        icalproperty_free(marker);
    }
    return firstError;
}

} // namespace

Result<ParsedComponent> ParsedComponent::parse(const std::vector<ContentLine>& lines, const RawComponent& raw)
{
    QByteArray text;
    appendComponent(text, lines, raw);
    ParsedComponent parsed;
    parsed.m_source = &lines;
    parsed.m_beginLine = lines[size_t(raw.begin)].lineNumber;
    parsed.m_component.reset(icalparser_parse_string(text.constData()));
    if (!parsed.m_component)
        return lineError(parsed.m_beginLine, Text::tr("%1 cannot be read.").arg(QString::fromUtf8(raw.name)));

    std::optional<Error> error = mapLines(parsed.m_component.get(), raw.begin, lines, parsed.m_lines);
    // Children in the order they were handed over, to know their BEGIN lines.
    std::vector<const RawComponent*> readChildren;
    for (const RawComponent& child : raw.children) {
        if (libicalReadsChild(raw.name, child.name))
            readChildren.push_back(&child);
    }
    size_t next = 0;
    for (icalcomponent* child = icalcomponent_get_first_component(parsed.m_component.get(), ICAL_ANY_COMPONENT); child;
         child = icalcomponent_get_next_component(parsed.m_component.get(), ICAL_ANY_COMPONENT)) {
        const int childBegin = next < readChildren.size() ? readChildren[next++]->begin : raw.begin;
        std::optional<Error> childError = mapLines(child, childBegin, lines, parsed.m_lines);
        if (!error)
            error = std::move(childError);
    }
    if (error)
        return *error;
    return parsed;
}

int ParsedComponent::lineOf(const icalproperty* property) const
{
    const auto it = m_lines.find(property);
    return it == m_lines.end() ? m_beginLine : (*m_source)[size_t(it->second)].lineNumber;
}

int ParsedComponent::lineOf(const icalcomponent* child) const
{
    const auto it = m_lines.find(child);
    return it == m_lines.end() ? m_beginLine : (*m_source)[size_t(it->second)].lineNumber;
}

QByteArrayView ParsedComponent::valueOf(const icalproperty* property) const
{
    const auto it = m_lines.find(property);
    return it == m_lines.end() ? QByteArrayView() : (*m_source)[size_t(it->second)].value();
}

} // namespace convene::calendar
