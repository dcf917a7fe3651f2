"""Managing a bibliography: lint, tidy, dedupe, citation keys, cited keys of a manuscript, adding entries.

Each command is a function over :mod:`refkit.bib` and :mod:`refkit.model`; the CLI only presents it."""
