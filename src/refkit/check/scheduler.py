"""Scheduling: which request may go out when.

* Globally, at most ``concurrency`` requests are in flight (:meth:`Scheduler.slot`), sent by
  ``concurrency`` workers; while a link sleeps before a retry, waits out a host's pause or waits for
  a soft-404 probe, another worker is started (:meth:`Scheduler.waiting`), so waits hold no slot.
* Per host, a :class:`HostGate` limits requests in flight, paces the host after a 429, and gives up
  on a host that never answers.
* Workers take links round-robin over hosts and never wait on a busy host while other hosts have
  work: they skip hosts that already have as many links running as their gate allows.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

Task = Callable[[], None]


def host_key(url: str) -> str:
    """The host (and port) a URL's requests go to: the unit of politeness."""
    p = urlsplit(url)
    return p.netloc.lower().rpartition("@")[2] or url


class HostDown(Exception):
    """The host failed too often in a row (timeouts, resets); further requests are not sent."""


class HostGate:
    """Per-host traffic control shared by every request to one host.

    * at most ``limit`` requests in flight (``max_limit`` normally, 1 after a 429);
    * ``throttle(seconds)`` pauses the whole host (a 429 or 503 with ``Retry-After``) and spaces
      later requests out; successes slowly lift the spacing again;
    * after ``failure_limit`` network failures in a row without any answer, the host is down.
    """

    def __init__(self, max_limit: int, failure_limit: int = 3) -> None:
        self.max_limit = max(1, max_limit)
        self.limit = self.max_limit
        self.failure_limit = failure_limit
        self.active = 0
        self.paused_until = 0.0
        self.interval = 0.0
        self.next_start = 0.0
        self.failures = 0
        self.answered = False
        self.throttles = 0
        self.browser_only = False  # answers only browser-like requests
        self.get_only = False  # HEAD answers needed a GET too often here: ask with GET at once
        self.head_misses = 0
        self.browser_misses = 0  # browser-like retries that did not help (while none ever did)
        self._errors_persisted = 0
        self._retry_helped = False
        self._ok_streak = 0
        self._cond = threading.Condition()

    @property
    def retry_5xx(self) -> bool:
        """Server errors are retried, unless they persisted through every retry for two links here
        and a retry never helped (a broken host: more tries only cost time)."""
        return self._retry_helped or self._errors_persisted < 2

    def errors_persisted(self) -> None:
        with self._cond:
            self._errors_persisted += 1

    def retry_helped(self) -> None:
        with self._cond:
            self._retry_helped = True

    def head_missed(self) -> None:
        """A HEAD answer that needed a GET after it (error status, refused method)."""
        with self._cond:
            self.head_misses += 1
            if self.head_misses >= 2:
                self.get_only = True

    @property
    def browser_useless(self) -> bool:
        """Browser-like retries failed three times here and never helped: do not try them again."""
        return not self.browser_only and self.browser_misses >= 3

    @property
    def down(self) -> bool:
        return self.failures >= self.failure_limit and not self.answered

    def acquire(self, stop: threading.Event | None = None) -> None:
        with self._cond:
            while True:
                if self.down:
                    raise HostDown()
                if stop is not None and stop.is_set():
                    raise HostDown()
                now = time.monotonic()
                wake = max(self.paused_until, self.next_start)
                if self.active < self.limit and now >= wake:
                    break
                self._cond.wait(timeout=max(0.005, wake - now) if now < wake else 0.5)
            self.active += 1
            self.next_start = now + self.interval

    def release(self) -> None:
        with self._cond:
            self.active -= 1
            self._cond.notify_all()

    def ok(self) -> None:
        with self._cond:
            self.failures = 0
            self.answered = True
            if self.interval or self.limit < self.max_limit:
                self._ok_streak += 1
                if self._ok_streak >= 3:
                    self._ok_streak = 0
                    self.interval = self.interval * 0.7 if self.interval > 0.02 else 0.0
                    self.limit = min(self.max_limit, self.limit + 1)
                    self._cond.notify_all()

    def failed(self) -> None:
        with self._cond:
            self.failures += 1
            self._cond.notify_all()

    def throttle(self, seconds: float) -> None:
        with self._cond:
            self.throttles += 1
            self.answered = True
            self._ok_streak = 0
            now = time.monotonic()
            if now >= self.paused_until:  # answers to requests sent before the pause do not escalate
                self.interval = min(max(self.interval * 2, 0.1), 5.0)
            self.limit = 1
            self.paused_until = max(self.paused_until, now + seconds)
            self._cond.notify_all()


class Scheduler:
    """Per-host gates, the global limit on requests in flight, and the worker pool that runs one
    task per link."""

    def __init__(self, concurrency: int, per_host: int, failure_limit: int, stop: threading.Event) -> None:
        self.concurrency = max(1, concurrency)
        self.per_host = per_host
        self.failure_limit = failure_limit
        self.stop = stop
        self._gates: dict[str, HostGate] = {}
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(self.concurrency)
        self._worker: Callable[[], None] | None = None  # the current run's worker loop
        self._threads: list[threading.Thread] = []
        self._waiting = 0

    def slot(self) -> _Slot:
        """``with scheduler.slot():`` around one request: at most ``concurrency`` at once."""
        return _Slot(self._slots, self.stop)

    @contextmanager
    def waiting(self) -> Iterator[None]:
        """Around a wait that sends nothing (a backoff, a host's pause, a soft-404 probe): another
        worker is started meanwhile, so waiting links do not leave request slots unused."""
        with self._lock:
            self._waiting += 1
            spawn = (self._worker is not None and len(self._threads) - self._waiting < self.concurrency
                     and len(self._threads) < 4 * self.concurrency)
            t = self._new_worker() if spawn else None
        if t is not None:
            t.start()
        try:
            yield
        finally:
            with self._lock:
                self._waiting -= 1

    def gate(self, host: str) -> HostGate:
        g = self._gates.get(host)  # a dict read is atomic: no lock once the gate exists
        if g is None:
            with self._lock:
                g = self._gates.get(host)
                if g is None:
                    g = self._gates[host] = HostGate(self.per_host, self.failure_limit)
        return g

    def _new_worker(self) -> threading.Thread:  # with self._lock held; started by the caller
        assert self._worker is not None
        t = threading.Thread(target=self._worker, name=f"refkit-check-{len(self._threads)}", daemon=True)
        self._threads.append(t)
        return t

    def run(self, tasks: list[tuple[str, Task]]) -> None:
        """Run ``(host, task)`` pairs on ``concurrency`` worker threads (more while some wait);
        returns when all are done. Each worker takes its next task itself, round-robin over hosts,
        skipping hosts that already have as many tasks running as their gate allows."""
        if not tasks:
            return
        queues: OrderedDict[str, list[Task]] = OrderedDict()
        for host, fn in tasks:
            queues.setdefault(host, []).append(fn)
        for q in queues.values():
            q.reverse()  # pop() from the end keeps file order
        cond = threading.Condition()
        inflight: dict[str, int] = dict.fromkeys(queues, 0)
        limits = {host: self.gate(host) for host in queues}

        def take() -> tuple[str, Task] | None:
            with cond:
                while queues and not self.stop.is_set():
                    for host in list(queues):
                        if inflight[host] < limits[host].limit:
                            q = queues.pop(host)
                            fn = q.pop()
                            if q:
                                queues[host] = q  # to the back: round-robin
                            inflight[host] += 1
                            return host, fn
                    cond.wait(timeout=0.25)
                return None

        def worker() -> None:
            while True:
                item = take()
                if item is None:
                    return
                host, fn = item
                try:
                    fn()
                finally:
                    with cond:
                        inflight[host] -= 1
                        cond.notify_all()

        with self._lock:
            self._worker, self._threads, self._waiting = worker, [], 0
            first = [self._new_worker() for _ in range(min(self.concurrency, len(tasks)))]
        for t in first:
            t.start()
        try:
            while True:
                with self._lock:
                    alive = [t for t in self._threads if t.is_alive()]
                if not alive:
                    break
                alive[0].join(timeout=0.5)
        except BaseException:
            self.stop.set()
            with cond:
                cond.notify_all()
            raise
        finally:
            with self._lock:
                self._worker = None


class _Slot:
    def __init__(self, sem: threading.BoundedSemaphore, stop: threading.Event) -> None:
        self._sem = sem
        self._stop = stop

    def __enter__(self) -> None:
        while not self._sem.acquire(timeout=0.25):
            if self._stop.is_set():
                raise HostDown()

    def __exit__(self, *exc: object) -> None:
        self._sem.release()
