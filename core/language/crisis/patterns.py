"""The patterns of each construct (see `constructs`), matched against canonical clauses."""

from __future__ import annotations

from core.language.crisis.constructs import Construct, Pattern, Person
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
from core.language.crisis.patterns_extended import EXTENDED

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
CORE: tuple[Pattern, ...] = (
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
    Pattern(C.THOUGHTS, EITHER, r"\b(?:can not|cant) stop thinking about (?:dying|death|suicide|doing it|the gun|my gun|ending it|the bridge)\b"),
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
# fmt: on
PATTERNS: tuple[Pattern, ...] = CORE + EXTENDED
