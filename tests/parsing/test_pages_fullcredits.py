"""Full cast and crew pages (old layout), HTML and text: every row of every department."""

from __future__ import annotations

import pytest

from catalogue.parsing.pages import parse_html_fullcredits_page, parse_text_fullcredits_page
from catalogue.parsing.record import PageError, TitleRecord

# (order, name, character, credited_as, notes, imdb_id, character_id)
CAST = [
    (1, "Toshirô Mifune", "Kikuchiyo", "Toshiro Mifune", [], "nm0000053", "ch0003135"),
    (2, "Takashi Shimura", "Kambei Shimada", "志村喬", [], "nm0793704", "ch0003136"),
    (3, "Keiko Tsushima", "Shino", None, [], "nm0876301", None),
    (4, "Yukiko Shimazaki", "Rikichi's Wife", "Yukio Shimazaki", [], "nm0793670", None),
    (5, "Kamatari Fujiwara", "Manzo, father of Shino", None, [], "nm0297870", None),
    (6, "Daisuke Katô", "Shichiroji", "Daisake Kato", [], "nm0441706", "ch0003137"),
    (7, "Isao Kimura", "Katsushiro Okamoto", "Ko Kimura", [], "nm0453683", "ch0003138"),
    (8, "Minoru Chiaki", "Heihachi Hayashida", None, [], "nm0157085", None),
    (9, "Seiji Miyaguchi", "Kyuzo", None, [], "nm0594291", "ch0003139"),
    (10, "Yoshio Kosugi", "Mosuke", None, [], "nm0467497", None),
    (11, "Bokuzen Hidari", "Yohei", None, [], "nm0383116", None),
    (12, "Yoshio Inaba", "Gorobei Katayama", None, [], "nm0408710", None),
    (13, "Yoshio Tsuchiya", "Rikichi", None, [], "nm0874054", None),
    (14, "Kokuten Kôdô", "Gisaku, the Old Man", None, [], "nm0464140", None),
    (15, "Eijirô Tôno", "Thief", None, [], "nm0867789", None),
    (16, "Jun Tatara", "Coolie A", None, [], "nm0851104", None),
    (17, "Atsushi Watanabe", "Vendor", None, [], "nm0914238", None),
    (18, "Sôjin Kamiyama", "Minstrel", None, [], "nm0437196", None),
    (19, "Kichijirô Ueda", "Captured Bandit Scout", None, [], "nm0880282", None),
    (20, "Shimpei Takagi", "Bandit Chief", None, [], "nm0847125", None),
    (21, "Akira Tani", "Bandit", None, [], "nm0850405", None),
    (22, "Haruko Toyama", "Gisaku's Daughter-in-Law", None, [], "nm0870218", None),
    (23, "Kyôko Ai", "Peasant Woman", None, ["uncredited"], "nm0013983", None),
    (24, "Ichirô Chiba", "Priest", None, ["uncredited"], "nm0157162", None),
    (25, "Fumiko Homma", "Peasant Woman", None, ["uncredited"], "nm0393329", None),
    (26, "Toku Ihara", "Farmer", None, ["uncredited"], "nm0406839", None),
    (27, "Tsuneo Katagiri", "Samurai", None, ["uncredited"], "nm0441219", None),
    (28, "Takuzô Kumagai", "Farmer", None, ["uncredited"], "nm0474632", None),
    (29, "Haruo Nakajima", "Bandit", None, ["uncredited"], "nm0620335", None),
    (30, "Tatsuya Nakadai", "Ronin Walking in Town", None, ["uncredited"], "nm0620046", "ch0003140"),
    (31, "Masanobu Ôkubo", "Bandit", None, ["uncredited"], "nm0645978", None),
    (32, "Senkichi Ômura", "Fleeing Bandit", None, ["uncredited"], "nm0648553", None),
    (33, "Shin Ôtomo", "Second Bandit", None, ["uncredited"], "nm0651760", None),
    (34, "Sachio Sakai", "Farmer", None, ["uncredited"], "nm0756752", None),
    (35, "Keiji Sakakida", "Gosaku", None, ["uncredited"], "nm0756877", None),
    (36, "Noriko Sengoku", "Peasant Woman", None, ["uncredited"], "nm0784369", None),
    (37, "Gen Shimizu", "Masterless Samurai", None, ["uncredited"], "nm0793298", None),
    (38, "Yû Sudô", "Farmer", None, ["uncredited"], "nm0837373", None),
    (39, "Shunô Takahara", "Farmer", None, ["uncredited"], "nm0847453", None),
    (40, "Eizô Tanaka", None, None, ["uncredited"], "nm0849766", None),
    (41, "Yasuhisa Tsutsumi", "Farmer", None, ["uncredited"], "nm0875108", None),
    (42, "Isao Yamagata", "Samurai", None, ["uncredited"], "nm0945346", None),
    (43, "三船史郎", "Village Child", None, ["uncredited"], "nm0593119", None),
    (44, "Jun Tazaki", "Narrator", None, ["voice", "uncredited"], "nm0852224", None),
]
# (department, department_label, order, name, job, credited_as, notes, imdb_id)
CREW = [
    ("director", "Directed by", 1, "Akira Kurosawa", None, None, [], "nm0000041"),
    ("writer", "Writing credits", 1, "Akira Kurosawa", None, None, ["screenplay"], "nm0000041"),
    ("writer", "Writing credits", 2, "Shinobu Hashimoto", None, None, ["screenplay"], "nm0368074"),
    ("writer", "Writing credits", 3, "Hideo Oguni", None, None, ["screenplay"], "nm0645105"),
    ("producer", "Produced by", 1, "Sôjirô Motoki", "producer", None, [], "nm0609174"),
    ("composer", "Original Music by", 1, "Fumio Hayasaka", None, None, [], "nm0371218"),
    ("cinematographer", "Cinematography by", 1, "Asakazu Nakai", None, None, [], "nm0619987"),
    ("editor", "Film Editing by", 1, "Akira Kurosawa", None, None, ["uncredited"], "nm0000041"),
    ("art_director", "Art Direction by", 1, "Sô Matsuyama", None, "So Matsuyama", [], "nm0559812"),
    ("production_manager", "Production Management", 1, "Hiroshi Nezu", "production manager", None, [], "nm0627470"),
    (
        "assistant_director",
        "Second Unit Director or Assistant Director",
        1,
        "Hiromichi Horikawa",
        "assistant director",
        None,
        [],
        "nm0394956",
    ),
    (
        "assistant_director",
        "Second Unit Director or Assistant Director",
        2,
        "Toshio Takahara",
        "assistant director",
        "高原敏夫",
        [],
        "nm0847455",
    ),
    (
        "assistant_director",
        "Second Unit Director or Assistant Director",
        3,
        "Yasuyoshi Tajitsu",
        "second assistant director",
        None,
        ["uncredited"],
        "nm0847700",
    ),
    ("sound", "Sound Department", 1, "Fumio Yanoguchi", "sound recordist", "Fumio Yanokuchi", [], "nm0946366"),
    ("sound", "Sound Department", 2, "Ichirô Minawa", "sound effects", None, [], "nm0590785"),
    ("camera", "Camera and Electrical Department", 1, "Shigeru Mori", "lighting technician", None, [], "nm0605236"),
    (
        "camera",
        "Camera and Electrical Department",
        2,
        "Takao Saitô",
        "assistant camera",
        None,
        ["uncredited"],
        "nm0756184",
    ),
    (
        "location_management",
        "Location Management",
        1,
        "Teruyo Nogami",
        "location scout",
        None,
        ["uncredited"],
        "nm0634159",
    ),
    ("music", "Music Department", 1, "Masaru Satô", "assistant composer", None, ["uncredited"], "nm0765495"),
    (
        "miscellaneous",
        "Other crew",
        1,
        "Yoshio Sugino",
        "sword fight instructor",
        None,
        ["Katori Shintô-ryû"],
        "nm0837553",
    ),
    ("miscellaneous", "Other crew", 2, "Ienori Kaneko", "archery instructor", None, ["Heki-ryû Insai-ha"], "nm0437641"),
    ("miscellaneous", "Other crew", 3, "Kôhei Ezaki", "historical research", None, [], "nm0264217"),
    ("miscellaneous", "Other crew", 4, "Teruyo Nogami", "script supervisor", None, ["uncredited"], "nm0634159"),
    ("thanks", "Thanks", 1, "黒澤和子", "thanks", None, ["restoration"], "nm1237011"),
]

HTML_PAGE = "fullcredits/seven-samurai-1954.fullcredits-2010.html"
TEXT_PAGE = "fullcredits/seven-samurai-1954.fullcredits-2010.txt"
LOCATION_WARNING = "unknown crew heading 'Location Management': kept under the key 'location_management'"


def _cast_rows(record):
    return [(c.order, c.name, c.character, c.credited_as, c.notes, c.imdb_id, c.character_id) for c in record.cast]


def _crew_rows(record):
    return [
        (c.department, c.department_label, c.order, c.name, c.job, c.credited_as, c.notes, c.imdb_id)
        for c in record.crew
    ]


def _without_ids(rows, id_positions):
    return [tuple(None if index in id_positions else value for index, value in enumerate(row)) for row in rows]


def _header(record, *, imdb_id, source_format):
    assert (record.title, record.year, record.end_year, record.kind) == ("Seven Samurai", 1954, None, "movie")
    assert record.original_title == "Shichinin no samurai"
    assert record.imdb_id == imdb_id
    assert (record.page_type, record.source_format) == ("fullcredits", source_format)
    # A full-credits page carries no other section: every other key keeps its empty value.
    section = {
        "title",
        "year",
        "kind",
        "original_title",
        "imdb_id",
        "page_type",
        "source_format",
        "cast",
        "cast_complete",
        "cast_alphabetical_from",
        "crew",
        "warnings",
        "unparsed",
    }
    empty = TitleRecord(title="Seven Samurai").to_dict()
    assert {key: value for key, value in record.to_dict().items() if key not in section} == {
        key: value for key, value in empty.items() if key not in section
    }


def test_html_fullcredits_page(test_page_bytes):
    record = parse_html_fullcredits_page(test_page_bytes(HTML_PAGE))
    _header(record, imdb_id="tt0047478", source_format="html")
    assert record.cast_complete is True
    assert record.cast_alphabetical_from == 23  # 22 credited rows, then "rest of cast listed alphabetically:"
    assert _cast_rows(record) == CAST
    assert _crew_rows(record) == CREW
    assert record.warnings == [LOCATION_WARNING]
    assert record.unparsed == []


def test_html_fullcredits_page_features(test_page_bytes):
    record = parse_html_fullcredits_page(test_page_bytes(HTML_PAGE))
    assert len(record.cast) == 44
    assert [c.order for c in record.cast] == list(range(1, 45))  # on through "rest of cast listed alphabetically"
    assert sum("uncredited" in c.notes for c in record.cast) == 22
    assert record.cast[43].notes == ["voice", "uncredited"]
    assert record.cast[42].name == "三船史郎"  # &#x4E09;&#x8239;… in an iso-8859-1 page
    assert record.cast[39].character is None  # "(uncredited)" alone in the character cell
    departments = [c.department for c in record.crew]
    assert list(dict.fromkeys(departments)) == [
        "director",
        "writer",
        "producer",
        "composer",
        "cinematographer",
        "editor",
        "art_director",
        "production_manager",
        "assistant_director",
        "sound",
        "camera",
        "location_management",
        "music",
        "miscellaneous",
        "thanks",
    ]


def test_text_fullcredits_page(test_page_bytes):
    record = parse_text_fullcredits_page(test_page_bytes(TEXT_PAGE))
    _header(record, imdb_id=None, source_format="text")
    assert record.cast_complete is True
    assert record.cast_alphabetical_from == 23
    # The text carries no ids; every other field is the same as the HTML page's.
    assert _cast_rows(record) == _without_ids(CAST, {5, 6})
    assert _crew_rows(record) == _without_ids(CREW, {7})
    assert record.warnings == [LOCATION_WARNING]
    assert record.unparsed == []


def test_text_fullcredits_page_with_url(test_page_bytes):
    record = parse_text_fullcredits_page(
        test_page_bytes(TEXT_PAGE), url="http://www.imdb.com/title/tt0047478/fullcredits"
    )
    assert record.imdb_id == "tt0047478"


# The contract's crew-row table, and its sample's 35 rows in 15 departments.
def test_crew_rows_of_the_hiroshima_sample(sample_bytes):
    record = parse_text_fullcredits_page(sample_bytes("hiroshima-mon-amour-1959.combined.txt"))
    assert (record.title, record.year, record.original_title) == ("Hiroshima Mon Amour", 1959, "Hiroshima mon amour")
    assert len(record.crew) == 35
    assert len({c.department for c in record.crew}) == 15
    assert record.cast_complete is True
    rows = {c.name: (c.department, c.job, c.credited_as, c.notes, c.order) for c in record.crew}
    assert rows["Alain Resnais"] == ("director", None, None, [], 1)
    assert rows["Marguerite Duras"] == ("writer", "writer", None, [], 1)
    assert rows["Anatole Dauman"] == ("producer", "producer", None, [], 1)
    assert rows["Michio Takahashi"] == ("cinematographer", None, "Takahashi Michio", ["Japan"], 1)
    assert rows["Minoru Esaka"] == ("production_designer", None, "Esaka", [], 1)
    assert rows["Lucilla Mussini"] == ("production_designer", None, None, ["uncredited"], 2)
    assert rows["Alexandre Marcus"] == ("makeup", "key makeup artist", "A. Marcus", [], 1)
    assert rows["Hara"] == ("assistant_director", "assistant director", None, [], 3)
    assert rows["Éliane Marcus"] == ("makeup", "hair stylist", "Eliane Marcus", [], 2)


def test_credits_of_the_real_combined_page_html_and_text_agree(sample_bytes):
    """The real 2010 markup (h5 headings, td.nm/td.char cast) and its extraction give the same rows."""
    html = parse_html_fullcredits_page(sample_bytes("gaslight-1944.combined-2010.html"))
    text = parse_text_fullcredits_page(sample_bytes("gaslight-1944.combined-2010.extracted.txt"))
    assert len(html.cast) == 53 and html.cast_complete is True
    assert [c.notes for c in html.cast[:13]] == [[]] * 13
    assert all(c.notes == ["uncredited"] for c in html.cast[13:])
    assert (html.cast[0].name, html.cast[0].character, html.cast[0].imdb_id, html.cast[0].character_id) == (
        "Charles Boyer",
        "Gregory Anton",
        "nm0000964",
        "ch0021316",
    )
    assert (html.cast[38].name, html.cast[38].character) == ("Terry Moore", "Paula Alquist - Age 14")
    assert len(html.crew) == 32
    writer = html.crew[1]
    assert (writer.name, writer.job, writer.notes, writer.imdb_id) == (
        "Patrick Hamilton",
        None,
        ['play "Angel Street"'],
        "nm0358096",
    )
    keyes = next(c for c in html.crew if c.name == "Marion Herwood Keyes")
    assert (keyes.department, keyes.job, keyes.credited_as) == (
        "costume",
        "associate costume supervisor",
        "Marion Herwood",
    )
    strip_ids = lambda record: (
        [(c.name, c.character, c.credited_as, c.notes, c.order) for c in record.cast],
        [(c.department, c.department_label, c.name, c.job, c.credited_as, c.notes, c.order) for c in record.crew],
    )
    assert strip_ids(html) == strip_ids(text)


def test_unknown_heading_in_text_gets_a_key_and_a_warning():
    record = parse_text_fullcredits_page(
        "IMDb > Gaslight (1944) > Full cast and crew\n"
        "Directed by\nGeorge Cukor \n"
        "Script and Continuity Department\nJane Loring .... script supervisor (uncredited)\n"
    )
    assert [(c.department, c.department_label, c.name, c.job, c.notes) for c in record.crew] == [
        ("director", "Directed by", "George Cukor", None, []),
        (
            "script_and_continuity_department",
            "Script and Continuity Department",
            "Jane Loring",
            "script supervisor",
            ["uncredited"],
        ),
    ]
    assert record.warnings == [
        "unknown crew heading 'Script and Continuity Department': kept under the key 'script_and_continuity_department'"
    ]


def test_page_without_credits_warns():
    record = parse_text_fullcredits_page("IMDb > Gaslight (1944) > Full cast and crew\n")
    assert record.cast == [] and record.crew == []
    assert record.warnings == ["no cast or crew rows found on the page"]


@pytest.mark.parametrize("parse", [parse_html_fullcredits_page, parse_text_fullcredits_page])
def test_fullcredits_refuses_a_name_page(test_page_bytes, parse):
    with pytest.raises(PageError) as error:
        parse(test_page_bytes("other/ingrid-bergman.name-2010.html"))
    assert str(error.value) == "not an IMDb title page: looks like a name page"


def test_html_rows_without_name_links_and_odd_cells():
    page = (
        b'<html><head><title>Gaslight (1944) - Full cast and crew</title></head><body><div id="tn15content">'
        b'<table border="0" cellpadding="1" cellspacing="1"><tr><td colspan="2" class="blackcatheader">Costume Design by</td></tr>'
        b'<tr><td valign="top">Irene</td><td valign="top">&nbsp;</td><td> </td></tr>'
        b'<tr><td colspan="3">(in alphabetical order)</td></tr>'
        b'<tr><td valign="top"><a href="/name/nm0000002/">Ann Other</a></td><td> .... </td><td>costumer <i>(as A. O.)</i></td></tr>'
        b'<tr><td colspan="3">A note nobody expected</td></tr></table>'
        b'<table class="cast"><tr><td class="nm"><a href="/name/nm0000964/">Charles Boyer</a></td><td class="ddd"> ... </td>'
        b'<td class="char"><a href="/character/ch0021316/">Gregory</a> / <a href="/character/ch0000001/">Sergis Bauer</a></td></tr>'
        b"</table></div></body></html>"
    )
    record = parse_html_fullcredits_page(page)
    assert (record.title, record.year, record.imdb_id) == ("Gaslight", 1944, None)
    assert [(c.department, c.name, c.job, c.credited_as, c.order, c.imdb_id) for c in record.crew] == [
        ("costume_designer", "Irene", None, None, 1, None),
        ("costume_designer", "Ann Other", "costumer", "A. O.", 2, "nm0000002"),
    ]
    assert [(c.name, c.character, c.character_id, c.order) for c in record.cast] == [
        ("Charles Boyer", "Gregory / Sergis Bauer", "ch0021316", 1)
    ]
    assert record.cast_complete is None
    assert record.unparsed == ["A note nobody expected"]


def test_text_with_table_cells_on_lines_of_their_own():
    """Some extractors put every table cell on its own line: the rows are joined back."""
    text = (
        "IMDb > Seven Samurai (1954) > Full cast and crew\n"
        "Writing credits\n"
        "Akira Kurosawa\n(screenplay) &\n"
        "Hideo Oguni\n(screenplay)\n"
        "Cast\n"
        "(in credits order) (verified as complete)\n"
        "Toshirô Mifune\n...\nKikuchiyo (as Toshiro Mifune)\n"
        "rest of cast listed alphabetically:\n"
        "Kyôko Ai\n...\nPeasant Woman (uncredited)\n"
        "Produced by\n"
        "Sôjirô Motoki\n....\nproducer\n"
    )
    record = parse_text_fullcredits_page(text)
    assert [(c.name, c.character, c.credited_as, c.notes, c.order) for c in record.cast] == [
        ("Toshirô Mifune", "Kikuchiyo", "Toshiro Mifune", [], 1),
        ("Kyôko Ai", "Peasant Woman", None, ["uncredited"], 2),
    ]
    assert [(c.department, c.name, c.job, c.notes, c.order) for c in record.crew] == [
        ("writer", "Akira Kurosawa", None, ["screenplay"], 1),
        ("writer", "Hideo Oguni", None, ["screenplay"], 2),
        ("producer", "Sôjirô Motoki", "producer", [], 1),
    ]
    assert record.cast_complete is True and record.unparsed == []


def test_html_cast_heading_in_an_h5_with_its_note():
    page = (
        b'<html><head><title>Gaslight (1944) - Full cast and crew</title></head><body><div id="tn15content">'
        b'<table class="cast"><tr><td colspan="4"><h5><a class="glossary" name="cast" href="/glossary/C#cast">Cast</a></h5>'
        b" <small>(in credits order) (verified as complete)</small></td></tr>"
        b'<tr class="odd"><td class="hs"></td><td class="nm"><a href="/name/nm0000964/">Charles Boyer</a></td>'
        b'<td class="ddd"> ... </td><td class="char">Gregory Anton (as Charles Boyer Jr.)</td></tr></table>'
        b'<table border="0" cellpadding="1" cellspacing="1"><tr><td colspan="3" align="left"><h5>'
        b'<a class="glossary" name="writers" href="/glossary/W#writer">Writing credits</a> (WGA)</h5></td></tr>'
        b'<tr><td valign="top"><a href="/name/nm0358096/">Patrick Hamilton</a></td><td>&nbsp;</td>'
        b'<td valign="top">(play &#x22;Angel Street&#x22;)<br><br></td></tr></table>'
        b"</div></body></html>"
    )
    record = parse_html_fullcredits_page(page)
    assert record.cast_complete is True
    assert [(c.name, c.character, c.credited_as, c.imdb_id) for c in record.cast] == [
        ("Charles Boyer", "Gregory Anton", "Charles Boyer Jr.", "nm0000964")
    ]
    assert [(c.department, c.department_label, c.name, c.notes) for c in record.crew] == [
        ("writer", "Writing credits", "Patrick Hamilton", ['play "Angel Street"'])
    ]
    assert record.warnings == [] and record.unparsed == []
