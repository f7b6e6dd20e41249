#include "glib_loop.h"

namespace convene::media {

GlibLoop::GlibLoop() : m_context(g_main_context_new()), m_loop(g_main_loop_new(m_context, FALSE))
{
    m_thread = std::thread([this] {
        g_main_context_push_thread_default(m_context);
        g_main_loop_run(m_loop);
        g_main_context_pop_thread_default(m_context);
    });
}

void GlibLoop::stop(std::function<void()> last, int drainMs)
{
    if (!m_thread.joinable())
        return;
    struct Work {
        std::function<void()> last;
        GlibLoop* self;
        int drainMs;
    };
    g_main_context_invoke_full(
        m_context, G_PRIORITY_HIGH,
        [](gpointer data) -> gboolean {
            auto* work = static_cast<Work*>(data);
            if (work->last)
                work->last();
            if (work->drainMs <= 0) {
                work->self->quit();
            } else {
                GSource* deadline = g_timeout_source_new(guint(work->drainMs));
                g_source_set_callback(
                    deadline,
                    [](gpointer self) -> gboolean {
                        static_cast<GlibLoop*>(self)->quit();
                        return G_SOURCE_REMOVE;
                    },
                    work->self, nullptr);
                g_source_attach(deadline, work->self->m_context);
                g_source_unref(deadline);
            }
            return G_SOURCE_REMOVE;
        },
        new Work{std::move(last), this, drainMs}, [](gpointer data) { delete static_cast<Work*>(data); });
    m_thread.join();
}

void GlibLoop::quit()
{
    g_main_loop_quit(m_loop);
}

GlibLoop::~GlibLoop()
{
    stop();
    g_main_loop_unref(m_loop);
    g_main_context_unref(m_context);
}

} // namespace convene::media
