"""Score the extractor against the hand-annotated gold set (tests/gold/, see CONVENTIONS.md).

Fails below recall 0.95 or precision 0.98 overall; prints precision and recall per indicator.
"""

from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import MIRROR_PAGE, NEWS_PAGE, NOTICE_PAGE, parsed

from govreports.extract import extract

GOLD = Path(__file__).parent / "gold"
DOCUMENTS = {  # document key → (page, position of the document on the page)
    "news-2013-08-29": (NEWS_PAGE, 0),
    "report-2014": (MIRROR_PAGE, 0),
    "report-2013": (MIRROR_PAGE, 1),
    "news-2019-tencent": (MIRROR_PAGE, 3),
    "news-contactless-tax": (MIRROR_PAGE, 4),
    "news-cloud-signing": (MIRROR_PAGE, 5),
    "news-tax-environment": (MIRROR_PAGE, 6),
    "report-2021": (MIRROR_PAGE, 7),
    "notice-2012-plan": (NOTICE_PAGE, 0),
}
FIELDS = ("indicator", "measure", "year", "base_year", "status", "qualifier", "value", "value_high", "unit")


def key(o) -> tuple:
    get = o.get if isinstance(o, dict) else lambda f: getattr(o, f)
    return tuple(round(float(get(f)), 9) if f in ("value", "value_high") and get(f) is not None else get(f) for f in FIELDS)


@pytest.fixture(scope="module")
def scored():
    pages = {}
    per_doc = {}
    for doc_key, (page, ordinal) in DOCUMENTS.items():
        if page not in pages:
            pages[page] = parsed(page)
        doc = pages[page][ordinal]
        gold = yaml.safe_load((GOLD / f"{doc_key}.yaml").read_text(encoding="utf-8"))
        assert gold["doc"] == doc_key
        for o in gold["observations"]:
            assert o["quote"] in doc.text, f"{doc_key}: quote not in text: {o['quote']}"
        expected = Counter(key(o) for o in gold["observations"])
        got = Counter(key(o) for o in extract(doc.text, doc.published.year))
        per_doc[doc_key] = (expected, got)
    return per_doc


def test_every_seed_document_has_a_gold_file():
    assert {p.stem for p in GOLD.glob("*.yaml")} == set(DOCUMENTS)


def test_precision_and_recall_on_the_gold_set(scored, capsys):
    tp, fp, fn = Counter(), Counter(), Counter()
    misses, extras = [], []
    for doc_key, (expected, got) in scored.items():
        for k, n in (expected & got).items():
            tp[k[0]] += n
        for k, n in (got - expected).items():
            fp[k[0]] += n
            extras.append((doc_key, k))
        for k, n in (expected - got).items():
            fn[k[0]] += n
            misses.append((doc_key, k))
    with capsys.disabled():
        print("\nindicator                 gold  found  precision  recall")
        for ind in sorted(set(tp) | set(fp) | set(fn)):
            p = tp[ind] / (tp[ind] + fp[ind]) if tp[ind] + fp[ind] else 1.0
            r = tp[ind] / (tp[ind] + fn[ind]) if tp[ind] + fn[ind] else 1.0
            print(f"{ind:24} {tp[ind] + fn[ind]:5} {tp[ind] + fp[ind]:6} {p:10.3f} {r:7.3f}")
        for doc_key, k in misses:
            print("  missed:", doc_key, k)
        for doc_key, k in extras:
            print("  extra: ", doc_key, k)
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    precision = total_tp / (total_tp + total_fp)
    recall = total_tp / (total_tp + total_fn)
    with capsys.disabled():
        print(f"overall: {total_tp + total_fn} gold, precision {precision:.3f}, recall {recall:.3f}")
    assert recall >= 0.95 and precision >= 0.98
