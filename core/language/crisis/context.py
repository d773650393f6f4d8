"""What surrounds a risky phrase: work, training, topic talk, and worry about someone else."""

from __future__ import annotations

# Work, dispatch, corrections and training: risky words here are usually about a call or a class.
WORK = (
    r"\b(?:calls?|called in|call for service|cfs|report|reports|reported|reporting|paperwork"
    r"|narrative|supplement|units?|en route|enroute|responding|responded|respond|dispatch\w*|cad"
    r"|10 ?\d{1,2}|10-\d{1,3}|code \d+|5150|5250|baker act|section 12|pink slip|ems|medics?"
    r"|ambo|ambulance|fire dept|transport\w*|on scene|scene|welfare check|wellness check"
    r"|suicide watch|on watch|cell|cells|tier|pod|booking|intake|sally port|shu|seg|segregation|housing unit"
    r"|observation|obs|smock|suicide smock|15 minute checks|safety cell|restraint chair"
    r"|training|trainings|class|classes|course|courses|debrief\w*|scenario\w*"
    r"|awareness|prevention|statistics|stats|presentation|lecture"
    r"|seminar|in service|inservice|academy|roll call|briefing|qpr|cit|mhfa|at the range"
    r"|range day|qual|quals|qualification|qualifications"
    r"|holster|memorial|ceremony|honor guard|coroner|medical examiner|doa|gsw|bodycam|body cam"
    r"|dashcam|protocol|sop|precinct|shift brief"
    r"|caller|rp|subject|subj|suspect|susp|inmate\w*|detainee\w*|prisoner\w*|offender\w*|victim\w*"
    r"|patient|pt|juvenile|jumper|decedent|deceased|complainant|arrestee|barricaded|standoff"
    r"|negotiat\w*|swat|sro|bolo|apb|warrant|arrest\w*|booked|custody|jail|prison|facility"
    r"|hospital hold|psych hold|mental hold|involuntary|commitment|ed hold|crisis team|mobile crisis"
    r"|wrote up|write up|writing up|evidence|signature|called us|called it in|counselor called"
    r"|clinician|mental health|referral|nurse|psych|flagged|commissary|cellie|infirmary|juvie"
    r"|close watch|\d+ block|negotiators?|traffic shut|shut down|aps|cps|officer involved"
    r"|role play|roleplay|recruits?|cadets?|trainees?)\b"
)
# Looser: enough to read a bare "suicide" as work ("we had a suicide on the overnight").
WORK_LOOSE = (
    WORK + r"|\b(?:we had|we got|had a|got a|took a|caught a|working a|worked a|handled a|cleared"
    r"|case|cases|incident|detail|beat|sector|zone|overnight|overnights|nights|midnights|days"
    r"|swing|shift|tour|month|rate|numbers|data|review|policy|block|checks|rounds|department|dept"
    r"|agency|county|city|station|squad|district|attempted|attempt|threatening|threatened|threat"
    r"|threats|jump|jumper|bridge|overpass|pills|welfare)\b"
)
# Talk about suicide as a subject: prevention, statistics, loss, survivors.
TOPICAL = (
    r"\bsuicide (?:awareness|prevention|training|statistics|stats|rate|rates|loss|losses|survivor"
    r"|survivors|research|month|walk|memorial|course|class|policy|data|program|programs|study"
    r"|report|reports|numbers|postvention|hotline|lines?|crisis line|watch|smock|risk assessment|risk screening|screening"
    r"|assessment|call|calls|note on the|investigation|scene|attempt by|threat|threats|blanket|gown"
    r"|vest|cell|precautions|mattress|garment|resistant|kit|protocol|by cop (?:incident"
    r"|call|calls|case|cases|review|training|scenario|debrief))\b"
    r"|\b(?:officer|officers|police|cop|cops|law enforcement|first responder|first responders"
    r"|firefighter|veteran|veterans|corrections|dispatcher|military|teen|youth|his|her|their"
    r"|partners|coworkers|colleagues|friends|brothers|sisters|jail|inmate|the|a|another|one"
    r"|two|three|several|many|retiree|retirees|retired officer|retired cop|trooper|troopers"
    r"|deputy|deputies|dispatchers) suicides?\b"
    r"|\bmurder suicides?\b"
    r"|\b(?:it|that|his death|her death) was (?:a )?suicide\b"
    r"|\bnot (?:by|from|a) suicide\b"
    r"|\b(?:reduce|reducing|lower|lowering|stop|stopping|end|ending|address|addressing|combat"
    r"|fight|fighting|tackle|tackling|prevent|preventing|about|on) (?:the )?(?:officer |police |cop "
    r"|law enforcement |first responder )?suicides?\b"
    r"|\bsuicides? (?:in|among|of|by|across) (?:law enforcement|officers|police|cops|first"
    r" responders|corrections|veterans|the (?:force|job|department|profession|ranks))\b"
    r"|\b(?:die|dies|dying|died|lost|loss|losses|death|deaths|dead|killed|taken)(?: \w+){0,4} (?:by|to|from|of)"
    r" suicide\b|\bprevent(?:ing|s)? suicides?\b"
    r"|(?<!worried )(?<!talking )(?<!talks )(?<!talked )(?<!joking )(?<!jokes )(?<!thinking )"
    r"(?<!thought )(?<!scared )\b(?:about|on|regarding|around|re) suicide\b"
    r"|\bsuicide (?:is|was) (?:the|a) (?:leading|second|third|top|number)\b"
)
# Worry said outright about a person: "worried about my sergeant", "that scared me".
WORRY = (
    r"\b(?:worried|worry|worrying|scared|afraid|concerned|freaked out|frightened|terrified"
    r"|uneasy|bad feeling|gut feeling|freaking out|panicking) (?:about|for|that) (?:my|a|our|this"
    r"|one of|the new|him|her|them|he|she|they|his|their|somebody|someone|a guy|a friend)\b"
    r"|\b(?:we are|everyone is|we re|we were|we have been) (?:all |so |really |pretty )?"
    r"(?:worried|scared|concerned|freaked out)\b"
    r"|\b(?:that|it|this) (?:scared|scares|worries|worried|freaks|freaked) me\b"
    r"|\bshould (?:i|we) (?:be )?(?:worry|worried|concerned|scared)\b"
    r"|\b(?:doesnt sit right|did not sit right|does not sit right|can not shake it)\b"
    r"|\bnot like (?:him|her|them)\b|\bnot (?:himself|herself|themselves)\b"
)
# Someone close who may be at risk, or help for them.
CONCERN = (
    r"\b(?:worried|worry|worrying|scared|afraid|concerned|concern|freaked out|frightened|nervous"
    r"|terrified|anxious|uneasy|bad feeling|gut feeling|freaking out|panicking) (?:about|for|that"
    r"|because|since|re) (?:my|a|our|this|one of|the new|him|her|them|he|she|they|his|their"
    r"|somebody|someone|a guy|a friend)\b"
    r"|\bhow (?:do|can|should|would|could|to) (?:i|we|you|one)? ?(?:help|talk to|approach|reach"
    r"|support|get help for|ask|check on|bring up|handle|tell|save|stop|keep|convince|get|be there"
    r"|intervene|confront|respond to)\b"
    r"|\bwhat (?:do|should|can|could|would) (?:i|we|you) (?:say|do|tell|ask|text) (?:to|for|about"
    r"|if|when|with)\b"
    r"|\b(?:should|can|do|could|would) (?:i|we) (?:call|tell|report|text|say something|alert"
    r"|notify|reach out|talk to|ask|take|hold|get|check)\b"
    r"|\b(?:for|about|helping|help) (?:a|my|our) (?:friend|coworker|partner|colleague|buddy"
    r"|husband|wife|spouse|son|daughter|brother|sister)\b"
    r"|\b(?:he|she|they|friend|buddy|partner|coworker|husband|wife|sergeant|rookie) (?:\w+ )?"
    r"(?:needs|need) (?:it|help|someone|to talk|the number|a number)\b|\bnot (?:for )?me\b"
    r"|\b(?:we are|i am|everyone is|we re|all|we were|i was|i have been|been) (?:all |so |really"
    r" |pretty |kind of |a little |getting )?(?:worried|scared|concerned|freaked out)\b"
    r"|\b(?:check on|checking on|look out for|reach out to|talk to) (?:him|her|them)\b"
    r"|\b(?:am i|i am|im) (?:overreacting|overthinking|paranoid)\b|\b(?:scared|scares|scared me"
    r"|worries me|freaks me out|doesnt sit right|did not sit right|can not shake it)\b"
    r"|\bis (?:he|she|they) (?:okay|ok|alright|suicidal|safe)\b|\bif (?:he|she|they) (?:is|are)"
    r" (?:okay|ok|alright|suicidal|safe)\b|\bnot (?:himself|herself|themselves)\b"
)
# A risk word about someone close: what makes worry a worry.
WARNING_SIGNS = (
    r"\b(?:suicid\w*|die|dying|dead|death|kill\w*|gun|guns|weapon|glock|pistol|pills|overdose"
    r"|bridge|goodbye|goodbyes|letters|giving away|gave away|give away|not himself|not herself"
    r"|not themselves|hopeless|burden|end it|ending it|end things|better off|not be here"
    r"|not wake up|hurt himself|hurt herself|hurt themselves|harm|self harm|cutting|rope|hang"
    r"|hanging|plan|affairs|will|insurance|checked out|check out|disappear|no point|no reason"
    r"|no future|worthless|trapped|can not go on|can not take|done with|crash|drinking|drunk"
    r"|withdrawn|isolat\w*|reckless|not eating|not sleeping|off lately|not right|snapped"
    r"|breakdown|broke down|crying|cried|10 ?56|10-56|eat his|eat her|eating his|note|funeral"
    r"|sorry for everything|loves? (?:me|them|you)|done|finished|stopped showing|not showing"
    r"|not answering|quit|quiet|alone|isolating|pulled away|withdrew|wont be here|not be around"
    r"|much longer|next|right idea|his vest|her vest|without (?:him|her)|lap|dark|driveway"
    r"|garage|drinking|hungover|fights?|reckless|vest|meds|stash|pension|insurance|locker"
    r"|said something|something dark|close to doing|off lately|not ok|not okay|keeping (?:him|her)"
    r" alive|wrote|posting|deleted|handgun|rifle|shotgun|sidearm|duty weapon|service pistol"
    r"|988|copline|crisis line|crisis number|hotline|risk|right idea)\b"
)
# Signs strong enough to worry about someone even when the writer does not say they worry.
STRONG_SIGNS = (
    r"\b(?:suicid\w*|kill (?:himself|herself|themselves)|killing (?:himself|herself|themselves)"
    r"|end it|ending it|end it all|end things|better off without|burden|goodbye|goodbyes"
    r"|giving away|gave away|give away|gave me his|gave me her|handed me (?:his|her|all)"
    r"|not himself|not herself|hopeless|no point|whats the point|what is the point|done with"
    r"|not be here|not be around|wont be here|will not be here|wants to die|want to die"
    r"|better off dead|eat his gun|eat her gun|ate his gun|his gun in|her gun in|in his mouth"
    r"|to his head|to her head|pills|overdos\w*|noose|rope|jump off|off the bridge|crash"
    r"|say goodbye|said goodbye|sorry for everything|last message|note|letters|will|insurance"
    r"|pension|not answering|wont pick up|will not pick up|not picking up|stopped showing up"
    r"|isolat\w*|withdrawn|not okay|not ok|worthless|waiting to die|nothing matters|whatever happens"
    r"|reckless|funeral|loves them|loves me|dead inside|farewell"
    r"|apologiz\w*|gun|guns|handgun|weapon|quit talking|gone quiet|none of it matters|his stuff"
    r"|her stuff|dying|death|die|dead|kill himself|hurt him|hurt her|easier if|wreck it)\b"
)
# Figures of speech that sound like warning signs: "sarge is gonna kill me", "killing it".
IDIOMS = (
    r"\b(?:kill me|killing me|murder me|murdered me|killed it|killing it|kills it|death of me"
    r"|dead end|dying here|im dying|i am dying|i am dead(?! inside)|dead drunk|dead tired|dead on my feet|to death"
    r"|drop dead|dead serious|dead last|deadline|killed the|kill the|killer)\b"
)
# Speech that puts the words after it in someone else's mouth: "he keeps saying ...".
SPEECH = (
    r"\b(?:said|says|say|saying|told|tells|telling|texted|texts|texting|wrote|writes|writing"
    r"|posted|posts|keeps saying|kept saying|keeps talking about|kept talking about|talks about"
    r"|talked about|talking about|joked|jokes|joking|mentioned|mentions|states|stated|stating"
    r"|yelled|yelling|yells|screaming|screamed|screams|threatening|threatened|threatens|threat"
    r"|admitted|admits|confided|confides|claims|claimed|announced|asked|asks|asking|cried|crying"
    r"|sobbing|ranting|rambling|muttering|goes on about|went on about|brought up|brings up"
    r"|keeps bringing up|hinted|hints|hinting|sent me|sends me|messaged|messages|called me|calls me"
    r"|was like|is like|be like|alluded|threat to|vows?|vowed|promised|swears|swore|muttered"
    r"|mutters|whispered|whispers|hinted|mumbled|mumbles|blurted|confessed|typed|tweeted|warned"
    r"|let slip|snapped|dmd|dm d|emailed|voicemail|advised|advises|advising|stated|reported"
    r"|quotes|goes(?= i\b)|went(?= i\b)|like(?= i am\b))\b"
)
# A death that already happened to someone else: grief, not worry for the living.
COMPLETED = (
    r"\b(?:killed|took|shot|hanged|hung|ended|ate|offed|died|jumped|overdosed|drowned|gassed"
    r"|unalived|committed)\b"
)
STILL_AT_RISK = (
    r"\b(?:tried|attempted|almost|nearly|threatened|threatening|wants|wanted|going|planning"
    r"|talking|talks|keeps|kept|might|could|would|will|thinking|said|says|survived|icu|hospital"
    r"|recovering|alive|again)\b"
)

# People the writer knows: colleagues and family. Not when they are someone else's ("her
# husband", "the caller's brother"): then they are part of a call.
_COLLEAGUES = (
    r"(?:partner|partners|coworker|coworkers|co worker|colleague|colleagues|sergeant|sarge"
    r"|lieutenant|lt|captain|chief|rookie|rookies|fto|corporal|cpl|co|cos|dispatcher"
    r"|dispatchers|detective|recruit|squadmate|teammate|mentor|supervisor|boss|k9 handler"
    r"|training officer|field training officer|shift commander|watch commander)"
)
_FAMILY = (
    r"(?:buddy|buddies|friend|friends|best friend|wife|husband|spouse|fiance|fiancee"
    r"|girlfriend|boyfriend|son|daughter|brother|sister|bro|sis|dad|father|mom|mother|stepdad"
    r"|stepmom|uncle|aunt|cousin|nephew|niece|roommate|neighbor|brother in law|sister in law"
    r"|father in law|ex|kid|kids)"
)
_OWNED_BY_OTHERS = (
    r"(?<!her )(?<!his )(?<!their )(?<!callers )(?<!caller s )(?<!subjects )(?<!victims )"
    r"(?<!inmates )(?<!the callers )(?<!rps )"
)
CLOSE = (
    rf"\b(?:my|our|your) (?:\w+ ){{0,2}}(?:{_COLLEAGUES}|{_FAMILY}|husbands|wifes|partners|officer|officers|deputy"
    r"|deputies|trooper|troopers|cop|cops|guy|guys|gal)\b"
    r"|\bi (?:work with|work w|supervise|am training|trained|ride with|used to work with)\b"
    r"|\b(?:one of (?:our|my)|a fellow|another|fellow) \w+"
    r"|\b(?:guy|one|someone|somebody|gal|lady|dude|deputy|officer|trooper|cop) (?:on|from|in)"
    r" (?:my|our|the|a|b|c|d|e) (?:\w+ )?(?:shift|squad|team|unit|platoon|watch|tour|crew"
    r"|class|academy|force|department|dept|agency|job)\b"
    r"|\bon the (?:job|force)\b|\b(?:someone|somebody) else\b"
)
# Any law-enforcement role: someone at risk named so is most likely a colleague.
COLLEAGUE = (
    rf"\b(?:{_COLLEAGUES}|officer|officers|deputy|deputies|trooper|troopers|cop|cops|agent"
    r"|agents|detectives|sergeants|lieutenants|new guy|new kid)\b"
)
# A peer or a partner (not a child or "the family"): asking how to help one is worry.
PEER = (
    rf"{_OWNED_BY_OTHERS}\b(?:{_COLLEAGUES}|deputy|officer|trooper|cop|husband|wife|spouse"
    r"|buddy|friend|boyfriend|girlfriend|fiance|fiancee)s?\b"
)
# Members of the public at work: someone at risk among these is a call, not a worry.
PUBLIC = (
    r"\b(?:caller|callers|subject|subj|suspect|susp|inmate|inmates|rp|victim|patient|pt"
    r"|detainee|prisoner|offender|juvenile|juv|male|female|jumper|decedent|arrestee"
    r"|complainant|man|woman|dude|lady|teen|pedestrian|driver|homeowner|tenant|resident"
    r"|occupant|individual|party|student|customer|client|person|people)\b"
)
# Somebody else as the subject of the message.
SOMEONE = (
    CLOSE + r"|\b(?:he|she|they) (?:is|has|was|keeps|said|says|seems|told|wants|will|would|does"
    r"|did|can|might|has been|hasnt|is not|does not|did not|will not|can not|never)\b"
    r"|\b(?:gave|give|giving|told|tell|call|text|check on|follow up with|talk to) (?:him|her|them)\b"
)
# A death that already happened: talk of loss, not worry for someone alive.
GRIEF = (
    r"\b(?:died|killed himself|killed herself|took his own life"
    r"|took her own life|took his life|took her life|shot himself|shot herself|hanged himself"
    r"|hung himself|ate his gun|funeral|memorial|anniversary|survivors?|widow|widower"
    r"|killed in the line|line of duty|lod|fallen|name on the wall|killed on duty|passed|passed away"
    r"|was killed|were killed|got killed)\b"
)
