"""sources.yaml loads with relative file URLs resolved, and bad entries fail with one clear line."""

import pytest
from conftest import ROOT

from govreports.sources import SourceError, load_sources


def test_default_sources_point_at_the_bundled_corpus():
    sources = load_sources(ROOT / "sources.yaml")
    assert [s.id for s in sources] == ["luohu-gov", "luohu-news", "luohu-invest-mirror"]
    for s in sources:
        assert s.start_urls[0].startswith("file:///") and s.region == "440303"
    live = load_sources(ROOT / "sources.yaml", only=["luohu-gov-live"])
    assert live[0].start_urls == ("https://www.szlh.gov.cn/xxgk/zfgzbg/index.html",) and not live[0].enabled


@pytest.mark.parametrize(
    "body, message",
    [
        ("sources: 3", "expected a mapping with a 'sources' list"),
        ("sources:\n  - id: Bad_Id\n    region: '440303'\n    name: x\n    trust: official\n    start_urls: [http://a/]\n    link_pattern: x", "must be unique"),
        ("sources:\n  - id: a\n    region: '4403'\n    name: x\n    trust: official\n    start_urls: [http://a/]\n    link_pattern: x", "GB/T 2260"),
        ("sources:\n  - id: a\n    region: '440303'\n    name: x\n    trust: rumour\n    start_urls: [http://a/]\n    link_pattern: x", "trust must be"),
        ("sources:\n  - id: a\n    region: '440303'\n    name: x\n    trust: official\n    start_urls: [http://a/]\n    link_pattern: '('", "not a valid regex"),
        ("sources:\n  - id: a\n    region: '440303'\n    name: x\n", "missing trust, start_urls, link_pattern"),
        ("sources: [", "cannot read sources"),
    ],
)
def test_invalid_sources_fail_with_one_line(tmp_path, body, message):
    path = tmp_path / "sources.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SourceError) as err:
        load_sources(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_unknown_source_id_is_an_error():
    with pytest.raises(SourceError, match="unknown source id"):
        load_sources(ROOT / "sources.yaml", only=["nope"])
