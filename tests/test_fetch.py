"""Crawling a real HTTP server on loopback: discovery, incremental runs, 304s, versions, faults, politeness."""

import time
import tracemalloc
import zlib

import pytest
from werkzeug import Response

from govreports.archive import Archive
from govreports.crawl import crawl
from govreports.fetch import Client, Policy, session
from govreports.pages import archived_pages
from govreports.sources import Source

FAST = Policy(min_interval_s=0, timeout_s=2, attempts=3, backoff_s=0.01, backoff_cap_s=0.5)
REPORT = "<html><body><h1>报告</h1><div id='zoom'><p>初步统计,本区生产总值完成1488亿元。</p></div></body></html>"


def listing(*hrefs):
    items = "".join(f'<li><a href="{h}">{h}</a></li>' for h in hrefs)
    return f'<html><head><meta charset="utf-8"></head><body><ul>{items}</ul></body></html>'


def source(server, **kw) -> Source:
    return Source(id="t", region="440303", name="罗湖区", trust="official", start_urls=(server.url_for("/xxgk/index.html"),),
                  link_pattern=r"post_\d+\.html$", min_interval_s=0, **kw)


def run(server, archive, refetch=False, policy=FAST, **kw):
    return crawl(source(server, **kw), archive, session(), refetch=refetch, policy=policy)


def by_name(records):
    return {r.url.rsplit("/", 1)[-1]: r for r in records}


def requested(server):
    return [req.path for req, _ in server.log]


@pytest.fixture
def archive(tmp_path):
    return Archive(tmp_path / "raw")


@pytest.fixture(autouse=True)
def unknown_paths_are_404(httpserver):
    """Like a real site: no robots.txt → 404 (the plugin's default is 500, which closes a site to crawlers)."""
    httpserver.no_handler_status_code = 404


def test_discovers_new_pages_then_downloads_nothing_again(httpserver, archive):
    httpserver.expect_request("/xxgk/index.html").respond_with_data(
        listing("/xxgk/post_1.html", "post_2.html", "http://elsewhere.example/xxgk/post_3.html", "/about.html"),
        content_type="text/html")
    httpserver.expect_request("/xxgk/post_1.html").respond_with_data(REPORT, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/xxgk/post_2.html").respond_with_data(REPORT.replace("1488", "1300"), content_type="text/html")
    first = by_name(run(httpserver, archive))
    assert (first["post_1.html"].outcome, first["post_2.html"].outcome) == ("new", "new")
    assert first["index.html"].links_found == 3
    assert first["post_3.html"].outcome == "skipped" and "foreign host" in first["post_3.html"].reason
    assert "about.html" not in first
    sidecar = archive.sidecar(first["post_1.html"].sha256, first["post_1.html"].url)
    assert sidecar["status"] == 200 and sidecar["encoding"] == "utf-8" and sidecar["bytes"] == len(REPORT.encode())
    httpserver.clear_log()

    again = by_name(run(httpserver, archive))
    assert requested(httpserver) == ["/robots.txt", "/xxgk/index.html"]  # only the listing page
    assert again["post_1.html"].outcome == "unchanged" and not any(r.new_bytes for r in again.values())


def test_listing_page_conditional_get_304_still_finds_links(httpserver, archive):
    etag = '"v1"'

    def listing_page(request):
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(listing("post_1.html"), content_type="text/html", headers={"ETag": etag})

    httpserver.expect_request("/xxgk/index.html").respond_with_handler(listing_page)
    httpserver.expect_request("/xxgk/post_1.html").respond_with_data(REPORT, content_type="text/html")
    first = by_name(run(httpserver, archive))
    second = by_name(run(httpserver, archive))
    assert second["index.html"].outcome == "not-modified" and second["index.html"].links_found == 1
    assert second["index.html"].sha256 == first["index.html"].sha256  # the archived copy was read for links
    assert second["post_1.html"].outcome == "unchanged"
    assert not any(r.new_bytes for r in second.values())


def test_last_modified_is_sent_back(httpserver, archive):
    stamp = "Wed, 21 Oct 2026 07:28:00 GMT"
    seen = []

    def listing_page(request):
        seen.append(request.headers.get("If-Modified-Since"))
        if request.headers.get("If-Modified-Since") == stamp:
            return Response(status=304)
        return Response(listing(), content_type="text/html", headers={"Last-Modified": stamp})

    httpserver.expect_request("/xxgk/index.html").respond_with_handler(listing_page)
    run(httpserver, archive)
    (rec,) = [r for r in run(httpserver, archive) if r.role == "listing"]
    assert seen == [None, stamp] and rec.outcome == "not-modified"


def test_changed_page_is_archived_as_a_new_version_beside_the_old(httpserver, archive):
    body = {"text": REPORT}
    httpserver.expect_request("/xxgk/index.html").respond_with_data(listing("post_1.html"), content_type="text/html")
    httpserver.expect_request("/xxgk/post_1.html").respond_with_handler(lambda r: Response(body["text"], content_type="text/html"))
    old = by_name(run(httpserver, archive))["post_1.html"].sha256
    body["text"] = REPORT.replace("1488", "1490")
    assert by_name(run(httpserver, archive))["post_1.html"].outcome == "unchanged"  # not asked to refetch
    new = by_name(run(httpserver, archive, refetch=True))["post_1.html"]
    assert new.outcome == "new" and new.sha256 != old
    assert archive.has(old) and archive.has(new.sha256)
    src = source(httpserver)
    (page,), _ = archived_pages(archive, [src])
    assert page.sha256 == new.sha256 and "1490" in page.documents[0].text


def test_server_errors_are_retried_and_client_errors_are_not(httpserver, archive):
    calls = []

    def flaky(request):
        calls.append(1)
        return Response("busy", status=500) if len(calls) == 1 else Response(REPORT, content_type="text/html")

    httpserver.expect_request("/xxgk/index.html").respond_with_data(listing("post_1.html", "post_2.html", "post_3.html"),
                                                                    content_type="text/html")
    httpserver.expect_request("/xxgk/post_1.html").respond_with_handler(flaky)
    httpserver.expect_request("/xxgk/post_2.html").respond_with_data("gone", status=410)
    httpserver.expect_request("/xxgk/post_3.html").respond_with_data("no", status=404)
    got = by_name(run(httpserver, archive))
    assert got["post_1.html"].outcome == "new" and len(calls) == 2
    assert (got["post_2.html"].outcome, got["post_2.html"].reason) == ("failed", "HTTP 410")
    assert (got["post_3.html"].outcome, got["post_3.html"].reason) == ("failed", "HTTP 404")
    assert requested(httpserver).count("/xxgk/post_2.html") == 1 and requested(httpserver).count("/xxgk/post_3.html") == 1


def test_retry_after_is_honoured_and_a_long_one_gives_up(httpserver, archive):
    calls = []

    def throttled(request):
        calls.append(1)
        return Response("slow down", status=429, headers={"Retry-After": "0"}) if len(calls) == 1 else Response(REPORT, content_type="text/html")

    httpserver.expect_request("/xxgk/index.html").respond_with_data(listing("post_1.html", "post_2.html"), content_type="text/html")
    httpserver.expect_request("/xxgk/post_1.html").respond_with_handler(throttled)
    httpserver.expect_request("/xxgk/post_2.html").respond_with_data("later", status=503, headers={"Retry-After": "3600"})
    got = by_name(run(httpserver, archive))
    assert got["post_1.html"].outcome == "new" and len(calls) == 2
    assert got["post_2.html"].outcome == "failed" and "Retry-After beyond" in got["post_2.html"].reason
    assert requested(httpserver).count("/xxgk/post_2.html") == 1


def test_timeout_is_retried_then_recorded(httpserver, archive):
    def slow(request):
        time.sleep(0.6)
        return Response(REPORT, content_type="text/html")

    httpserver.expect_request("/xxgk/index.html").respond_with_data(listing("post_1.html"), content_type="text/html")
    httpserver.expect_request("/xxgk/post_1.html").respond_with_handler(slow)
    policy = Policy(min_interval_s=0, timeout_s=0.2, attempts=2, backoff_s=0.01)
    rec = by_name(run(httpserver, archive, policy=policy))["post_1.html"]
    assert rec.outcome == "failed" and "Timeout" in rec.reason and "after 2 attempts" in rec.reason


def test_redirects_within_the_host_are_followed_and_to_a_foreign_host_refused(httpserver, archive):
    httpserver.expect_request("/xxgk/index.html").respond_with_data(listing("post_1.html", "post_2.html"), content_type="text/html")
    httpserver.expect_request("/xxgk/post_1.html").respond_with_response(Response(status=301, headers={"Location": "/new/post_1.html"}))
    httpserver.expect_request("/new/post_1.html").respond_with_data(REPORT, content_type="text/html")
    httpserver.expect_request("/xxgk/post_2.html").respond_with_response(
        Response(status=302, headers={"Location": "http://mirror.example/post_2.html"}))
    got = by_name(run(httpserver, archive))
    assert got["post_1.html"].outcome == "new" and got["post_1.html"].final_url.endswith("/new/post_1.html")
    assert got["post_2.html"].outcome == "skipped" and "redirect to foreign host 'mirror.example'" in got["post_2.html"].reason


def test_oversized_body_is_cut_off(httpserver, archive):
    httpserver.expect_request("/xxgk/index.html").respond_with_data(listing("post_1.html"), content_type="text/html")
    httpserver.expect_request("/xxgk/post_1.html").respond_with_data("<p>" + "很" * 200_000 + "</p>", content_type="text/html")
    policy = Policy(min_interval_s=0, attempts=1, max_bytes=100_000)
    rec = by_name(run(httpserver, archive, policy=policy))["post_1.html"]
    assert rec.outcome == "failed" and "cut off" in rec.reason and archive.verify() == (1, [])


def test_gzip_bomb_is_cut_off_without_exhausting_memory(httpserver, archive):
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * (1 << 20)
    bomb = b"".join(packer.compress(zeros) for _ in range(1024)) + packer.flush()  # 1 GiB of zeros
    assert len(bomb) < 2_000_000
    httpserver.expect_request("/xxgk/index.html").respond_with_data(listing("post_1.html"), content_type="text/html")
    httpserver.expect_request("/xxgk/post_1.html").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"})
    tracemalloc.start()
    rec = by_name(run(httpserver, archive, policy=Policy(min_interval_s=0, attempts=1)))["post_1.html"]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert rec.outcome == "failed" and "larger than 20971520 bytes" in rec.reason
    assert peak < 120 * 1024 * 1024


def test_wrong_content_type_is_recorded_and_skipped(httpserver, archive):
    httpserver.expect_request("/xxgk/index.html").respond_with_data(listing("post_1.html"), content_type="text/html")
    httpserver.expect_request("/xxgk/post_1.html").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    rec = by_name(run(httpserver, archive))["post_1.html"]
    assert rec.outcome == "skipped" and "application/pdf" in rec.reason


def test_gbk_page_with_charset_only_in_a_meta_tag(httpserver, archive):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
            "<body><div class='tit'><h1>罗湖实现有质量可持续发展</h1></div><div class='news_cont_d_wrap'>"
            "<p>统计数据显示,2012年,罗湖实现了有质量的可持续发展。本地生产总值1359亿元,同比增长8.6%。</p></div></body></html>")
    httpserver.expect_request("/xxgk/index.html").respond_with_data(listing("post_1.html"), content_type="text/html")
    httpserver.expect_request("/xxgk/post_1.html").respond_with_data(page.encode("gbk"), content_type="text/html")
    rec = by_name(run(httpserver, archive))["post_1.html"]
    assert (rec.charset, rec.encoding) == (None, "gb18030")
    (parsed,), _ = archived_pages(archive, [source(httpserver)])
    assert parsed.documents[0].title == "罗湖实现有质量可持续发展" and "本地生产总值1359亿元" in parsed.documents[0].text


def test_robots_txt_disallow_is_respected(httpserver, archive):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /xxgk/private/\n", content_type="text/plain")
    httpserver.expect_request("/xxgk/index.html").respond_with_data(listing("post_1.html", "private/post_2.html"), content_type="text/html")
    httpserver.expect_request("/xxgk/post_1.html").respond_with_data(REPORT, content_type="text/html")
    got = by_name(run(httpserver, archive))
    assert got["post_1.html"].outcome == "new"
    assert got["post_2.html"].outcome == "skipped" and got["post_2.html"].reason == "disallowed by robots.txt"
    assert "/xxgk/private/post_2.html" not in requested(httpserver)


def test_drift_warning_when_a_listing_stops_yielding_links(httpserver, archive):
    body = {"html": listing("post_1.html")}
    httpserver.expect_request("/xxgk/index.html").respond_with_handler(lambda r: Response(body["html"], content_type="text/html"))
    httpserver.expect_request("/xxgk/post_1.html").respond_with_data(REPORT, content_type="text/html")
    first = by_name(run(httpserver, archive))
    assert first["index.html"].warning is None
    body["html"] = listing("/new-cms/article?id=1")  # the site moved to another CMS
    (rec,) = [r for r in run(httpserver, archive) if r.role == "listing"]
    assert rec.links_found == 0 and rec.warning.startswith("drift:")


def test_next_pages_are_followed_up_to_the_cap(httpserver, archive):
    for i in range(1, 6):
        nxt = f"index_{i + 1}.html"
        httpserver.expect_request(f"/xxgk/index_{i}.html" if i > 1 else "/xxgk/index.html").respond_with_data(
            listing(f"post_{i}.html", nxt), content_type="text/html")
        httpserver.expect_request(f"/xxgk/post_{i}.html").respond_with_data(REPORT + str(i), content_type="text/html")
    got = run(httpserver, archive, next_page_pattern=r"index_\d+\.html$", max_pages=3)
    assert sum(r.role == "listing" for r in got) == 3
    assert sorted(r.url.rsplit("/", 1)[-1] for r in got if r.role == "page") == ["post_1.html", "post_2.html", "post_3.html"]


def test_requests_to_one_host_are_paced(httpserver):
    stamps = []
    httpserver.expect_request("/p").respond_with_handler(lambda r: stamps.append(time.monotonic()) or Response("ok", content_type="text/plain"))
    client = Client(session(), frozenset({httpserver.url_for("/").split("/")[2]}), "t", Policy(min_interval_s=0.15))
    for _ in range(3):
        client.get(httpserver.url_for("/p"), "page")
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    assert len(stamps) == 3 and min(gaps) >= 0.14


def test_connection_refused_is_a_recorded_failure(tmp_path):
    src = Source(id="t", region="440303", name="x", trust="official", start_urls=("http://127.0.0.1:9/index.html",),
                 link_pattern="x", min_interval_s=0)
    records = crawl(src, Archive(tmp_path), session(), policy=FAST)
    assert [r.role for r in records] == ["listing"]
    assert records[0].outcome == "skipped" and records[0].reason == "disallowed by robots.txt"  # robots unreachable
    client = Client(session(), src.hosts, "t", FAST)
    rec, data = client.get("http://127.0.0.1:9/index.html", "listing")
    assert data is None and rec.outcome == "failed" and "ConnectionError" in rec.reason


def test_user_agent_is_descriptive(httpserver):
    httpserver.expect_request("/p").respond_with_data("ok", content_type="text/plain")
    assert session().get(httpserver.url_for("/p")).ok
    ua = httpserver.log[0][0].headers["User-Agent"]
    assert "district-reports-etl" in ua and "robots.txt" in ua
