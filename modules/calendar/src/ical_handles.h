#pragma once

#include <libical/ical.h>

#include <QByteArray>

#include <memory>

namespace convene::calendar {

// Owners for the libical objects Convene creates.
struct IcalComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
struct IcalPropertyFree {
    void operator()(icalproperty* p) const { icalproperty_free(p); }
};
struct IcalIteratorFree {
    void operator()(icalrecur_iterator* i) const { icalrecur_iterator_free(i); }
};

using IcalComponentPtr = std::unique_ptr<icalcomponent, IcalComponentFree>;
using IcalPropertyPtr = std::unique_ptr<icalproperty, IcalPropertyFree>;
using IcalIteratorPtr = std::unique_ptr<icalrecur_iterator, IcalIteratorFree>;

// A string libical allocated for the caller (the *_r functions).
inline QByteArray takeIcalString(char* text)
{
    QByteArray result(text ? text : "");
    icalmemory_free_buffer(text);
    return result;
}

} // namespace convene::calendar
