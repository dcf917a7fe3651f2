"""refkit: parse reference lists to BibTeX, check cited links, format with CSL styles."""

__version__ = "0.1.0"

from refkit.errors import RefkitError  # noqa: E402
from refkit.model import Date, Name, Reference  # noqa: E402

__all__ = ["__version__", "Date", "Name", "Reference", "RefkitError"]
