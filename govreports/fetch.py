"""One polite HTTP GET with ``requests``: own hosts only, paced per host, retried with backoff, capped.

Retries (timeouts, connection resets, 429 and 5xx) back off exponentially with jitter and honour
``Retry-After`` up to a cap; 404/410 and other client errors are recorded, never retried. Bodies are
streamed and cut off past ``max_bytes`` of *decompressed* data, so a gzip bomb costs at most one
decompressed chunk of memory. ``file://`` URLs are served by a small adapter so the bundled corpus
goes through exactly the same code as a real site.
"""

from __future__ import annotations

import io
import random
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import requests
from requests.adapters import BaseAdapter, HTTPAdapter

from govreports.archive import FetchRecord
from govreports.decode import charset_from_content_type

USER_AGENT = ("district-reports-etl/0.2 (archival crawler of public government work reports; "
              "at most 1 request/s per host; honours robots.txt)")
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
KEPT_HEADERS = ("content-type", "content-length", "content-encoding", "last-modified", "etag", "date", "server",
                "cache-control", "retry-after")
RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Policy:
    """How hard to try and how politely. Defaults suit small government servers."""

    min_interval_s: float = 1.0  # between two requests to one host
    timeout_s: float = 30.0  # read timeout (connect: 10 s at most)
    attempts: int = 4
    backoff_s: float = 1.0  # first retry waits about this long, then doubles
    backoff_cap_s: float = 60.0  # no single wait longer than this; a longer Retry-After gives up
    max_bytes: int = 20 * 1024 * 1024  # decompressed body cap


class FileAdapter(BaseAdapter):
    """Serve ``file://`` URLs (read-only), so a local static site behaves like a web server."""

    def send(self, request, **kwargs):
        resp = requests.Response()
        resp.url = request.url
        resp.request = request
        path = Path(url2pathname(urlsplit(request.url).path))
        if path.is_dir():
            path = path / "index.html"
        try:
            data = path.read_bytes()
            resp.status_code, resp.raw = 200, io.BytesIO(data)
            resp.headers["Content-Length"] = str(len(data))
        except FileNotFoundError:
            resp.status_code, resp.raw = 404, io.BytesIO(b"")
        except OSError as exc:
            resp.status_code, resp.raw, resp.reason = 403, io.BytesIO(b""), str(exc)
        return resp

    def close(self):
        pass


def session(pool: int = 8) -> requests.Session:
    s = requests.Session()
    s.headers["User-Agent"] = USER_AGENT
    adapter = HTTPAdapter(max_retries=0, pool_connections=pool, pool_maxsize=pool)
    s.mount("http://", adapter)
    s.mount("https://", adapter)
    s.mount("file://", FileAdapter())
    return s


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class HostPacer:
    """At most one request at a time per host, and ``min_interval`` seconds between their starts."""

    def __init__(self):
        self._locks: dict[str, threading.Lock] = {}
        self._next: dict[str, float] = {}
        self._guard = threading.Lock()

    def lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def wait(self, host: str, min_interval: float) -> None:
        """Call with ``lock(host)`` held."""
        delay = self._next.get(host, 0.0) - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self._next[host] = time.monotonic() + min_interval


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds())
        except (TypeError, ValueError):
            return None


class Client:
    """GETs for one source: its hosts only, paced, retried, capped; failures come back as records."""

    def __init__(self, http: requests.Session, hosts: frozenset[str], source_id: str, policy: Policy,
                 pacer: HostPacer | None = None):
        self.http, self.hosts, self.source_id, self.policy = http, hosts, source_id, policy
        self.pacer = pacer or HostPacer()

    def get(self, url: str, role: str, conditional: dict | None = None) -> tuple[FetchRecord, bytes | None]:
        """Download ``url``. ``conditional`` may carry ``etag``/``last_modified`` of the archived version."""
        base = dict(source_id=self.source_id, url=url, role=role, fetched_at=now())
        headers = {}
        if conditional and conditional.get("etag"):
            headers["If-None-Match"] = conditional["etag"]
        if conditional and conditional.get("last_modified"):
            headers["If-Modified-Since"] = conditional["last_modified"]
        target, hops = url, 0
        while True:
            host = urlsplit(target).netloc.lower()
            if host not in self.hosts:
                why = "redirect to" if hops else "link to"
                return FetchRecord(outcome="skipped", final_url=target, reason=f"{why} foreign host {host!r} not followed", **base), None
            rec, data, location = self._attempts(target, role, headers, base)
            if location is None:
                return rec, data
            hops += 1
            if hops > 5:
                return FetchRecord(outcome="failed", final_url=target, reason="more than 5 redirects", **base), None
            target = urljoin(target, location)

    def _attempts(self, url: str, role: str, headers: dict, base: dict):
        policy, host = self.policy, urlsplit(url).netloc.lower()
        last_reason = ""
        for attempt in range(policy.attempts):
            with self.pacer.lock(host):
                if host:
                    self.pacer.wait(host, policy.min_interval_s)
                try:
                    resp = self.http.get(url, headers=headers, timeout=(min(10.0, policy.timeout_s), policy.timeout_s),
                                         stream=True, allow_redirects=False)
                except requests.RequestException as exc:
                    resp, last_reason = None, f"{type(exc).__name__}: {str(exc)[:160]}"
            if resp is None:
                wait = self._backoff(attempt, None)
            else:
                with resp:
                    outcome = self._response(resp, url, base)
                if outcome is not None:
                    return outcome
                last_reason = f"HTTP {resp.status_code}" if resp.status_code in RETRY_STATUS else "connection lost mid-body"
                wait = self._backoff(attempt, _retry_after(resp.headers.get("Retry-After")))
                if wait is None:
                    return FetchRecord(outcome="failed", status=resp.status_code, final_url=url,
                                       reason=f"HTTP {resp.status_code}; Retry-After beyond {policy.backoff_cap_s:.0f} s", **base), None, None
            if attempt + 1 < policy.attempts:
                time.sleep(wait)
        return FetchRecord(outcome="failed", final_url=url,
                           reason=f"{last_reason} (after {policy.attempts} attempts)", **base), None, None

    def _backoff(self, attempt: int, retry_after: float | None) -> float | None:
        wait = self.policy.backoff_s * (2 ** attempt) * (1 + random.random() * 0.5)
        if retry_after is not None:
            if retry_after > self.policy.backoff_cap_s:
                return None
            wait = max(wait, retry_after)
        return min(wait, self.policy.backoff_cap_s)

    def _response(self, resp: requests.Response, url: str, base: dict):
        """(record, data, redirect location) for a final answer, or None to retry."""
        kept = {k: v for k, v in resp.headers.items() if k.lower() in KEPT_HEADERS}
        ctype = resp.headers.get("Content-Type")
        meta = dict(final_url=url, status=resp.status_code, content_type=ctype,
                    charset=charset_from_content_type(ctype), headers=kept)
        if resp.is_redirect:
            return FetchRecord(outcome="redirect", **meta, **base), None, resp.headers.get("Location", "")
        if resp.status_code == 304:
            return FetchRecord(outcome="not-modified", **meta, **base), None, None
        if resp.status_code in RETRY_STATUS:
            return None
        if resp.status_code != 200:
            return FetchRecord(outcome="failed", reason=f"HTTP {resp.status_code}", **meta, **base), None, None
        if ctype and not ctype.split(";")[0].strip().lower().startswith(PAGE_TYPES):
            return FetchRecord(outcome="skipped", reason=f"content type {ctype.split(';')[0]!r} is not a page", **meta, **base), None, None
        chunks, size = [], 0
        try:
            for chunk in resp.iter_content(64 * 1024):
                size += len(chunk)
                if size > self.policy.max_bytes:
                    return FetchRecord(outcome="failed", reason=f"body larger than {self.policy.max_bytes} bytes "
                                       "(decompressed); cut off", **meta, **base), None, None
                chunks.append(chunk)
        except requests.RequestException as exc:
            return None if isinstance(exc, (requests.ConnectionError, requests.Timeout)) else (
                FetchRecord(outcome="failed", reason=f"{type(exc).__name__}: {str(exc)[:160]}", **meta, **base), None, None)
        data = b"".join(chunks)
        return FetchRecord(outcome="fetched", bytes=len(data), **meta, **base), data, None
