"""Event types, and reported-as-happened versus planned or hypothetical activity (issue 5)."""

from __future__ import annotations

from datetime import date

from events.event_types import EVENT_TYPES
from events.extract import extract
from events.extract import types as T

PUB = date(2021, 11, 23)


def kinds(text: str) -> list[str]:
    return [c.event.type for c in extract(text, PUB)]


def test_joint_patrol_only_when_called_joint() -> None:
    assert kinds("On Friday, two Russian Tu-95MS bombers and two Chinese H-6K bombers flew a joint patrol over "
                 "the Sea of Japan.") == ["joint_patrol"]
    assert kinds("On Friday, two Russian Tu-95MS bombers and two Chinese H-6K bombers flew over the Sea of "
                 "Japan.") == ["bomber_approach"]


def test_planned_announced_hypothetical_and_denied_are_not_extracted() -> None:
    for text in [
        "Russia and China will hold joint naval drills in the Sea of Japan next month.",
        "The two ministers expressed interest in stepping up joint patrols and exercises.",
        "Moscow said it could send bombers near the Alaska coast if Washington continued its flights.",
        "Beijing plans to stage large-scale drills around Taiwan later this year.",
        "Japan said the Russian aircraft did not enter its airspace on Tuesday.",
    ]:
        assert kinds(text) == [], text


def test_scramble_actor_is_the_reacting_country() -> None:
    out = extract("On Tuesday, two Russian Il-20 reconnaissance aircraft flew over the Sea of Japan, and Japan's "
                  "Air Self-Defense Force scrambled fighter jets.", PUB)
    by_type = {c.event.type: c.event for c in out}
    assert by_type["scramble"].actors == ["JPN"]
    assert by_type["scramble"].observers == ["RUS"]
    assert by_type["other"].actors == ["RUS"]


def test_named_exercise_that_took_place_is_an_event_beside_what_happened_during_it() -> None:
    # the coding rules: "during the Global Thunder exercise, bombers came within 20 km" is two events
    text = ("This month, during the US Global Thunder strategic force exercise, 10 strategic bombers came as "
            "close as 20 kilometers (12 miles) to the Russian border.")
    out = extract(text, PUB)
    assert [c.event.type for c in out] == ["exercise", "bomber_approach"]
    unnamed = extract("During drills, two Russian Tu-95MS bombers came within 30 km of the Japanese border.", PUB)
    assert [c.event.type for c in unnamed] == ["bomber_approach"]


def test_transit_incursion_other() -> None:
    assert kinds("On Saturday, the U.S. destroyer USS Chung-Hoon sailed through the Taiwan Strait.") == ["transit"]
    assert kinds("On Monday, 22 Chinese military aircraft entered Taiwan's air defense identification zone.") == [
        "incursion"]
    assert kinds("North Korea fired two ballistic missiles into the Sea of Japan on Thursday.") == ["other"]


def test_suicide_bomber_headline_is_not_a_bomber_flight() -> None:
    assert T.find("Suicide bomber attack near the border kills 12.") == []


def test_exercise_restraint_is_not_an_exercise() -> None:
    assert T.find("Washington urged Beijing to exercise restraint near Taiwan.") == []


def test_every_registered_type_has_trigger_rules_and_no_rules_name_another_type() -> None:
    assert [n for n in EVENT_TYPES if not T._TRIG.get(n)] == [], "registered types without trigger rules"
    assert [n for n in T._TRIG if n not in EVENT_TYPES] == [], "trigger rules for types not in the registry"


def test_history_recalled_beside_this_weeks_news_is_left_out_as_background() -> None:
    text = ("Two Russian Tu-95MS bombers flew over the Sea of Japan on Tuesday, Japan's Joint Staff said. "
            "In July 2019, Russian and Chinese bombers flew a joint patrol over the East China Sea.")
    left: list = []
    out = extract(text, date(2024, 6, 7), left_out=left)
    assert [d.event.type for d in out] == ["bomber_approach"]
    assert [(d.event.type, d.event.modality) for d in left] == [("joint_patrol", "background")]
