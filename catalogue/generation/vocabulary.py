"""Word lists the generator draws from: names by culture, title words, ratings by country.

Plain data. The lists mix accented Latin, Japanese, Cyrillic and Greek text on purpose:
real pages carry all of them, and search and slugs must cope.
"""

from __future__ import annotations

# (given names, surnames, can take a middle initial)
# Word lists kept dense, several to a line (ruff format would put one word per line).
# fmt: off
NAME_CULTURES: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {
    "english": (
        (
            "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
            "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
            "Peter", "George", "Edward", "Henry", "Walter", "Arthur", "Frank", "Harold", "Albert", "Ernest",
            "Grace", "Alice", "Dorothy", "Helen", "Margaret", "Ruth", "Virginia", "Evelyn", "Joan", "Judith",
            "Paul", "Mark", "Kevin", "Brian", "Gary", "Timothy", "Larry", "Jeffrey", "Frances", "Nora",
        ),
        tuple(
            prefix + suffix
            for prefix in (
                "Ash", "Black", "Brad", "Brook", "Cald", "Chat", "Craw", "Dun", "Els", "Fair", "Green", "Hart",
                "Hol", "Kings", "Lang", "Mar", "Mid", "North", "Pem", "Rad", "Ring", "Shel", "South", "Stan",
                "Thorn", "Wake", "Wal", "West", "Whit", "Wood",
            )
            for suffix in (
                "ford", "ley", "ton", "wood", "field", "well", "more", "bury", "ham", "worth", "stone", "by",
                "croft", "dale", "ridge",
            )
        ),
        True,
    ),
    "french": (
        (
            "Éliane", "Gérard", "René", "Hélène", "Françoise", "Jérôme", "Céline", "Amélie", "Léa", "Noël",
            "Jean", "Pierre", "Michel", "Anne", "Sylvie", "Étienne", "Loïc", "Anaïs", "Benoît", "Gaëlle",
            "Jacques", "Marguerite", "Delphine", "Raphaël", "Chloé", "Zoé", "Aurélien", "Mathéo", "Inès", "Honoré",
        ),
        (
            "Lefèvre", "Dubois", "Moreau", "Laurent", "Bézier", "Rivière", "Mercier", "Chénier", "Renard",
            "Delorme", "Fèvre", "Lemaître", "Garçon", "Béranger", "Marchand", "Dupré", "Fontaine", "Chevalier",
            "Gaillard", "Rousseau", "Périer", "Lacroix", "Vérany", "Sauvé", "Brûlé", "Aubert", "Février",
            "Maréchal", "Thibault", "Ségur", "Collery", "Sarraute", "Vierny", "Colpi", "Delerue", "Baudrot",
            "Chasney", "Clerval", "Guyonne", "Andrefouet",
        ),
        True,
    ),
    "german": (
        (
            "Jürgen", "Günter", "Käthe", "Jörg", "Björn", "Uwe", "Dieter", "Helmut", "Ursula", "Renate",
            "Klaus", "Wolfgang", "Sabine", "Brigitte", "Matthias", "Götz", "Hannelore", "Lütz", "Rüdiger", "Heike",
        ),
        (
            "Müller", "Schröder", "Weiß", "Schäfer", "Krüger", "Köhler", "Groß", "Bäcker", "Lößl", "Fuchs",
            "Hoffmann", "Wagner", "Becker", "Schulz", "Zimmermann", "Braun", "Hartmann", "Lange", "Jäger", "Vogt",
            "Möller", "Wöhrle", "Günther", "Pfeiffer", "Strauß",
        ),
        True,
    ),
    "spanish": (
        (
            "José", "Inés", "Martín", "María", "Jesús", "Lucía", "Andrés", "Sofía", "Ramón", "Begoña",
            "Álvaro", "Íñigo", "Belén", "Ángela", "Joaquín", "Nuria", "Óscar", "Rocío", "Sebastián", "Tomás",
        ),
        (
            "Núñez", "Peña", "García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Díaz",
            "Muñoz", "Álvarez", "Jiménez", "Ruiz", "Hernández", "Ibáñez", "Castaño", "Ordóñez", "Cañete", "Almodóvar",
        ),
        True,
    ),
    "italian": (
        (
            "Giovanni", "Lucilla", "Federico", "Giulietta", "Marcello", "Sofia", "Vittorio", "Anna", "Luchino",
            "Monica", "Pier Paolo", "Silvana", "Nicolò", "Gianmaria", "Letizia", "Salvatore", "Carla", "Raffaella",
        ),
        (
            "Fusco", "Mussini", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
            "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
            "Lombardi", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini",
        ),
        True,
    ),
    "nordic": (
        (
            "Bjørn", "Åsa", "Søren", "Ingrid", "Liv", "Sven", "Märta", "Øystein", "Ása", "Tove",
            "Gunnar", "Sigrún", "Pål", "Kåre", "Ærlig", "Eyjólfur", "Þóra", "Hjördís", "Lasse", "Jóhann",
        ),
        (
            "Ødegård", "Bergström", "Sjöberg", "Åkerlund", "Lindqvist", "Hansen", "Nygård", "Ström", "Sæther",
            "Jónsdóttir", "Þórðarson", "Bjørnstad", "Kjær", "Holmström", "Lövgren", "Dahl", "Fjeld", "Østergaard",
        ),
        True,
    ),
    "japanese": (
        (
            "Toshirô", "Takashi", "Keiko", "Yukiko", "Kamatari", "Daisuke", "Isao", "Minoru", "Michio", "Takeo",
            "Setsuko", "Chishû", "Kinuyo", "Kyôko", "Shûji", "Ryû", "Yôko", "Hideko", "Tatsuya", "Masayuki",
            "Kenji", "Akira", "Yasujirô", "Shinobu", "Mieko", "Haruko", "Kôji", "Jûzô", "Sachiko", "Eiji",
        ),
        (
            "Mifune", "Shimura", "Tsushima", "Shimazaki", "Fujiwara", "Katô", "Kimura", "Esaka", "Takahashi",
            "Shirakawa", "Hara", "Itô", "Ozu", "Mizoguchi", "Naruse", "Kurosawa", "Okada", "Tanaka", "Yamamoto",
            "Watanabe", "Nakamura", "Kobayashi", "Saitô", "Kondô", "Ôshima", "Gotô", "Endô", "Satô", "Suzuki", "Mori",
        ),
        True,
    ),
    "kanji": (
        tuple(
            first + second
            for first in ("敏", "孝", "恵", "由", "鎌", "大", "功", "実", "道", "武", "節", "笠", "絹", "京", "修")
            for second in ("郎", "子", "夫", "雄", "介", "美", "代", "男", "也", "史", "江", "司")
        ),
        (
            "三船", "志村", "津島", "島崎", "藤原", "加東", "木村", "江崎", "高橋", "白川", "原", "伊藤", "小津",
            "溝口", "成瀬", "黒澤", "岡田", "田中", "山本", "渡辺", "中村", "小林", "斎藤", "近藤", "大島",
        ),
        False,
    ),
    "russian": (
        (
            "Сергей", "Андрей", "Татьяна", "Ольга", "Михаил", "Наталья", "Григорий", "Елена", "Никита", "Людмила",
            "Владимир", "Ирина", "Алексей", "Марина", "Дмитрий", "Светлана", "Фёдор", "Юлия", "Пётр", "Анна",
        ),
        (
            "Эйзенштейн", "Тарковский", "Самойлова", "Михалков", "Соловьёв", "Бондарчук", "Герман", "Шукшин",
            "Климов", "Рязанов", "Гайдай", "Данелия", "Чухрай", "Калатозов", "Ромм", "Довженко", "Пудовкин",
            "Кончаловский", "Муратова", "Сокуров",
        ),
        True,
    ),
    "greek": (
        (
            "Γιώργος", "Μαρία", "Νίκος", "Ελένη", "Κώστας", "Αικατερίνη", "Γιάννης", "Σοφία", "Δημήτρης", "Άννα",
            "Θόδωρος", "Μελίνα", "Παύλος", "Ειρήνη", "Αλέξης",
        ),
        (
            "Παπαδόπουλος", "Αγγελόπουλος", "Κακογιάννης", "Μερκούρη", "Κουνδουρός", "Βούλγαρης", "Γαβράς",
            "Λάνθιμος", "Τζαβέλλας", "Ζερβός", "Οικονόμου", "Νικολαΐδης",
        ),
        True,
    ),
}

# One slot of this list per twentieth of the people: mostly English-language names.
CULTURE_SLOTS: tuple[str, ...] = (
    "english", "english", "english", "english", "english", "english",
    "french", "french", "german", "spanish", "italian", "italian", "nordic",
    "japanese", "japanese", "kanji", "russian", "greek", "english", "spanish",
)

# Initials for middle names, by script.
INITIALS = {
    "latin": "ABCDEFGHJKLMNPRSTVW",
    "cyrillic": "АБВГДЕЖЗИКЛМНОПРСТ",
    "greek": "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣ",
}

ADJECTIVES = (
    "Silent", "Last", "Dark", "Golden", "Broken", "Hidden", "Lost", "Crimson", "Bitter", "Endless", "Forgotten",
    "Wild", "Quiet", "Burning", "Frozen", "Secret", "Empty", "Distant", "Hollow", "Restless", "Savage", "Gentle",
    "Naked", "Sleeping", "Falling", "Eternal", "Wandering", "Second", "Final", "Little", "Great", "Strange",
    "Blue", "White", "Black", "Red", "Green", "Scarlet", "Pale", "Iron",
)
NOUNS = (
    "City", "River", "Night", "Summer", "Winter", "Garden", "Heart", "Mirror", "Road", "Kingdom", "Shadow",
    "Island", "Stranger", "Harbour", "Station", "Promise", "Witness", "Letter", "Voyage", "Angel", "Empire",
    "Season", "Window", "Bridge", "Mountain", "Forest", "Desert", "Storm", "Dream", "Hour", "Affair", "Widow",
    "Soldier", "Dancer", "Thief", "Samurai", "Horizon", "Tide", "Carnival", "Lantern", "Sparrow", "Echo",
    "Frontier", "Orchard", "Memory", "Crossing", "Orchestra", "Lighthouse", "Duel", "Requiem",
)
PLACES = (
    "Hiroshima", "Paris", "Tokyo", "Berlin", "Rome", "Lisbon", "Kyoto", "Vienna", "Istanbul", "Marseille",
    "Havana", "Tangier", "Montréal", "São Paulo", "Kraków", "Reykjavík", "Zürich", "Málaga", "Nagasaki",
    "Odessa", "Athens", "Salonica", "Bombay", "Shanghai", "Dakar", "Saigon", "Naples", "Seville", "Oslo", "Brno",
)
FRENCH_NOUNS = (
    "nuit", "rivière", "mémoire", "fenêtre", "forêt", "fête", "tempête", "île", "été", "château", "rêve",
    "lumière", "guerre", "chambre", "bête", "côte", "ombre", "âme", "mère", "étoile",
)
FRENCH_ADJECTIVES = (
    "perdue", "éternelle", "cachée", "dernière", "brûlée", "première", "étrange", "oubliée", "légère",
    "sauvage", "froide", "fidèle", "éloignée", "dorée", "inquiète",
)
JAPANESE_WORDS = (
    "東京", "物語", "七人", "侍", "夜", "雨", "月", "夏", "冬", "海", "山", "川", "花", "風", "影", "城", "女", "男",
    "秋", "春", "道", "家", "心", "空", "火", "雪", "鳥", "橋", "夢", "港",
)
RUSSIAN_ADJECTIVES = (
    "Белый", "Тихий", "Последний", "Долгий", "Чужой", "Зимний", "Летний", "Красный", "Ночной", "Старый",
    "Дальний", "Северный", "Золотой", "Первый", "Тёмный",
)
RUSSIAN_NOUNS = (
    "ветер", "город", "берег", "сад", "поезд", "лес", "дом", "мост", "путь", "свет", "снег", "крик",
    "вальс", "рассвет", "закат",
)
GREEK_WORDS = (
    "Ταξίδι", "Θάλασσα", "Νύχτα", "Καλοκαίρι", "Μνήμη", "Φως", "Σκιά", "Όνειρο", "Λιμάνι", "Βουνό",
)

CHARACTER_ROLES = (
    "Policeman", "Wife", "Husband", "Doctor", "Nurse", "Bartender", "Waitress", "Priest", "Soldier", "Farmer",
    "Taxi Driver", "Mother", "Father", "Daughter", "Son", "Landlady", "Reporter", "Judge", "Sailor", "Clerk",
    "Old Man", "Young Woman", "Singer", "Detective", "Mayor", "Teacher", "Student", "Guard", "Messenger",
    "Narrator", "Himself", "Herself", "Stranger", "Innkeeper", "Pianist",
)

GENRES = (
    "Drama", "Comedy", "Romance", "Thriller", "Crime", "Action", "Adventure", "Horror", "Mystery", "War",
    "Western", "Documentary", "Animation", "Family", "Fantasy", "Sci-Fi", "Musical", "Music", "History",
    "Biography", "Sport", "Film-Noir",
)
LANGUAGES = (
    "English", "French", "Japanese", "German", "Italian", "Spanish", "Russian", "Greek", "Swedish",
    "Norwegian", "Danish", "Portuguese", "Polish", "Czech", "Mandarin", "Cantonese", "Hindi", "Korean",
    "Icelandic", "Hungarian",
)
# Production countries by name culture (the country a title's crew mostly comes from).
PRODUCTION_COUNTRIES = {
    "english": ("USA", "UK", "Canada", "Australia", "Ireland", "New Zealand"),
    "french": ("France", "Belgium", "Switzerland", "Canada"),
    "german": ("West Germany", "Germany", "Austria", "East Germany"),
    "spanish": ("Spain", "Mexico", "Argentina", "Chile"),
    "italian": ("Italy",),
    "nordic": ("Sweden", "Norway", "Denmark", "Iceland", "Finland"),
    "japanese": ("Japan",),
    "kanji": ("Japan",),
    "russian": ("Soviet Union", "Russia"),
    "greek": ("Greece", "Cyprus"),
}
CULTURE_LANGUAGE = {
    "english": "English", "french": "French", "german": "German", "spanish": "Spanish", "italian": "Italian",
    "nordic": "Swedish", "japanese": "Japanese", "kanji": "Japanese", "russian": "Russian", "greek": "Greek",
}
COLOURS = ("Color", "Black and White")
SOUND_MIXES = ("Mono", "Stereo", "Dolby", "Dolby Digital", "DTS", "SDDS", "Dolby SR")
ASPECT_RATIOS = ("1.37 : 1", "1.33 : 1", "1.66 : 1", "1.85 : 1", "2.35 : 1", "2.39 : 1", "1.78 : 1")

# Forty certificate countries with the ratings their boards used. (country, ratings, ratings used from 1990)
CERTIFICATES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Argentina", ("Atp", "13", "16", "18"), ("ATP", "13", "16", "18")),
    ("Australia", ("G", "NRC", "M", "R"), ("G", "PG", "M", "MA", "R")),
    ("Austria", ("6", "10", "12", "14", "16"), ("6", "10", "12", "14", "16")),
    ("Belgium", ("KT", "KNT"), ("KT", "KNT", "12", "16")),
    ("Brazil", ("Livre", "14", "18"), ("Livre", "10", "12", "14", "16", "18")),
    ("Canada", ("G", "PG", "14A", "18A"), ("G", "PG", "14A", "18A", "R")),
    ("Chile", ("TE", "14", "18"), ("TE", "14", "18")),
    ("Czech Republic", ("U", "12", "15"), ("U", "12", "15", "18")),
    ("Denmark", ("A", "11", "15"), ("A", "7", "11", "15")),
    ("Finland", ("S", "K-8", "K-12", "K-16", "K-18"), ("S", "K-7", "K-11", "K-13", "K-15", "K-18")),
    ("France", ("U", "-12", "-16", "-18"), ("U", "-12", "-16", "-18")),
    ("Germany", ("o.Al.", "6", "12", "16", "18"), ("o.Al.", "6", "12", "16", "18")),
    ("Greece", ("K", "K-13", "K-17"), ("K", "K-13", "K-17")),
    ("Hong Kong", ("I", "IIA", "IIB", "III"), ("I", "IIA", "IIB", "III")),
    ("Hungary", ("KN", "12", "16", "18"), ("KN", "6", "12", "16", "18")),
    ("Iceland", ("L", "12", "16"), ("L", "7", "12", "16")),
    ("India", ("U", "UA", "A"), ("U", "UA", "A")),
    ("Ireland", ("G", "12", "15", "18"), ("G", "PG", "12", "15A", "16", "18")),
    ("Israel", ("PG", "12", "16"), ("PG", "12", "16", "18")),
    ("Italy", ("T", "VM14", "VM16", "VM18"), ("T", "VM14", "VM18")),
    ("Japan", ("G", "PG-12", "R-15", "R-18"), ("G", "PG12", "R15+", "R18+")),
    ("Malaysia", ("U", "18"), ("U", "18SG", "18PL")),
    ("Mexico", ("A", "B", "C"), ("AA", "A", "B", "B-15", "C")),
    ("Netherlands", ("AL", "12", "14", "18"), ("AL", "6", "12", "16")),
    ("New Zealand", ("G", "PG", "M", "R16", "R18"), ("G", "PG", "M", "R13", "R16", "R18")),
    ("Norway", ("A", "11", "15", "18"), ("A", "7", "11", "15", "18")),
    ("Peru", ("PT", "14", "18"), ("PT", "14", "18")),
    ("Philippines", ("G", "PG-13", "R-18"), ("G", "PG", "R-13", "R-16", "R-18")),
    ("Poland", ("AL", "12", "15", "18"), ("AL", "7", "12", "15", "18")),
    ("Portugal", ("M/6", "M/12", "M/16", "M/18"), ("M/6", "M/12", "M/16", "M/18")),
    ("Singapore", ("G", "PG", "R"), ("G", "PG", "NC-16", "M18", "R21")),  # not "R(A)": reads as a note
    ("South Africa", ("A", "10", "13", "16", "18"), ("A", "PG", "10-12PG", "13", "16", "18")),
    ("South Korea", ("All", "12", "15", "18"), ("All", "12", "15", "18")),
    ("Spain", ("T", "13", "18"), ("T", "7", "13", "18")),
    ("Sweden", ("Btl", "11", "15"), ("Btl", "7", "11", "15")),
    ("Switzerland", ("12", "14", "16"), ("6", "12", "14", "16")),
    ("Taiwan", ("GP", "PG", "R"), ("GP", "PG", "P", "R")),
    ("UK", ("U", "A", "AA", "X"), ("U", "PG", "12", "15", "18")),
    ("USA", ("Approved", "Passed", "Not Rated", "G", "PG", "R"), ("G", "PG", "PG-13", "R", "NC-17", "TV-14")),
    ("West Germany", ("6", "12", "16", "18"), ("6", "12", "16", "18")),
)
CERTIFICATE_NOTES = (
    ("original rating",),
    ("re-rating",),
    ("video",),
    ("DVD rating",),
    ("TV rating",),
    ("cut",),
    ("f",),
    ("w",),
)

AKA_NOTES = (
    ("English title",),
    ("English title", "imdb display title"),
    ("working title",),
    ("literal English title",),
    ("new title",),
    ("DVD title",),
    ("video title",),
    ("alternative title",),
)
AKA_COUNTRIES = (
    "International", "USA", "UK", "France", "West Germany", "Italy", "Spain", "Japan", "Soviet Union",
    "Greece", "Sweden", "Portugal", "Brazil", "Argentina", "Finland", "Poland", "Hungary",
)

# Jobs by crew department; departments missing here print no job ("Name ").
DEPARTMENT_JOBS: dict[str, tuple[str, ...]] = {
    "producer": ("producer", "executive producer", "associate producer", "co-producer", "line producer"),
    "makeup": ("key makeup artist", "hair stylist", "makeup artist", "makeup supervisor", "wig maker"),
    "production_manager": ("production manager", "unit production manager", "post-production supervisor"),
    "assistant_director": (
        "assistant director", "first assistant director", "second assistant director", "second unit director",
    ),
    "art_department": (
        "assistant set decorator", "property master", "set dresser", "construction coordinator", "scenic artist",
        "leadman", "painter", "draughtsman",
    ),
    "sound": (
        "sound engineer", "boom operator", "sound mixer", "foley artist", "dialogue editor", "sound effects editor",
        "audio restorer", "re-recording mixer",
    ),
    "special_effects": ("special effects supervisor", "special effects technician", "pyrotechnician"),
    "visual_effects": (
        "visual effects supervisor", "compositor", "digital artist", "matchmove artist", "rotoscope artist",
        "visual effects producer", "lighting artist",
    ),
    "stunts": ("stunts", "stunt coordinator", "stunt double", "stunt driver"),
    "camera": (
        "assistant camera", "lighting technician", "camera operator", "gaffer", "grip", "key grip",
        "best boy electric", "still photographer", "focus puller", "dolly grip",
    ),
    "animation": ("animator", "character animator", "layout artist", "in-between artist"),
    "casting": ("casting assistant", "extras casting", "casting associate"),
    "costume": ("costumer", "wardrobe supervisor", "seamstress", "costume assistant", "wardrobe assistant"),
    "editorial": ("assistant editor", "colorist", "negative cutter", "first assistant editor"),
    "music": ("music supervisor", "orchestrator", "music editor", "conductor", "musician", "copyist"),
    "transportation": ("driver", "transportation captain", "transportation coordinator"),
    "miscellaneous": (
        "script", "script supervisor", "production assistant", "location manager", "production secretary",
        "publicist", "caterer", "production accountant", "literary consultant", "unit publicist",
    ),
    "thanks": ("special thanks", "thanks", "grateful thanks"),
}
# Crew departments by how often a title has them and how much of the remaining crew they take.
DEPARTMENT_WEIGHTS: dict[str, int] = {
    "makeup": 6,
    "production_manager": 3,
    "assistant_director": 4,
    "art_department": 10,
    "sound": 8,
    "special_effects": 3,
    "visual_effects": 6,
    "stunts": 4,
    "camera": 10,
    "animation": 1,
    "casting": 2,
    "costume": 4,
    "editorial": 3,
    "music": 3,
    "transportation": 3,
    "miscellaneous": 10,
    "thanks": 2,
}
# No "(as a team)": a reader cannot tell it from an alias.
CREW_NOTES = ("uncredited", "2nd unit", "Japan", "France", "USA", "UK", "Italy", "pre-production")

CONNECTION_TYPES = (
    "Follows", "Followed by", "Remake of", "Remade as", "Version of", "Spin off from", "References",
    "Referenced in", "Features", "Featured in", "Spoofs", "Spoofed in", "Edited into", "Edited from",
)
GOOF_CATEGORIES = (
    "Continuity", "Factual errors", "Anachronisms", "Revealing mistakes", "Crew or equipment visible",
    "Errors in geography", "Audio/visual unsynchronized", "Incorrectly regarded as goofs",
)
REVIEW_LOCATIONS = (
    "Greece", "United States", "London, England", "Paris, France", "Tokyo, Japan", "Berlin, Germany",
    "Toronto, Canada", "Melbourne, Australia", "Kraków, Poland", "São Paulo, Brazil", "Montréal, Canada",
    "Reykjavík, Iceland", "Stockholm, Sweden", "Madrid, Spain", "Rome, Italy",
)
REVIEWER_WORDS = (
    "chaos", "rampant", "film", "buff", "cinema", "lover", "night", "owl", "movie", "maniac", "reel", "critic",
    "silver", "screen", "popcorn", "kid", "old", "timer", "nouvelle", "vague", "noir", "fan",
)
SENTENCE_WORDS = (
    "the", "film", "story", "camera", "memory", "light", "city", "war", "love", "actor", "actress", "scene",
    "silence", "music", "director", "frame", "time", "dream", "past", "present", "image", "shadow", "face",
    "voice", "night", "river", "editing", "performance", "cinema", "audience", "moment", "ending", "opening",
    "slowly", "beautifully", "quietly", "never", "always", "perhaps", "still", "again", "here", "there",
    "remains", "returns", "moves", "shows", "hides", "reveals", "forgets", "remembers", "follows", "breaks",
    "with", "without", "under", "between", "across", "through", "into", "from", "of", "and", "but", "or",
    "déjà vu", "naïve", "café", "élan", "rôle", "über", "señor",
)
