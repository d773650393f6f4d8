"""What a message says about someone's risk, as constructs of the Columbia scale (C-SSRS).

Each pattern names its construct and whose risk it states:
- `Person.WRITER`: the writer's own ("kill myself", "my gun in my mouth", "i have a plan");
- `Person.OTHER`: someone else's ("kill himself", "his gun in his mouth");
- `Person.INFER`: no one named in the phrase ("want to die", "better off dead"); the nearest
  person before it in the clause decides, and with nobody there it is the writer's.
Patterns match canonical clauses (see `spelling`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from core.language.crisis.lexicon import (
    BODY_TARGET,
    CRASH_TARGET,
    DEATH,
    GAP,
    GUN,
    HEIGHT,
    PILLS,
    RECENT,
    THIRD_POSS,
    THIRD_SELF,
    TIME_SOON,
    VEHICLE,
    alt,
    alt_of,
)


class Person(Enum):
    WRITER = "writer"
    OTHER = "other"
    INFER = "infer"


class Construct(Enum):
    WISH_DEAD = "wish-dead"
    THOUGHTS = "active-thoughts"
    METHOD = "method"
    INTENT = "intent-plan"
    PREPARATION = "preparation"
    ATTEMPT = "attempt"
    HOPELESS = "hopelessness"
    BURDEN = "burden"
    PAIN = "unbearable-pain"
    ALARM_WORD = "alarm-word"  # "suicide", "suicidal": topical unless the context says otherwise


@dataclass(frozen=True)
class Pattern:
    construct: Construct
    person: Person
    regex: str
    weak: bool = False  # set aside when the message is about work, training or someone else


MINE, THEIRS, EITHER = Person.WRITER, Person.OTHER, Person.INFER
C = Construct

# Harm verbs that, with a reflexive, mean suicide or self-harm whatever surrounds them.
_SELF_HARM = alt_of(
    "kill|killing|killed|kills|off|offing|offed|end|ending|ended|hang|hanging|hanged|hung|"
    "drown|drowning|poison|poisoning|shoot|shooting|shot|do in|done in|doing in|gas|gassing|"
    "blow away|smoke|suicide|10 56|10-56|kill off|take out|taking out|took out|unalive|murder|"
    "destroy"
)
_HURT = alt_of(
    "hurt|hurting|harm|harming|cut|cutting|burn|burning|injure|injuring|starve|starving|cutting on"
)
_INTENT = alt_of(
    "want to|wanted to|wanting to|wants to|going to|about to|ready to|plan to|planning to|"
    "planned to|need to|trying to|tried to|try to|might|could|should|should just|will|would|"
    "urge to|urges to|thinking about|thought about|thinking of|think about|afraid i will|"
    "scared i will|afraid i might|scared i might|tempted to|decided to|i am going to|"
    "feel like|just want to|wanna|close to|came close to|easier to|better to|simpler to|"
    "easiest to"
)
_IDIOM_TAIL = r"(?! (?:laughing|working|trying|to get|to make|to finish|over|at work|at the gym|in the foot|for|with work|with overtime|with these|on this|on these))"

# fmt: off
PATTERNS: tuple[Pattern, ...] = (
    # --- self-harm with a reflexive: the core of active ideation, intent and attempt ------
    Pattern(C.THOUGHTS, MINE, rf"\b{_SELF_HARM} myself\b{_IDIOM_TAIL}"),
    Pattern(C.THOUGHTS, THEIRS, rf"\b{_SELF_HARM} {THIRD_SELF}\b{_IDIOM_TAIL}"),
    Pattern(C.THOUGHTS, MINE, rf"\b{_INTENT} {_HURT} myself\b"),
    Pattern(C.THOUGHTS, THEIRS, rf"\b{_INTENT} {_HURT} {THIRD_SELF}\b"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:self harm|self harming|selfharm|self injury|cutting again|started cutting|cut again)\b", weak=True),
    Pattern(
        C.THOUGHTS, MINE, r"\b(?:end|ending|ended|take|taking|took|took away) my (?:own )?life\b"
    ),
    Pattern(C.THOUGHTS, THEIRS, rf"\b(?:end|ending|ended|take|taking|took) {THIRD_POSS} (?:own )?life\b(?! (?:from|away|out of))"),
    Pattern(C.THOUGHTS, EITHER, rf"\b(?:end|ending) (?:it|it all|things|everything|this|this life|the pain)(?: all)? (?:{TIME_SOON}|for good|forever|permanently|once and for all)\b"),
    Pattern(C.THOUGHTS, EITHER, rf"\b{_INTENT} (?:just )?end (?:it|it all|things|everything|this|all of it|the pain|this life|my life)\b"),
    Pattern(C.THOUGHTS, EITHER, r"\bend(?:ing)? it all\b"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:end|ending) (?:things|everything) (?:for good|now|permanently|forever)\b"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:think|thinking|thought|thoughts|consider|considering|considered|contemplat\w*|obsess\w*|fantasi\w*|daydream\w*|dream\w* about|fixat\w*|planning|plan|planned) (?:about |of |on )?(?:suicide|dying|death|my death|my own death|being dead|not being here|not being alive|not existing|how to die|ways to die|how i would die|the easiest way|eating my gun|ending (?:it|things|everything|my life|the pain)|taking my (?:own )?life|checking out|doing it|just doing it|offing myself|killing myself|pulling the trigger|the trigger|the bridge|jumping|driving off|crashing)\b"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:can not|cant) stop thinking about (?:dying|death|suicide|it|doing it|the gun|my gun|ending it|the bridge)\b"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:googl\w*|search\w*|look\w* up|research\w*|read about|reading about) (?:how|ways|painless|the best way|the quickest way|how many|how much)\b.{0,40}\b(?:die|kill|overdose|lethal|fatal|painless|hang|end it|to go|take to|it would take|would it take|it takes|does it take|to take)\b"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:lethal|fatal) (?:dose|amount)\b"),
    Pattern(
        C.THOUGHTS, EITHER, r"\bhow many (?:pills|of my pills|tylenol|sleeping pills|xanax|oxys?)\b"
    ),
    Pattern(C.THOUGHTS, EITHER, r"\bsuicidal (?:thoughts|ideation|feelings|urges|again|lately|ideas|tendencies)\b", weak=True),
    Pattern(C.THOUGHTS, MINE, r"\b(?:i am|i feel|i have been|i been|i get|i got|i keep getting|i was|feeling|been feeling|getting|im|i am getting|i am so|i am really|i am kind of|i am pretty|i am feeling|i feel really|i feel so) (?:very |really |so |kind of |pretty |a bit |a little |super |extremely )?suicidal\b"),
    Pattern(C.THOUGHTS, MINE, r"\bthoughts of (?:suicide|killing myself|ending it|dying|death|ending my life)\b"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:suicide|dying|death|ending it) (?:keeps|has been|is|keep|kept) (?:crossing|on|in|coming into|popping into|creeping into|running through) (?:my|the back of my) (?:mind|head|thoughts)\b"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:urges?|impulse|impulses|voice|voices) (?:to|telling me to) (?:die|end it|kill|jump|crash|pull|swerve|do it)\b"),
    Pattern(C.THOUGHTS, MINE, r"\b(?:i am|i have been|been) (?:close|so close|this close|real close|really close) to (?:ending|doing|pulling|checking out|it)\b"),
    # --- wish to be dead (passive): many verbs, nobody else in between --------------------
    Pattern(C.WISH_DEAD, EITHER, rf"\b(?:want|wants|wanted|wanting|wish|wishes|wished|need|needs|ready|deserve|deserves|like|would like|would love|would rather|rather|prefer|long|longing|pray|praying|hope|hoping|yearn) to {DEATH}\b(?! laughing| of (?:embarrassment|boredom|laughter|shame|old age)| from (?:embarrassment|laughing)| for (?:a|some|that|this))"),
    Pattern(C.WISH_DEAD, EITHER, rf"\b(?:going|gonna|about|fixing|trying|planning|plan|tried|try) to {alt('die', 'kill myself', 'end it', 'end it all', 'end my life', 'take my life', 'check out', 'disappear forever', 'not wake up')}\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:do not|does not|did not|no longer|not|never|really do not|just do not) (?:want|wanna|wanting|wish|care|feel like i want|feel like) to (?:live|be alive|wake up|exist|be here|be here anymore|be around|go on|keep going|keep living|see tomorrow|see another day|survive|live anymore|continue|be on this earth|breathe|live like this|wake up tomorrow|make it|keep fighting|stay alive|be in this world|be on this planet)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\bwish(?:ed|es)? (?:that )?(?:i|i had|i would|i could|i were|i was|it was me who|it had been me|that was me) ?(?:just )?(?:was|were|had|would|could|been|be)? ?(?:dead|gone|not born|never born|not here|not alive|died|die|disappear|stop existing|not exist|never existed|never been born|not wake up|never wake up|not woken up|never woken up|been the one|been killed|been shot|gotten shot|caught that bullet|taken that bullet|stayed dead|not survived|not made it|not make it)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\bwish (?:it|this|everything|life|it all) would (?:all )?(?:just )?(?:end|stop|be over)\b"),
    Pattern(C.WISH_DEAD, MINE, rf"\b(?:hope|hoping|hoped|pray|praying|prayed|wish|wishing|wished|would not mind if|would not mind|do not care if|did not care if|would not care if|would not be sad if|would be relieved if|would be fine if|would be ok if|would be okay if|would be nice if|would be a relief if|would be a blessing if|okay with it if|ok with it if|fine with it if|secretly hope|kind of hope|part of me hopes|part of me wants|would welcome it if) (?:that )?{GAP}(?:{alt('catch', 'catches', 'take', 'takes', 'eat', 'eats', 'get', 'gets', 'stop', 'stops', 'caught', 'took', 'got', 'catching', 'taking', 'stopping')} (?:a|one|the|some|that|a stray|a round|his|a fatal) ?(?:bullet|round|slug|one|shot|hit)|(?:get|gets|got|getting|be|am|was|were|end up) (?:shot|killed|hit|smoked|taken out|run over|stabbed|murdered|blown away|wasted|capped|dead|killed on duty|killed in the line|ambushed)|(?:kill|kills|killed|hit|hits|shoot|shoots|takes me out|take me out|end|ends|run|runs|crush|crushes|t bones?|flatten|flattens) (?:me|my)|(?:die|dies|died|dead|dying)|(?:not|never|do not|did not|does not|would not|will not|wont) (?:wake|wake up|make it|make it home|make it back|come home|come back|survive|get up|see the morning|see morning)|it (?:all )?(?:ends|ended|was over|is over|would end|stops|would stop|all stops)|its (?:all )?over|(?:crash|crashes|crashed|goes down|go down|wreck|wrecks)|this (?:is|was|would be) (?:my )?(?:last|final) (?:shift|day|call|tour|night|one)|(?:disappear|vanish)|to (?:crash|die|get killed|get shot|not make it|go out))\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:should have|should of|shoulda) (?:died|been me|been the one|been killed|been shot|taken that bullet|caught that bullet|stayed|not survived)\b", weak=True),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:tired|sick|sick and tired|exhausted) of (?:living|life|being alive|being here|existing|waking up|breathing|it all|fighting|everything)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:want|wanna|wish i could|need to) (?:to )?(?:join|be with|see|follow) (?:him|her|them|my \w+) (?:again|soon|up there|in heaven|on the other side)\b"),
    Pattern(C.WISH_DEAD, MINE, r"\b(?:thinking about|think about|want to|going to|ready to|tempted to) (?:follow|following|join|joining) (?:him|her|them|my \w+)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:would not|wouldnt|would never) (?:mind|care) (?:dying|being dead|not waking up|if i died|if i did not wake up|if it ended)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:death|dying|being dead) (?:sounds|seems|looks|feels) (?:good|better|nice|peaceful|like relief|like a relief|easier|like the answer|like the only way|like freedom|like the way out)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\bpeace(?:ful)? (?:of|in) (?:death|being dead|not waking up)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:let|just let) me (?:die|go for good|not wake up)\b"),
    # --- method: law-enforcement means first ----------------------------------------------
    Pattern(C.METHOD, EITHER, rf"\b(?:{GUN}|it|the barrel|the muzzle|a round) (?:to|against|in|under|into|at) my {BODY_TARGET}\b"),
    Pattern(C.METHOD, THEIRS, rf"\b(?:{GUN}|it|the barrel|the muzzle) (?:to|against|in|under|into|at) {THIRD_POSS} {BODY_TARGET}\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:eat|eats|eating|ate|suck|sucking|taste|tasting|kiss|kissing|swallow|swallowing) (?:my|a|the|me|my own|some|one|lead|a round|the end of my|the barrel of my|the business end of my)? ?(?:own )?(?:{GUN}|lead|bullet|round|steel|a bullet)\b"),
    Pattern(C.METHOD, THEIRS, rf"\b(?:eat|eats|eating|ate) {THIRD_POSS} (?:own )?{GUN}\b"),
    Pattern(C.METHOD, EITHER, r"\bblow(?:ing|n)? (?:my|out my) (?:own )?(?:brains|head|brains out|head off)\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:pull|pulling|pulled|squeeze|squeezing) the trigger(?! on (?:him|her|them|the suspect|a suspect|the subject))(?: on myself| for good| this time)?\b", weak=True),
    Pattern(C.METHOD, EITHER, rf"\b(?:use|using|turn|turning|turned|point|pointing|pointed|aim|aiming) (?:my|the|a) (?:own )?{GUN} (?:on|at) myself\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:stare|stared|staring|look|looking|looked|sat|sit|sitting|sits|held|hold|holding|cradl\w*|fondl\w*|play\w* with|loaded|loading|load|unholstered|racked|racking|chambered|chambering|cocked|cocking|took out|taking out|pulled out|unlocked) (?:at |with |out )?(?:my|the|a) (?:own |loaded |service |duty )?{GUN}(?! (?:case|safe|cleaning|kit|at the range|for qual|for qualification|range|holster))(?: (?:for|at|in|on|again|last|all|every|tonight|till|until|alone|thinking|and|while|when|each|after|before|late|most|some)\b|$)"),
    Pattern(C.METHOD, EITHER, rf"\b(?:{GUN}) (?:in|on) my (?:lap|hand|hands|mouth|nightstand)(?: (?:again|last|for|at|all|every|tonight|while|thinking))?\b", weak=True),
    Pattern(C.METHOD, EITHER, rf"\b(?:{GUN}) (?:in|on) my lap\b"),
    Pattern(C.METHOD, EITHER, r"\bsuicide by cop\b", weak=True),
    Pattern(C.INTENT, MINE, r"\b(?:thinking about|thought about|considering|planning|plan|going to|could|might|should|want to|wanna|will|would|try|do) (?:a |just |do |commit |try )?(?:suicide by cop|a suicide by cop)\b"),
    Pattern(C.INTENT, MINE, r"\b(?:make|making|get|getting|force|forcing|let|have) (?:the |a |some )?(?:cops?|swat|troopers?|police|deputies|deputy|officers?|another cop|them|somebody|someone|a suspect|some guy|the bad guy) (?:to )?(?:shoot|kill|take) me\b"),
    Pattern(C.INTENT, MINE, r"\b(?:draw|drawing|pull|pulling|point|pointing) (?:on|a gun on|my gun on|my weapon at|my gun at) (?:a |the |some )?(?:cops?|swat|troopers?|police|deputies|officers|the next guy|the suspect)\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:take|taking|took|swallow|swallowed|swallowing|down|downed|downing|overdose|overdosing|od|od on|pop|popped|popping|chug|chugged) (?:on )?(?:all|a bottle|the bottle|the whole bottle|a whole bottle|a handful|handfuls|the rest|every one|all of|a bunch|a bunch of|a lot|too many|way too many|enough|everything|a month|a months worth|the entire bottle) (?:of )?(?:my |the |his |her |these |those |your )?(?:{PILLS})\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:stockpil\w*|saving up|saved up|save up|hoard|hoarding|hoarded|collecting|collected|stashing|stashed|stocking up|stocked up|squirreling away|squirrel away|set aside|setting aside|putting away|counting|counted) (?:my |on |up )?(?:{PILLS}|enough)\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:overdose|overdosing|od) (?:on purpose|tonight|and be done|and not wake up|so i|and end)\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:going to|want to|gonna|could|might|think about|thinking about|thought about|about to|plan to|planning to|wanna|should) (?:just )?(?:overdose|od|take (?:all|them all|the bottle|the whole bottle|everything))\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:jump|jumping|leap|leaping|throw myself|step|stepping) (?:off|from) (?:a|the|that|this|my) (?:top of (?:a|the) )?{HEIGHT}\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:jump|step|stepping|jumping|walk|walking|lie|lay|lying|laying|throw myself) (?:in front of|onto|on|under) (?:a|the) (?:train|tracks|truck|bus|semi|traffic|freight|subway)\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:drive|driving|drove|crash|crashing|crashed|wreck|wrecking|steer|steering|put|putting|run|running|aim|aiming|swerve|swerving|jerk|jerking|yank|plow|plowing|slam|slamming|go|going) (?:my |the |this |our )?(?:{VEHICLE} )?(?:into|off|in front of|under|head on into|headfirst into|straight into|off of|off the road into|through) (?:a|the|that|an|some|oncoming)? ?{CRASH_TARGET}\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:take|took|taking|let go of) my hands off the wheel\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:at|doing|going|hit|hitting) (?:1[0-9]{2}|[89][0-9]) (?:mph )?(?:and )?(?:hop\w*|think\w*|want\w*|wish\w*|wonder\w*|pray\w*|just)\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:noose|tie a rope|tied a rope|tying a rope|rope (?:in|around) (?:the|my) (?:garage|neck|beam|rafters|closet|basement)|the beam in (?:the|my) garage|from the rafters|from a beam|hang (?:from|off))\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:car|engine|truck) running in (?:the|my) (?:closed )?garage\b|\b(?:carbon monoxide|co poisoning) (?:myself|in my garage|in the garage)\b|\bhose (?:from|to) the exhaust\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:cut|cutting|slit|slitting|slash|slashing|open|opening) (?:my|his|her) (?:wrists?|arms?|throat|veins?)\b"),
    # --- intent and plan --------------------------------------------------------------------
    Pattern(C.INTENT, MINE, r"\bi (?:have|have got|got|made|have made|have come up with|came up with|finally have|already have|now have|worked out|have worked out|figured out|have figured out) (?:a|my|the|a real|a solid|a whole) plan(?! for (?:the |my |our |this |next )?(?:weekend|vacation|trip|shift|retirement|move|workout|diet|kids|future|career|money|debt|house|holiday|party|birthday|christmas|class|training|meeting|case|audit|review)| to (?:get|go|visit|meet|fix|pay|study|talk|save|buy|sell|move|retire|quit|transfer|call|see|ask|apply|lose|work|stop drinking|cut back))\b"),
    Pattern(C.INTENT, MINE, r"\b(?:the|my) plan is (?:to|done|set|ready|made)\b"),
    Pattern(C.INTENT, EITHER, r"\b(?:know|knows|figured out|worked out|decided|decide|thinking about|thought about|planned|planning|picked|chose|chosen) (?:exactly )?(?:how|when|where) (?:i would|i will|i am going to|i could|to|i want to|i would) (?:do it|end it|go|die|kill myself|make it look|check out|do this)\b"),
    Pattern(C.INTENT, MINE, r"\b(?:picked|chose|chosen|set|settled on|decided on|have|got|marked) (?:a|the|my) (?:day|date|spot|place|time|location|night|bridge|tree|road)\b(?! (?:for (?:the |our |my )?(?:party|wedding|meeting|move|trip|vacation|retirement|training|interview|appointment|court|hearing|closing)|off|to (?:meet|go|move|retire|talk)))", weak=True),
    Pattern(C.INTENT, EITHER, rf"\b(?:going to|gonna|ready to|planning to|decided to|about to|finally going to|plan to|want to|will|i will|gotta|got to) (?:just )?(?:do it|go through with it|end it|finish it|follow through) (?:{TIME_SOON}|for real|this time|soon|when|after|before|while|once|at|and)\b"),
    Pattern(C.INTENT, EITHER, r"\b(?:going to|gonna|will|ready to|decided to) (?:do it|go through with it)$"),
    Pattern(C.INTENT, EITHER, r"\b(?:this|tonight|today|tomorrow) (?:is|will be|would be) (?:my|the) (?:last|final) (?:shift|night|day|tour|call|message|post|text|time|goodbye|watch|roll call)\b(?! (?:before|until|till) (?:retirement|vacation|leave|my transfer|transfer|the holidays|i retire|i move|i go|days|nights|break))", weak=True),
    Pattern(C.INTENT, EITHER, r"\b(?:will not|wont|am not going to|not going to|probably will not|might not) (?:be (?:here|around|alive)|see|wake up|make it to|be at|show up) (?:tomorrow|next week|much longer|for long|long enough|by monday|by morning|for christmas|for thanksgiving|for my birthday|next shift|for the next shift|for roll call|anymore|to see)\b", weak=True),
    Pattern(C.INTENT, EITHER, r"\bnot (?:going to|gonna) be (?:around|here|alive) (?:much longer|for long|tomorrow|anymore|next week|after)\b"),
    Pattern(C.INTENT, EITHER, r"\b(?:made|make|making|reached|came to|come to) (?:my|the|a|up my) (?:decision|mind)\b.{0,30}\b(?:end|die|done|go|check out|do it|it is time|time to go)\b"),
    Pattern(C.INTENT, EITHER, r"\b(?:it is|its) time (?:for me )?to (?:go|check out|end it|end this|say goodbye|clock out for good|leave for good)\b", weak=True),
    Pattern(C.INTENT, EITHER, r"\b(?:10 ?56|10-56|10 7|10-7|10-42|10 42|code 4|clock out|clocking out|punch out|punching out|check out|checking out|end of watch|eow|sign off|signing off|log off|logging off|tap out|tapping out|exit|out) (?:for good|permanently|forever|for the last time|early|myself|for real|on my own terms|one last time|for keeps)\b"),
    Pattern(C.INTENT, EITHER, r"\b(?:my|final|my own|my last|my final) (?:eow|end of watch)\b(?! ceremony| service| memorial| parade)"),
    Pattern(C.INTENT, EITHER, r"\b(?:10 ?56|10-56|10-56 me|ten fifty six)(?: (?:myself|me|me now|tonight|is me|for me|soon|on myself))\b"),
    Pattern(C.INTENT, EITHER, r"\b(?:thinking about|think about|considering|about to|going to|gonna|want to|might|could|planning) (?:a |my own |do a |pull a |doing a )?(?:10 ?56|10-56)\b"),
    Pattern(C.INTENT, EITHER, r"\b(?:permanent solution|easy way out|easiest way out|cowards way out|coward way out|only way out|way out is|final solution|take the exit|the exit door)\b", weak=True),
    Pattern(C.INTENT, EITHER, r"\b(?:punch|punching) my (?:own )?ticket\b"),
    Pattern(C.INTENT, EITHER, r"\b(?:do|doing|did) it (?:myself|tonight|this time for real|for real this time|for real)\b", weak=True),
    # --- preparation ---------------------------------------------------------------------
    Pattern(C.PREPARATION, EITHER, r"\b(?:wrote|write|writing|written|left|leave|leaving|recorded|recording|drafted|drafting|typed|typing|finished|finishing|sealed|sealing) (?:out )?(?:a |some |the |my |last |final |goodbye |farewell |all my |personal )*(?:letter|letters|note|notes|message|messages|goodbye|goodbyes|last words|video|videos|emails?|texts?|cards?|instructions)s? (?:to|for) (?:my|the|each of my|all my|everyone|everybody|both my|all of my|each)\b(?! (?:boss|landlord|attorney|lawyer|union|hr|chief|captain|lieutenant|sergeant|council|judge|da|insurance|bank|credit))", weak=True),
    Pattern(C.PREPARATION, EITHER, r"\b(?:suicide|goodbye|good bye|farewell|final|last|goodby) (?:letter|letters|note|notes|message|messages|video|text|texts|email|post)\b", weak=True),
    Pattern(C.PREPARATION, EITHER, r"\b(?:giv|gave|given|giving|give|gifting|gifted|handing|handed|hand|passing|passed|pass|selling|sold|sell|donating|donated|donate) (?:away|out|off)? ?(?:all )?(?:of )?(?:my|his|her|their)? ?(?:stuff|things|belongings|possessions|guns|gun|gear|firearms|collection|tools|truck|dog|cat|watch|fishing|hunting|prized|everything|badge|rifles|knives|bike|motorcycle|boat|uniforms|medals|records|jewelry|clothes|favorite|grandfathers|dads)\b(?: away| out)?(?: to (?:my |the |people|friends|family|buddies|guys|everyone))?", weak=True),
    Pattern(C.PREPARATION, EITHER, r"\b(?:giv|gave|given|giving|give|gifting|gifted|handing|handed|hand) (?:away|out) (?:all )?(?:of )?(?:my|his|her|their)? ?(?:stuff|things|belongings|possessions|guns|gun|gear|firearms|collection|tools|truck|dog|cat|watch|badge|rifles|everything|favorite)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:got|get|getting|put|putting|puts|have|has|had|set|setting|sorted|sorting|getting all) (?:my|his|her|their|all my|all of my|everything|things|stuff) ?(?:affairs|things|stuff|paperwork|finances|business|house|accounts|life|papers|estate)? (?:in order|squared away|sorted out|wrapped up|in line)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:affairs|things|paperwork|finances|will|estate) (?:are |is )?(?:in order|squared away|all set|sorted|taken care of|done)\b", weak=True),
    Pattern(C.PREPARATION, EITHER, r"\b(?:updated|update|updating|wrote|write|writing|made|make|making|redid|changed|finished|finalized|finalizing|signed|drew up|drawing up) (?:my|a|the|his|her) (?:will|beneficiary|beneficiaries|last will|living will|power of attorney|life insurance|policy)\b", weak=True),
    Pattern(C.PREPARATION, EITHER, r"\b(?:changed|change|changing|updated|update|updating|added|checked|check|checking|verified|confirmed|made sure) (?:the |my |who is the |who gets the |on the )?(?:beneficiar\w*|payout|death benefit|survivor benefit)\b", weak=True),
    Pattern(C.PREPARATION, EITHER, r"\b(?:life insurance|insurance|pension|policy|death benefit|survivor benefits?|benefits) (?:\w+ ){0,8}(?:suicide|if i die|if i kill|when i die|after i die|when i am gone|after i am gone|self inflicted|if i was gone|if i was dead|if i die by|if i died|if i did not come home|if i do not come home)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:suicide|self inflicted|if i kill myself|if i die|if i died) (?:\w+ ){0,5}(?:life insurance|insurance|pension|payout|pay out|death benefit|survivor benefits?|policy|coverage)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:said|say|saying|told|tell|telling|texted|called|calling|calling everyone to say|went around saying) (?:my )?(?:goodbye|goodbyes|bye|farewell|farewells)(?: to (?:\w+ ){1,3}?)? ?(?:for good|forever|for the last time|one last time|for real|in case|just in case|without them knowing|without telling)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:said|say|saying|made|making) (?:my|all my|my final|my last) (?:goodbyes|goodbye|final goodbye|peace)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:final|last|one last) (?:goodbye|goodbyes|farewell)\b", weak=True),
    Pattern(C.PREPARATION, EITHER, r"\b(?:goodbye|good bye|farewell) (?:forever|for good|everyone|world|cruel world|for the last time)\b", weak=True),
    Pattern(C.PREPARATION, EITHER, r"\b(?:bought|buy|buying|got|purchased|ordered|picked up|getting) (?:a |some |the |more |extra |a length of |a new )?(?:rope|noose|hose|charcoal|length of rope|helium|rat poison|razor blades|bullets for myself)\b", weak=True),
    Pattern(C.PREPARATION, MINE, r"\b(?:made sure|make sure|making sure|so) (?:my |the )?(?:wife|husband|kids|family|everyone|she|they|the kids|my kids|my family|my wife|my husband) (?:will|would|are|is|gets?|get|have|has) (?:be )?(?:ok|okay|fine|taken care of|provided for|covered|set|all set|the money|the insurance|the pension)\b.{0,40}\b(?:when|after|once|if|without) (?:i am|i am gone|me|i die|i go)\b"),
    Pattern(C.PREPARATION, MINE, r"\b(?:when|after|once) i am (?:gone|dead|not here|not around)\b(?! (?:on|for|to) )"),
    Pattern(C.PREPARATION, MINE, r"\bafter i (?:die|am gone|go|kill myself|end it)\b(?! (?:on|to) )", weak=True),
    Pattern(C.PREPARATION, MINE, r"\b(?:deleted|deleting|delete|cleaning out|cleaned out|canceled|cancelled|canceling|cancelling|closed|closing) (?:all )?my (?:accounts|social media|facebook|everything|phone|stuff|subscriptions|bank account)\b(?: so| before| because| for when| since)", weak=True),
    Pattern(C.PREPARATION, MINE, r"\b(?:who|someone to) (?:will|would|can|could) (?:take care of|look after|watch|get|take) my (?:dog|cat|kids|pets|guns)\b.{0,30}\b(?:gone|dead|die|not here|not around)\b"),
    Pattern(C.PREPARATION, MINE, r"\bmy (?:funeral|obituary|eulogy|service|casket|burial|headstone)\b(?! (?:detail|for|of (?:a|the|officer|sgt|deputy)))", weak=True),
    # --- attempt --------------------------------------------------------------------------
    Pattern(C.ATTEMPT, EITHER, r"\b(?:tried|attempted|try|trying|tryed|tri|attempt|attempting) to (?:kill|hang|shoot|drown|overdose|od|off|end|poison|cut|gas|unalive) (?:myself|my life|it all|it|me)\b"),
    Pattern(C.ATTEMPT, EITHER, r"(?<!the )(?<!an )(?<!a )\b(?:tried|attempted|tryed|almost did|nearly did|almost went through with|nearly went through with|started to do|came this close to|came close to|was going to|was about to|was gonna) (?:it|suicide|it again|it last night|it this weekend|doing it|ending it|going through with it|pulling the trigger|jumping)\b(?!\s+(?:on|with|at|for) )", weak=True),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:almost|nearly|i|barely did not|barely didnt|came close to|about to|was about to|so close to|this close to) (?:pulled|pull|pulling|squeezed|squeeze) the trigger\b"),
    Pattern(C.ATTEMPT, EITHER, rf"\b(?:took|swallowed|downed|popped|ate|chugged|chewed|washed down) (?:a bunch|a handful|handfuls|a bottle|a lot|too many|way too many|all|the rest|a whole bottle|the whole bottle|half the bottle|half a bottle|every one|a fistful|some extra|extra|a ton|\d+) (?:of )?(?:my |the |those |his |her |these )?(?:{PILLS})\b"),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:woke up|ended up|landed|wound up|ending up|was|am) (?:in the|in|at the) (?:hospital|er|icu|psych ward|emergency room|mental ward)\b.{0,40}\b(?:after|because|cause|when) (?:i|my)\b", weak=True),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:my|since my|after my|last|first|second|previous|failed|botched|since the) (?:suicide )?attempt\b(?! (?:to|at|on|in) (?:get|the|a|qual|promotion|sergeant|the exam|the test))", weak=True),
    Pattern(
        C.ATTEMPT, EITHER, r"\b(?:survived|survive) (?:my|the|an|another) (?:attempt|overdose|od)\b"
    ),
    Pattern(C.ATTEMPT, EITHER, rf"\b(?:{RECENT}) (?:i )?(?:almost|nearly|tried|had|put|held|sat|was) (?:did it|do it|ended it|went through|killed myself|jumped|ate my gun|eat my gun|swallowed|took the pills|pulled the trigger)\b"),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:rope|noose|belt|cord) (?:broke|snapped|did not hold|came loose|slipped)\b"),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:gun|glock|pistol|it|weapon|revolver) (?:jammed|did not fire|misfired|clicked|would not fire)\b(?!.{0,30}\b(?:range|qual|qualification|drill|training|malfunction drill))", weak=True),
    # --- hopelessness ---------------------------------------------------------------------
    Pattern(C.HOPELESS, EITHER, r"\b(?:no|not any|is not any|aint any|there is no|there is not a|do not have a|do not see a|do not see any|can not find a|can not find any|without a|without any|lost all|lost my|lost any) (?:point|reason|use|purpose|meaning|will|desire|hope|reason left|point anymore|reason anymore) (?:in |to |of |for |left to |anymore to |left in |for me to |for me in )?(?:living|life|live|go on|going on|being alive|being here|trying anymore|carry on|carrying on|continuing|continue|waking up|wake up|getting up|staying|stay|me being here|keep going|keep living|keep fighting|fight|fighting|stick around|sticking around|be here|exist|existing|any of it|anything anymore|this life|breathe)\b"),
    Pattern(C.HOPELESS, EITHER, r"\bnothing (?:left )?(?:to live for|to look forward to|to hold on to|worth living for|left for me|left in me|left to give|left to lose|left to fight for|matters anymore|will ever change|is ever going to change|ever changes|is going to get better|will get better|gets better)\b"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:life|living|it|this|any of it|my life|this life|going on) (?:is|is not|aint|was|seems|feels) (?:not )?(?:worth (?:it|living|fighting for|the pain|the trouble|anything)|pointless|meaningless|hopeless|over|done for|not worth it)(?: anymore| any more)?\b", weak=True),
    Pattern(C.HOPELESS, EITHER, r"\b(?:not|is not|no longer|none of it is|none of this is|never) worth (?:living|it anymore|going on|fighting for anymore|the pain anymore|waking up for|sticking around|staying alive|it any more|being alive)\b"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:can not|could not|do not|no longer|will never|cant|never|can not even) (?:see|picture|imagine|envision|find) (?:a|any|the|my)? ?(?:future|way out|way forward|way through|light|light at the end|end to this|tomorrow|myself getting better|things getting better|point|reason|point in (?:living|life|going on|any of it|anything)|point of (?:living|life|going on|any of it|anything)|myself in (?:5|five|a|ten|10) years|myself growing old|myself at retirement|myself retiring|a reason|a point|myself being here|myself here|myself alive|myself living|a life)\b"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:there is )?no (?:way out|future|hope|tomorrow|light|exit|escape|fixing this|coming back from this|getting out of this|getting better|point anymore|hope left|future for me|way back)\b(?! (?:for (?:the|this|that|our|these) (?:suspect|case|department|team|city|kid|victim|season|game|league|unit|union|car|budget))| plan| number| calls?| parking| exit sign| escape room| way out of (?:this|the) (?:meeting|class|detail|overtime|shift|training))", weak=True),
    Pattern(C.HOPELESS, EITHER, r"\b(?:i am|i feel|feel|feeling|i have been|been|i just feel|i am so|so|completely|totally|utterly) (?:so |completely |totally |utterly |just )?(?:hopeless|worthless|trapped|stuck forever|empty inside|dead inside|beyond help|beyond saving|beyond repair|past saving|broken beyond repair|a lost cause|done with everything|done with it all|done with life|done with living|finished|out of hope|out of reasons|out of options|at the end of my rope|at the end of the rope|at my end)\b"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:done|finished|through) with (?:life|living|everything|it all|this life|this world|being alive|existing|all of it|breathing|trying)\b"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:give|giving|gave|given) up on (?:life|living|everything|myself|me|it all|getting better|the future|waking up|staying alive|surviving|trying)\b"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:what is the point|what is even the point|what the point is|why bother|why should i|why even|why do i even|why keep|why am i even) (?:of |in )?(?:living|life|going on|anything|anything anymore|waking up|trying|even being here|being alive|being here|any of it|getting up|keep going|keep living|go on|live|stay|staying|bother|carrying on|even bother|exist|existing)\b"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:will|is|are|it will|things will|it is|nothing will|never going to|not going to|is never going to|are never going to) (?:never|not ever|not|ever) (?:get|be|feel|going to get|going to be) (?:better|ok|okay|fine|good again|normal again|any better)\b(?! (?:for|at|in) (?:the|this|that) (?:suspect|team|city|department))", weak=True),
    Pattern(C.HOPELESS, EITHER, r"\b(?:it|this|things|life|everything|nothing) (?:will never|is never going to|are never going to|never) (?:get|gets|getting|be|change|changes|improve|improves) (?:better|any better|easier|different)?\b", weak=True),
    Pattern(C.HOPELESS, EITHER, r"\bno (?:one|body) can (?:help|save|fix) me\b|\bbeyond (?:help|saving|repair)\b|\btoo late for me\b|\bnothing can help me\b|\bno help for me\b"),
    # --- burden ---------------------------------------------------------------------------
    Pattern(C.BURDEN, EITHER, r"\bbetter off (?:dead|gone|without me|with me gone|with me dead|if i (?:was|were|am|had|died|die|did not|did|weren|was not|were not|just|never|left|disappeared|went away)|without me around|with my (?:life )?insurance|with the (?:life )?insurance|with the pension|with my pension|with the money|if i was not around|if i were not around|not knowing me|on their own|without me in (?:it|their lives|the picture))\b"),
    Pattern(C.BURDEN, MINE, r"\b(?:everyone|they|family|kids|wife|husband|world|people|my family|my kids|my wife|my husband|everybody|the department|the squad|my squad|the team|my team|my partner|my daughter|my son|my parents|my girls|my boys|the kids|them|she|he|the world|this world) (?:would|will|d|would all|will all|would really|would honestly|would probably|would totally|are going to) (?:be )?(?:better off|happier|fine|ok|okay|be better|do better|be fine|move on|be relieved|not miss me|get over it|be better without me) (?:without me|if i (?:was|were|am|died|was gone|were gone|left|disappeared|did not come home)|with me gone|once i am gone|after i am gone|when i am gone|if i just)\b"),
    Pattern(C.BURDEN, EITHER, r"\b(?:i am|i feel|feel|feeling|i have become|i am nothing but|i am just|i am only|i am such|i feel like|feel like|i am the|i would just be|always been|nothing but|i become|become|been|being) (?:just |nothing but |such |only |a huge |a big |the |so much |more of )?(?:a |an )?(?:burden|waste of space|waste of oxygen|waste of air|waste of a life|drain|dead weight|weight on everyone|problem to everyone|liability|disappointment to everyone|mistake|nuisance to everyone|cancer|curse)\b(?! (?:to the (?:department|case|team|budget)|on the (?:budget|system|overtime|department|schedule|team)))", weak=True),
    Pattern(C.BURDEN, EITHER, r"\b(?:nobody|no one|noone|not a soul|not one person|no body|not anyone|nobody at all|no one at all|none of them|nobody here|nobody at work) (?:would|will|is going to|d|would even|will even|would really|would actually|is gonna|would ever) (?:even )?(?:miss me|notice (?:if|when|that) i (?:am|was|were|m) (?:gone|dead|not here)|notice i am gone|notice i was gone|care if i (?:died|was gone|were gone|was dead|disappeared|was not here|did not come home|did not wake up|died tomorrow|killed myself)|care if i am gone|care if i die|care when i am gone|come to my funeral|show up to my funeral|cry at my funeral|care that i am gone|even notice me gone|notice me missing|miss me if)\b"),
    Pattern(C.BURDEN, EITHER, r"\b(?:would|will) (?:anyone|anybody|they|my family|my kids|people) (?:even |really |actually )?(?:miss me|care if i (?:died|was gone|were gone)|notice if i (?:was|were) gone|notice (?:if|when) i am gone|come to my funeral)\b"),
    Pattern(C.BURDEN, EITHER, r"\b(?:they|she|he|everyone|my family|my kids|my wife|my husband) (?:would not|will not|wont|would never|would hardly|would barely) (?:even )?(?:miss me|notice (?:if|when) i (?:am|was|were) gone|notice i am gone|care if i (?:died|was gone|were gone))\b"),
    Pattern(C.BURDEN, EITHER, r"\b(?:i|i am|i just|i only) (?:make|makes|making|ruin|ruins|ruining|drag|dragging|bring|bringing) (?:everyone|everything|their lives|everyones life|everyones lives|my familys life|my familys lives|my kids lives|my wifes life|everybody|it) (?:worse|down|harder|miserable)\b", weak=True),
    Pattern(C.BURDEN, EITHER, r"\b(?:the world|everyone|my family|the kids|my kids|they) (?:would be|is|will be|are) (?:a )?better (?:place )?without me\b|\bwithout me (?:they|everyone|the kids|my family|my wife|she|he) (?:would|will|can|could) (?:finally|be|move|have|live|heal)\b"),
    Pattern(C.BURDEN, EITHER, r"\b(?:worth more|more valuable|worth more to them|worth more to my family) dead\b|\b(?:my )?(?:life insurance|insurance|pension|death benefit) (?:is worth more|would do more|would help more|would take care of them|would set them up|would pay off)\b"),
    # --- unbearable pain ------------------------------------------------------------------
    Pattern(C.PAIN, EITHER, r"\b(?:want|need|wish|just want|just need|make|i want|needs|wants) (?:for )?(?:the|this|my|all the|all this)? ?(?:pain|hurt|hurting|noise|voices|it|everything|it all|this|suffering|torment|agony|misery|all of it|the screaming in my head|my brain|my head|the thoughts|noise in my head|voices in my head|thoughts in my head) to (?:stop|end|go away|be over|quit|finally stop|finally end|shut up|stop forever|end forever)\b(?: (?:forever|for good|permanently|once and for all|and never come back))?"),
    Pattern(C.PAIN, EITHER, r"\b(?:want|wants|need|needs|wish|wishes|pray|praying) (?:it all|everything|all of it|the world|life|my life|the pain|this pain) to (?:stop|end|go away|be over|go quiet|go dark|go black)\b"),
    Pattern(C.PAIN, EITHER, r"\b(?:can not|could not|do not know how to|no longer|can no longer|not able to|unable to) (?:go on|keep going|keep living|carry on|do this anymore|do this any more|do it anymore|do it any more|take it anymore|take this anymore|take it any more|take this any more|take any more|take anymore|take much more|take much longer|take another day|take one more day|take another night|handle it anymore|handle this anymore|handle any more|live like this|live with this|live with myself|live with what i did|live with it|face another day|face tomorrow|face it anymore|face anyone|do life|survive this|survive another|keep doing this|do another day|make it another day|make it another week|hold on|hold on anymore|hang on|hang on much longer|hold on much longer|keep fighting|fight anymore|fight this anymore|bear it|bear this|bear it anymore|stand it anymore|stand this anymore|stand it any longer|cope anymore|cope with this anymore|breathe|get through another|take the pain|handle the pain|live with the pain|live in this pain|survive the night|get through the night|last much longer|keep my head above water|keep it together anymore|keep this up|keep pretending)\b(?! (?:job|detail|shift|schedule|overtime|commute|traffic|unit|paperwork|assignment|rotation|sergeant|boss|lt|work|post|beat|department|place|squad|partner|desk)\b)"),
    Pattern(C.PAIN, EITHER, r"\b(?:too much|too heavy|too hard|too painful|unbearable|too dark|too loud|too big) (?:to (?:bear|carry|handle|live with|survive|take)|for me to (?:carry|bear|handle|live with|survive|take)|for me anymore|anymore|to keep going|to keep living)\b"),
    Pattern(C.PAIN, EITHER, r"\b(?:the|this|my) (?:pain|hurt|darkness|weight|guilt|shame|grief) (?:is|has been|is getting|keeps getting|feels) (?:too much|unbearable|never going to stop|never ending|endless|crushing me|killing me|too heavy|swallowing me|drowning me|choking me|eating me alive)\b"),
    Pattern(C.PAIN, EITHER, r"\b(?:i am|i feel|feel|feeling|i have been|been) (?:like )?(?:drowning|suffocating|dying inside|dead inside|rotting inside|in hell|in agony|in so much pain|in unbearable pain|in constant pain|being crushed|falling apart|at the end of my rope|at my breaking point|at the breaking point|past my breaking point|past the breaking point|out of strength|out of fight|out of gas for life|at rock bottom|in a black hole|in a dark hole|in the dark place|in that dark place|in a dark place|in a really dark place|in a very dark place|in a bad place|in a really bad place|in a very bad place|in a bad way|in a really bad way|spiraling|spiralling)\b"),
    Pattern(C.PAIN, EITHER, r"\b(?:the|this|a) (?:darkness|dark place|black hole|bad place|void) (?:is back|again|is winning|won|keeps winning|is taking over|has me|got me)\b"),
    Pattern(C.PAIN, EITHER, r"\b(?:can not|cant) (?:escape|outrun|shake|turn off|stop) (?:the|this|these|my) (?:pain|thoughts|darkness|images|nightmares|voices|memories|faces)\b.{0,40}\b(?:anymore|forever|die|end|done|over|out)\b"),
)


EXTRA: tuple[Pattern, ...] = (
    Pattern(C.THOUGHTS, EITHER, r"\b(?:suicide|painless|quick|quickest|easiest|easy|surest|best) (?:methods|ways|options|way to go|way to die|way out)\b", weak=True),
    Pattern(C.HOPELESS, EITHER, r"\b(?:only|one) (?:thing|reason|person) (?:keeping|that keeps|that is keeping|i am) (?:me|him|her|them)? ?(?:alive|here|going|around|breathing)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:easier|better|simpler|a relief|nice) if i (?:just )?(?:did not wake up|was gone|was dead|died|were dead|never woke up|was not here|were gone|disappeared|did not come home|did not make it)\b"),
    Pattern(C.WISH_DEAD, MINE, r"\b(?:wish|wishes|wished|hope|hopes|hoping|pray|prays|praying) (?:that )?(?:the next|next|the) (?:\w+ ){0,3}(?:would be|will be|is|was|were) me\b|\b(?:wish|wished|wishes) (?:the guy|he|she|they|the suspect|someone) (?:had|would have) (?:shot|killed|taken) me\b"),
    Pattern(C.BURDEN, EITHER, r"\b(?:anyone|anybody|people|they|nobody|no one|everyone) (?:would|will) (?:even |actually |really )?(?:care|notice|miss me|mind) if i (?:did not|do not|never|was|were|died|disappeared|was gone|left|did not come back|did not come home|was not here)\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:step|stepping|stepped|walk|walking|walked|jump|jumping|jumped|run|running|ran|drive|driving|drove) (?:out )?(?:into|in front of|onto) (?:the )?(?:traffic|a truck|a bus|a train|a semi|oncoming traffic|the interstate|the highway|the freeway|the tracks)\b"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:talk|talks|talking|talked|joke|jokes|joking|joked|keeps saying|kept saying|obsess\w*|going on|goes on|rambl\w*) (?:a lot |alot |lately |constantly |nonstop |so much |more and more )?(?:about|over) (?:suicide|dying|death|killing (?:himself|herself|themselves|myself)|ending it|(?:his|her|their|my) (?:own )?funeral|eating (?:his|her|my) gun|not being (?:around|here)|being dead|wanting to die|(?:his|her|my) will|who gets (?:his|her|my))\b", weak=True),
    Pattern(C.THOUGHTS, EITHER, r"(?<!not )(?<!never )(?<!no longer )\bsuicidal\b(?! (?:subj|subject|subjects|suspect|inmate|inmates|caller|callers|patient|patients|male|female|person|persons|people|individual|individuals|party|juvenile|detainee|detainees|prisoner|prisoners|subj on|role|actor|scenario|calls?|ideation calls?))", weak=True),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:take|taking|took) (?:myself|me) out\b(?! (?:to|for|of the|of rotation|of the rotation))"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:the )?(?:idea|thought|thoughts|image|images) of (?:ending|killing|taking|dying|death|not being here|not waking|being dead|pulling|eating|jumping|crashing|hanging|shooting)\b"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:ending|ending it|ending things|dying|death|suicide|killing myself|the gun|my gun|the bridge|the pills) (?:is|are) (?:all|the only thing|mostly what|what) i (?:think|thought|dream) about\b"),
    Pattern(C.THOUGHTS, MINE, r"\b(?:picture|picturing|pictured|imagine|imagining|imagined|see|seeing|visualiz\w*) (?:myself|me) (?:dead|in a casket|in a coffin|in the ground|hanging|gone|in a body bag|on a slab|at my own funeral|with a gun|with my gun)\b"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:wanting|wanted|want|been wanting) to (?:for|since)\b.{0,20}\b(?:weeks|months|days|years|a while|long)\b", weak=True),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:want|wanna|going|need|ready|trying|plan|about) to (?:unalive|self delete|delete myself|kms)\b|\bself delete\b|\bunalive\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:rather|sooner|prefer to) be dead\b|\bwould rather die\b|\bbetter dead than\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:stop|stopped) (?:existing|breathing|being alive|living|being here)\b(?! (?:in|at) (?:this|the) (?:city|town|department|house|apartment))"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:dirt nap|six feet under|pine box|toe tag|body bag|in the ground|push(?:ing)? up daisies|room temperature|taking the long sleep|the long sleep|eternal sleep|permanent nap|big sleep)\b(?!.{0,30}\b(?:suspect|victim|guy|male|female|subject|he|she|they|doa|scene|call)\b)", weak=True),
    Pattern(C.WISH_DEAD, MINE, r"\b(?:i am|i|i just|just|i am so|so) (?:ready|want|need) to (?:go|die|be done|check out|let go|stop fighting|stop swimming|give up|be gone|leave|rest)(?: for good| forever| now| already| for real)?$", weak=True),
    Pattern(C.WISH_DEAD, EITHER, r"\bready to (?:go|be done|check out|let go|stop fighting|stop swimming|give up|be gone|rest|die|end it|end this|be with|meet)\b(?! (?:home|to (?:work|bed|the)|out|on|back|for (?:work|shift|the|my)|in|get|play|grab|roll|hit|eat|start|learn))", weak=True),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:i|just) want (?:it|this|all of this|everything|it all) (?:to be )?over\b|\bwant out(?: of (?:this life|it|this|life|here|everything))?(?: for good| permanently| forever)?$|\bwant out (?:for good|permanently|forever|of this life|of life)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:go|going|want to go|wanna go|be) (?:be )?(?:with|where) (?:him|her|them|my \w+|jay|\w+) (?:is|are|went)?\b(?=.{0,40}\b(?:died|dead|gone|funeral|lost|heaven|passed|killed)\b)|\b(?:died|dead|gone|funeral|lost|passed|killed)\b.{0,60}\b(?:go|be) (?:be )?(?:with|where) (?:him|her|them|\w+)\b", weak=True),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:do not|does not|did not|no longer|not) (?:plan|planning|intend|expect) (?:on |to )?(?:being|be|living|live|staying|stay|making it|make it|sticking|stick|seeing|see) (?:alive|around|here|to|past|for|through|much|long|another|next)\b"),
    Pattern(
        C.WISH_DEAD, EITHER, r"\b(?:plan|planning|intend|going) to be (?:dead|gone|in the ground)\b"
    ),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:death|dying|being dead|the end|the grave|not waking up|the gun|it) (?:sounds|seems|looks|feels|would feel|would be) (?:like )?(?:a )?(?:rest|sleep|peace|peaceful|relief|release|freedom|mercy|the only (?:exit|way out|answer|option|way)|the answer|my only (?:exit|way out|option)|an escape|a vacation|good|better|easier|nice)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:if|whether) i (?:will|would|am going to|ll|can) (?:still )?(?:be )?(?:alive|here|around|make it|survive) (?:by|tomorrow|next|through|to|until|much)\b", weak=True),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:do not|does not) know (?:why|how) i am still (?:here|alive|breathing|around|going)\b|\bwhy am i (?:still )?(?:here|alive|breathing)\b|\bwhy (?:stay|keep living|be) alive\b|\bwhy (?:do i|should i) (?:even )?(?:stay|live|keep living|wake up)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:can not|could not) (?:stand|bear|take) (?:being alive|living|existing|life|waking up|being me|being here)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:can not|could not|do not) (?:imagine|picture|see) (?:myself )?(?:living|being alive|being here|making it|surviving|lasting|getting through|sticking around) (?:another|through|to|past|until|much|for|the|this|next)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\bon (?:being|staying) (?:here|alive)\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:use|using|used|turn|turning|turned|point|pointing|aim|aiming|put|putting) (?:it|that|one|them|the gun|my gun|the weapon|my weapon|my sidearm|the sidearm|the rifle|the shotgun|my rifle|the glock|my glock)(?: (?:\w+ ){0,3})? ?(?:around )?on (?:me|myself)\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:use|using) (?:\w+ ){{0,5}}(?:{GUN}) (?:\w+ ){{0,4}}on (?:me|myself)\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:put|putting|stick|sticking|send|sending) (?:one|a bullet|a round|a slug|lead|one round|a 9|a 40|a hole) (?:in|into|through) my (?:own )?{BODY_TARGET}\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:and|to|then|just) use (?:my|the) (?:duty |service |off duty )?(?:{GUN})\b(?! (?:light|holster|sling|optic|sight|case|at the range|for (?:qual|range)))", weak=True),
    Pattern(C.METHOD, EITHER, r"\b(?:how easy|how quick|how fast|how simple|how painless) (?:it would be|it is|to do it|it could be)\b"),
    Pattern(C.METHOD, EITHER, r"\benough (?:\w+ ){0,6}to (?:do it|end it|end this|kill me|not wake up|die|do the job|finish it|make it stop)\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:every|each|all the|all of the|all my|all of my) (?:pill|pills|meds|medication|bottle|bottles|pain pills|sleeping pills)\b.{0,25}\b(?:swallow|swallowing|take|taking|down|downing|at once|in the house|in the cabinet)\b|\b(?:swallow|swallowing|take|taking|down|downing) (?:every|each|all the|all of the|all my|all of my) (?:pill|pills|meds|sleeping pills|pain pills)\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:wrap|wrapping|wrapped) (?:my|the) (?:{VEHICLE}) around (?:a|the|that) {CRASH_TARGET}\b|\bso it (?:looks|would look) like an accident\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:{GUN})\b (?:out of the holster|out of the safe|out of the nightstand|out of the drawer)\b.{{0,40}}\b(?:looking at it|staring at it|thinking|holding it|in my (?:lap|hand|mouth)|for (?:an|a) (?:hour|while|long time))\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:keep|kept|keeps) (?:taking|pulling|getting) (?:it|my (?:\w+ )?{GUN}|the (?:\w+ )?{GUN}) out\b|\bholding it (?:and )?(?:thinking|for|in)\b", weak=True),
    Pattern(C.METHOD, EITHER, r"\b(?:think|thinking|thought) about (?:it|doing it|using it) (?:for|on) (?:me|myself)\b|\bi know why\b", weak=True),
    Pattern(C.METHOD, EITHER, r"\b(?:would|will|could) (?:the|this|that|my) (?:rope|belt|cord|beam|branch) (?:hold|support|take) (?:me|my weight)\b|\bwould hold me\b", weak=True),
    Pattern(C.METHOD, EITHER, rf"\b(?:which|what|the) (?:{HEIGHT}|overpass|tree|road|spot|place|bridge) (?:i would|i will|i could|i am going to|to) (?:use|do it|jump|hit|aim for)\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:drive|driving|drove|go|going|swerve|swerving) (?:my |the )?(?:{VEHICLE} )?(?:off|into|over) (?:the |a )?(?:causeway|cliff|road|overpass|bridge|pier|embankment|edge|side of the road|oncoming traffic|traffic|the water|the lake|the river)\b", weak=True),
    Pattern(C.METHOD, EITHER, r"\b(?:swerved|swerve|drove|steered|jerked) (?:into|toward|towards) (?:oncoming|traffic|a semi|the semi|a truck|a tree|the median|the wall) (?:\w+ ){0,4}(?:on purpose|deliberately|hoping|wanting)\b|\bon purpose\b.{0,20}\b(?:crash|traffic|semi|swerv\w*)\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:stopping|stop|park|parking|parked|sit|sitting|lie|lying|lay|laying) (?:my car |the car |my truck |the truck )?(?:on|across|in the middle of) (?:the )?(?:train )?tracks\b"),
    Pattern(C.METHOD, EITHER, r"\b(?:sat|sitting|sit|stood|standing|stand|climbed|climbing) (?:on|at) (?:the )?(?:edge|ledge|railing|rail) (?:of )?(?:the|a|that)? ?(?:bridge|roof|building|overpass|parking garage|garage)?\b|\b(?:bridge|overpass|roof) (?:railing|ledge|edge)\b", weak=True),
    Pattern(C.METHOD, EITHER, r"\b(?:in|with|inside) the (?:car|truck|engine) running (?:in|inside) (?:the|my) garage\b|\bfound me (?:in|on|with|hanging|at|passed)\b", weak=True),
    Pattern(C.METHOD, EITHER, rf"\b(?:in|at) (?:the|my) (?:garage|basement|car|truck|cruiser|unit|bathroom|closet|woods|backyard|shed) with (?:my|the|a) (?:duty |service |off duty |loaded )?(?:{GUN}|rope|pills|belt|noose)\b"),
    Pattern(C.METHOD, EITHER, rf"\b(?:sitting|sat|sit|been sitting) (?:in|at) (?:my|the) (?:unit|car|truck|cruiser|squad|driveway|garage|kitchen|basement)(?: \w+){{0,4}} with (?:my|the|a) (?:\w+ )?(?:{GUN})\b"),
    Pattern(C.METHOD, THEIRS, rf"\b(?:sitting|sat|sits|been sitting|locked himself|locked herself|parked)(?: \w+){{0,6}} with (?:his|her|their) (?:\w+ )?(?:{GUN})\b|\b(?:his|her|their) (?:\w+ )?(?:{GUN}) in (?:his|her|their) (?:lap|hand|hands|mouth)\b"),
    Pattern(C.METHOD, THEIRS, rf"\b(?:eat|eats|eating|ate) (?:his|her|their) (?:own )?(?:{GUN}|round|bullet)\b"),
    Pattern(C.METHOD, THEIRS, rf"\b(?:take|taking|took) all (?:his|her|their) (?:{PILLS})\b"),
    Pattern(C.INTENT, EITHER, r"\b(?:tonight|today|tomorrow|this weekend|friday|saturday|sunday|monday) is the (?:night|day)\b|\bthe (?:night|day) is (?:tonight|today|tomorrow|here|coming)\b"),
    Pattern(C.INTENT, EITHER, r"\b(?:nobody|no one|noone|the kids|my kids|my wife|my family|they|she|he) (?:will|would|is going to|wont|will not)? ?(?:find|finds|find me|see) me\b(?: (?:till|until|before|for|in time))?", weak=True),
    Pattern(C.INTENT, EITHER, r"\b(?:so|where|where the|that) (?:nobody|no one|the kids|my kids|my family|my wife) (?:at home )?(?:finds|find|sees|has to find) me\b|\b(?:nobody|no one) (?:will|would) find me\b"),
    Pattern(C.INTENT, EITHER, r"\bi (?:already |finally |just |now )?(?:decided|figured out|worked out|chose|picked|know) (?:how|when|where)$|\b(?:got|have) (?:the|a) plan\b.{0,20}\b(?:got|have) (?:the )?means\b|\b(?:got|have) the means\b"),
    Pattern(C.INTENT, EITHER, r"\b(?:stopped|stop) (?:thinking|asking) (?:about )?(?:if|whether)\b.{0,40}\bwhen\b|\bnot if but when\b|\bits? (?:just )?a matter of (?:time|when)\b", weak=True),
    Pattern(C.INTENT, EITHER, r"\b(?:wrote|write|writing|written) (?:the|my|a) plan (?:down|out)\b|\b(?:timing|date|day|time) is (?:set|picked|chosen|decided)\b|\bcounting down (?:the )?(?:days|hours) (?:till|until|to) i\b"),
    Pattern(C.INTENT, EITHER, r"\b(?:decided|made up my mind|already decided|i decided)\b.{0,25}\b(?:i am done|done|to go|it is over|this is it)\b|\bi already decided\b", weak=True),
    Pattern(C.INTENT, EITHER, r"\b(?:end of watch|eow) for me\b|\bpermanent (?:eow|end of watch|10 7|10-7|sleep|vacation|retirement)\b|\bsign me off\b|\b(?:become|becoming|be|end up|ending up|being) (?:a|my own|the next|one of the) (?:10-56|10 56|statistic|blue help number|blue help numbers|number on the wall|name on the wall|suicide)\b"),
    Pattern(C.INTENT, EITHER, r"^(?:10 ?56|10-56|ten fifty six)(?: me| myself| for me| tonight)?$"),
    Pattern(C.INTENT, MINE, r"\b(?:so|and) (?:a cop|the cops|they|the next unit|swat|the troopers|another cop|somebody|someone) (?:does|do|finish|finishes|will finish|will do|kills|kill|will kill|shoots|shoot|take me|takes me) (?:it|me|the job|me out)\b|\bforc\w* (?:a|the) (?:shootout|standoff|gunfight)\b|\bpull\w* (?:an empty|an unloaded|a fake|a toy|my) gun on (?:a|the|some|the next) (?:cop|unit|officer|trooper|deputy)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:to say|saying|said|say) (?:goodbye|goodbyes|bye)\b.{0,20}\b(?:for good|forever|this time|last time|for the last)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:called|texted|visited|saw|messaged|hugged) (?:\w+ ){0,5}(?:to say goodbye|one last time|for the last time)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:left|put|set) (?:my|the) (?:badge|keys|gun|wallet|ring|wedding ring|phone|id|credentials)(?: and (?:my |the )?(?:badge|keys|gun|wallet|ring|phone|id))? (?:on|in) (?:the|my) (?:kitchen )?(?:table|counter|desk|dresser|bed)\b.{0,30}\b(?:note|letter|for (?:her|him|them)|goodbye)\b"),
    Pattern(C.PREPARATION, MINE, r"\b(?:started|start|finished|finish|writing|wrote|written|rewrote|working on) (?:writing )?(?:my|a|the) (?:note|notes|letter|letters|last letter|final letter|goodbye)\b", weak=True),
    Pattern(C.PREPARATION, EITHER, r"\bthe (?:note|letter|letters|notes) (?:is|are) (?:written|done|ready|finished|on the)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:own|my) (?:eulogy|obituary|funeral wishes|funeral plans|funeral arrangements)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:paid off|paying off|pay off|closed out|sorted|sorting|arranged|arranging)\b.{0,40}\b(?:where (?:she|he|they) (?:will|ll|can|would)? ?find it|for when i am gone|after i am gone|so she is covered|so they are covered|before i go|after)$", weak=True),
    Pattern(C.PREPARATION, EITHER, r"\b(?:practiced|practicing|practice|rehearsed|rehearsing|tested|testing|test|tried) (?:with )?(?:the|a|my) (?:rope|noose|belt|knot|cord|gun|glock|pills|hose)\b|\b(?:tied|tying|tie) (?:a|the) (?:knot|noose)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:signed|sign|signing|gave|giving|handed) (?:my|the) (?:\w+ )?(?:over|away) to\b.{0,60}\b(?:early gift|does not know why|will not need|wont need|where i am going|just in case|while i can|now while)\b|\b(?:will not|wont|do not) need (?:it|them|this|that|any of it|my gear|my stuff) where i am going\b|\bwhile i (?:still )?can\b.{0,10}$", weak=True),
    Pattern(C.PREPARATION, EITHER, r"\b(?:recorded|recording|made|making|wrote|writing) (?:videos?|letters?|cards?|messages?) for (?:my|his|her) (?:\w+ ){0,2}(?:birthdays?|graduation|wedding|future)\b|\bsince i (?:will not|wont) be there\b|\bwhen i am not (?:there|around|here)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:loaded|load|loading) (?:one|a single|1) round\b|\b(?:it is|its|everything is|all) (?:ready|set|in place)$", weak=True),
    Pattern(C.PREPARATION, EITHER, r"\b(?:pills|meds|gun|rope|oxy|oxys|stash) (?:are|is) (?:hidden|stashed|ready|saved|waiting|loaded|in (?:a bag|my locker|my closet|the glovebox|the trunk))\b|\bfor when i am ready\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:bought|buy|buying|got|purchased|picked up) (?:a|another|one more) (?:gun|handgun|pistol|revolver)\b.{0,30}\b(?:not for work|for me|for myself|off the books|cash|nobody knows)\b"),
    Pattern(C.PREPARATION, EITHER, r"\b(?:made|make|making|wrote|write) (?:out )?(?:my|a) will\b.{0,60}\b(?:not planning|will not need|wont need|do not need|not going to need|long life|anyway|soon)\b", weak=True),
    Pattern(C.ATTEMPT, EITHER, r"(?<!the )(?<!an )(?<!a )\b(?:tried|attempted|atempted|attempt|tryed) (?:suicide|it|once|twice|again|already|before|last (?:night|week|month|year|friday|saturday|sunday|time)|on \w+day|\w+day)\b(?! (?:on|with|at|for|to get|the exam|the test|to call|calling))", weak=True),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:took|swallowed|downed|popped|ate) (?:everything|all) (?:in|from) (?:the|my) (?:medicine cabinet|cabinet|bottle|drawer)\b"),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:tried|tries|try|trying) to (?:od|overdose|drown|hang|jump|crash|not wake up|end it|die)\b"),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:mixing|mixed|mix) (?:my |the )?(?:meds|pills|medication|xanax|oxy|sleeping pills) (?:and|with) (?:beer|booze|alcohol|whiskey|vodka|liquor|wine|jack)\b.{0,20}\b(?:on purpose|hoping|so i|to)\b|\bon purpose\b.{0,10}$", weak=True),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:psych unit|psych ward|psych hospital|inpatient|the hospital|the er|the icu)\b.{0,30}\b(?:after|since) (?:my|the) (?:attempt|overdose|od)\b"),
    Pattern(C.ATTEMPT, MINE, r"\b(?:had|held|put) the (?:gun|glock|pistol|rifle|shotgun|barrel|rope|knife|blade) (?:up|out|ready|around my neck)\b|\b(?:walked|walk|drove|went) into the (?:lake|river|ocean|water|sea)\b.{0,30}\b(?:not to come out|not come out|meaning to|hoping|to die)\b", weak=True),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:put|hung|tied) the (?:rope|noose|belt|cord) (?:up|around|on|over)\b|\bstood on the (?:chair|stool|bucket|ladder)\b|\b(?:belt|rope|cord|it) (?:snapped|broke)\b"),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:can not|cant) promise i (?:will not|wont) (?:try|do it|do something)\b|\b(?:try|do it) again\b.{0,20}\b(?:next time|soon|this time)\b|\bdo not know about next time\b|\bnext time i will\b.{0,20}\b(?:succeed|finish|do it right|get it right)\b"),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:glad|sad|sorry|disappointed|upset|angry|mad) (?:it|that it|i) (?:did not|didnt) work\b|\b(?:it|that it) did not work\b.{0,20}\b(?:glad|sad|sorry)\b|\bwoke up (?:again|anyway|alive)\b|\bstill (?:woke up|alive)\b.{0,20}\b(?:unfortunately|sadly|somehow|again|disappointed)\b"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:everything|it all|life|my life|all of it|the future) (?:is|feels|seems) (?:so )?(?:hopeless|pointless|meaningless|over)\b|\bhopeless\b", weak=True),
    Pattern(C.HOPELESS, EITHER, r"\b(?:i have|i) (?:given|gave) up\b(?!.{0,20}\b(?:drinking|smoking|coffee|sugar|soda|on the (?:diet|promotion|transfer|case|team|exam)|overtime)\b)", weak=True),
    Pattern(
        C.HOPELESS, EITHER, r"\b(?:lost all|no more|out of|without any|not a shred of|zero) hope\b"
    ),
    Pattern(C.HOPELESS, EITHER, r"\bnothing (?:left )?worth (?:staying|living|being|fighting|sticking around|waking up)(?: alive)? for\b|\bworth (?:staying alive|being alive|living|sticking around) for\b"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:only one|one) way (?:out|to make it stop|to stop it|to end (?:it|this)|to fix this|out of this)\b|\bonly (?:door|exit|way) out\b|\b(?:permanent one|permanent way out|permanent fix|permanent solution)\b"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:its|it is) over for me\b|\bi am (?:already )?(?:gone|finished|done for|a dead man|dead already)\b(?! (?:for the (?:day|night|week|weekend)|on|at|until|till|tomorrow|home))"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:no|not any|without|lost my|lost any|nothing but|any) (?:reason|point|purpose|will) (?:to|for) (?:stay|staying|stay alive|keep breathing|keep going|be here|be alive|wake up|get up|live|continue|exist)\b|\bno (?:reason|purpose|point)\b.{0,30}\b(?:still here|alive|breathing|living)\b"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:do not|can not|dont) (?:see|know) how i (?:get|make it|come|can get|will get|am going to get) (?:through|out of|thru|past) (?:this|it|the night|the week|another day)\b|\bevery door is (?:shut|closed)\b"),
    Pattern(C.HOPELESS, EITHER, r"\bwhat future\b|\bno future (?:for me|left|at all)\b|\bwhat is the point (?:anymore|any more)\b|\bno point (?:anymore|any more|in anything|to anything|to any of it)\b"),
    Pattern(C.HOPELESS, EITHER, r"\b(?:done|finished) with it\b.{0,10}$|\bthen i am done\b|\bi am done\b.{0,3}$", weak=True),
    Pattern(C.BURDEN, MINE, r"\bbetter off with (?:the|my) (?:life )?(?:insurance|pension|payout|death benefit|money)\b|\bbetter (?:for (?:them|everyone|everybody|her|him|my family|the kids)|off) (?:if|when|once) i am (?:gone|dead|not here|not around|six feet under|in the ground|out of the picture)\b"),
    Pattern(
        C.BURDEN, MINE, r"\b(?:free|happier|better|relieved|safer|lighter|fine|okay) without me\b"
    ),
    Pattern(C.BURDEN, MINE, r"\b(?:free|happier|better|relieved|safer|lighter) (?:if|when|once) i (?:was|were|am|died|die|was gone|were gone|am gone) ?(?:dead|gone|not here|not around)?\b"),
    Pattern(C.BURDEN, MINE, r"\b(?:if|when|once) i am (?:gone|dead) (?:the|their|her|his|my|all the|everyone s|everyones) (?:problem|problems|pain|suffering|worry|stress|mess) (?:is|are|will be|would be) (?:gone|over|solved|fixed)\b|\bi am the problem\b"),
    Pattern(C.BURDEN, MINE, r"\b(?:a )?weight (?:around|on|dragging) (?:my|their|her|his) (?:familys|family s|family|wifes|kids|everyones) (?:neck|necks|back|backs|shoulders)\b|\b(?:dragging|drag|dragged|holding|hold) (?:them|everyone|my family|my kids|her|him) (?:down|back)\b", weak=True),
    Pattern(C.BURDEN, MINE, r"\b(?:cut it loose|cut myself loose|remove myself|take myself out of the picture|take myself out of the equation|do them a favor|do everyone a favor|spare them|spare everyone|save them the trouble)\b"),
    Pattern(C.BURDEN, MINE, r"\b(?:i )?(?:burden|ruin|drag down|hurt) (?:my wife|my husband|my family|my kids|everyone|everybody|them|her|him) (?:every single day|every day|just by being|by being alive|by existing|by being here)\b|\bjust by (?:being alive|existing|being here|breathing)\b"),
    Pattern(C.BURDEN, MINE, r"\b(?:would|will) (?:replace|forget) me (?:in|within|by)\b|\bnobody (?:would|will) (?:even )?notice$|\bno one (?:would|will) (?:even )?notice$|\bnobody would notice\b.{0,3}$", weak=True),
    Pattern(C.BURDEN, THEIRS, r"\bbetter off (?:without|with) (?:him|her|them)\b|\b(?:burden|waste of space) (?:to|on) (?:his|her|their)\b|\b(?:he|she) is (?:a|just a) burden\b|\bnobody would (?:even )?miss (?:him|her)\b"),
    Pattern(C.ATTEMPT, EITHER, r"\b(?:talked|talk|talking) me down\b", weak=True),
    Pattern(C.METHOD, EITHER, rf"\b(?:{PILLS}) (?:saved|stashed|hidden|hoarded|set aside|put away|stockpiled|squirreled away)(?: up| away)?\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\bi (?:\w+ ){0,3}(?:think|thinking|thought|feel|feeling|believe|starting to think|know) (?:that )?(?:he|she|they|\w+) (?:had|has|got|made) the right (?:idea|call|choice)\b|\bi (?:\w+ ){0,3}(?:understand|get|see|know) (?:now )?why (?:he|she|they|people|cops|guys) (?:did it|do it|did that|ended it|chose that|ate|do that)\b"),
    Pattern(C.THOUGHTS, EITHER, r"\b(?:think|thinking|thought|considering|want|wanna|going|plan|planning) (?:about |to |on )?(?:doing|do) the same(?: thing)?\b"),
    Pattern(C.ATTEMPT, EITHER, r"\bi (?:tried|attempted|atempted) (?:suicide|to kill myself|to end my life|to end it)\b|\bi (?:overdosed|overdose|od|oded|odd) (?:\w+ ){0,3}(?:ago|last|yesterday|again|twice|once|on purpose)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:god|the lord|jesus|someone|somebody|something|the universe|a bullet|cancer|death) (?:would |will |to |could |might )?(?:just )?(?:take|takes|call|calls|came for|come for|comes for|find|finds) me(?: home| in my sleep| away| already| tonight| out)?\b(?! (?:to|for|with|on|at|out to|up))"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:hope|hoping|hoped|pray|praying|wish|wishing) (?:that )?(?:my|the) (?:heart|vest|brakes|body|liver|lungs) (?:just |finally )?(?:stops|stop|fails|fail|gives out|give out|quits|quit|gives up|give up)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\bif\b.{0,50}\b(?:i would|i will|i d) (?:honestly |really |actually |probably |just |kind of )?be (?:relieved|grateful|fine with it|okay with it|ok with it|happy|glad|thankful|at peace|fine|okay|ok)\b(?=.{0,3}$)|\bif (?:i|a \w+|the \w+|something|someone|somebody) (?:\w+ ){0,4}(?:got|get|gets|was|were|came|come) (?:killed|shot|hit|down on me|taken out|smoked)\b.{0,40}\b(?:relieved|grateful|fine|okay|ok|happy|glad|thankful|at peace|relief|blessing)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:fine|okay|ok|happy|relieved|grateful|at peace|good) (?:with )?(?:never|not) (?:waking up|wake up|coming home|coming back|making it|seeing tomorrow|being here)\b"),
    Pattern(C.WISH_DEAD, MINE, r"\b(?:hit|hits|t bone|t bones|ram|rams|plow into|plows into|crash into|crashes into|run over|runs over|shank|shanks|stab|stabs) (?:me|my|the) ?(?:car|cruiser|unit|truck|squad|patrol car|vehicle)?\b(?=.{0,30}\b(?:hope|hoping|wish|wishing|pray|praying|and ends it|end it|for good)\b)|\b(?:hope|hoping|wish|wishing|pray|praying) (?:\w+ ){0,3}(?:would |will |to |could )?(?:hit|hits|t bone|t bones|ram|rams|shank|shanks|stab|stabs|run over|runs over|shoot|shoots|take out|takes out) (?:me|my|the cruiser|the unit|the car|the squad)\b"),
    Pattern(C.WISH_DEAD, EITHER, r"\b(?:do not|dont|did not) care (?:anymore |any more |at all )?(?:if|whether) i (?:make it|live|die|come home|wake up|survive|get (?:hurt|shot|killed)|make it home|see tomorrow|come back)\b"),
    Pattern(C.INTENT, EITHER, r"\bi (?:know|found|picked|scouted|chose) (?:the )?(?:exact |perfect |right )?(?:spot|place|bridge|tree|road|overpass|time|day|way)\b.{0,40}\b(?:going|go|drive|there|saturday|sunday|friday|tonight|tomorrow|soon)\b", weak=True),
    Pattern(C.INTENT, EITHER, r"\b(?:i am|i will be|i would be|i could be|im) (?:the )?next\b(?=.{0,3}$| to (?:go|die|do it|eat))", weak=True),
    Pattern(C.PAIN, EITHER, r"\b(?:do|try) anything to make it stop\b|\bmake it (?:all )?stop (?:for good|forever|permanently)\b|\bready to make (?:it|this|the pain) stop\b"),
    Pattern(C.PAIN, EITHER, r"\b(?:can not|could not|can no longer) (?:take|handle|do|bear|stand|carry) (?:it|this|any more|anymore) (?:no more|anymore|any longer|much longer)\b|\bcan not take it no more\b|\b(?:can not|could not) carry (?:this|it|the weight|all this)\b"),
    Pattern(C.PAIN, EITHER, r"\b(?:more than i can|more than i could) (?:bear|take|handle|carry|stand|live with)\b"),
    Pattern(C.PAIN, EITHER, r"\b(?:ready to|want to|wanna|going to) stop (?:swimming|fighting|trying|hurting|feeling|breathing|existing)\b|\b(?:stop|end) feeling (?:this|anything|like this)\b.{0,30}\b(?:not being here|die|dead|gone|forever|for good)\b|\beven if it means (?:not being here|dying|not waking up|i die)\b"),
    Pattern(C.PAIN, EITHER, r"\b(?:done|finished|through) (?:living|dealing) with (?:it|this|the pain)\b|\bi am done living\b"),
    Pattern(C.PAIN, EITHER, r"\b(?:so )?tired of (?:hurting|the pain|feeling like this|being in pain|suffering|fighting it)\b", weak=True),
    Pattern(C.PAIN, EITHER, r"\b(?:it|the pain|the hurt|this) (?:never|will never|does not|is never going to) (?:lets? up|stops?|ends?|goes away|go away|stop hurting|get better)\b.{0,40}\b(?:want out|way out|only one way|end it|die|dead|not be here|make it stop)\b"),
)

# fmt: on
PATTERNS = PATTERNS + EXTRA

# A word for suicide said without a construct: the writer's alarm unless the context is topical.
ALARM_WORDS = r"\b(?:suicide|suicides|self harm|selfharm|10 ?56|10-56|ten fifty six|unalive)\b"
