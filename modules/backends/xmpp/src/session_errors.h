#pragma once

#include "xml_element.h"

#include <convene/core/result.h>

namespace convene::xmpp {

// Why a session ended, and whether trying again later may help (network, server going away)
// or someone must act first (password, account, certificate, configuration).
struct SessionFailure {
    Error error;
    bool transient = true;
};

// The server's <stream:error/> (RFC 6120 §4.9.3).
SessionFailure failureFromStreamError(const XmlElement& streamError);
// The server's SASL <failure/> (RFC 6120 §6.5).
SessionFailure failureFromSaslFailure(const XmlElement& failure);
// A stanza of type 'error' (RFC 6120 §8.3): the condition's name, and the text when given.
Error errorFromStanzaError(const XmlElement& stanza);

} // namespace convene::xmpp
