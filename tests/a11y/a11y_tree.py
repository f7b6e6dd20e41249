#!/usr/bin/python3
"""Walks Convene's accessibility tree, as a screen reader sees it through AT-SPI, on every pane and
every dialog the keyboard opens, and fails on what a screen reader's user could not use: an
interactive object without a name, a vague role with actions, an unnamed dialog or menu, hidden
objects left in the tree, list items out of their on-screen order, the open conversation not
marked selected, a private channel announced as a public one.

Usage: a11y_tree.py --app build/ci/app/convene [--report-only] [--timeout 100]
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from a11y_session import run_test  # noqa: E402


def check_conversation_list(tree):
    """The open conversation is the selected item of the list; a private channel says it is."""
    import pyatspi
    import a11y_walk as walk
    problems = []
    lists = walk.find(tree, lambda n: n.showing and n.role == pyatspi.ROLE_LIST and n.name == "Conversations")
    if not lists:
        return ["chat: no list named 'Conversations'"]
    items = [n for n in lists[0].walk() if n.role == pyatspi.ROLE_LIST_ITEM and n.showing]
    selected = [n for n in items if n.selected]
    if len(selected) != 1:
        problems.append("chat: %d conversation list items are selected, not 1 (the open one)" % len(selected))
    else:
        # The header shows the open conversation's name (a row says "#name, 2 unread").
        name = selected[0].name.split(",")[0].lstrip("#")
        in_list = set(id(n) for n in lists[0].walk())
        titles = walk.find(tree, lambda n: n.showing and n.name == name and id(n) not in in_list
                           and n.role in (pyatspi.ROLE_LABEL, pyatspi.ROLE_HEADING, pyatspi.ROLE_STATIC))
        if not titles:
            problems.append("chat: the selected item %r is not the open conversation" % selected[0].name)
    private = [n for n in items if "launch-plan" in n.name]
    if not private:
        problems.append("chat: the private channel launch-plan is not in the list")
    elif "private" not in (private[0].name + " " + private[0].description).lower():
        problems.append("chat: the private channel is announced as %r (%r), not as private"
                        % (private[0].name, private[0].description))
    public = [n for n in items if "random" in n.name]
    if public and "private" in (public[0].name + " " + public[0].description).lower():
        problems.append("chat: the public channel random is announced as private")
    return problems


def walk_screens(session, args):
    import pyatspi
    import a11y_app
    import a11y_walk as walk
    from a11y_app import current_view, no_popups, popups, showing

    def log(text):
        print(text, flush=True)

    started = time.monotonic()
    app = a11y_app.start_app(session, log)
    results = []
    problems = []

    def screen(title, node=None):
        """Checks a screen: the whole window, or one dialog or menu in it, read in full."""
        root = app.tree() if node is None else walk.read_tree(node.accessible, node.parent)
        findings = walk.Findings(title, root)
        results.append(findings)
        problems.extend(findings.problems())

    screen("chat")
    problems.extend(check_conversation_list(app.tree(showing_only=True)))

    def opened(title, role=None, timeout=6):
        return app.wait_for(lambda t: [n for n in popups(t) if role is None or n.role == role],
                            "the %s to open" % title, timeout)

    def close_popups(title):
        for _ in range(3):
            app.key("Escape")
            try:
                app.wait_for(no_popups, "the %s to close" % title, 4)
                return
            except RuntimeError:
                continue
        raise RuntimeError("the %s does not close on Escape" % title)

    def dialog(title, opener, role=None, fallback=None):
        """Opens a dialog (by keys, else by the fallback's AT-SPI action), walks it, closes it."""
        try:
            opener()
            try:
                _, found = opened(title, role)
            except RuntimeError as error:
                if fallback is None:
                    raise
                problems.append("%s: %s; opened by its button instead" % (title, error))
                fallback()
                _, found = opened(title, role)
            for node in found:
                screen(title if len(found) == 1 else "%s (%s)" % (title, node.role_name), node)
        except RuntimeError as error:
            problems.append("%s: %s" % (title, error))
        close_popups(title)

    def press(role, name):
        return lambda: app.press(app.tree(), role, name)

    def press_starting(role, prefix):
        """Presses the showing object of the role whose name starts with the prefix."""
        def opener():
            tree = app.tree()
            matches = walk.find(tree, lambda n: n.showing and n.role == role and n.name.startswith(prefix))
            if not matches:
                other = walk.find(tree, lambda n: n.showing and n.name.startswith(prefix))
                raise RuntimeError("no showing %s named %r… (%s)" % (walk.role_label(role), prefix,
                                                                     ", ".join(n.role_name for n in other)))
            app.press(tree, role, matches[0].name)
        return opener

    dialog("quick switcher", lambda: app.key("ctrl+k"),
           fallback=press(pyatspi.ROLE_PUSH_BUTTON, "Jump to… (Ctrl+K)"))
    dialog("settings", lambda: app.key("ctrl+comma"), fallback=press(pyatspi.ROLE_PUSH_BUTTON, "Settings"))
    dialog("channel details", press(pyatspi.ROLE_PUSH_BUTTON, "Conversation details"))
    dialog("account menu", press_starting(pyatspi.ROLE_PUSH_BUTTON, "Signed in as"))

    def open_new_message():
        app.press(app.tree(), pyatspi.ROLE_PUSH_BUTTON, "New channel or message")
        tree, menus = app.wait_for(showing(pyatspi.ROLE_POPUP_MENU), "the new conversation menu")
        screen("new conversation menu", menus[0])
        try:
            app.press(tree, pyatspi.ROLE_MENU_ITEM, "New direct message…")
        except RuntimeError as error:  # a menu item without a press action: by keyboard
            problems.append("new conversation menu: " + str(error))
            app.key("Down", "Down", "Return")
        app.wait_for(lambda t: not walk.find(t, lambda n: n.showing and n.role == pyatspi.ROLE_POPUP_MENU),
                     "the new conversation menu to close")
    dialog("new message", open_new_message, pyatspi.ROLE_DIALOG)

    # The keyboard shortcuts dialog, where the app has one.
    app.key("ctrl+slash")
    try:
        _, found = opened("keyboard shortcuts dialog", timeout=3)
    except RuntimeError:
        log("no keyboard shortcuts dialog on Ctrl+/")
    else:
        for node in found:
            screen("shortcuts dialog", node)
        close_popups("shortcuts dialog")

    def show_view(key, view, label):
        app.key(key)
        try:
            app.wait_for(current_view(view), "the %s pane after %s" % (view, key), 6)
        except RuntimeError as error:
            problems.append("%s; shown by its tab instead" % error)
            app.press(app.tree(), pyatspi.ROLE_PAGE_TAB, label)
            app.wait_for(current_view(view), "the %s pane" % view)

    # Each pane, and the menus its buttons open.
    menus = {
        "calendar": [("calendar menu", press(pyatspi.ROLE_PUSH_BUTTON, "More actions"))],
        "docs": [("docs menu", press(pyatspi.ROLE_PUSH_BUTTON, "More actions")),
                 ("document menu", press_starting(pyatspi.ROLE_PUSH_BUTTON, "Actions for"))],
    }
    for key, view, label in (("ctrl+2", "calendar", "Calendar"), ("ctrl+3", "docs", "Docs"),
                             ("ctrl+4", "calls", "Calls")):
        show_view(key, view, label)
        time.sleep(0.5)  # a pane made when first shown fills in a moment later
        screen(view)
        for title, opener in menus.get(view, []):
            dialog(title, opener)

    # Back in chat, with every other pane made and hidden.
    show_view("ctrl+1", "chat", "Chat")
    tree, _ = app.wait_for(showing(pyatspi.ROLE_LIST, "Conversations"), "the conversation list again")
    screen("chat, after all panes")
    problems.extend(check_conversation_list(tree))
    log("walked %d screens in %.1f s" % (len(results), time.monotonic() - started))

    log("")
    for findings in results:
        log(findings.summary())
    log("")
    return problems


if __name__ == "__main__":
    sys.exit(run_test(walk_screens, __doc__))
