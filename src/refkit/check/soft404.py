"""Soft-404 profiles: what a host (and site section) answers for a path that cannot exist.

A profile is probed once per ``pages.profile_key`` and side by side with the first real request to
that section, so the probe never holds a link up: by the time the link's answer is in, the probe's
usually is too. Links on a section known to answer 200 for anything go straight to GET, reading only
as much of the body as the comparison with the probe's answer needs.
"""

from __future__ import annotations

import secrets
import threading
from urllib.parse import quote

from requests.cookies import RequestsCookieJar

from refkit.check import pages
from refkit.check.client import Budget, Failure, HttpClient
from refkit.check.rules import Walk


class _Slot:
    def __init__(self) -> None:
        self.event = threading.Event()
        self.value: pages.HostProfile | None = None


def body_limit(profile: pages.HostProfile, max_body: int) -> int:
    """Bytes of a page enough to tell it from the probe's answer: a page much longer than that
    answer cannot be nearly the same text, so twice its length (and some slack) is plenty."""
    return min(max_body, 2 * len(profile.body) + 4096)


class Profiles:
    def __init__(self, client: HttpClient, max_probes: int) -> None:
        self.client = client
        self.probe_requests = 0
        self._slots: dict[tuple[str, str], _Slot] = {}
        self._lock = threading.Lock()
        self._probes = threading.BoundedSemaphore(max(1, max_probes))

    def start(self, url: str, browser: bool) -> _Slot:
        """The slot of ``url``'s profile; its probe is started in the background if nobody has."""
        key = pages.profile_key(url)
        with self._lock:
            slot = self._slots.get(key)
            if slot is not None:
                return slot
            slot = self._slots[key] = _Slot()
        threading.Thread(target=self._fill, args=(slot, key, browser), name="refkit-check-probe",
                         daemon=True).start()
        return slot

    def known(self, url: str) -> pages.HostProfile | None:
        """``url``'s profile if its probe has finished, else None (without starting one)."""
        with self._lock:
            slot = self._slots.get(pages.profile_key(url))
        return slot.value if slot is not None and slot.event.is_set() else None

    def get(self, url: str, browser: bool) -> pages.HostProfile:
        """``url``'s profile, waiting for its probe (which is bounded by a link's budget)."""
        slot = self.start(url, browser)
        if not slot.event.is_set():
            with self.client.scheduler.waiting():
                while not slot.event.wait(0.25):
                    if self.client.stop.is_set():
                        return pages.HostProfile()
        return slot.value or pages.HostProfile()

    def _fill(self, slot: _Slot, key: tuple[str, str], browser: bool) -> None:
        try:
            with self._probes:
                slot.value = self._probe(key, browser)
        except Exception:  # a failed probe means "no evidence of soft 404s", never a failed run
            slot.value = pages.HostProfile()
        finally:
            slot.event.set()

    def _probe(self, key: tuple[str, str], browser: bool) -> pages.HostProfile:
        origin, seg = key
        probe = f"{origin}/{quote(seg) + '/' if seg else ''}refkit-{secrets.token_hex(6)}"
        budget = self.client.budget()
        w = self.client.walk(budget, probe, "GET", browser)
        with self._lock:
            self.probe_requests += budget.attempts
        if not w.ok:
            return pages.HostProfile(soft=False, status=w.status)
        body = w.body or b""
        return pages.HostProfile(soft=True, status=w.status, redirected=w.hops > 0, probe_url=probe,
                                 final_url=w.final_url, body=body, not_found_words=pages.says_not_found(body))

    def check(self, budget: Budget, url: str, w: Walk, browser: bool) -> tuple[str, str] | None:
        """(verdict value, reason) when the page ``w`` ended on is the host's answer for nonexistent
        paths, else None. Fetches the body when the walk got none and the comparison needs it."""
        prof = self.get(w.final_url, browser)
        if not prof.soft:
            return None
        body = w.body if w.method == "GET" else None
        if body is None and not prof.redirected:
            try:
                r = self.client.fetch(budget, w.final_url, "GET", browser, RequestsCookieJar(),
                                      body_limit(prof, self.client.opts.max_body))
            except Failure:
                return None
            if not 200 <= r.status < 300:
                return None
            body = r.body
        return pages.compare(prof, url, w.final_url, w.hops > 0, body)
