"""Score the extractor: the development set and each frozen test split, separately; throughput; the seed.

    .venv/bin/python bench/extraction.py [--dev FOLDER] [--json] [--min-f1 0.85] [-v]
    .venv/bin/python bench/extraction.py --dev tests/data/extraction/test_NEW --first-run

Folders under tests/data/extraction/ named ``test_*`` are frozen test splits: their reports were
written before any rule was changed for them, and their first-run figures are in their FROZEN.md
(``-v`` lists misses for the development folders only, never for a test split). Each split's
first-run counts are in ``first_runs.json``, printed beside its figures now and pooled;
``--first-run`` records a newly frozen split's (once: a recorded first run is never replaced).

An event matches a gold event when the type is equal, the date windows overlap and a place
agrees (same gazetteer entry, the same name when the geocoder does not know it, or the gold
place's point within 250 km of the extracted geometry). Gold
events are matched greedily, one to one. Actors are scored per matched pair (a wrong
actor is a false positive and a missed one a false negative; unmatched events count all
their actors). The shared seed report is read from ../shared/seed when present.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for _p in (ROOT, ROOT / "scripts"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from freeze_split import MANIFEST  # noqa: E402

from events.extract import draft_to_dict, extract  # noqa: E402
from events.extract.places import Place, resolve  # noqa: E402

DEV = ROOT / "tests" / "data" / "extraction"
FROZEN_PREFIX = "test_"  # folders scored as frozen test splits, never tuned on (see their FROZEN.md)
FIRST_RUNS = DEV / "first_runs.json"  # each frozen split's first-run counts, recorded once (--first-run)


@dataclass
class Doc:
    """One development report with its gold events."""

    name: str
    text: str
    published: date | None
    gold: list[dict[str, Any]]
    seed: bool = False


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": self.tp, "fp": self.fp,
                "fn": self.fn}


@dataclass
class Result:
    events: Counts = field(default_factory=Counts)
    actors: Counts = field(default_factory=Counts)
    observers: Counts = field(default_factory=Counts)
    exact_dates: int = 0
    actors_exact: int = 0  # matched events whose actor set equals the gold's
    per_doc: list[dict[str, Any]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)


def load(dev: Path = DEV, with_seed: bool = True) -> list[Doc]:
    """The dev reports; the seed only when its text is on this machine."""
    docs = []
    for gold_path in sorted(dev.glob("*.gold.json")):
        g = json.loads(gold_path.read_text(encoding="utf-8"))
        name = gold_path.name.removesuffix(".gold.json")
        if "seed" in g:
            src = (ROOT / g["seed"]).resolve()
            if not with_seed or not src.is_file():
                continue
            text, seed = src.read_text(encoding="utf-8"), True
        else:
            text, seed = (dev / f"{name}.txt").read_text(encoding="utf-8"), False
        published = date.fromisoformat(g["published"]) if g.get("published") else None
        docs.append(Doc(name, text, published, g["events"], seed))
    return docs


def _place_keys(names: list[str]) -> set[str]:
    out = set()
    for n in names:
        p = resolve(Place(-1, -1, n))
        out.add((p.name or n).casefold().strip())
        out.add(n.casefold().strip())
    return out


PLACE_KM = 250.0  # a gold place counts as found when it lies in, or this close to, the extracted geometry


def _near(pred: dict[str, Any], gold_places: list[str]) -> bool:
    """The gold place's gazetteer point is inside the extracted geometry or within PLACE_KM of it."""
    if not pred.get("geometry"):
        return False
    from shapely.geometry import Point, shape
    from shapely.ops import nearest_points

    geom = shape(pred["geometry"])
    for n in gold_places:
        p = resolve(Place(-1, -1, n))
        if not p.resolved:
            continue
        pt = Point(p.lon, p.lat)
        if geom.contains(pt):
            return True
        near = nearest_points(geom, pt)[0]
        if _km(pt.y, pt.x, near.y, near.x) <= PLACE_KM:
            return True
    return False


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from math import asin, cos, radians, sin, sqrt

    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(a))


def matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Type equal, date windows overlap, a place in common or within PLACE_KM (or the gold gives none)."""
    if pred["type"] != gold["type"]:
        return False
    if gold.get("date_start"):  # a gold event the report gives no date for matches on type and place
        ps, pe = date.fromisoformat(pred["date_start"]), date.fromisoformat(pred["date_end"])
        gs, ge = date.fromisoformat(gold["date_start"]), date.fromisoformat(gold["date_end"] or gold["date_start"])
        if not (ps <= ge and gs <= pe):
            return False
    if not gold["places"]:
        return True
    pred_keys = _place_keys(pred["places"]) | {n.casefold() for n in pred.get("gazetteer_names") or [] if n}
    return bool(pred_keys & _place_keys(gold["places"])) or _near(pred, gold["places"])


def _score_sets(c: Counts, pred: list[str], gold: list[str]) -> None:
    p, g = set(pred), set(gold)
    c.tp += len(p & g)
    c.fp += len(p - g)
    c.fn += len(g - p)


def evaluate(docs: list[Doc]) -> Result:
    res = Result()
    for doc in docs:
        t0 = time.perf_counter()
        preds = [draft_to_dict(c) for c in extract(doc.text, doc.published)]
        res.seconds.append(time.perf_counter() - t0)
        used: set[int] = set()
        pairs = []
        for gi, g in enumerate(doc.gold):
            for pi, p in enumerate(preds):
                if pi not in used and matches(p, g):
                    used.add(pi)
                    pairs.append((gi, pi))
                    break
        matched_g = {gi for gi, _ in pairs}
        res.events.tp += len(pairs)
        res.events.fp += len(preds) - len(pairs)
        res.events.fn += len(doc.gold) - len(pairs)
        for gi, pi in pairs:
            res.actors_exact += set(preds[pi]["actors"]) == set(doc.gold[gi]["actors"])
            _score_sets(res.actors, preds[pi]["actors"], doc.gold[gi]["actors"])
            _score_sets(res.observers, preds[pi]["observers"], doc.gold[gi]["observers"])
            g = doc.gold[gi]
            if g.get("date_start") is None:
                res.exact_dates += preds[pi]["date_precision"] == "unknown"
            else:
                res.exact_dates += (preds[pi]["date_start"], preds[pi]["date_end"]) == (
                    g["date_start"], g["date_end"] or g["date_start"])
        for pi, p in enumerate(preds):
            if pi not in used:
                _score_sets(res.actors, p["actors"], [])
                _score_sets(res.observers, p["observers"], [])
        for gi, g in enumerate(doc.gold):
            if gi not in matched_g:
                _score_sets(res.actors, [], g["actors"])
                _score_sets(res.observers, [], g["observers"])
        res.per_doc.append({"name": doc.name, "seed": doc.seed, "gold": len(doc.gold), "pred": len(preds),
                            "matched": len(pairs), "preds": preds,
                            "missed": [g for gi, g in enumerate(doc.gold) if gi not in matched_g],
                            "spurious": [p for pi, p in enumerate(preds) if pi not in used]})
    return res


def _brief(e: dict[str, Any]) -> str:
    return (f"{e['type']:<15} {','.join(e['actors']) or '-':<8} obs={','.join(e['observers']) or '-':<8} "
            f"{e['date_start']}..{e['date_end'] or e['date_start']}  {'; '.join(e['places'])}"
            + (f"  conf={e['confidence']}" if "confidence" in e else ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dev", type=Path, default=None, help="one folder of reports (default: the dev set and "
                    "each held-out folder under it, scored separately)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--min-f1", type=float, default=0.0, help="exit 1 if event F1 is below this")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and spurious events per report")
    ap.add_argument("--first-run", action="store_true", help="with --dev, a frozen split: record its figures now "
                    "as its first run (refused if one is recorded)")
    args = ap.parse_args(argv)
    if args.first_run and not (args.dev and args.dev.name.startswith(FROZEN_PREFIX)
                               and (args.dev / MANIFEST).is_file()):
        ap.error(f"--first-run needs --dev naming a frozen split (test_*, with its {MANIFEST} from "
                 "scripts/freeze_split.py)")
    t0 = time.perf_counter()
    import events.extract.sentences as s
    s._nlp()
    extract("On Friday, two Russian Tu-95MS bombers flew over the Sea of Japan.", date(2021, 11, 23))
    warmup = time.perf_counter() - t0
    if args.first_run:
        return _record_first_run(args.dev)
    if args.dev:
        status = _report([args.dev], str(args.dev), args, warmup)
        print()
        _print_first_runs([args.dev])
        folders = [args.dev]
    else:
        dev = [DEV] + sorted(p for p in DEV.iterdir() if p.is_dir() and not p.name.startswith(FROZEN_PREFIX)
                             and any(p.glob("*.gold.json")))
        frozen = sorted(p for p in DEV.iterdir() if p.is_dir() and p.name.startswith(FROZEN_PREFIX))
        status = 0
        for group, title, show in ((dev, "development set", args.verbose), (frozen, "frozen test splits", False)):
            if not group:
                continue
            print(f"== {title} ==")
            for folder in group:
                status |= _report([folder], _name(folder), args, warmup, verbose=show)
                print()
            if len(group) > 1:
                status |= _report(group, f"{title}, pooled", args, warmup, verbose=False)
                print()
        _print_first_runs(frozen)
        folders = dev + frozen
    if not args.json:
        _throughput(folders, warmup)
    return status


def _first_runs() -> dict[str, dict[str, Any]]:
    runs = json.loads(FIRST_RUNS.read_text(encoding="utf-8"))
    runs.pop("_about", None)
    return runs


def _first_run_line(name: str, c: Counts, actors_exact: int) -> str:
    f = c.prf()
    share = actors_exact / c.tp if c.tp else 0.0
    return (f"{name}: events P={f['precision']:.3f} R={f['recall']:.3f} F1={f['f1']:.3f}  "
            f"(tp={c.tp} fp={c.fp} fn={c.fn}), actors exactly right {actors_exact}/{c.tp} ({share:.0%})")


def _print_first_runs(frozen: list[Path]) -> None:
    """Each frozen split's first-run figures and, for several, their pool: the numbers that count."""
    runs = _first_runs()
    frozen = [f for f in frozen if f.name.startswith(FROZEN_PREFIX)]
    if not frozen:
        return
    print("== frozen test splits at their first run (first_runs.json) ==")
    pool, actors = Counts(), 0
    for folder in frozen:
        run = runs.get(folder.name)
        if run is None:
            print(f"{folder.name}: no first run recorded (bench/extraction.py --dev {_name(folder)} --first-run)")
            continue
        c = Counts(run["tp"], run["fp"], run["fn"])
        print(_first_run_line(f"{folder.name} at {run['commit']}", c, run["actors_exact"]))
        pool.tp, pool.fp, pool.fn, actors = pool.tp + c.tp, pool.fp + c.fp, pool.fn + c.fn, actors + run["actors_exact"]
    if len(frozen) > 1:
        print(_first_run_line(f"pooled, {len(frozen)} splits", pool, actors))
    print()


def _record_first_run(folder: Path) -> int:
    """Score a newly frozen split and keep its counts as its first run, with the commit scored."""
    runs = json.loads(FIRST_RUNS.read_text(encoding="utf-8"))
    if folder.name in runs:
        print(f"{folder.name}: a first run is recorded already ({runs[folder.name]['commit']}); it is never replaced",
              file=sys.stderr)
        return 1
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.strip()
    if subprocess.run(["git", "status", "--porcelain", "--", "events", "geo", "data"], cwd=ROOT,
                      capture_output=True, text=True, check=True).stdout.strip():
        commit += " (with uncommitted changes)"
    res = evaluate(load(folder, with_seed=False))
    runs[folder.name] = {"commit": commit, "tp": res.events.tp, "fp": res.events.fp, "fn": res.events.fn,
                         "actors_exact": res.actors_exact}
    FIRST_RUNS.write_text(json.dumps(runs, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"recorded in {_name(FIRST_RUNS)}: " + _first_run_line(folder.name, res.events, res.actors_exact))
    return 0


def _name(folder: Path) -> str:
    return str(folder.relative_to(ROOT)) if folder.is_relative_to(ROOT) else str(folder)


def _throughput(folders: list[Path], warmup: float, passes: int = 3) -> None:
    """Articles per second over every report, pass by pass: the first pass pays for geocoder lookups."""
    docs = [d for f in folders for d in load(f)]
    print(f"\nthroughput over {len(docs)} reports (process warm-up {warmup:.2f} s: spaCy, dateparser, gazetteer):")
    for n in range(1, passes + 1):
        secs = []
        for d in docs:
            t0 = time.perf_counter()
            extract(d.text, d.published)
            secs.append(time.perf_counter() - t0)
        print(f"  pass {n}: {len(secs) / sum(secs):.1f} articles/s, median {statistics.median(secs) * 1000:.1f} ms, "
              f"slowest {max(secs) * 1000:.0f} ms")


def _report(folders: list[Path], name: str, args: argparse.Namespace, warmup: float, verbose: bool = False) -> int:
    """Score some folders of reports together and print their figures; 1 if event F1 is below --min-f1."""
    docs = [d for folder in folders for d in load(folder)]
    dev_only = [d for d in docs if not d.seed]
    res = evaluate(docs)
    dev_res = evaluate(dev_only)
    secs = dev_res.seconds + res.seconds
    matched = dev_res.events.tp
    figures = {
        "set": name,
        "reports": len(dev_only), "gold_events": sum(len(d.gold) for d in dev_only),
        "events": dev_res.events.prf(), "actors": dev_res.actors.prf(), "observers": dev_res.observers.prf(),
        "actors_right_of_matched": f"{dev_res.actors_exact}/{matched}",
        "events_with_seed": res.events.prf(), "actors_with_seed": res.actors.prf(),
        "exact_dates_of_matched": f"{dev_res.exact_dates}/{matched}",
        "warmup_s": round(warmup, 2),
        "articles_per_s": round(len(secs) / sum(secs), 1) if secs else None,
        "median_ms_per_article": round(statistics.median(secs) * 1000, 1) if secs else None,
    }
    seed = next((d for d in res.per_doc if d["seed"]), None)
    if args.json:
        figures["seed"] = seed and {k: seed[k] for k in ("gold", "pred", "matched")}
        print(json.dumps(figures, indent=1))
    else:
        print(f"{figures['set']}: {figures['reports']} reports, {figures['gold_events']} gold events")
        share = dev_res.actors_exact / matched if matched else 0.0
        print(f"  actors exactly right on {figures['actors_right_of_matched']} matched events ({share:.0%})")
        for k in ("events", "actors", "observers"):
            f = figures[k]
            print(f"  {k:<10} P={f['precision']:.3f} R={f['recall']:.3f} F1={f['f1']:.3f}  "
                  f"(tp={f['tp']} fp={f['fp']} fn={f['fn']})")
        f = figures["events_with_seed"]
        if seed is not None:
            print(f"  with seed  events F1={f['f1']:.3f}  actors F1={figures['actors_with_seed']['f1']:.3f}")
        print(f"  exact date windows among matched events: {figures['exact_dates_of_matched']}")
        if verbose:
            for d in dev_res.per_doc:
                if d["missed"] or d["spurious"]:
                    print(f"\n{d['name']}:")
                    for e in d["missed"]:
                        print("   missed   " + _brief(e))
                    for e in d["spurious"]:
                        print("   spurious " + _brief(e))
        if seed is None:
            if any("seed" in json.loads(g.read_text()) for f in folders for g in f.glob("*.gold.json")):
                print("\nseed report: ../shared/seed not present, skipped")
        else:
            gold = next(d for d in docs if d.seed).gold
            print(f"\nseed report: {seed['matched']}/{seed['gold']} gold events found, {seed['pred']} extracted")
            for e in seed["preds"]:
                print("   extracted " + _brief(e))
            for e in seed["missed"]:
                print("   MISSED    " + _brief(e))
            del gold
    return 1 if figures["events"]["f1"] < args.min_f1 else 0


if __name__ == "__main__":
    sys.exit(main())
