#pragma once

#include <glib.h>

#include <functional>
#include <thread>

namespace convene::media {

// A GLib main context run by a thread of its own, for libnice: its sockets, timers and
// callbacks live there whatever event loop (or none) the Qt side runs.
class GlibLoop {
public:
    GlibLoop();
    // Runs `last` on the loop's thread (to release what lives there), then stops and joins it:
    // at once, or when `last` calls quit() but after `drainMs` at the latest.
    void stop(std::function<void()> last = {}, int drainMs = 0);
    // From the loop's thread: ends the loop (and with it a draining stop()).
    void quit();
    ~GlibLoop();

    GMainContext* context() const { return m_context; }

    GlibLoop(const GlibLoop&) = delete;
    GlibLoop& operator=(const GlibLoop&) = delete;

private:
    GMainContext* m_context;
    GMainLoop* m_loop;
    std::thread m_thread;
};

} // namespace convene::media
