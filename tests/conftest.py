"""Shared fixtures: the bundled corpus, parsed seed pages, and one Prefect harness for flow tests."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows import settings  # noqa: E402

settings.apply()

from govreports.parse import parse_page  # noqa: E402

SITE = ROOT / "corpus" / "site"
NEWS_PAGE = SITE / "lhnews/lhxw/2013-08/29/content_8442317.htm"
MIRROR_PAGE = SITE / "invest-luohu/zhaoshang/news_97.html"
NOTICE_PAGE = SITE / "www.szlh.gov.cn/xxgk/zcfg/content/post_2318743.html"


def parsed(path: Path, trust: str = "official"):
    data = path.read_bytes()
    return parse_page(data, hashlib.sha256(data).hexdigest(), trust=trust)


@pytest.fixture(scope="session")
def news_docs():
    return parsed(NEWS_PAGE, "news")


@pytest.fixture(scope="session")
def mirror_docs():
    return parsed(MIRROR_PAGE, "mirror")


@pytest.fixture(scope="session")
def notice_docs():
    return parsed(NOTICE_PAGE, "official")


@pytest.fixture(scope="session")
def corpus_tables():
    """(documents, observations) of the three seed pages, built as the pipeline builds them."""
    from govreports import tables
    from govreports.sources import load_sources

    by_id = {s.id: s for s in load_sources(ROOT / "sources.yaml")}
    pages = []
    for sid, path in (("luohu-gov", NOTICE_PAGE), ("luohu-news", NEWS_PAGE), ("luohu-invest-mirror", MIRROR_PAGE)):
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        pages.append(tables.Page(by_id[sid], path.as_uri(), sha, parsed(path, by_id[sid].trust)))
    return tables.build(pages)


@pytest.fixture(scope="session")
def prefect_api():
    """One temporary Prefect API for the whole session; only flow tests ask for it."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def write_sources(path: Path, site: Path = SITE) -> Path:
    """A sources.yaml for the bundled corpus at ``site`` (absolute file URLs)."""
    path.write_text(
        f"""sources:
  - id: luohu-gov
    region: "440303"
    name: 罗湖区
    trust: official
    start_urls: ["{(site / 'www.szlh.gov.cn/xxgk/zcfg/index.html').as_uri()}"]
    link_pattern: 'post_\\d+\\.html$'
  - id: luohu-news
    region: "440303"
    name: 罗湖区
    trust: news
    start_urls: ["{(site / 'lhnews/lhxw/index.htm').as_uri()}"]
    link_pattern: 'content_\\d+\\.htm$'
  - id: luohu-invest-mirror
    region: "440303"
    name: 罗湖区
    trust: mirror
    start_urls: ["{(site / 'invest-luohu/zhaoshang/index.html').as_uri()}"]
    link_pattern: 'news_\\d+\\.html$'
""",
        encoding="utf-8",
    )
    return path
