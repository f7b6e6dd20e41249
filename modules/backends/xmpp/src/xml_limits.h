#pragma once

#include <QtGlobal>

namespace convene::xmpp {

// Hard bounds on what a peer may make the XML stream reader hold; exceeding one is a stream
// error (policy-violation), so a hostile server can never make the client grow without bound.
struct XmlLimits {
    int maxDepth = 32; // open elements, the stream root included
    qsizetype maxStanzaBytes = 1024 * 1024; // one top-level element, from its '<' to its last '>'
    int maxAttributes = 64; // per element, namespace declarations included
    int maxElementsPerStanza = 20'000; // a stanza and all its descendants
};

} // namespace convene::xmpp
