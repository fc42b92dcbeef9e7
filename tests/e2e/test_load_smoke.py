"""benchmarks/load_test.py itself works: two sessions for a few seconds, no errors.

The real load test (20 sessions, 60 s) is too slow and noisy for pytest; this keeps the
script from rotting. It runs in its own thread because the script drives Playwright's
async API, which cannot share this thread with the sync browser of the other tests.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from benchmarks.load_test import main


def test_load_script_two_sessions_without_errors(server, capsys):
    args = [
        "--sessions",
        "2",
        "--seconds",
        "8",
        "--url",
        server.url,
        "--pid",
        str(server.process.pid),
        "--no-record",
    ]
    with ThreadPoolExecutor(max_workers=1) as pool:
        code = pool.submit(main, args).result(timeout=600)
    output = capsys.readouterr().out
    assert code == 0, output
    assert "Errors: **0**" in output
    assert "| **all** |" in output, "no rerun completed"
    assert "Server memory" in output
