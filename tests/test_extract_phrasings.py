"""The wording of real outlets: each case is one event told as some outlet or office tells it
(own sentences, from the way wire copy, ministry releases and air-policing notices word them).
The extractor must draft the event's type with the acting country, whatever verb carries it:
fighters that "took to the air", "were alerted", "met" or "identified"; ships that "breached"
waters or "entered the Baltic through" a strait; a carrier that "left its home port".
"""

from __future__ import annotations

from datetime import date

import pytest

from events.extract import draft_to_dict, extract

CASES = [
    ("scramble", "JPN",
     "Two Chinese Y-9 aircraft flew over the East China Sea on Monday. Air Self-Defense Force fighters "
     "took off to monitor them."),
    ("scramble", "JPN",
     "A Russian Il-38 flew along the coast of Hokkaido on Tuesday. The ASDF launched F-15J fighters in "
     "response."),
    ("scramble", "GBR",
     "Two Russian Tu-142 aircraft approached the Shetland Islands on Friday. RAF Typhoons from Lossiemouth "
     "were launched to meet them."),
    ("scramble", "NLD",
     "A Russian Il-20 flew over the North Sea on Wednesday. Two Dutch F-35s took to the air and followed "
     "the aircraft."),
    ("scramble", "POL",
     "Russian aircraft struck targets in western Ukraine overnight. Polish and allied aircraft were "
     "activated, the Operational Command said."),
    ("scramble", "POL",
     "Russia launched a massive missile attack on Ukraine on Sunday. Poland raised fighter jets into the "
     "air to secure its airspace."),
    ("scramble", "ITA",
     "A Russian Il-38 approached NATO airspace over the Baltic Sea on Tuesday. Italian Eurofighters based "
     "in Estonia were alerted and took off."),
    ("scramble", "KOR",
     "Chinese and Russian warplanes entered the KADIZ on Thursday. The South Korean military deployed "
     "fighter jets to take tactical measures."),
    ("scramble", "TWN",
     "Two Chinese Y-8 anti-submarine aircraft entered Taiwan's ADIZ on Monday. Taiwan sent aircraft to "
     "warn them off."),
    ("scramble", "TWN",
     "Ten Chinese aircraft crossed the median line on Tuesday. Taiwan's air force responded by tasking "
     "combat air patrol aircraft."),
    ("scramble", "USA",
     "Two Russian Tu-95 bombers entered the Alaska ADIZ on Monday. F-22 Raptors were sent to intercept and "
     "escort them."),
    ("scramble", "NOR",
     "Two Russian Tu-160 bombers flew along the Norwegian coast on Wednesday. Norwegian F-35 fighters met "
     "them over the Norwegian Sea."),
    ("scramble", "FIN",
     "A Russian Il-96 violated Finnish airspace near Porvoo on Thursday. Finnish Hornets identified the "
     "aircraft."),
    ("scramble", "DNK", "A Russian Su-24 flew near Bornholm on Friday. Danish F-16s were sent up to identify it."),
    ("scramble", "DEU",
     "A Russian Il-20 flew over the Baltic Sea without a transponder on Tuesday. German Eurofighters on "
     "quick reaction alert went up to identify it."),
    ("scramble", "JPN",
     "A Russian An-26 flew near Rebun Island on Sunday. The Japanese Air Self-Defense Force responded by "
     "scrambling fighter jets."),
    ("scramble", "SWE", "A Russian Il-20 flew close to Gotland on Monday. Swedish JAS 39 Gripens were dispatched."),
    ("scramble", "BEL",
     "A Russian Tu-134 was heading for the Baltic states on Thursday. Belgian F-16s of the Baltic Air "
     "Policing mission intercepted it."),
    ("scramble", "ROU",
     "Russian drones attacked Ukrainian ports near the Romanian border overnight. Romania sent two F-16s "
     "to monitor the airspace."),
    ("scramble", "GRC",
     "Turkish F-16s violated Greek airspace over the Aegean on Monday. Greek jets engaged them in a mock "
     "dogfight."),
    ("scramble", "KOR",
     "A Russian Il-38 entered the KADIZ twice on Tuesday. The South Korean air force sent F-15K jets to "
     "the scene."),
    ("scramble", "JPN",
     "A Chinese drone flew between Yonaguni and Taiwan on Friday. Japan responded by sending up fighter "
     "jets."),
    ("scramble", "CAN",
     "Russian aircraft entered the Canadian ADIZ on Monday. CF-18 Hornets shadowed them until they left."),
    ("other", "CHN", "A Chinese Shaanxi Y-9 flew over the Sea of Japan on Monday, the Joint Staff said."),
    ("other", "RUS", "A Russian Il-20 reconnaissance plane flew over the Baltic Sea on Tuesday."),
    ("other", "CHN", "Two Chinese coast guard ships entered the contiguous zone around the Senkaku Islands on Monday."),
    ("other", "CHN",
     "A China Coast Guard vessel fired a water cannon at a Philippine supply boat near Second Thomas Shoal "
     "on Saturday."),
    ("other", "PRK", "North Korea fired a short-range ballistic missile into the Sea of Japan on Wednesday."),
    ("other", "PRK",
     "North Korea launched two cruise missiles off its west coast on Sunday, South Korea's military said."),
    ("other", "RUS", "A Russian Kilo-class submarine surfaced in the English Channel on Thursday."),
    ("other", "GBR", "HMS Tyne shadowed the Russian corvette Boikiy through the English Channel on Tuesday."),
    ("other", "RUS", "Russian warships were spotted off the coast of Ireland on Monday."),
    ("other", "CHN", "The Chinese aircraft carrier Shandong sailed into the western Pacific on Monday."),
    ("other", "CHN", "A Chinese Z-9 helicopter flew close to a Japanese destroyer in the East China Sea on Sunday."),
    ("other", "RUS", "A Russian Su-27 dumped fuel on a US MQ-9 drone over the Black Sea on Tuesday."),
    ("other", "USA", "A US Navy P-8A Poseidon flew through the Taiwan Strait on Wednesday."),
    ("other", "CHN",
     "Chinese survey ship Haiyang Dizhi 8 operated inside Vietnam's exclusive economic zone on Monday."),
    ("other", "RUS", "The Russian spy ship Yantar loitered over undersea cables in the Irish Sea last week."),
    ("other", "CHN", "A Chinese high-altitude balloon floated over Montana on Thursday."),
    ("other", "IRN", "Iran's navy seized an oil tanker in the Strait of Hormuz on Thursday."),
    ("other", "YEM", "Houthi forces fired an anti-ship missile at a tanker in the Red Sea on Monday."),
    ("other", "RUS", "Russia deployed Tu-22M3 bombers to Syria's Hmeimim base on Tuesday."),
    ("other", "CHN", "Eight Chinese navy ships were operating around Taiwan as of 6 a.m. on Tuesday."),
    ("other", "RUS", "Russian military helicopters flew over the Estonian island of Vaindloo on Friday."),
    ("other", "JPN", "A Japan Maritime Self-Defense Force P-1 patrol aircraft monitored the Chinese ships on Sunday."),
    ("other", "CHN", "Chinese maritime militia vessels swarmed Whitsun Reef on Monday."),
    ("other", "RUS", "A Russian destroyer sailed within 100 metres of a US warship in the Philippine Sea on Friday."),
    ("incursion", "RUS", "A Russian Mi-8 helicopter crossed into Estonian airspace near Vaindloo on Thursday."),
    ("incursion", "CHN",
     "Chinese coast guard ships intruded into Japan's territorial waters near the Senkakus on Monday."),
    ("incursion", "RUS", "Russian drones strayed into Polish airspace overnight."),
    ("incursion", "CHN", "Twenty-one Chinese aircraft flew into Taiwan's air defence identification zone on Sunday."),
    ("transit", "CHN", "Five Chinese navy ships sailed through the Tsugaru Strait on Saturday."),
    ("transit", "USA", "The destroyer USS Ralph Johnson made a Taiwan Strait transit on Wednesday."),
    ("transit", "RUS", "Two Russian frigates steamed through the Strait of Gibraltar on Monday."),
    ("exercise", "RUS", "Russia's Pacific Fleet held drills in the Sea of Japan on Tuesday."),
    ("exercise", "CHN", "The PLA staged live-fire exercises near Pingtan on Saturday."),
    ("exercise", "USA", "US and Philippine forces kicked off their Balikatan war games on Monday."),
    ("exercise", "RUS", "Russian Su-27 fighters practised air combat over the Baltic Sea on Wednesday."),
    ("scramble", "JPN",
     "Chinese drones flew between Yonaguni and Taiwan on Monday. In response, the Air Self-Defense Force "
     "scrambled fighters from its Southwestern Air Defense Force."),
    ("scramble", "KOR",
     "Two Chinese H-6 bombers entered the KADIZ near Ieodo on Tuesday. Our air force put fighters in the "
     "air ahead of their entry, the JCS said."),
    ("scramble", "TWN",
     "Taiwan's military said it monitored the situation and dispatched air patrol forces, navy vessels and "
     "coastal missile systems in response to the 17 PLA aircraft detected on Friday."),
    ("scramble", "USA",
     "NORAD detected and tracked two Russian Il-38 aircraft in the Alaska ADIZ on Sunday. NORAD F-16s "
     "positively identified the aircraft."),
    ("scramble", "FIN",
     "A Russian Il-20 entered Estonian airspace near Vaindloo on Friday. A NATO air policing mission was "
     "activated and Finnish F-18s were raised."),
    ("scramble", "ESP",
     "Spanish Eurofighters stationed in Lithuania took off three times last week to identify Russian "
     "aircraft flying over the Baltic Sea."),
    ("scramble", "NLD",
     "A Russian Il-20 flew over the Baltic Sea on Monday. Dutch F-35s, part of NATO air policing, were "
     "sent to escort it."),
    ("scramble", "JPN",
     "Russian Tu-142 aircraft flew over the Sea of Japan on Thursday. The ASDF responded with an emergency "
     "takeoff of fighters."),
    ("scramble", "GBR",
     "A Russian Il-38 May entered the UK area of interest on Saturday. Quick Reaction Alert Typhoons "
     "launched from RAF Lossiemouth."),
    ("scramble", "NOR",
     "Russian Tu-95s flew off northern Norway on Tuesday. Two F-35s from the Norwegian QRA at Evenes were "
     "launched to identify them."),
    ("scramble", "CAN",
     "Russian bombers approached the Arctic on Wednesday. Royal Canadian Air Force CF-18s conducted the "
     "intercept."),
    ("scramble", "SWE",
     "A Russian Su-27 approached Swedish airspace over the Baltic on Friday. The Swedish air force "
     "intercepted the aircraft, which then turned away."),
    ("scramble", "PHL",
     "Chinese aircraft flew near Scarborough Shoal on Monday. The Philippine Air Force dispatched two "
     "FA-50s to investigate."),
    ("scramble", "CHN",
     "A Chinese J-11 fighter intercepted a US Navy P-8A Poseidon over the South China Sea on Sunday."),
    ("other", "CHN",
     "Chinese coast guard vessels blocked and blasted a Philippine resupply boat with water cannon near "
     "Ayungin Shoal on Saturday."),
    ("other", "CHN", "A Chinese Y-8 electronic warfare aircraft flew through the Bashi Channel on Tuesday."),
    ("other", "CHN", "A Chinese Type 815 intelligence ship was seen off Australia's northwest coast on Monday."),
    ("other", "RUS", "Russia test-launched a Sarmat intercontinental missile from Plesetsk on Wednesday."),
    ("other", "PRK", "North Korea fired off two ballistic missiles toward the East Sea on Thursday, the JCS said."),
    ("other", "PRK", "Pyongyang launched what appeared to be a hypersonic missile on Tuesday."),
    ("other", "RUS", "The Russian intelligence-gathering ship Viktor Leonov was spotted off Florida on Friday."),
    ("other", "USA", "A US Navy EP-3E reconnaissance plane flew over the Taiwan Strait on Friday."),
    ("other", "CHN", "Chinese aircraft carrier Liaoning left its home port of Qingdao on Monday."),
    ("other", "GBR", "A Russian Kilo-class submarine was tracked by the Royal Navy in the North Sea on Monday."),
    ("other", "CHN", "A Chinese WZ-7 drone flew near Okinawa on Saturday."),
    ("other", "RUS", "The Russian submarine Kazan docked in Havana on Wednesday."),
    ("other", "IRN", "Iranian fast boats harassed a US destroyer in the Strait of Hormuz on Tuesday."),
    ("incursion", "RUS", "A Russian An-30 violated Danish airspace north of Bornholm on Wednesday."),
    ("incursion", "CHN",
     "Four Chinese coast guard ships breached Japanese territorial waters near the Senkakus on Monday."),
    ("incursion", "RUS", "A Russian Su-24 briefly entered Swedish airspace east of Gotland on Friday."),
    ("incursion", "CHN", "Chinese warplanes made 27 incursions into Taiwan's air defence zone on Monday."),
    ("incursion", "RUS", "Two Russian Su-27s intruded into Finnish airspace on Thursday."),
    ("incursion", "BLR", "A Belarusian helicopter crossed into Polish airspace on Tuesday."),
    ("transit", "CHN", "A Chinese flotilla of five warships passed through the Osumi Strait on Wednesday."),
    ("transit", "RUS", "Russian warships sailed through the Tsushima Strait into the East China Sea on Tuesday."),
    ("transit", "GBR", "HMS Spey transited the Taiwan Strait on Wednesday."),
    ("transit", "CAN", "The Canadian frigate HMCS Ottawa sailed through the Taiwan Strait on Saturday."),
    ("transit", "RUS", "A Russian destroyer entered the Baltic Sea through the Danish straits on Monday."),
    ("exercise", "CHN", "China's navy conducted live-fire drills off Fujian on Saturday."),
    ("exercise", "RUS", "Russian paratroopers held exercises in Kaliningrad on Tuesday."),
    ("exercise", "USA",
     "The US and Japan held joint air drills over the Sea of Japan on Wednesday, involving B-52 bombers."),
    ("exercise", "CHN", "China launched the Strait Thunder-2025A exercise around Taiwan on Tuesday."),
    ("exercise", "KOR", "South Korea and the US staged combined air exercises on Friday."),
    ("joint_patrol", "RUS", "Russian and Chinese warships conducted a joint patrol in the Pacific on Monday."),
    ("joint_patrol", "CHN",
     "Chinese and Russian bombers staged a joint strategic flight over the Sea of Japan on Tuesday."),
    ("bomber_approach", "RUS", "Two Russian Tu-160 bombers flew near the Alaskan coast on Monday."),
    ("bomber_approach", "USA", "Two US B-1B bombers flew near the Korean Peninsula on Wednesday."),
    # what platforms do beside meeting each other: missiles fired, ships seen, grey-zone acts, deployments
    ("other", "PRK",
     "North Korea test-fired a new solid-fuel ICBM on Monday, which flew for 73 minutes before splashing "
     "down off Hokkaido."),
    ("other", "IRN",
     "Iran launched more than 180 ballistic missiles at Israel on Tuesday evening."),
    ("other", "RUS",
     "Russian forces struck Odesa with Kalibr cruise missiles fired from the Black Sea on Saturday."),
    ("other", "YEM",
     "The Houthis targeted a Greek-owned tanker with two anti-ship ballistic missiles on Tuesday."),
    ("other", "USA",
     "A US destroyer shot down three drones over the Red Sea on Sunday."),
    ("other", "PRK",
     "North Korea fired about 200 artillery shells near Yeonpyeong Island on Friday."),
    ("other", "USA",
     "A US RC-135 spy plane flew over the Yellow Sea on Wednesday, according to flight trackers."),
    ("other", "RUS",
     "A Russian Tu-214R surveillance aircraft conducted a reconnaissance flight along the Lithuanian "
     "border on Monday."),
    ("other", "CHN",
     "A Chinese Y-8 anti-submarine warfare plane was spotted southwest of Taiwan on Monday."),
    ("other", "USA",
     "A US Navy P-8A Poseidon maritime patrol aircraft transited the Taiwan Strait on Thursday."),
    ("other", "GBR",
     "An RAF Rivet Joint flew an intelligence-gathering mission over the Black Sea on Friday."),
    ("other", "CHN",
     "Two Chinese drones were detected flying near Pratas Island on Tuesday."),
    ("other", "CHN",
     "Chinese warships have been operating near Taiwan's east coast since Monday, the ministry said."),
    ("other", "RUS",
     "Three Russian warships arrived in Havana on Wednesday for a five-day visit."),
    ("other", "CHN",
     "A Chinese navy task group was sighted in the Tasman Sea on Thursday."),
    ("other", "CHN",
     "Two Chinese navy vessels were seen near the Senkaku Islands on Sunday."),
    ("other", "RUS",
     "A Russian Oscar-class submarine was detected off the Norwegian coast on Monday."),
    ("other", "RUS",
     "The Russian frigate Admiral Gorshkov made a port call in Havana on Wednesday."),
    ("other", "CHN",
     "The Chinese research ship Xiang Yang Hong 03 has been loitering off Indonesia for a week."),
    ("other", "RUS",
     "Russian naval vessels mapped undersea cables in the North Sea last month."),
    ("other", "CHN",
     "Chinese coast guard ships rammed a Philippine vessel near Sabina Shoal on Saturday."),
    ("other", "CHN",
     "A Chinese coast guard ship chased away Filipino fishermen near Scarborough Shoal on Monday."),
    ("other", "CHN",
     "China's coast guard boarded Taiwanese fishing boats near Kinmen on Tuesday."),
    ("other", "CHN",
     "Chinese maritime militia vessels anchored at Iroquois Reef last week."),
    ("other", "CHN",
     "A Chinese coast guard vessel shadowed a Vietnamese survey ship on Monday."),
    ("other", "CHN",
     "A Chinese navy helicopter flew within 10 metres of a Philippine aircraft near Scarborough Shoal on "
     "Tuesday."),
    ("scramble", "CHN",
     "A Chinese J-16 released chaff in front of an Australian P-8 on 26 May."),
    ("other", "RUS",
     "A Russian Su-27 fired a missile near an RAF Rivet Joint over the Black Sea in September."),
    ("other", "CHN",
     "A Chinese destroyer cut across the bow of the USS Chung-Hoon in the Taiwan Strait on Saturday."),
    ("other", "USA",
     "The US deployed six B-52 bombers to Guam on Wednesday."),
    ("other", "RUS",
     "Russia moved Iskander missile systems to Kaliningrad on Monday."),
    ("other", "CHN",
     "The Chinese carrier Fujian sailed from Shanghai on its first sea trials on Wednesday."),
    ("other", "USA",
     "The USS Gerald R. Ford arrived in the eastern Mediterranean on Tuesday."),
]

# Who acted, told inside a reporting frame ("Japan's Joint Staff said ...", "according to ..."), a passive
# ("were intercepted by Norwegian F-35s"), a pronoun ("and that it scrambled jets") or where the jets serve
# ("Italian F-35s deployed to Poland"): the actors exactly.
EXACT = [
    ("other", ["CHN"],
     "Japan's Joint Staff said on Tuesday that two Chinese Y-9 aircraft had flown between Okinawa and "
     "Miyako."),
    ("other", ["RUS"],
     "According to the Norwegian Joint Headquarters, a Russian Il-38 flew along the coast of Finnmark on "
     "Monday."),
    ("incursion", ["CHN"],
     "Taiwan's defence ministry said 12 Chinese military aircraft entered its ADIZ on Friday."),
    ("incursion", ["RUS"],
     "Seoul said two Russian A-50 aircraft entered the KADIZ on Tuesday."),
    ("scramble", ["KOR"],
     "Seoul said two Russian A-50 aircraft entered the KADIZ on Tuesday and that it scrambled fighter "
     "jets."),
    ("scramble", ["NOR"],
     "Two Russian Tu-95s were intercepted by Norwegian F-35s off Andøya on Sunday."),
    ("scramble", ["POL"],
     "A Russian Il-20 was escorted by Polish MiG-29s over the Baltic Sea on Friday."),
    ("scramble", ["DEU"],
     "German Eurofighters intercepted a Russian Il-20 over the Baltic Sea on Monday, the Luftwaffe said."),
    ("scramble", ["USA"],
     "The Pentagon said US F-16s intercepted two Russian Su-35s near Alaska on Sunday."),
    ("scramble", ["JPN"],
     "The Joint Staff Office said ASDF fighters were scrambled against two Russian Tu-95s on Wednesday."),
    ("scramble", ["TWN"],
     "Taiwan scrambled jets on Monday after 19 Chinese aircraft entered its ADIZ."),
    ("scramble", ["ITA"],
     "Italian F-35s deployed to Poland were scrambled on Tuesday to intercept a Russian aircraft over the "
     "Baltic Sea."),
    ("other", ["CHN"],
     "The Philippine Coast Guard said Chinese coast guard vessels fired water cannon at its ship near "
     "Scarborough Shoal on Monday."),
    ("incursion", ["RUS"],
     "Estonia said a Russian Mi-8 helicopter violated its airspace on Friday."),
    ("incursion", ["RUS"],
     "Lithuania's defence ministry said Russian drones entered Lithuanian airspace on Wednesday."),
    ("other", ["PRK"],
     "South Korea's Joint Chiefs of Staff said North Korea fired a ballistic missile into the East Sea on "
     "Monday."),
    ("other", ["CHN"],
     "The Japanese Defense Ministry confirmed that a Chinese drone flew between Yonaguni and Taiwan on "
     "Thursday."),
    ("transit", ["CHN"],
     "Japan's Joint Staff said three Chinese navy vessels sailed through the Tsushima Strait on Sunday."),
    ("transit", ["USA"],
     "China's Eastern Theater Command said the USS Milius sailed through the Taiwan Strait on Friday."),
    ("exercise", ["CHN"],
     "Taiwan's defence ministry said the PLA conducted drills around the island on Monday."),
    ("exercise", ["RUS", "CHN"],
     "Russia and China held naval drills in the Sea of Japan on Tuesday, Moscow said."),
    ("joint_patrol", ["RUS", "CHN"],
     "Russia's defence ministry said Russian Tu-95 and Chinese H-6 bombers conducted a joint patrol over "
     "the Sea of Japan on Tuesday."),
    ("scramble", ["GBR"],
     "A Russian Il-38 was met by RAF Typhoons north of Scotland on Thursday."),
    ("scramble", ["NLD"],
     "Two Russian Su-30s were tailed by Dutch F-35s over the Baltic on Monday."),
    ("scramble", ["FRA"],
     "French Rafales based in Lithuania were scrambled on Wednesday to identify two Russian aircraft."),
    ("scramble", ["JPN"],
     "Japanese fighters were scrambled on Monday in response to a Chinese drone flying near Yonaguni."),
    ("scramble", ["KOR"],
     "South Korean fighter jets were deployed on Thursday after Chinese and Russian warplanes entered the "
     "KADIZ."),
    ("other", ["RUS"],
     "Norway's military said a Russian Il-20 was observed flying along the Norwegian coast on Friday."),
]


@pytest.mark.parametrize(("etype", "actor", "text"), CASES, ids=[f"{t}-{a}-{i}" for i, (t, a, _) in enumerate(CASES)])
def test_the_event_is_drafted_with_its_actor(etype: str, actor: str, text: str) -> None:
    drafts = [draft_to_dict(c) for c in extract(text, date(2024, 6, 14))]
    assert any(d["type"] == etype and actor in d["actors"] for d in drafts), \
        [(d["type"], d["actors"]) for d in drafts]


@pytest.mark.parametrize(("etype", "actors", "text"), EXACT, ids=[f"{t}-{i}" for i, (t, _, _) in enumerate(EXACT)])
def test_the_actors_are_exactly_who_acted(etype: str, actors: list[str], text: str) -> None:
    drafts = [draft_to_dict(c) for c in extract(text, date(2024, 6, 14))]
    assert any(d["type"] == etype and set(d["actors"]) == set(actors) for d in drafts), \
        [(d["type"], d["actors"]) for d in drafts]


# Bombers named without an approach: in a drill, on deployment, over open sea nobody owns or watched, in a
# description; (type drafted or None, type that must not be drafted or None, text)
BOMBERS = [
    ("exercise", "bomber_approach",
     "Two US B-52 bombers took part in a joint drill with Japanese F-15s over the Sea of Japan on "
     "Wednesday."),
    ("exercise", "bomber_approach",
     "A B-52 bomber flew over the Baltic Sea on Tuesday as part of the BALTOPS exercise."),
    ("other", "bomber_approach",
     "Four US B-1B bombers arrived at Misawa Air Base on Monday for a Bomber Task Force deployment."),
    (None, "bomber_approach",
     "Two Russian Tu-95MS bombers flew over the neutral waters of the Barents Sea on Monday, the ministry "
     "said."),
    (None, "bomber_approach",
     "Two Tu-160 strategic bombers performed a scheduled flight over the Arctic Ocean on Tuesday lasting "
     "12 hours."),
    ("exercise", "bomber_approach",
     "US B-52s trained with Norwegian F-35s over the Norwegian Sea on Thursday."),
    ("exercise", "bomber_approach",
     "A pair of B-1B bombers conducted combined drills with South Korean F-35A jets over the Yellow Sea on "
     "Friday."),
    ("bomber_approach", None,
     "Chinese H-6K bombers flew around Taiwan on Monday, the ministry said."),
    ("bomber_approach", None,
     "Two Russian Tu-95 bombers flew close to the Alaskan coast on Sunday."),
    (None, "bomber_approach",
     "The Tu-22M3 is a long-range bomber that Russia has used in Syria."),
    ("other", "bomber_approach",
     "Russia moved Tu-22M3 bombers to Hmeimim air base in Syria on Tuesday."),
    (None, "bomber_approach",
     "Russian bombers have flown near Alaska more often this year, analysts say."),
    ("exercise", "bomber_approach",
     "During the exercise, B-52 bombers practised strikes over the North Sea on Monday."),
]


@pytest.mark.parametrize(("drafted", "not_drafted", "text"), BOMBERS, ids=[f"bombers-{i}" for i in range(len(BOMBERS))])
def test_bombers_named_are_an_approach_only_when_they_approach(drafted: str | None, not_drafted: str | None,
                                                                 text: str) -> None:
    kinds = [draft_to_dict(c)["type"] for c in extract(text, date(2024, 6, 14))]
    assert drafted is None or drafted in kinds, kinds
    assert not_drafted is None or not_drafted not in kinds, kinds


def test_a_place_told_again_by_its_kind_is_the_one_named_before() -> None:
    text = ("A US destroyer sailed through the Taiwan Strait on Thursday, the Navy said. "
            "The British frigate HMS Richmond sailed through the strait on September 27, drawing a rebuke.")
    drafts = [c for c in extract(text, date(2021, 10, 17)) if c.event.actors == ["GBR"]]
    assert drafts and "strait" in drafts[0].event.places
    lon, lat = drafts[0].event.geometry["coordinates"]
    assert 118 < lon < 121 and 22 < lat < 26  # drawn where the Taiwan Strait is


def test_a_weekday_beside_a_written_date_names_that_day() -> None:
    from events.extract import dates

    anchor = dates.anchor("", date(2023, 12, 31))
    for sentence in ("And on July 16th, a Sunday, a Su-35 flew close.", "So this was Sunday, July 16th, 2023."):
        assert [(m.date_start, m.relative) for m in dates.find(sentence, anchor)] == [(date(2023, 7, 16), False)]


def test_a_flight_over_a_country_is_located_there_but_a_dispute_over_one_is_not() -> None:
    from events.extract import places
    from events.extract.extractor import _country_words

    def found(sentence: str) -> list[str]:
        return [p.text for p in places.find(sentence, _country_words())]

    assert "Syria" in found("An MQ-9 Reaper was flying a mission over Syria when a Russian Su-35 released flares.")
    assert "Taiwan" not in found("Amid tensions over Taiwan, three Chinese warships sailed through the Taiwan Strait.")


def test_a_recalled_launch_on_a_day_of_its_own_is_another_event_and_the_missile_again_is_not() -> None:
    text = ("North Korea launched a ballistic missile toward the Sea of Japan on Thursday morning, officials said. "
            "Japan's Defense Ministry said the missile was fired at a lofted angle from near Pyongyang. "
            "It is the North's first such launch since March 16, when it fired a Hwasong-17. "
            "On February 18, an ICBM fired by the North fell inside Japan's EEZ west of Oshima Oshima island.")
    launches = sorted(str(c.event.date_start) for c in extract(text, date(2023, 4, 13)) if c.event.type == "other")
    assert launches == ["2023-02-18", "2023-03-16", "2023-04-13"]
