"""Seed pages parse into the documents they hold, with titles, dates, kinds and clean main text."""

from datetime import date

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
    assert doc.title.startswith("深圳市羅湖區(qū)人民政府辦公室印發(fā)")
    assert doc.page_date == date(2012, 3, 5) and doc.kind == "plan_notice"
    assert doc.text.startswith("(2012年3月5日)\n羅府辦〔2012〕6號")
    assert "掃一掃" not in doc.text and "知識圖譜" not in doc.text


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
