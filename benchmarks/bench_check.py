"""Benchmark for ``refkit check`` on loopback hosts, in three mixes:

* healthy: N links on H hosts that answer after L seconds, checked with concurrency C;
  floor N·L/C;
* hang: the same plus one link to a host that accepts the connection and never answers;
  floor max(N·L/C, timeout): the run cannot end before that link's timeout;
* zoo: links on hosts of many kinds (honest, soft 404 with 200, with HEAD refused too, soft 404 by
  redirect to the home page, slow, rate limited with a short or a too long Retry-After,
  bot-blocked unless browser-like, challenge pages for everyone or only for non-browsers, HEAD
  refused, permanent redirects, flaky 503s, 500s, an app that answers every path with one page);
  every link has a known right verdict and the wrong ones are counted.

Prints wall time against the floor, requests per link (counted by the servers, so HEAD fallbacks,
retries and soft-404 probes all show) and the checker's peak memory. The servers run in a child
process so that their threads and memory do not mix with the checker's. Everything binds 127.0.0.1.

    python benchmarks/bench_check.py --links 1000 --latency 0.15 --hosts 20 --concurrency 32
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHALLENGE = (b'<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser'
             b'<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>')
BROWSER = "Mozilla/"
# kind -> (verdict of /page/N, verdict of /gone/N)
ZOO_KINDS = {
    "honest": ("alive", "dead"), "soft": ("alive", "dead"), "soft-home": ("alive", "dead"),
    "slow": ("alive", "dead"), "ratelimit": ("alive", "dead"), "botblock": ("alive", "dead"),
    "challenge": ("unsure", "unsure"), "nohead": ("alive", "dead"), "moved": ("moved", "dead"),
    "flaky": ("alive", "dead"), "error500": ("dead", "dead"), "spa": ("unsure", "unsure"),
    "challenge-bot": ("alive", "dead"), "ratelimit-long": ("unsure", "unsure"), "soft-nohead": ("alive", "dead"),
}


def page(path: str) -> bytes:
    return (f"<html><head><title>Article {path}</title></head><body><h1>Article {path}</h1><p>Text of the "
            f"article at {path}, with words of its own: {' '.join(path.split('/'))}.</p></body></html>").encode()


def serve(kinds: list[str], latency: float, conn) -> None:  # runs in the child process
    counts = [0] * len(kinds)
    conns = [0]
    lock = threading.Lock()
    state: dict[tuple[int, str], int] = {}
    first_seen: dict[int, float] = {}
    stop = threading.Event()

    def handler_for(index: int, kind: str):
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def setup(self):
                super().setup()
                with lock:
                    conns[0] += 1

            def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                if self.command == "GET":
                    self.wfile.write(body)

            def _answer(self):
                now = time.monotonic()
                with lock:
                    counts[index] += 1
                    first = first_seen.setdefault(index, now)
                    n = state[(index, self.path)] = state.get((index, self.path), 0) + 1
                if kind == "hang":
                    stop.wait(60)
                    self.close_connection = True
                    return
                time.sleep(latency * (10 if kind == "slow" else 1))
                path = self.path
                exists = path.startswith(("/page/", "/new/")) and path.rsplit("/", 1)[1].isdigit()
                if path == "/":
                    exists = True
                browser = self.headers.get("User-Agent", "").startswith(BROWSER)
                if kind == "challenge":
                    return self.send(403, CHALLENGE, {"cf-mitigated": "challenge"})
                if kind == "challenge-bot" and not browser:
                    return self.send(403, CHALLENGE, {"cf-mitigated": "challenge"})
                if kind == "ratelimit-long":
                    return self.send(429, b"slow down", {"Retry-After": "3600"})
                if kind == "soft-nohead" and self.command == "HEAD":
                    return self.send(405, b"", {"Allow": "GET"})
                if kind == "botblock" and not browser:
                    return self.send(403, b"<html><title>Forbidden</title>Automated access denied</html>")
                if kind == "ratelimit" and now < first + 0.5:
                    return self.send(429, b"slow down", {"Retry-After": "1"})
                if kind == "nohead" and self.command == "HEAD":
                    return self.send(405, b"", {"Allow": "GET"})
                if kind == "flaky" and n == 1:
                    return self.send(503, b"try again")
                if kind == "error500":
                    return self.send(500, b"<html><title>Error</title>internal error</html>")
                if kind == "moved" and path.startswith("/page/"):
                    return self.send(301, b"", {"Location": "/new/" + path.rsplit("/", 1)[1]})
                if kind == "spa":
                    return self.send(200, b"<html><title>App</title><body>Loading the app</body></html>")
                if exists:
                    return self.send(200, page(path))
                if kind in ("soft", "soft-nohead"):
                    return self.send(200, ("<html><head><title>Page not found | Press</title></head><body>"
                                           f"<nav>Home About</nav><h1>Sorry</h1><p>The page {path} does not "
                                           "exist.</p></body></html>").encode())
                if kind == "soft-home":
                    return self.send(302, b"", {"Location": "/"})
                return self.send(404, b"<html><title>404</title>Not Found</html>")

            do_GET = _answer
            do_HEAD = _answer
        return Handler

    servers = []
    for i, kind in enumerate(kinds):
        s = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(i, kind))
        s.daemon_threads = True
        s.request_queue_size = 128
        threading.Thread(target=s.serve_forever, daemon=True).start()
        servers.append(s)
    conn.send([s.server_address[1] for s in servers])
    while True:
        msg = conn.recv()
        if msg == "count":
            with lock:
                conn.send((sum(counts), conns[0]))
        elif msg == "stop":
            stop.set()
            for s in servers:
                s.shutdown()
            conn.send("bye")
            return


def maxrss_mb() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 if sys.platform != "darwin" else r / (1024 * 1024)


def run_mix(name: str, kinds: list[str], links_for, args) -> None:
    from refkit.check import CheckOptions, check_links
    from refkit.check.extract import Link

    parent, child = mp.Pipe()
    proc = mp.get_context("spawn").Process(target=serve, args=(kinds, args.latency, child), daemon=True)
    proc.start()
    ports = parent.recv()
    plan = links_for(ports)  # [(url, expected verdict or None)]
    links = [Link(f"ref{i}", "bench.bib", i + 1, "url", url, url=url) for i, (url, _) in enumerate(plan)]
    opts = CheckOptions(concurrency=args.concurrency, per_host=args.per_host, timeout=args.timeout,
                        allow_private=True, soft404=not args.no_soft404)
    rss_before = maxrss_mb()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    report = check_links(links, opts, cache=None)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    rss_peak = maxrss_mb()
    parent.send("count")
    served, connections = parent.recv()
    parent.send("stop")
    parent.recv()
    proc.join(timeout=5)

    n = len(links)
    ideal = max(n * args.latency / args.concurrency, 1e-9)
    floor = max(ideal, args.timeout) if name == "hang" else ideal
    if name == "zoo":
        # the request time the links need at the least (a redirect or a first 503 is a second request;
        # a slow host answers after 10 L), spread over C slots, and over per-host slots on each host
        kind_of_port = dict(zip(ports, kinds, strict=True))
        need = [0.0] * len(kinds)
        for url, _ in plan:
            port = int(url.split(":")[2].split("/")[0])
            kind = kind_of_port[port]
            alive = "/page/" in url
            requests_ = 2 if kind == "flaky" or (kind == "moved" and alive) or (kind == "soft-home" and not alive) else 1
            need[ports.index(port)] += requests_ * args.latency * (10 if kind == "slow" else 1)
        floor = max(sum(need) / args.concurrency, max(need) / args.per_host)
    kind_of = dict(zip(ports, kinds, strict=True))
    wrong = [(f"{r.link.url} ({kind_of[int((r.link.url or '').split(':')[2].split('/')[0])]} host)", want,
              r.verdict.value, r.outcome.reason)
             for r, (_, want) in zip(report.results, plan, strict=True) if want and r.verdict.value != want]
    counts = report.counts
    print(f"[{name}] links N={n}  latency L={args.latency:g}s  hosts H={len(kinds)}  concurrency C={args.concurrency}"
          f"  per-host={args.per_host}  timeout={args.timeout:g}s")
    print(f"  verdicts: {', '.join(f'{k} {v}' for k, v in counts.items() if v)};  wrong: {len(wrong)}")
    for url, want, got, reason in wrong[:5]:
        print(f"    {url}: want {want}, got {got} ({reason})")
    what = {"hang": "max(N·L/C, timeout)", "zoo": "least request time / C"}.get(
        name, "N·L/C")
    print(f"  wall time: {wall:.2f} s   floor {what}: {floor:.2f} s   ratio: {wall / floor:.3f}"
          f"   (checker CPU {cpu:.2f} s)")
    print(f"  requests: {served} served ({served / n:.3f} per link; checker counted {report.requests}) "
          f"over {connections} connections")
    print(f"  peak memory (max RSS of the checker process): {rss_peak:.1f} MB "
          f"({rss_peak - rss_before:+.1f} MB during the check)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--links", "-n", type=int, default=1000)
    ap.add_argument("--latency", "-l", type=float, default=0.15)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--concurrency", "-c", type=int, default=32)
    ap.add_argument("--per-host", type=int, default=8)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--mix", choices=["healthy", "hang", "zoo", "all"], default="all")
    ap.add_argument("--no-soft404", action="store_true", help="skip the per-host soft-404 probes")
    args = ap.parse_args()
    h, n = args.hosts, args.links

    def healthy(ports):
        return [(f"http://127.0.0.1:{ports[i % h]}/page/{i}", "alive") for i in range(n)]

    def hang(ports):
        return healthy(ports) + [(f"http://127.0.0.1:{ports[h]}/page/{n}", "unsure")]

    kinds = list(ZOO_KINDS)
    zoo_hosts = [kinds[i % len(kinds)] for i in range(max(h, len(kinds)) * 2)]

    def zoo(ports):
        plan = []
        for i in range(n):
            j = i % len(zoo_hosts)
            alive = (i // len(zoo_hosts)) % 4 != 3  # a quarter of each host's links are dead
            want = ZOO_KINDS[zoo_hosts[j]][0 if alive else 1]
            plan.append((f"http://127.0.0.1:{ports[j]}/{'page' if alive else 'gone'}/{i}", want))
        return plan

    if args.mix in ("healthy", "all"):
        run_mix("healthy", ["honest"] * h, healthy, args)
    if args.mix in ("hang", "all"):
        run_mix("hang", ["honest"] * h + ["hang"], hang, args)
    if args.mix in ("zoo", "all"):
        run_mix("zoo", zoo_hosts, zoo, args)


if __name__ == "__main__":
    main()
