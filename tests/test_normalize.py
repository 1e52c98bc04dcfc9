"""Normalisation of real damaged text: mojibake repaired or marked, pinyin removed, traditional → simplified."""

import re

import pytest

from govreports.extract import extract
from govreports.mojibake import DAMAGED, repair
from govreports.normalize import normalize, remove_pinyin, simplify_char, to_simplified

# lines exactly as the seed plan notice holds them
SEED_LINES = {
    " ?。ㄒ唬┙?jīng)濟(jì)總體實(shí)力快速提升。": "（一）",
    " ?。ǘ\ue46a┛沙掷m(xù)發(fā)展能力明顯提高。": "（二）可持續",
    " ?。ㄈ\ue40c┍U虾透纳泼裆?,推進(jìn)幸福城區(qū)建設(shè)。": "（三）保障和改善民",
    " ?。ǘ\ue46a┐蛟靽\ue27eH消費(fèi)中心,推進(jìn)經(jīng)濟(jì)結(jié)構(gòu)戰(zhàn)略性調(diào)整。": "（二）打造國際消費",
    " ?。ㄎ澹┘涌焯貐^(qū)一體化發(fā)展": "（五）加快特區",
}


@pytest.mark.parametrize("line, expected", SEED_LINES.items())
def test_misaligned_gbk_headings_are_repaired(line, expected):
    fixed = repair(line, simplify_char)
    assert expected in fixed.text
    assert not re.search(r"[\u2500-\u257f\u3100-\u312f\ue000-\uf8ff]", fixed.text)
    assert fixed.repaired > 0


def test_unrecoverable_bytes_are_marked_not_guessed():
    fixed = repair(" ?。ㄒ唬┙?jīng)濟(jì)", simplify_char)
    assert fixed.text.startswith(" " + DAMAGED + "（一）" + DAMAGED)  # 經 lost its trail byte
    assert fixed.damaged == 2


def test_utf8_read_as_latin1_and_as_gbk():
    assert repair("ç½—æ¹–åŒºç”Ÿäº§æ€»å€¼").text == "罗湖区生产总值"
    garbled = "固定资产投资".encode("utf-8").decode("gbk")
    assert garbled == "鍥哄畾璧勪骇鎶曡祫" and repair("全区" + garbled + "384亿元").text == "全区固定资产投资384亿元"


def test_clean_text_is_left_alone():
    text = "有想补充的信息?点我投稿。本区生产总值完成1488亿元,同比增长9.2%。"
    assert repair(text).text == text


def test_pinyin_inserted_after_characters_is_removed_but_not_other_parentheses():
    text = "羅湖區(qū)關(guān)於(yú)經(jīng)濟(jì)發(fā)展(GDP)和方案(一)與(a)"
    out, origin, removed = remove_pinyin(text)
    assert out == "羅湖區關於經濟發展(GDP)和方案(一)與(a)" and removed == 6
    assert text[origin[out.index("經")]] == "經"


def test_traditional_is_converted_only_when_the_text_is_traditional():
    trad, converted = to_simplified("羅湖區本地生產總值達到1450億元,年均增長10%左右")
    assert converted and trad == "罗湖区本地生产总值达到1450亿元,年均增长10%左右"
    simp = "罗湖区本地生产总值达到1450亿元,年均增长10%左右,乾隆"
    assert to_simplified(simp) == (simp, False)


def test_full_width_forms_fold_and_offsets_map_back():
    source = "本区生产总值完成１４８８亿元，增长９．２％ 。\u3000\u3000面积３㎡"
    norm = normalize(source)
    assert norm.text == "本区生产总值完成1488亿元,增长9.2%。面积3m2"  # spaces next to Chinese text dropped
    i = norm.text.index("1488亿元")
    a, b = norm.source_span(i, i + len("1488亿元"))
    assert source[a:b] == "１４８８亿元"


def test_damaged_numbers_never_become_observations():
    text = normalize("一、2013年工作回顾 ?。ㄒ唬┙?jīng)濟(jì) 本区生产总值完成1?88亿元,增长\ufffd.2%。").text
    assert extract(text, 2014) == []


def test_notice_reads_as_clean_simplified_chinese(notice_docs):
    (doc,) = notice_docs
    assert doc.norm.traditional and doc.norm.pinyin_removed > 1000
    assert doc.norm.mojibake_repaired > 50 and doc.norm.mojibake_damaged <= 20
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)", doc.text)
    found = extract(doc.text, 2012)
    assert {(o.indicator, o.measure) for o in found} >= {("gdp", "level"), ("gdp", "cagr"), ("gdp_per_capita", "level")}
    for o in found:  # indicator sentences: simplified, no pinyin, no damage, no stray latin
        assert DAMAGED not in o.text and "".join(simplify_char(c) for c in o.text) == o.text
        assert not re.search(r"[a-z\u00c0-\u024f\u2500-\u257f\u3100-\u312f\ue000-\uf8ff]", o.text), o.text
    headings = re.findall(r"\(([一二三四五六七])\)", doc.text)
    assert headings.count("一") >= 3 and "三" in headings


def test_source_offsets_point_into_the_traditional_page_text(notice_docs):
    (doc,) = notice_docs
    o = next(o for o in extract(doc.text, 2012) if o.indicator == "gdp" and o.measure == "level")
    a, b = doc.norm.source_span(o.char_start, o.char_end)
    assert doc.source_text[a:b] == "本地生產(chǎn)總值達(dá)到1450億元"


def test_corpus_noise_is_cleared_and_offsets_still_map_back():
    """Real copies: literal \\r\\n, &nbsp;, spaces inside numbers, words and before units."""
    source = "预计实现地区生产总值 142.05 亿元，比上年增长 10.1 %;\\r\\n实现财政一般预 算收入&nbsp;36.5 9亿元。2008 年"
    norm = normalize(source)
    assert norm.text == "预计实现地区生产总值142.05亿元,比上年增长10.1%;\n实现财政一般预算收入36.59亿元。2008年"
    i = norm.text.index("36.59亿元")
    a, b = norm.source_span(i, i + len("36.59亿元"))
    assert source[a:b] == "36.5 9亿元"
    assert normalize("PM 2.5 and GDP 12").text == "PM 2.5 and GDP 12"  # words of Latin script keep their spaces


def test_private_use_stand_ins_for_punctuation_are_read_back_and_keep_offsets():
    """Shapes of PDF-converted reports in the corpus: one private-use code point for the comma all through
    the text, another for the decimal point."""
    comma, point = "\ue00d", "\ue010"
    body = ("各位代表" + comma + "下面" + comma + "我代表市人民政府向大会作政府工作报告" + comma + "请予审议。") * 8
    source = body + "预计全市实现生产总值940" + point + "5亿元" + comma + "增长12" + point + "8%" + comma + "财政收入1" \
        + point + "2亿元。"
    norm = normalize(source)
    assert "生产总值940.5亿元,增长12.8%,财政收入1.2亿元。" in norm.text
    assert norm.source_span(norm.text.index("940.5"), norm.text.index("940.5") + 5) == (
        source.index("940"), source.index("940") + 5)


def test_a_page_number_printed_into_a_sentence_is_dropped():
    """PDF copies print page numbers on lines of their own, inside sentences: the sentence runs on."""
    source = "今年的主要预期目标是:全市生产总值增长\n9\n11%;全部财政收入增长10%。\n第二节\n12"
    n = normalize(source)
    assert n.text == "今年的主要预期目标是:全市生产总值增长11%;全部财政收入增长10%。\n第二节\n12"  # a heading's number stays
    start = n.text.index("11%")
    assert n.source_span(start, start + 3) == (source.index("11%"), source.index("11%") + 3)


def test_a_private_use_mark_ending_lines_is_no_misread_gbk():
    """A copy that ends its lines with a private-use character (…增长16.5%；\\ue004\\n) keeps its punctuation."""
    n = normalize("地区生产总值770亿元,增长16.5%；\ue004\n财政总收入102亿元,增长23.3%；\ue004\n社会消费品零售总额235亿元,增长16.8%；\ue004\n")
    assert "\ufffd" not in n.text and "增长16.5%;" in n.text


@pytest.mark.parametrize("source", ["数据12\n3\n45亿元", "一、2020年工作回顾\n2\n过去一年,全市生产总值增长5%。", "项目名称\n1\n生产总值"])
def test_numbers_on_lines_of_their_own_that_are_no_page_numbers_stay(source):
    assert normalize(source).text == source
