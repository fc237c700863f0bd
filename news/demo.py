"""The news app's part of the demo content (see urbact_portal/demo/parts.py): the listing and
a few news items, clearly generic programme news or news built only on verified facts, in
Slovene and English. Their bodies and relations link to cities, networks and good practices
of the other apps' parts (ref["city:<slug>"], ref["network:<slug>"], ref["practice:<slug>"]),
which are built first."""

from datetime import date

from urbact_portal.demo import blocks as b
from urbact_portal.demo import data
from urbact_portal.demo.parts import DemoPart
from urbact_portal.demo.texts import (
    ILLUSTRATION_ALT,
    NPTI,
    QUOTE,
    QUOTE_ATTRIBUTION,
    SITE_PURPOSE,
)

from .factories import news_index, news_page
from .models import NewsIndexPage, NewsPage

INDEX = {
    "title": "Novice",
    "slug": "novice",
    "title_en": "News",
    "slug_en": "news",
    "intro": "Novice o programu URBACT, razpisih in sodelovanju slovenskih mest v omrežjih.",
    "intro_en": "News about the URBACT programme, its calls and the part Slovenian cities "
    "play in its networks.",
}

# --- News: clearly generic programme news, or news built only on verified facts ----------

NEWS = [
    {
        "slug": "razpisi-za-nova-omrezja-urbact-kako-se-pripraviti",
        "title": "Razpisi za nova omrežja URBACT: kako se pripraviti",
        "title_en": "Calls for new URBACT networks: how to prepare",
        "slug_en": "calls-for-new-urbact-networks-how-to-prepare",
        "date": "2026-10-06",
        "intro": "Program URBACT nova omrežja izbira na razpisih. Nekaj nasvetov, kako se nanje "
        "pripravi mesto, ki bi se rado pridružilo omrežju.",
        "intro_en": "The URBACT programme selects new networks through calls. A few tips for "
        "cities that would like to join a network.",
        "themes": ["governance"],
        "cities": [],
        "networks": [],
    },
    {
        "slug": "nacionalna-tocka-urbact-vabi-k-sodelovanju",
        "title": "Nacionalna točka URBACT vabi k sodelovanju",
        "title_en": "The National URBACT Point invites contributions",
        "slug_en": "the-national-urbact-point-invites-contributions",
        "date": "2026-09-15",
        "intro": "Pošljite nam novice, izkušnje in prispevke o sodelovanju v programu URBACT: "
        "objavili jih bomo na tej spletni strani.",
        "intro_en": "Send us news, experience and contributions about taking part in the "
        "URBACT programme: we will publish them on this site.",
        "themes": ["participative-governance"],
        "cities": [],
        "networks": [],
    },
    {
        "slug": "pobuda-za-prenos-dobre-prakse-izkusnja-idrije",
        "title": "Pobuda za prenos dobre prakse: izkušnja Idrije v šestih občinah",
        "title_en": "National Practice Transfer Initiative: Idrija's practice in six towns",
        "slug_en": "national-practice-transfer-initiative-idrija",
        "date": "2025-06-10",
        "intro": "Med junijem 2021 in decembrom 2022 je Idrija svojo prakso platforme "
        "nevladnih organizacij prenesla v šest slovenskih občin.",
        "intro_en": "Between June 2021 and December 2022, Idrija transferred its NGO-platform "
        "practice to six Slovenian municipalities.",
        "themes": ["governance", "participative-governance"],
        "cities": ["idrija"],
        "networks": ["citycentredoctor"],
    },
    {
        "slug": "celje-v-omrezju-cities-at-heart",
        "title": "Celje v omrežju Cities@Heart",
        "title_en": "Celje in the Cities@Heart network",
        "slug_en": "celje-in-the-cities-at-heart-network",
        "date": "2024-04-16",
        "intro": "Celje sodeluje v omrežju za akcijsko načrtovanje Cities@Heart, enem od omrežij "
        "obdobja URBACT IV.",
        "intro_en": "Celje takes part in Cities@Heart, one of the Action Planning networks of "
        "the URBACT IV period.",
        "themes": [],
        "cities": ["celje"],
        "networks": ["cities-at-heart"],
    },
    {
        "slug": "cebelja-pot-in-omrezji-beepathnet",
        "title": "Čebelja pot in omrežji BeePathNet",
        "date": "2024-11-12",
        "intro": "Ljubljanska Čebelja pot je leta 2017 prejela oznako dobre prakse URBACT. "
        "Ljubljana je vodila omrežji za prenos BeePathNet in BeePathNet Reloaded.",
        "themes": ["environment"],
        "cities": ["ljubljana"],
        "networks": ["beepathnet", "beepathnet-reloaded"],
    },
    {
        "slug": "kako-poteka-prenos-dobrih-praks",
        "title": "Kako poteka prenos dobrih praks v programu URBACT",
        "date": "2025-02-18",
        "intro": "Dobra praksa enega mesta lahko s prilagoditvijo koristi tudi drugim. "
        "Pregled poti, po katerih se prakse v programu URBACT širijo med mesti.",
        "themes": ["governance"],
        "cities": [],
        "networks": [],
    },
]


def news_body(key, ref, lang):
    sl = lang == "sl"
    i = 0 if sl else 1
    contact = ref.get("contact") or ref["nup"]
    # The programme's own words, quoted once: in the article about the programme (not as
    # filler in every item).
    quote = b.quote(QUOTE[i], QUOTE_ATTRIBUTION[i])
    if key == "razpisi-za-nova-omrezja-urbact-kako-se-pripraviti":
        tips = (
            [
                "preverite, katera vrsta omrežja ustreza vašim izzivom, na primer omrežje za "
                "akcijsko načrtovanje ali omrežje za prenos;",
                "povežite se z mesti, ki se ukvarjajo s podobnimi vprašanji;",
                "v pripravo vključite sodelavce iz različnih oddelkov občine in lokalne deležnike;",
                "pravočasno se v občini dogovorite o sodelovanju in o potrebnih sredstvih.",
            ]
            if sl
            else [
                "check which type of network suits your challenges, for example an Action "
                "Planning or a Transfer network;",
                "get in touch with cities working on similar questions;",
                "involve colleagues from several departments and local stakeholders;",
                "agree in good time within the municipality on taking part and on the "
                "resources it needs.",
            ]
        )
        return [
            b.paragraph(
                b.p(
                    "Vsak razpis programa URBACT določi, katere vrste omrežij se lahko "
                    "prijavijo, kdo je lahko partner ter kakšni so pogoji in roki. Razpise in "
                    "njihovo dokumentacijo program objavlja na spletni strani urbact.eu."
                    if sl
                    else "Each URBACT call sets out which types of network may apply, who may "
                    "be a partner, and the conditions and deadlines. The programme publishes "
                    "its calls and their documents on urbact.eu."
                )
            ),
            b.heading("Kako se pripraviti" if sl else "How to prepare"),
            b.paragraph(b.bullets(tips)),
            b.call_to_action(
                "Vprašajte nacionalno točko" if sl else "Ask the National URBACT Point",
                "Pišite nam" if sl else "Write to us",
                text="Pri pripravi na razpis vam z informacijami pomaga nacionalna URBACT točka."
                if sl
                else "The National URBACT Point can help you with information as you prepare.",
                page=contact,
            ),
        ]
    if key == "nacionalna-tocka-urbact-vabi-k-sodelovanju":
        items = (
            [
                "novice o sodelovanju slovenskih mest v omrežjih URBACT;",
                "izkušnje s prenosom ali prilagajanjem dobrih praks;",
                "vabila na dogodke o urbanem razvoju;",
                "strokovne prispevke o urbanih politikah.",
            ]
            if sl
            else [
                "news about Slovenian cities in URBACT networks;",
                "experience of transferring or adapting good practices;",
                "invitations to events on urban development;",
                "expert contributions on urban policy.",
            ]
        )
        return [
            b.paragraph(b.p(SITE_PURPOSE[i])),
            b.paragraph(
                b.p(
                    "Vabimo občine, nevladne organizacije, raziskovalce in strokovnjake, da z "
                    "nami delijo svoje izkušnje."
                    if sl
                    else "We invite municipalities, NGOs, researchers and practitioners to "
                    "share their experience with us."
                )
            ),
            b.heading("Kaj nam lahko pošljete" if sl else "What you can send us"),
            b.paragraph(b.bullets(items)),
            b.call_to_action(
                "Pošljite prispevek" if sl else "Send a contribution",
                "Pišite nam" if sl else "Write to us",
                page=contact,
            ),
        ]
    if key == "pobuda-za-prenos-dobre-prakse-izkusnja-idrije":
        towns = data.NPTI_MUNICIPALITIES
        names = ", ".join(towns[:-1]) + (" in " if sl else " and ") + towns[-1]
        body = [
            b.paragraph(
                b.p(
                    "Pobuda za prenos dobre prakse širi dobre prakse mest URBACT na nacionalni "
                    "ravni. Med junijem 2021 in decembrom 2022 je Idrija v njenem okviru "
                    f"prakso platforme nevladnih organizacij prenesla v občine {names}."
                    if sl
                    else "The National Practice Transfer Initiative spreads the good practices "
                    "of URBACT cities at national level. Between June 2021 and December 2022 "
                    f"Idrija transferred its NGO-platform practice to {names}."
                )
            ),
            b.heading(
                "Od omrežja do nacionalne pobude"
                if sl
                else "From a network to a national initiative"
            ),
            b.paragraph(
                b.p(
                    "Idrija je v obdobju URBACT III sodelovala v omrežju CityCentreDoctor. Njena "
                    "praksa – »mestna dnevna soba« v prazni stavbi, ki povezuje mestno upravo, "
                    "dejavne občane in nevladne organizacije – je nastala po zgledu platforme "
                    "Stellwerk iz nemškega mesta Altena."
                    if sl
                    else "Idrija took part in the CityCentreDoctor network during URBACT III. "
                    "Its practice – a 'Towns' Living Room' in a vacant building that brings "
                    "together the city administration, active citizens and NGOs – was adapted "
                    "from the Stellwerk platform of Altena, Germany."
                )
            ),
        ]
        if ref.get("image:news-npti"):
            body.append(
                b.image(
                    ref["image:news-npti"],
                    alt_text=ILLUSTRATION_ALT[i],
                    caption="Ilustracija" if sl else "Illustration",
                )
            )
        body.append(
            b.call_to_action(
                "Dobra praksa iz Idrije" if sl else "The good practice from Idrija",
                "Preberite več" if sl else "Read more",
                page=ref["practice:vzpostavitev-nove-platforme-nevladnih-organizacij"],
            )
        )
        return body
    if key == "celje-v-omrezju-cities-at-heart":
        return [
            b.paragraph(
                b.p(
                    "Omrežje Cities@Heart deluje od 1. junija 2023 do 31. decembra 2025. Vodi ga "
                    "Metropola Veliki Pariz (Francija)."
                    if sl
                    else "The Cities@Heart network runs from 1 June 2023 to 31 December 2025. "
                    "It is led by the Greater Paris Metropolis (France)."
                )
            ),
            b.heading("Partnerji" if sl else "Partners"),
            b.paragraph(
                b.p(
                    "Poleg Celja v omrežju sodelujejo Cesena (Italija), Fleurus (Belgija), "
                    "Sligo (Irska), Granada (Španija), Krakov (Poljska), Osijek (Hrvaška) in "
                    "Quadrilatero (Portugalska)."
                    if sl
                    else "Besides Celje, the partners are Cesena (Italy), Fleurus (Belgium), "
                    "Sligo (Ireland), Granada (Spain), Kraków (Poland), Osijek (Croatia) and "
                    "Quadrilatero (Portugal)."
                )
            ),
            b.call_to_action(
                "Omrežje Cities@Heart" if sl else "The Cities@Heart network",
                "O omrežju" if sl else "About the network",
                page=ref["network:cities-at-heart"],
            ),
        ]
    if key == "cebelja-pot-in-omrezji-beepathnet":
        return [
            b.paragraph(
                b.p(
                    "Čebelja pot je praksa Ljubljane, ki je leta 2017 prejela oznako dobre "
                    "prakse URBACT."
                )
            ),
            b.heading("BeePathNet"),
            b.paragraph(
                b.p(
                    "Kot vodilni partner omrežja za prenos BeePathNet je Ljubljana prakso "
                    "prenašala v mesta Cesena (Italija), Bydgoszcz (Poljska), Amarante "
                    "(Portugalska), Hegyvidék – Budimpešta XII (Madžarska) in Nea Propontida "
                    "(Grčija). Druga faza omrežja je trajala od 4. decembra 2018 do 4. decembra "
                    "2020."
                )
            ),
            b.heading("BeePathNet Reloaded"),
            b.paragraph(
                b.p(
                    "Med letoma 2021 in 2022 je Ljubljana vodila še omrežje BeePathNet "
                    "Reloaded, v katerem so sodelovala mesta Bansko (Bolgarija), Bergamo "
                    "(Italija), Osijek (Hrvaška) in Sosnowiec (Poljska)."
                )
            ),
            b.call_to_action(
                "Dobra praksa Čebelja pot",
                "Preberite več",
                page=ref["practice:cebelja-pot"],
            ),
        ]
    # kako-poteka-prenos-dobrih-praks: generic, about the programme only.
    return [
        b.paragraph(
            b.p(
                "Program URBACT podpira prenos dobrih praks za izboljšanje urbanih politik. "
                "Mesto, ki je razvilo uspešno rešitev, jo lahko deli z drugimi, ta pa jo "
                "prilagodijo svojim razmeram."
            )
        ),
        b.heading("Oznaka dobre prakse URBACT"),
        b.paragraph(
            b.p(
                "Program prakse mest označuje kot dobre prakse URBACT. Tako sta oznako leta "
                "2017 prejeli ljubljanski praksi Čebelja pot in Pobude meščanov."
            )
        ),
        b.heading("Omrežja za prenos"),
        b.paragraph(
            b.p(
                "V omrežjih za prenos mesto z dobro prakso sodeluje s partnerskimi mesti, ki jo "
                "želijo prevzeti. Ljubljana je tako vodila omrežje BeePathNet."
            )
        ),
        b.heading("Prenos na nacionalni ravni"),
        b.paragraph(b.p(NPTI[0])),
        quote,
        b.call_to_action(
            "Dobre prakse",
            "Vse dobre prakse",
            text="Oglejte si dobre prakse slovenskih mest.",
            page=ref["practices"],
        ),
    ]


def build_index(loader):
    loader.index_page("news", NewsIndexPage, news_index, INDEX)


def build_news(loader):
    for spec in NEWS:
        key = spec["slug"]
        image = loader.image(f"news-{key}", f"Ilustracija – novica {spec['title']}")
        if key == "pobuda-za-prenos-dobre-prakse-izkusnja-idrije":
            loader.image("news-npti", "Ilustracija – prenos dobre prakse")
        translated = "title_en" in spec
        fields = {
            "title": spec["title"],
            "slug": key,
            "date": date.fromisoformat(spec["date"]),
            "intro": spec["intro"],
            "image": image,
            "image_alt": ILLUSTRATION_ALT[0],
            "body": news_body(key, loader.ref, "sl"),
        }
        if translated:
            fields.update(
                title_en=spec["title_en"],
                slug_en=spec["slug_en"],
                intro_en=spec["intro_en"],
                image_alt_en=ILLUSTRATION_ALT[1],
                body_en=news_body(key, loader.ref, "en"),
            )
        themes = loader.themes(spec["themes"])
        cities = [loader.ref[f"city:{slug}"] for slug in spec["cities"]]
        networks = [loader.ref[f"network:{slug}"] for slug in spec["networks"]]
        loader.upsert(
            loader.ref["news"],
            NewsPage,
            key,
            lambda fields=fields, themes=themes, cities=cities, networks=networks: news_page(
                loader.ref["news"],
                themes=themes,
                cities=cities,
                networks=networks,
                **fields,
            ),
            fields,
            m2m={"themes": themes, "related_cities": cities, "related_networks": networks},
        )


DEMO = DemoPart(name="news", indexes=build_index, content=build_news, after=("cities", "networks"))
