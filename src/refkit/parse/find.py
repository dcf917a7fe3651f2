"""Finding the reference list in a text: its heading, its end, and the page furniture inside it.

Works on the lines of plain text, of text copied from a PDF (``pdftotext``, form feeds between
pages) and of the text :mod:`refkit.parse.pdf` lays out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from refkit.parse.starts import BACKLINK_RE, NAME_PERIOD_RE, NUMBER_RE, STRICT_NAME_RE, YEAR_RE, list_number

HEADING_RE = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\*\*|__)?(?:[\dIVX]+\.?\s*|\(\d{2}\)\s*)?(?:references?(?:\s+list|\s+listed\s+on\s+[\w\-]+)?|"
    r"bibliography\s*(?:&|and)\s*references\s+cited|references\s+to\s+(?:other\s+published\s+versions\s+of\s+this\s+review|"
    r"(?:ongoing\s+)?studies(?:\s+(?:included|excluded|awaiting)[\w\s]{0,30})?)|additional\s+references|bibliography|works\s+cited|"
    r"literature(?:\s+cited)?|sources(?:\s+cited)?|references\s+cited|cited\s+literature|bibliographic\s+references|"
    r"cited\s+works|works\s+consulted|literaturverzeichnis|literatur|einzelnachweise|belege|"
    r"quellen(?:verzeichnis)?|bibliographie|références(?:\s+bibliographiques)?|referencias(?:\s+bibliográficas)?|"
    r"riferimenti(?:\s+bibliografici)?|bibliografía|bibliografia|referências(?:\s+bibliográficas)?|"
    r"references\s+and\s+notes|reference\s+list|literature\s+references|bibliography\s+and\s+references|"
    r"notes\s+and\s+references|further\s+reading|literatuur|literatuurlijst|bibliografie|kaynakça|kaynaklar|"
    r"referanslar|daftar\s+pustaka|pustaka|litteratur|litteraturliste|kirjallisuus|bibliografi|piśmiennictwo|"
    r"additional\s+reading|suggested\s+reading|recommended\s+reading|selected\s+bibliography|citations|"
    r"pour\s+aller\s+plus\s+loin|lecturas?\s+recomendadas?|weiterführende\s+literatur|"
    r"bibliografia\s+citata|список\s+литературы|литература|библиография|参\s*考\s*文\s*献|參\s*考\s*文\s*獻|引用文献|文\s*献|참고\s*문헌|"
    r"المراجع|مراجع|منابع|fuentes|obras\s+citadas|trabajos\s+citados|ouvrages\s+cités|referenser|referanser|"
    r"referencer|supplerende\s+litteratur|anbefalet\s+litteratur|kilde|källa|litteraturförteckning|källförteckning|källor|litteraturfortegnelse|kilder|literaturliste|"
    r"literatura|literatura\s+citada|použitá\s+literatura|seznam\s+literatury|irodalom|felhasznált\s+irodalom|"
    r"irodalomjegyzék|hivatkozások|szakirodalom|referenties|bronnen|lähteet|viitteet|bibliografía\s+citada|referencje|wykaz\s+literatury|"
    r"(?:selected\s+|recent\s+)?publications|publikationen|veröffentlichungen|publikationsliste|"  # a CV's or a project's list
    r"บรรณานุกรม|เอกสารอ้างอิง|संदर्भ\s*ग्रंथ\s*सूची|संदर्भ\s*सूची|संदर्भ|"  # Thai, Hindi
    r"literatūra|literatūros\s+sąrašas|naudota\s+literatūra|izmantotā\s+literatūra|kasutatud\s+kirjandus|kirjandus|"
    r"(?:verkort\s+)?geciteerde\s+(?:literatuur|tentoonstellingen)|abgekürzt\s+zitierte\s+literatur|"
    r"popis\s+literature|literatura\s+in\s+viri|viri|heimildir|izvori|извори|izvori\s+i\s+literatura|извори\s+и\s+литература|използвана\s+литература|список\s+використаних\s+джерел|"
    r"література|джерела|βιβλιογραφία|αναφορές|βιβλιογραφικές\s+αναφορές|ביבליוגרפיה|מקורות|רשימת\s+מקורות|"
    r"قائمة\s+المراجع|قائمة\s+المصادر\s+والمراجع|المصادر\s+والمراجع|المصادر|"
    r"tài\s+liệu\s+tham\s+khảo|rujukan|senarai\s+rujukan|marejeo|kaynakça)"
    r"(?:\s*[(（]\s*(?:references?|bibliography|literature|список\s+литературы)\s*[)）])?"  # "参考文献(References)"
    r"(?:\s*\((?:\d{1,2}\s*/\s*\d{1,2}|cont(?:inued|\.)?|Forts\.)\))?"  # a slide's "References (1/2)"
    r"(?:[a-z*†‡§¹²³]|\d{1,2})?"  # a footnote mark set on the heading: "Bibliographyᵇ" comes out as "Bibliographyb"
    r"\s*:?\s*(?:\*\*|__)?\s*(?:\[(?:edit|bearbeiten|modifier|editar)[^\]]{0,30}\])?\s*$",  # Wikipedia's "[edit]"
    re.I,
)
STOP_HEADING_RE = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:[A-Z]\.?\s+|\d+\.?\s+)?(?:appendix|appendices|(?:[\w\-]+\s+){1,2}appendix|acknowledge?ments?|endnotes|"
    r"bijlagen?|bilagor|bilaga|vedlegg|bilag|liitteet|liite|allegat[oi]|appendice|apéndices?|anexos?|anexe|apêndices?|ภาคผนวก|परिशिष्ट|الملاحق|ملاحق|الملحقات|függelék|mellékletek?|"
    r"prilozi|prilog|priedai|pielikumi|lisad|приложения|додатки|παράρτημα|נספחים|phụ\s+lục|lampiran|"
    r"(?:chapter|kapitel|chapitre|capitolo|capítulo|hoofdstuk)\s+[A-Z\d]{1,3}\b|paper\s+[IVX\d]{1,4}(?=\s*:)|"
    r"(?:publication|article|study|paper|essay|artikel|studie)\s+[IVX]{1,4}(?=\s*$)|riassunto|sommario|resumen|resumo|"
    r"sammanfattning|samenvatting|tiivistelmä|"
    r"about the authors?|author contributions?|supplementary|supporting information|footnotes|fußnoten|reuse|"
    r"most\s+read\s+articles|най-четени|meistgelesene|articles\s+les\s+plus\s+lus|artículos\s+más\s+leídos|"
    r"copyright\s+(?:\(c\)|©)|creative\s+commons\s+licen[cs]e|引证文献|相似文献|读者推荐|被引文献|"

    r"tables?(?!\s+of\s+(?:cases|legislation|statutes|authorities|treaties|instruments|legal))|figures?|"
    r"anhang|annexe?s?|remerciements|danksagung|licen[cs]e|contributing|contributors|how\s+to\s+cite|share\s+and\s+cite|authors?\s+and\s+affiliations|publisher['’]s\s+note|"
    r"publication\s+types|mesh\s+terms|grants\s+and\s+funding|linkout|similar\s+articles|substances|related\s+information|"
    r"cite\s+this\s+(?:article|paper|chapter)|citing|"
    r"changelog|installation|funding|conflicts?\s+of\s+interest|competing\s+interests|data\s+availability|"
    r"external\s+links|weblinks|liens\s+externes|enlaces\s+externos|cited\s+by|citing\s+articles|"
    r"eidesstattliche\s+(?:versicherung|erklärung)|selbstständigkeitserklärung|ehrenwörtliche\s+erklärung|"
    r"declaration\s+of\s+(?:authorship|originality)|mots-clés|palabras\s+clave|palavras-chave|schlüsselwörter)\b.{0,40}$|"
    r"^\s*(?:index|register|sachregister|personenregister|stichwortverzeichnis|abstract|résumé|keywords|"
    r"(?:[A-Z][\w\-]*\s+)?(?:paper\s+)?checklist|reproducibility\s+(?:checklist|statement)|broader\s+impacts?(?:\s+statement)?|"
    r"ethics\s+statement|limitations|impact\s+statement|citation|download\s+citation|download\s+statistical\s+data|"
    r"(?:extended|english|long|structured)\s+abstract|genişletilmiş\s+özet|özet|summary|zusammenfassung|streszczenie|"
    r"аннотация|abstrakt|sažetak|lampiran|sobre\s+os\s+autores|sobre\s+los\s+autores|à\s+propos\s+des\s+auteurs|"
    r"über\s+die\s+autor(?:inn)?en|notes\s+on\s+contributors|about\s+the\s+contributors?|"
    r"(?:сведения|информация)\s+об\s+авторах|об\s+авторах|"
    r"glossary|glossar|vita|curriculum\s+vitae|biographical\s+sketch|biosketch|related\s+entries|related\s+links|(?:most\s+)?related\s+(?:items|articles|papers|works)|abbildungsverzeichnis|tabellenverzeichnis|abkürzungsverzeichnis|"
    r"list\s+of\s+(?:figures|tables|abbreviations)|table\s+des\s+(?:figures|matières)|nomenclature|seznam\s+(?:tabulek|obrázků|příloh|zkratek)|"
    r"spis\s+(?:tabel|rysunków|ilustracji)|liste\s+des\s+tableaux|índice\s+de\s+(?:tablas|figuras)|lista\s+de\s+(?:tabelas|figuras|quadros))\s*:?\s*$"
    r"|^\s*(?:#{1,6}\s*)?(?:education|appointments|employment|professional\s+(?:experience|service)|grants|mentoring|teaching|"
    r"invited\s+(?:presentations|talks|lectures)|awards|honou?rs\s+and\s+awards|"  # a CV's sections
    r"outlook|conclusions?|future\s+work|contact|ausblick|fazit|"  # a poster's boxes
    r"imprint|impressum|colophon)(?:\s*\(selected\))?\s*:?\s*$"  # a working paper's imprint
    r"|^\s*(?:appendix|apêndice|apéndice|anexo|annexe|anhang|appendice|allegato|bijlage|bilaga)(?:\s+[A-Z\d]{1,3}\b)?"
    r"\s*[-–—:.]\s*\S.{0,100}$",  # "APÊNDICE A – ROTEIRO DE ENTREVISTA", "APPENDIX: CLIMATE CASES ...": an appendix and its title
    re.I)
# a second list after the supplement or the methods: "References for the Supplement", "Methods references"
SECOND_LIST_RE = re.compile(r"(?i)^(?:#{1,6}\s*)?(?:(?:references?|bibliography|literature)\s+(?:for|of|in|to)\s+(?:the\s+)?"
                            r"(?:supplement\w*(?:\s+material)?|supporting\s+information|appendix|appendices|methods|"
                            r"online\s+methods)|(?:supplementary|supplemental|additional|methods|appendix)\s+"
                            r"(?:references|bibliography))\s*:?$")
# Nature's run-in headings after the list: "Acknowledgements We thank ...", "Author contributions L.F. and ..."
RUN_IN_STOP_RE = re.compile(r"^\s*(?:POURVOI|APPEAL)\s+(?:contre|from)\s+(?:un|une|a|the)\s|"  # a judgment's appeal after its lists
                            r"^\s*(?:Acknowledge?ments?|Author\s+contributions|Competing\s+interests|Data\s+availability|"
                            r"Publisher['’]s\s+[Nn]ote|"
                            r"Code\s+availability|Additional\s+information|Funding|Ethics\s+declarations)\s+(?:[A-Z][a-z]|[A-Z]\.)|"
                            r"^\s*(?:Etik\s+Kurul\s+Onayı|Çıkar\s+Çatışması|Finansal\s+Destek|Hakem\s+Değerlendirmesi|"
                            r"Yazar\s+Katkısı|Interessenkonflikt|Conflit\s+d['’]intérêts?|Conflicto\s+de\s+intereses|"
                            r"Financiamento|Financiación|Finanzierung|Como\s+citar(?:\s+este\s+artigo)?|Cómo\s+citar)\s*:\s*\S|"
                            r"^\s*Статья\s+поступила\s|"
                            r"^\s*(?:Abstract|Keywords|Key\s+words|JEL(?:\s+[Cc]lassification)?|Streszczenie|Słowa\s+kluczowe|Abstrakt|"
                            r"Klíčová\s+slova|Resumen|Resumo|Palabras\s+clave|Palavras-chave|Schlüsselwörter|Mots-clés)\s*:\s*\S|"
                            r"^\s*Open\s+Access\s+(?:This|Dieses?|Ce|Este)\s|"  # Springer's licence block after a chapter's list
                            r"^\s*\(?(?:Recebido\s+em|Aprovado\s+em|Received|Accepted|Submitted|Eingegangen|Angenommen|Reçu le|"
                            r"Recibido|Aceptado)\s*:?\s*\d")  # the article's dates after its list: "Recebido em: 14/04/2023", "(Received 12 ..."
CAPTION_RE = re.compile(r"^\s*(?:figure|fig\.|table|tab\.|abbildung|tableau|tabelle|appendix)\s*[A-Z]?\d+[.:]?(?:\s|$)",
                        re.I)
PROSE_HEADING_RE = re.compile(r"^\s*(?:\d+\.?\s*)?(?:abstract|keywords?|introduction|conclusions?|discussion|"
                              r"methods?|results|résumé|zusammenfassung|einleitung)\s*:?\s*$", re.I)
# IEEE's author biographies after the list: "Hiro Tanaka (S'15–M'19) received the B.S. degree ..."
BIOGRAPHY_RE = re.compile(r"^\s*[A-Z][\w'’\-.]+(?:\s+[A-Z][\w'’\-.]*){0,3}(?:\s*\([^)]{0,30}\))?,?\s+(?:received\s+"
                          r"(?:the|his|her|a)\b|is\s+(?:currently|now|with\s+the|(?:an?\s+)?(?:associate\s+|assistant\s+|full\s+)?"
                          r"professor|(?:an?\s+)?(?:[Ss]enior\s+)?(?:[Ll]ecturer|[Rr]eader|[Rr]esearch\s+[Ff]ellow|[Pp]ostdoctoral)\b|a\s+(?:Ph\.?\s?D|doctoral|postdoctoral|senior|research))\b|was\s+born\s+in\b)|"
                          # a German contributor note: "Maria Schneider, Dr. phil., ist wissenschaftliche Mitarbeiterin"
                          r"^\s*[A-Z][\w'’\-.]+(?:\s+[A-Z][\w'’\-.]*){0,3}(?:,\s*(?:Dr|Prof)\.[^,]{0,25},)?\s+ist\s+(?:"
                          r"wissenschaftliche[rn]?|(?:Junior|Honorar)?[Pp]rofessor(?:in)?|Privatdozent(?:in)?|Doktorand(?:in)?|"
                          r"Lehrbeauftragte[rn]?|(?:Post-?)?[Dd]oc)\b")
FOLIO_RE = re.compile(r"^\s*(?:(?:page\s+|p\.\s*|seite\s+)?[-–—~]?\s*\d{1,4}\s*[-–—~]?(?:\s*(?:/|of|von|sur)\s*\d{1,4})?|"
                      r"(?-i:[ivxl]{1,6}))\s*$", re.I)  # (a front matter's "iii" too)
PAGE_BREAK = "\f"
NOTES_HEADING_RE = re.compile(r"^\s*(?:#{1,6}\s*)?(?:\d+\.?\s*)?(?:notes|endnotes|footnotes|anmerkungen|fußnoten|"
                              r"notes\s+de\s+fin|notas)\s*:?\s*$", re.I)
# what a long reference has and a paragraph of prose does not
CITATION_SIGNS_RE = re.compile(r"\bdoi\b|https?://|\bpp?\.\s*\d|\((?:1[5-9]|20)\d\d[a-z]?\)|\d+\s?\(\d+\)|\bvol\.\s*\d|"
                               r"\b(?:In|Eds?|eds?)\.?:|\b\d+[–-]\d+\b", re.I)


_LINKISH = re.compile(r"(?i)\bdoi\b|https?://|\b10\.\d{4,9}/|\barxiv\b")


@dataclass
class Section:
    first: int  # index of the first line of the list
    end: int  # index after its last line
    heading: str = ""  # the heading found, if any


def _prose(line: str) -> bool:
    if len(line) < 250:
        return False
    words = re.findall(r"[^\W\d_]+", line)
    if len(words) < 30:
        return False
    low = sum(1 for w in words if w[0].islower())
    return low / len(words) > 0.65


def find_section(lines: list[str], looks_like_start) -> Section | None:  # noqa: ANN001
    """Where the reference list is: under its last heading with anything like a reference under it (a
    journal page's tab bar "Figures / References / Related" is not one), up to a stop heading or a figure or
    table caption starting a block; or the trailing run of reference-like lines after the prose.
    None when the text has prose and no list could be found."""
    n = len(lines)
    heads = [i for i, ln in enumerate(lines) if HEADING_RE.match(ln)]
    for k in range(len(heads) - 1, -1, -1):
        h = heads[k]
        start = h + 1
        end = _section_end(lines, start)
        if any(looks_like_start(ln) or CITATION_SIGNS_RE.search(ln) or len(ln.strip()) > 60 for ln in lines[start:end]):
            same = [i for i in heads if lines[i].strip().lower() == lines[h].strip().lower()]
            if len(same) >= 3 and all(quiet_end(lines, i + 1) - i < 25 for i in same):
                return Section(h + 1, quiet_end(lines, h + 1), lines[h].strip())  # "Kilder:" under each slide's notes
            # "References" ... "Further reading" ...: one list goes on under the later heading
            while k and not _slide_lists(lines, heads, heads[k - 1]) and _mostly_references(lines[heads[k - 1] + 1:h], looks_like_start) and (
                    _section_end(lines, heads[k - 1] + 1) >= h or _short_gap(lines, _section_end(lines, heads[k - 1] + 1), h)):
                k -= 1  # ... or a chapter's own list just before ("References" / "Chapter 3" / "References")
                h = heads[k]
            return Section(h + 1, end, lines[h].strip())
    markers = [i for i, ln in enumerate(lines) if PROSE_HEADING_RE.match(ln) or (
        _prose(ln) and not looks_like_start(ln) and not CITATION_SIGNS_RE.search(ln) and not re.match(r"\s*#{1,6}\s", ln))]
    # (a markdown heading between groups of a reading list is no prose: "## 2. PLOS ONE paper (methods)")
    if not markers:
        return Section(0, n)
    starts = [i for i, ln in enumerate(lines) if i > markers[-1] and looks_like_start(ln)]
    one = next((i for i in starts if (m := NUMBERED_LINE.match(lines[i])) and next(g for g in m.groups() if g) == "1"), None)
    if one is not None and one > starts[0] and sum(1 for i in starts if i >= one and NUMBERED_LINE.match(lines[i])) >= 3:
        starts = [i for i in starts if i >= one]  # "[22]. Several authors ..." opening a line of the text is no list
    if len(starts) >= 2:
        sec = Section(_numbered_from(lines, starts[0]), _section_end(lines, starts[0]))
        body = [ln for ln in lines[sec.first:sec.end] if ln.strip()]
        if 4 * sum(1 for ln in body if YEAR_RE.search(ln) or _LINKISH.search(ln)) >= len(body):
            return sec  # with no heading, the run must read like references: years or links on a quarter of its lines
    return None


def _slide_lists(lines: list[str], heads: list[int], h: int) -> bool:
    """The heading at ``h`` comes back three times or more over short lists ('Kilder:' in each slide's notes):
    lists of their own, each read apart (see :func:`repeated_lists`)."""
    same = [i for i in heads if _stem(lines[i]) == _stem(lines[h])]
    return len(same) >= 3 and all(quiet_end(lines, i + 1) - i < 25 for i in same)


def _stem(heading: str) -> str:
    """'Kilder:' and 'Kilde:', 'References' and 'Reference': one heading."""
    return re.sub(r"(?:s|r|en|e)?\s*:?\s*$", "", heading.strip(PAGE_BREAK + " ").lower())


def repeated_lists(lines: list[str], section: Section) -> list[int]:
    """Headings before the list's own that open lists of the same kind: the list's heading again (a thesis's
    chapters), or a heading that comes back over short lists (a talk's 'Kilder:')."""
    heads = [i for i in range(max(section.first - 1, 0)) if HEADING_RE.match(lines[i].strip(PAGE_BREAK + " "))]
    own = section.heading.strip().lower()
    return [h for h in heads if lines[h].strip(PAGE_BREAK + " ").lower() == own or _slide_lists(lines, heads, h)]


def _mostly_references(part: list[str], looks_like_start) -> bool:  # noqa: ANN001
    """Lines under an earlier heading that read as a list: references start on some of them, and on many or
    right under the heading (a web page's menu item 'Publications' above a post and its code is no list)."""
    body = [BACKLINK_RE.sub("", ln.lstrip(PAGE_BREAK + " ")) for ln in part if ln.strip(PAGE_BREAK + " ")]
    starts = sum(1 for ln in body if looks_like_start(ln) or NAME_PERIOD_RE.match(ln))
    return starts >= 1 and (len(body) <= 12 or starts >= 0.2 * len(body) or looks_like_start(body[0]) or
                            bool(NAME_PERIOD_RE.match(body[0]) or NUMBER_RE.match(body[0])))  # (a list begins right under its heading)


def _short_gap(lines: list[str], a: int, b: int) -> bool:
    """Only a few short lines (a chapter's heading) between the end of one list and the next heading."""
    gap = [ln for ln in lines[a:b] if ln.strip()]
    if gap and _LINKS_HEADING.match(gap[0]) and len(gap) <= 8:
        return True  # Wikipedia's "Literatur" / "Weblinks" (a few links) / "Einzelnachweise"
    return len(gap) <= 3 and all(len(ln.strip()) <= 60 for ln in gap)


_LINKS_HEADING = re.compile(r"(?i)^\s*(?:#{1,6}\s*)?(?:external\s+links|weblinks|liens\s+externes|enlaces\s+externos|"
                            r"collegamenti\s+esterni|externe\s+links)\s*(?:\[[^\]]{0,30}\])?\s*$")


NUMBERED_LINE = re.compile(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})[.)]|\((\d{1,4})\))(?:\s+\S|\s*$)")  # ("24." alone: Nature's pdftotext)


def _numbered_from(lines: list[str], first: int) -> int:
    """Where a numbered list that reaches ``first`` (numbered N > 1) really starts: Nature puts the
    Methods section, with a heading and prose, between references 14 and 15."""
    m = NUMBERED_LINE.match(lines[first])
    if not m:
        return first
    want = int(next(g for g in m.groups() if g)) - 1
    start = first
    for i in range(first - 1, max(-1, first - 2000), -1):
        mm = NUMBERED_LINE.match(lines[i])
        if not mm:
            continue
        n = int(next(g for g in mm.groups() if g))
        if n != want:
            break
        start, want = i, want - 1
        if want == 0:
            break
    return start if want == 0 else first


def _number_of(line: str) -> int | None:
    line = line.replace(PAGE_BREAK, "")
    return list_number(line) if NUMBER_RE.match(line) else None


def _resumes(lines: list[str], j: int) -> int | None:
    """Where a numbered list goes on after a float set inside it (a table whose first column cites
    '[16]', '[17]'): the first line after `j` starting with the number after the last one before it.
    Only inside a run of numbered references (the two numbers before it in order) and before a line
    long enough for a reference."""
    before = [n for k in range(j - 1, max(-1, j - 40), -1)
              if (n := _number_of(lines[k])) is not None and len(lines[k].strip()) > 40][:2]
    if len(before) < 2 or before[1] != before[0] - 1:
        return None
    return next((k for k in range(j + 1, min(len(lines), j + 80)) if _number_of(lines[k]) == before[0] + 1
                 and len(lines[k].strip()) > 40), None)


def _caption_inside(lines: list[str], j: int) -> bool:
    """A figure's caption on the list's last page ('Fig. 2. ...'), the list going on after it."""
    if _resumes(lines, j) is not None:
        return True
    end = j
    while end + 1 < len(lines) and lines[end + 1].strip(PAGE_BREAK + " "):
        end += 1
    nxt = next((k for k in range(end + 1, min(len(lines), end + 4)) if lines[k].strip(PAGE_BREAK + " ")), None)
    after = lines[nxt].replace(PAGE_BREAK, "").strip() if nxt is not None else ""
    return bool(after) and bool(NUMBER_RE.match(after) or STRICT_NAME_RE.match(after))


_ABSTRACT_ALONE = re.compile(r"^\s*(?:Abstract|ABSTRACT|Summary|Zusammenfassung|Résumé|Resumen|Resumo|Streszczenie)\s*$")
_REF_END = re.compile(r"(?i)doi|https?://|\d{2,}\s*[-–]\s*\d|\(\d{1,4}\)|\bpp?\.\s*\d")
_ABSTRACT_LEAD = re.compile(r"^\s*(?:Abstract|Streszczenie|Abstrakt|Resumen|Resumo)\s*:\s*\S")
# an appendix's lettered heading alone between blank lines: "A Proof of Proposition 1", "B.1 Datasets"
_LETTERED_HEADING = re.compile(r"^\s*[A-H](?:\.\d{1,2})?\s+[A-Z][a-z]+(?:\s+[A-Za-z][\w\-]*){0,7}(?:\s+\d{1,2})?\s*$")
# ACM's appendix heading in capitals, straight after the last reference: "A INTERVIEW GUIDE", "B ADDITIONAL RESULTS"
_LETTERED_CAPS = re.compile(r"^\s*[A-H](?:\.\d{1,2})?\s+[A-Z]{2,}(?:[\s\-][A-Z]{2,}|\s(?:AND|OF|FOR|THE|ON|IN|TO|A)){0,7}\s*$")


def _section_end(lines: list[str], start: int) -> int:
    first = next((ln.strip(PAGE_BREAK + " ") for ln in lines[start:start + 4] if ln.strip(PAGE_BREAK + " ")), "")
    lettered_groups = bool(re.match(r"(?:A|I)\.?\s+[A-Z]", first)) and bool(_LETTERED_HEADING.match(first) or len(first) < 60)
    # (AGLC's "A Articles/Books/Reports" ... "B Cases" ... "C Legislation": the list's own groups, not an appendix)
    for j in range(start + 2, len(lines)):
        ln = lines[j]
        if not ln.strip():
            continue
        block_start = not lines[j - 1].strip() or lines[j - 1].endswith(PAGE_BREAK) or ln.startswith(PAGE_BREAK)
        if STOP_HEADING_RE.match(ln) and not ln.lstrip(PAGE_BREAK + " #")[:1].islower() or \
                _LETTERED_CAPS.match(ln.lstrip(PAGE_BREAK)) and j + 1 < len(lines) and not lines[j + 1].strip() or (block_start and (CAPTION_RE.match(ln.lstrip(PAGE_BREAK)) and not _caption_inside(lines, j) or
                                                           BIOGRAPHY_RE.match(ln.lstrip(PAGE_BREAK)) or
                                                           RUN_IN_STOP_RE.match(ln.lstrip(PAGE_BREAK)) or
                                                           _LETTERED_HEADING.match(ln.lstrip(PAGE_BREAK)) and not lettered_groups and
                                                           (j + 1 == len(lines) or not lines[j + 1].strip()))):
            if _ABSTRACT_LEAD.match(ln.lstrip(PAGE_BREAK)):  # the article's title in English just above its abstract
                k = j - 1
                while k > start and not lines[k].strip():
                    k -= 1
                if k > start and not lines[k - 1].strip() and len(lines[k].strip()) < 120 and not YEAR_RE.search(lines[k]):
                    return k
            elif _ABSTRACT_ALONE.match(ln.lstrip(PAGE_BREAK)):  # the title, authors and addresses of the English abstract
                k = j
                while k - 1 > start + 1 and j - k < 20 and (not lines[k - 1].strip() or len(lines[k - 1].strip()) < 140 and
                                                           not lines[k - 1].rstrip().endswith(".") and (
                        not re.search(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)", lines[k - 1]) or lines[k - 1].upper() == lines[k - 1] or
                        len(lines[k - 1].strip()) < 40 and not lines[k - 1].rstrip().endswith(".")) and
                        (not _REF_END.search(lines[k - 1]) or lines[k - 1].isupper())):  # (a title page's "Tel Aviv, 2024" too)
                    k -= 1
                return k if any(not lines[i].strip() for i in range(k, j)) else j
            return j
    return len(lines)


def quiet_end(lines: list[str], start: int) -> int:
    """Where a short list under a heading ends in a text of many such lists (a talk's notes, a module's
    docstrings): at two blank lines, a page break or a stop heading, whichever comes first."""
    end = _section_end(lines, start)
    for j in range(start + 1, min(end, len(lines))):
        if PAGE_BREAK in lines[j] or not lines[j].strip() and j + 1 < len(lines) and not lines[j + 1].strip():
            return j
    return end


_JOURNAL_TAIL = re.compile(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,5}[,.]?\s(?:\d{1,4}(?:\(\d+\))?:\d|vol\.\s\d|\d{1,4},\s\d)")


def figures_in_list(lines: list[str], looks_like_start) -> list[int]:  # noqa: ANN001
    """Indexes of a figure that a PDF page set inside a list: its labels and tick numbers, then its
    caption ('Fig. 6. ...'), between a reference cut off at the foot of one column and the rest of it
    at the top of the next. Only when the text after the caption goes on as the list (its next line
    ends the cut reference or starts one) and a reference-like line stands right before the figure."""
    out: list[int] = []
    for j, ln in enumerate(lines):
        cap = CAPTION_RE.match(ln.lstrip(PAGE_BREAK))
        if not cap or j < 2:
            continue
        end = j
        while end + 1 < len(lines) and lines[end + 1].strip():
            end += 1  # the caption's own lines
        nxt = next((k for k in range(end + 1, min(len(lines), end + 4)) if lines[k].strip()), None)
        if nxt is None:
            continue
        if (resume := _resumes(lines, j)) is not None:  # a numbered list: the float ends where the numbers go on
            k = resume - 1
            while k > j and not lines[k].strip(PAGE_BREAK + " "):
                k -= 1
            b = k
            while b - 1 > j and lines[b - 1].strip(PAGE_BREAK + " "):
                b -= 1
            tail = " ".join(lines[b:k + 1])
            cut = b > end and (re.search(r"\bvol\.|\bpp\.|\bdoi\b|https?://", tail, re.I) or _JOURNAL_TAIL.match(lines[b].strip()))
            out.extend(range(j, b if cut else resume))  # (the end of a reference cut by the table stays)
            continue
        if cap.group(0).strip().lower().startswith("tab"):  # a table's rows after its caption
            while nxt is not None and nxt < len(lines) - 1 and len(lines[nxt].strip()) <= 30 and not NUMBER_RE.match(lines[nxt].strip()):
                end = nxt
                nxt = next((k for k in range(end + 1, min(len(lines), end + 4)) if lines[k].strip()), None)
            if nxt is None:
                continue
        after = lines[nxt].replace(PAGE_BREAK, "").strip()
        goes_on = re.match(r"(?:\d{1,5}\s*[–—-]\s*\d{1,5}[.,]|https?://|doi:|[a-z(])", after) or looks_like_start(after) or \
            _JOURNAL_TAIL.match(after)
        if not goes_on:
            continue
        start = j
        while start - 1 >= 0:
            t = lines[start - 1].replace(PAGE_BREAK, "").strip()
            if t and (len(t) > 70 or t.endswith((",", "-", "–")) or looks_like_start(t) or re.search(r"\b(?:1[5-9]|20)\d\d[a-z]?[.,]", t)
                      and len(t) > 40):
                break
            start -= 1
        before = lines[start - 1].replace(PAGE_BREAK, "").strip() if start else ""
        if before and (start < j and (before.endswith((",", "-")) or looks_like_start(before) or len(before) > 40) or
                       start == j and _JOURNAL_TAIL.match(after) and len(before) > 40):
            out.extend(range(start, end + 1))  # (a caption alone: only where a cut reference's end follows it)
    return out


def other_lists(lines: list[str], section: Section, paper: bool) -> list[tuple[int, int, bool]]:
    """Lists besides the one found, as (heading, end, after it): a list after the supplement ('References for
    the Supplement') or, in a paper, the next chapter's; then, before it, the lists under the same heading
    (a thesis's chapters) or under a heading that comes back over short lists (a talk's 'Kilder:')."""
    if not section.heading:
        return []
    out: list[tuple[int, int, bool]] = []
    if section.end < len(lines):
        more = next((i for i in range(section.end, len(lines)) if SECOND_LIST_RE.match(lines[i].strip(PAGE_BREAK + " "))
                     or paper and HEADING_RE.match(lines[i].strip(PAGE_BREAK + " "))), None)
        if more is not None:
            out.append((more, _section_end(lines, more + 1), True))
    for h in reversed(repeated_lists(lines, section)):
        end = _section_end(lines, h + 1) if paper else quiet_end(lines, h + 1)
        if end < section.first - 1:
            out.append((h, end, False))
    return out
