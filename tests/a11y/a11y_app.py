"""The running app as a screen reader sees it (AT-SPI), and the keyboard of its display.

Import only once the session's private bus is up (a11y_session.Session.start_desktop): pyatspi
connects to the accessibility bus when it is imported.
"""

import subprocess
import time

import pyatspi

import a11y_walk as walk


class App:
    """The running app as AT-SPI shows it, and the keyboard of its display."""

    def __init__(self, session):
        self.session = session
        self.accessible = self._find_application(session.app.pid)

    def _find_application(self, pid):
        desktop = pyatspi.Registry.getDesktop(0)
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            if self.session.app.poll() is not None:
                raise RuntimeError("the app exited with %s:\n%s"
                                   % (self.session.app.returncode, self.session.app_output()[-3000:]))
            for i in range(desktop.childCount):
                candidate = desktop.getChildAtIndex(i)
                try:
                    if candidate is not None and candidate.get_process_id() == pid:
                        return candidate
                except Exception:  # an application leaving the bus as we ask
                    continue
            time.sleep(0.2)
        raise RuntimeError("the app never appeared on the accessibility bus")

    def frame(self):
        for i in range(self.accessible.childCount):
            child = self.accessible.getChildAtIndex(i)
            if child is not None and child.getRole() == pyatspi.ROLE_FRAME:
                states = child.getState()
                if states.contains(pyatspi.STATE_SHOWING):
                    return child
        return None

    def tree(self, showing_only=False):
        frame = self.frame()
        if frame is None:
            raise RuntimeError("the main window is not showing")
        return walk.read_tree(frame, showing_only=showing_only)

    def wait_for(self, predicate, what, timeout=10):
        deadline = time.monotonic() + timeout
        while True:
            tree = self.tree(showing_only=True)
            found = predicate(tree)
            if found:
                return tree, found
            if time.monotonic() > deadline:
                raise RuntimeError("timed out waiting for " + what)
            time.sleep(0.15)

    def key(self, *keys):
        subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], env=self.session.env,
                       check=True, timeout=10)

    def type(self, text):
        subprocess.run(["xdotool", "type", "--delay", "15", text], env=self.session.env, check=True, timeout=30)

    def focus_window(self):
        wids = subprocess.run(["xdotool", "search", "--pid", str(self.session.app.pid), "--onlyvisible",
                               "--class", ""], env=self.session.env, capture_output=True, text=True,
                              timeout=10).stdout.split()
        for wid in wids:
            subprocess.run(["xdotool", "windowfocus", "--sync", wid], env=self.session.env,
                           capture_output=True, timeout=10)

    def press(self, tree, role, name):
        """Activates a showing object by its AT-SPI action, as a screen reader's user would."""
        matches = walk.find(tree, lambda n: n.showing and n.role == role and n.name == name)
        if not matches:
            raise RuntimeError("no showing %s named %r" % (walk.role_label(role), name))
        accessible = matches[0].accessible
        action = accessible.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("Press", "press", "click", "Toggle"):
                action.doAction(i)
                return
        raise RuntimeError("%s %r has no press action (%s)" % (matches[0].role_name, name,
                                                               ",".join(matches[0].actions)))


def showing(role, name=None):
    def predicate(tree):
        return walk.find(tree, lambda n: n.showing and n.role == role
                         and (name is None or name.lower() in n.name.lower()))
    return predicate


def current_view(view):
    """The navigation rail's tab of the view shown is the selected one."""
    def predicate(tree):
        return walk.find(tree, lambda n: n.showing and n.role == pyatspi.ROLE_PAGE_TAB and n.selected
                         and n.name.lower().startswith(view))
    return predicate


def popups(tree):
    return walk.find(tree, lambda n: n.showing and n.role in walk.POPUP_ROLES)


def no_popups(tree):
    return not popups(tree)


def focused(tree):
    """The object with the keyboard focus, if it is showing: the innermost one, as the focus
    scopes around it say they have the focus too."""
    nodes = walk.find(tree, lambda n: n.showing and n.focused)
    return [n for n in nodes if not any(c is not n and c.focused for c in n.walk())]


def start_app(session, log):
    """Starts the app and waits for its chat pane: the conversation list, the Chat tab selected."""
    started = time.monotonic()
    session.start_app()
    app = App(session)
    app.wait_for(showing(pyatspi.ROLE_LIST, "Conversations"), "the chat pane", 40)
    app.wait_for(current_view("chat"), "the chat tab selected", 20)
    time.sleep(1)  # the open conversation's messages arrive a moment later
    log("app up and named in the tree after %.1f s" % (time.monotonic() - started))
    app.focus_window()
    return app
