"""A CSL 1.0.2 renderer built on citeproc-py's style parser and element classes.

citeproc-py (pinned: 0.11.1) parses a style into lxml elements whose classes live in
``citeproc.model``. Each class here extends the matching citeproc-py class and adds an ``out``
method that renders into :mod:`refkit.format.richtext` trees instead of finished strings. That is
what lets the layer get right what citeproc-py's own ``render`` cannot: punctuation inside quotes
and across affixes, name formatting (initials, particles, et-al-use-last), substitution with
suppression, subsequent-author-substitute, date ranges and seasons, page-range formats, title case
with nocase spans, sorting with empty values last, and citation disambiguation (names, given
names, ``disambiguate`` conditions, year suffixes).

The modules, in the order data flows through them:

- :mod:`.constants` the CSL namespace and the kinds of variables;
- :mod:`.items` a CSL-JSON record normalised once (names and dates through :mod:`refkit.model`);
- :mod:`.locale` terms, date formats and options;
- :mod:`.context` what one rendering carries from element to element;
- :mod:`.nodes` the shared element base and the structural elements (macro, layout, group, choose);
- :mod:`.numbers` is-numeric, number forms and page ranges; :mod:`.text` cs:text, cs:number, cs:label;
- :mod:`.dates` cs:date; :mod:`.names` cs:names, cs:name, cs:et-al, cs:substitute;
- :mod:`.style` compiles a style (parser, element set-up, locale) into a :class:`CompiledStyle`;
- :mod:`.sorting` sort keys and the sort itself.

Element proxies are kept alive for the life of a :class:`CompiledStyle`, so attributes computed
once in ``setup`` (parsed options, child lists, macro targets) stay cached on them.
"""

from refkit.format.csl.constants import NS
from refkit.format.csl.items import Item
from refkit.format.csl.locale import LOCALES_DIR, LocaleData, load_locale, primary_dialect
from refkit.format.csl.names import initials
from refkit.format.csl.numbers import is_numeric, page_range
from refkit.format.csl.sorting import sort_items
from refkit.format.csl.style import CompiledStyle, make_parser

__all__ = ["NS", "Item", "LOCALES_DIR", "LocaleData", "load_locale", "primary_dialect", "initials", "is_numeric",
           "page_range", "sort_items", "CompiledStyle", "make_parser"]
