#!/usr/bin/env python3
"""Measure a full-screen terminal program on a pseudo-terminal, as a user's terminal would see it.

The program runs on a pty (default 120x40, TERM=xterm-256color); everything it writes goes through
pyte, a terminal emulator, so "the first full frame" is judged on the emulated screen, not on bytes.

  bench-pty.py first-frame --marker TEXT [--marker TEXT ...] [--runs N] -- CMD ARGS...
      seconds from spawn until every marker is on the screen at once
  bench-pty.py rss --marker TEXT [--settle S] -- CMD...
      peak resident memory (VmHWM, kB, summed over the process tree) after the first frame + S s
  bench-pty.py idle-bytes --marker TEXT [--settle S] [--seconds N] -- CMD...
      bytes the program writes to the terminal per second while nothing happens
  bench-pty.py live-latency --marker TEXT --dir DIR [--reports N] [--after CMD] -- CMD...
      seconds from a report file landing (complete, by rename) in DIR until its city is on the screen;
      --after runs a command on each report first (e.g. `alertmon ingest --store X {file}`)

Prints one JSON object on stdout: the per-run figures and their median (and p99 for latency).
A run that never shows the markers within --timeout counts as a failure (exit status 1) and the
screen it did show is printed on stderr, so a wrong marker is easy to see.
"""

import argparse
import fcntl
import json
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

try:
    import pyte
except ImportError:
    sys.exit("bench-pty.py: the pyte package is missing (pip install pyte)")


class Screen(pyte.Screen):
    """A pyte screen that answers the program's terminal queries (device attributes, cursor position)."""

    def __init__(self, cols, rows, reply):
        super().__init__(cols, rows)
        self._reply = reply

    def write_process_input(self, data):
        self._reply(data.encode())


class Session:
    """One program on a pty, its output fed into an emulated screen."""

    def __init__(self, argv, cols, rows, env=None, cwd=None):
        self.cols, self.rows = cols, rows
        self.bytes = 0
        self.started = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:  # child: the pty is our controlling terminal now
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                e = dict(os.environ)
                e.update(env or {})
                e["TERM"] = e.get("TERM_OVERRIDE", "xterm-256color")
                e.pop("COLUMNS", None)
                e.pop("LINES", None)
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, e)
            except Exception as err:  # noqa: BLE001 - the child must never return into the harness
                os.write(2, ("exec %s: %s\n" % (argv[0], err)).encode())
            os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.screen = Screen(cols, rows, self.write)
        self.stream = pyte.ByteStream(self.screen)
        self.alive = True

    def write(self, data):
        try:
            os.write(self.fd, data)
        except OSError:
            pass

    def pump(self, timeout):
        """Reads what is available within `timeout` seconds; returns the number of bytes read."""
        if not self.alive:
            time.sleep(timeout)
            return 0
        r, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not r:
            return 0
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            self.alive = False
            return 0
        self.bytes += len(data)
        self.stream.feed(data)
        return len(data)

    def text(self):
        return "\n".join(self.screen.display)

    def has(self, markers):
        t = self.text()
        return all(m in t for m in markers)

    def wait_for(self, markers, timeout):
        """Seconds since `since` when every marker is on screen, or None at timeout / exit."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.has(markers):
                return time.monotonic()
            if not self.alive:
                return None
            self.pump(min(0.05, end - time.monotonic()))
        return time.monotonic() if self.has(markers) else None

    def drain(self, seconds):
        end = time.monotonic() + seconds
        n = 0
        while time.monotonic() < end:
            n += self.pump(end - time.monotonic())
        return n

    def tree(self):
        """The program's pid and its descendants' (from /proc)."""
        kids = {}
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    with open("/proc/%s/stat" % d) as f:
                        ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                    kids.setdefault(ppid, []).append(int(d))
                except (OSError, ValueError, IndexError):
                    pass
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(kids.get(p, []))
        return out

    def hwm_kb(self):
        total = 0
        for p in self.tree():
            try:
                with open("/proc/%d/status" % p) as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            total += int(line.split()[1])
            except OSError:
                pass
        return total

    def close(self, quit_keys):
        if self.alive and quit_keys:
            self.write(quit_keys.encode().decode("unicode_escape").encode())
            end = time.monotonic() + 1.0
            while self.alive and time.monotonic() < end:
                self.pump(0.05)
                if os.waitpid(self.pid, os.WNOHANG)[0]:
                    self.alive = False
                    self.reaped = True
        if not getattr(self, "reaped", False):
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.kill(self.pid, sig)
                except ProcessLookupError:
                    break
                end = time.monotonic() + 1.0
                done = False
                while time.monotonic() < end:
                    if os.waitpid(self.pid, os.WNOHANG)[0]:
                        done = True
                        break
                    time.sleep(0.02)
                if done:
                    break
        try:
            os.close(self.fd)
        except OSError:
            pass


def pct(values, p):
    v = sorted(values)
    if not v:
        return None
    k = min(len(v) - 1, max(0, int(round(p / 100.0 * (len(v) - 1)))))
    return v[k]


def fail(sess, what):
    sys.stderr.write("bench-pty.py: %s; the screen was:\n%s\n" % (what, sess.text() if sess else ""))


def start(a):
    env = dict(kv.split("=", 1) for kv in a.env)
    return Session(a.cmd, a.cols, a.rows, env=env, cwd=a.cwd)


def first_frame(a):
    times = []
    for _ in range(a.runs):
        s = start(a)
        t = s.wait_for(a.marker, a.timeout)
        if t is None:
            fail(s, "markers %r not seen within %ss" % (a.marker, a.timeout))
            s.close(a.quit)
            return {"error": "marker not seen", "runs": times}
        times.append(t - s.started)
        s.close(a.quit)
    return {"measure": "first-frame", "unit": "s", "runs": times, "median": statistics.median(times)}


def rss(a):
    peaks = []
    for _ in range(a.runs):
        s = start(a)
        if s.wait_for(a.marker, a.timeout) is None:
            fail(s, "markers %r not seen" % (a.marker,))
            s.close(a.quit)
            return {"error": "marker not seen", "runs": peaks}
        s.drain(a.settle)
        peaks.append(s.hwm_kb())
        s.close(a.quit)
    return {"measure": "peak-rss", "unit": "kB", "runs": peaks, "median": statistics.median(peaks)}


def idle_bytes(a):
    rates = []
    for _ in range(a.runs):
        s = start(a)
        if s.wait_for(a.marker, a.timeout) is None:
            fail(s, "markers %r not seen" % (a.marker,))
            s.close(a.quit)
            return {"error": "marker not seen", "runs": rates}
        s.drain(a.settle)
        n = s.drain(a.seconds)
        rates.append(n / a.seconds)
        s.close(a.quit)
    return {"measure": "idle-bytes", "unit": "B/s", "runs": rates, "median": statistics.median(rates)}


REPORT = ("{city}: terror alert raised\n{date}\n\nAuthorities in {city} raised the terrorist threat level "
          "to red on {day}, the regional security council said. The level applies for ten days.\n")


def live_latency(a):
    os.makedirs(a.dir, exist_ok=True)
    s = start(a)
    if s.wait_for(a.marker, a.timeout) is None:
        fail(s, "markers %r not seen" % (a.marker,))
        s.close(a.quit)
        return {"error": "marker not seen"}
    s.drain(a.settle)
    cities = [c for c in a.cities.split(",") if c]
    lat = []
    tm = time.gmtime()
    for i in range(a.reports):
        city = cities[i % len(cities)]
        if city in s.text():
            s.drain(0.2)
        if city in s.text():
            fail(s, "%s is on the screen before its report: the cities must be new to the store" % city)
            s.close(a.quit)
            return {"error": "city already shown", "runs": lat}
        body = REPORT.format(city=city, date=time.strftime("%Y-%m-%d", tm), day=time.strftime("%A", tm))
        tmp = os.path.join(a.dir, ".report-%d.tmp" % i)
        final = os.path.join(a.dir, "report-%04d-%s.txt" % (i, city.lower()))
        with open(tmp, "w") as f:
            f.write(body)
        t0 = time.monotonic()
        os.rename(tmp, final)
        if a.after:
            # No watched folder yet: a second command hands the report over (counted in the latency).
            cmd = [final if w == "{file}" else w for w in a.after.split()]
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        t = s.wait_for([city], a.timeout)
        if t is None:
            fail(s, "%s never appeared after its report landed" % city)
            s.close(a.quit)
            return {"error": "report not shown", "runs": lat}
        lat.append(t - t0)
        s.drain(a.gap)
    s.close(a.quit)
    return {"measure": "live-latency", "unit": "s", "runs": lat, "median": statistics.median(lat),
            "p99": pct(lat, 99)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=["first-frame", "rss", "idle-bytes", "live-latency"])
    ap.add_argument("--marker", action="append", default=[], help="text that must be on screen (repeatable)")
    ap.add_argument("--cols", type=int, default=120)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--settle", type=float, default=2.0, help="seconds to wait after the first frame")
    ap.add_argument("--seconds", type=float, default=10.0, help="idle window for idle-bytes")
    ap.add_argument("--quit", default="q", help="keys that quit the program (escapes allowed)")
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE for the program")
    ap.add_argument("--cwd")
    ap.add_argument("--dir", help="watched directory for live-latency")
    ap.add_argument("--reports", type=int, default=20)
    ap.add_argument("--gap", type=float, default=0.3, help="seconds between reports")
    ap.add_argument("--after", help="command run after each report lands, {file} standing for its path")
    # Cities as the gazetteer spells them (what the screen shows), none a part of another's name.
    ap.add_argument("--cities", default="Almaty,Astana,Shymkent,Karaganda,Aktobe,Taraz,Pavlodar,Semey,Atyrau,"
                    "Kostanay,Kyzylorda,Oral,Petropavl,Aktau,Temirtau,Turkestan,Kokshetau,Taldykorgan,"
                    "Ekibastuz,Rudny,Zhezkazgan,Satpayev,Kentau")
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--" not in argv:
        ap.error("give the program after --")
    cut = argv.index("--")
    a = ap.parse_args(argv[:cut])
    a.cmd = argv[cut + 1:]
    if not a.cmd:
        ap.error("give the program after --")
    if not a.marker:
        ap.error("give at least one --marker")
    if a.mode == "live-latency" and not a.dir:
        ap.error("live-latency needs --dir")
    result = {"first-frame": first_frame, "rss": rss, "idle-bytes": idle_bytes, "live-latency": live_latency}[a.mode](a)
    result.update({"cmd": a.cmd, "cols": a.cols, "rows": a.rows, "markers": a.marker})
    print(json.dumps(result))
    return 1 if "error" in result else 0


if __name__ == "__main__":
    sys.exit(main())
