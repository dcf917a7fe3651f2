"""Benchmark for ``refkit check``: N healthy links on H loopback hosts that answer after L seconds,
checked with concurrency C.

Prints wall time against the ideal N·L/C, requests per link (counted by the servers, so HEAD
fallbacks, retries and soft-404 probes all show), and the checker's peak memory. The servers run in
a child process so that their threads and memory do not mix with the checker's.

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


def serve(hosts: int, latency: float, conn) -> None:  # runs in the child process
    counts = [0] * hosts
    conns = [0]
    lock = threading.Lock()

    def handler_for(index: int):
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def setup(self):
                super().setup()
                with lock:
                    conns[0] += 1

            def _answer(self):
                with lock:
                    counts[index] += 1
                time.sleep(latency)
                exists = self.path.startswith("/page/") and self.path[6:].isdigit()
                body = (f"<html><head><title>Page {self.path}</title></head><body>Text of {self.path}"
                        "</body></html>").encode() if exists else b"<html><title>404</title>Not Found</html>"
                self.send_response(200 if exists else 404)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command == "GET":
                    self.wfile.write(body)

            do_GET = _answer
            do_HEAD = _answer
        return Handler

    servers = []
    for i in range(hosts):
        s = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(i))
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
            for s in servers:
                s.shutdown()
            conn.send("bye")
            return


def maxrss_mb() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 if sys.platform != "darwin" else r / (1024 * 1024)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--links", "-n", type=int, default=1000)
    ap.add_argument("--latency", "-l", type=float, default=0.15)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--concurrency", "-c", type=int, default=32)
    ap.add_argument("--per-host", type=int, default=8)
    ap.add_argument("--no-soft404", action="store_true", help="skip the per-host soft-404 probe")
    args = ap.parse_args()

    parent, child = mp.Pipe()
    proc = mp.get_context("spawn").Process(target=serve, args=(args.hosts, args.latency, child), daemon=True)
    proc.start()
    ports = parent.recv()

    from refkit.check import CheckOptions, check_links
    from refkit.check.extract import Link

    links = []
    for i in range(args.links):
        url = f"http://127.0.0.1:{ports[i % args.hosts]}/page/{i}"
        links.append(Link(f"ref{i}", "bench.bib", i + 1, "url", url, url=url))
    opts = CheckOptions(concurrency=args.concurrency, per_host=args.per_host, timeout=10, allow_private=True,
                        soft404=not args.no_soft404)
    rss_before = maxrss_mb()
    t0 = time.perf_counter()
    report = check_links(links, opts, cache=None)
    wall = time.perf_counter() - t0
    rss_peak = maxrss_mb()
    parent.send("count")
    served, connections = parent.recv()
    parent.send("stop")
    parent.recv()
    proc.join(timeout=5)

    ideal = max(args.links * args.latency / args.concurrency, 1e-9)
    counts = report.counts
    print(f"links N={args.links}  latency L={args.latency:g}s  hosts H={args.hosts}  concurrency C={args.concurrency}"
          f"  per-host={args.per_host}")
    print(f"verdicts: {', '.join(f'{k} {v}' for k, v in counts.items() if v)}")
    print(f"wall time: {wall:.2f} s   ideal N·L/C: {ideal:.2f} s   ratio: {wall / ideal:.3f}")
    print(f"requests: {served} served ({served / args.links:.3f} per link; checker counted {report.requests}) "
          f"over {connections} connections")
    print(f"peak memory (max RSS of the checker process): {rss_peak:.1f} MB "
          f"({rss_peak - rss_before:+.1f} MB during the check)")


if __name__ == "__main__":
    main()
