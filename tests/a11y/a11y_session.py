"""The processes an accessibility test needs, started in temp dirs and stopped on every exit.

A private session bus, an X server of its own (Qt's AT-SPI bridge needs the xcb platform; the
offscreen one registers nothing), the AT-SPI bus launcher and registry from at-spi2-core, and the
app on a fresh profile and a fresh demo workspace. Nothing touches the network or the user's files.
"""

import ctypes
import os
import shutil
import signal
import subprocess
import tempfile
import time

_PR_SET_PDEATHSIG = 1
_PR_SET_CHILD_SUBREAPER = 36


def _die_with_parent():
    # A child outlives nothing: if the test is killed, its processes get SIGTERM too.
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _orphans():
    """Processes our children started and left behind (the AT-SPI bus and registry), ours now."""
    me = os.getpid()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry, "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # The fields after the command's closing parenthesis: state, parent pid, ...
        fields = stat[stat.rfind(b")") + 2:].split()
        if int(fields[1]) == me:
            found.append(int(entry))
    return found


def _wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise TimeoutError("timed out waiting for " + what)


def start_clock(description):
    """Parses the common options and arms the time limit; returns the options."""
    import argparse
    import sys
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--app", required=True)
    parser.add_argument("--launcher", default="/usr/libexec/at-spi-bus-launcher")
    parser.add_argument("--timeout", type=int, default=100)
    parser.add_argument("--report-only", action="store_true", help="list the problems, exit 0")
    args = parser.parse_args()

    def out_of_time(signum, frame):
        raise TimeoutError("the test ran out of its %d s" % args.timeout)
    signal.signal(signal.SIGALRM, out_of_time)
    signal.signal(signal.SIGTERM, lambda s, f: sys.exit(1))  # unwinds, so stop() runs
    signal.alarm(args.timeout)
    return args


def in_session(session, log, body):
    """Returns body(), then stops everything the session started; on a failure the app's output
    is logged first."""
    try:
        return body()
    except BaseException:
        output = session.app_output()
        if output:
            log("--- the app's output:\n" + output[-4000:])
        raise
    finally:
        session.stop()


def run_test(body, description):
    """Parses the common options, runs body(session, args) within the time limit on a desktop
    with the accessibility bus and stops everything it started; returns the exit code."""
    args = start_clock(description)
    log = lambda text: print(text, flush=True)  # noqa: E731
    started = time.monotonic()
    session = Session(args.app, args.launcher, log)

    def on_desktop():
        session.start_desktop()
        return body(session, args)
    problems = in_session(session, log, on_desktop)
    for line in problems:
        log("PROBLEM " + line)
    log("%d problems; %.1f s in all" % (len(problems), time.monotonic() - started))
    return 0 if args.report_only or not problems else 1


class Session:
    """Everything the test starts, in the order it started; stop() ends it in reverse."""

    def __init__(self, app_binary, launcher, log):
        self.app_binary = app_binary
        self.launcher = launcher
        self.log = log
        self.tmp = tempfile.mkdtemp(prefix="convene-a11y-")
        # Grandchildren whose parent ends are handed to this process, so stop() ends them too.
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1)
        self.procs = []
        self.env = {}
        self.app = None

    def _start(self, name, cmd, env, **kwargs):
        out = open(os.path.join(self.tmp, name + ".log"), "wb")
        proc = subprocess.Popen(cmd, env=env, stdout=kwargs.pop("stdout", out), stderr=out,
                                stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent, **kwargs)
        self.procs.append((name, proc))
        return proc

    def _base_env(self):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("DBUS_", "AT_SPI", "DISPLAY", "WAYLAND", "XDG_", "QT_"))}
        runtime = os.path.join(self.tmp, "runtime")
        os.makedirs(runtime, mode=0o700, exist_ok=True)
        env.update(XDG_RUNTIME_DIR=runtime, HOME=os.path.join(self.tmp, "home"),
                   XDG_CONFIG_HOME=os.path.join(self.tmp, "home", ".config"),
                   XDG_DATA_HOME=os.path.join(self.tmp, "home", ".local", "share"),
                   NO_AT_BRIDGE="0")
        os.makedirs(env["HOME"], exist_ok=True)
        return env

    def start_bus(self):
        env = self._base_env()
        bus = self._start("dbus", ["dbus-daemon", "--session", "--nofork", "--print-address=1",
                                   "--address=unix:path=" + os.path.join(self.tmp, "bus")],
                          env, stdout=subprocess.PIPE)
        address = bus.stdout.readline().decode().strip()
        if not address:
            raise RuntimeError("dbus-daemon printed no address")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        self.env = env

    def start_display(self):
        # -displayfd: the server picks a free display number and writes it when it is ready.
        # -noreset: a server that resets when its last client leaves refuses the next for a moment.
        for attempt in range(3):
            read_end, write_end = os.pipe()
            xvfb = self._start("xvfb%d" % attempt,
                               ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1400x900x24",
                                "-nolisten", "tcp", "-noreset"], self.env, pass_fds=(write_end,))
            os.close(write_end)
            number = b""
            deadline = time.monotonic() + 15
            while not number.endswith(b"\n") and time.monotonic() < deadline:
                chunk = os.read(read_end, 16)
                if not chunk:
                    break
                number += chunk
            os.close(read_end)
            display = ":" + number.decode().strip()
            probe = subprocess.run(["xdotool", "getdisplaygeometry"], env=dict(self.env, DISPLAY=display),
                                   capture_output=True, timeout=10)
            if number.strip() and xvfb.poll() is None and probe.returncode == 0:
                self.env["DISPLAY"] = display
                return
            self.log("Xvfb on %r is not usable (%s); trying again" % (display, probe.stderr.decode().strip()))
            xvfb.terminate()
            xvfb.wait(5)
        raise RuntimeError("no usable Xvfb display")

    def _bus_has(self, name):
        result = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                                 "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                                 "string:" + name], env=self.env, capture_output=True, timeout=5)
        return b"boolean true" in result.stdout

    def start_accessibility_bus(self):
        self._start("at-spi-bus-launcher", [self.launcher, "--launch-immediately", "--a11y=1"], self.env)
        _wait_for(lambda: self._bus_has("org.a11y.Bus"), 15, "the AT-SPI bus launcher")

    def start_desktop(self):
        """The bus, the display and the accessibility bus, for this process too (pyatspi)."""
        self.start_bus()
        self.start_display()
        self.start_accessibility_bus()
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = self.env["DBUS_SESSION_BUS_ADDRESS"]
        os.environ["DISPLAY"] = self.env["DISPLAY"]

    def start_app(self, extra_args=()):
        profile = os.path.join(self.tmp, "profile")
        os.makedirs(profile)
        # A named profile opens the workspace, not the first-run page.
        with open(os.path.join(profile, "settings.ini"), "w", encoding="utf-8") as f:
            f.write("[settings]\ndisplayName=Tess\n")
        env = dict(self.env, QT_ACCESSIBILITY="1", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                   QT_QPA_PLATFORM="xcb", QT_QUICK_BACKEND="software", LANG="C.UTF-8")
        args = [self.app_binary, "--profile", profile, "--backend", "local",
                "--workspace", os.path.join(self.tmp, "demo.convene"), "--lang", "en"]
        self.app = self._start("convene", args + list(extra_args), env)
        return self.app

    def app_output(self):
        path = os.path.join(self.tmp, "convene.log")
        try:
            with open(path, "rb") as f:
                return f.read().decode(errors="replace")
        except OSError:
            return ""

    def stop(self):
        for name, proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    self.log("%s did not stop on SIGTERM; killing it" % name)
                    proc.kill()
                    proc.wait(5)
            if proc.stdout:
                proc.stdout.close()
        self.procs.clear()
        for pid in _orphans():
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 5
        while _orphans() and time.monotonic() < deadline:
            for pid in _orphans():
                try:
                    if os.waitpid(pid, os.WNOHANG)[0] == 0 and time.monotonic() > deadline - 1:
                        os.kill(pid, signal.SIGKILL)
                except ChildProcessError:
                    pass
            time.sleep(0.05)
        shutil.rmtree(self.tmp, ignore_errors=True)
