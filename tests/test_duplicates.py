"""Exact and near-duplicate documents point to one canonical copy and add no observations."""

import hashlib

import polars as pl
from conftest import MIRROR_PAGE, ROOT

from govreports import tables
from govreports.archive import Archive
from govreports.pages import archived_pages
from govreports.parse import parse_page
from govreports.sources import load_sources

SOURCES = {s.id: s for s in load_sources(ROOT / "sources.yaml")}


def page_of(source_id, html, url):
    data = html.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    return tables.Page(SOURCES[source_id], url, sha, parse_page(data, sha, trust=SOURCES[source_id].trust))


def report_html(body):
    return f'<html><head><meta charset="utf-8"></head><body><h1>2013年罗湖区政府工作报告</h1><div id="zoom"><p>{body}</p></div></body></html>'


def test_the_2013_report_posted_twice_is_one_document(mirror_docs):
    page = tables.Page(SOURCES["luohu-invest-mirror"], MIRROR_PAGE.as_uri(), "7" * 64, mirror_docs)
    documents, observations = tables.build([page])
    dup = documents.filter(pl.col("duplicate_of").is_not_null())
    assert dup["doc_id"].to_list() == [mirror_docs[2].doc_id]
    assert dup["duplicate_of"].to_list() == [mirror_docs[1].doc_id]
    assert observations.filter(doc_id=mirror_docs[2].doc_id).height == 0
    assert mirror_docs[1].source_text != mirror_docs[2].source_text  # the page copies differ in whitespace only


def test_near_duplicate_on_another_site_points_to_the_official_copy(mirror_docs):
    body = mirror_docs[1].source_text
    official = page_of("luohu-gov", report_html(body), "https://gov.example/post_1.html")
    mirror = page_of("luohu-invest-mirror", report_html(body.replace("各位代表", "各位代表们", 1) + "(来源:区政府)"),
                     "https://mirror.example/news_1.html")
    documents, observations = tables.build([mirror, official])
    row = documents.filter(url="https://mirror.example/news_1.html").row(0, named=True)
    assert row["duplicate_of"] == official.documents[0].doc_id and row["n_observations"] == 0
    assert set(observations["source_id"]) == {"luohu-gov"}


def test_a_copy_with_a_different_number_is_a_version_not_a_duplicate(mirror_docs):
    body = mirror_docs[1].source_text
    first = page_of("luohu-gov", report_html(body), "https://gov.example/post_1.html")
    revised = page_of("luohu-news", report_html(body.replace("本地生产总值1300亿元", "本地生产总值1359亿元")),
                      "https://news.example/content_1.htm")
    documents, observations = tables.build([first, revised])
    assert documents["duplicate_of"].null_count() == 2
    gdp = observations.filter(indicator="gdp", measure="level", year=2012)["value"].sort().to_list()
    assert gdp == [1300.0, 1359.0]


def test_a_binary_page_in_the_archive_is_reported_and_the_rest_still_parse(tmp_path):
    archive = Archive(tmp_path)
    good = MIRROR_PAGE.read_bytes()
    bad = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16
    from govreports.archive import FetchRecord

    records = []
    for url, data in (("file:///good.html", good), ("file:///bad.png", bad)):
        sha, _ = archive.store(data)
        records.append(FetchRecord(source_id="luohu-invest-mirror", url=url, role="page", outcome="new",
                                   fetched_at="t", sha256=sha))
    archive.log(records)
    pages, failures = archived_pages(archive, [SOURCES["luohu-invest-mirror"]])
    assert [p.url for p in pages] == ["file:///good.html"] and len(pages[0].documents) == 8
    assert [(f.url, f.reason) for f in failures] == [("file:///bad.png", "binary data, not a text or HTML page")]
    assert archive.read(records[1].sha256) == bad and archive.verify() == (2, [])
