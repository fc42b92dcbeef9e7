"""Several replicas of the explorer behind one nginx address, on this machine.

    .venv/bin/python deploy/run_replicas.py --replicas 2 --port 8080

starts the replicas on free loopback ports with one shared cookie secret, renders
deploy/nginx.conf for them into a temporary prefix and runs nginx in the foreground
until Ctrl-C. tests/e2e/test_replicas.py uses the same functions. Everything listens
on 127.0.0.1 only; a public deployment follows "Deploying several replicas" in README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
if str(DEPLOY.parent) not in sys.path:  # run as a script: deploy/ is a folder of the repo
    sys.path.insert(0, str(DEPLOY.parent))

from deploy.local_server import Server, free_port  # noqa: E402

TEMPLATE = DEPLOY / "nginx.conf"
NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")


def find_nginx() -> str | None:
    """The nginx binary (Debian installs it in /usr/sbin, often not on a user's PATH)."""
    found = shutil.which("nginx")
    if found:
        return found
    return next((path for path in NGINX_CANDIDATES if os.access(path, os.X_OK)), None)


def render_nginx_config(
    upstreams: Sequence[str | int],
    listen: str | int,
    prefix: Path,
    *,
    server_name: str = "_",
    expose_replica: bool = False,
) -> Path:
    """Write prefix/nginx.conf for the given replicas ("host:port", or a loopback port).

    The prefix also receives the folders nginx writes to (logs, pid, temp files), so nginx
    runs without touching /var or /run, as root or not. ``expose_replica`` adds an
    ``X-Plan-Replica`` response header naming the replica: for tests, never in public.
    """
    if not upstreams:
        raise ValueError("at least one upstream replica is needed")
    prefix = Path(prefix)
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        # Workers run as "nobody" under a root master; they need to reach prefix/tmp.
        prefix.chmod(0o755)
    servers = "\n".join(
        f"        server {upstream if ':' in str(upstream) else f'127.0.0.1:{upstream}'}"
        " max_fails=1 fail_timeout=5s;"
        for upstream in upstreams
    )
    extra = "        add_header X-Plan-Replica $upstream_addr always;" if expose_replica else ""
    text = (
        TEMPLATE.read_text(encoding="utf-8")
        .replace("{{UPSTREAM_SERVERS}}", servers)
        .replace("{{LISTEN}}", str(listen))
        .replace("{{SERVER_NAME}}", server_name)
        .replace("{{EXTRA_HEADERS}}", extra)
    )
    if re.search(r"\{\{[A-Z_]+\}\}", text):
        raise ValueError("the template has a marker that render_nginx_config does not fill")
    path = prefix / "nginx.conf"
    path.write_text(text, encoding="utf-8")
    return path


class Nginx:
    """nginx in the foreground (daemon off) with its files in one prefix folder."""

    def __init__(
        self,
        upstreams: Sequence[str | int],
        port: int | None = None,
        prefix: Path | None = None,
        *,
        host: str = "127.0.0.1",
        expose_replica: bool = False,
        binary: str | None = None,
    ):
        self.binary = binary or find_nginx()
        if self.binary is None:
            raise FileNotFoundError("nginx is not installed (apt-get install nginx-light)")
        self.port = port or free_port()
        self.url = f"http://{host}:{self.port}"
        self._own_prefix = prefix is None
        self.prefix = Path(prefix or tempfile.mkdtemp(prefix="plan-nginx-"))
        self.config = render_nginx_config(
            upstreams, f"{host}:{self.port}", self.prefix, expose_replica=expose_replica
        )
        self.error_log = self.prefix / "error.log"
        self._check()
        self.process = subprocess.Popen(
            self._command("-g", "daemon off;"),
            stdout=(self.prefix / "stdout.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        self._wait_listening()

    def _command(self, *extra: str) -> list[str]:
        return [
            self.binary,
            "-p",
            f"{self.prefix}/",
            "-c",
            str(self.config),
            "-e",
            str(self.error_log),
            *extra,
        ]

    def _check(self) -> None:
        result = subprocess.run(self._command("-t", "-q"), capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"nginx rejected {self.config}: {result.stderr.strip()}")

    def _wait_listening(self, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.log_tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"nginx did not listen on {self.port} within {timeout} s")

    def log_tail(self, chars: int = 2000) -> str:
        texts = [
            path.read_text(errors="replace")
            for path in (self.prefix / "stdout.log", self.error_log)
            if path.exists()
        ]
        return "\n".join(texts)[-chars:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # SIGTERM: fast shutdown of master and workers
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._own_prefix:
            shutil.rmtree(self.prefix, ignore_errors=True)

    def __enter__(self) -> Nginx:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080, help="nginx port on 127.0.0.1")
    args = parser.parse_args(argv)
    env = {
        "STREAMLIT_SERVER_COOKIE_SECRET": os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET")
        or secrets.token_hex(32),
        "STREAMLIT_SERVER_ALLOWED_HOSTS": "localhost 127.0.0.1",
    }
    replicas: list[Server] = []
    try:
        for _ in range(args.replicas):
            replicas.append(Server(env=env))
        ports = [replica.port for replica in replicas]
        with Nginx(ports, args.port) as nginx:
            print(f"{args.replicas} replicas on ports {ports}; open {nginx.url}  (Ctrl-C stops)")
            with contextlib.suppress(KeyboardInterrupt):
                nginx.process.wait()
    except RuntimeError as error:
        print(f"not started: {error}", file=sys.stderr)
        return 1
    finally:
        for replica in replicas:
            replica.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
