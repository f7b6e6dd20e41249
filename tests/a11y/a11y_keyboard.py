#!/usr/bin/python3
"""Drives Convene by keyboard alone, as a screen reader's user does, and checks through AT-SPI
where the focus is after every step: at launch, switching conversations, sending, jumping with
Ctrl+K, searching and leaving search with Escape, and moving between regions with F6.

Usage: a11y_keyboard.py --app build/ci/app/convene [--report-only] [--timeout 100]
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from a11y_session import run_test  # noqa: E402


def keyboard_path(session, args):
    import pyatspi
    import a11y_app
    import a11y_walk as walk
    from a11y_app import focused

    def log(text):
        print(text, flush=True)

    text_roles = {pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY}
    app = a11y_app.start_app(session, log)
    problems = []

    def expect_focus(step, predicate, what, timeout=5):
        try:
            tree, nodes = app.wait_for(lambda t: [n for n in focused(t) if predicate(n)], what, timeout)
        except RuntimeError:
            now = focused(app.tree())
            problems.append("%s: the focus is on %s, not on %s"
                            % (step, now[0].where() if now else "nothing", what))
            return None
        log("%s: focus on %s" % (step, nodes[0].where()))
        return nodes[0]

    def is_composer(node):
        return node.role in text_roles and node.name.startswith("Message")

    def open_conversation(tree):
        rows = walk.find(tree, lambda n: n.showing and n.role == pyatspi.ROLE_LIST_ITEM and n.selected
                         and n.parent is not None and n.parent.name == "Conversations")
        return rows[0].name.split(",")[0] if rows else ""

    expect_focus("at launch", is_composer, "the composer")

    first = open_conversation(app.tree())
    app.key("alt+Down")
    try:
        app.wait_for(lambda t: open_conversation(t) not in ("", first), "another conversation after Alt+Down")
    except RuntimeError as error:
        problems.append("Alt+Down: " + str(error))
    expect_focus("Alt+Down", is_composer, "the composer")

    text = "Sent from the keyboard %d" % os.getpid()
    app.type(text)
    app.key("Return")
    try:
        app.wait_for(lambda t: walk.find(t, lambda n: n.showing and text in n.name), "the message sent")
    except RuntimeError as error:
        problems.append("Enter in the composer: " + str(error))
    composer = expect_focus("after sending", is_composer, "the composer")
    if composer is not None:
        left = composer.accessible.queryText().getText(0, -1)
        if left:
            problems.append("after sending: the composer still holds %r" % left)

    target = "general" if open_conversation(app.tree(showing_only=True)) != "#general" else "random"
    app.key("ctrl+k")
    if expect_focus("Ctrl+K", lambda n: n.role in text_roles and "Jump to" in n.name, "the quick switcher's field"):
        app.type(target)
        time.sleep(0.3)
        app.key("Return")
        try:
            app.wait_for(lambda t: open_conversation(t) == "#" + target, "#%s opened from the quick switcher" % target)
        except RuntimeError as error:
            problems.append("the quick switcher: " + str(error))
        expect_focus("after the quick switcher", is_composer, "the composer")

    app.key("ctrl+f")
    if expect_focus("Ctrl+F", lambda n: n.role in text_roles and not n.name.startswith("Message"),
                    "the search field"):
        app.key("Escape")
        expect_focus("Escape from search", is_composer, "the composer")

    # F6 goes round the regions and comes back to where it started.
    seen = []
    for _ in range(8):
        app.key("F6")
        time.sleep(0.3)
        now = focused(app.tree(showing_only=True))
        seen.append(now[0].label() if now else "nothing")
        if now and not now[0].name:
            problems.append("F6: the focus went to an object without a name: " + now[0].where())
        if now and is_composer(now[0]):
            break
    log("F6 went over: " + " | ".join(seen))
    if len(seen) < 3 or "nothing" in seen:
        problems.append("F6: the regions were %s" % " | ".join(seen))
    if not any(s.startswith("page tab") for s in seen):
        problems.append("F6 never reached the navigation rail (%s)" % " | ".join(seen))
    return problems


if __name__ == "__main__":
    sys.exit(run_test(keyboard_path, __doc__))
