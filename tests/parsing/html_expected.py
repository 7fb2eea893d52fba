"""Expected values of the Gaslight sample, read from the page (its plain-text
extraction samples/gaslight-1944.combined-2010.extracted.txt shows the same text).

Shared by the HTML sample test and the HTML-versus-text test.
"""

GASLIGHT_CAST = [
    ("Charles Boyer", "Gregory Anton"),
    ("Ingrid Bergman", "Paula Alquist"),
    ("Joseph Cotten", "Brian Cameron"),
    ("Dame May Whitty", "Miss Bessie Thwaites"),
    ("Angela Lansbury", "Nancy Oliver"),
    ("Barbara Everest", "Elizabeth Tompkins"),
    ("Emil Rameau", "Maestro Mario Guardi"),
    ("Edmund Breon", "Gen. Huddleston"),
    ("Halliwell Hobbes", "Mr. Muffin"),
    ("Tom Stevenson", "Williams"),
    ("Heather Thatcher", "Lady Dalroy"),
    ("Lawrence Grossmith", "Lord Dalroy"),
    ("Jakob Gimpel", "Pianist"),
    # rest of cast listed alphabetically: all "(uncredited)"
    ("Harry Adams", "Policeman"),
    ("John Ardizoni", "Bit Part"),
    ("Major Frank Baker", "Bit Part"),
    ("Wilson Benge", "Bit Part"),
    ("Arnold Bennett", "Footman"),
    ("Florence Benson", "Bit Part"),
    ("Arthur Blake", "Butler"),
    ("Lillian Bronson", "Lady"),
    ("Leonard Carey", "Guide"),
    ("Alec Craig", "Turnkey"),
    ("Antonio D'Amore", "Bit Part"),
    ("Frank Eldredge", "Lamplighter"),
    ("Maude Fealy", "Bit Part"),
    ("Al Ferguson", "Bit Part"),
    ("Helen Flint", "Franchette"),
    ("Gibson Gowland", "Servant"),
    ("Gary Gray", "Boy in Park with Nanny"),
    ("Roger Gray", "Stranger"),
    ("Bobby Hale", "Lamplighter"),
    ("Joy Harington", "Miss Laura Pritchard"),
    ("Tom Hughes", "Bit Part"),
    ("Jack Kirk", "Cab Driver"),
    ("Pat Malone", "Policeman"),
    ("Al Masiello", "Bit Part"),
    ("Charles McNaughton", "Wilkins"),
    ("Terry Moore", "Paula Alquist - Age 14"),
    ("Clive Morgan", "Bit Part"),
    ("Georgie Nokes", "Boy"),
    ("Joseph North", "Policeman"),
    ("Simon Olivier", "Boy in Museum"),
    ("Elsie Prescott", "Bit Part"),
    ("Joseph Romantini", "Bit Part"),
    ("Syd Saylor", "Baggage Clerk"),
    ("Arthur Stone", "Durkin"),
    ("Alix Terry", "Girl"),
    ("Morgan Wallace", "Fred Garrett"),
    ("Eric Wilton", "Valet"),
    ("Eustace Wyatt", "Budge"),
    ("Phyllis Yuse", "Young Girl"),
    ("Guy Zanette", "Bit Part"),
]

# (department, department_label, name, job, credited_as, notes, order)
GASLIGHT_CREW = [
    ("director", "Directed by", "George Cukor", None, None, [], 1),
    ("writer", "Writing credits", "Patrick Hamilton", None, None, ['play "Angel Street"'], 1),
    ("writer", "Writing credits", "John Van Druten", None, None, ["screenplay"], 2),
    ("writer", "Writing credits", "Walter Reisch", None, None, ["screenplay"], 3),
    ("writer", "Writing credits", "John L. Balderston", None, None, ["screenplay"], 4),
    ("producer", "Produced by", "Arthur Hornblow Jr.", "producer", None, [], 1),
    ("composer", "Original Music by", "Bronislau Kaper", None, None, [], 1),
    ("cinematographer", "Cinematography by", "Joseph Ruttenberg", None, None, [], 1),
    ("editor", "Film Editing by", "Ralph E. Winters", None, None, [], 1),
    ("art_director", "Art Direction by", "Cedric Gibbons", None, None, [], 1),
    ("set_decorator", "Set Decoration by", "Edwin B. Willis", None, None, [], 1),
    ("costume_designer", "Costume Design by", "Irene", None, None, [], 1),
    ("makeup", "Makeup Department", "Jack Dawn", "makeup artist", None, [], 1),
    ("makeup", "Makeup Department", "Irma Kusely", "hair stylist", None, ["uncredited"], 2),
    (
        "assistant_director",
        "Second Unit Director or Assistant Director",
        "Jack Greenwood",
        "assistant director",
        None,
        ["uncredited"],
        1,
    ),
    ("art_department", "Art Department", "William Ferrari", "associate art director", None, [], 1),
    ("art_department", "Art Department", "Paul Huldschinsky", "associate set decorator", None, [], 2),
    ("sound", "Sound Department", "Douglas Shearer", "recording director", None, [], 1),
    ("sound", "Sound Department", "Joe Edmondson", "sound", None, ["uncredited"], 2),
    ("special_effects", "Special Effects by", "Warren Newcombe", "special effects", None, [], 1),
    ("camera", "Camera and Electrical Department", "Harry Stradling Jr.", "assistant camera", None, ["uncredited"], 1),
    (
        "costume",
        "Costume and Wardrobe Department",
        "Marion Herwood Keyes",
        "associate costume supervisor",
        "Marion Herwood",
        [],
        1,
    ),
    ("editorial", "Editorial Department", "William Webb", "assistant editor", None, ["uncredited"], 1),
    ("music", "Music Department", "Jakob Gimpel", "musician: piano solos", None, [], 1),
    ("music", "Music Department", "Daniele Amfitheatrof", "composer: additional music", None, ["uncredited"], 2),
    ("music", "Music Department", "Mario Castelnuovo-Tedesco", "composer: additional music", None, ["uncredited"], 3),
    ("music", "Music Department", "Sidney Cutner", "orchestrator", None, ["uncredited"], 4),
    ("music", "Music Department", "Robert Franklyn", "orchestrator", None, ["uncredited"], 5),
    ("music", "Music Department", "Arthur Rosenstein", "vocal coach", None, ["uncredited"], 6),
    ("music", "Music Department", "Conrad Salinger", "orchestrator", None, ["uncredited"], 7),
    ("miscellaneous", "Other crew", "David O. Selznick", "special advisor", None, ["uncredited"], 1),
    ("miscellaneous", "Other crew", "Charles Walters", "dance director", None, ["uncredited"], 2),
]

# (kind, name, notes)
GASLIGHT_COMPANIES = [
    ("production", "Metro-Goldwyn-Mayer (MGM)", []),
    ("distributor", "Metro-Goldwyn-Mayer (MGM)", ["1944", "USA", "theatrical"]),
    ("distributor", "Metro-Goldwyn-Mayer (MGM)", ["1946", "France", "theatrical"]),
    ("distributor", "Metro-Goldwyn-Mayer (MGM)", ["1947", "West Germany", "theatrical"]),
    ("distributor", "MGM/UA Home Entertainment", ["1994", "USA", "VHS"]),
    ("distributor", "Turner Entertainment", ["1994", "USA", "VHS"]),
    ("distributor", "Warner Home Video", ["2001", "USA", "VHS"]),
    ("distributor", "Warner Home Video", ["2004", "Germany", "DVD"]),
    ("distributor", "Warner Home Video", ["2004", "USA", "DVD"]),
    ("distributor", "Warner Home Vídeo", ["2004", "Brazil", "DVD"]),
    ("distributor", "Warner Home Video", ["2005", "USA", "DVD"]),
    ("distributor", "Metro-Goldwyn-Mayer (MGM)", ["1945", "1955", "Finland", "theatrical"]),
    ("distributor", "Warner Bros. Entertainment Finland Oy", ["2004", "Finland", "DVD"]),
    ("distributor", "Yleisradio (YLE)", ["1965", "1977", "1990", "2008", "Finland", "TV"]),
    ("distributor", "Chapel Distribution", ["1997", "Australia", "theatrical", "35mm print"]),
    ("distributor", "Living Colour Entertainment", ["2008", "Netherlands", "DVD"]),
    ("distributor", "TwellV", ["2007", "Japan", "TV"]),
    ("distributor", "Warner Home Video", ["2006", "USA", "DVD"]),
    ("other", "Metro-Goldwyn-Mayer (MGM)", ["presents"]),
]

GASLIGHT_CERTIFICATES = [
    ("Netherlands", "6", []),
    ("Australia", "PG", []),
    ("Finland", "K-16", []),
    ("Germany", "12", []),
    ("Spain", "T", []),
    ("Sweden", "15", []),
    ("UK", "PG", []),
    ("USA", "Approved", ["certificate #9800"]),
]

GASLIGHT_QUOTE = [
    ("Nancy Oliver", "Gonna work on your tunes again tonight, sir? You're always working, aren't you?"),
    ("Gregory Anton", "Yes. What are you doing with your evening out?"),
    ("Nancy Oliver", "Oh, I'm going to a music hall..."),
    (None, "[starts to sing 'Up in a balloon']"),
    ("Gregory Anton", "I've never been to an English music hall."),
    ("Nancy Oliver", "Oh, you don't know what you've missed, sir..."),
    ("Gregory Anton", "And whom are you going to the music hall with?"),
    ("Nancy Oliver", "A gentleman friend, sir."),
    (
        "Gregory Anton",
        "Oh, now you know, Nancy, don't you, that gentlemen friends are sometimes inclined to take liberties with young ladies.",
    ),
    ("Nancy Oliver", "Oh no, sir, not with me. I can take care of myself - when I want to."),
    (None, "[...]"),
]

GASLIGHT_PLOT = (
    "Years after her aunt was murdered in her home, a young woman moves back into the house with her new husband. "
    "However, he has a secret which he will do anything to protect, even if that means driving his wife insane."
)
GASLIGHT_TRIVIA = (
    "The first time Ingrid Bergman met Charles Boyer was the day they shot the scene where they meet at a train "
    "station and kiss passionately. As Boyer was several inches shorter than his co-star, he had to stand on a box, "
    "which she kept inadvertently kicking as she ran into the scene."
)
GASLIGHT_GOOF = (
    "When Nancy is following Elizabeth up the stairs, they are both carrying several folded sheets. Immediately when "
    "they reach the top of the landing the camera focuses close-up on Nancy, who is looking at the closed off top "
    "floor - in this shot she is not carrying the sheets."
)
GASLIGHT_REVIEW_FIRST_PARAGRAPH = (
    "If you're looking for everything you've ever wanted to know about horror, mystery, depression, and suspense, "
    "go take a peek into Ingrid Bergman's eyes."
)
GASLIGHT_REVIEW_LAST_PARAGRAPH = (
    "Although there are faults, Gaslight is an extraordinary film, generating its suspense not from an evil lurking "
    'in the shadows, but from the psychology of the mind itself. Perhaps one of the first "pure" psychological '
    "thrillers, Gaslight, just like Ingrid Bergman's eyes, contains the perfect blend of mystery, suspense, and beauty."
)
GASLIGHT_FAQ = [
    "What were the two piano pieces that were played at Lady Dalroy's party?",
    'To what does the title "Gaslight" refer?',
    'Is "Gaslight" based on a novel?',
]
GASLIGHT_RECOMMENDATIONS = [
    ("The Murder in Thornton Square", "tt0031359"),
    ("Wait Until Dark", "tt0062467"),
    ("Midnight Lace", "tt0054084"),
    ("Jack the Ripper", "tt0095388"),
    ("Amadeus", "tt0086879"),
]
