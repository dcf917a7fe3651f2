"""What a copy leaves in a text's characters before its lines are read: soft hyphens and ligatures, right-to-left
marks around a DOI, bioRxiv's back-link arrows, dblp's namesake numbers, a minus sign for a page range's dash,
Wikipedia's "[edit]", a table of authorities' dot leaders, Outlook's links twice, the post headers of
``gh issue view --comments``, Word's EndNote field code, full-width number brackets.

One pure function, :func:`clean_marks`, called first by :mod:`refkit.parse.split`.
"""

from __future__ import annotations

import re
import unicodedata

from refkit.parse.pdf_layout import LIGATURES

# a table of authorities' dot leaders before the pages: "561 U.S. 593 (2010) ........ 5"
_LEADER = re.compile(r"(?m)\s*\.{5,}\s*(?:(?:\d{1,4}|passim)(?:\s*[-–,]\s*\d{1,4})*,?)?\s*$")


def clean_marks(text: str) -> str:
    """The text with the marks above taken out or made plain (line breaks as "\\n")."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "").translate(LIGATURES)
    if " 000" in text and len(re.findall(r"[a-zà-ÿ] 000\d(?=[,:])", text)) >= 2:  # dblp's "Mateo Fernández 0002,": which
        text = re.sub(r"(?<=[a-zà-ÿ]) 000\d(?=[,:])", "", text)  # of the namesakes, not part of the name
    if len(re.findall(r"[०-९٠-٩۰-۹০-৯]{4}", text)) >= 2:  # Hindi "(२००९)", Arabic and Persian "(٢٠١٩)": the years,
        text = "".join(str(unicodedata.digit(c)) if "\u0660" <= c <= "\u09ef" and unicodedata.category(c) == "Nd" else c
                       for c in text)  # volumes and pages in the digits the dates and numbers are read in
    if "\u21b5" in text:  # bioRxiv's back-link arrow after each number: "1.↵ Smith J, ..."
        text = text.replace("\u21b5", " ")
    if re.search("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]", text):  # right-to-left marks a Persian or Arabic page
        text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", text)  # puts around a DOI or a number
    if "\u2212" in text:  # ACS's PDFs set page ranges with a minus sign: "276\u2212279"
        text = re.sub(r"(?<=\d)\u2212(?=\d)", "\u2013", text)
    if "http" in text and re.search(r"[，．。、；）](?=https?://)", text):  # Japanese "2002．https://doi.org/...": the link on its own
        text = re.sub(r"([，．。、；）])(?=https?://)", r"\1 ", text)
    if "[" in text and re.search(r"(?im)^\s*\[(?:edit|edit source|bearbeiten|quelltext bearbeiten|modifier|modifier le code|editar|"
                                 r"editar código|modifica|modifica wikitesto)\]\s*$", text):  # Wikipedia's "[edit]" under a heading
        text = re.sub(r"(?im)^\s*\[(?:edit|edit source|bearbeiten|quelltext bearbeiten|modifier|modifier le code|editar|"
                      r"editar código|modifica|modifica wikitesto)\]\s*$", "", text)
    if "....." in text and len(_LEADER.findall(text)) >= 3:
        # a table of authorities: "561 U.S. 593 (2010) ........ 5": the leader and its pages end an entry
        text = _LEADER.sub("\n", text)
    if "<http" in text:  # Outlook's plain text: "https://doi.org/10.1/x<https://doi.org/10.1/x>", the link twice
        text = re.sub(r"(https?://[^\s<>]+)<\1>", r"\1", text)
    if ":\t" in text and len(re.findall(r"(?m)^[a-z]+:\t", text)) >= 3:  # `gh issue view --comments`: each post's
        text = re.sub(r"(?m)^(?:[a-z]+:\t.*|--)$", "", text)  # "author:\tname" header block and "--" rule
    if "ADDIN" in text:  # Word's field code before an EndNote list: "ADDIN EN.REFLIST 1. Smith ..."
        text = re.sub(r"\bADDIN\s+EN\.REFLIST\s*", "\n", text)
    if "［" in text:  # a Chinese thesis's full-width number brackets: "［7］ 宫鹏. ..."
        text = re.sub(r"(?m)^(\s*)［([0-9０-９]{1,4})］",
                      lambda m: f"{m.group(1)}[{unicodedata.normalize('NFKC', m.group(2))}]", text)
    return text
