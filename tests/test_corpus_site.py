"""The bundled site keeps every seed's text exactly and is what corpus/build_site.py produces."""

import importlib.util

import pytest
from bs4 import BeautifulSoup
from conftest import MIRROR_PAGE, NEWS_PAGE, NOTICE_PAGE, ROOT, SITE

from govreports.decode import decode

spec = importlib.util.spec_from_file_location("build_site", ROOT / "corpus" / "build_site.py")
build_site = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_site)

SEEDS = {
    NEWS_PAGE: build_site.NEWS_SEED,
    MIRROR_PAGE: build_site.MIRROR_SEED,
    NOTICE_PAGE: build_site.NOTICE_SEED,
}


def test_committed_site_is_what_the_builder_makes():
    built = build_site.pages()
    on_disk = {str(p.relative_to(SITE)): p.read_bytes() for p in SITE.rglob("*") if p.is_file()}
    assert on_disk == built


@pytest.mark.parametrize("page", list(SEEDS), ids=lambda p: p.name)
def test_every_seed_line_is_a_text_node_of_its_page_in_order(page):
    html = decode(build_site.pages()[str(page.relative_to(SITE))]).text
    soup = BeautifulSoup(html, "lxml")
    nodes = [s for s in soup.find_all(string=True)]
    lines = [line for line in build_site.seed_lines(SEEDS[page])]
    pos = 0
    for line in lines:
        while pos < len(nodes) and str(nodes[pos]) != line:
            pos += 1
        assert pos < len(nodes), f"seed line missing or out of order: {line[:40]!r}"
        pos += 1


def test_seeds_are_the_shared_originals_byte_for_byte():
    sums = {
        "news-2013-08-29-quality-development.txt": "c56edc750a99889ed95763064b647d2f7a43c3c8e4ef4f35bb01b902d8d6a9e7",
        "mirror-aggregator-work-reports.txt": "5db36c8a2bedfd4e6005932344a607ebab60858b2aa66dea97399e56a93db607",
        "gov-2012-03-05-plan-notice-traditional.txt": "d79d507c593b03270c8fddc95077062357ba384eaf5ef51ead56ab25ee5e7ff6",
    }
    import hashlib

    for name, digest in sums.items():
        assert hashlib.sha256((ROOT / "corpus" / "seeds" / name).read_bytes()).hexdigest() == digest


def test_news_page_is_gbk_with_its_charset_only_in_a_meta_tag():
    data = NEWS_PAGE.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"charset=gb2312" in data and b"<meta charset" not in data
    assert "罗湖实现有质量可持续发展" in data.decode("gb18030")
