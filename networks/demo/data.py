"""Verified facts about the networks with Slovenian partners and the good practices
(../shared/seed/facts.md). Nothing here may be invented about a real city, network or
person: the summaries only restate the facts and the seed's teasers.

Keys are stable: a page's Slovene slug under its index page; cities by their slug in the
cities app's demo (ref["city:<slug>"])."""

import datetime

from urbact_portal.programme import Period

from ..choices import NetworkType

LEAD, PARTNER = "lead", "partner"

# The programme's own figures (facts.md, from urbact.eu/slovenija): URBACT III, 9 Slovenian
# cities in 14 networks; URBACT IV, from June 2023, 8 cities in 10 Action Planning Networks.
# The date is that of the URBACT IV figure (June 2023), the later of the two. URBACT II has
# no published count of networks; its four cities are all in the directory.
PROGRAMME_FIGURES = {
    "urbact_iii_cities": 9,
    "urbact_iii_networks": 14,
    "urbact_iv_cities": 8,
    "urbact_iv_networks": 10,
    "urbact_ii_cities": 4,
    "source_name": "urbact.eu/slovenija",
    "source_url": "https://urbact.eu/slovenija",
    "source_date": datetime.date(2023, 6, 1),
}

# lead: the lead partner from abroad, (Slovene name, English name or None, ISO country code),
# or None when the lead partner is a Slovenian participant. participants: the Slovenian
# participants in order, (city slug, role, organisation in Slovene, in English) with the
# organisation None for the municipality itself. partners: the partners from abroad, like
# `lead`. urbact_url: the network's page on urbact.eu (facts.md: urbact.eu/networks/<slug>).
# source: where facts.md has the participation from.
NETWORKS = [
    {
        "slug": "citycentredoctor",
        "urbact_url": "https://urbact.eu/networks/citycentredoctor",
        "source": "facts.md: networks with Slovenian partners",
        "title": "CityCentreDoctor",
        "network_type": NetworkType.ACTION_PLANNING,
        "period": Period.URBACT_III,
        "start_year": 2015,
        "end_year": 2018,
        "lead": ("San Donà di Piave", None, "IT"),
        "partners": [
            ("Amarante", None, "PT"),
            ("Heerlen", None, "NL"),
            ("Medina del Campo", None, "ES"),
            ("Naas", None, "IE"),
            ("Nort-sur-Erdre", None, "FR"),
            ("Petrinja", None, "HR"),
            ("Radlin", None, "PL"),
            ("Valašské Meziříčí", None, "CZ"),
        ],
        "participants": [("idrija", PARTNER, None, None)],
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
        "urbact_url": "https://urbact.eu/networks/2nd-chance",
        "source": "facts.md: networks with Slovenian partners",
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
        ],
        "participants": [("maribor", PARTNER, None, None)],
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
        "urbact_url": "https://urbact.eu/networks/beepathnet",
        "source": "facts.md: networks with Slovenian partners",
        "title": "BeePathNet",
        "network_type": NetworkType.TRANSFER,
        "period": Period.URBACT_III,
        "start_year": 2018,
        "end_year": 2020,
        "lead": None,
        "partners": [
            ("Cesena", None, "IT"),
            ("Bydgoszcz", None, "PL"),
            ("Amarante", None, "PT"),
            ("Hegyvidék – Budimpešta XII", "Hegyvidék – Budapest XII", "HU"),
            ("Nea Propontida", None, "GR"),
        ],
        "participants": [("ljubljana", LEAD, None, None)],
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
        "urbact_url": "https://urbact.eu/networks/beepathnet-reloaded",
        "source": "facts.md: networks with Slovenian partners",
        "title": "BeePathNet Reloaded",
        "network_type": NetworkType.TRANSFER,
        "period": Period.URBACT_III,
        "start_year": 2021,
        "end_year": 2022,
        "lead": None,
        "partners": [
            ("Bansko", None, "BG"),
            ("Bergamo", None, "IT"),
            ("Osijek", None, "HR"),
            ("Sosnowiec", None, "PL"),
        ],
        "participants": [("ljubljana", LEAD, None, None)],
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
        "urbact_url": "https://urbact.eu/networks/playful-paradigm",
        "source": "facts.md: networks with Slovenian partners",
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
        ],
        "participants": [("grosuplje", PARTNER, None, None)],
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
        "urbact_url": "https://urbact.eu/networks/citiesheart",
        "source": "facts.md: networks with Slovenian partners; celjskiglasnik.si",
        "title": "Cities@Heart",
        "network_type": NetworkType.ACTION_PLANNING,
        "period": Period.URBACT_IV,
        "start_year": 2023,
        "end_year": 2025,
        "lead": ("Metropola Veliki Pariz", "Greater Paris Metropolis", "FR"),
        "partners": [
            ("Cesena", None, "IT"),
            ("Fleurus", None, "BE"),
            ("Sligo", None, "IE"),
            ("Granada", None, "ES"),
            ("Krakov", "Kraków", "PL"),
            ("Osijek", None, "HR"),
            ("Quadrilatero", None, "PT"),
        ],
        "participants": [("celje", PARTNER, None, None)],
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
        "urbact_url": "https://urbact.eu/networks/creative-spirits",
        "source": "urbact.eu/networks/creative-spirits",
        "title": "CREATIVE SPIRITS",
        "network_type": NetworkType.IMPLEMENTATION,
        "period": Period.URBACT_III,
        "start_year": 2015,
        "end_year": 2018,
        "lead": ("Újbuda", None, "HU"),
        "partners": [],
        "participants": [("maribor", PARTNER, None, None)],
        "themes": ["governance"],
        "summary": (
            "Partnerska mesta tega omrežja za izvajanje so imela skupno potrebo, da izboljšajo "
            "izvajanje svojih obstoječih celostnih urbanih strategij in akcijskih načrtov, zato "
            "so pri tem sodelovala in si izmenjevala izkušnje. Vodila jih je Újbuda "
            "(Madžarska), iz Slovenije je sodeloval Maribor."
        ),
        "summary_en": (
            "The partner cities of this Implementation network had a common need to improve "
            "the implementation of their existing integrated urban strategies and action "
            "plans, and worked on it together by sharing their experience. Újbuda (Hungary) "
            "led them; Maribor took part from Slovenia."
        ),
        "dates": (
            "Omrežje je delovalo od 15. septembra 2015 do 3. maja 2018.",
            "The network ran from 15 September 2015 to 3 May 2018.",
        ),
    },
    # The further participations of facts.md ("More participations"), URBACT III.
    {
        "slug": "urban-green-labs",
        "urbact_url": "https://urbact.eu/networks/urban-green-labs",
        "source": "urbact.eu/networks/urban-green-labs",
        "title": "Urban Green Labs",
        "network_type": NetworkType.ACTION_PLANNING,
        "period": Period.URBACT_III,
        "start_year": 2015,
        "end_year": 2016,
        "lead": ("Budimpešta, 18. okrožje", "Budapest 18th district", "HU"),
        "partners": [],
        "participants": [("maribor", PARTNER, None, None)],
        "themes": [],
        "summary": (
            "Maribor je bil partner v prvi fazi tega omrežja za akcijsko načrtovanje "
            "(2015–2016), ki ga je vodilo 18. okrožje Budimpešte."
        ),
        "summary_en": (
            "Maribor was a partner in the first phase (2015–2016) of this Action Planning "
            "network, led by Budapest's 18th district."
        ),
        "dates": None,
    },
    {
        "slug": "jobtown-2",
        "urbact_url": "https://urbact.eu/networks/jobtown-2",
        "source": "archive.urbact.eu/ljubljana",
        "title": "JobTown 2",
        "network_type": NetworkType.IMPLEMENTATION,
        "period": Period.URBACT_III,
        "start_year": 2016,
        "end_year": None,
        "lead": ("Thurrock", None, "GB"),
        "partners": [],
        "participants": [("ljubljana", PARTNER, None, None)],
        "themes": [],
        "summary": (
            "Omrežje za izvajanje, ki je začelo delovati leta 2016 pod vodstvom angleškega "
            "Thurrocka. Ljubljana je bila med partnerji."
        ),
        "summary_en": (
            "An Implementation network that started in 2016, led by Thurrock in England. "
            "Ljubljana was among the partners."
        ),
        "dates": None,
    },
    {
        "slug": "re-growcity",
        "urbact_url": "https://urbact.eu/networks/re-growcity",
        "source": "altena.de press releases",
        "title": "Re-growCity",
        "network_type": NetworkType.TRANSFER,
        "period": Period.URBACT_III,
        "start_year": 2018,
        "end_year": 2021,
        "lead": ("Altena", None, "DE"),
        "partners": [],
        "participants": [("idrija", PARTNER, None, None)],
        "themes": [],
        "summary": (
            "Omrežje za prenos pod vodstvom nemške Altene, odobreno 4. aprila 2018, je "
            "delovalo do leta 2021. Iz Slovenije je v njem sodelovala Idrija."
        ),
        "summary_en": (
            "A Transfer network led by Altena (Germany), approved on 4 April 2018 and active "
            "until 2021. Idrija took part from Slovenia."
        ),
        "dates": None,
    },
    {
        "slug": "genderedlandscape",
        "urbact_url": "https://urbact.eu/networks/genderedlandscape",
        "source": "umea.se",
        "title": "GenderedLandscape",
        "network_type": NetworkType.ACTION_PLANNING,
        "period": Period.URBACT_III,
        "start_year": 2019,
        "end_year": 2022,
        "lead": ("Umeå", None, "SE"),
        "partners": [],
        "participants": [("celje", PARTNER, None, None)],
        "themes": [],
        "summary": (
            "Celje je sodelovalo v omrežju za akcijsko načrtovanje, ki ga je vodilo švedsko "
            "mesto Umeå."
        ),
        "summary_en": "Celje took part in this Action Planning network led by Umeå in Sweden.",
        "dates": (
            "Omrežje je delovalo od 2. septembra 2019 do 2. maja 2022.",
            "The network ran from 2 September 2019 to 2 May 2022.",
        ),
    },
    {
        "slug": "food-corridors",
        "urbact_url": "https://urbact.eu/food-corridors",
        "source": "urbact.eu/food-corridors",
        "title": "FOOD CORRIDORS",
        "network_type": NetworkType.ACTION_PLANNING,
        "period": Period.URBACT_III,
        "start_year": 2019,
        "end_year": 2022,
        "lead": ("Regija Coimbra", "Region of Coimbra", "PT"),
        "partners": [],
        "participants": [
            (
                "kranj",
                PARTNER,
                "BSC Kranj, Regionalna razvojna agencija Gorenjske",
                "BSC Kranj, the Gorenjska regional development agency",
            )
        ],
        "themes": [],
        "summary": (
            "Omrežje za akcijsko načrtovanje pod vodstvom portugalske regije Coimbra. "
            "Slovenski partner ni bila občina, temveč BSC Kranj, regionalna razvojna agencija "
            "Gorenjske s sedežem v Kranju."
        ),
        "summary_en": (
            "An Action Planning network led by the Region of Coimbra in Portugal. Its "
            "Slovenian partner was not a municipality but BSC Kranj, the Gorenjska regional "
            "development agency based in Kranj."
        ),
        "dates": (
            "Omrežje je delovalo od 1. septembra 2019 do 15. marca 2022.",
            "The network ran from 1 September 2019 to 15 March 2022.",
        ),
    },
    {
        "slug": "thriving-streets",
        "urbact_url": "https://urbact.eu/networks/thriving-streets",
        "source": "nova-gorica.com (projekti)",
        "title": "Thriving Streets",
        "network_type": NetworkType.ACTION_PLANNING,
        "period": Period.URBACT_III,
        "start_year": 2019,
        "end_year": 2022,
        "lead": ("Parma", None, "IT"),
        "partners": [],
        "participants": [("nova-gorica", PARTNER, None, None)],
        "themes": [],
        "summary": (
            "Nova Gorica je bila partnerica omrežja za akcijsko načrtovanje, ki ga je vodila "
            "Parma (Italija)."
        ),
        "summary_en": (
            "Nova Gorica was a partner of this Action Planning network led by Parma (Italy)."
        ),
        "dates": (
            "Omrežje je delovalo od 2. septembra 2019 do maja 2022.",
            "The network ran from 2 September 2019 to May 2022.",
        ),
    },
    {
        "slug": "urge",
        "urbact_url": "https://urbact.eu/networks/urge",
        "source": "urbact.eu/networks/urge",
        "title": "URGE",
        "network_type": NetworkType.ACTION_PLANNING,
        "period": Period.URBACT_III,
        "start_year": 2019,
        "end_year": 2022,
        "lead": ("Utrecht", None, "NL"),
        "partners": [],
        "participants": [
            (
                "maribor",
                PARTNER,
                "Nigrad d.o.o., mariborsko komunalno podjetje",
                "Nigrad d.o.o., Maribor's public utility",
            )
        ],
        "themes": [],
        "summary": (
            "Omrežje za akcijsko načrtovanje, ki ga je vodil Utrecht (Nizozemska). Iz "
            "Slovenije je sodelovalo mariborsko komunalno podjetje Nigrad d.o.o."
        ),
        "summary_en": (
            "An Action Planning network led by Utrecht (Netherlands). From Slovenia, "
            "Maribor's public utility Nigrad d.o.o. took part."
        ),
        "dates": (
            "Omrežje je delovalo od 1. septembra 2019 do 15. marca 2022.",
            "The network ran from 1 September 2019 to 15 March 2022.",
        ),
    },
    {
        "slug": "iplace",
        "urbact_url": "https://urbact.eu/networks/iplace",
        "source": "Dolenjski list, 25.11.2020",
        "title": "iPlace",
        "network_type": NetworkType.ACTION_PLANNING,
        "period": Period.URBACT_III,
        "start_year": 2019,
        "end_year": 2022,
        "lead": ("Amarante", None, "PT"),
        "partners": [],
        "participants": [("kocevje", PARTNER, None, None)],
        "themes": [],
        "summary": (
            "Kočevje je med letoma 2019 in 2022 sodelovalo v tem omrežju za akcijsko "
            "načrtovanje; vodilni partner je bil portugalski Amarante."
        ),
        "summary_en": (
            "Kočevje took part in this Action Planning network from 2019 to 2022; the lead "
            "partner was Amarante in Portugal."
        ),
        "dates": None,
    },
    # URBACT IV (facts.md: 8 cities in 10 Action Planning Networks; known so far).
    {
        "slug": "breaking-isolation",
        "urbact_url": "https://urbact.eu/networks/breaking-isolation",
        "source": "urbact.eu/networks/breaking-isolation",
        "title": "Breaking Isolation",
        "network_type": NetworkType.ACTION_PLANNING,
        "period": Period.URBACT_IV,
        "start_year": 2023,
        "end_year": 2025,
        "lead": ("Agen", None, "FR"),
        "partners": [],
        "participants": [("skofja-loka", PARTNER, None, None)],
        "themes": [],
        "summary": (
            "Omrežje za akcijsko načrtovanje iz obdobja URBACT IV pod vodstvom francoskega "
            "mesta Agen. Škofja Loka je ena od partneric."
        ),
        "summary_en": (
            "An Action Planning network of URBACT IV led by Agen in France, with Škofja Loka "
            "as one of its partners."
        ),
        "dates": (
            "Omrežje deluje od 1. junija 2023 do 31. decembra 2025.",
            "The network runs from 1 June 2023 to 31 December 2025.",
        ),
    },
    # URBACT II thematic networks (facts.md: four Slovenian cities, urbact.eu "Več o Urbactu").
    {
        "slug": "weed",
        "urbact_url": "https://urbact.eu/networks/weed",
        "source": 'urbact.eu "Več o Urbactu"',
        "title": "WEED",
        "network_type": NetworkType.THEMATIC,
        "period": Period.URBACT_II,
        "start_year": 2008,
        "end_year": 2011,
        "lead": None,
        "partners": [],
        "participants": [("celje", LEAD, None, None)],
        "themes": [],
        "summary": (
            "Tematsko omrežje programa URBACT II, ki ga je med letoma 2008 in 2011 vodilo Celje."
        ),
        "summary_en": "A thematic network of URBACT II, led by Celje from 2008 to 2011.",
        "dates": None,
    },
    {
        "slug": "active-age",
        "urbact_url": "https://urbact.eu/networks/active-age",
        "source": 'urbact.eu "Več o Urbactu"',
        "title": "Active A.G.E.",
        "network_type": NetworkType.THEMATIC,
        "period": Period.URBACT_II,
        "start_year": 2008,
        "end_year": 2011,
        "lead": ("Rim", "Rome", "IT"),
        "partners": [],
        "participants": [("maribor", PARTNER, None, None)],
        "themes": [],
        "summary": (
            "V tem tematskem omrežju (URBACT II, 2008–2011), ki ga je vodil Rim, je "
            "sodeloval Maribor."
        ),
        "summary_en": (
            "Maribor took part in this thematic network (URBACT II, 2008–2011), led by Rome."
        ),
        "dates": None,
    },
    {
        "slug": "fin-urb-act",
        "urbact_url": "https://urbact.eu/networks/fin-urb-act",
        "source": 'urbact.eu "Več o Urbactu"',
        "title": "FIN-URB-ACT",
        "network_type": NetworkType.THEMATIC,
        "period": Period.URBACT_II,
        "start_year": 2010,
        "end_year": 2011,
        "lead": ("Berlin", None, "DE"),
        "partners": [],
        "participants": [("maribor", PARTNER, None, None)],
        "themes": [],
        "summary": (
            "Tematsko omrežje programa URBACT II (2010–2011) pod vodstvom Berlina; Maribor je "
            "bil partner."
        ),
        "summary_en": (
            "A thematic network of URBACT II (2010–2011) led by Berlin, with Maribor as a partner."
        ),
        "dates": None,
    },
    {
        "slug": "my-generation-at-work",
        "urbact_url": "https://urbact.eu/networks/my-generation-at-work",
        "source": 'urbact.eu "Več o Urbactu"',
        "title": "My Generation at Work",
        "network_type": NetworkType.THEMATIC,
        "period": Period.URBACT_II,
        "start_year": 2013,
        "end_year": 2015,
        "lead": ("Rotterdam", None, "NL"),
        "partners": [],
        "participants": [("maribor", PARTNER, None, None)],
        "themes": [],
        "summary": (
            "Tematsko omrežje, ki ga je vodil Rotterdam, je delovalo med letoma 2013 in 2015. "
            "Med partnerji je bil Maribor."
        ),
        "summary_en": (
            "A thematic network led by Rotterdam, active from 2013 to 2015, with Maribor "
            "among its partners."
        ),
        "dates": None,
    },
    {
        "slug": "lumasec",
        "urbact_url": "https://urbact.eu/networks/lumasec",
        "source": 'urbact.eu "Več o Urbactu"',
        "title": "LUMASEC",
        "network_type": NetworkType.THEMATIC,
        "period": Period.URBACT_II,
        "start_year": 2008,
        "end_year": 2010,
        "lead": ("Karlsruhe", None, "DE"),
        "partners": [],
        "participants": [("ljubljana", PARTNER, "Univerza v Ljubljani", "University of Ljubljana")],
        "themes": [],
        "summary": (
            "Tematsko omrežje programa URBACT II pod vodstvom Karlsruheja (2008–2010). "
            "Ljubljana je v njem sodelovala prek svoje univerze."
        ),
        "summary_en": (
            "A thematic network of URBACT II led by Karlsruhe (2008–2010). Ljubljana took "
            "part through its university."
        ),
        "dates": None,
    },
    {
        "slug": "active-travel-network",
        "urbact_url": "https://urbact.eu/networks/active-travel-network",
        "source": 'urbact.eu "Več o Urbactu"',
        "title": "Active Travel Network",
        "network_type": NetworkType.THEMATIC,
        "period": Period.URBACT_II,
        "start_year": 2009,
        "end_year": 2012,
        "lead": ("Weiz", None, "AT"),
        "partners": [],
        "participants": [("ljutomer", PARTNER, None, None)],
        "themes": [],
        "summary": (
            "Ljutomer je med letoma 2009 in 2012 sodeloval v tem tematskem omrežju, ki ga je "
            "vodil avstrijski Weiz."
        ),
        "summary_en": (
            "Ljutomer took part in this thematic network from 2009 to 2012; it was led by "
            "Weiz in Austria."
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
        # facts.md names no address of the practice itself: the page of its network.
        "urbact_url": "https://urbact.eu/networks/citycentredoctor",
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
        # facts.md names no address of the practice itself: the page of its network.
        "urbact_url": "https://urbact.eu/networks/beepathnet",
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
        # No network and no address of the practice in facts.md: the country page.
        "urbact_url": "https://urbact.eu/slovenija",
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
