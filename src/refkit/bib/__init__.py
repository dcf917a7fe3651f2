"""Bibliography data: readers and writers (BibTeX/biblatex, CSL-JSON) to and from :mod:`refkit.model`,
LaTeX <-> Unicode, and citation keys."""
