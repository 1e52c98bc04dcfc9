"""Seed pages parse into the documents they hold, with titles, dates, kinds and clean main text."""

from datetime import date

import pytest

from govreports.context import document_years
from govreports.decode import NotText
from govreports.parse import parse_page


def test_news_article_title_date_and_body_without_boilerplate(news_docs):
    (doc,) = news_docs
    assert doc.title == "罗湖实现有质量可持续发展"
    assert doc.page_date == doc.published == date(2013, 8, 29)
    assert doc.kind == "news"
    assert doc.text.startswith("万元GDP综合能耗全市最小\n统计数据显示,2012年,罗湖实现了有质量的可持续发展。")
    for noise in ("注册", "分享到", "热点排行", "上一篇", "当前位置", "版权所有", "相关报道"):
        assert noise not in doc.text


def test_aggregator_page_is_split_into_its_eight_items(mirror_docs):
    titles = [d.title for d in mirror_docs]
    assert titles == [
        "【罗湖区招商引资】2014年深圳市罗湖区政府工作报告",
        "【投资罗湖区】2013年深圳市罗湖区政府工作报告",
        "【罗湖区招商引资】2013年深圳市罗湖区政府工作报告",
        "【罗湖区招商】深圳罗湖区与腾讯联手打造智慧产业新高地",
        '【罗湖区招商】罗湖"非接触式"办税高效便民再升级',
        "【罗湖区招商】罗湖区“云签约”助力三大重点项目落地 推动高质量发展",
        "【罗湖区招商】罗湖区税务局精准施策优化税收营商环境 助力企业高质量发展",
        "【罗湖区招商】2021年罗湖区政府工作报告",
    ]
    assert [d.page_date for d in mirror_docs] == [date(2025, 8, 6)] * 3 + [
        date(2025, 7, 31), date(2025, 7, 29), date(2025, 7, 26), date(2025, 7, 25), date(2025, 7, 7)]
    assert [d.kind for d in mirror_docs] == ["work_report"] * 3 + ["news"] * 4 + ["work_report"]


def test_work_reports_are_dated_by_their_delivery_not_the_repost(mirror_docs):
    reports = [d for d in mirror_docs if d.kind == "work_report"]
    assert [d.meeting_date for d in reports] == [date(2014, 1, 16), date(2013, 1, 23), date(2013, 1, 23), date(2021, 1, 29)]
    assert [d.published for d in reports] == [d.meeting_date for d in reports]


def test_item_text_is_the_item_body_only(mirror_docs):
    report_2014 = mirror_docs[0]
    assert report_2014.text.startswith("2014年1月16日在深圳市罗湖区第六届人民代表大会第三次会议上")
    assert "2025-08-06" not in report_2014.text and "点我投稿" not in report_2014.text


def test_government_notice_title_date_kind(notice_docs):
    (doc,) = notice_docs
    assert doc.title == ("深圳市罗湖区人民政府办公室印发罗湖区关于贯彻落实《深圳市“十二五”规划纲要实施方案》、"
                         "《珠江三角洲“四年大发展”任务分解计划》和《“深圳质量”行动计划》的工作方案的通知")
    assert doc.page_date == date(2012, 3, 5) and doc.kind == "plan_notice"
    assert doc.text.startswith("(2012年3月5日)\n罗府办〔2012〕6号")
    assert "扫一扫" not in doc.text and "知识图谱" not in doc.text


def test_offset_map_points_back_into_the_page_text(news_docs):
    (doc,) = news_docs
    i = doc.text.index("本地生产总值1359亿元")
    a, b = doc.norm.source_span(i, i + len("本地生产总值1359亿元"))
    assert doc.source_text[a:b] == "本地生产总值1359亿元"


def test_plain_text_file_becomes_one_document():
    data = "2014年深圳市罗湖区政府工作报告\n初步统计，本区生产总值完成1488亿元。".encode("utf-8")
    (doc,) = parse_page(data, "0" * 64)
    assert doc.title == "2014年深圳市罗湖区政府工作报告"
    assert "本区生产总值完成1488亿元" in doc.text


def test_source_selectors_override_the_generic_layout():
    html = """<html><head><meta charset="utf-8"><title>站点</title></head><body>
    <div class="hd"><h1>罗湖区人民政府</h1></div>
    <div class="x-name">2014年罗湖区政府工作报告</div><div class="x-when">2014/01/16</div>
    <div class="article">导航 首页 新闻</div>
    <div class="x-body"><p>初步统计,本区生产总值完成1488亿元。</p></div></body></html>"""
    generic = parse_page(html.encode("utf-8"), "a" * 64)[0]
    assert generic.title == "罗湖区人民政府" and "1488" not in generic.text
    sel = {"title": ".x-name", "date": ".x-when", "body": ".x-body"}
    (doc,) = parse_page(html.encode("utf-8"), "a" * 64, selectors=sel)
    assert (doc.title, doc.page_date, doc.text) == ("2014年罗湖区政府工作报告", date(2014, 1, 16), "初步统计,本区生产总值完成1488亿元。")


def test_documents_carry_script_and_repair_flags(news_docs, mirror_docs, notice_docs):
    (notice,) = notice_docs
    assert (notice.norm.traditional, notice.encoding, notice.encoding_how) == (True, "utf-8", "meta")
    assert notice.norm.pinyin_removed > 1000 and notice.norm.mojibake_repaired > 0
    for doc in news_docs + mirror_docs:
        assert (doc.norm.traditional, doc.norm.pinyin_removed, doc.norm.mojibake_repaired, doc.norm.mojibake_damaged) == (False, 0, 0, 0)
    assert (news_docs[0].encoding, news_docs[0].encoding_how, news_docs[0].encoding_declared) == ("gb18030", "meta", "gb2312")


def test_reviewed_and_target_years(mirror_docs, notice_docs):
    from govreports.extract import document_years

    years = [document_years(d.text, d.published.year) for d in mirror_docs if d.kind == "work_report"]
    assert years == [(2013, 2014), (2012, 2013), (2012, 2013), (2020, 2021)]
    assert document_years(notice_docs[0].text, 2012) == (None, 2015)


def test_related_reports_lists_and_share_lines_are_left_out():
    html = """<html><head><meta charset="utf-8"></head><body><div class="article-content">
    <p>初步统计,本区生产总值完成1488亿元。</p><div class="share">分享到:微信 微博</div>
    <p><strong>相关报道</strong></p><ul><li><a href="a.html">罗湖区召开经济工作会议</a></li><li><a href="b.html">另一条新闻</a></li></ul>
    <p>扫一扫在手机上打开当前页</p></div></body></html>"""
    (doc,) = parse_page(html.encode("utf-8"), "c" * 64)
    assert doc.text == "初步统计,本区生产总值完成1488亿元。"


def test_wrong_charset_declared_is_overruled_and_recorded():
    html = '<html><head><meta charset="gb2312"></head><body><div id="zoom"><p>本区生产总值完成1488亿元。</p></div></body></html>'
    (doc,) = parse_page(html.encode("utf-8"), "d" * 64)
    assert doc.text == "本区生产总值完成1488亿元。"
    assert (doc.encoding, doc.encoding_how, doc.encoding_declared) == ("utf-8", "utf-8", "gb2312")


@pytest.mark.parametrize("data", [b"", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, b"\x00" * 1000])
def test_empty_and_binary_pages_are_refused_cleanly(data):
    with pytest.raises(NotText):
        parse_page(data, "e" * 64)


def test_deeply_nested_page_keeps_its_text():
    depth = 20000
    html = "<html><body>" + "<div>" * depth + "<p>本区生产总值完成1488亿元。</p>" + "</div>" * depth + "</body></html>"
    (doc,) = parse_page(html.encode("utf-8"), "f" * 64)
    assert doc.text == "本区生产总值完成1488亿元。"


def test_enormous_page_is_parsed_whole():
    para = "<p>初步统计,本区生产总值完成1488亿元,同比增长9.2%。</p>"
    html = '<html><head><meta charset="utf-8"></head><body><div id="zoom">' + para * 40000 + "</div></body></html>"
    data = html.encode("utf-8")
    assert len(data) > 2_900_000
    (doc,) = parse_page(data, "0" * 64)
    assert doc.text.count("本区生产总值完成1488亿元") == 40000


def test_a_report_year_from_its_meeting_line_title_or_headings():
    """Plain copies of reports: the meeting line (Chinese numerals too), a December congress plans the next
    year, a copy site's preamble date is not the report's, and headings tell the year when nothing else does."""
    def doc(text):
        (d,) = parse_page(text.encode("utf-8"), "0" * 64)
        return d.kind, d.report_year, d.published, d.meeting_date

    meeting = "工作报告\n时间:2023-01-24 作者:中国县域\n—二〇二一年二月五日在博野县第十七届人民代表大会第五次会议上\n各位代表:\n一、2020年工作回顾\n"
    assert doc(meeting) == ("work_report", 2021, date(2021, 2, 5), date(2021, 2, 5))
    december = "——2008年12月25日在拉萨市第九届人民代表大会第二次会议上\n各位代表:\n一、2008年政府工作回顾\n二、2009年政府工作的目标任务\n"
    assert doc(december)[:2] == ("work_report", 2009)
    headings = "各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、过去五年的回顾及2003年主要工作\n二、今后五年的奋斗目标和2004年的主要任务\n"
    assert doc(headings)[:3] == ("work_report", 2004, None)


def test_unnumbered_headings_and_reports_without_a_preamble_tell_their_year():
    """Shapes of real copies: section heads on lines of their own (2014年工作回顾 / 2015年总体部署), the first
    heading naming the reviewed year alone (一、2004年的工作), a plan's review (一、“十二五”时期…回顾), a copy
    that starts straight with its review and later sets a year's targets; titles of other reports listed
    at the end of a copy-site page (…2025年政府工作报告) are no headings."""
    def doc(text):
        (d,) = parse_page(text.encode("utf-8"), "0" * 64)
        return d.kind, d.report_year

    links = "\n相关文档\n平顶山市2025年政府工作报告\n宁德市2021年政府工作报告\n"
    bare = "各位代表:\n现在,我代表市政府向大会报告工作。\n2014年工作回顾\n2014年是令人难忘的。\n2015年总体部署\n我们提出:\n" + links
    assert doc(bare) == ("work_report", 2015)
    mixed = ("各位代表:\n现在,我代表市人民政府向大会报告政府工作。\n“十二五”回顾和2015年的工作\n一、社会大局持续稳定\n"
             "“十三五”目标任务和2016年的主要工作\n一、推进维稳工作常态化\n")
    assert doc(mixed) == ("work_report", 2016)
    first = "各位代表:\n现在,我代表市人民政府向大会作政府工作报告。\n一、2004年的工作\n2004年是全面推进的一年。\n三、全面提高行政能力\n"
    assert doc(first) == ("work_report", 2005)
    plan_review = "各位代表:\n现在,我代表张家口市人民政府向大会作工作报告。\n一、“十二五”时期经济社会发展回顾\n“十二五”时期是…\n" + links
    assert doc(plan_review) == ("work_report", 2016)
    no_preamble = ("“十三五”时期发展成就\n过去的五年,是唐山发展历程中极不平凡的五年。2016年7月28日,…\n"
                   "2021年全市经济社会发展主要预期目标\n2021年,全市经济社会发展主要预期目标是:地区生产总值增长6.5%。\n")
    assert doc(no_preamble) == ("work_report", 2021)


def test_a_copy_sites_title_line_and_headings_run_on_after_a_full_stop():
    def doc(text):
        (d,) = parse_page(text.encode("utf-8"), "0" * 64)
        return d.kind, d.report_year

    copy = ("工作报告\n保定市满城区2021年政府工作报告\n时间:2023-03-30\n在2月5日召开的保定市满城区第二届人民代表大会第五次会议上,"
            "区长代表区人民政府向大会报告工作。\n本栏推荐\n焦作市解放区2025年政府工作报告\n郏县2025年政府工作报告\n"
            "平顶山市2025年政府工作报告\n阅读排行\n2024年政府工作报告\n")
    assert doc(copy) == ("work_report", 2021)
    title_run_on = "台州市三届人大二次会议文件(13)政府工作报告2005年4月24日在台州市第三届人民代表大会第一次会议上台州市代市长张鸿铭各位代表:"
    assert doc(title_run_on) == ("work_report", 2005)
    run_on = ("各位代表:\n现在,我代表市人民政府向大会报告工作,请予审议。一、2017年工作回顾\n过去一年,……。"
              "对于这些问题,我们必须高度重视。二、2018年工作安排\n2018年是贯彻党的十九大精神的开局之年。\n")
    assert doc(run_on) == ("work_report", 2018)


def test_a_heading_reviewing_one_year_and_introducing_the_next_reviews_the_first():
    text = ("2004年政府工作报告\n各位代表:\n一、2003年工作回顾和2004年工作总体要求\n2003年是不同寻常的一年。"
            "全市实现生产总值218.2亿元,比上年增长14.6%。\n二、着力推进工业化\n")
    (d,) = parse_page(text.encode("utf-8"), "0" * 64)
    assert d.report_year == 2004
    assert document_years(d.text, d.report_year) == (2003, None)


def test_a_meeting_line_broken_across_lines_and_a_review_naming_no_year():
    def doc(text):
        (d,) = parse_page(text.encode("utf-8"), "0" * 64)
        return d.kind, d.report_year

    broken = "——2006年1月10日在温州市第十届\n人民代表大会第四次会议上\n温州市市长 刘奇\n各位代表:\n一、2005年工作回顾\n"
    assert doc(broken) == ("work_report", 2006)
    review = ("各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、过去五年的工作回顾\n2009年,全市生产总值增长12%。"
              "2010年,全市生产总值增长13%。2010年是“十一五”的最后一年。2009年,财政收入增长18%。\n二、今后五年的主要任务\n"
              "今后五年,我们将加快发展。\n")
    assert doc(review) == ("work_report", 2011)
    own_year = review.replace("今后五年,我们将加快发展。", "2010年全市生产总值预期增长11%。2010年是关键之年。")
    assert doc(own_year) == ("work_report", 2010)


def test_a_heading_of_achievements_reviews_and_a_sentence_opening_on_the_next_year_plans_it():
    """Real shapes: 一、2015年及“十二五”发展主要成效 reviews 2015 (a copy that stops after its review);
    headings naming no year, a review of 2008 and 2009年是…的重要一年 before the plans."""
    def doc(text):
        (d,) = parse_page(text.encode("utf-8"), "0" * 64)
        return d.kind, d.report_year

    achievements = ("各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、2015年及“十二五”发展主要成效\n"
                    "全市实现生产总值1105.14亿元,增长9.2%。2015年部分经济指标低于年初计划目标。\n")
    assert doc(achievements) == ("work_report", 2016)
    next_year = ("各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、积极应对 奋发有为 港口城市发展取得新成就\n"
                 "2008年是很不平凡的一年。全市生产总值增长13%。各位代表,2008年,宏观形势严峻复杂。\n"
                 "二、坚定信心 全力推进经济社会又好又快发展\n2009年是新中国成立60周年,也是重要的一年。今年要着力抓好以下工作。"
                 "从2007年的第8名跃升为第4名。\n")
    assert doc(next_year) == ("work_report", 2009)
