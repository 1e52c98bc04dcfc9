"""Crawling a real HTTP server on loopback: discovery, own hosts only, retries, incremental re-runs."""

import requests
from werkzeug import Response

from govreports.archive import Archive
from govreports.fetch import crawl, session
from govreports.sources import Source

LISTING = """<html><head><meta charset="utf-8"></head><body><ul>
<li><a href="/xxgk/post_1.html">2014年政府工作报告</a></li>
<li><a href="post_2.html">2013年政府工作报告</a></li>
<li><a href="http://elsewhere.example/xxgk/post_3.html">镜像</a></li>
<li><a href="/about.html">关于</a></li></ul></body></html>"""


def source(server) -> Source:
    return Source(id="t", region="440303", name="罗湖区", trust="official",
                  start_urls=(server.url_for("/xxgk/index.html"),), link_pattern=r"post_\d+\.html$", min_interval_s=0)


def test_discovers_own_pages_retries_5xx_and_skips_known_pages(httpserver, tmp_path):
    httpserver.expect_request("/xxgk/index.html").respond_with_data(LISTING, content_type="text/html")
    calls = []

    def busy_then_ok(request):
        calls.append(request.path)
        if len(calls) == 1:
            return Response("busy", status=503)
        return Response("<html><body><h1>报告</h1><div id='zoom'><p>本区生产总值完成1488亿元。</p></div></body></html>",
                        content_type="text/html; charset=utf-8")

    httpserver.expect_request("/xxgk/post_1.html").respond_with_handler(busy_then_ok)
    httpserver.expect_request("/xxgk/post_2.html").respond_with_data("gone", status=404)
    archive = Archive(tmp_path)
    records = crawl(source(httpserver), archive, session())
    by_url = {r.url.rsplit("/", 1)[-1]: r for r in records}
    assert by_url["index.html"].outcome == "new" and by_url["index.html"].role == "listing"
    assert by_url["post_1.html"].outcome == "new" and by_url["post_1.html"].charset == "utf-8"
    assert archive.read(by_url["post_1.html"].sha256).startswith(b"<html>") and len(calls) == 2
    assert (by_url["post_2.html"].outcome, by_url["post_2.html"].reason) == ("failed", "HTTP 404")
    assert by_url["post_3.html"].outcome == "skipped" and "not one of the source's hosts" in by_url["post_3.html"].reason
    assert "about.html" not in by_url  # not an article link
    assert {r.path for r, _ in httpserver.log} == {"/xxgk/index.html", "/xxgk/post_1.html", "/xxgk/post_2.html"}
    assert archive.sidecar(by_url["post_1.html"].sha256, by_url["post_1.html"].url)["status"] == 200

    again = crawl(source(httpserver), archive, session())
    post_1 = next(r for r in again if r.url.endswith("post_1.html"))
    assert post_1.outcome == "unchanged" and not post_1.new_bytes
    assert [r.url for r in again if r.new_bytes] == []


def test_redirect_to_a_foreign_host_is_recorded_not_followed(httpserver, tmp_path):
    httpserver.expect_request("/xxgk/index.html").respond_with_response(
        Response(status=302, headers={"Location": "http://elsewhere.example/index.html"}))
    (rec,) = crawl(source(httpserver), Archive(tmp_path), session())
    assert rec.outcome == "skipped" and "foreign host" in rec.reason


def test_connection_refused_is_a_recorded_failure(tmp_path):
    src = Source(id="t", region="440303", name="x", trust="official", start_urls=("http://127.0.0.1:9/index.html",),
                 link_pattern="x", min_interval_s=0)
    http = session()
    http.mount("http://", requests.adapters.HTTPAdapter(max_retries=0))
    (rec,) = crawl(src, Archive(tmp_path), http)
    assert rec.outcome == "failed" and "ConnectionError" in rec.reason
