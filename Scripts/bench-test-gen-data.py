#!/usr/bin/env python3
"""Tests of Scripts/gen-data: determinism, record validity (EVENTS.md), and the mix of real data.

Run by `make -f bench.mk bench-test` (not by `make test`: it is about benchmark data).
Generates the 10 k set and the 1 MB text into temporary folders; takes a few seconds.
"""

import importlib.machinery
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
from datetime import datetime

sys.dont_write_bytecode = True  # importing gen-data must leave no __pycache__ in Scripts/
HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "gen-data")

REQUIRED = {"city", "level", "effective", "source"}
KNOWN = {"city", "place_id", "place_text", "country", "scope", "level", "scheme", "scheme_level", "kind",
         "effective", "until", "reported", "source", "evidence", "confidence"}
LEVELS = {"normal", "yellow", "orange", "red"}
KINDS = {"declared", "raised", "lowered", "lifted", "extended"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$")
LOG_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z .+ [A-Z]{2} (normal|yellow|orange|red)->"
                      r"(normal|yellow|orange|red) (declared|raised|lowered|lifted|extended)( until=\S+)? src=\S+ "
                      r"reported=\S+$")


def gen(out, seed=7, sets="10k", text="1mb"):
    subprocess.run([sys.executable, GEN, "--seed", str(seed), "--out", out, "--sets", sets, "--text", text],
                   check=True, stdout=subprocess.DEVNULL)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def epoch(s):
    if len(s) == 10:
        s += "T00:00:00+00:00"
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


class Data:
    """One generated 10 k set and 1 MB text, shared by the tests that only read it."""
    dir = None

    @classmethod
    def get(cls):
        if cls.dir is None:
            cls.dir = tempfile.mkdtemp(prefix="gen-data-test-")
            gen(cls.dir)
        return cls.dir

    @classmethod
    def records(cls):
        with open(os.path.join(cls.get(), "events-10k.jsonl"), encoding="utf-8") as f:
            return [json.loads(line) for line in f]


def test_same_seed_same_bytes():
    other = tempfile.mkdtemp(prefix="gen-data-test-")
    try:
        gen(other)
        for name in ("events-10k.jsonl", "events-10k.log", "news-1mb.txt"):
            assert read(os.path.join(Data.get(), name)) == read(os.path.join(other, name)), name
    finally:
        shutil.rmtree(other)


def test_other_seed_other_bytes():
    other = tempfile.mkdtemp(prefix="gen-data-test-")
    try:
        gen(other, seed=8, text="")
        assert read(os.path.join(Data.get(), "events-10k.jsonl")) != read(os.path.join(other, "events-10k.jsonl"))
    finally:
        shutil.rmtree(other)


def test_rerun_keeps_files_when_up_to_date():
    path = os.path.join(Data.get(), "events-10k.jsonl")
    before = os.stat(path).st_mtime_ns
    gen(Data.get())
    assert os.stat(path).st_mtime_ns == before


def test_every_record_is_valid():
    recs = Data.records()
    assert len(recs) == 10_000
    for r in recs:
        assert REQUIRED <= r.keys(), r
        assert set(r) <= KNOWN, set(r) - KNOWN
        assert r["level"] in LEVELS
        assert r.get("kind") in KINDS
        assert r["city"].strip()
        assert re.fullmatch(r"[A-Z]{2}", r["country"])
        for k in ("effective", "until", "reported"):
            if k in r:
                assert ISO.match(r[k]), r[k]
        if "until" in r:
            assert epoch(r["until"]) >= epoch(r["effective"]), r
        assert epoch(r["reported"]) >= epoch(r["effective"]), r
        assert 0 <= r["confidence"] <= 1
        assert r["evidence"] and "\n" not in r["evidence"]
        if r["kind"] == "lifted":
            assert r["level"] == "normal" and "until" not in r
        if r["country"] == "KZ" and r["level"] != "normal":
            assert r["scheme"] == "KZ-terror" and r["scheme_level"] in {"moderate", "high", "critical"}


def test_the_mix_of_real_data_is_there():
    recs = Data.records()
    kinds = {r["kind"] for r in recs}
    assert kinds == KINDS, kinds
    lines = [json.dumps(r, sort_keys=True) for r in recs]
    assert len(set(lines)) < len(lines), "no record is imported twice"
    # Late reports: somewhere the file goes back in effective time by more than a day.
    effs = [epoch(r["effective"]) for r in recs]
    assert any(b < a - 86_400 for a, b in zip(effs, effs[1:])), "no late report out of order"
    # Corroboration: the same place, level and instant from two different sources.
    seen = {}
    corroborated = False
    for r in recs:
        k = (r["city"], r["country"], r["level"], r["effective"])
        if k in seen and seen[k] != r["source"]:
            corroborated = True
            break
        seen.setdefault(k, r["source"])
    assert corroborated
    # Expiry: a level whose until passes before the place's next record.
    by_place = {}
    for r in sorted(recs, key=lambda r: epoch(r["effective"])):
        by_place.setdefault(r["place_id"], []).append(r)
    expiries = sum(1 for rs in by_place.values() for a, b in zip(rs, rs[1:])
                   if "until" in a and epoch(a["until"]) < epoch(b["effective"]))
    assert expiries > 100, expiries
    assert len(by_place) == 300
    assert any(r["country"] == "KZ" for r in recs) and any(r["country"] == "RU" for r in recs)


def test_places_are_gazetteer_places():
    spec = importlib.util.spec_from_loader("gen_data", importlib.machinery.SourceFileLoader("gen_data", GEN))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    places, _ = mod.load_places()
    known = {(p.gid, p.name, p.country) for p in places}
    for r in Data.records():
        assert (r["place_id"], r["city"], r["country"]) in known, r


def test_log_is_the_same_history():
    recs = Data.records()
    with open(os.path.join(Data.get(), "events-10k.log"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == len(recs)
    for r, line in zip(recs, lines):
        assert LOG_LINE.match(line), line
        assert (" %s %s " % (r["city"], r["country"])) in line
        assert line.split(" src=")[1].split(" ")[0] == r["source"]
        assert abs(epoch(line[:20]) - epoch(r["effective"])) == 0


def test_news_text_is_both_languages_and_whole_utf8():
    data = read(os.path.join(Data.get(), "news-1mb.txt"))
    assert 1_048_576 - 8 <= len(data) <= 1_048_576
    text = data.decode("utf-8")  # raises if a character was cut in half
    assert "raised the terrorist threat level to" in text or "declared" in text
    assert "уровень террористической опасности" in text
    assert "\x1b" not in text


def main():
    tests = [(n, f) for n, f in sorted(globals().items()) if n.startswith("test_") and callable(f)]
    passed = failed = 0
    for name, fn in tests:
        try:
            fn()
            passed += 1
            print("ok   %s" % name)
        except Exception:  # noqa: BLE001 - report every failing test, then the total
            failed += 1
            print("FAIL %s\n%s" % (name, traceback.format_exc()))
    if Data.dir:
        shutil.rmtree(Data.dir, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
