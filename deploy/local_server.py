"""The explorer on a loopback port, and the headless Chromium that visits it.

One home for what the browser tests (tests/e2e), the benchmarks (benchmarks/) and the
local replica set (deploy/run_replicas.py) all start: a free port, `streamlit run` with
the same flags, its health check, and Debian's Chromium with flags that keep it offline.
Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium from calling home; it has no sandbox as root in a container,
# and /dev/shm in a container is too small for many pages at once.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
# `playwright.chromium.launch(**CHROMIUM_LAUNCH)`, with the sync or the async API.
CHROMIUM_LAUNCH = {"executable_path": CHROMIUM, "args": list(CHROMIUM_ARGS)}

# Truthy once every chart, map and table a reader can see has drawn its canvas or SVG
# (a table in a closed expander stays undrawn): what tests and benchmarks wait for.
DRAWN_JS = """
() => {
  const shown = e => e.getClientRects().length > 0 && !e.closest('details:not([open])')
    && (!e.checkVisibility || e.checkVisibility());
  const drawn = (selector, inner) => [...document.querySelectorAll(selector)]
    .filter(shown).every(e => [...e.querySelectorAll(inner)]
      .some(c => c.getBoundingClientRect().width > 0));
  return drawn('[data-testid="stVegaLiteChart"]', 'canvas, svg.marks')
    && drawn('[data-testid="stDeckGlJsonChart"]', 'canvas')
    && drawn('[data-testid="stDataFrame"]', 'canvas');
}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str, timeout: float = 5) -> bool:
    """Streamlit answers its health check at `url`."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as reply:
            return reply.status == 200 and reply.read().strip() == b"ok"
    except OSError:
        return False


def streamlit_command(script: str, port: int, *extra_args: str) -> list[str]:
    """`streamlit run script` headless on 127.0.0.1:port, not watching files."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        *extra_args,
    ]


class Server:
    """`streamlit run script` on a free loopback port, healthy when the constructor returns.

    Its output goes to `log_dir/server-<port>.log`, or to this process's terminal when
    `log_dir` is None.
    """

    def __init__(
        self,
        env: Mapping[str, str] | None = None,
        script: str = "app.py",
        extra_args: tuple[str, ...] = (),
        *,
        log_dir: Path | None = None,
        start_timeout: float = 90,
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log: Path | None = None
        output = None
        if log_dir is not None:
            log_dir.mkdir(parents=True, exist_ok=True)
            self.log = log_dir / f"server-{self.port}.log"
            output = self.log.open("w")
        self.process = subprocess.Popen(
            streamlit_command(script, self.port, *extra_args),
            cwd=REPO,
            env={**os.environ, **(env or {})},
            stdout=output,
            stderr=subprocess.STDOUT if output else None,
        )
        try:
            self._wait_healthy(start_timeout)
        except RuntimeError:
            self.stop()
            raise

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_tail()}")
            if healthy(self.url, timeout=2):
                return
            time.sleep(0.2)
        raise RuntimeError(f"server did not become healthy within {timeout:g} s")

    def log_tail(self, chars: int = 2000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log else "(see its output)"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
