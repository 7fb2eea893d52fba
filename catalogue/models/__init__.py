"""The catalogue's models, split by the title page's sections."""

from .base import HandEditable
from .companies import Company, TitleCompany
from .credits import Credit
from .didyouknow import Connection, Goof, PendingSplitWord, Quote, QuoteLine, Recommendation, Trivia
from .people import Person, PersonRedirect
from .releases import AlternateTitle, Certificate, CertificateCount, ReleaseDate, Tagline
from .reviews import Review
from .sources import ImportUpload, SourcePage, UploadStatus
from .titles import (
    Colour,
    Country,
    Genre,
    Keyword,
    Language,
    RatingCapture,
    Runtime,
    SoundMix,
    Title,
    TitleColour,
    TitleCountry,
    TitleGenre,
    TitleKeyword,
    TitleLanguage,
    TitleSoundMix,
)
from .vocabularies import (
    CONNECTION_REVERSE,
    DEPARTMENT_ORDER,
    CompanyKind,
    ConnectionType,
    Department,
    PageType,
    SourceFormat,
    TitleKind,
)

__all__ = [
    "AlternateTitle",
    "ImportUpload",
    "UploadStatus",
    "CONNECTION_REVERSE",
    "Certificate",
    "CertificateCount",
    "Colour",
    "Company",
    "CompanyKind",
    "Connection",
    "ConnectionType",
    "Country",
    "Credit",
    "DEPARTMENT_ORDER",
    "Department",
    "Genre",
    "Goof",
    "HandEditable",
    "Keyword",
    "Language",
    "PageType",
    "Person",
    "PersonRedirect",
    "Quote",
    "QuoteLine",
    "RatingCapture",
    "PendingSplitWord",
    "Recommendation",
    "ReleaseDate",
    "Review",
    "Runtime",
    "SoundMix",
    "SourceFormat",
    "SourcePage",
    "Tagline",
    "Title",
    "TitleColour",
    "TitleCompany",
    "TitleCountry",
    "TitleGenre",
    "TitleKeyword",
    "TitleKind",
    "TitleLanguage",
    "TitleSoundMix",
    "Trivia",
]
