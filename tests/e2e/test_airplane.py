"""Airplane mode: the server and the browser in a network namespace with only loopback,
as in a meeting room with no internet. Every page must start and render completely."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO


def can_unshare() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("ip"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


def test_every_page_renders_with_no_network():
    if not can_unshare():
        if os.environ.get("CI") == "true":
            pytest.fail("CI runs as root and must run the airplane-mode test (unshare -n)")
        pytest.skip("needs root, unshare and ip to create a loopback-only namespace")
    result = subprocess.run(
        ["unshare", "-n", sys.executable, "-m", "tests.e2e.airplane_check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=420,
    )
    report = result.stdout + result.stderr[-3000:]
    assert result.returncode == 0, report
    seconds = float(report.split("server healthy after ")[1].split(" s")[0])
    assert seconds < 30, f"start-up took {seconds} s without a network"
