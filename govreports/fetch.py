"""Discover and download a source's pages with ``requests``: timeouts, retries, own hosts only, a size cap.

Listing pages are fetched on every run; article pages already in the archive are not downloaded
again unless ``refetch`` is asked. ``file://`` URLs are served by a small adapter so the bundled
corpus goes through exactly the same code as a real site.
"""

from __future__ import annotations

import io
import re
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import url2pathname

import requests
from bs4 import BeautifulSoup
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3.util.retry import Retry

from govreports.archive import Archive, FetchRecord
from govreports.decode import NotText, charset_from_content_type, decode
from govreports.sources import Source

USER_AGENT = "district-reports-etl/0.1 (+archival crawler for public government work reports; polite, 1 req/s per host)"
TIMEOUT = (10, 30)  # connect, read seconds
MAX_BYTES = 20 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


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
            resp.status_code = 200
            resp.raw = io.BytesIO(data)
            resp.headers["Content-Length"] = str(len(data))
        except FileNotFoundError:
            resp.status_code, resp.raw = 404, io.BytesIO(b"")
        except OSError as exc:
            resp.status_code, resp.raw, resp.reason = 403, io.BytesIO(b""), str(exc)
        return resp

    def close(self):
        pass


def session() -> requests.Session:
    s = requests.Session()
    s.headers["User-Agent"] = USER_AGENT
    retry = Retry(
        total=4, connect=3, read=3, status=3, backoff_factor=0.5, backoff_jitter=0.3,
        status_forcelist=(429, 500, 502, 503, 504), allowed_methods=frozenset({"GET", "HEAD"}),
        respect_retry_after_header=True, raise_on_status=False,
    )
    adapter = HTTPAdapter(max_retries=retry, pool_maxsize=4)
    s.mount("http://", adapter)
    s.mount("https://", adapter)
    s.mount("file://", FileAdapter())
    return s


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Fetcher:
    """One source's fetching: host allow-list, per-host pacing, capped bodies, recorded outcomes."""

    def __init__(self, source: Source, http: requests.Session, min_interval_s: float | None = None):
        self.source = source
        self.http = http
        self.min_interval = source.min_interval_s if min_interval_s is None else min_interval_s
        self._last: dict[str, float] = {}

    def _pace(self, host: str) -> None:
        if not host:
            return
        wait = self._last.get(host, 0.0) + self.min_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[host] = time.monotonic()

    def get(self, url: str, role: str) -> tuple[FetchRecord, bytes | None]:
        """Download ``url``; a failure is returned as a record with its reason, never raised."""
        base = dict(source_id=self.source.id, url=url, role=role, fetched_at=now())
        host = urlsplit(url).netloc.lower()
        if host not in self.source.hosts:
            return FetchRecord(outcome="skipped", reason=f"host {host!r} is not one of the source's hosts", **base), None
        self._pace(host)
        try:
            resp = self.http.get(url, timeout=TIMEOUT, stream=True, allow_redirects=False)
            hops = 0
            while resp.is_redirect and hops < 5:
                target = urljoin(resp.url, resp.headers.get("Location", ""))
                resp.close()
                if urlsplit(target).netloc.lower() not in self.source.hosts:
                    return FetchRecord(outcome="skipped", status=resp.status_code, final_url=target,
                                       reason=f"redirect to foreign host {urlsplit(target).netloc!r} not followed", **base), None
                self._pace(host)
                resp = self.http.get(target, timeout=TIMEOUT, stream=True, allow_redirects=False)
                hops += 1
            with resp:
                headers = {k: v for k, v in resp.headers.items() if k.lower() in (
                    "content-type", "content-length", "last-modified", "etag", "date", "server", "content-encoding")}
                ctype = resp.headers.get("Content-Type")
                meta = dict(final_url=resp.url, status=resp.status_code, content_type=ctype,
                            charset=charset_from_content_type(ctype), headers=headers)
                if resp.status_code != 200:
                    return FetchRecord(outcome="failed", reason=f"HTTP {resp.status_code}", **meta, **base), None
                if ctype and not ctype.split(";")[0].strip().lower().startswith(HTML_TYPES):
                    return FetchRecord(outcome="skipped", reason=f"content type {ctype!r} is not a page", **meta, **base), None
                chunks, size = [], 0
                for chunk in resp.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > MAX_BYTES:
                        return FetchRecord(outcome="failed", reason=f"body larger than {MAX_BYTES} bytes", **meta, **base), None
                    chunks.append(chunk)
        except requests.RequestException as exc:
            return FetchRecord(outcome="failed", reason=f"{type(exc).__name__}: {str(exc)[:200]}", **base), None
        data = b"".join(chunks)
        return FetchRecord(outcome="fetched", bytes=len(data), **meta, **base), data

    def links(self, data: bytes, page_url: str, charset: str | None) -> tuple[list[str], list[str]]:
        """(article links matching link_pattern, next listing pages) on one listing page."""
        try:
            html = decode(data, charset).text
        except NotText:
            return [], []
        soup = BeautifulSoup(html, "lxml")
        articles, nexts = [], []
        link_re = re.compile(self.source.link_pattern)
        next_re = re.compile(self.source.next_page_pattern) if self.source.next_page_pattern else None
        for a in soup.find_all("a", href=True):
            href = a["href"].strip()
            if href.startswith(("javascript:", "mailto:", "#")):
                continue
            url = urldefrag(urljoin(page_url, href)).url
            if link_re.search(url) and url not in articles:
                articles.append(url)
            elif next_re and next_re.search(url) and url not in nexts:
                nexts.append(url)
        return articles, nexts


def crawl(source: Source, archive: Archive, http: requests.Session, refetch: bool = False,
          min_interval_s: float | None = None) -> list[FetchRecord]:
    """Fetch a source's listing pages and its new article pages into the archive; log every attempt."""
    fetcher = Fetcher(source, http, min_interval_s)
    known = archive.latest()
    records: list[FetchRecord] = []
    queue, seen_listing, articles = list(source.start_urls), set(), []
    while queue and len(seen_listing) < source.max_pages:
        url = queue.pop(0)
        if url in seen_listing:
            continue
        seen_listing.add(url)
        rec, data = fetcher.get(url, "listing")
        if data is None:
            records.append(rec)
            continue
        digest, new = archive.store(data)
        rec = _stored(rec, digest, new, new, data)
        archive.write_sidecar(rec)
        records.append(rec)
        found, nexts = fetcher.links(data, rec.final_url or url, rec.charset)
        articles += [u for u in found if u not in articles]
        queue += [u for u in nexts if u not in seen_listing]
    for url in articles:
        if (source.id, url) in known and not refetch:
            prev = known[(source.id, url)]
            records.append(FetchRecord(source_id=source.id, url=url, role="page", outcome="unchanged", fetched_at=now(),
                                       sha256=prev["sha256"], bytes=prev.get("bytes"), charset=prev.get("charset"),
                                       reason="already archived (not downloaded again)"))
            continue
        rec, data = fetcher.get(url, "page")
        if data is None:
            records.append(rec)
            continue
        digest, new = archive.store(data)
        prev = known.get((source.id, url))
        rec = _stored(rec, digest, prev is None or prev["sha256"] != digest, new, data)
        archive.write_sidecar(rec)
        records.append(rec)
    archive.log(records)
    return records


def _stored(rec: FetchRecord, digest: str, new: bool, stored: bool, data: bytes) -> FetchRecord:
    try:
        encoding = decode(data, rec.charset).encoding
    except NotText:
        encoding = None
    fields = {**rec.__dict__, "sha256": digest, "outcome": "new" if new else "unchanged", "new_bytes": stored,
              "encoding": encoding}
    return FetchRecord(**fields)
