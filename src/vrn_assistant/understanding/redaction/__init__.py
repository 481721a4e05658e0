"""Personal details out of a question before anything else reads, logs or stores it.

`redact` swaps names, phone numbers, emails, dates of birth, addresses,
postcodes, reference numbers, NHS and NI numbers for placeholders such as
`[name]` and says which kinds it removed (`Redaction.found`). It keeps what the
assistant needs: ages ("22 year old"), places (Preston, Lancaster Farms),
programme names and the dates a question is about ("last night", "in February
2021").

Two halves:

- Numbers and addresses are regular expressions, each written so that a match
  is tried only where one can start and every repeat is bounded or possessive:
  the time taken grows with the length of the text, never with its square.
- Names are found on the text's words, one pass over them: a word is a name
  when its case, its neighbours or the word lists in `knowledge/lexicon/names.yaml`
  say so -- a title ("Mr"), an introducer ("called"), a role ("my client",
  "her son", "patient"), an age after it ("jamal, 19"), a capital inside a
  sentence on a word that is no ordinary word ("spoke to Zanele"), a given name
  on sight ("oscar"), a surname's shape ("kowalczyk", "Popescu"), a verb whose
  subject it is ("siobhan came in"), a family after it ("the Okafor twins"), who the
  person is to the writer set off after it ("rose (my niece)"), "i'm" before it ("i'm
  summer, 15"), a possessive and a role after it ("hunter's dad"), initials or a
  collar number before it ("Mrs A. Whitworth", "PC 2231 Mellor"), a signature's place
  (its own line, the last sentence, after a dash: "- Destiny (IDVA)"), the writer naming
  themselves ("Shaz from custody here"), a function word or verb that is a given name where
  only a name fits ("Can Will get on DIVERT?", "Said has been"), a plain word opening a
  sentence before what is said only of a person ("bill's in custody", "kez and his
  brother"), the subject of a plain question ("can rose get help?"). Names
  run on over surnames and particles ("lucas van der berg"), back over a nickname
  word ("Big Mick"), across "and" ("Mark and Frank Sutton"), and every later
  mention of a name found goes too. The names the catalogue knows
  (`protected_names`: its programmes and places, also written "Op Provide"), a
  prison's name after "HMP", the lexicon's everyday short names of places
  ("the Vic"), streets ("Rose Street"), clubs ("Chelsea fan"), proper nouns with
  "of" ("Isle of Skye"), laws named for someone ("Clare's Law"), a word that is a name used as a verb ("Hi all, Hope this
  helps") and public figures after their office ("PCC Clive Grunshaw") are never
  names.

Redaction lowers the risk; it cannot promise that nothing personal is left, so
callers should say what was removed, never that nothing was there.
"""

from vrn_assistant.understanding.redaction.dates import BirthDate
from vrn_assistant.understanding.redaction.protected import protected_names
from vrn_assistant.understanding.redaction.redactor import Redaction, redact
from vrn_assistant.understanding.redaction.words import NameLexicon, load_lexicon

__all__ = ["BirthDate", "NameLexicon", "Redaction", "load_lexicon", "protected_names", "redact"]
