"""Closed vocabularies of the old layout: they let a value be recognised by its shape
when the extraction dropped its label ("Drama | War" is genres, "Continuity:" starts a goof).
"""

from __future__ import annotations

# IMDb's genre list of the period.
GENRES = frozenset(
    """Action Adult Adventure Animation Biography Comedy Crime Documentary Drama Family Fantasy
    Film-Noir Game-Show History Horror Music Musical Mystery News Reality-TV Romance Sci-Fi Short
    Sport Talk-Show Thriller War Western Lifestyle Experimental Erotica""".split()
)

COUNTRIES = frozenset(
    """Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Aruba|Australia|Austria|Azerbaijan|
    Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bermuda|Bhutan|Bolivia|
    Bosnia and Herzegovina|Botswana|Brazil|Bulgaria|Burkina Faso|Burma|Cambodia|Cameroon|Canada|
    Cape Verde|Chad|Chile|China|Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|
    Czechoslovakia|Denmark|Dominican Republic|East Germany|Ecuador|Egypt|El Salvador|Estonia|
    Ethiopia|Federal Republic of Yugoslavia|Fiji|Finland|France|Georgia|Germany|Ghana|Greece|
    Greenland|Guatemala|Guinea|Haiti|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq|
    Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|
    Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Macao|Macedonia|
    Madagascar|Malaysia|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|
    Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|Netherlands Antilles|New Zealand|Nicaragua|
    Niger|Nigeria|North Korea|Norway|Occupied Palestinian Territory|Oman|Pakistan|Palestine|Panama|
    Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Puerto Rico|Qatar|Romania|Russia|
    Rwanda|Saudi Arabia|Senegal|Serbia|Serbia and Montenegro|Singapore|Slovakia|Slovenia|
    Somalia|South Africa|South Korea|Soviet Union|Spain|Sri Lanka|Sudan|Sweden|Switzerland|Syria|
    Taiwan|Tajikistan|Tanzania|Thailand|Togo|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|
    UK|USA|Uganda|Ukraine|United Arab Emirates|Uruguay|Uzbekistan|Venezuela|Vietnam|
    West Germany|Yemen|Yugoslavia|Zaire|Zambia|Zimbabwe|International|Worldwide""".replace("\n", "").split("|")
)
COUNTRIES = frozenset(" ".join(name.split()) for name in COUNTRIES) | frozenset(
    (
        "Maldives",
        "Brunei",
        "Faroe Islands",
        "Macau",
        "Gibraltar",
        "San Marino",
        "Isle of Man",
        "Cayman Islands",
        "Reunion",
        "Guadeloupe",
        "Martinique",
        "Korea",
        "Bosnia-Herzegovina",
        "Republic of Macedonia",
        "Vatican",
        "World-wide",
        "Czechia",
        "North Vietnam",
        "South Vietnam",
        "Republic of North Macedonia",
    )
)

LANGUAGES = frozenset(
    """Afrikaans|Albanian|Amharic|Arabic|Aramaic|Armenian|Azerbaijani|Basque|Belarusian|Bengali|
    Bosnian|Bulgarian|Cantonese|Catalan|Chinese|Croatian|Czech|Danish|Dutch|English|Esperanto|
    Estonian|Filipino|Finnish|Flemish|French|Gaelic|Galician|Georgian|German|Greek|Hebrew|Hindi|
    Hungarian|Icelandic|Indonesian|Irish|Italian|Japanese|Kazakh|Khmer|Korean|Kurdish|Latin|Latvian|
    Lithuanian|Macedonian|Malay|Malayalam|Mandarin|Maori|Marathi|Min Nan|Mongolian|Nepali|None|
    Norwegian|Persian|Polish|Portuguese|Punjabi|Quechua|Romanian|Romany|Russian|Sanskrit|Serbian|
    Serbo-Croatian|Sign Languages|American Sign Language|Sinhalese|Slovak|Slovenian|Somali|Spanish|
    Swahili|Swedish|Swiss German|Tagalog|Tamil|Telugu|Thai|Tibetan|Turkish|Ukrainian|Urdu|
    Vietnamese|Welsh|Wolof|Yiddish|Yoruba|Zulu""".replace("\n", "").split("|")
)
LANGUAGES = frozenset(" ".join(name.split()) for name in LANGUAGES)

# Company notes that are neither years nor countries.
COMPANY_NOTE_WORDS = frozenset(
    "TV VHS DVD Blu-ray UMD LaserDisc VCD Betamax theatrical video all media worldwide Internet HD DVD 3D IMAX".split()
) | {"HD DVD", "all media", "non-theatrical"}

GOOF_CATEGORIES = frozenset(
    (
        "Anachronisms",
        "Audio/visual unsynchronised",
        "Audio/visual unsynchronized",
        "Boom mic visible",
        "Character error",
        "Continuity",
        "Crew or equipment visible",
        "Errors in geography",
        "Errors made by characters (possibly deliberate)",
        "Factual errors",
        "Incorrectly regarded as goofs",
        "Miscellaneous",
        "Plot holes",
        "Revealing mistakes",
        "Spoilers",
    )
)

CONNECTION_TYPES = (
    "Alternate-language version of",
    "Edited from",
    "Edited into",
    "Featured in",
    "Features",
    "Follows",
    "Followed by",
    "Referenced in",
    "References",
    "Remade as",
    "Remake of",
    "Spin off from",
    "Spin off",
    "Spoofed in",
    "Spoofs",
    "Version of",
)

COLORS = frozenset(("Color", "Colour", "Black and White"))

SOUND_MIXES = frozenset(
    (
        "Mono",
        "Stereo",
        "Dolby",
        "Dolby Digital",
        "Dolby Digital EX",
        "Dolby SR",
        "Dolby Stereo",
        "Dolby Surround 7.1",
        "Dolby Atmos",
        "DTS",
        "DTS-ES",
        "DTS-Stereo",
        "SDDS",
        "Ultra Stereo",
        "70 mm 6-Track",
        "6-Track Stereo",
        "4-Track Stereo",
        "Silent",
        "Sensurround",
        "Datasat",
        "IMAX 6-Track",
        "Perspecta Stereo",
        "Cinerama 7-Track",
        "Matrix Surround",
        "Vitaphone",
        "Movietone",
        "RCA Sound System",
        "Westrex Recording System",
        "Western Electric Sound System",
        "Auro 11.1",
        "DTS 70 mm",
        "Todd-AO 6-Track",
    )
)
