"""Rule- and gazetteer-based extraction of draft events from news text (issue 5).

``extract(text, published)`` -> list of :class:`~events.draft.Draft` (an :class:`~events.schema.Event`
with status "draft" and its evidence sentence, plus a confidence). Library work is left to
libraries: spaCy's sentencizer, dateparser/dateutil, rapidfuzz, pycountry, the ``geo``
geocoder.
"""

from .extractor import draft_to_dict, extract
from .textin import InputError, clean_input

__all__ = ["InputError", "clean_input", "draft_to_dict", "extract"]
