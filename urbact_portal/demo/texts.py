"""Texts of the demo pages: the seed's home page texts (urbact-si-homepage.txt), the index
pages, the standard pages and a few clearly generic news items, in Slovene and English.

Programme facts come only from seed/facts.md. The home page states no numbers of cities
or networks: it counts them from the database. Bodies that link to other pages are
functions of `ref`, a dict of the pages and images built so far."""

from . import blocks as b

EMAIL = "urbact@ipop.si"
MAILTO = f'<a href="mailto:{EMAIL}">{EMAIL}</a>'
PHONE = "(+386) 40/342-811"
CONTACT_PERSON = "Nina Plevnik"
CONTACT_ROLE = ("Nacionalna URBACT točka Slovenija", "National URBACT Point Slovenia")
ORGANISATION = ("IPoP – Inštitut za politike prostora", "IPoP – Institute for Spatial Policies")
ORGANISATION_URL = "https://ipop.si/"
URBACT_URL = "https://urbact.eu/"
# The description (alternative text) of every generated illustration.
ILLUSTRATION_ALT = (
    "Ilustracija: abstraktna kompozicija geometrijskih likov v modrozelenih in rumenih "
    "odtenkih s točkami, povezanimi s črto.",
    "Illustration: an abstract composition of geometric shapes in teal and yellow, with "
    "points joined by a line.",
)

# --- The seed's texts (typo "slovenske jeziku" fixed) -------------------------------------

PROGRAMME = (
    "Program URBACT je namenjen povezovanju mest in utrjevanju osrednje vloge mest pri "
    "soočanju z vse kompleksnejšimi družbenimi spremembami.",
    "The URBACT programme connects cities and strengthens their central role in facing "
    "increasingly complex social change.",
)
PROGRAMME_MORE = (
    "Program podpira krepitev omrežij med mesti, učenje na izkušnjah drugih ter prenos "
    "dobrih praks za izboljšanje urbanih politik in upravljanje urbanih območij. S svojimi "
    "strokovnjaki mestom pomaga pri razvoju inovativnih in trajnostnih praktičnih rešitev, "
    "ki vključujejo gospodarsko, družbeno in okoljsko razsežnost ter upoštevajo principe "
    "sodelovanja javnosti.",
    "It supports networking between cities, learning from each other's experience and the "
    "transfer of good practices to improve urban policies and the management of urban "
    "areas. Through its experts it helps cities develop innovative and sustainable "
    "practical solutions that combine the economic, social and environmental dimensions "
    "and follow the principles of public participation.",
)
SITE_PURPOSE = (
    "Ta spletna stran je namenjena izmenjavi informacij, novic in prispevkov o programu "
    "URBACT v slovenskem jeziku.",
    "This website shares information, news and contributions about the URBACT programme in "
    "Slovene; its main pages are also available in English.",
)
NPTI = (
    "Med junijem 2021 in decembrom 2022 je 6 slovenskih mest sodelovalo pri Pobudi za prenos "
    "dobre prakse – pobudi razširjanja dobrih praks URBACT mest na nacionalni ravni.",
    "Between June 2021 and December 2022, 6 Slovenian municipalities took part in the "
    "National Practice Transfer Initiative, which spreads the good practices of URBACT "
    "cities at national level.",
)
NUP_TASKS = (
    [
        "obveščanje o programu in informiranje potencialnih upravičencev",
        "širjenje rezultatov programa",
        "spodbujanje dialoga med lokalnimi, regionalnimi in nacionalnimi akterji na področju "
        "urbanega razvoja",
        "podpora sekretariatu pri izvajanju aktivnosti za krepitev zmogljivosti",
    ],
    [
        "informing about the programme and advising potential beneficiaries",
        "spreading the programme's results",
        "fostering dialogue between local, regional and national actors in urban development",
        "supporting the secretariat in its capacity-building activities",
    ],
)
NUP_ROLE = (
    "V programu URBACT delujejo nacionalne točke (National URBACT Point – NUP), katerih "
    "naloge so " + "; ".join(NUP_TASKS[0][:3]) + " in " + NUP_TASKS[0][3] + ".",
    "The URBACT programme has National URBACT Points (NUP) whose tasks are "
    + "; ".join(NUP_TASKS[1][:3])
    + " and "
    + NUP_TASKS[1][3]
    + ".",
)
IPOP = (
    "V Sloveniji nalogo nacionalne URBACT točke opravlja IPoP – Inštitut za politike "
    "prostora. IPoP je nevladna, svetovalna in raziskovalna organizacija, ki deluje na "
    "področju trajnostnega urejanja prostora. Osrednji rezultati organizacije so politike, "
    "kampanje, študije, platforme in procesi, ki izboljšujejo kakovost bivanja v mestih.",
    "In Slovenia, the National URBACT Point is run by IPoP – Institute for Spatial Policies. "
    "IPoP is a non-governmental advisory and research organisation working on sustainable "
    "spatial planning. Its main results are policies, campaigns, studies, platforms and "
    "processes that improve the quality of life in cities.",
)
QUOTE = (
    PROGRAMME_MORE[0].split(". ")[0] + ".",
    "The programme supports networking between cities, learning from each other's "
    "experience and the transfer of good practices to improve urban policies and the "
    "management of urban areas.",
)
QUOTE_ATTRIBUTION = ("Iz predstavitve programa URBACT", "From the URBACT programme description")


def _p(text):
    return f"<p>{text}</p>"


# --- Home page ----------------------------------------------------------------------------

HOME = {
    "title": "URBACT Slovenija",
    "title_en": "URBACT Slovenia",
    "hero_heading": "Program URBACT",
    "hero_heading_en": "The URBACT programme",
    "hero_intro": _p(PROGRAMME[0] + " " + PROGRAMME_MORE[0]) + _p(SITE_PURPOSE[0]),
    "hero_intro_en": _p(PROGRAMME[1] + " " + PROGRAMME_MORE[1]) + _p(SITE_PURPOSE[1]),
    "slovenia_heading": "URBACT v Sloveniji",
    "slovenia_heading_en": "URBACT in Slovenia",
    "slovenia_text": _p(NPTI[0]) + _p(NUP_ROLE[0]),
    "slovenia_text_en": _p(NPTI[1]) + _p(NUP_ROLE[1]),
    "nup_heading": "Nacionalna URBACT točka",
    "nup_heading_en": "National URBACT Point",
    "nup_text": _p(IPOP[0]),
    "nup_text_en": _p(IPOP[1]),
}

FOOTER = (
    "Nacionalno URBACT točko za Slovenijo vodi IPoP – Inštitut za politike prostora.",
    "The National URBACT Point for Slovenia is run by IPoP – Institute for Spatial Policies.",
)

# --- Index pages: (key, Slovene title, slug, English title, slug, Slovene intro, English) ---

INDEXES = {
    "news": {
        "title": "Novice",
        "slug": "novice",
        "title_en": "News",
        "slug_en": "news",
        "intro": "Novice o programu URBACT, razpisih in sodelovanju slovenskih mest v omrežjih.",
        "intro_en": "News about the URBACT programme, its calls and the part Slovenian cities "
        "play in its networks.",
    },
    "networks": {
        "title": "Omrežja",
        "slug": "omrezja",
        "title_en": "Networks",
        "slug_en": "networks",
        "intro": "Omrežja programa URBACT, v katerih sodelujejo ali so sodelovala slovenska "
        "mesta. Izberete lahko vrsto omrežja, programsko obdobje, temo ali mesto.",
        "intro_en": "URBACT networks in which Slovenian cities take or have taken part. "
        "Filter them by network type, programme period, theme or city.",
    },
    "practices": {
        "title": "Dobre prakse",
        "slug": "dobre-prakse",
        "title_en": "Good practices",
        "slug_en": "good-practices",
        "intro": "Dobre prakse mest, iz katerih se lahko učijo druga mesta in občine.",
        "intro_en": "Good practices of cities that other cities and municipalities can learn from.",
    },
    "cities": {
        "title": "Mesta",
        "slug": "mesta",
        "title_en": "Cities",
        "slug_en": "cities",
        "intro": "Slovenska mesta, ki sodelujejo ali so sodelovala v programu URBACT, in "
        "omrežja, v katerih so dejavna.",
        "intro_en": "Slovenian cities that take or have taken part in the URBACT programme, "
        "and the networks they are active in.",
    },
}

CONTACT_PAGE = {
    "title": "Kontakt",
    "slug": "kontakt",
    "title_en": "Contact",
    "slug_en": "contact",
    "show_in_menus": True,
    "intro": "<p>Vprašanja o programu URBACT in o sodelovanju slovenskih mest nam pošljite "
    "prek spodnjega obrazca. Odgovorili vam bomo na e-poštni naslov, ki ga vpišete.</p>",
    "intro_en": "<p>Send us your questions about the URBACT programme and the part "
    "Slovenian cities play in it through the form below. We will reply to the e-mail "
    "address you enter.</p>",
}

# --- Standard pages -------------------------------------------------------------------------


def about_body(ref, lang):
    sl = lang == "sl"
    i = 0 if sl else 1
    periods = (
        [
            "URBACT I: 2002–2006 (projekti so potekali med letoma 2003 in 2006)",
            "URBACT II: 2007–2013",
            "URBACT III: 2014–2020",
            "URBACT IV: 2021–2027",
        ]
        if sl
        else [
            "URBACT I: 2002–2006 (projects ran from 2003 to 2006)",
            "URBACT II: 2007–2013",
            "URBACT III: 2014–2020",
            "URBACT IV: 2021–2027",
        ]
    )
    network_types = (
        [
            "URBACT II: tematska omrežja",
            "URBACT III: omrežja za akcijsko načrtovanje (Action Planning Networks), omrežja "
            "za izvajanje (Implementation Networks) in omrežja za prenos (Transfer Networks)",
            "URBACT IV: omrežja za akcijsko načrtovanje, omrežja za prenos in omrežja za "
            "prenos inovacij (Innovation Transfer Networks)",
        ]
        if sl
        else [
            "URBACT II: thematic networks",
            "URBACT III: Action Planning, Implementation and Transfer Networks",
            "URBACT IV: Action Planning, Transfer and Innovation Transfer Networks",
        ]
    )
    themes = (
        _p(
            "Glavne teme obdobja URBACT IV so fizični razvoj mest, okolje, upravljanje, "
            "vključevanje in gospodarstvo. Prečne teme, ki zadevajo vse omrežja, so zeleni "
            "prehod, enakost spolov in digitalni prehod."
        )
        if sl
        else _p(
            "The main themes of URBACT IV are physical urban development, environment, "
            "governance, inclusion and economy. Its cross-cutting themes, which concern every "
            "network, are green, gender and digital."
        )
    )
    return [
        b.paragraph(_p(PROGRAMME_MORE[i])),
        b.heading("Programska obdobja" if sl else "Programme periods"),
        b.paragraph(b.bullets(periods)),
        b.heading("Vrste omrežij" if sl else "Types of network"),
        b.paragraph(
            _p(
                "Mesta v programu sodelujejo v omrežjih, katerih vrste so se med obdobji "
                "spreminjale:"
                if sl
                else "Cities take part in the programme through networks, whose types have "
                "changed from one period to the next:"
            )
            + b.bullets(network_types)
        ),
        b.heading("Teme v obdobju URBACT IV" if sl else "Themes of URBACT IV"),
        b.paragraph(themes),
        b.heading("Nacionalne URBACT točke" if sl else "National URBACT Points"),
        b.paragraph(_p(NUP_ROLE[i]) + _p(IPOP[i].split(". ")[0] + ".")),
        b.call_to_action(
            "Slovenska mesta v omrežjih URBACT" if sl else "Slovenian cities in URBACT networks",
            "Omrežja" if sl else "Networks",
            text="Preglejte omrežja, v katerih sodelujejo ali so sodelovala slovenska mesta."
            if sl
            else "See the networks in which Slovenian cities take or have taken part.",
            page=ref["networks"],
        ),
    ]


def nup_body(ref, lang):
    sl = lang == "sl"
    i = 0 if sl else 1
    contact = ref.get("contact")
    if contact:
        cta = b.call_to_action(
            "Pišite nam" if sl else "Write to us",
            "Kontaktni obrazec" if sl else "Contact form",
            text="Vprašanja o programu URBACT nam lahko pošljete prek kontaktnega obrazca."
            if sl
            else "Send us your questions about the URBACT programme through the contact form.",
            page=contact,
        )
    else:
        cta = b.call_to_action(
            "Več o IPoP" if sl else "More about IPoP",
            "Spletna stran IPoP" if sl else "IPoP website",
            url=ORGANISATION_URL,
        )
    contact_html = (
        f"<p>{CONTACT_PERSON}, {CONTACT_ROLE[i]}<br/>"
        + ("E-pošta" if sl else "E-mail")
        + f": {MAILTO}<br/>"
        + ("Telefon" if sl else "Phone")
        + f": {PHONE}</p>"
    )
    return [
        b.heading("Naloge nacionalne točke" if sl else "What the National Point does"),
        b.paragraph(
            _p(
                "V programu URBACT delujejo nacionalne točke (National URBACT Point – NUP). "
                "Njihove naloge so:"
                if sl
                else "The URBACT programme has National URBACT Points (NUP). Their tasks are:"
            )
            + b.bullets(NUP_TASKS[i])
        ),
        b.heading(ORGANISATION[i]),
        b.paragraph(_p(IPOP[i])),
        b.heading("Kontakt" if sl else "Contact"),
        b.paragraph(contact_html),
        cta,
    ]


def privacy_body(ref, lang):
    if lang == "sl":
        sections = [
            (
                "Upravljavec",
                "Upravljavec osebnih podatkov je IPoP – Inštitut za politike prostora, ki v "
                "Sloveniji opravlja naloge nacionalne URBACT točke. Vprašanja o varstvu "
                f"osebnih podatkov nam pošljite na {MAILTO}.",
            ),
            (
                "Katere podatke obdelujemo",
                "Ko nam pišete prek kontaktnega obrazca, obdelujemo podatke, ki jih vnesete: "
                "ime in priimek, e-poštni naslov, organizacijo (če jo navedete), zadevo in "
                "vsebino sporočila. Za zaščito obrazca pred zlorabami in neželenimi sporočili "
                "lahko kratkotrajno obdelujemo tudi tehnične podatke, kot je IP-naslov.",
            ),
            (
                "Namen in pravna podlaga",
                "Podatke obdelujemo izključno zato, da odgovorimo na vaše vprašanje ali "
                "sporočilo. Pravna podlaga je vaša privolitev (točka (a) prvega odstavka "
                "6. člena Splošne uredbe o varstvu podatkov), ki jo izrazite z označitvijo "
                "polja v obrazcu. Privolitev lahko kadar koli prekličete s sporočilom na "
                f"{MAILTO}; preklic ne vpliva na zakonitost obdelave pred njim.",
            ),
            (
                "Hramba",
                "Sporočila hranimo 24 mesecev od prejema, nato jih izbrišemo.",
            ),
            (
                "Kdo ima dostop do podatkov",
                "Do sporočil imajo dostop sodelavci nacionalne URBACT točke, ki na njih "
                "odgovarjajo. Podatkov ne posredujemo tretjim osebam in jih ne uporabljamo za "
                "trženje. Tehnično jih lahko obdelujejo le ponudniki gostovanja in "
                "elektronske pošte, ki za nas opravljajo te storitve.",
            ),
            (
                "Vaše pravice",
                "Imate pravico do dostopa do svojih podatkov, do njihovega popravka, izbrisa "
                "in omejitve obdelave, do prenosljivosti podatkov ter do preklica privolitve. "
                f"Zahtevo nam pošljite na {MAILTO}. Če menite, da obdelava vaših podatkov krši "
                "predpise, lahko vložite pritožbo pri Informacijskem pooblaščencu.",
            ),
            (
                "Piškotki",
                "Spletno mesto ne uporablja analitičnih ali oglaševalskih piškotkov in ne "
                "nalaga vsebin tretjih oseb. Uporablja le piškotke, ki so nujni za njegovo "
                "delovanje, na primer za zaščito obrazca pred ponarejenimi zahtevami.",
            ),
        ]
    else:
        sections = [
            (
                "Controller",
                "The controller of personal data is IPoP – Institute for Spatial Policies, "
                "which runs the National URBACT Point for Slovenia. Send questions about data "
                f"protection to {MAILTO}.",
            ),
            (
                "What data we process",
                "When you write to us through the contact form, we process what you enter: "
                "your name, e-mail address, organisation (if given), subject and message. To "
                "protect the form against abuse and spam we may also briefly process "
                "technical data such as your IP address.",
            ),
            (
                "Purpose and legal basis",
                "We process the data only to answer your question or message. The legal basis "
                "is your consent (Article 6(1)(a) of the General Data Protection Regulation), "
                "which you give by ticking the box in the form. You may withdraw it at any time "
                f"by writing to {MAILTO}; this does not affect processing before withdrawal.",
            ),
            (
                "Retention",
                "We keep messages for 24 months after receipt and then delete them.",
            ),
            (
                "Who can see the data",
                "Messages are read by the staff of the National URBACT Point who answer them. "
                "We do not pass the data to third parties or use it for marketing. Only our "
                "hosting and e-mail providers may process it technically on our behalf.",
            ),
            (
                "Your rights",
                "You have the right to access your data, to have it rectified or erased, to "
                "restrict its processing, to data portability and to withdraw your consent. "
                f"Send your request to {MAILTO}. If you believe the processing of your data "
                "breaks the law, you may lodge a complaint with the Information Commissioner "
                "of the Republic of Slovenia.",
            ),
            (
                "Cookies",
                "The site uses no analytics or advertising cookies and loads no third-party "
                "content. It only uses cookies it needs to work, for example to protect the "
                "form against forged requests.",
            ),
        ]
    body = []
    for title, text in sections:
        body += [b.heading(title), b.paragraph(_p(text))]
    return body


def accessibility_body(ref, lang):
    if lang == "sl":
        sections = [
            (
                "Stopnja skladnosti",
                "Spletno mesto je zasnovano tako, da izpolnjuje zahteve smernic WCAG 2.2 na "
                "ravni AA. Te presegajo zahteve WCAG 2.1 AA iz standarda SIST EN 301 549, na "
                "katerega se sklicuje Zakon o dostopnosti spletišč in mobilnih aplikacij "
                "(ZDSMA). Pri oblikovanju smo upoštevali jasno strukturo naslovov in "
                "mejnikov, povezavo za preskok na vsebino, vidno označen fokus, opisana polja "
                "obrazcev, besedilne opise slik in zadosten barvni kontrast; strani delujejo "
                "tudi brez JavaScripta.",
            ),
            (
                "Nedostopne vsebine",
                "Ob pripravi te izjave nam niso znane vsebine, ki ne bi bile dostopne. "
                "Priloženi dokumenti in vsebine na zunanjih spletnih mestih, na katera vodijo "
                "povezave, morda niso v celoti dostopni.",
            ),
            ("Priprava izjave", "Izjava je bila pripravljena leta 2026."),
            (
                "Povratne informacije in kontakt",
                "Če na spletnem mestu naletite na vsebino, ki vam ni dostopna, ali želite "
                f"podatke v drugi obliki, nam pišite na {MAILTO}. Navedite, na kateri strani "
                "in pri kateri vsebini ste naleteli na težavo.",
            ),
            (
                "Nadzor",
                "Če z odzivom na vaše obvestilo ali zahtevo niste zadovoljni, se lahko "
                "obrnete na inšpekcijski organ, pristojen za nadzor nad izvajanjem ZDSMA.",
            ),
        ]
    else:
        sections = [
            (
                "Compliance status",
                "The site is built to meet the WCAG 2.2 guidelines at level AA. These go "
                "beyond WCAG 2.1 AA of the SIST EN 301 549 standard referred to by the "
                "Slovenian Act on the Accessibility of Websites and Mobile Applications "
                "(ZDSMA). Its design includes a clear structure of headings and landmarks, a "
                "skip link, a visible focus, labelled form fields, text alternatives for "
                "images and sufficient colour contrast; pages also work without JavaScript.",
            ),
            (
                "Non-accessible content",
                "When this statement was prepared we knew of no content that is not "
                "accessible. Attached documents and content on external sites we link to may "
                "not be fully accessible.",
            ),
            ("Preparation of this statement", "This statement was prepared in 2026."),
            (
                "Feedback and contact",
                "If you come across content you cannot access, or you need information in "
                f"another format, write to {MAILTO}. Tell us on which page and with which "
                "content you had the problem.",
            ),
            (
                "Enforcement",
                "If you are not satisfied with the response to your notice or request, you "
                "may turn to the inspection body responsible for supervising the ZDSMA.",
            ),
        ]
    body = []
    for title, text in sections:
        body += [b.heading(title), b.paragraph(_p(text))]
    return body


STANDARD_PAGES = [
    {
        "key": "about",
        "title": "O programu URBACT",
        "slug": "o-programu",
        "title_en": "About URBACT",
        "slug_en": "about-urbact",
        "show_in_menus": True,
        "intro": PROGRAMME[0],
        "intro_en": PROGRAMME[1],
        "body": about_body,
    },
    {
        "key": "nup",
        "title": "Nacionalna URBACT točka",
        "slug": "nacionalna-tocka",
        "title_en": "National URBACT Point",
        "slug_en": "national-urbact-point",
        "show_in_menus": True,
        "intro": IPOP[0].split(". ")[0] + ".",
        "intro_en": IPOP[1].split(". ")[0] + ".",
        "body": nup_body,
    },
    {
        "key": "privacy",
        "title": "Varstvo osebnih podatkov",
        "slug": "varstvo-osebnih-podatkov",
        "title_en": "Privacy notice",
        "slug_en": "privacy",
        "show_in_menus": False,
        "intro": "Kako obdelujemo osebne podatke, ki nam jih pošljete prek kontaktnega "
        "obrazca na tem spletnem mestu.",
        "intro_en": "How we process the personal data you send us through the contact form "
        "on this site.",
        "body": privacy_body,
    },
    {
        "key": "accessibility",
        "title": "Izjava o dostopnosti",
        "slug": "izjava-o-dostopnosti",
        "title_en": "Accessibility statement",
        "slug_en": "accessibility",
        "show_in_menus": False,
        "intro": "IPoP – Inštitut za politike prostora si prizadeva, da bi bilo spletno mesto "
        "URBACT Slovenija dostopno v skladu z Zakonom o dostopnosti spletišč in mobilnih "
        "aplikacij (ZDSMA).",
        "intro_en": "IPoP – Institute for Spatial Policies aims to make the URBACT Slovenia "
        "site accessible in line with the Slovenian Act on the Accessibility of Websites and "
        "Mobile Applications (ZDSMA).",
        "body": accessibility_body,
    },
]

# --- Good practice bodies -------------------------------------------------------------------


def practice_body(key, ref, lang):
    sl = lang == "sl"
    if key == "vzpostavitev-nove-platforme-nevladnih-organizacij":
        from .data import NPTI_MUNICIPALITIES as towns

        names = ", ".join(towns[:-1]) + (" in " if sl else " and ") + towns[-1]
        return [
            b.paragraph(
                _p(
                    "Idrija je v obdobju URBACT III sodelovala v omrežju za akcijsko "
                    "načrtovanje CityCentreDoctor."
                    if sl
                    else "During URBACT III, Idrija took part in the CityCentreDoctor Action "
                    "Planning network."
                )
            ),
            b.heading("Prenos v slovenske občine" if sl else "Transfer to Slovenian towns"),
            b.paragraph(
                _p(
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
                _p(
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
            _p(
                "Praksa »Približati meščane županu in mestnim službam« je leta 2017 prejela "
                "oznako dobre prakse URBACT."
                if sl
                else "The practice 'Bringing citizens closer to their mayor and city services' "
                "received the URBACT Good Practice label in 2017."
            )
        ),
    ]


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
                _p(
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
            quote,
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
            b.paragraph(_p(SITE_PURPOSE[i])),
            b.paragraph(
                _p(
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
        from .data import NPTI_MUNICIPALITIES as towns

        names = ", ".join(towns[:-1]) + (" in " if sl else " and ") + towns[-1]
        body = [
            b.paragraph(
                _p(
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
                _p(
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
            quote,
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
                _p(
                    "Omrežje Cities@Heart deluje od 1. junija 2023 do 31. decembra 2025. Vodi ga "
                    "Metropola Veliki Pariz (Francija)."
                    if sl
                    else "The Cities@Heart network runs from 1 June 2023 to 31 December 2025. "
                    "It is led by the Greater Paris Metropolis (France)."
                )
            ),
            b.heading("Partnerji" if sl else "Partners"),
            b.paragraph(
                _p(
                    "Poleg Celja v omrežju sodelujejo Cesena (Italija), Fleurus (Belgija), "
                    "Sligo (Irska), Granada (Španija), Krakov (Poljska), Osijek (Hrvaška) in "
                    "Quadrilatero (Portugalska)."
                    if sl
                    else "Besides Celje, the partners are Cesena (Italy), Fleurus (Belgium), "
                    "Sligo (Ireland), Granada (Spain), Kraków (Poland), Osijek (Croatia) and "
                    "Quadrilatero (Portugal)."
                )
            ),
            quote,
            b.call_to_action(
                "Omrežje Cities@Heart" if sl else "The Cities@Heart network",
                "O omrežju" if sl else "About the network",
                page=ref["network:cities-at-heart"],
            ),
        ]
    if key == "cebelja-pot-in-omrezji-beepathnet":
        return [
            b.paragraph(
                _p(
                    "Čebelja pot je praksa Ljubljane, ki je leta 2017 prejela oznako dobre "
                    "prakse URBACT."
                )
            ),
            b.heading("BeePathNet"),
            b.paragraph(
                _p(
                    "Kot vodilni partner omrežja za prenos BeePathNet je Ljubljana prakso "
                    "prenašala v mesta Cesena (Italija), Bydgoszcz (Poljska), Amarante "
                    "(Portugalska), Hegyvidék – Budimpešta XII (Madžarska) in Nea Propontida "
                    "(Grčija). Druga faza omrežja je trajala od 4. decembra 2018 do 4. decembra "
                    "2020."
                )
            ),
            b.heading("BeePathNet Reloaded"),
            b.paragraph(
                _p(
                    "Med letoma 2021 in 2022 je Ljubljana vodila še omrežje BeePathNet "
                    "Reloaded, v katerem so sodelovala mesta Bansko (Bolgarija), Bergamo "
                    "(Italija), Osijek (Hrvaška) in Sosnowiec (Poljska)."
                )
            ),
            quote,
            b.call_to_action(
                "Dobra praksa Čebelja pot",
                "Preberite več",
                page=ref["practice:cebelja-pot"],
            ),
        ]
    # kako-poteka-prenos-dobrih-praks: generic, about the programme only.
    return [
        b.paragraph(
            _p(
                "Program URBACT podpira prenos dobrih praks za izboljšanje urbanih politik. "
                "Mesto, ki je razvilo uspešno rešitev, jo lahko deli z drugimi, ta pa jo "
                "prilagodijo svojim razmeram."
            )
        ),
        b.heading("Oznaka dobre prakse URBACT"),
        b.paragraph(
            _p(
                "Program prakse mest označuje kot dobre prakse URBACT. Tako sta oznako leta "
                "2017 prejeli ljubljanski praksi Čebelja pot in Pobude meščanov."
            )
        ),
        b.heading("Omrežja za prenos"),
        b.paragraph(
            _p(
                "V omrežjih za prenos mesto z dobro prakso sodeluje s partnerskimi mesti, ki jo "
                "želijo prevzeti. Ljubljana je tako vodila omrežje BeePathNet."
            )
        ),
        b.heading("Prenos na nacionalni ravni"),
        b.paragraph(_p(NPTI[0])),
        quote,
        b.call_to_action(
            "Dobre prakse",
            "Vse dobre prakse",
            text="Oglejte si dobre prakse slovenskih mest.",
            page=ref["practices"],
        ),
    ]
