"""Which event types a sentence reports, and whether it reports them as having happened.

Rules, in the order a coder would apply them: find trigger words for each type; drop
triggers in planned, hypothetical or denied clauses; drop context triggers that another
event in the sentence subsumes ("during the Global Thunder exercise, bombers came within
20 km" is one bomber approach, not also an exercise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EXERCISE_WORDS = (r"exercises?|drills?|war ?games|wargames|maneuvers|manoeuvres|naval games|live-fire|live[- ]firing|"
                  r"combat[- ]readiness patrols?")
# Platforms whose own movements are an activity: named warships and cutters, reconnaissance, patrol and
# transport aircraft by designator, drones, balloons, research and survey ships.
PLATFORM = (r"(?:(?-i:(?:USS|HMS|HMCS|HMAS|HMNZS|HNLMS|FGS|ITS|JS|ROKS|INS|BRP|USCGC|USNS|RFA|KRI|TCG|ORP|HDMS|HNoMS)"
            r"\s+[A-Z][\w'’-]+|[Cc]utter\s+[A-Z]\w+)|(?:Il-(?:20|38)|Tu-(?:142|214)|An-(?:12|26|30|72)|Y-(?:8|9)|KJ-\d+|"
            r"RC-135|EP-3|P-8|P-3|P-1|E-\d|MQ-\d|RQ-\d|WZ-\d+|TB-?\d|BZK-\d+|CH-\d)\w*|Global Hawks?|Reapers?|"
            r"(?:unmanned aerial vehicles?|UAVs?|drones?|balloons?)|(?:research|survey|intelligence|spy|"
            r"intelligence-gathering|surveillance) (?:vessels?|ships?)|submarines?|(?:aircraft )?carriers?|"
            r"(?:coast ?guard|coastguard|maritime militia) (?:vessels?|ships?|boats?|cutters?))")
PLATFORM_ACTS = (r"flew|flying|(?:had|have|has) flown|sailed|sailing|operating|operated|loitered|loitering|circled|"
                 r"hovered|patrolled|floated|drifted|surfaced|set sail|put to sea|sailed from|"
                 r"left (?:its |their |the )?(?:home )?(?:port|base|harbou?r)|made a port call|"
                 r"conducted|carried out|arrived|docked|anchored|departed|approached|returned|crossed|passed|"
                 r"transited|entered|shadowed|followed|tailed|harassed|rammed|collided|crashed|released|dropped|"
                 r"launched|fired|was shot down|were shot down|shot down|downed|"
                 r"detected|spotted|sighted|observed|tracked|monitored")
# What is launched or fired: missiles by kind or name, rockets, shells
_MUNITION = (r"missiles?|ICBMs?|SLBMs?|IRBMs?|rockets?|projectiles?|artillery (?:shells|rounds)|shells|salvos?|"
             r"Hwasong-?\w*|Kalibrs?|Iskanders?|Kinzhals?|Zircons?")
# Verbs of a sighting: their subject watched, their object's platforms acted ("the Philippine Navy counted
# 163 Chinese vessels").
SIGHTED = r"(?:detected|spotted|sighted|tracked|confirmed|counted|encountered|located)"
# A dash-enclosed aside inside a noun phrase: "two Chinese military drones — one surveillance-attack type and one
# reconnaissance type — flew ..."
_ASIDE = r"\s+[—–][^—–.;]{1,80}[—–]"
# Someone's airspace ("Japanese airspace", "its airspace", "the airspace of Estonia"): entering it is an
# incursion; "operated in the airspace about 150 km northwest of Okinawa" only says where a flight was.
_OWNED_AIRSPACE = (r"(?:\b(?:(?-i:[A-Z])[\w.]*(?:['’]s)?|its|their|our|the (?:country|island)['’]s|territorial|"
                   r"national|sovereign)\s+(?:[\w-]+\s+){0,2}?airspace\b|\bairspace\s+of\b)")
# Fighters and interceptors, by kind or designator: the aircraft a country sends up to meet others.
FIGHTER = (r"(?:fighter jets?|fighter aircraft|fighters?|interceptors?|jets|warplanes|F-\d{1,3}\w*|F/A-18\w*|CF-18\w*|"
           r"Su-(?:27|30|33|35|57)\w*|MiG-\d+\w*|J-(?:7|8|10|11|15|16|20)\w*|Typhoons?|Eurofighters?|Gripens?|"
           r"Rafales?|Mirages?|Tornados?|(?:Super )?Hornets?|Raptors?|FA-50\w*|KF-21\w*)")
# Fighters sent in the passive voice, with a purpose or a base after: "Two F-16s were sent up to monitor the
# airspace", "the Gripens were dispatched from Ronneby"; the verb is the trigger, the fighters just before it
_SENT_PASSIVE = re.compile(r"\b(?:were|was|had been|have been)\s+(?:quickly\s+|immediately\s+|also\s+|then\s+)?"
                           r"(?:launched|dispatched|sent up|sent aloft|sent|ordered up|alerted|activated|tasked|"
                           r"raised|deployed)\b(?=\s+(?:to|from|in response|after|toward|towards|into|and|on)\b|"
                           r"\s*[.,;]|$)", re.I)
# "the bombers were escorted by foreign fighter jets", "was accompanied by two F-16s": a passive meeting whose
# agent, after the verb, is the fighters (a participle after a comma, "escorted by Finnish Hornets", names
# company, not a reaction)
ESCORTED_BY = re.compile(rf"(?:(?<=were )|(?<=was )|(?<=been )|(?<=being ))(?:escorted|accompanied|shadowed|tailed|"
                         rf"met)(?=\s+by\s+(?:[\w-]+\s+){{0,4}}?{FIGHTER}\b)", re.I)
# ... with up to six words or an aside between ("Two F-35s from the Norwegian QRA at Evenes were launched",
# "Dutch F-35s, part of NATO air policing, were sent")
_FIGHTER_BEFORE = re.compile(rf"\b{FIGHTER}(?:,[^,;.]{{1,60}},)?(?:\s+[\w()-]+){{0,6}}?\s+$", re.I)
# "Swedish Gripens were dispatched.", "... were alerted and took off": fighters sent with no destination went up
# to meet something (sent "to Lithuania" is a deployment unless the sentence says what they answered)
_WENT_UP = re.compile(r"\s*[.;]|\s*$|\s+and\s+(?:took off|went up|intercepted|identified|escorted)\b|"
                      r"(?:\s+on\s+(?-i:[A-Z][a-z]+day|\d+\w*))?\s+(?:after|in response|when|as soon as)\b", re.I)
# "Polish and allied aircraft were activated": an air force's own word for sending its jets up, whatever the
# aircraft are called
_AIRCRAFT_ALERTED = re.compile(r"\b(?:aircraft|planes)(?:\s+[\w()-]+){0,3}?\s+(?:were|was|had been|have been)\s+"
                               r"(?:\w+ly\s+)?(?:alerted|activated)\b", re.I)
_TRIG: dict[str, list[re.Pattern[str]]] = {
    "joint_patrol": [re.compile(p, re.I) for p in (
        r"\b(?:joint|combined)\s+(?:(?:air|aerial|naval|maritime|strategic|bomber|long-range|sea|air-sea|"
        r"air and sea|and|air-naval)\s+){0,3}(?:patrols?|flights?)\b",
        r"\bpatroll?(?:ed|ing)\s+jointly\b", r"\bjointly\s+patroll?(?:ed|ing)\b")],
    "exercise": [re.compile(rf"\b(?:{EXERCISE_WORDS})\b", re.I),
                 # carrier flight operations: "fighters and helicopters taking off and landing from its deck"
                 re.compile(r"\b(?:taking off and landing|took off and landed|take-offs and landings|takeoffs and "
                            r"landings|launching from and recovering|launches and recoveries|"
                            r"(?:carrier[- ]based |deck )?flight operations)\b", re.I),
                 # an exercise told by its verb: "Su-27 fighters practised air combat", "crews rehearsed strikes"
                 # ... "B-52s trained with Norwegian F-35s", "drilled alongside"
                 re.compile(r"\b(?:trained|training|drilled|exercised)\s+(?:together\s+)?(?:with|alongside)\s+"
                            r"(?:[\w-]+\s+){0,3}?(?:F-\d+\w*|fighters?|jets|aircraft|forces|counterparts|allies|"
                            r"partners|navy|navies|air forces?|ships|warships)\b", re.I),
                 re.compile(r"\b(?:practi[sc]ed|practi[sc]ing|rehearsed|rehearsing|honed)\s+(?:[\w-]+\s+){0,3}?"
                            r"(?:combat|strikes?|attacks?|landings?|refuell?ing|intercepts?|bombing|missile|"
                            r"air defen[cs]e|anti-submarine|blockade|assault|firing|launches|dogfights?|"
                            r"manoeuvres|maneuvers|tactics|operations)\b", re.I),
                 # "the two carrier groups were training in the western Pacific"
                 re.compile(r"\b(?:were|was|had been|conducted|held|carried out|completed)\s+(?:[\w-]+\s+){0,2}?"
                            r"training\b(?!\s+(?:flights?|missions?|sorties?))", re.I)],
    "bomber_approach": [re.compile(r"(?<!suicide )(?<!suicide-)\bbombers?\b|\b(?:Tu-95\w*|Tu-160\w*|Tu-22M\w*|H-6\w*|"
                                   r"B-52\w*|B-1B?|B-2A?|B-21)\b(?:\s+[\w-]+){0,3}?\s+(?:missile carriers?|"
                                   r"aircraft|planes?)\b", re.I)],
    "scramble": [re.compile(r"\bscrambl\w*|\b(?<!\ban )(?<!\bthe )(?<!\bevery )(?<!\bany )(?<!\beach )"
                            r"intercept(?:ed|ing|s)?\b|"
                            r"\bfired (?:\w+ ){0,3}warning (?:shots|flares)\b|"
                            # an unsafe intercept: "released flares in front of an Australian navy helicopter"
                            r"\b(?:released|releasing|dropped|dropping|fired|firing|deployed) (?:[\w-]+ )?"
                            r"(?:flares|chaff) (?:\w+ ){0,3}?(?:in front of|ahead of|in the path of|"
                            r"across the path of)\b|"
                            r"(?<=(?:jets|ters|oons) )(?:were |was )?"
                            r"(?:launched|dispatched|sent up|took off)\b|"
                            # air policing: "They identified and escorted an An-26", "a Tu-134 was identified"
                            r"\b(?:visually\s+)?identif(?:ied|y) and (?:escort|shadow)\w*\b|"
                            r"(?<=(?:was|ere) )(?:visually )?identified\b(?! as)|"
                            rf"\b(?:{FIGHTER}|jet)\b(?:,?\s+[\w-]+){{0,6}}?"
                            r",?\s+(?:were|was|got|get|went)\s+(?:ordered\s+|quickly\s+|already\s+)?airborne\b", re.I),
                 # "dispatched fighter jets", "employed CAP aircraft ... in response", "sent aircraft to monitor":
                 # a reaction only where the sentence says it answered something (_REACTION)
                 re.compile(r"\b(?:dispatch\w*|deploy(?:ed|ing|s)?|sent|sends?|launch(?:ed|ing)|employ\w*|mobili[sz]\w*|"
                            r"tasked|sortied|responded|raised|put)\s+(?:(?:with|by sending)\s+)?(?:[\w-]+\s+){0,4}?"
                            r"(?:fighter jets?|"
                            rf"fighters?|jets|warplanes|interceptors|(?:CAP|patrol|military|air force) aircraft|"
                            rf"(?:air )?patrol forces|"
                            rf"aircraft|planes|{FIGHTER})\b", re.I),
                 # "escorted ... away", "shadowed by Typhoons"
                 re.compile(r"\bescort(?:ed|ing)\s+(?:\w+\s+){0,4}?(?:out|away)\b|\bshadowed by\s+(?:\w+\s+){0,3}?"
                            r"(?:fighters?|jets|aircraft|Typhoons|Eurofighters|F-\d+\w*)", re.I),
                 # fighters watching in the air: "its fighters had monitored the flight", "Su-27s shadowed the drone"
                 # ... "Norwegian F-35s met them", "Finnish Hornets identified the aircraft", "German Eurofighters on
                 # quick reaction alert went up", "two Dutch F-35s took to the air"
                 re.compile(rf"\b{FIGHTER}\s+(?:[\w-]+\s+){{0,4}}?(?:had\s+|have\s+)?"
                            r"(?:monitored|shadowed|tracked|tailed|accompanied|struck|clipped|collided with|met|"
                            r"identified|intercepted|escorted|engaged|followed|went up|rose|took to the (?:air|skies)|"
                            r"harassed|buzzed|"
                            r"got airborne|took off|(?:conducted|carried out|performed|made) (?:the|an|a) "
                            r"intercept\w*)\b",
                            re.I),
                 _SENT_PASSIVE, ESCORTED_BY, _AIRCRAFT_ALERTED],
    "incursion": [re.compile(p, re.I) for p in (
        r"\b(?:entered|entering|enter|enters|into|inside|within|crossed|crossing|cross|intruded|intruding|"
        r"operat(?:ed|ing) in|flew in|flying in|"
        r"violated|violating|violation of|breached|breaching|penetrated)\b"
        r"[^.;]{0,60}?(?:\bADIZ\b|\b[A-Z]ADIZ\b|air defen[cs]e identification "
        rf"zone|air defen[cs]e zone|{_OWNED_AIRSPACE}|median line|territorial (?:waters|sea|boundary))",
        # "crossed into Danish waters": a country's waters by its name
        r"\b(?:entered|crossed into|sailed into|intruded into)\s+(?:the\s+)?(?-i:[A-Z][a-z]+)\s+waters\b",
        r"\b(?:ADIZ|airspace|air defen[cs]e zone)\s+(?:violations?|incursions?|intrusions?)\b",
        # "intercepted four Russian aircraft ... in the Alaska ADIZ": being in the zone is having entered it
        r"(?<!ends )(?<!began )\b(?:in|inside)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?(?:[A-Z]?ADIZ\b|Air Defen[cs]e "
        r"Identification Zone)",
        r"\bincursions?\b|\bintrusions?\b")],
    "transit": [re.compile(p, re.I) for p in (
        r"\b(?:sail\w*|pass\w*|transit\w*|steam\w*|mov(?:ed|ing)|navigat\w*|cruis\w*|went|headed|entered|exited)\s+"
        r"(?:\w+\s+){0,3}?(?:through|across|via)\s+(?:the\s+)?[^.;]{0,50}?\b(?:Strait|Straits|Channel|Passage|"
        r"Bosphorus|Bosporus|Dardanelles|Sound|Narrows|Canal|Pass)\b",
        r"\b(?:entered|entering|left|leaving|exited)\s+the\s+Black\s+Sea\b",  # through the Turkish Straits
        r"\b(?:Strait|Channel)\s+transits?\b",
        # the gap between two islands is a strait even when unnamed: "passed between Okinawa Island and Miyako Island"
        r"\b(?:sail\w*|pass\w*|transit\w*|steam\w*|navigat\w*|went|headed)\s+(?:\w+\s+){0,3}?between\s+(?:the\s+)?"
        r"[A-Z][\w'’]*(?:\s+main)?\s+[Ii]sland\s+and\s+(?:the\s+)?[A-Z]\w*(?:\s+Island|jima)\b",
        r"\btransit(?:ed|s)?\s+(?:of\s+)?(?:the\s+)?[A-Z]\w+\s+(?:Strait|Channel)",
        # "another three made the same crossing", "completed the passage": a strait passage told before
        r"\b(?:completed|made)\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:same\s+)?(?:passage|crossing)\b")],
    "other": [re.compile(p, re.I) for p in (
        r"\b(?:reconnaissance|surveillance|spy|intelligence-gathering|intelligence|electronic (?:warfare|intelligence)|"
        r"anti-submarine|early[- ]warning|maritime patrol|(?<!combat air )patrol)\s+(?:\w+\s+){0,2}?(?:aircraft|"
        r"planes?|flights?|drones?|ships?|vessels?|missions?)\b",
        rf"\b(?:launched|fired|test-fired|test-launched|launches|fires)\b[^.;]{{0,90}}?\b(?:{_MUNITION})",
        # "the Houthis targeted a tanker with two anti-ship missiles", "a destroyer shot down three drones"
        rf"\b(?:targeted|attacked|struck|hit)\b[^.;]{{0,60}}?\bwith\b[^.;]{{0,40}}?\b(?:{_MUNITION}|drones?)",
        r"\b(?:shot|shoots|shooting) down\b[^.;]{0,40}?\b(?:drones?|missiles?|UAVs?|rockets?|balloons?)\b",
        r"\bmissile (?:launch|test)(?:es)?\b",
        # an arrival on deployment: "four B-1B bombers arrived at Misawa Air Base", "a Bomber Task Force rotation"
        r"\b(?:bombers?|aircraft|jets|fighters?|warships?|ships|destroyers?|frigates?|submarines?)\b[^.;,]{0,30}?\b"
        r"(?:arrived|landed|touched down)\s+(?:at|in|on)\b",
        # a deployment: "Russia deployed Tu-22M3 bombers to Syria's Hmeimim base", "moved two frigates to ..."
        r"\b(?:deployed|redeployed|relocated|forward-deployed|rebased|moved|transferred)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:bombers?|aircraft|launchers|"
        r"jets|fighters?|warships?|ships|vessels|submarines?|frigates?|destroyers?|corvettes?|missiles?|"
        r"(?:air defen[cs]e |missile )?systems?|batter(?:y|ies)|drones?|helicopters?)\s+(?:\w+\s+){0,2}?"
        r"(?:to|at|in|on)\b",
        # "five of the ballistic missiles fired that day landed inside its exclusive economic zone"
        rf"\b(?:{_MUNITION})\s+(?:were\s+|was\s+)?(?:fired|launched)\b",
        # coast-guard and grey-zone actions at sea
        r"\b(?:water[- ]cannon\w*|rammed|ramming|collided with|harass\w*|"
        r"(?:dangerous|aggressive|unsafe|unprofessional|reckless) (?:manoeuvres?|maneuvers?)|"
        r"blocked the|boarded|fired on|seized|fired warning shots|dropped bombs|locked (?:its |their )?(?:fire-control "
        r"|targeting )?radar|radar lock|(?:aimed|directed|pointed) (?:its |their )?(?:fire-control|targeting) radar|"
        r"radio challenges?|crossed paths|cut across (?:the |its )?bow|crossed (?:the |its )?bow)\b",
        r"\b(?:maritime|sovereignty|coast guard|law[- ]enforcement) patrols?\b",
        # "its ships patrolled waters around Taiwan", "coast guard vessels conducted law-enforcement patrols"
        r"\b(?:ships|vessels|boats|cutters|coast ?guard)\b(?:\s+[\w-]+){0,3}?\s+(?:had\s+)?(?:patrolled|"
        r"(?:conducted|carried out|held) (?:[\w-]+\s+){0,2}?patrols?)\b",
        # platforms seen at work: "Chinese vessels operating around Taiwan were detected", "spotted ... drones"
        r"\b(?:aircraft|vessels?|ships?|warships?|drones?|balloons?|boats?|task (?:group|force)s?|flotillas?|"
        r"submarines?|formations?)\b(?:\s+[\w-]+){0,6}?\s+(?:were\s+|was\s+)?"
        r"(?:detected|spotted|sighted|seen|observed|photographed|operating|operated|loitering|confirmed|anchored|"
        r"clustered)\b",
        rf"\b{SIGHTED}\s+(?:[\w-]+\s+){{0,4}}?(?:aircraft|vessels|ships|"
        r"warships|drones|balloons|(?:aircraft )?carriers?|cruisers?|destroyers?|frigates?|corvettes?)\b",
        # helicopter operations: "Russian military helicopters flew over the island of Vaindloo", "a Z-9 buzzed
        # the destroyer" (a helicopter that "spotted the debris" or "flew a team to the site" is at work at home)
        r"\b(?:helicopters?|(?:Mi-(?:8|17|24|28|35)|Ka-(?:27|29|52)|Z-(?:8|9|18|20))\w*)(?:\s+[\w'’(),-]+){0,5}?\s+"
        r"(?:(?:flew|flying|hovered|circled|operated)\s+(?:over|near|close to|around|along|toward|towards|within|"
        r"into|above|past)|approached|buzzed|entered|crossed)\b",
        # a platform at work: "USS Nimitz was operating in the South China Sea", "a Chinese drone flew between
        # Yonaguni and Taiwan", "an Il-20M flew along the coast": the platform's own activity in its clause
        rf"\b{PLATFORM}(?:\s+[\w'’(),.-]+|{_ASIDE}){{0,7}}?\s+(?:(?:was|were|had been|has been|have been)\s+)?"
        rf"(?:{PLATFORM_ACTS})\b")],
}
# "other" triggers that name a kind of mission, not a verb: a copula before them describes a platform
_NOUN_OTHER = (_TRIG["other"][0], next(p for p in _TRIG["other"] if p.pattern.startswith(r"\b(?:maritime|sovereignty")))
# Shadowing at sea (the coding rules' "other"): the monitoring navy is the actor, the ships watched the observer.
MONITOR = re.compile(
    r"\b(?:destroyers?|frigates?|corvettes?|cutters?|minehunters?|patrol (?:ships?|vessels?|aircraft|planes?)|P-3Cs?|"
    r"P-8A?s?|P-1s?|Wildcat|helicopters?|(?:HMS|USS|USCGC|HMCS|HMAS|JS|BRP) [A-Z]\w+|warships?|navy ships?|"
    r"(?:Royal |U\.?S\.? )?Navy|[Cc]oast [Gg]uard)\b"
    r"[^.;]{0,80}?\b(?:monitored|shadowed|tracked|tailed|escorted|followed|stayed with|kept watch on|"
    r"conducted (?:\w+ and )?"
    r"(?:surveillance|monitoring)|kept (?:a )?(?:close )?"
    r"(?:watch|eye) on|to (?:monitor|shadow|track|tail|"
    r"escort)|escort operations?)\b|"
    r"\b(?:were|was)\s+(?:closely\s+)?(?:shadowed|monitored|tracked|escorted|followed)\s+by\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:HMS|USS|USCGC|HMCS|HMAS|JS|BRP|destroyers?|frigates?|cutters?|patrol|warships?|"
    r"navy|coast guard|P-3C|P-8)\b", re.I)
# "tracked the ships", "monitored the vessels": a definite object points back to an activity already reported,
# so the sentence reports the watching (shadowing at sea), not a new sighting.
_WATCHED_BACK = re.compile(r"^(?:tracked|monitored|shadowed|followed)\s+(?:the|these|those)\s", re.I)
_CONDUCT = re.compile(r"\b(?:dangerous|unsafe|aggressive|risky|reckless|unprofessional|evasive|provocative)\W{0,2}\s*"
                      r"(?:[\w-]+\s+)?$", re.I)
_REACTION = re.compile(r"\b(?:in response|in reaction|response to|responded|(?:after|upon|on) (?:detecting|spotting)|"
                       r"to the area|to the scene|tactical measures|(?:in|into) the air|"
                       r"to secure (?:its|the|their) airspace|"
                       r"prompt(?:ing|ed) (?:[\w'’-]+\s+){1,4}?to|"
                       r"to (?:\w+ly\s+)?(?:monitor|intercept|track|shadow|"
                       r"escort|identify|respond|warn|counter|follow|meet|investigate|check|inspect)|"
                       r"monitored the situation)\b", re.I)
_APPROACH_CUE = re.compile(
    r"\b(?:flights?|flew|fly|flying|missions?|sorties?|approach\w*|came (?:as )?close|came within|close to|near|"
    r"toward|towards|along|borders?|airspace|coast|off|over|patrol\w*|operat\w+ (?:over|near|in))\b", re.I)
_STRONG_APPROACH = re.compile(r"\b(?:near|close|closer|border|borders|airspace|approach\w*|toward|towards|coast|off|"
                              r"within \d)", re.I)
_SHIP = re.compile(r"\b(?:warships?|destroyers?|frigates?|corvettes?|cruisers?|vessels?|ships?|carriers?|fleet|"
                   r"submarines?|flotilla|navy|naval|coast guard|transit\w*|(?-i:USS|HMS|HMCS|HMAS|USNS|RFA|JS|ROKS|"
                   r"USCGC|HNLMS|FGS|ITS|BRP|TCG|INS))\b", re.I)
_VESSEL = re.compile(r"\b(?:warships?|destroyers?|frigates?|corvettes?|cruisers?|vessels?|ships?|carriers?|fleet|"
                     r"submarines?|flotilla|coast guard|(?-i:USS|HMS|HMCS|HMAS|USNS|RFA|JS|ROKS|USCGC))\b", re.I)
_AIR = re.compile(r"\b(?:aircraft|planes?|jets?|drones?|bombers?|fighters?|helicopters?|flew|flight)\b", re.I)
_MODAL = re.compile(
    r"\b(?:will|would|could|might|may|shall|plans?\s+to|planned|planning|intends?\s+to|intend|to hold|to conduct|"
    r"to stage|to carry out|scheduled|set to|due to|is to|are to|agreed to|agree to|plans|prepares?\s+to|"
    r"preparing|expected to|threatened to|vowed to|if|unless|possibility|possible|proposed|propose|interest in|"
    r"stepping up|step up|expand(?:ing)?|next (?:week|month|year)|upcoming|later this (?:week|month|year)|"
    r"hypothetical|simulat\w+ an? (?:attack|strike)|called for|calls for|urged)\b")
_NEG = re.compile(r"\b(?:did not|didn't|does not|denied|never|no (?!fewer|less|more)|not|none of|neither)\b", re.I)
# "continued its flight ... without entering Polish airspace": the entry did not happen
_WITHOUT = re.compile(r"\bwithout\s+(?:ever\s+|actually\s+)?(?:\w+ing\s+)?(?:entering|violating|crossing|"
                      r"breaching|intruding|penetrating)?\s*(?:\w+\s+){0,2}$|\bwithout\s+$", re.I)
# What happens as a habit ("occurs regularly", "aircraft that enter the ADIZ"), unlike a trend ("a rise in the
# number of US bomber flights"), which reports activity that took place
_HABIT_WORDS = (r"regularly|routinely|often|frequently|usually|every year|annually|each year|occurs|"
                r"times (?:a|per|each) (?:year|month|week)|"
                r"(?:that|which|who) (?:enter|fly|approach|cross|operate|violate)")
HABIT = re.compile(rf"\b(?:{_HABIT_WORDS})\b", re.I)
# A general statement: a habit, a trend or a series, not one occurrence
_GENERIC = re.compile(rf"\b(?:a series of|series of|in recent years|increasingly|have held|have conducted|"
                      rf"more often|more frequently|less often|less frequently|"
                      rf"has conducted|the latest in|a rise in|times a year|a year|stepped up|step up|\d[\d,]* times|"
                      rf"fiscal year|{_HABIT_WORDS})\b", re.I)
# A count over a stated period ("scrambled jets 669 times in the fiscal year that ended in March", "30 such
# missions over the past month") is one aggregate event under the coding rules, not a general statement.
_COUNT_CLAIM = re.compile(r"\b\d[\d,]*\s+(?:times|such)\b(?![^.;]{0,20}\b(?:a|per|each|every)\s+year\b)", re.I)
_COUNTED = re.compile(r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|hundreds of)"
                      r"\s+(?:[\w-]+\s+){0,2}?(?:times|scrambles|sorties|intercepts|interceptions|missions)\b|"
                      # "Scrambles against Chinese aircraft fell by 63 to 241": a tally told as its change
                      r"\b(?:scrambles|intercepts|interceptions|sorties)\b[^.;]{0,60}?\b(?:fell|rose|dropped|climbed|"
                      r"increased|decreased|jumped|declined|totall?ed|numbered|reached|stood at)\b[^.;]{0,30}?\d", re.I)


# "followed the Russian ship through the Strait of Dover": the watched ships passed a named strait
WATCHED_THROUGH = re.compile(r"\b(?:through|via|across)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:Strait|Straits|Channel|"
                             r"Bosphorus|Bosporus|Dardanelles|Sound|Narrows|Passage)\b")


def is_sighting(t: Trigger) -> bool:
    """The trigger is a sighting verb with the platforms seen as its object."""
    return t.type == "other" and re.match(SIGHTED + r"\s", t.text, re.I) is not None


def is_mission_noun(t: Trigger) -> bool:
    """The trigger names a platform by its mission ("a U.S. MQ-9 Reaper surveillance drone", "a Russian
    reconnaissance aircraft"), so the country word in front of it, not the clause's subject, is whose it is."""
    return t.type == "other" and _TRIG["other"][0].fullmatch(t.text) is not None


def is_count_claim(sentence: str) -> bool:
    """A tally of reactions ("scrambled 669 times", "eleven Alpha Scrambles against Russian aircraft"): one
    aggregate event, not a report of the single flight each one met."""
    return bool(_COUNTED.search(sentence))
_CONTEXT_EXERCISE = re.compile(rf"\b(?:during|as part of|part of|under|amid|in the framework of|within)\s+"
                               rf"(?:the\s+|an?\s+|its\s+)?(?:[\w-]+\s+){{0,6}}?(?:{EXERCISE_WORDS})\b", re.I)
# "the US Global Thunder strategic force exercise", "Vostok-2022 drills", "the Joint Sea-2024 exercise"
_NOT_A_NAME = (r"(?!(?:During|The|A|An|In|As|At|Under|Amid|Within|Part|Its|Their|This|That|These|Those|Joint|"
               r"Combined|Naval|Military|Air|Large|Live|Major|Annual|Recent|Such|Similar|Both|Two|New)\b)")
_NAMED_EXERCISE = re.compile(rf"\b(?:[A-Z][\w-]*\d[\w-]*|(?-i:[A-Z]{{4,}})\s+|(?:{_NOT_A_NAME}[A-Z][a-z]+\s+){{1,3}}"
                             rf"(?:[a-z]+\s+){{0,2}})"
                             rf"(?:{EXERCISE_WORDS})\b")
_ANAPHOR = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Ss]uch)\s+"
                      r"(?:[A-Z]?[a-z-]+\s+){0,2}$")
# A sentence whose subject points back ("The aircraft, two Tu-95s and ...", "They later ...") adds detail
# to an event already reported rather than reporting a new one.
_ANAPHORIC_SUBJECT = re.compile(r"^(?:The|These|Those|Both|All)\s+(?:[\w-]+\s+){0,2}?(?:aircraft|bombers?|planes?|"
                                r"jets?|ships|warships|vessels|fighters|patrol|flight|drills|exercises?|group|"
                                r"flotilla|balloons?|drones?|UAVs?|carriers?|submarines?|ship|vessel|warship)\b|"
                                r"^(?:They|It)\s|^(?:Some|Most|Many|All|One|Two|Three|Four|Several|\d+) of "
                                r"(?:the|them)\b", re.I)
# "The bomber patrol followed joint naval maneuvers": the subject points back to the patrol, not to the
# maneuvers named after it; a trigger after the subject is anaphoric only if the subject names its kind.
_SUBJECT_KINDS = {"exercise": re.compile(rf"\b(?:{EXERCISE_WORDS})\b", re.I)}


def _subject_refers_back(sentence: str, etype: str, start: int) -> bool:
    subj = _ANAPHORIC_SUBJECT.match(sentence)
    if subj is None:
        return False
    kind = _SUBJECT_KINDS.get(etype)
    return start < subj.end() or kind is None or bool(kind.search(subj.group(0))) or subj.group(0).startswith(
        ("They", "It", "they", "it"))


# Trigger words that name the activity (and so can refer back to it), not verbs that report it.
_NOUN_TRIGGER = re.compile(r"patrols?|exercises?|drills?|war ?games|wargames|maneuvers|manoeuvres|bombers?|"
                           r"aircraft|planes?|flights?|missions?|incursions?|intrusions?|violations?|launch(?:es)?|"
                           r"naval games|live-fire", re.I)
_CLAUSE = re.compile(r"[,;:(]|\bbut\b|\bwhile\b|\bwhich\b|\bafter\b|\bbefore\b|\bas\b|\bwhen\b")


@dataclass
class Trigger:
    """A type keyword found in a sentence, with the span it covers."""

    type: str
    start: int
    end: int
    text: str
    anaphoric: bool = False  # "the patrol": refers back to an event already reported
    generic: bool = False  # "a series of war games in recent years"
    monitor: bool = False  # shadowing at sea: the actor is the navy that watched
    repeat: bool = False  # "was intercepted again", "a second destroyer followed": another occurrence, not a mention


_AGAIN = re.compile(r"\b(?:again|once more|a second time|re-?tasked|later the same day|later that day)\b", re.I)
_ANOTHER = re.compile(r"\b(?:a second|another|a third|a fourth|a further)\s+(?:[\w-]+\s+){0,2}?(?:aircraft|plane|"
                      r"jet|fighter|bomber|drone|ship|vessel|warship|destroyer|frigate|corvette|group|formation|"
                      r"flotilla|pair|launch|sortie|helicopter|balloon|submarine|[A-Z][\w]*-\d+\w*)s?\b", re.I)


def is_repeat(sentence: str, etype: str, start: int, end: int) -> bool:
    """A trigger that reports another occurrence of something just reported: a reaction "again" or on a
    "second sortie", "a second destroyer followed the same route" (another ship: another event)."""
    window = sentence[clause_start(sentence, start):min(len(sentence), end + 50)]
    if _ANOTHER.search(window):
        return True
    return etype == "scramble" and bool(_AGAIN.search(sentence[:min(len(sentence), end + 50)]))


def clause_start(sentence: str, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last comma, semicolon or conjunction."""
    last = 0
    for m in _CLAUSE.finditer(sentence, 0, pos):
        last = m.end()
    return last


def clause_end(sentence: str, pos: int) -> int:
    """End of the clause holding ``pos``: at the next comma, semicolon or conjunction."""
    m = _CLAUSE.search(sentence, pos)
    return m.start() if m else len(sentence)


_OTHER_TIME = re.compile(r";|\b(?:after|before|when|while|but)\b")


def _told_until(sentence: str, pos: int) -> int:
    """Where the sentence moves on to another time or activity ("..., a day after North Korea fired a missile")."""
    m = _OTHER_TIME.search(sentence, pos)
    return m.start() if m else len(sentence)


def _clause_of(sentence: str, pos: int) -> str:
    return sentence[clause_start(sentence, pos):clause_end(sentence, pos)]


_HYPOTHETICAL = re.compile(r"\b(?:if|unless|could|might|would|possibility|possible|hypothetical|simulat\w+ an? "
                           r"(?:attack|strike))\b", re.I)


# "organized fleets to carry out law enforcement patrols": forces sent to do something did it (the purpose of a
# done deed), unlike "plans to carry out"
_SENT_TO_DO = re.compile(r"\b(?:organi[sz]ed|sent|deployed|dispatched|mobili[sz]ed|assigned)\s+(?:[\w-]+\s+){0,4}$",
                         re.I)


def modality(sentence: str, start: int, end: int) -> str:
    """How the trigger's clause presents the activity: reported (it happened), planned, hypothetical or negated."""
    window = sentence[clause_start(sentence, start):end]
    if _NEG.search(window) or _WITHOUT.search(sentence[max(0, start - 40):start]):
        return "negated"
    if any(not _SENT_TO_DO.search(window, 0, m.start()) for m in _MODAL.finditer(window)):
        return "hypothetical" if _HYPOTHETICAL.search(window) else "planned"
    # "... will hold drills, the ministry said" is planned even though the verb precedes the clause break
    before = sentence[max(0, start - 80):start]
    if re.search(r"\b(?:for|to take part in|to join|to participate in|ahead of)\s+(?:[\w-]+\s+){0,2}$", before, re.I):
        return "planned"  # "heading to the South China Sea for exercises": a purpose, not yet done
    if re.search(r"\b(?:will|would|plans? to|to hold|to conduct|agreed to|intends? to)\s+(?:\w+\s+){0,5}$", before):
        return "hypothetical" if "would" in before else "planned"
    return "reported"


def _apart(sentence: str, a: Trigger, b: Trigger) -> bool:
    """Two triggers in different clauses ("a Russian patrol ship fired warning shots ... after it entered
    Russian territorial waters") tell two activities; in one clause ("aircraft operating in the ADIZ") one."""
    first, second = sorted((a, b), key=lambda t: t.start)
    return bool(_CLAUSE_BREAK.search(sentence, first.end, second.start))


# A break between two clauses that each tell an activity; a relative clause ("a drone which entered Latvian
# airspace") tells more of the same one.
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:after|before|as|when|while|but)\b")


def find(sentence: str, left_out: list[tuple[Trigger, str]] | None = None) -> list[Trigger]:
    """Triggers of reported-as-happened events, at most one per type, after suppression.

    ``left_out`` collects the first trigger per type that the sentence presents as planned,
    hypothetical or negated, with that modality, for a reviewer to see.
    """
    found: dict[str, Trigger] = {}
    by_platform: Trigger | None = None
    for etype, pats in _TRIG.items():
        for pat in pats:
            for m in pat.finditer(sentence):
                if etype == "exercise" and re.match(r"exercised?\s+(?:restraint|caution|its|their|the right)",
                                                    sentence[m.start():m.start() + 30], re.I):
                    continue
                if etype == "exercise" and _CONDUCT.search(sentence[max(0, m.start() - 30):m.start()]):
                    continue  # "dangerous maneuvers at close range": how ships behaved, not a drill
                if etype == "bomber_approach" and not _APPROACH_CUE.search(sentence):
                    continue
                if etype == "transit" and _AIR.search(sentence) and not _VESSEL.search(sentence):
                    # "the aircraft's transit of the Taiwan Strait": a flight (other), not warships passing
                    m_other = Trigger("other", m.start(), m.end(), m.group(0))
                    if modality(sentence, m.start(), m.end()) == "reported" and "other" not in found:
                        found["other"] = m_other
                    continue
                if etype == "transit" and not _SHIP.search(sentence) and (
                        "between" not in m.group(0) or _AIR.search(sentence)):
                    continue  # "They passed between X Island and Y Island": ships unless aircraft are named
                if etype == "scramble" and pat is not _TRIG["scramble"][0] and not _REACTION.search(sentence) and \
                        not m.group(0).lower().startswith(("escort", "shadowed", "responded")) and \
                        pat is not ESCORTED_BY and pat is not _TRIG["scramble"][3] and pat is not _AIRCRAFT_ALERTED \
                        and not (pat is _SENT_PASSIVE and _WENT_UP.match(sentence, m.end())):
                    continue  # "China deployed aircraft around Taiwan" is the activity itself, not a reaction
                if pat is _SENT_PASSIVE and not _FIGHTER_BEFORE.search(sentence, 0, m.start()):
                    continue  # "the ships were sent to the area": only fighters sent up are a scramble
                if etype == "scramble" and m.group(0).lower().endswith("took off") and not (
                        _REACTION.search(sentence, m.end()) or re.match(r"\s+(?:twice|again|\w+ times)\b",
                                                                          sentence[m.end():])):
                    continue  # "jets took off from the carrier": a flight, a reaction only "to identify" something
                if pat is _TRIG["scramble"][0] and m.group(0).lower().endswith("identified") and not re.search(
                        r"\b(?:aircraft|planes?|bombers?|fighters?|jets?|[A-Z][a-z]?-\d\d\w*)\b[^,;]{0,60}$",
                        sentence[:m.start()], re.I):
                    continue  # "the ship was identified": only an aircraft identified in the air was met
                if etype == "scramble" and "warning" in m.group(0).lower() and not re.search(
                        r"\b(?:jets?|fighters?|aircraft|planes?|interceptors?)\b",
                        sentence[max(0, m.start() - 40):m.start()], re.I):
                    continue  # warning shots from a ship are not a fighter scramble
                if etype == "other" and re.search(r"points? for launching|capable of|able to", sentence, re.I):
                    continue
                if etype == "other" and pat in _NOUN_OTHER and re.search(
                        r"\b(?:is|are|was|were|be|believes?|believed|as)\s+(?:the|an?|its|their)\s+(?:[\w'’-]+\s+){0,4}$",
                        sentence[max(0, m.start() - 60):m.start()], re.I) and not re.search(
                        r"\b(?:flew|flying|sailed|entered|approached|operated|conducted|spotted|detected)\b", sentence,
                        re.I):
                    continue  # "The P-8A is the Navy's maritime patrol aircraft": what a platform is, not what it did
                if etype == "other" and pat is _TRIG["other"][0] and re.match(
                        r"[^.;,]{0,40}?\b(?:monitored|tracked|shadowed|followed|watched|"
                                                 r"observed)\b", sentence[m.end():], re.I):
                    continue  # "a P-3C patrol aircraft monitored the vessels": a reaction, not a mission of its own
                mode = modality(sentence, m.start(), m.end())
                if mode != "reported":
                    if left_out is not None and all(t.type != etype for t, _ in left_out):
                        left_out.append((Trigger(etype, m.start(), m.end(), m.group(0)), mode))
                    continue
                t = Trigger(etype, m.start(), m.end(), m.group(0))
                if etype == "incursion" and re.search(r"international (?:airspace|waters)|neutral waters",
                                                      m.group(0), re.I):
                    continue
                words = m.group(0).split()
                # "the missile was fired": a trigger that starts with the noun names the activity too
                noun = bool(_NOUN_TRIGGER.search(words[-1]) or re.fullmatch(r"missiles?|ICBMs?", words[0], re.I))
                refers_back = noun and bool(_ANAPHOR.search(sentence[:m.start()][-40:]))
                # "The aircraft ... remained ..." refers back, but only within its own first clause
                # ... nor in a clause of time ("It came after a Russian plane violated Danish airspace"): another one
                first_clause = (clause_start(sentence, m.start()) == 0 or not re.search(
                    r",\s*(?:and|but)\s", sentence[:m.start()])) and not re.search(
                    r"\b(?:after|before|following)\b", sentence[:m.start()])
                t.anaphoric = etype != "scramble" and (
                    refers_back or _subject_refers_back(sentence, etype, m.start()) and first_clause)
                t.generic = bool(_GENERIC.search(sentence)) and not _COUNT_CLAIM.search(sentence)
                t.repeat = is_repeat(sentence, etype, m.start(), m.end())
                if etype not in found:
                    found[etype] = t
                    if pat in _TRIG["other"][-2:]:  # a helicopter's or another platform's own activity
                        by_platform = t
                break
            if etype in found:
                break
    # Suppression: one activity described with several type words.
    # "during the Global Thunder exercise, bombers came within 20 km": a named exercise that took place is an
    # event of its own (the coding rules), beside what happened during it; an unnamed context word is not.
    if "exercise" in found and len(found) > 1 and _CONTEXT_EXERCISE.search(sentence) and not _NAMED_EXERCISE.search(
            sentence) and any(k not in ("exercise", "scramble") for k in found) and not any(
            p.search(sentence) for p in _TRIG["exercise"][1:4]):  # "During the exercise, B-52s practised strikes"
        del found["exercise"]
    if "joint_patrol" in found:
        found.pop("bomber_approach", None)
    if "incursion" in found and "joint_patrol" not in found:
        found.pop("bomber_approach", None)
    if "bomber_approach" in found and "transit" in found and not re.search(r"\b(?:warships?|destroyers?|frigates?|"
                                                                          r"vessels?|ships?)\b", sentence, re.I):
        del found["transit"]
    if "other" in found and any(k in found and not _apart(sentence, found["other"], found[k])
                                for k in ("bomber_approach", "joint_patrol", "incursion", "transit")) \
            and "missile" not in found["other"].text.lower():
        del found["other"]
    if "exercise" in found and "bomber_approach" in found and not _STRONG_APPROACH.search(
            sentence, found["bomber_approach"].start, _told_until(sentence, found["bomber_approach"].end)):
        # "drills involving a B-52 bomber": a participant, not an approach ("..., a day after a missile landed off
        # Hokkaido" is another clause's place)
        del found["bomber_approach"]
    if "scramble" in found and "bomber_approach" in found and found["bomber_approach"].anaphoric and not _apart(
            sentence, found["scramble"], found["bomber_approach"]):
        del found["bomber_approach"]  # "scrambled jets to intercept the bombers": a reaction, not a new approach
    if by_platform is not None and found.get("other") is by_platform and (
            any(k in found for k in ("exercise", "scramble")) or MONITOR.search(sentence)):
        del found["other"]  # the platform's activity is the drill, or what a reaction met (its own event)
    if "other" in found and "exercise" in found and "missile" not in found["other"].text.lower() and not _apart(
            sentence, found["other"], found["exercise"]):
        del found["other"]  # "aircraft were detected operating ... in a joint combat readiness patrol": the drill
    if "other" in found and _WATCHED_BACK.search(found["other"].text):
        found["other"].monitor = True  # "its forces tracked the ships": watching what was reported before
    mon = MONITOR.search(sentence)  # its own activity, beside the transit or patrol it watched
    scrambled = found.get("scramble")
    if mon and scrambled is not None and scrambled.text.lower().startswith("scrambl") and \
            0 <= mon.start() - scrambled.end <= 40:
        mon = None  # "scrambled combat air patrol aircraft ... to monitor them": the aircraft sent up watch
    if mon and "other" not in found and modality(sentence, mon.start(), mon.end()) == "reported":
        found["other"] = Trigger("other", mon.start(), mon.end(), mon.group(0), monitor=True)
        found.pop("scramble", None)  # "a destroyer was sent to track the ships": watching at sea, not fighters
    return sorted(found.values(), key=lambda t: t.start)
