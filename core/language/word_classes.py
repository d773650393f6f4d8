"""Classes of words the lookup reads a query with: what a plea is made of, the kinds of help
an asker can turn down, who a query is about, and verbs every request uses."""

from __future__ import annotations

# fmt: off
# Words a plea is made of. A query of these alone (with at least one cue) is a plea.
PLEA_CUES = frozenset({
    "24", "247", "7", "alright", "anyone", "apart", "bad", "breaking", "call", "drowning",
    "falling", "good", "hard", "help", "helping", "helps", "hotline", "human", "line",
    "lines", "number", "ok", "okay", "person", "rough", "sinking", "somebody", "someone",
    "struggle", "struggles", "struggling", "support", "talk", "tough", "who",
    "overwhelmed", "spiraling", "spiralling", "cope", "coping", "crumbling", "reach",
    "listen", "listening", "vent", "venting", "hlep", "halp", "hepl",
})

# Words that may stand in a plea without a topic.
PLEA_FILLER = frozenset({
    "10", "108", "1am", "2am", "3am", "4am", "5am", "8", "a", "able", "about", "am", "an",
    "and", "any", "anybody", "anymore", "anywhere", "are", "ask", "asking", "at", "barely",
    "be", "been", "being", "bot", "bottom", "but", "can", "cant", "co", "cop", "corrections",
    "could", "department", "dept", "deputy", "dispatch", "dispatcher", "do", "does", "doing",
    "dont", "edge", "end", "even", "everything", "feel", "feeling", "firefighter", "for",
    "from", "get", "go", "going", "good", "got", "great", "guard", "guy", "guys", "hanging",
    "has", "have", "having", "hello", "here", "hey", "hi", "hit", "holding", "how", "human",
    "i", "im", "in", "is", "it", "its", "jail", "job", "just", "know", "late", "lately", "me",
    "medic", "more", "morning", "much", "my", "need", "needed", "needs", "night", "nights",
    "no", "not", "now", "nurse", "of", "officer", "on", "one", "or", "our", "out", "patrol",
    "person", "please", "pls", "plz", "pm", "prison", "reach", "real", "really", "right",
    "rn", "rock", "rookie", "rope", "sergeant", "sgt", "shift", "so", "some", "something",
    "somewhere", "start", "stuff", "sure", "telecommunicator", "that", "the", "there",
    "thing", "things", "this", "thread", "time", "times", "to", "today", "together",
    "tonight", "tonite", "too", "trooper", "turn", "u", "ur", "us", "very", "wall", "wanna",
    "want", "was", "we", "what", "where", "who", "whom", "with", "wits", "work", "ya", "yo",
    "you", "your", "needing", "looking", "seeking", "wanting", "through", "thru", "tho",
})

# What an asker can turn down is a kind of help, not a state ("not sleeping", "no money"
# are the problem itself): only these words are taken as not wanted.
KINDS_OF_HELP = frozenset({
    "988", "app", "boss", "call", "calling", "chaplain", "chat", "online", "church", "clinician", "command",
    "cop", "cops", "counseling", "counselling", "counselor", "counselors", "department",
    "dept", "doctor", "eap", "faith", "group", "groups", "hotline", "hr", "inpatient", "leo",
    "loan", "loans", "medication", "meds", "officer", "officers", "pastor", "peer", "phone",
    "pills", "police", "prayer", "priest", "psychiatrist", "psychologist", "rehab",
    "religion", "religious", "sergeant", "shrink", "shrinks", "spiritual", "supervisor",
    "text", "texting", "therapist", "therapists", "therapy", "psych", "va", "civilian",
    "civilians", *{"work", "agency", "brass", "chief", "pd", "admin", "coworkers"},
})

# The asker's own agency: turning one of these down ("nobody from work can know", "dont want
# my department to find out") turns down every entry the agency runs itself.
IN_HOUSE = frozenset({
    "department", "dept", "work", "agency", "boss", "brass", "command", "hr", "supervisor",
    "sergeant", "chief", "pd", "admin", "coworkers",
})

# Who a query is about, as against what: "wife" in "wife has postpartum depression".
PEOPLE = frozenset({
    "bf", "boyfriend", "brother", "child", "children", "co", "correctional", "cos",
    "coworker", "coworkers", "dad", "daughter", "daughters", "detention", "dispatcher",
    "dispatchers", "families", "family", "father", "fiance", "fiancee", "gf", "girlfriend",
    "guard", "guards", "guy", "guys", "hubby", "husband", "husbands", "jailer", "kid", "kids",
    "mom", "mother", "parent", "parents", "parole", "probation", "shift", "sister", "son",
    "sons", "spouse", "spouses", "squad", "telecommunicator", "telecommunicators", "wife",
    "wifes",
})

# Words every request uses ("someone i can call", "need to talk", "money problems", "the EAP
# program"): on their own they say nothing about which entry fits ("call" is in Safe Call
# Now's name, "problem" in "problem gambling", "program" in a dozen names). Phrases that
# carry them ("talk to someone", "cant call") still expand through the synonyms.
GENERIC_WORDS = frozenset({
    "call", "calling", "calls", "need", "needs", "talk", "talking",
    "problem", "problems", "issue", "issues", "program", "programs", "programme", "programmes",
})

# fmt: on

# Words of asking, of a kind of help, and of whom a query is about: no topic of their own.
ASKING_WORDS = PLEA_CUES | PLEA_FILLER | KINDS_OF_HELP | PEOPLE

# Who the asker is, where entries serve some and not others ("im not a cop, im dispatch"):
# the word, and the audience an entry names them by.
ASKERS = {
    "dispatch": "dispatchers", "dispatcher": "dispatchers", "dispatchers": "dispatchers",
    "telecommunicator": "dispatchers", "telecommunicators": "dispatchers", "911": "dispatchers",
    "corrections": "corrections", "correctional": "corrections", "co": "corrections",
    "jailer": "corrections", "jail": "corrections", "prison": "corrections",
    "guard": "corrections", "detention": "corrections",
}  # fmt: skip
AUDIENCES = frozenset(ASKERS)
