"""A small statement graph for the HTML tests: every modality, denial, negation, items and times."""

from __future__ import annotations

from kg.model import Entity, Evidence, Item, Statement

KP = Entity("North Korea", "Country", "Q423")
RU = Entity("Russia", "Country", "Q159")
UA = Entity("Ukraine", "Country", "Q212")
US = Entity("United States", "Country", "Q30")
CN = Entity("China", "Country", "Q148")
EU = Entity("European Union", "Bloc", "Q458")
NATO = Entity("NATO", "Bloc", "Q7184")
KIM = Entity("Kim Jong Un", "Person", "Q56226")
PUTIN = Entity("Vladimir Putin", "Person", "Q7747")
UN = Entity("United Nations", "Organization", "Q1065")
PY = Entity("Pyongyang", "City", "Q18808")
SUMMIT = Entity("Vostochny summit", "Event")


def ev(text: str, article: str = "es-01") -> tuple[Evidence, ...]:
    return (Evidence(article, text, 0, len(text)),)


def sample_statements() -> list[Statement]:
    """About twenty statements covering every modality, denial, negation, items and times."""
    return [
        Statement(
            KP,
            "supplies",
            RU,
            modality="alleged",
            attributed_to=(US,),
            denied_by=(RU, KP),
            items=(Item("artillery shells", 5000000, True), Item("ballistic missiles")),
            time=("2024-09",),
            evidence=ev("Según EE. UU., Corea del Norte envió millones de proyectiles a Rusia."),
            rule="es.supplies.verb_a",
        ),
        Statement(
            KIM,
            "meets",
            PUTIN,
            time=("2023-09-13",),
            evidence=ev("Kim Jong Un se reunió con Vladimir Putin en Vostochni."),
            rule="es.meets.reunirse",
        ),
        Statement(
            KIM, "leader_of", KP, evidence=ev("El líder norcoreano, Kim Jong Un."), rule="r1"
        ),
        Statement(PUTIN, "leader_of", RU, evidence=ev("El presidente ruso, Putin."), rule="r1"),
        Statement(
            KIM,
            "visits",
            SUMMIT,
            time=("2023-09",),
            evidence=ev("Kim viajó a la cumbre."),
            rule="r2",
        ),
        Statement(
            RU, "attacks", UA, time=("2024-08",), evidence=ev("Rusia atacó Ucrania."), rule="r3"
        ),
        Statement(
            US,
            "sanctions",
            KP,
            modality="reported",
            attributed_to=(UN,),
            evidence=ev("Washington sancionó a Pyongyang, informó la ONU.", "es-02"),
            rule="r4",
        ),
        Statement(
            EU,
            "sanctions",
            RU,
            modality="planned",
            time=("2024-10",),
            evidence=ev("La UE prepara nuevas sanciones contra Rusia.", "es-02"),
            rule="r5",
        ),
        Statement(
            CN,
            "supplies",
            RU,
            modality="speculative",
            items=(Item("drones"),),
            evidence=ev("China podría estar enviando drones a Rusia.", "es-03"),
            rule="r6",
        ),
        Statement(
            CN,
            "supports",
            RU,
            negated=True,
            evidence=ev("China no apoya la guerra, dijo Pekín.", "es-03"),
            rule="r7",
        ),
        Statement(
            CN, "trades_with", RU, evidence=ev("China y Rusia comercian.", "es-03"), rule="r8"
        ),
        Statement(
            US,
            "supplies",
            UA,
            items=(Item("tanks", 31),),
            time=("2023",),
            evidence=ev("EE. UU. entregó 31 tanques a Ucrania.", "es-04"),
            rule="r9",
        ),
        Statement(
            US, "member_of", NATO, evidence=ev("EE. UU., miembro de la OTAN.", "es-04"), rule="r10"
        ),
        Statement(
            UA,
            "seeks",
            NATO,
            modality="hypothetical",
            evidence=ev("Si Ucrania entrara en la OTAN…", "es-04"),
            rule="r11",
        ),
        Statement(
            NATO,
            "criticizes",
            KP,
            evidence=ev("La OTAN criticó a Corea del Norte.", "es-05"),
            rule="r12",
        ),
        Statement(
            KP,
            "hosts",
            PUTIN,
            time=("2024-06-19",),
            evidence=ev("Pyongyang recibió a Putin."),
            rule="r13",
        ),
        Statement(
            PUTIN,
            "visits",
            PY,
            time=("2024-06-19",),
            evidence=ev("Putin visitó Pionyang."),
            rule="r14",
        ),
        Statement(
            RU,
            "cooperates_with",
            KP,
            evidence=ev("Rusia y Corea del Norte cooperan."),
            rule="r15",
        ),
        Statement(
            UN,
            "investigates",
            KP,
            modality="alleged",
            attributed_to=(US,),
            evidence=ev("La ONU investiga a Corea del Norte, según Washington.", "es-05"),
            rule="r16",
        ),
    ]
