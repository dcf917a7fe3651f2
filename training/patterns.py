"""Hand-written reference patterns that no CSL style prints, with their labels.

Everything here is invented for refkit: names, titles and journals are made up (any likeness to a
real reference is chance). ``generate(rng, n)`` fills the templates with random parts;
``HANDWRITTEN`` are complete labelled references written out by hand.
"""

from __future__ import annotations

import random

FAMILIES = """Okonkwo Haddad Lindqvist Moreau Takahashi Kowalczyk Fernández Nguyen Petrov Mahmoudi Schneider
O'Sullivan Rossi Abebe Kim Chatterjee Novak Dubois Yilmaz Hosseini Johansson Costa Wiśniewski Müller
Papadopoulos Mensah Tanaka Eriksen Bauer Horvath Jansen Silva Ivanova Zhang Rahman Gallo Adeyemi Larsen
Karimi Okafor Sato Brennan Marchetti Vasquez Hoffmann Nakamura Ruiz Kovačević Lefebvre Pereira Andersson
Banerjee Whitfield Castellano Oyelaran Fitzgerald Desrosiers Albrecht Mohammadzadeh Lundgren Aguilar""".split()
GIVENS = """Amara Jonas Ingrid Léa Hiroshi Marta Pablo Linh Dmitri Reza Katrin Siobhan Giulia Tesfaye Min-jun
Priya Tomas Camille Emre Leila Nils Beatriz Agnieszka Lukas Eleni Kwame Yuki Henrik Sabine Zoltan Maarten
Rafael Olga Wei Farhana Matteo Chidi Astrid Mehdi Ngozi Kenji Aoife Federica Diego Annika Sunil Claire
Hamid Paulo Ewa Thomas Sarah David Maria John Elizabeth Robert Anne""".split()
PARTICLE_FAMILIES = ["van der Meer", "de la Cruz", "von Albrecht", "van den Broek", "di Stefano", "da Silva",
                     "de Vries", "le Roux", "ter Horst", "dos Santos"]
TITLE_WORDS = """adaptive networks coastal erosion memory urban migration soil microbial community protein
folding narrative identity climate policy rural health outcomes early modern trade market power language
acquisition bilingual children river basin governance machine translation quantum transport thin films
medieval manuscripts labour unions digital archives sleep quality adolescents wind energy forecasting
gene expression heritage tourism public debt inflation expectations postcolonial fiction visual attention
ocean acidification coral reefs teacher education mobile learning religious minorities carbon pricing""".split()
TITLE_FRAMES = [
    "{A} and {B} in {C}", "The {A} of {B}: {C} and {D}", "On the {A} of {B}", "{A} {B}: A {C} Study",
    "Towards a {A} of {B} {C}", "{A}, {B} and the {C} of {D}", "Rethinking {A} {B}", "A {A} Approach to {B} {C}",
    "{A} {B} revisited: evidence from {C}", "Why {A} {B} matters", "{A} of {B} {C} under {D}",
]
JOURNALS = ["Journal of Comparative Ecology", "Review of Applied Linguistics", "Annals of Coastal Studies",
            "Quarterly Journal of Labour History", "European Journal of Urban Planning",
            "Acta Neurologica Borealis", "Zeitschrift für vergleichende Kulturforschung",
            "Revue d'histoire des sciences sociales", "Int. J. Soil Biol.", "J. Appl. Quantum Mater.",
            "Bulletin of Maritime Archaeology", "Transactions on Adaptive Systems",
            "Iranian Journal of Nursing Research", "Studies in Medieval Manuscripts", "Ann. Rural Health"]
PUBLISHERS = ["Northgate University Press", "Halvorsen & Kline", "Meridian Books", "Éditions du Quai",
              "Verlag Lindenhof", "Academic Harbour Publishers", "Blue Heron Press", "Tehran University Press",
              "Editorial Albero", "Springfield Academic", "Institute for Regional Studies"]
PLACES = ["London", "New York", "Paris", "Berlin", "Tehran", "Toronto", "Madrid", "Leiden", "Boston, MA",
          "Oxford", "Cambridge, MA", "Lagos", "Stockholm", "Tokyo", "Melbourne", "Frankfurt am Main"]
LANG_NOTES = ["[in Persian]", "[in Russian]", "(in Hebrew)", "[in Turkish]", "(in Japanese)", "[in Chinese]",
              "(In German)", "[in Arabic]"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _name(rng: random.Random, style: str) -> str:
    fam = rng.choice(PARTICLE_FAMILIES) if rng.random() < 0.08 else rng.choice(FAMILIES)
    giv = rng.choice(GIVENS)
    if rng.random() < 0.2:
        giv += " " + rng.choice(GIVENS)
    ini = " ".join(p[0] + "." for p in giv.replace("-", " ").split())
    if style == "inv":
        return f"{fam}, {giv}"
    if style == "inv-ini":
        return f"{fam}, {ini}"
    if style == "nat":
        return f"{giv} {fam}"
    if style == "nat-ini":
        return f"{ini} {fam}"
    return f"{fam} {ini.replace('.', '').replace(' ', '')}"  # Vancouver "Haddad AJ"


def names(rng: random.Random, k: int | None = None, style: str | None = None) -> str:
    k = k or rng.choice([1, 1, 2, 2, 3, 4])
    style = style or rng.choice(["inv", "inv-ini", "nat", "nat-ini", "van"])
    ns = [_name(rng, style if i == 0 or style != "inv" else rng.choice(["nat", "inv"])) for i in range(k)]
    if style == "van":
        out = ", ".join(ns)
        return out + (", et al." if rng.random() < 0.2 else ".")
    if k == 1:
        return ns[0]
    if rng.random() < 0.15:
        return ns[0] + " et al."
    conj = rng.choice([" and ", " & ", ", and "])
    return ", ".join(ns[:-1]) + conj + ns[-1]


def title(rng: random.Random) -> str:
    ws = rng.sample(TITLE_WORDS, 4)
    t = rng.choice(TITLE_FRAMES).format(A=ws[0], B=ws[1], C=ws[2], D=ws[3])
    return t[0].upper() + t[1:]


def wrap_hyphen(rng: random.Random, s: str) -> str:
    """Break one long word like a PDF line wrap: 'migration' -> 'migra- tion'."""
    words = s.split(" ")
    longs = [i for i, w in enumerate(words) if len(w) >= 8 and w.isalpha()]
    if not longs:
        return s
    i = rng.choice(longs)
    w = words[i]
    cut = rng.randint(3, len(w) - 3)
    words[i] = w[:cut] + "- " + w[cut:]
    return " ".join(words)


def _end(s: str, p: str = ".") -> str:
    return s if s.endswith((".", "?", "!")) else s + p


def generate(rng: random.Random, n: int) -> list[list[list[str]]]:
    """``n`` labelled references (segment lists) from the templates below."""
    out = []
    prev_author = None
    for _ in range(n):
        kind = rng.choice(["translated", "lang", "online", "dash", "wrap", "vancouver", "ieee", "german",
                           "french", "report", "thesis", "isbn", "parenpub"])
        year = str(rng.randint(1950, 2024))
        au = names(rng)
        ti = title(rng)
        jo = rng.choice(JOURNALS)
        vol, iss = str(rng.randint(1, 120)), str(rng.randint(1, 12))
        p1 = rng.randint(1, 900)
        pages = f"{p1}–{p1 + rng.randint(2, 40)}"
        pub, place = rng.choice(PUBLISHERS), rng.choice(PLACES)
        segs: list[list[str]] = []
        if kind == "translated":
            tr = names(rng, 1, rng.choice(["nat", "nat-ini"]))
            lead = rng.choice(["Translated by ", "Trans. ", "trans. ", "Translated from the French by ",
                               "Übers. v. "])
            segs = [["author", _end(au)], ["title", _end(ti)], ["translator", lead + tr + "."],
                    ["location", place + ":"], ["publisher", pub + ","], ["date", year + "."]]
            if rng.random() < 0.5:
                segs = [["author", _end(au)], ["date", f"({year})."], ["title", _end(ti)],
                        ["translator", f"({tr}, Trans.)."], ["location", place + ":"], ["publisher", pub + "."]]
        elif kind == "lang":
            note = rng.choice(LANG_NOTES)
            segs = [["author", _end(au)], ["date", f"({year})."], ["title", ti], ["note", note + "."],
                    ["journal", jo + ","], ["volume", f"{vol}({iss}),"], ["pages", pages + "."]]
            if rng.random() < 0.4:
                segs = [["author", _end(au)], ["date", year + "."], ["title", _end(ti)],
                        ["location", place + ":"], ["publisher", pub + "."], ["note", note]]
        elif kind == "online":
            host = rng.choice(["www.example-institute.org", "data.city-observatory.net", "www.heritage-lab.eu",
                               "reports.coastwatch.info"])
            url = f"https://{host}/{rng.choice(['pub', 'reports', 'docs'])}/{rng.randint(100, 9999)}"
            acc = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2010, 2024)}"
            lead = rng.choice(["Available at:", "Available at", "Available from:", "Retrieved from", "URL:",
                               "Online:"])
            segs = [["author", _end(au)], ["date", f"({year})."], ["title", _end(ti)], ["note", lead],
                    ["url", url]]
            segs.append(["note", rng.choice([f"(Accessed on: {acc}).", f"[Accessed {acc}].",
                                             f"(accessed {acc})", f"Accessed {acc}."])])
        elif kind == "dash":
            if prev_author is None:
                prev_author = au
            dash = rng.choice(["———.", "——.", "---.", "———,", "—— ."])
            segs = [["author", dash], ["date", f"({year})."], ["title", _end(ti)], ["location", place + ":"],
                    ["publisher", pub + "."]]
        elif kind == "wrap":
            segs = [["author", _end(au)], ["date", f"({year})."], ["title", _end(wrap_hyphen(rng, ti))],
                    ["journal", wrap_hyphen(rng, jo) + ","], ["volume", f"{vol}({iss}),"],
                    ["pages", pages.replace("–", rng.choice(["- ", "–", " – "])) + "."]]
        elif kind == "vancouver":
            segs = [["citation-number", f"{rng.randint(1, 99)}."], ["author", names(rng, style="van")],
                    ["title", _end(ti)], ["journal", jo.replace("Journal", "J") + "."],
                    ["date", f"{year};"], ["volume", f"{vol}({iss}):"], ["pages", f"{p1}-{p1 + 9}."]]
            if rng.random() < 0.4:
                segs.append(["doi", f"doi:10.{rng.randint(1000, 9999)}/{rng.choice(['abc', 'jx', 'r'])}"
                                    f".{year}.{rng.randint(10, 999)}"])
        elif kind == "ieee":
            segs = [["citation-number", f"[{rng.randint(1, 99)}]"], ["author", names(rng, style="nat-ini") + ","],
                    ["title", f"“{ti},”"], ["journal", jo + ","], ["volume", f"vol. {vol}, no. {iss},"],
                    ["pages", f"pp. {pages},"], ["date", f"{rng.choice(MONTHS)[:3]}. {year}."]]
        elif kind == "german":
            ed = names(rng, 2, "nat")
            segs = [["author", au + ":"], ["title", ti + "."], ["editor", f"In: {ed} (Hrsg.):"],
                    ["container-title", title(rng) + "."], ["location", place + ":"], ["publisher", pub],
                    ["date", year + ","], ["pages", f"S. {pages}."]]
        elif kind == "french":
            ed = names(rng, 1, "nat")
            segs = [["author", au.upper() if rng.random() < 0.3 else au], ["title", f"« {ti} »,"],
                    ["editor", f"dans {ed} (dir.),"], ["container-title", title(rng) + ","],
                    ["location", place + ","], ["publisher", pub + ","], ["date", year + ","],
                    ["pages", f"p. {pages}."]]
        elif kind == "report":
            segs = [["author", _end(au)], ["date", f"({year})."], ["title", _end(ti)],
                    ["genre", rng.choice(["Technical Report", "Working Paper", "Discussion Paper"])
                     + f" No. {rng.randint(1, 400)}."], ["location", place + ":"], ["publisher", pub + "."]]
        elif kind == "thesis":
            segs = [["author", _end(au)], ["date", year + "."], ["title", _end(ti)],
                    ["genre", rng.choice(["PhD thesis,", "Doctoral dissertation,", "MA thesis,",
                                          "Unpublished PhD dissertation,"])],
                    ["publisher", rng.choice(PUBLISHERS).replace("Press", "").strip() + ","],
                    ["location", place + "."]]
        elif kind == "parenpub":  # Chicago notes / humanities: "(Place: Publisher, Year)"
            inv = names(rng, rng.choice([1, 1, 2]), rng.choice(["inv", "nat"]))
            if rng.random() < 0.5:
                segs = [["author", _end(inv, ",")], ["title", ti], ["location", "(" + place + ":"],
                        ["publisher", pub + ","], ["date", year + ")."]]
            else:
                segs = [["author", _end(inv)], ["date", f"({year}),"], ["title", ti],
                        ["location", "(" + place + ":"], ["publisher", pub + ")."]]
            if rng.random() < 0.3:
                segs[-1][1] = segs[-1][1].rstrip(".") + ","
                segs.append(["pages", f"{p1}–{p1 + rng.randint(2, 30)}."])
        else:  # isbn
            isbn = f"978-{rng.randint(0, 9)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}-{rng.randint(0, 9)}"
            segs = [["author", _end(au)], ["date", f"({year})."], ["title", _end(ti)],
                    ["edition", rng.choice(["(2nd ed.).", "3rd edn.", "(Rev. ed.)."])], ["location", place + ":"],
                    ["publisher", pub + "."], ["isbn", rng.choice(["ISBN ", "ISBN: ", "ISBN-13: "]) + isbn + "."]]
        if kind != "dash":
            prev_author = au
        out.append(segs)
    return out


# Complete references written by hand (invented), each as its labelled segments.
HANDWRITTEN: list[list[list[str]]] = [
    [["author", "Farahani, M. and Rostami, A."], ["date", "(2017)."],
     ["title", "Evaluating irrigation efficiency in semi-arid plains"], ["note", "[in Persian]."],
     ["journal", "Journal of Water and Soil Conservation,"], ["volume", "24(3),"], ["pages", "45–67."]],
    [["author", "———."], ["date", "(2019)."], ["title", "Groundwater and the villages of the plateau."],
     ["location", "Tehran:"], ["publisher", "Nashr-e Daneshgahi."]],
    [["author", "Halloran, Bridget."], ["date", "2011."], ["title", "The Lighthouse Keepers."],
     ["translator", "Translated by Jonas Feldmann."], ["location", "Dublin:"], ["publisher", "Harbour Lane Press."]],
    [["author", "Vestergaard, P."], ["date", "(2020)."], ["title", "Ferry timetables as historical sources."],
     ["note", "Available at:"], ["url", "https://www.nordic-transit-archive.example/vestergaard2020.pdf"],
     ["note", "(Accessed on: 14 March 2022)."]],
    [["author", "Ossai, C. N., Bello, T. and Eze, U."], ["date", "(2015)"],
     ["title", "Cassava processing and household in- come in the southern states,"],
     ["journal", "African Journal of Rural Devel- opment,"], ["volume", "9(2),"], ["pages", "pp. 112–130."]],
    [["author", "Moradi, S."], ["date", "(1399/2020)."], ["title", "A history of the Caspian fisheries"],
     ["note", "(in Persian)."], ["location", "Rasht:"], ["publisher", "Gilan University Press."]],
    [["citation-number", "12."], ["author", "Ivanov AP, Sokolova EV, Baranov KD."],
     ["title", "Seasonal variation of serum vitamin D in northern cities."],
     ["journal", "Vopr Pitan."], ["date", "2016;"], ["volume", "85(4):"], ["pages", "33-41."],
     ["note", "[in Russian]."]],
    [["author", "Lindahl, E."], ["date", "(2008)."], ["title", "Notes on the harbour records of Visby."],
     ["editor", "In K. Berg & M. Sund (Eds.),"], ["container-title", "Baltic Trade in the Middle Ages"],
     ["pages", "(pp. 77–102)."], ["location", "Stockholm:"], ["publisher", "Nordic Academic Press."]],
    [["author", "Ortega y Pardo, L."], ["date", "2003."],
     ["title", "Cartografía de las riberas del Ebro."], ["edition", "2ª ed."],
     ["location", "Zaragoza:"], ["publisher", "Ediciones del Pilar."]],
    [["author", "Chukwuma, Ifeoma."], ["date", "2021."],
     ["title", "“Market Women and the Politics of Credit.”"], ["journal", "West African Review"],
     ["volume", "17, no. 1"], ["date", "(2021):"], ["pages", "5–29."],
     ["doi", "https://doi.org/10.5555/war.2021.0017"]],
    [["author", "Kessler, Hanna und Brandt, Olaf"], ["date", "(1998):"],
     ["title", "Die Mühlen am Oberrhein."], ["collection-title", "(Schriften zur Landesgeschichte 12)."],
     ["location", "Freiburg i. Br.:"], ["publisher", "Rombach."]],
    [["author", "Nakagawa, Rin."], ["date", "2014."], ["title", "Silk Roads of the Sea"],
     ["note", "(in Japanese)."], ["location", "Kyoto:"], ["publisher", "Kamogawa Shoten."],
     ["isbn", "ISBN 978-4-00-000000-2."]],
    [["author", "Amsterdam Port Authority."], ["date", "(2018)."],
     ["title", "Annual Report on Container Throughput."], ["location", "Amsterdam:"],
     ["publisher", "Amsterdam Port Authority."], ["note", "Retrieved from"],
     ["url", "http://www.port-authority.example/annual-2018.pdf"]],
    [["author", "Rahimi, A."], ["date", "(2012)."], ["title", "Sufi poetry and the city."],
     ["translator", "Trans. by Laleh Ahmadi."], ["location", "Shiraz:"], ["publisher", "Navid."]],
    [["author", "Bergström, Karin, and Erik Holm."], ["title", "Timber and Tar: The Shipyards of Karlskrona."],
     ["location", "Lund:"], ["publisher", "Gleerup,"], ["date", "1987."]],
]
