"""How a sentence holds a statement: modality, attribution, negation and denial, from cue words.

The cues are data (lang/<xx>/cues.yaml); this module only knows where to look: the clause
around the match, speech verbs before its subject, "según X" anywhere in the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kg.extract.context import Phrase, clause_bounds, find_phrase, is_verb
from kg.extract.grammar import Grammar, load_grammar
from kg.extract.hedges import agent_apposition, condition_after
from kg.extract.langdata import check_words, load_lang_data
from kg.extract.mentions import Mention
from kg.extract.tokens import Token, fold


@dataclass(frozen=True)
class Cues:
    speculative: tuple[Phrase, ...]
    alleged: tuple[Phrase, ...]
    hypothetical: tuple[Phrase, ...]
    planned: tuple[Phrase, ...]
    claim_verbs: frozenset[str]
    report_verbs: frozenset[str]
    source_phrases: tuple[Phrase, ...]
    negation: frozenset[str]
    not_negation: tuple[Phrase, ...]
    denial_verbs: frozenset[str]
    denial_breaks: frozenset[str]
    denial_nouns: dict[str, frozenset[str]]
    accusation_nouns: frozenset[str]
    grammar: Grammar
    # verbs a denial can be about, as "niega haber suministrado armas": relation -> lemmas
    denial_acts: dict[str, frozenset[str]] = field(default_factory=dict)
    # "algo que X niega": the denial is of what the sentence just said
    denial_antecedents: frozenset[str] = frozenset()
    # claim verbs that, with a noun phrase as object, hold it as a fact ("denunció la
    # cooperación militar de Rusia con Irán")
    condemn_verbs: frozenset[str] = frozenset()
    refusals: tuple[Phrase, ...] = ()  # "se negó a", "refused to": the act did not happen
    # "amenazó con imponer aranceles a X": the act threatened is hypothetical
    threat_cues: tuple[Phrase, ...] = ()
    # "dejará de enviar": ceasing an act negates it
    stop_phrases: tuple[Phrase, ...] = ()
    condition_leads: frozenset[str] = frozenset()  # "solo si", "salvo si"
    # modality -> phrases right before a presupposed noun that hedge it ("próxima reunión")
    noun_hedges: dict[str, tuple[Phrase, ...]] = field(default_factory=dict)


def _phrases(data: dict[str, Any], key: str) -> tuple[Phrase, ...]:
    return tuple(
        sorted({tuple(fold(str(w)).split()) for w in data.get(key, [])}, key=lambda p: -len(p))
    )


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in data.get(key, []))


def _word_table(data: dict[str, Any], key: str) -> dict[str, frozenset[str]]:
    """A mapping section of relation ids to word lists, folded ("denial_nouns")."""
    return {str(k): _words(data[key], str(k)) for k in (data.get(key) or {})}


@cache
def load_cues(lang: str) -> Cues:
    d = load_lang_data(lang, "cues.yaml")
    check_words(d, f"lang/{lang}/cues.yaml")
    return Cues(
        speculative=_phrases(d, "speculative"),
        alleged=_phrases(d, "alleged"),
        hypothetical=_phrases(d, "hypothetical"),
        planned=_phrases(d, "planned"),
        claim_verbs=_words(d, "claim_verbs"),
        report_verbs=_words(d, "report_verbs"),
        source_phrases=_phrases(d, "source_phrases"),
        negation=_words(d, "negation"),
        not_negation=_phrases(d, "not_negation"),
        denial_verbs=_words(d, "denial_verbs"),
        denial_breaks=_words(d, "denial_breaks"),
        denial_nouns=_word_table(d, "denial_nouns"),
        accusation_nouns=_words(d, "accusation_nouns"),
        grammar=load_grammar(lang),
        denial_acts=_word_table(d, "denial_acts"),
        denial_antecedents=_words(d, "denial_antecedents"),
        condemn_verbs=_words(d, "condemn_verbs"),
        refusals=_phrases(d, "refusals"),
        threat_cues=_phrases(d, "threat_cues"),
        stop_phrases=_phrases(d, "stop_phrases"),
        condition_leads=_words(d, "condition_leads"),
        noun_hedges={
            str(name): _phrases(d.get("noun_hedges") or {}, str(name))
            for name in (d.get("noun_hedges") or {})
        },
    )


@dataclass
class Holding:
    """What the cues say of one match."""

    modality: str = "asserted"
    negated: bool = False
    attributed_to: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    cue: str = ""
    self_reported: bool = False  # "Germany said it had no plans to…": the subject speaks
    # "Aun así, advierte de que…": a speech verb with no speaker named; the modality it gives
    # once the pipeline finds who speaks (the person the article is about), else ""
    unnamed_speaker: str = ""


def _verb_in(tok: Token, verbs: frozenset[str]) -> bool:
    return tok.lemma in verbs or tok.low in verbs


def _actor_before(mentions: list[Mention], pos: int, lo: int) -> Mention | None:
    best = None
    for m in mentions:
        if lo <= m.i and m.j <= pos and (best is None or m.i > best.i):
            best = m
    return best


def _labels(m: Mention) -> list[str]:
    return [a.state or a.label for a in m.actors()]


def _speakers(
    tokens: list[Token], mentions: list[Mention], verb: int, lo: int, g: Grammar
) -> list[str]:
    """The actor(s) a speech verb belongs to: the nearest actor before it, and the actor a
    "citando a X" apposition hangs from ("un informe de Bloomberg, citando al ministerio…")."""
    m = _actor_before(mentions, verb, lo)
    if m is None:
        return []
    agent_comma = agent_apposition(tokens, m, lo, g)
    if agent_comma is not None:
        # "El Ejército sudanés, liderado por el general X, acusó…": the army speaks
        head = _actor_before(mentions, agent_comma, lo)
        if head is not None:
            m = head
    cited_first = {p[0] for p in g.cited_by}
    if _in_affiliation(tokens, m, g):
        # "La analista Marta Quiroga, de la consultora Horizonte Global, cree…": the analyst
        person = _actor_before(mentions, m.i, lo)
        if person is not None:
            m = person
    out = _labels(m)
    # "Catar y Egipto anunciaron…": every member of a coordinated subject speaks
    lead: Mention = m
    while True:
        prev = _actor_before(mentions, lead.i, lo)
        if prev is None:
            break
        joins = tokens[prev.j : lead.i]
        if not joins or not all(t.kind == "C" or t.low in g.coordinators for t in joins):
            break
        out = _labels(prev) + out
        lead = prev
    # "un informe de Bloomberg, citando al ministerio…", "funcionarios citados por el diario…"
    window = tokens[max(lo, m.i - 4) : m.i]
    cite = next((t for t in reversed(window) if t.low in g.citing or t.low in cited_first), None)
    if cite is not None:
        k = tokens.index(cite, max(lo, m.i - 4))
        first = _actor_before(mentions, k, lo)
        if first is not None:
            out = _labels(first) + out
    return out


def _in_affiliation(tokens: list[Token], m: Mention, g: Grammar) -> bool:
    """Whether a mention is the "de la consultora X" of a person just named (not "un informe
    de Bloomberg", whose source is Bloomberg)."""
    k = m.i - 1
    while k >= 0 and tokens[k].kind == "W" and tokens[k].low not in g.of_words:
        if m.i - k > 3:
            return False
        k -= 1
    if k < 1 or tokens[k].low not in g.of_words or tokens[k - 1].low in g.report_nouns:
        return False  # "un informe de Bloomberg": Bloomberg is the source itself
    return tokens[k - 1].kind == "C"


def _sources(tokens: list[Token], mentions: list[Mention], cues: Cues) -> list[str]:
    """Actors introduced by "según …" (and "citando a …" after them) anywhere in the sentence."""
    out: list[str] = []
    for n in find_phrase(tokens, 0, len(tokens), cues.source_phrases):
        for m in sorted(mentions, key=lambda m: m.i):
            # "de acuerdo con un informe de expertos de la ONU": a longer source, if unbroken
            reach = 10 if all(t.kind == "W" for t in tokens[n : m.i]) else 8
            if n < m.i <= n + reach and all(t.kind != "S" for t in tokens[n : m.i]):
                out.extend(_labels(m))
                # a chain: "según Reuters, citando a funcionarios estadounidenses"
                nxt = [x for x in mentions if m.j < x.i <= m.j + 5]
                if nxt and any(t.low in cues.grammar.citing for t in tokens[m.j : nxt[0].i]):
                    out.extend(_labels(nxt[0]))
                break
    return out


def assess(
    tokens: list[Token],
    mentions: list[Mention],
    i0: int,
    i1: int,
    subj_start: int,
    cues: Cues,
    subj_end: int | None = None,
    relation: str | None = None,
) -> Holding:
    """Modality, negation, attribution and denial of a match spanning tokens [i0, i1).

    ``subj_start`` is where the statement's subject is mentioned (speech verbs before it
    introduce a speaker: "Estados Unidos afirma que Corea del Norte ha proporcionado…").
    ``relation``, when given, keeps a threat from making the threat itself hypothetical.
    """
    h = Holding()
    lo, hi = clause_bounds(tokens, i0, i1)
    start = min(i0, subj_start)

    # Negation inside the match or just before it ("no ha enviado", "«no ha entregado»").
    skip = set()
    for n in find_phrase(tokens, lo, i1, cues.not_negation):
        skip.add(n)
    for n in range(max(lo, i0 - 2), i1):
        if tokens[n].low in cues.negation and n not in skip:
            h.negated = True
    if find_phrase(tokens, max(lo, i0), i1, cues.stop_phrases):
        h.negated = True  # "Eslovaquia dejará de enviar armas a Ucrania"

    # Denial verbs between the subject and the trigger: "Irán negó haber enviado misiles".
    for n in range(start, i1):
        if _verb_in(tokens[n], cues.denial_verbs) and not any(
            t.low in cues.denial_breaks for t in tokens[n + 1 : i1]
        ):
            m = _actor_before(mentions, n, lo)
            if m is not None:
                h.denied_by.extend(_labels(m))

    # A clause coordinated before the statement's own ("anunció que juzgará…, y el domingo el
    # Ejército bombardeó…") lends it neither its speaker nor its hedges.
    own_lo = _coordinated_start(tokens, lo, i0, cues.grammar)

    # Speech verbs before the subject, and post-posed ones (", afirmó X").
    claim = False
    for n in range(own_lo, start):
        t = tokens[n]
        if _verb_in(t, cues.denial_verbs) and any(
            x.low in cues.grammar.reported_clause_starts for x in tokens[n + 1 : min(n + 5, start)]
        ):
            # "Araqchí negó que Irán haya suministrado misiles a Rusia": denied by the speaker
            who = _speakers(tokens, mentions, n, lo, cues.grammar)
            if who:
                h.denied_by.extend(who)
                h.cue = t.text
            continue
        if _verb_in(t, cues.claim_verbs) or _verb_in(t, cues.report_verbs):
            who = _speakers(tokens, mentions, n, lo, cues.grammar)
            if who:
                h.attributed_to.extend(who)
                # "denunció la cooperación de Rusia con Irán" holds it as a fact; "denunció
                # que Rusia coopera…" makes a claim
                condemns = _verb_in(t, cues.condemn_verbs) and not any(
                    x.low in cues.grammar.reported_clause_starts for x in tokens[n + 1 : i0]
                )
                claim = claim or (_verb_in(t, cues.claim_verbs) and not condemns)
                h.cue = t.text
            elif any(x.low in cues.grammar.reported_clause_starts for x in tokens[n + 1 : n + 3]):
                # "Aun así, advierte de que…": a speaker the sentence leaves unnamed
                h.unnamed_speaker = "alleged" if _verb_in(t, cues.claim_verbs) else "reported"
                h.cue = t.text
    for n in range(i1, hi - 1):
        t = tokens[n]
        if tokens[n - 1].kind == "C" and (
            _verb_in(t, cues.claim_verbs) or _verb_in(t, cues.report_verbs)
        ):
            # ", afirmó X": X follows the verb itself, not "dijo que Lula…" (whom it speaks of)
            starts = cues.grammar.reported_clause_starts
            after = [
                m
                for m in mentions
                if n < m.i <= n + 6
                and not any(
                    t.low in starts or t.low in cues.grammar.object_markers
                    for t in tokens[n + 1 : m.i]
                )
            ]  # ", anunció ayuda a Jordania": Jordan is the verb's object, not its speaker
            if after:
                h.attributed_to.extend(_labels(after[0]))
                claim = claim or _verb_in(t, cues.claim_verbs)
    for n in range(i1, min(hi, len(tokens))):
        t = tokens[n]
        speech = _verb_in(t, cues.claim_verbs) or _verb_in(t, cues.report_verbs)
        if speech and tokens[n - 1].kind != "C":
            # ", Ukrainian officials said": the speaker between the comma and the verb
            comma = next(
                (k for k in range(n - 1, max(i1, n - 5) - 1, -1) if tokens[k].kind == "C"), -1
            )
            inside = [m for m in mentions if comma < m.i and m.j <= n] if comma >= i1 else []
            if len(inside) == 1 and inside[0].j == n:
                h.attributed_to.extend(_labels(inside[0]))
                claim = claim or _verb_in(t, cues.claim_verbs)
    if subj_end is not None:
        for n in range(subj_end, i1):
            t = tokens[n]
            speech = _verb_in(t, cues.claim_verbs) or _verb_in(t, cues.report_verbs)
            starts = cues.grammar.reported_clause_starts
            if speech and any(x.low in starts for x in tokens[n + 1 : min(n + 5, i1)]):
                # "X said (on Tuesday) they had no plans…": X holds what follows; "X anunció
                # sanciones" announces an act, which stays the article's own statement
                h.self_reported = True
                h.cue = h.cue or t.text
                break
    sources = _sources(tokens, mentions, cues)
    h.attributed_to.extend(sources)

    if h.attributed_to or h.self_reported:
        h.modality = "alleged" if claim else "reported"
    if find_phrase(tokens, lo, i1, cues.alleged):
        h.modality = "alleged"
    if h.denied_by:
        h.modality = "alleged"

    # Hedges, conditions and plans governing the trigger (from the clause start to its end),
    # but not those of a clause coordinated before it ("… «no se arrodillará» y acusó a…").
    window_lo = own_lo
    for name in ("hypothetical", "speculative", "planned"):
        phrases: tuple[Phrase, ...] = getattr(cues, name)
        if name == "hypothetical" and relation != "threatens":
            phrases = phrases + cues.threat_cues
        found = find_phrase(tokens, window_lo, i1, phrases)
        if name == "hypothetical":
            found = [
                n
                for n in found
                if not (
                    tokens[n].low in {fold(w) for w in cues.grammar.conditional_if}
                    and not cues.grammar.is_conditional(tokens[n].text)
                )
            ]
        if found:
            h.modality = name
            h.cue = tokens[found[0]].text
            break
    else:
        if _future(tokens, window_lo, i1, cues.grammar):
            h.modality = "planned"  # "viajará en mayo a Madrid para reunirse con…"
    if h.modality not in ("hypothetical", "speculative") and condition_after(tokens, i1, cues):
        h.modality = "hypothetical"  # "enviará tanques a Ucrania si Estados Unidos…"
    h.attributed_to = list(dict.fromkeys(h.attributed_to))
    h.denied_by = list(dict.fromkeys(h.denied_by))
    return h


def _coordinated_start(tokens: list[Token], lo: int, i0: int, g: Grammar) -> int:
    """Where the clause of the trigger starts when a coordinator opening another clause (a
    comma before it or a verb after it) stands before the trigger ("Maduro respondió que
    Venezuela «no se arrodillará» y acusó…": after "y"); else ``lo``."""
    for k in range(min(i0, len(tokens) - 1), lo - 1, -1):
        if tokens[k].low not in g.coordinators or k + 1 >= len(tokens):
            continue
        nxt = k + 1
        while nxt < len(tokens) - 1 and tokens[nxt].low in g.clitics:
            nxt += 1
        if is_verb(tokens[nxt], g) or (k > 0 and tokens[k - 1].kind == "C"):
            return k + 1
    return lo


def _future(tokens: list[Token], i0: int, i1: int, g: Grammar) -> bool:
    """A verb in the future tense inside the match ("visitará", "enviarán")."""
    for t in tokens[i0:i1]:
        w = t.text.lower()
        if (
            t.kind == "W"
            and len(w) > 5
            and bool(g.future_endings)
            and w.endswith(g.future_endings)
            and t.lemma.endswith(g.verb_lemma_endings or ("",))
            and t.low not in g.continuation_futures  # "seguirá siendo": it already is
        ):
            return True
    return False


def sentence_denials(
    tokens: list[Token], mentions: list[Mention], cues: Cues
) -> list[tuple[list[str], str | None]]:
    """Denials a sentence makes without restating the claim.

    "Moscú y Pyongyang han negado cualquier transferencia de armas" -> (deniers, "supplies");
    "Teherán rechazó las acusaciones" -> (deniers, None): every claim against the deniers.
    """
    out: list[tuple[list[str], str | None]] = []
    for n, t in enumerate(tokens):
        if not _verb_in(t, cues.denial_verbs):
            continue
        m = _actor_before(mentions, n, clause_bounds(tokens, n, n + 1)[0])
        if m is None:
            continue
        if _denies_antecedent(tokens, m.i, cues):
            out.append((_labels(m), None))  # "algo que el Gobierno camboyano niega"
            continue
        for k in range(n + 1, min(n + 6, len(tokens))):
            w = tokens[k].low
            if w in cues.accusation_nouns:
                out.append((_labels(m), None))
                break
            rel = next((r for r, ws in cues.denial_nouns.items() if w in ws), None)
            rel = rel or next(  # "niega haber suministrado armas"
                (r for r, ws in cues.denial_acts.items() if _verb_in(tokens[k], ws)), None
            )
            if rel:
                out.append((_labels(m), rel))
                break
    return out


def _denies_antecedent(tokens: list[Token], at: int, cues: Cues) -> bool:
    """Whether the denier is the subject of a relative clause on "algo", "lo", "extremo"…:
    "…, algo que el Gobierno camboyano niega" denies what the sentence said before."""
    rel = cues.grammar.subject_relatives
    for k in range(max(at - 3, 1), at):
        if tokens[k].low in rel and tokens[k - 1].low in cues.denial_antecedents:
            return True
    # "…, a charge Tehran denies": the relative pronoun left out
    return at > 0 and tokens[at - 1].low in cues.denial_antecedents


def refused_before(tokens: list[Token], verb: int, cues: Cues) -> bool:
    """Whether a refusal ends right before the trigger verb: "se ha negado a [enviar]",
    "refused to [send]" (the act did not happen; a denial of a claim reads otherwise)."""
    return any(
        len(p) <= verb
        and tuple(t.low for t in tokens[verb - len(p) : verb]) == p
        # "no descarta enviar" is a hedge, not a refusal
        and not (verb > len(p) and tokens[verb - len(p) - 1].low in cues.negation)
        for p in cues.refusals
    )
