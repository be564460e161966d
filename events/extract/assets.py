"""Platforms and counts: "two Russian Tu-95MS strategic bombers" -> "Tu-95MS x2".

Designators (Tu-95MS, H-6K, F-15J, Su-30SM, B-52H) are matched by shape, not by list, so
new variants still come out. Generic kinds ("fighter jets", "warships") are kept when no
designator is given; "30 such missions" becomes a mission count on the platform.
"""

from __future__ import annotations

import re

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a pair of": 2, "a dozen": 12,
                "dozens of": 24, "several": 0, "a total of": 0}
_NUM = r"(?P<n>\d{1,3}|a pair of|a dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# Designators: letters, hyphen, digits, optional suffix letters ("Tu-95MS", "J-16", "B-1B", "Su-30SM2").
_DESIG = r"(?P<d>(?:[A-Z][a-zA-Z]{0,2}|[A-Z]{2,3})-\d{1,3}[A-Z]{0,3}\d?)"
_KIND = (r"(?P<k>(?:strategic |long-range |heavy |nuclear-capable |maritime |anti-submarine )?"
         r"(?:bombers?|fighter jets?|fighters?|jets?|warplanes?|aircraft|planes?|helicopters?|drones?|"
         r"reconnaissance (?:aircraft|planes?|drones?)|patrol aircraft|spy planes?|tankers?|"
         r"warships?|destroyers?|frigates?|corvettes?|cruisers?|submarines?|vessels?|ships?|"
         r"naval ships|landing ships?|aircraft carriers?|carriers?|troops|soldiers|missiles?))")
_DEMONYM = (r"(?-i:(?:(?!(?:The|A|An|This|That|These|Those|Its|Their|Such|Other|More|Some|All)\b)"
            r"[A-Z][a-z]+(?:-[A-Z][a-z]+)? |U\.?S\.? )?)")
_WITH_DESIG = re.compile(rf"\b(?:{_NUM}\s+)?{_DEMONYM}(?:\w+-made |\w+-built )?{_DESIG}(?:\s+{_KIND})?", re.I)
_GENERIC = re.compile(rf"\b(?:{_NUM}\s+)?(?:such |more |other )?{_DEMONYM}{_KIND}\b", re.I)
_MISSIONS = re.compile(r"\b(?P<n>\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|dozens of)\s+(?:such\s+)?"
                       r"(?:missions|sorties|flights)\b", re.I)


def _count(s: str | None) -> int:
    if not s:
        return 0
    s = s.lower()
    return int(s) if s.isdigit() else NUMBER_WORDS.get(s, 0)


def _singular(kind: str) -> str:
    kind = kind.lower()
    if kind.endswith(("aircraft", "troops", "soldiers")):
        return kind
    if kind.endswith("ies"):
        return kind[:-3] + "y"
    return kind[:-1] if kind.endswith("s") and not kind.endswith("ss") else kind


def find(sentence: str) -> list[str]:
    """Assets in text order, e.g. ["Tu-95MS x2", "H-6K x2"], ["fighter jets"], ["strategic bomber x10"]."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _WITH_DESIG.finditer(sentence):
        d = m.group("d")
        if re.fullmatch(r"(?:COVID|Covid|G|P5|MH)-\d+.*", d):
            continue
        n = _count(m.group("n"))
        out.append(f"{d} x{n}" if n else d)
        spans.append(m.span())
    missions = _MISSIONS.search(sentence)
    for m in _GENERIC.finditer(sentence):
        if any(s <= m.start() < e for s, e in spans):
            continue
        kind = m.group("k").lower()
        if not m.group("n") and re.search(r"\b(?:the|its|their)\s+$", sentence[:m.start("k")], re.I) and (
                m.start("k") == m.start()):
            continue  # "the bomber patrol", "the aircraft": a reference back, not a new asset
        if kind in ("missile", "missiles") or (spans and kind in ("bomber", "bombers", "aircraft", "jets", "jet")
                                               and not m.group("n")):
            continue  # "the bombers" after "two Tu-95MS bombers": the same aircraft again
        n = _count(m.group("n"))
        label = f"{_singular(kind)} x{n}" if n else kind
        if missions and not n and "bomber" in kind:
            label = f"{_singular(kind)} ({_count(missions.group('n'))} missions)"
        if label not in out and not any(o.startswith(_singular(kind)) for o in out):
            out.append(label)
    return out
