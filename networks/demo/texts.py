"""Texts of the networks app's demo pages: the two listings and the bodies of the good
practices, in Slovene and English. Bodies that link to other pages are functions of `ref`
(the demo loader's pages and images by key)."""

from urbact_portal.demo import blocks as b
from urbact_portal.demo import data

NETWORK_INDEX = {
    "title": "Omrežja",
    "slug": "omrezja",
    "title_en": "Networks",
    "slug_en": "networks",
    "intro": "Omrežja programa URBACT, v katerih sodelujejo ali so sodelovala slovenska "
    "mesta. Izberete lahko vrsto omrežja, programsko obdobje, temo ali mesto.",
    "intro_en": "URBACT networks in which Slovenian cities take or have taken part. "
    "Filter them by network type, programme period, theme or city.",
}

PRACTICE_INDEX = {
    "title": "Dobre prakse",
    "slug": "dobre-prakse",
    "title_en": "Good practices",
    "slug_en": "good-practices",
    "intro": "Dobre prakse mest, iz katerih se lahko učijo druga mesta in občine.",
    "intro_en": "Good practices of cities that other cities and municipalities can learn from.",
}


def practice_body(key, ref, lang):
    sl = lang == "sl"
    if key == "vzpostavitev-nove-platforme-nevladnih-organizacij":
        towns = data.NPTI_MUNICIPALITIES
        names = ", ".join(towns[:-1]) + (" in " if sl else " and ") + towns[-1]
        return [
            b.paragraph(
                b.p(
                    "Idrija je v obdobju URBACT III sodelovala v omrežju za akcijsko "
                    "načrtovanje CityCentreDoctor."
                    if sl
                    else "During URBACT III, Idrija took part in the CityCentreDoctor Action "
                    "Planning network."
                )
            ),
            b.heading("Prenos v slovenske občine" if sl else "Transfer to Slovenian towns"),
            b.paragraph(
                b.p(
                    "Med junijem 2021 in decembrom 2022 je Idrija v okviru Pobude za prenos "
                    f"dobre prakse na nacionalni ravni prakso prenesla v občine {names}."
                    if sl
                    else "Between June 2021 and December 2022, within the National Practice "
                    f"Transfer Initiative, Idrija transferred the practice to {names}."
                )
            ),
            b.call_to_action(
                "Omrežje CityCentreDoctor" if sl else "The CityCentreDoctor network",
                "O omrežju" if sl else "About the network",
                page=ref["network:citycentredoctor"],
            ),
        ]
    if key == "cebelja-pot":
        return [
            b.paragraph(
                b.p(
                    "Praksa je leta 2017 prejela oznako dobre prakse URBACT. Ljubljana jo je "
                    "nato kot vodilni partner omrežja za prenos BeePathNet prenašala v "
                    "partnerska mesta; pozneje je vodila tudi omrežje BeePathNet Reloaded."
                    if sl
                    else "The practice received the URBACT Good Practice label in 2017. "
                    "Ljubljana then transferred it to its partner cities as lead partner of "
                    "the BeePathNet Transfer network, and later also led BeePathNet Reloaded."
                )
            ),
            b.call_to_action(
                "Omrežje BeePathNet" if sl else "The BeePathNet network",
                "O omrežju" if sl else "About the network",
                page=ref["network:beepathnet"],
            ),
        ]
    return [
        b.paragraph(
            b.p(
                "Praksa »Približati meščane županu in mestnim službam« je leta 2017 prejela "
                "oznako dobre prakse URBACT."
                if sl
                else "The practice 'Bringing citizens closer to their mayor and city services' "
                "received the URBACT Good Practice label in 2017."
            )
        ),
    ]
