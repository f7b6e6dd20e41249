"""The tray as a person meets it, and what it costs where there is none.

Each case runs the real app on a fresh profile and demo workspace, on a session bus and an Xvfb
of its own (tests/a11y/a11y_session.py):
- no tray: the window opens, and neither Qt Widgets nor the tray library is loaded;
- an XEmbed tray (trayer): the icon docks in it; its menu, opened with the right button, turns
  Do not disturb on (the setting follows) and quits the app;
- a StatusNotifierItem host (a stand-in watcher on the bus): the icon registers with it.
"""

import os
import re
import subprocess
import sys
import time

from a11y_session import Session, in_session, start_clock

HERE = os.path.dirname(os.path.abspath(__file__))


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise TimeoutError("timed out waiting for " + what)


def mapped(pid, library):
    with open("/proc/%d/maps" % pid, encoding="utf-8", errors="replace") as f:
        return library in f.read()


def windows(session):
    """(indent, id, name, x, y, w, h) for every window, from xwininfo's tree."""
    tree = subprocess.run(["xwininfo", "-root", "-tree"], env=session.env, capture_output=True, text=True,
                          timeout=10).stdout
    found = []
    for line in tree.splitlines():
        m = re.match(r'^(\s*)(0x[0-9a-f]+) "?(.*?)"?: .*?(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)', line)
        if m:
            found.append((len(m.group(1)), m.group(2), m.group(3), int(m.group(6)), int(m.group(7)),
                          int(m.group(4)), int(m.group(5))))
    return found


def main_window_open(session):
    return any(name.startswith("Convene — ") and w > 100 for _, _, name, _, _, w, _ in windows(session))


def docked_icon(session):
    """The app's icon inside trayer's panel: its centre on the screen, or None."""
    tree = windows(session)
    for i, (indent, _, name, *_rest) in enumerate(tree):
        if name != "panel":
            continue
        for child in tree[i + 1:]:
            if child[0] <= indent:
                break
            if child[2] == "Convene":
                return child[3] + child[5] // 2, child[4] + child[6] // 2
    return None


def popups(session):
    """The app's menus on screen: {id: (x, y, w, h)}."""
    return {wid: (x, y, w, h) for indent, wid, name, x, y, w, h in windows(session)
            if name == "Convene" and indent <= 5 and w > 40 and h > 40}


def xdotool(session, *args):
    subprocess.run(["xdotool", *args], env=session.env, check=True, timeout=10)


def settings_text(session):
    with open(os.path.join(session.tmp, "profile", "settings.ini"), encoding="utf-8") as f:
        return f.read()


def choose_from_tray_menu(session, icon, where):
    """Opens the icon's menu with the right button and clicks the entry at `where`: a function of
    the menu's top and height (Open, Do not disturb, a separator, Quit; items of equal height)."""
    before = set(popups(session))
    xdotool(session, "mousemove", str(icon[0]), str(icon[1]), "click", "3")
    menu = wait_for(lambda: [g for wid, g in popups(session).items() if wid not in before], 10,
                    "the tray icon's menu")[0]
    x, y, w, h = menu
    xdotool(session, "mousemove", str(x + w // 2), str(where(y, h)), "click", "1")


def no_tray(session, log):
    problems = []
    app = session.start_app()
    wait_for(lambda: main_window_open(session), 60, "the main window")
    time.sleep(1)
    for library in ("libQt6Widgets", "convene_tray"):
        if mapped(app.pid, library):
            problems.append("without a tray the app loaded %s" % library)
    return problems


def xembed_tray(session, log):
    problems = []
    session._start("trayer", ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
                              "--height", "24"], session.env)
    wait_for(lambda: any(name == "panel" for _, _, name, *_ in windows(session)), 15, "trayer's panel")
    app = session.start_app()
    icon = wait_for(lambda: docked_icon(session), 60, "the app's icon in the tray")
    log("icon docked at %s" % (icon,))
    if not mapped(app.pid, "libQt6Widgets"):
        problems.append("the tray icon docked, but Qt Widgets is not loaded?")
    if "doNotDisturb=true" in settings_text(session):
        problems.append("do not disturb was on before it was chosen")

    choose_from_tray_menu(session, icon, lambda top, height: top + height * 48 // 100)  # Do not disturb
    try:
        wait_for(lambda: "doNotDisturb=true" in settings_text(session), 10, "do not disturb to be saved")
    except TimeoutError as e:
        problems.append("Do not disturb in the tray's menu: %s" % e)

    choose_from_tray_menu(session, icon, lambda top, height: top + height - 14)  # Quit, the last
    try:
        code = app.wait(15)
        if code != 0:
            problems.append("Quit in the tray's menu ended the app with %d" % code)
    except subprocess.TimeoutExpired:
        problems.append("Quit in the tray's menu did not end the app")
    return problems


def status_notifier_host(session, log):
    problems = []
    watcher = session._start("watcher", [sys.executable, os.path.join(HERE, "sni_watcher.py")], session.env,
                             stdout=subprocess.PIPE)
    if watcher.stdout.readline().decode().strip() != "watching":
        return ["the stand-in StatusNotifierWatcher did not start"]
    app = session.start_app()
    wait_for(lambda: main_window_open(session), 60, "the main window")
    os.set_blocking(watcher.stdout.fileno(), False)
    registered = wait_for(lambda: watcher.stdout.readline().decode().strip(), 20,
                          "the app's icon to register with the StatusNotifierWatcher")
    log(registered)
    if not registered.startswith("registered "):
        problems.append("the watcher heard %r" % registered)
    if not mapped(app.pid, "libQt6Widgets"):
        problems.append("the icon registered, but Qt Widgets is not loaded?")
    return problems


def main():
    args = start_clock(__doc__)
    log = lambda text: print(text, flush=True)  # noqa: E731
    problems = []
    for case in (no_tray, xembed_tray, status_notifier_host):
        log("== " + case.__name__)
        session = Session(args.app, args.launcher, log)

        def on_bare_desktop():
            session.start_bus()
            session.start_display()
            return case(session, log)
        problems += ["%s: %s" % (case.__name__, p) for p in in_session(session, log, on_bare_desktop)]
    for line in problems:
        log("PROBLEM " + line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
