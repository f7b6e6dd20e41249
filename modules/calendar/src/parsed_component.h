#pragma once

#include "component_tree.h"
#include "content_lines.h"
#include "ical_handles.h"

#include <convene/core/result.h>

#include <unordered_map>
#include <vector>

namespace convene::calendar {

// A component as libical reads it, with the file line of each of its properties, so that what
// libical reports (X-LIC-ERROR properties) and what Convene checks can name the line. Lines
// libical cannot read but RFC 5545 allows (unknown IANA properties, components Convene does not
// handle) are left out here; the source text keeps them.
class ParsedComponent {
public:
    static Result<ParsedComponent> parse(const std::vector<ContentLine>& lines, const RawComponent& raw);

    icalcomponent* get() const { return m_component.get(); }
    IcalComponentPtr release() { return std::move(m_component); }
    int beginLine() const { return m_beginLine; }
    int lineOf(const icalproperty* property) const; // beginLine() if unknown
    int lineOf(const icalcomponent* child) const;
    // The value of a property as written in the file; valid while the lines parse() read are.
    QByteArrayView valueOf(const icalproperty* property) const;

private:
    IcalComponentPtr m_component;
    const std::vector<ContentLine>* m_source = nullptr;
    int m_beginLine = 0;
    std::unordered_map<const void*, int> m_lines; // indices into *m_source
};

} // namespace convene::calendar
