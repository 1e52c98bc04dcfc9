"""Crawl a source into the archive: listing pages (conditional GETs), new article pages, fetch log.

Listing pages are asked for on every run with ``If-None-Match``/``If-Modified-Since`` when the
server gave validators; a 304 reuses the archived copy to find links. Article pages already archived
are not downloaded again unless ``refetch``; a page whose bytes changed is archived as a new version
beside the old one. A listing page that used to yield links and now yields none raises a drift
warning. Sources are crawled concurrently (bounded), each host paced and serialised.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from urllib.parse import urldefrag, urljoin, urlsplit

import requests
from bs4 import BeautifulSoup

from govreports.archive import Archive, FetchRecord
from govreports.decode import NotText, decode
from govreports.fetch import Client, HostPacer, Policy, now
from govreports.robots import Robots
from govreports.sources import Source


def links(data: bytes, page_url: str, charset: str | None, source: Source) -> tuple[list[str], list[str]]:
    """(article links matching link_pattern, further listing pages) on one listing page, absolute."""
    try:
        html = decode(data, charset).text
    except NotText:
        return [], []
    articles, nexts = [], []
    link_re = re.compile(source.link_pattern)
    next_re = re.compile(source.next_page_pattern) if source.next_page_pattern else None
    for a in BeautifulSoup(html, "lxml").find_all("a", href=True):
        href = a["href"].strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        url = urldefrag(urljoin(page_url, href)).url
        if link_re.search(url):
            if url not in articles:
                articles.append(url)
        elif next_re and next_re.search(url) and url not in nexts:
            nexts.append(url)
    return articles, nexts


def _stored(archive: Archive, rec: FetchRecord, data: bytes, previous: dict | None) -> FetchRecord:
    digest, new_bytes = archive.store(data)
    try:
        encoding = decode(data, rec.charset).encoding
    except NotText:
        encoding = None
    changed = previous is None or previous.get("sha256") != digest
    rec = replace(rec, sha256=digest, outcome="new" if changed else "unchanged", new_bytes=new_bytes, encoding=encoding)
    archive.write_sidecar(rec)
    return rec


def crawl(source: Source, archive: Archive, http: requests.Session, refetch: bool = False,
          policy: Policy | None = None, pacer: HostPacer | None = None,
          history: list[dict] | None = None) -> list[FetchRecord]:
    """Fetch a source's listing pages and its new article pages; return (and log) every attempt."""
    policy = policy or Policy(min_interval_s=source.min_interval_s, timeout_s=source.timeout_s)
    client = Client(http, source.hosts, source.id, policy, pacer)
    robots = Robots(client)
    history = archive.history() if history is None else history
    pages = {(r["source_id"], r["url"]): r for r in history
             if r.get("role") == "page" and r.get("sha256") and r.get("outcome") in ("new", "unchanged")}
    listings = {r["url"]: r for r in history if r.get("source_id") == source.id and r.get("role") == "listing"
                and r.get("sha256") and r.get("outcome") in ("new", "unchanged", "not-modified")}
    yielded = {r["url"] for r in history if r.get("source_id") == source.id and r.get("role") == "listing"
               and (r.get("links_found") or 0) > 0}
    records: list[FetchRecord] = []
    queue, seen, articles = list(source.start_urls), set(), []
    while queue and len(seen) < source.max_pages:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        if _own(source, url) and not robots.allowed(url):
            records.append(FetchRecord(source_id=source.id, url=url, role="listing", outcome="skipped",
                                       fetched_at=now(), reason="disallowed by robots.txt"))
            continue
        before = listings.get(url)
        validators = _validators(before)
        rec, data = client.get(url, "listing", validators)
        if rec.outcome == "not-modified" and before:
            rec = replace(rec, sha256=before["sha256"], charset=before.get("charset"), encoding=before.get("encoding"))
            data = archive.read(before["sha256"])
        elif data is not None:
            rec = _stored(archive, rec, data, before)
        if data is None:
            records.append(rec)
            continue
        found, nexts = links(data, rec.final_url or url, rec.charset, source)
        rec = replace(rec, links_found=len(found))
        if not found and url in yielded:
            rec = replace(rec, warning=f"drift: {url} used to list article links matching {source.link_pattern!r}; now none")
        records.append(rec)
        articles += [u for u in found if u not in articles]
        queue += [u for u in nexts if u not in seen]
    for url in articles:
        previous = pages.get((source.id, url))
        if previous and not refetch:
            records.append(FetchRecord(source_id=source.id, url=url, role="page", outcome="unchanged", fetched_at=now(),
                                       sha256=previous["sha256"], bytes=previous.get("bytes"), charset=previous.get("charset"),
                                       encoding=previous.get("encoding"), reason="already archived (not downloaded again)"))
            continue
        if _own(source, url) and not robots.allowed(url):  # foreign hosts are refused by the client
            records.append(FetchRecord(source_id=source.id, url=url, role="page", outcome="skipped", fetched_at=now(),
                                       reason="disallowed by robots.txt"))
            continue
        rec, data = client.get(url, "page")
        records.append(rec if data is None else _stored(archive, rec, data, previous))
    archive.log(records)
    return records


def _own(source: Source, url: str) -> bool:
    return urlsplit(url).netloc.lower() in source.hosts


def _validators(record: dict | None) -> dict | None:
    if not record or not record.get("headers"):
        return None
    headers = {k.lower(): v for k, v in record["headers"].items()}
    found = {"etag": headers.get("etag"), "last_modified": headers.get("last-modified")}
    return found if any(found.values()) else None


def crawl_all(sources: list[Source], archive: Archive, http: requests.Session, refetch: bool = False,
              concurrency: int = 4, min_interval_s: float | None = None) -> list[FetchRecord]:
    """Crawl several sources, at most ``concurrency`` at a time, sharing one per-host pacer."""
    pacer, history = HostPacer(), archive.history()

    def one(source: Source) -> list[FetchRecord]:
        interval = source.min_interval_s if min_interval_s is None else min_interval_s
        return crawl(source, archive, http, refetch, Policy(min_interval_s=interval, timeout_s=source.timeout_s), pacer, history)

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        return [r for batch in pool.map(one, sources) for r in batch]
