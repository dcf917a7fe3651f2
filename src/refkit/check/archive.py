"""Archive lookup: the closest Wayback Machine snapshot of a dead link (``--archive``)."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from requests.cookies import RequestsCookieJar

from refkit.check.client import Failure, HttpClient
from refkit.check.extract import Link


def snapshot_query(api: str, link: Link) -> str:
    """The availability API's URL for ``link`` (near the date it was accessed, when known)."""
    q = {"url": link.url or ""}
    if link.accessed:
        q["timestamp"] = link.accessed.replace("-", "")[:8]
    return api + ("&" if "?" in api else "?") + urlencode(q)


def snapshot_from(data: object) -> str | None:
    """The snapshot URL in an availability API answer, if a usable one is there (https)."""
    closest = (data.get("archived_snapshots") or {}).get("closest") if isinstance(data, dict) else None
    if not isinstance(closest, dict) or not closest.get("available") or not closest.get("url"):
        return None
    if not str(closest.get("status", "200")).startswith(("2", "3")):
        return None
    snap = str(closest["url"])
    if snap.startswith("http://web.archive.org/"):
        snap = "https://" + snap[len("http://"):]
    return snap


def find_snapshot(client: HttpClient, api: str, link: Link) -> str | None:
    """Ask the availability API; None when it knows no snapshot or cannot be asked."""
    try:
        r = client.fetch(client.budget(), snapshot_query(api, link), "GET", False, RequestsCookieJar())
        data = json.loads((r.body or b"").decode("utf-8", "replace")) if r.status == 200 else {}
    except (Failure, ValueError):
        return None
    return snapshot_from(data)
