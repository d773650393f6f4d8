"""Word classes the crisis patterns are built from (regular-expression fragments).

Every fragment matches canonical text (see `spelling`): lower case, contractions expanded
("do not", "can not", "i am", "going to"), texting spelled out.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set of words written as one string: words("he she they")."""
    return frozenset(text.split())


def alt_of(text: str) -> str:
    """alt() of words written as one string: alt_of("gun|duty weapon|glock")."""
    return alt(*text.split("|"))


def alt(*words: str) -> str:
    """A non-capturing alternation, longest first so "duty weapon" wins over "weapon"."""
    return "(?:" + "|".join(sorted(set(words), key=lambda w: (-len(w), w))) + ")"


FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})
THIRD_PRONOUNS = words(
    "he she they him her them his hers their theirs himself herself themselves themself you "
    "your yourself"
)
# People at work: someone at risk among these is a call, an inmate, a case: not a worry of one's own.
WORK_PEOPLE = words(
    "subject subj suspect susp inmate inmates detainee detainees prisoner prisoners offender "
    "caller callers rp victim victims patient pt male female juvenile juv driver jumper "
    "individual party occupant resident decedent deceased client perp arrestee complainant "
    "reporting youth student pedestrian homeowner tenant doa civilian customer man woman guy "
    "lady kid teen boy girl person people someone somebody anyone anybody dude"
)
# People close to the writer: someone at risk among these is the writer's own worry.
CLOSE_PEOPLE = words(
    "partner partners coworker coworkers colleague colleagues buddy buddies friend friends "
    "wife husband spouse fiance fiancee girlfriend boyfriend son daughter brother sister dad "
    "father mom mother sarge sergeant lieutenant lt captain chief rookie fto officer officers "
    "deputy deputies trooper troopers cop cops medic dispatcher squadmate teammate mentor "
    "boss supervisor kiddo stepson stepdaughter uncle aunt cousin nephew niece grandpa "
    "grandma roommate neighbor sgt cpl corporal detective lead mate bro classmate veteran vet "
    "retiree ex kids children child family spouses guys gal"
)
THIRD_PERSON = THIRD_PRONOUNS | WORK_PEOPLE | CLOSE_PEOPLE

THIRD_SELF = alt("himself", "herself", "themselves", "themself")
THIRD_POSS = alt("his", "her", "their")

GUN = alt_of(
    "gun|guns|glock|glocks|pistol|sidearm|side arm|weapon|firearm|revolver|shotgun|rifle|"
    "barrel|muzzle|duty weapon|service weapon|service pistol|duty pistol|service revolver|"
    "off duty|off duty weapon|backup gun|backup|piece|9mm|9|40|45|38|357|sig|beretta|smith|ar|"
    "ar15|m4|handgun|gat|strap|nine|forty|45 cal|40 cal|duty gun|work gun|department gun|"
    "issued weapon|service gun"
)
BODY_TARGET = alt_of("head|temple|mouth|chin|jaw|face|heart|chest|skull|brain|brains|throat")
PILLS = alt_of(
    "pills|pill|meds|medication|medications|sleeping pills|painkillers|pain killers|"
    "pain pills|percs|percocet|oxy|oxys|oxycodone|xanax|ambien|tylenol|benadryl|insulin|"
    "prescription|prescriptions|sleep meds|trazodone|vicodin|opioids|fentanyl|seroquel|"
    "lithium|klonopin|valium|tramadol|zoloft|bottle|bottles|advil"
)
VEHICLE = alt_of(
    "car|truck|unit|cruiser|squad|squad car|patrol car|vehicle|bike|motorcycle|ride|suv|tahoe|"
    "explorer|charger|interceptor|pickup|jeep|rig|patrol unit|marked unit"
)
CRASH_TARGET = alt_of(
    "tree|trees|wall|pole|bridge|river|overpass|pillar|abutment|semi|truck|train|cliff|lake|"
    "embankment|median|barrier|traffic|oncoming traffic|a semi|concrete|ravine|guardrail|"
    "guard rail|ditch|water|canyon|oak"
)
HEIGHT = alt_of(
    "bridge|building|roof|rooftop|overpass|balcony|cliff|parking garage|garage|tower|ledge|"
    "dam|water tower|parking deck|top floor|window"
)
DEATH = alt_of(
    "die|be dead|die already|just die|not be alive|not exist|stop existing|not be here|"
    "not be here anymore|not be around|not be around anymore|disappear|disappear forever|"
    "vanish|stop living|not live|not wake up|never wake up|sleep forever|go to sleep forever|"
    "go to sleep and not wake up|go to sleep and never wake up|check out|check out for good|"
    "leave this world|leave this earth|be gone|be gone forever|go away forever|"
    "be done with life|be done with it all|end it|end it all|end everything|end things|"
    "end my life|end the pain|end this|end this life|not be alive anymore|be with god|"
    "go home to god|rest forever|finally rest|be at peace forever|be dead already|kill myself|"
    "take my life|take my own life|not exist anymore|never have to wake up|"
    "not have to wake up|not see tomorrow|never see tomorrow"
)
TIME_SOON = alt_of(
    "tonight|today|tomorrow|this weekend|this week|soon|after shift|after my shift|"
    "after this shift|after work|after roll call|when i get home|before my shift|this morning|"
    "this afternoon|right now|now|on friday|on saturday|on sunday|on monday|next week|"
    "after the holidays|after christmas|after the kids are asleep|when everyone is asleep"
)
RECENT = alt_of(
    "last night|yesterday|last week|this morning|the other night|earlier|an hour ago|tonight|"
    "today|on saturday|on sunday|on friday|last weekend|this weekend|a few days ago|"
    "two days ago|a couple days ago|last month|after shift|after my shift|in the garage|"
    "in the car|in my car|in the parking lot|at home"
)

# A bounded run of words with nobody else in it: "hope [the next call] kills me".
_THIRD_WORDS = "|".join(sorted(THIRD_PRONOUNS | WORK_PEOPLE))
GAP = rf"(?:(?!(?:{_THIRD_WORDS})\b)[a-z0-9]+ ){{0,7}}"

# Concepts for the learned scorer: an unseen phrasing shares these with the ones it was taught.
CONCEPTS: dict[str, frozenset[str]] = {
    "self": words("i me my myself mine"),
    "other": words(
        "he she they him her his their himself herself themselves partner coworker buddy friend "
        "wife husband son daughter brother sister sergeant sarge rookie guy"
    ),
    "work": words(
        "call calls report subject suspect inmate caller units dispatch scene training class "
        "range qual watch cell tier transport ems doa rp paperwork policy"
    ),
    "death": words(
        "die dying died dead death grave casket coffin buried bury funeral eulogy obituary body "
        "morgue heaven gone suicide suicidal kill killing unalive alive live living life exist "
        "existing breathing wake waking sleep asleep"
    ),
    "weapon": words(
        "gun guns glock pistol sidearm weapon firearm revolver shotgun rifle barrel muzzle "
        "trigger round rounds bullet ammo holster piece safe armory unholstered loaded"
    ),
    "means": words(
        "pills pill meds bottle rope noose belt beam beams bridge overpass roof ledge edge rail "
        "railing tracks train garage exhaust engine lake river pier razor knife blade abutment "
        "tree overdose od jump hang crash drown cut"
    ),
    "end": words(
        "end ending ended over done finished finish quit stop stopped last final forever "
        "permanently permanent anymore out exit goodbye bye leave leaving check through"
    ),
    "want": words(
        "want wish wishing hope hoping pray praying rather ready longing tempted urge urges "
        "welcome relieved relief peace fine okay care"
    ),
    "plan": words(
        "plan planned planning decided decide date tonight tomorrow weekend when soon intend set "
        "going after before waiting until till how where which way act through"
    ),
    "prep": words(
        "letter letters note notes will insurance beneficiary pension goodbye goodbyes gave "
        "giving give away affairs order passwords papers accounts deleted paid closed home "
        "squared everything keys locker thank sorry list video recorded bought buy stash saved "
        "hidden access"
    ),
    "attempt": words(
        "tried try attempt attempted almost nearly stopped interrupted hospital er icu woke "
        "survived chickened couldnt back again last time first second"
    ),
    "hopeless": words(
        "hopeless pointless point nothing never trapped stuck future reason worthless empty numb "
        "cornered exits useless purpose matter matters lost broken"
    ),
    "burden": words(
        "burden better without free miss notice weight favor problem drag dragging replace worth"
    ),
    "pain": words(
        "pain hurt hurts hurting agony unbearable suffering torment take cope carry heavy "
        "exhausted tired bear stand handle drowning dark darkness hell screaming"
    ),
    "no": words("not never no nobody nothing none without"),
}
