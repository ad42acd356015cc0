#!/usr/bin/env python3
"""Builds the evaluate test cases and their expected reports from score.py (run once, by hand).

usage: python3 make_cases.py PATH/TO/score.py
Each case is DIR/pred (and DIR/gold when it does not use ../gold); expected.txt and verbose.txt
are score.py's output run from DIR as `score.py GOLD pred [--verbose]`.
"""
import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "gold"
GANSU = "gansu-2022-ganzhengbanfa-84.json"
BAIYIN = "baiyin-2021-shizhengbanfa-100.json"


def load(name):
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def task(doc, ordinal):
    return next(t for t in doc["tasks"] if t["ordinal"] == ordinal)


def write(case, preds, golds=None):
    d = HERE / case
    shutil.rmtree(d, ignore_errors=True)
    (d / "pred").mkdir(parents=True)
    for name, obj in preds.items():
        text = obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False, indent=1)
        (d / "pred" / name).write_text(text, encoding="utf-8")
    if golds:
        (d / "gold").mkdir()
        for name, obj in golds.items():
            (d / "gold" / name).write_text(json.dumps(obj, ensure_ascii=False, indent=1), encoding="utf-8")


def both():
    return {GANSU: load(GANSU), BAIYIN: load(BAIYIN)}


def cases():
    yield "identity", both(), None

    p = both()
    del task(p[GANSU], 2)["departments"][3]            # 省卫生健康委 from a six-department task
    del task(p[BAIYIN], 7)["departments"][0]           # the only (lead) department
    yield "drop_department", p, None

    p = both()
    deps = task(p[GANSU], 1)["departments"]
    deps[0]["role"], deps[1]["role"] = "PARTNER", "LEAD"
    deps = task(p[BAIYIN], 3)["departments"]
    deps[0], deps[1] = deps[1], deps[0]                # lead listed second: still the first LEAD
    task(p[BAIYIN], 4)["departments"][0]["role"] = "lead"   # upper() makes it LEAD
    yield "swap_lead", p, None

    p = both()
    task(p[GANSU], 1)["regions"].append({"name": "兰州市", "code": "620100"})
    task(p[GANSU], 4)["regions"].append({"name": "庆阳市", "code": "621000"})   # duplicate: set()
    task(p[BAIYIN], 24)["regions"].append({"name": "兰州新区", "code": None})
    task(p[BAIYIN], 24)["regions"][0]["code"] = 620403                          # int code: str() equal
    yield "extra_region", p, None

    p = both()
    del task(p[GANSU], 22)["indicators"][1]
    task(p[GANSU], 23)["indicators"].pop()              # one of two equal (100, %) keys
    del task(p[BAIYIN], 21)["indicators"][0]
    yield "remove_indicator", p, None

    p = both()
    task(p[GANSU], 2)["indicators"][1]["value"] = 351
    task(p[GANSU], 4)["indicators"][0]["value"] = "40%"         # not a number: None
    task(p[GANSU], 4)["indicators"][1]["value"] = " ３０ "       # full-width digits parse
    task(p[GANSU], 5)["indicators"][0]["value"] = 1.00001       # rounds to 1.0
    task(p[GANSU], 9)["indicators"][0]["comparator"] = ">="
    task(p[GANSU], 9)["indicators"][1]["deadline"] = "年 底 前。"  # same after norm
    task(p[GANSU], 16)["indicators"][0]["deadline"] = "6月底前"
    task(p[GANSU], 17)["indicators"][0]["value"] = 1e-05
    task(p[GANSU], 17)["indicators"][0]["unit"] = "% "
    task(p[BAIYIN], 21)["indicators"][1]["value"] = "1_2"       # float("1_2") == 12.0
    task(p[BAIYIN], 21)["indicators"][0]["value"] = True         # float(True) == 1.0
    yield "change_value", p, None

    p = both()
    for t in p[GANSU]["tasks"]:                         # gansu: optional items left out
        for key in ("departments", "regions", "indicators"):
            t[key] = [x for x in t[key] if not x.get("optional")]
        for pilot in t["pilots"]:
            pilot["sites"] = [s for s in pilot["sites"] if not s.get("optional")]
        t["pilots"] = [pl for pl in t["pilots"] if not pl.get("optional")]
    for t in p[BAIYIN]["tasks"]:                        # baiyin: only the optional indicators kept
        t["indicators"] = [x for x in t["indicators"] if x.get("optional")]
    yield "optional_only", p, None

    p = both()
    del p[BAIYIN]
    yield "missing_file", p, None

    p = both()
    doc = p[GANSU]
    doc["extra_top"] = {"anything": [1, 2, {"x": None}]}
    doc["document"]["confidence"] = 0.93
    doc["document"]["title"] = " 甘肃省深化医药卫生体制改革\n2022年重点工作任务。"
    for t in doc["tasks"]:
        t["score"] = 0.5
        t["departments"].append("not a dict")
        for d in t["departments"]:
            if isinstance(d, dict):
                d["aliases"] = ["x"]
                d["name"] = d["name"][:1] + "\u3000" + d["name"][1:] + "。"
        for pl in t["pilots"]:
            pl["level"] = pl["level"].lower()
            for s in pl["sites"]:
                s["kind"] = s.get("kind", "REGION").lower()
                s["geo"] = {"lat": 1}
    b = p[BAIYIN]
    b["document"]["year"] = "2021"
    b["document"]["region"] = {"name": "白银", "code": 620400.0}   # str(620400.0) != '620400'
    b["tasks"].append({"ordinal": 27, "title": "extra task", "departments": [{"name": "X", "role": "LEAD"}]})
    b["tasks"].append({"ordinal": "appendix", "indicators": [{"value": "NaN", "unit": "%"}]})
    b["tasks"][0]["ordinal"] = 1.0                      # same dict key as 1
    yield "unknown_fields", p, None

    # Small synthetic gold for the corners: duplicate gold keys, optional and required alike,
    # document-level indicators, a .3f tie (1/16), NaN, string ordinals, None values.
    g = {"document": {"title": "T", "doc_number": "1号", "issuer": "I", "issue_date": None, "level": "CITY",
                      "region": {"code": "620400"},
                      "indicators": [{"value": 90, "unit": "%", "comparator": ">=", "deadline": "2022年"},
                                     {"value": 5, "unit": "个", "optional": True}]},
         "tasks": [
             {"ordinal": 1, "title": "一", "departments": [{"name": "甲", "role": "LEAD"}],
              "regions": [{"code": "620100"}, {"code": "620100"}, {"name": "兰州 新区", "code": None}],
              "pilots": [{"level": "PROVINCE", "sites": [{"code": "620100"}, {"code": "620200", "optional": True}]},
                         {"level": "PROVINCE", "optional": "yes", "sites": [{"code": "620100"}]}],
              "indicators": [{"value": 1, "unit": "家"}, {"value": 1, "unit": "家", "optional": True},
                             {"value": None, "unit": "项"}]},
             {"ordinal": 2, "title": "二",
              "departments": [{"name": "乙", "role": "LEAD", "optional": True}, {"name": "丙", "role": "LEAD"}],
              "indicators": [{"value": "NaN", "unit": "%"}]},
             {"ordinal": 3, "title": "三", "departments": [{"name": "丁", "role": "PARTNER"}]},
         ]}
    pr = copy.deepcopy(g)
    pr["document"]["indicators"] = [{"value": 90.0, "unit": "%", "comparator": "≥", "deadline": "2022年"},
                                    {"value": 5, "unit": "个"}, {"value": 6, "unit": "个"}]
    t1, t2, t3 = pr["tasks"]
    t1["departments"] = [{"name": "甲", "role": "LEAD"}] + [{"name": f"外{i}", "role": "PARTNER"} for i in range(30)]
    t1["regions"] = [{"code": "620100"}, {"name": "兰州新区"}]
    t1["pilots"] = [{"level": "province", "sites": [{"code": "620100"}, {"code": "620200"}, {"code": "620300"}]}]
    t1["indicators"] = [{"value": "1.0", "unit": "家"}, {"value": "1", "unit": "家"}, {"value": "一", "unit": "项"}]
    t2["departments"] = [{"name": "丙", "role": "PARTNER"}, {"name": "乙", "role": "LEAD"}]
    t3["ordinal"] = "3"
    t3["departments"] = []
    pr["tasks"].append({"ordinal": None, "title": None})
    yield "corners", {"small.json": pr, "unreadable.json": '{"document": {}} trailing'}, \
        {"small.json": g, "unreadable.json": g}


def main():
    score = sys.argv[1]
    for case, preds, golds in cases():
        write(case, preds, golds)
        d = HERE / case
        gold_arg = "gold" if golds else "../../gold"
        for out, extra in (("expected.txt", []), ("verbose.txt", ["--verbose"])):
            res = subprocess.run([sys.executable, score, gold_arg, "pred", *extra], cwd=d,
                                 capture_output=True, text=True, check=True)
            (d / out).write_text(res.stdout, encoding="utf-8")
        print(case, res.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
