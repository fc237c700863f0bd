"""Verified facts about the networks with Slovenian partners and the good practices
(../shared/seed/facts.md). Nothing here may be invented about a real city, network or
person: the summaries only restate the facts and the seed's teasers.

Keys are stable: a page's Slovene slug under its index page; cities by their slug in the
cities app's demo (ref["city:<slug>"])."""

from urbact_portal.programme import Period

from ..choices import NetworkType

# Partner: (Slovene name, English name or None, ISO country code). A Slovenian partner is
# linked to its city page by name.
NETWORKS = [
    {
        "slug": "citycentredoctor",
        "title": "CityCentreDoctor",
        "network_type": NetworkType.ACTION_PLANNING,
        "period": Period.URBACT_III,
        "start_year": 2015,
        "end_year": 2018,
        "lead": ("San Donà di Piave", None, "IT"),
        "partners": [
            ("Amarante", None, "PT"),
            ("Heerlen", None, "NL"),
            ("Idrija", None, "SI"),
            ("Medina del Campo", None, "ES"),
            ("Naas", None, "IE"),
            ("Nort-sur-Erdre", None, "FR"),
            ("Petrinja", None, "HR"),
            ("Radlin", None, "PL"),
            ("Valašské Meziříčí", None, "CZ"),
        ],
        "cities": ["idrija"],
        "themes": ["physical-urban-development"],
        "summary": (
            "Mesta tega omrežja za akcijsko načrtovanje so se lotila izziva, kako prepoznati "
            "urbane težave svojih mestnih središč, analizirati zaznave in dejansko stanje teh "
            "težav ter načrtovati, kako središča znova oživiti. Omrežje je vodilo mesto "
            "San Donà di Piave (Italija), iz Slovenije je sodelovala Idrija."
        ),
        "summary_en": (
            "The cities of this Action Planning network were challenged to identify the "
            "urban issues related to their city centre, analyse perceptions and reality of "
            "those issues and plan how to bring their centres back to life. The network was "
            "led by San Donà di Piave (Italy); Idrija took part from Slovenia."
        ),
        "dates": (
            "Omrežje je delovalo od 15. septembra 2015 do 3. maja 2018.",
            "The network ran from 15 September 2015 to 3 May 2018.",
        ),
    },
    {
        "slug": "2nd-chance",
        "title": "2nd Chance",
        "network_type": NetworkType.ACTION_PLANNING,
        "period": Period.URBACT_III,
        "start_year": 2015,
        "end_year": 2018,
        "lead": ("Neapelj", "Naples", "IT"),
        "partners": [
            ("Liverpool", None, "GB"),
            ("Lublin", None, "PL"),
            ("Gijón", None, "ES"),
            ("Dubrovnik", None, "HR"),
            ("Genova", "Genoa", "IT"),
            ("Chemnitz", None, "DE"),
            ("Bruselj", "Brussels", "BE"),
            ("Caen", None, "FR"),
            ("Porto", None, "PT"),
            ("Maribor", None, "SI"),
        ],
        "cities": ["maribor"],
        "themes": [],
        "summary": (
            "Omrežje za akcijsko načrtovanje iz obdobja URBACT III, ki je delovalo med letoma "
            "2015 in 2018. Vodilo ga je mesto Neapelj (Italija), iz Slovenije je sodeloval "
            "Maribor."
        ),
        "summary_en": (
            "An Action Planning network of the URBACT III period, active from 2015 to 2018. "
            "It was led by Naples (Italy); Maribor took part from Slovenia."
        ),
        "dates": None,
    },
    {
        "slug": "beepathnet",
        "title": "BeePathNet",
        "network_type": NetworkType.TRANSFER,
        "period": Period.URBACT_III,
        "start_year": 2018,
        "end_year": 2020,
        "lead": ("Ljubljana", None, "SI"),
        "partners": [
            ("Cesena", None, "IT"),
            ("Bydgoszcz", None, "PL"),
            ("Amarante", None, "PT"),
            ("Hegyvidék – Budimpešta XII", "Hegyvidék – Budapest XII", "HU"),
            ("Nea Propontida", None, "GR"),
        ],
        "cities": ["ljubljana"],
        "themes": ["environment"],
        "summary": (
            "Omrežje za prenos iz obdobja URBACT III, ki ga je vodila Ljubljana. Prek njega je "
            "Ljubljana svojo prakso Čebelja pot, ki je leta 2017 prejela oznako dobre prakse "
            "URBACT, prenašala v partnerska mesta Cesena, Bydgoszcz, Amarante, Hegyvidék "
            "(Budimpešta) in Nea Propontida."
        ),
        "summary_en": (
            "A Transfer network of the URBACT III period led by Ljubljana, through which "
            "Ljubljana transferred its Bee Path practice, an URBACT Good Practice since 2017, "
            "to its partner cities Cesena, Bydgoszcz, Amarante, Hegyvidék (Budapest) and "
            "Nea Propontida."
        ),
        "dates": (
            "Druga faza omrežja je trajala od 4. decembra 2018 do 4. decembra 2020.",
            "The network's second phase ran from 4 December 2018 to 4 December 2020.",
        ),
    },
    {
        "slug": "beepathnet-reloaded",
        "title": "BeePathNet Reloaded",
        "network_type": NetworkType.TRANSFER,
        "period": Period.URBACT_III,
        "start_year": 2021,
        "end_year": 2022,
        "lead": ("Ljubljana", None, "SI"),
        "partners": [
            ("Bansko", None, "BG"),
            ("Bergamo", None, "IT"),
            ("Osijek", None, "HR"),
            ("Sosnowiec", None, "PL"),
        ],
        "cities": ["ljubljana"],
        "themes": ["environment"],
        "summary": (
            "Omrežje za prenos iz obdobja URBACT III, ki ga je med letoma 2021 in 2022 vodila "
            "Ljubljana. Sodelovala so mesta Bansko (Bolgarija), Bergamo (Italija), Osijek "
            "(Hrvaška) in Sosnowiec (Poljska)."
        ),
        "summary_en": (
            "A Transfer network of the URBACT III period, led by Ljubljana from 2021 to 2022, "
            "with Bansko (Bulgaria), Bergamo (Italy), Osijek (Croatia) and Sosnowiec (Poland)."
        ),
        "dates": None,
    },
    {
        "slug": "playful-paradigm-2",
        "title": "Playful Paradigm (2. krog)",
        "title_en": "Playful Paradigm (2nd round)",
        "network_type": NetworkType.TRANSFER,
        "period": Period.URBACT_III,
        "start_year": 2021,
        "end_year": 2022,
        "lead": ("Udine", None, "IT"),
        "partners": [
            ("Igualada", None, "ES"),
            ("Jelgava", None, "LV"),
            ("Lousã", None, "PT"),
            ("Grosuplje", None, "SI"),
        ],
        "cities": ["grosuplje"],
        "themes": [],
        "summary": (
            "Drugi krog omrežja za prenos Playful Paradigm iz obdobja URBACT III je potekal od "
            "junija 2021 do decembra 2022. Vodilo ga je mesto Udine (Italija), sodelovala so "
            "še Igualada (Španija), Jelgava (Latvija), Lousã (Portugalska) in Grosuplje."
        ),
        "summary_en": (
            "The second round of the Playful Paradigm Transfer network (URBACT III) ran from "
            "June 2021 to December 2022. It was led by Udine (Italy), with Igualada (Spain), "
            "Jelgava (Latvia), Lousã (Portugal) and Grosuplje (Slovenia)."
        ),
        "dates": None,
    },
    {
        "slug": "cities-at-heart",
        "title": "Cities@Heart",
        "network_type": NetworkType.ACTION_PLANNING,
        "period": Period.URBACT_IV,
        "start_year": 2023,
        "end_year": 2025,
        "lead": ("Metropola Veliki Pariz", "Greater Paris Metropolis", "FR"),
        "partners": [
            ("Celje", None, "SI"),
            ("Cesena", None, "IT"),
            ("Fleurus", None, "BE"),
            ("Sligo", None, "IE"),
            ("Granada", None, "ES"),
            ("Krakov", "Kraków", "PL"),
            ("Osijek", None, "HR"),
            ("Quadrilatero", None, "PT"),
        ],
        "cities": ["celje"],
        "themes": [],
        "summary": (
            "Omrežje za akcijsko načrtovanje iz obdobja URBACT IV, ki je delovalo od 1. junija "
            "2023 do 31. decembra 2025. Vodila ga je Metropola Veliki Pariz (Francija), iz "
            "Slovenije je sodelovalo mesto Celje."
        ),
        "summary_en": (
            "An Action Planning network of the URBACT IV period, active from 1 June 2023 to "
            "31 December 2025. It was led by the Greater Paris Metropolis (France); Celje "
            "took part from Slovenia."
        ),
        "dates": (
            "Omrežje je delovalo od 1. junija 2023 do 31. decembra 2025.",
            "The network ran from 1 June 2023 to 31 December 2025.",
        ),
    },
    {
        # Only the seed's teaser is known: no lead, no partners, no years.
        "slug": "creative-spirits",
        "title": "CREATIVE SPIRITS",
        "network_type": NetworkType.IMPLEMENTATION,
        "period": Period.URBACT_III,
        "start_year": None,
        "end_year": None,
        "lead": None,
        "partners": [],
        "cities": [],
        "themes": ["governance"],
        "summary": (
            "Partnerska mesta tega omrežja za izvajanje so imela skupno potrebo, da izboljšajo "
            "izvajanje svojih obstoječih celostnih urbanih strategij in akcijskih načrtov, zato "
            "so pri tem sodelovala in si izmenjevala izkušnje. Omrežje je delovalo v obdobju "
            "URBACT III."
        ),
        "summary_en": (
            "The partner cities of this Implementation network had a common need to improve "
            "the implementation of their existing integrated urban strategies and action "
            "plans, and worked on it together by sharing their experience. The network was "
            "part of the URBACT III period."
        ),
        "dates": None,
    },
]

GOOD_PRACTICES = [
    {
        "slug": "vzpostavitev-nove-platforme-nevladnih-organizacij",
        "title": "Vzpostavitev nove platforme nevladnih organizacij",
        "title_en": "Creation of a new NGO platform",
        "slug_en": "creation-of-a-new-ngo-platform",
        "city": "idrija",
        "city_name": "Idrija",
        "country": "SI",
        "network": "citycentredoctor",
        "label_year": None,
        "themes": ["governance", "participative-governance"],
        "summary": (
            "Novo »mestno dnevno sobo«, ki jo je občina uredila v prazni stavbi, soustvarjajo "
            "vodstvo mestne uprave, dejavni občani ter socialne in druge nevladne organizacije. "
            "Idrija je prakso prilagodila po zgledu platforme Stellwerk iz nemškega mesta Altena."
        ),
        "summary_en": (
            "The new 'Towns' Living Room', established by the municipality in a vacant "
            "building, involves the heads of the city administration, active citizens, social "
            "and other non-governmental organisations. Idrija adapted the practice from the "
            "Stellwerk platform of Altena (Germany)."
        ),
    },
    {
        "slug": "cebelja-pot",
        "title": "Čebelja pot",
        "title_en": "Bee Path",
        "slug_en": "bee-path",
        "city": "ljubljana",
        "city_name": "Ljubljana",
        "country": "SI",
        "network": "beepathnet",
        "label_year": 2017,
        "themes": ["environment"],
        "summary": (
            "Čebelja pot je praksa Ljubljane, ki je leta 2017 prejela oznako dobre prakse "
            "URBACT. Ljubljana jo je kot vodilni partner omrežja za prenos BeePathNet "
            "prenašala v partnerska mesta."
        ),
        "summary_en": (
            "Bee Path is a Ljubljana practice that received the URBACT Good Practice label in "
            "2017. As lead partner of the BeePathNet Transfer network, Ljubljana transferred "
            "it to its partner cities."
        ),
    },
    {
        "slug": "pobude-mescanov",
        "title": "Pobude meščanov",
        "title_en": "Citizens' Initiatives",
        "slug_en": "citizens-initiatives",
        "city": "ljubljana",
        "city_name": "Ljubljana",
        "country": "SI",
        "network": None,
        "label_year": 2017,
        "themes": ["governance", "participative-governance"],
        "summary": (
            "Praksa Ljubljane, ki meščane približuje županu in mestnim službam. Leta 2017 je "
            "prejela oznako dobre prakse URBACT."
        ),
        "summary_en": (
            "Bringing citizens closer to their mayor and city services: a Ljubljana practice "
            "that received the URBACT Good Practice label in 2017."
        ),
    },
]
