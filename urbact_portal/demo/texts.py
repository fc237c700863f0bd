"""Texts of the core's demo pages: the seed's home page texts (urbact-si-homepage.txt), the
standard pages, the contact page and the site settings, in Slovene and English; and the
programme facts the apps' demo texts quote.

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


# --- Home page ----------------------------------------------------------------------------

HOME = {
    "title": "URBACT Slovenija",
    "title_en": "URBACT Slovenia",
    "hero_heading": "Program URBACT",
    "hero_heading_en": "The URBACT programme",
    "hero_intro": b.p(PROGRAMME[0] + " " + PROGRAMME_MORE[0]) + b.p(SITE_PURPOSE[0]),
    "hero_intro_en": b.p(PROGRAMME[1] + " " + PROGRAMME_MORE[1]) + b.p(SITE_PURPOSE[1]),
    "slovenia_heading": "URBACT v Sloveniji",
    "slovenia_heading_en": "URBACT in Slovenia",
    "slovenia_text": b.p(NPTI[0]) + b.p(NUP_ROLE[0]),
    "slovenia_text_en": b.p(NPTI[1]) + b.p(NUP_ROLE[1]),
    "nup_heading": "Nacionalna URBACT točka",
    "nup_heading_en": "National URBACT Point",
    "nup_text": b.p(IPOP[0]),
    "nup_text_en": b.p(IPOP[1]),
}

FOOTER = (
    "Nacionalno URBACT točko za Slovenijo vodi IPoP – Inštitut za politike prostora.",
    "The National URBACT Point for Slovenia is run by IPoP – Institute for Spatial Policies.",
)

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
        b.p(
            "Glavne teme obdobja URBACT IV so fizični razvoj mest, okolje, upravljanje, "
            "vključevanje in gospodarstvo. Prečne teme, ki zadevajo vse omrežja, so zeleni "
            "prehod, enakost spolov in digitalni prehod."
        )
        if sl
        else b.p(
            "The main themes of URBACT IV are physical urban development, environment, "
            "governance, inclusion and economy. Its cross-cutting themes, which concern every "
            "network, are green, gender and digital."
        )
    )
    body = [
        b.paragraph(b.p(PROGRAMME_MORE[i])),
        b.heading("Programska obdobja" if sl else "Programme periods"),
        b.paragraph(b.bullets(periods)),
        b.heading("Vrste omrežij" if sl else "Types of network"),
        b.paragraph(
            b.p(
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
        b.paragraph(
            b.p(NUP_ROLE[i])
            # Not the NUP page's own sentence (demo texts do not repeat one another).
            + b.p(
                "Za Slovenijo je nacionalna točka IPoP – Inštitut za politike prostora."
                if i == 0
                else "For Slovenia, the National URBACT Point is IPoP – Institute for Spatial "
                "Policies."
            )
        ),
    ]
    networks = ref.get("networks")  # the networks app's listing, when it is installed
    if networks:
        body.append(
            b.call_to_action(
                "Slovenska mesta v omrežjih URBACT"
                if sl
                else "Slovenian cities in URBACT networks",
                "Omrežja" if sl else "Networks",
                text="Preglejte omrežja, v katerih sodelujejo ali so sodelovala slovenska mesta."
                if sl
                else "See the networks in which Slovenian cities take or have taken part.",
                page=networks,
            )
        )
    return body


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
            b.p(
                "V programu URBACT delujejo nacionalne točke (National URBACT Point – NUP). "
                "Njihove naloge so:"
                if sl
                else "The URBACT programme has National URBACT Points (NUP). Their tasks are:"
            )
            + b.bullets(NUP_TASKS[i])
        ),
        b.heading(ORGANISATION[i]),
        b.paragraph(b.p(IPOP[i])),
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
        body += [b.heading(title), b.paragraph(b.p(text))]
    return body


# The accessibility statement follows the structure the Slovenian act (ZDSMA) and the EU model
# statement (Commission Implementing Decision (EU) 2018/1523) require: the compliance status,
# the content that is not accessible, how and when the statement was prepared, the feedback
# contact, the enforcement procedure and the date of the last review.
ACCESSIBILITY_DATE = ("1. decembra 2026", "1 December 2026")
ENFORCEMENT_EMAIL = "gp.irsid@gov.si"
ENFORCEMENT_REPORT_URL = (
    "https://e-uprava.gov.si/si/podrocja/drzava-druzba/inspekcijski-postopki/"
    "prijava-krsitev-inspektoratu-za-informacijsko-druzbo.html"
)


def _list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def accessibility_body(ref, lang):
    enforcement_mail = f'<a href="mailto:{ENFORCEMENT_EMAIL}">{ENFORCEMENT_EMAIL}</a>'
    if lang == "sl":
        date = ACCESSIBILITY_DATE[0]
        sections = [
            (
                "Stopnja skladnosti",
                b.p(
                    "Izjava velja za spletišče URBACT Slovenija. Spletišče je delno skladno z "
                    "Zakonom o dostopnosti spletišč in mobilnih aplikacij (ZDSMA) in s "
                    "standardom SIST EN 301 549 V3.2.1, na katerega se zakon sklicuje, zaradi "
                    "izjem, naštetih v naslednjem razdelku. Strani so zasnovane po smernicah "
                    "WCAG 2.2 na ravni AA: jasna zgradba naslovov in mejnikov, povezava za "
                    "preskok na vsebino, viden fokus, opisana polja obrazcev, besedilni opisi "
                    "slik, zadosten barvni kontrast in delovanje brez JavaScripta."
                ),
            ),
            (
                "Nedostopna vsebina",
                b.p("Te vsebine niso ali morda niso v celoti dostopne:")
                + _list(
                    [
                        "dokumenti drugih organizacij, ki jih objavljamo kot priloge (na "
                        "primer poročila omrežij v obliki PDF), niso vsi opremljeni za "
                        "bralnike zaslona (neskladnost z ZDSMA); na zahtevo vam vsebino "
                        "pošljemo v dostopni obliki;",
                        "deli besedil na angleški različici spletišča so lahko v slovenščini, "
                        "kjer prevod še ni pripravljen; taki deli so označeni kot slovensko "
                        "besedilo, da jih bralniki zaslona preberejo pravilno;",
                        "spletišče nima vsebin v slovenskem znakovnem jeziku.",
                    ]
                )
                + b.p(
                    "Na nesorazmerno breme se ne sklicujemo. Za vsebine zunanjih spletišč, na "
                    "katera vodijo povezave (na primer urbact.eu), ta izjava ne velja."
                ),
            ),
            (
                "Priprava izjave",
                b.p(
                    f"Izjava je bila pripravljena {date}. Pripravili smo jo s samooceno: s "
                    "samodejnimi preizkusi strani v brskalniku in z ročnim pregledom uporabe "
                    "s tipkovnico, pri povečavi besedila in z bralnikom zaslona."
                ),
            ),
            (
                "Povratne informacije in kontakt",
                b.p(
                    "Če na spletišču naletite na vsebino, ki vam ni dostopna, ali želite "
                    f"informacijo v drugi obliki, nam pišite na {MAILTO}. Navedite stran in "
                    "vsebino, pri kateri ste naleteli na težavo. Odgovorili vam bomo v osmih "
                    "dneh; če v tem roku ne bo mogoče, vam sporočimo, kdaj in zakaj kasneje."
                ),
            ),
            (
                "Izvršilni postopek",
                b.p(
                    "Če z odgovorom niste zadovoljni ali ga v osmih dneh ne prejmete, lahko "
                    "vložite prijavo pri Inšpektoratu Republike Slovenije za informacijsko "
                    "družbo (Inšpektorat za informacijsko družbo), Davčna ulica 1, 1000 "
                    f"Ljubljana, {enforcement_mail}, ali "
                    f'<a href="{ENFORCEMENT_REPORT_URL}">prek portala eUprava</a>.'
                ),
            ),
            ("Datum pregleda", b.p(f"Izjava je bila nazadnje pregledana {date}.")),
        ]
    else:
        date = ACCESSIBILITY_DATE[1]
        sections = [
            (
                "Compliance status",
                b.p(
                    "This statement applies to the URBACT Slovenia website. The site is "
                    "partially compliant with the Slovenian Act on the Accessibility of "
                    "Websites and Mobile Applications (ZDSMA) and with the SIST EN 301 549 "
                    "V3.2.1 standard the act refers to, because of the exceptions listed in "
                    "the next section. Its pages are built to the WCAG 2.2 guidelines at "
                    "level AA: a clear structure of headings and landmarks, a skip link, a "
                    "visible focus, labelled form fields, text alternatives for images, "
                    "sufficient colour contrast, and pages that work without JavaScript."
                ),
            ),
            (
                "Non-accessible content",
                b.p("The following content is not, or may not be, fully accessible:")
                + _list(
                    [
                        "documents of other organisations that we publish as attachments "
                        "(such as network reports in PDF) are not all prepared for screen "
                        "readers (non-compliance with the ZDSMA); on request we send you "
                        "their content in an accessible form;",
                        "parts of the English version may be in Slovene where a translation "
                        "is not ready yet; such parts are marked as Slovene text so that "
                        "screen readers read them correctly;",
                        "the site has no content in Slovenian Sign Language.",
                    ]
                )
                + b.p(
                    "We do not claim a disproportionate burden. This statement does not cover "
                    "the external sites we link to (such as urbact.eu)."
                ),
            ),
            (
                "Preparation of this statement",
                b.p(
                    f"This statement was prepared on {date}, by self-assessment: automated "
                    "accessibility tests of the pages in a browser and a manual review of "
                    "their use with a keyboard, with enlarged text and with a screen reader."
                ),
            ),
            (
                "Feedback and contact details",
                b.p(
                    "If you come across content you cannot access, or you need information in "
                    f"another format, write to {MAILTO}. Tell us the page and the content you "
                    "had the problem with. We reply within eight days; if that is not "
                    "possible, we tell you when and why we will reply later."
                ),
            ),
            (
                "Enforcement procedure",
                b.p(
                    "If you are not satisfied with our reply, or receive none within eight "
                    "days, you may file a report with the Information Society Inspectorate of "
                    "the Republic of Slovenia (Inšpektorat za informacijsko družbo), Davčna "
                    f"ulica 1, 1000 Ljubljana, {enforcement_mail}, or "
                    f'<a href="{ENFORCEMENT_REPORT_URL}">through the eUprava portal</a> '
                    "(in Slovene)."
                ),
            ),
            ("Date of review", b.p(f"This statement was last reviewed on {date}.")),
        ]
    body = []
    for title, html in sections:
        body += [b.heading(title), b.paragraph(html)]
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
