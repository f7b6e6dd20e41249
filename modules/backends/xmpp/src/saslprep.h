#pragma once

#include <convene/core/result.h>

#include <QString>

namespace convene::xmpp {

// RFC 4013 SASLprep of a user name or password about to be sent in a SASL exchange: non-ASCII
// spaces become spaces, "mapped to nothing" characters go, NFKC, then prohibited output
// (controls, private use, non-characters, surrogates, tags, …) and the bidi rule are errors.
// Simplified: Qt's Unicode tables are used rather than stringprep's frozen Unicode 3.2 ones,
// and unassigned code points are let through (the "query" profile a client uses).
Result<QString> saslPrep(const QString& input);

} // namespace convene::xmpp
