#pragma once
// A document open in the editor window, and key presses into it, each timed to the CRDT and to
// the frame that shows it.
#include "editor_window.h"
#include "scenarios.h"

#include <convene/docs/docs_controller.h>

#include <memory>
#include <vector>

namespace docs_bench {

class TypingSession {
public:
    struct Press {
        int64_t sent = 0; // the key press is sent
        int64_t returned = 0; // sending it returned (press and release delivered)
        int64_t transacted = 0; // the CRDT transaction it made is done, its update handled
        int place = 0; // KeyTiming::place
    };

    TypingSession(std::unique_ptr<convene::docs::DocsController> docs, convene::docs::DocumentSession* session,
                  EditorWindow& window);
    ~TypingSession();

    convene::docs::DocumentSession& session() { return *m_session; }
    EditorWindow& window() { return m_window; }

    // Puts the cursor at `position`, scrolls it into view and waits for the frame.
    void moveCursor(int position);
    // Sends a key press and release of `key` (a letter or a space) to the window.
    void press(char key, int place = 0);
    const std::vector<Press>& presses() const { return m_presses; }
    void clearPresses() { m_presses.clear(); }
    // The figures of a press, once its frame was shown (nullopt before, or if the edit never
    // reached the CRDT).
    std::optional<KeyTiming> timing(const Press& press) const;

private:
    std::unique_ptr<convene::docs::DocsController> m_docs;
    convene::docs::DocumentSession* m_session;
    EditorWindow& m_window;
    std::vector<Press> m_presses;
    bool m_localTransaction = false;
    int m_afterTransaction = 0;
    int m_onUpdate = 0;
};

} // namespace docs_bench
