"""Lighthouse (mobile) on the public pages, served as production serves them. On demand, never in make test.

    .venv/bin/python -m benchmarks.lighthouse            # three runs per page, the median counts
    .venv/bin/python -m benchmarks.lighthouse --runs 5 --port 8765

Starts `scripts/run_production_locally.sh` with the demo (collectstatic, migrate, load_demo, gunicorn with
`engagement.settings.production`, a celery worker and beat) in a database and Redis databases of its own,
then runs Lighthouse 12 (pinned in `benchmarks/lighthouse-cli/package.json`, installed there on first use
with `npm ci`) with its default mobile profile (simulated slow 4G, 4× CPU slowdown) in Debian's Chromium on
home, a city page, a search with results and an opportunity page. Prints per page the performance score,
the largest contentful paint, the CSS and font bytes as sent (compressed) and the HTML bytes; the full
reports land in `benchmarks/results/lighthouse/`.

Environment: PROD_DATABASE_URL, PROD_CELERY_BROKER_URL, PROD_CACHE_URL (defaults below) and CHROME_PATH
(default /usr/bin/chromium).
"""

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "benchmarks" / "lighthouse-cli"
LIGHTHOUSE = CLI / "node_modules" / ".bin" / "lighthouse"
RESULTS = ROOT / "benchmarks" / "results" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox"
SEARCH_WORDS = "Kinder"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median counts)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--label", default="", help="name of this run in the result files")
    arguments = parser.parse_args()

    install_lighthouse()
    server = start_server(arguments.port)
    try:
        base = f"http://127.0.0.1:{arguments.port}"
        wait_until_ready(base, server)
        pages = page_urls(base)
        RESULTS.mkdir(parents=True, exist_ok=True)
        rows = []
        for name, url in pages.items():
            fetch(url)  # the first hit of a page type may fill caches; Lighthouse measures a visitor's load
            runs = [
                run_lighthouse(url, RESULTS / f"{arguments.label or 'run'}-{name}-{index}.json")
                for index in range(arguments.runs)
            ]
            rows.append((name, url, runs))
        print_table(rows)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def install_lighthouse():
    if LIGHTHOUSE.exists():
        return
    environment = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=CLI, env=environment, check=True
    )


def start_server(port):
    environment = {
        **os.environ,
        "PORT": str(port),
        "DEMO": "1",
        "STATE_DIR": ".prod-lighthouse",
        "PROD_DATABASE_URL": os.environ.get(
            "PROD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/engagement_lighthouse"
        ),
        "PROD_CELERY_BROKER_URL": os.environ.get("PROD_CELERY_BROKER_URL", "redis://127.0.0.1:6379/12"),
        "PROD_CACHE_URL": os.environ.get("PROD_CACHE_URL", "rediscache://127.0.0.1:6379/13"),
        "LOG_FORMAT": "text",
    }
    log = open(ROOT / ".prod-lighthouse.log", "w")  # noqa: SIM115 (open for the server's whole life)
    print(f"Starte den Produktionsserver auf Port {port} (Ausgabe: .prod-lighthouse.log) …", flush=True)
    return subprocess.Popen(
        ["bash", "scripts/run_production_locally.sh"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # one process group: stopping it stops gunicorn, worker and beat
    )


def wait_until_ready(base, server, timeout=900):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("Der Server ist nicht gestartet (siehe .prod-lighthouse.log).")
        try:
            if fetch(f"{base}/readyz").status == 200:
                return
        except OSError:
            pass
        time.sleep(2)
    sys.exit("Der Server wurde nicht bereit (siehe .prod-lighthouse.log).")


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        response.body = response.read().decode()
        return response


def page_urls(base):
    """Home, a city page, a search with results and the first opportunity of that city."""
    city = fetch(f"{base}/bretten/").body
    opportunity = re.search(r'class="kern-link kern-link--stretched" href="(/bretten/[^"]+/)"', city)
    assert opportunity, "Die Stadtseite zeigt kein Angebot: ist die Demo geladen?"
    search = f"{base}/suche/?q={SEARCH_WORDS}"
    assert "kern-link--stretched" in fetch(search).body, f"Die Suche nach {SEARCH_WORDS} findet nichts."
    return {
        "home": f"{base}/",
        "city": f"{base}/bretten/",
        "search": search,
        "opportunity": base + opportunity.group(1),
    }


def run_lighthouse(url, output, attempts=3):
    """One Lighthouse run; a run that lost its trace (Lighthouse says so, e.g. NO_NAVSTART) is repeated."""
    environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    for _attempt in range(attempts):
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--only-categories=performance",
                "--output=json",
                f"--output-path={output}",
                f"--chrome-flags={CHROME_FLAGS}",
                "--quiet",
            ],
            env=environment,
            check=False,
        )
        report = json.loads(output.read_text()) if output.exists() else {}
        if report.get("categories", {}).get("performance", {}).get("score") is not None:
            return summarise(report)
    sys.exit(f"Lighthouse lieferte für {url} nach {attempts} Versuchen kein Ergebnis.")


def summarise(report):
    requests = report["audits"]["network-requests"]["details"]["items"]

    def sent(resource_type):
        return sum(
            item.get("transferSize", 0) for item in requests if item.get("resourceType") == resource_type
        )

    unused_css = report["audits"]["unused-css-rules"].get("details", {}).get("overallSavingsBytes", 0)
    blocking = report["audits"]["render-blocking-resources"].get("details", {}).get("items", [])
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "lcp_ms": report["audits"]["largest-contentful-paint"]["numericValue"],
        "fcp_ms": report["audits"]["first-contentful-paint"]["numericValue"],
        "tbt_ms": report["audits"]["total-blocking-time"]["numericValue"],
        "cls": report["audits"]["cumulative-layout-shift"]["numericValue"],
        "css_bytes": sent("Stylesheet"),
        "font_bytes": sent("Font"),
        "html_bytes": sent("Document"),
        "total_bytes": report["audits"]["total-byte-weight"]["numericValue"],
        "unused_css_bytes": unused_css,
        "render_blocking": len(blocking),
    }


def print_table(rows):
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"\nLighthouse {lighthouse_version()} mobil, Median je Seite; Load average danach: {load}")
    header = (
        f"{'Seite':<12} {'Score':>5} {'LCP s':>6} {'FCP s':>6} {'TBT ms':>7} {'CLS':>5} "
        f"{'CSS kB':>7} {'Fonts kB':>8} {'HTML kB':>7} {'gesamt kB':>9} {'CSS unbenutzt kB':>16} "
        f"{'Scores':>12}"
    )
    print(header)
    for name, _url, runs in rows:
        middle = sorted(runs, key=lambda run: run["score"])[len(runs) // 2]
        scores = ",".join(str(run["score"]) for run in runs)
        lcp = statistics.median(run["lcp_ms"] for run in runs)
        print(
            f"{name:<12} {middle['score']:>5} {lcp / 1000:>6.2f} {middle['fcp_ms'] / 1000:>6.2f} "
            f"{middle['tbt_ms']:>7.0f} {middle['cls']:>5.3f} {middle['css_bytes'] / 1000:>7.1f} "
            f"{middle['font_bytes'] / 1000:>8.1f} {middle['html_bytes'] / 1000:>7.1f} "
            f"{middle['total_bytes'] / 1000:>9.1f} {middle['unused_css_bytes'] / 1000:>16.1f} {scores:>12}"
        )


def lighthouse_version():
    return json.loads((CLI / "node_modules" / "lighthouse" / "package.json").read_text())["version"]


if __name__ == "__main__":
    main()
