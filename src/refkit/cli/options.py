"""Options shared by several commands, defined once (the output options live in ``cli/output.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

SENTENCE_CASE = ("auto", "always", "never")  # refkit.bib.bibtex.SENTENCE_CASE (not imported: fast --help)


def sentence_case_option(default: str) -> Callable[[Any], Any]:
    """``--sentence-case``: how BibTeX titles typed in Title Case are read (refkit.bib.titlecase)."""
    return click.option("--sentence-case", "sentence_case", type=click.Choice(SENTENCE_CASE), default=default,
                        show_default=True,
                        help="BibTeX titles in Title Case -> sentence case, as CSL stores them: auto = English "
                             "entries only (langid), keeping braced words, acronyms, mixed case and proper "
                             "nouns; always = every entry; never = as written.")
