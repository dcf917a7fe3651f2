"""A small on-disk cache of successful checks, so a nightly run re-checks only what is stale.

Only successes (alive, moved) are kept: a failure is looked at again on the next run. Each entry's
lifetime is the TTL shortened by up to 20 % (fixed per link), so links checked together do not all
expire on the same night. The file lives in ``$XDG_CACHE_HOME/refkit/`` (``~/.cache/refkit/``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
from pathlib import Path

from refkit.check.verdict import Outcome, Verdict
from refkit.errors import RefkitError
from refkit.io import atomic_write

CACHE_VERSION = 1
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_duration(text: str) -> float:
    """``"3600"``, ``"90s"``, ``"30m"``, ``"12h"``, ``"7d"``, ``"2w"`` -> seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*", str(text).lower())
    if not m:
        raise RefkitError(f"{text!r} is not a duration", hint="use seconds or a number with s, m, h, d or w: 12h, 7d")
    return float(m.group(1)) * _UNITS[m.group(2)]


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "refkit"


class LinkCache:
    """Maps a target (``url:...`` / ``doi:<resolver>|...``) to its last successful outcome."""

    def __init__(self, ttl: float, path: Path | None = None) -> None:
        self.ttl = ttl
        self.path = path or cache_dir() / "links.json"
        self._entries: dict[str, dict[str, object]] = {}
        self._new: dict[str, dict[str, object]] = {}
        self._lock = threading.Lock()
        self.warning: str | None = None
        self._entries = self._read()

    def _read(self) -> dict[str, dict[str, object]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as e:
            self.warning = f"ignoring the link cache {self.path}: {e}"
            return {}
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def _lifetime(self, key: str) -> float:
        jitter = hashlib.sha1(key.encode("utf-8")).digest()[0] / 255.0
        return self.ttl * (1.0 - 0.2 * jitter)

    def get(self, key: str, now: float | None = None) -> Outcome | None:
        e = self._entries.get(key)
        if not isinstance(e, dict) or self.ttl <= 0:
            return None
        now = time.time() if now is None else now
        checked = e.get("checked")
        if not isinstance(checked, (int, float)) or now - checked > self._lifetime(key) or checked > now + 60:
            return None
        try:
            verdict = Verdict(str(e.get("verdict")))
        except ValueError:
            return None
        if verdict not in (Verdict.ALIVE, Verdict.MOVED):
            return None
        status = e.get("status")
        return Outcome(verdict=verdict, reason=str(e.get("reason") or "") + " (cached)",
                       status=status if isinstance(status, int) else None,
                       final_url=str(e["final_url"]) if e.get("final_url") else None,
                       suggestion=str(e["suggestion"]) if e.get("suggestion") else None,
                       attempts=0, cached=True)

    def put(self, key: str, outcome: Outcome, now: float | None = None) -> None:
        if outcome.verdict not in (Verdict.ALIVE, Verdict.MOVED) or outcome.cached:
            return
        with self._lock:
            self._new[key] = {
                "verdict": outcome.verdict.value, "status": outcome.status, "final_url": outcome.final_url,
                "reason": outcome.reason, "suggestion": outcome.suggestion,
                "checked": time.time() if now is None else now,
            }

    def save(self) -> None:
        """Merge new entries into the file (re-read first: another run may have written it), drop
        expired ones, and replace the file atomically. A cache that cannot be written is a warning."""
        if not self._new:
            return
        now = time.time()
        entries = self._read()
        entries.update(self._new)
        keep = max(self.ttl, 86400.0)
        entries = {k: v for k, v in entries.items()
                   if isinstance(v, dict) and isinstance(v.get("checked"), (int, float))
                   and now - float(v["checked"]) <= keep}  # type: ignore[arg-type]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps({"version": CACHE_VERSION, "entries": entries},
                                               separators=(",", ":")))
        except (OSError, RefkitError) as e:
            self.warning = f"could not write the link cache {self.path}: {getattr(e, 'strerror', None) or getattr(e, 'message', e)}"
            return
        self._entries = entries
        self._new = {}
