"""Many readers at once: concurrent headless-Chromium sessions against one explorer server.

    .venv/bin/python benchmarks/load_test.py                      # 20 sessions, 60 s
    .venv/bin/python benchmarks/load_test.py --sessions 5 --seconds 20
    .venv/bin/python benchmarks/load_test.py --url http://127.0.0.1:8501 --pid 1234

Without --url it starts `streamlit run app.py` on a free loopback port and stops it at the
end. Each session is one browser context of one Chromium: it opens the overview, then in
turn changes page through the sidebar and moves the page's control (the economy slider
`.st-key-econ-g`, after opening the what-if tab the first time; the zone selector
`.st-key-zones-zone`; or else the language switch).
A rerun counts as completed when the server has sent "script finished" on the session's
WebSocket and the app shows `[data-testid="stApp"][data-test-script-state="notRunning"]`.
Errors: exceptions on the page or in the browser, error elements, a lost connection, and
actions that do not finish within --action-timeout.

The run is bounded: at most --seconds of new actions (capped at 600), each action bounded
by its timeout, and traffic only to this machine (a --url must name a loopback host).
It prints a table, writes a "## Load test" section into benchmarks/results.md (replacing
an earlier one) unless --no-record, and exits 1 if there was any error.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.report import machine_line, replace_section  # noqa: E402
from deploy.local_server import CHROMIUM_LAUNCH, Server  # noqa: E402

READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
RESULTS = REPO / "benchmarks" / "results.md"
SECTION = "## Load test"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_SESSIONS, MAX_SECONDS = 100, 600
# Sidebar links in PAGES order (components/navigation.py): overview, economy, tasks, zones,
# it_park, sources. The rotation below visits each and moves its control.
NAV = '[data-testid="stSidebarNav"] a'
PAGE_ORDER = ("economy", "zones", "overview", "tasks", "sources", "it_park")
NAV_INDEX = {"overview": 0, "economy": 1, "tasks": 2, "zones": 3, "it_park": 4, "sources": 5}
# Streamlit 1.67 draws a slider as <input type="range"> (implicit ARIA role "slider").
SLIDER = '.st-key-econ-g input[type="range"], .st-key-econ-g [role="slider"]'
WHATIF_TAB = '.st-key-economy-tabs [role="tab"]'  # the third tab; the page remembers it
ZONE_CHOICE = '.st-key-zones-zone button[aria-checked="false"]'
LANGUAGE_CHOICE = '[data-testid="stSidebar"] [role="radiogroup"] label:has(input:not(:checked))'
ERROR_ELEMENTS = (
    '[data-testid="stException"], [data-testid="stAlertContentError"], '
    '[data-testid="stConnectionStatus"]'
)


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter = field(default_factory=Counter)
    error_examples: list[str] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    cpu: tuple[float, float] = (0.0, 0.0)  # server, clients: CPU seconds during the run

    def ok(self, kind: str, seconds: float) -> None:
        self.latencies.setdefault(kind, []).append(seconds)

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] += 1
        if len(self.error_examples) < 10:
            self.error_examples.append(f"{kind}: {detail.splitlines()[0][:200]}")

    @property
    def reruns(self) -> int:
        return sum(len(values) for values in self.latencies.values())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = share * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


# --- server memory ------------------------------------------------------------------


def descendants(pid: int) -> list[int]:
    """pid and every process below it, from /proc (psutil is not a dependency)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue.extend(children.get(current, []))
    return found


def rss_kib(pid: int) -> int:
    total = 0
    for process in descendants(pid):
        try:
            for line in Path(f"/proc/{process}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far (exited children are not counted)."""
    ticks = 0
    for process in pids:
        try:
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_split(server_pid: int | None) -> tuple[float, float]:
    """CPU seconds of (the server, this load generator incl. Chromium)."""
    server = descendants(server_pid) if server_pid else []
    clients = [p for p in descendants(os.getpid()) if p not in server]
    return cpu_seconds(server), cpu_seconds(clients)


async def sample_memory(pid: int | None, tally: Tally, stop: asyncio.Event) -> None:
    start = cpu_split(pid)
    while not stop.is_set():
        if pid:
            tally.rss_kib.append(rss_kib(pid))
        now = cpu_split(pid)
        tally.cpu = (now[0] - start[0], now[1] - start[1])
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=1)


# --- one reader -----------------------------------------------------------------------


class Reader:
    def __init__(self, number: int, context, url: str, tally: Tally, action_timeout: float):
        self.number = number
        self.context = context
        self.url = url
        self.tally = tally
        self.timeout = action_timeout
        self.finished = 0  # "script finished" messages seen on the WebSocket

    async def start(self) -> bool:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        def on_frame(payload) -> None:
            if isinstance(payload, str):
                return
            message = ForwardMsg()
            try:
                message.ParseFromString(payload)
            except Exception:
                return
            if message.WhichOneof("type") == "script_finished":
                self.finished += 1

        self.page = await self.context.new_page()
        self.page.set_default_timeout(self.timeout * 1000)
        self.page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
        self.page.on("pageerror", lambda exc: self.tally.error("browser exception", str(exc)))
        # "commit", not "load": the rerun and idle-app waits below decide when it is done.
        return await self.act(
            "open", lambda: self.page.goto(f"{self.url}/?lang=vi", wait_until="commit")
        )

    async def act(self, kind: str, action) -> bool:
        """Do one thing that reruns the script; record its latency or the error."""
        before = self.finished
        started = time.monotonic()
        try:
            await action()
            deadline = started + self.timeout
            while self.finished <= before:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"no rerun finished within {self.timeout:.0f} s")
                await asyncio.sleep(0.02)
            await self.page.wait_for_selector(READY, timeout=self.timeout * 1000)
            elapsed = time.monotonic() - started
        except Exception as exc:
            name = "timeout" if "imeout" in type(exc).__name__ + str(exc) else "action failed"
            self.tally.error(name, f"session {self.number} {kind}: {exc}")
            return False
        if await self.page.locator(ERROR_ELEMENTS).count():
            self.tally.error("error element", f"session {self.number} after {kind}")
            return False
        if await self.page.get_by_text("Connection error").count():
            self.tally.error("connection error", f"session {self.number} after {kind}")
            return False
        self.tally.ok(kind, elapsed)
        return True

    async def go_to(self, section: str) -> bool:
        link = self.page.locator(NAV).nth(NAV_INDEX[section])
        return await self.act(f"page {section}", link.click)

    async def move_control(self, section: str) -> bool:
        page = self.page
        if section == "economy" and not await page.locator(SLIDER).count():
            if not await self.act("tab", page.locator(WHATIF_TAB).nth(2).click):
                return False
            try:  # the tab's rerun has finished; its slider may still be drawing
                await page.locator(SLIDER).first.wait_for(timeout=self.timeout * 1000)
            except Exception as exc:
                self.tally.error("no slider", f"session {self.number} after tab: {exc}")
                return False
        if section == "economy" and await page.locator(SLIDER).count():
            slider = page.locator(SLIDER).first

            async def nudge() -> None:
                now = await slider.evaluate("e => e.value ?? e.getAttribute('aria-valuenow')")
                top = await slider.evaluate("e => e.max ?? e.getAttribute('aria-valuemax')")
                await slider.focus()
                await page.keyboard.press("ArrowLeft" if now == top else "ArrowRight")

            return await self.act("slider", nudge)
        if section == "zones" and await page.locator(ZONE_CHOICE).count():
            return await self.act("zone", page.locator(ZONE_CHOICE).first.click)
        return await self.act("language", page.locator(LANGUAGE_CHOICE).first.click)

    async def run(self, deadline: float, delay: float) -> None:
        await asyncio.sleep(delay)  # readers arrive over the ramp-up, not all in one instant
        if not await self.start():
            return
        step = self.number  # sessions start at different pages
        while time.monotonic() < deadline:
            section = PAGE_ORDER[step % len(PAGE_ORDER)]
            step += 1
            if await self.go_to(section) and time.monotonic() < deadline:
                await self.move_control(section)


# --- the run --------------------------------------------------------------------------


async def load(
    url: str, sessions: int, seconds: float, pid: int | None, action_timeout: float, ramp: float
) -> Tally:
    from playwright.async_api import async_playwright

    tally = Tally()
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_memory(pid, tally, stop))
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**CHROMIUM_LAUNCH)
        try:
            contexts = [
                await browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
                for _ in range(sessions)
            ]
            readers = [Reader(n, c, url, tally, action_timeout) for n, c in enumerate(contexts)]
            deadline = time.monotonic() + seconds
            # Hard bound: the last actions may run past the deadline by one timeout each.
            await asyncio.wait_for(
                asyncio.gather(
                    *(reader.run(deadline, ramp * reader.number / sessions) for reader in readers)
                ),
                timeout=seconds + 3 * action_timeout + 30,
            )
        finally:
            await browser.close()
            stop.set()
            await sampler
    return tally


# --- report ---------------------------------------------------------------------------


def report(tally: Tally, sessions: int, seconds: float, ramp: float, wall: float) -> str:
    def ms(value: float) -> str:
        return f"{value * 1000:,.0f} ms"

    everything = [v for values in tally.latencies.values() for v in values]
    rows = ["| Action | Completed reruns | p50 | p95 | max |", "|---|---|---|---|---|"]
    for kind in sorted(tally.latencies):
        values = tally.latencies[kind]
        rows.append(
            f"| {kind} | {len(values)} | {ms(percentile(values, 0.5))} | "
            f"{ms(percentile(values, 0.95))} | {ms(max(values))} |"
        )
    if everything:
        rows.append(
            f"| **all** | **{len(everything)}** | **{ms(percentile(everything, 0.5))}**"
            f" | **{ms(percentile(everything, 0.95))}** | {ms(max(everything))} |"
        )
    errors = sum(tally.errors.values())
    lines = [
        f"{sessions} concurrent sessions (one headless Chromium, one context each) for "
        f"{seconds:.0f} s of actions, arriving over the first {ramp:.0f} s "
        f"({wall:.0f} s wall time incl. start-up; clients at lower CPU priority); "
        f"{tally.reruns} completed reruns = {tally.reruns / max(wall, 1):.1f}/s.",
        "",
        *rows,
        "",
        f"Errors: **{errors}**"
        + (
            " (" + ", ".join(f"{k}: {v}" for k, v in tally.errors.most_common()) + ")"
            if errors
            else ""
        ),
    ]
    if tally.rss_kib:
        lines.append(
            f"Server memory (RSS of the streamlit process and its children): "
            f"start {tally.rss_kib[0] / 1024:,.0f} MB, peak {max(tally.rss_kib) / 1024:,.0f} MB,"
            f" end {tally.rss_kib[-1] / 1024:,.0f} MB."
        )
    lines.append(
        f"CPU time during the run: server {tally.cpu[0]:,.0f} s, load generator "
        f"(Chromium, Playwright) {tally.cpu[1]:,.0f} s, of {wall:.0f} s wall time."
    )
    for example in tally.error_examples:
        lines.append(f"- {example}")
    return "\n".join(lines)


def record(text: str, path: Path = RESULTS) -> None:
    """Replace the "## Load test" section of results.md (or append one), keep the rest."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = (
        f"{SECTION}\n\nMachine: {machine_line()}; {stamp}.\n\n"
        "`.venv/bin/python benchmarks/load_test.py` (benchmarks/load_test.py): "
        "sessions change page through the sidebar and move the page's control "
        "(economy slider, zone selector, else the language switch); latency is "
        "action → script finished and the app idle. Other jobs may share the "
        "machine, so read the figures as an order of magnitude.\n\n"
        f"{text}\n"
    )
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    updated = replace_section(existing, section, SECTION)
    path.write_text(updated, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--url", help="a running explorer on this machine (default: start one)")
    parser.add_argument("--pid", type=int, help="the server's pid, for memory (with --url)")
    parser.add_argument("--action-timeout", type=float, default=60)
    parser.add_argument(
        "--ramp",
        type=float,
        default=10,
        help="seconds over which the sessions arrive (part of --seconds)",
    )
    parser.add_argument(
        "--client-nice",
        type=int,
        default=10,
        help="nice increment for this script and its Chromium (not the server)",
    )
    parser.add_argument(
        "--no-record", action="store_true", help="print only; leave benchmarks/results.md alone"
    )
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= MAX_SESSIONS or not 0 < args.seconds <= MAX_SECONDS:
        parser.error(f"--sessions 1..{MAX_SESSIONS}, --seconds up to {MAX_SECONDS}")
    if args.url and urlsplit(args.url).hostname not in LOOPBACK:
        parser.error("--url must be on this machine (127.0.0.1, localhost or ::1)")

    server = None
    url, pid = args.url, args.pid
    if url is None:
        server = Server(log_dir=REPO / "benchmarks" / "artifacts")
        url, pid = server.url, server.process.pid
    url = url.rstrip("/")
    # The clients share the machine with the server: lower their priority (Chromium and
    # the Playwright driver inherit it) so 20 renderers do not starve the one server.
    os.setpriority(
        os.PRIO_PROCESS, 0, min(19, os.getpriority(os.PRIO_PROCESS, 0) + args.client_nice)
    )
    try:
        load_before = os.getloadavg()[0]
        started = time.monotonic()
        tally = asyncio.run(
            load(
                url,
                args.sessions,
                args.seconds,
                pid,
                args.action_timeout,
                min(args.ramp, args.seconds / 2),
            )
        )
        wall = time.monotonic() - started
    finally:
        if server is not None:
            server.stop()
    text = report(tally, args.sessions, args.seconds, min(args.ramp, args.seconds / 2), wall)
    text += (
        f"\nLoad average before the run: {load_before:.1f} "
        f"(other jobs on this {os.cpu_count()}-CPU machine)."
    )
    print(text)
    if not args.no_record:
        record(text)
        print(f"\nrecorded in {RESULTS.relative_to(REPO)}")
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
