"""Where a map page's load time goes, in the browser: `.venv/bin/python benchmarks/profile_maps.py`.

Loads each page of PAGES `LOADS` times in one warm tab (as the benchmark does) and prints,
per load: render time, script runs and rerun requests the browser sent (a selection
callback that reruns the page on load shows as 2 runs / 1 request), the main thread's
script, layout and style time (CDP Performance.getMetrics deltas), the WebGL contexts
created and how long `getContext` took (deck.gl in software rendering: headless Chromium
runs with --disable-gpu), and the long tasks (> 50 ms). Then the median and maximum.
A diagnosis tool, not a budget: the findings are written up in benchmarks/results.md.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.probes import ARTIFACTS, PROBE_JS, READY_JS, VIEWPORT  # noqa: E402
from deploy.local_server import CHROMIUM_LAUNCH, Server  # noqa: E402

LOADS = 10
PAGES = sys.argv[1:] or ["tasks?lang=vi", "zones?lang=vi", "it_park?lang=vi"]

# Times every getContext('webgl*') call and collects long tasks, in the page's clock.
WEBGL_JS = """
(() => {
  const probe = window.__gl = {contexts: 0, ms: 0, long: [], settled: 0};
  const native = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
    if (!String(kind).startsWith('webgl')) return native.call(this, kind, ...rest);
    const begin = performance.now();
    const context = native.call(this, kind, ...rest);
    probe.ms += performance.now() - begin;
    probe.contexts += context ? 1 : 0;
    return context;
  };
  new PerformanceObserver(list => list.getEntries().forEach(entry => {
    probe.long.push(Math.round(entry.duration));
    probe.settled = Math.max(probe.settled, entry.startTime + entry.duration);
  })).observe({type: 'longtask'});
})();
"""
METRICS = ("ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "TaskDuration")


def metrics(cdp) -> dict[str, float]:
    found = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return {name: found.get(name, 0.0) * 1000 for name in METRICS}


def profile(page, cdp, url: str) -> dict[str, float]:
    page.goto(url, wait_until="commit")
    render = float(page.wait_for_function(READY_JS, polling="raf", timeout=60_000).json_value())
    page.wait_for_timeout(1500)  # a rerun on load, or deck.gl's drawing, would come here
    # The counters start again with each document, so these are this load's.
    found = metrics(cdp)
    bench, gl = page.evaluate("[window.__bench, window.__gl]")
    row = {"render": render, "runs": len(bench["runningAt"]), "sent": len(bench["sentAt"])}
    row |= found
    row |= {"gl_contexts": gl["contexts"], "gl_ms": gl["ms"], "long_ms": sum(gl["long"])}
    row["busy_until"] = gl["settled"]  # the end of the last long task
    return row


def main() -> int:
    from playwright.sync_api import sync_playwright

    with Server(log_dir=ARTIFACTS) as app, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**CHROMIUM_LAUNCH)
        context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
        context.add_init_script(PROBE_JS)
        context.add_init_script(WEBGL_JS)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        for path in PAGES:
            url = f"{app.url}/{path}"
            profile(page, cdp, url)  # fill the cache
            rows = [profile(page, cdp, url) for _ in range(LOADS)]
            print(f"\n{path}")
            for name in rows[0]:
                values = [row[name] for row in rows]
                print(
                    f"  {name:20} median {statistics.median(values):8.1f}  max {max(values):8.1f}"
                    f"  all {' '.join(f'{v:.0f}' for v in values)}"
                )
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
