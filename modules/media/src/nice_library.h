#pragma once

// libnice, resolved when the first call starts rather than linked: it brings GnuTLS, GUPnP and
// libsoup with it, about 3 MiB resident that an app without a call does not need.
#include <nice/agent.h>

#include <convene/core/result.h>

namespace convene::media {

#define CONVENE_NICE_FUNCTIONS(X)                                                                      \
    X(nice_address_get_port)                                                                           \
    X(nice_address_init)                                                                               \
    X(nice_address_set_from_string)                                                                    \
    X(nice_address_set_port)                                                                           \
    X(nice_address_to_string)                                                                          \
    X(nice_agent_add_local_address)                                                                    \
    X(nice_agent_add_stream)                                                                           \
    X(nice_agent_attach_recv)                                                                          \
    X(nice_agent_close_async)                                                                          \
    X(nice_agent_gather_candidates)                                                                    \
    X(nice_agent_get_local_credentials)                                                                \
    X(nice_agent_new_full)                                                                             \
    X(nice_agent_peer_candidate_gathering_done)                                                        \
    X(nice_agent_remove_stream)                                                                        \
    X(nice_agent_send)                                                                                 \
    X(nice_agent_set_relay_info)                                                                       \
    X(nice_agent_set_remote_candidates)                                                                \
    X(nice_agent_set_remote_credentials)                                                               \
    X(nice_candidate_free)                                                                             \
    X(nice_candidate_new)

// The functions Convene uses, under their own names.
struct NiceLibrary {
#define CONVENE_NICE_POINTER(name) decltype(&::name) name = nullptr;
    CONVENE_NICE_FUNCTIONS(CONVENE_NICE_POINTER)
#undef CONVENE_NICE_POINTER
};

// Loads libnice the first time (thread-safe) and keeps it loaded; an error naming what is missing
// when it cannot be.
Result<const NiceLibrary*> loadNiceLibrary();

// The loaded library: only after loadNiceLibrary() succeeded.
const NiceLibrary& libnice();

} // namespace convene::media
