"""Decoding page bytes: header, BOM, meta, UTF-8, detection; binary and empty input refused."""

import codecs

import pytest
from conftest import NEWS_PAGE, NOTICE_PAGE

from govreports.decode import NotText, charset_from_content_type, decode


def test_gbk_page_with_meta_only_is_decoded_as_gb18030():
    d = decode(NEWS_PAGE.read_bytes())
    assert (d.encoding, d.how) == ("gb18030", "meta")
    assert "本地生产总值1359亿元" in d.text and "\ufffd" not in d.text


def test_http_header_charset_wins_over_meta():
    data = '<html><head><meta charset="gbk"></head><body>罗湖区</body></html>'.encode("utf-8")
    assert decode(data, "utf-8").text.count("罗湖区") == 1
    assert decode(data, "UTF-8").how == "header"


def test_bom_is_honoured():
    text = "深圳市罗湖区生产总值1488亿元"
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8")).text == text
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le")).text == text


def test_undeclared_gbk_is_detected():
    text = "初步统计，本区生产总值完成1488亿元，同比增长9.2%，社会消费品零售总额924亿元。" * 20
    d = decode(text.encode("gbk"))
    assert d.how == "detected" and "本区生产总值完成1488亿元" in d.text


def test_utf8_page_without_header():
    d = decode(NOTICE_PAGE.read_bytes())
    assert d.encoding == "utf-8" and "羅湖區" in d.text


@pytest.mark.parametrize("data", [b"", b"   \n", b"\x00\x01\x02\x03" * 100, bytes(range(256)) * 10])
def test_binary_or_empty_input_is_not_text(data):
    with pytest.raises(NotText):
        decode(data)


def test_charset_from_content_type():
    assert charset_from_content_type("text/html; charset=GBK") == "GBK"
    assert charset_from_content_type("text/html") is None
