"""Decoding repairs: a UTF-8 page with stray non-UTF-8 bytes, a double-encoded page.

Real pages (``samples/``, ``tests/pages/``) are damaged the way saved pages were seen
damaged: one Windows-1252 byte in a UTF-8 page (which used to make every accented name
mojibake, "Ã‰liane Marcus"), or the whole page UTF-8 read as Windows-1252 and saved
again as UTF-8.
"""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from catalogue.parsing import parse_page
from catalogue.parsing.decoding import _CP1252_TABLE, decode_bytes, decode_page, repair_double_encoding
from tests.conftest import SAMPLES, TEST_PAGES

HIROSHIMA = SAMPLES / "hiroshima-mon-amour-1959.combined.txt"
HIROSHIMA_HTML = TEST_PAGES / "html" / "hiroshima-mon-amour-1959.latin1-combined-2010.html"
HIROSHIMA_CREW = {"Éliane Marcus", "Jean Léon", "René Renault", "Gérard Jarlot"}


def _double_encode(text: str) -> str:
    """UTF-8 read as Windows-1252 (undefined bytes as Latin-1), as a browser saved it."""
    return "".join(_CP1252_TABLE[byte] for byte in text.encode("utf-8"))


def _is_a_double_encoding(text: str) -> bool:
    """Whether ``text``, read back as Windows-1252 bytes, is UTF-8 of another text."""
    encode = {char: byte for byte, char in _CP1252_TABLE.items()}
    try:
        return bytes(encode[char] for char in text).decode("utf-8") != text
    except (KeyError, UnicodeDecodeError):
        return False


def _names(record) -> set[str]:
    return {member.name for member in record.crew} | {member.name for member in record.cast}


def _inject(data: bytes, marker: bytes, replacement: bytes) -> bytes:
    assert data.count(marker) >= 1, marker
    return data.replace(marker, replacement, 1)


# --- one stray byte in a UTF-8 page ---------------------------------------------------


def test_one_windows_1252_byte_in_a_utf8_text_page_leaves_the_names_right():
    clean = HIROSHIMA.read_bytes()
    # A Windows-1252 "»" (0xBB alone: not UTF-8) where the page had the UTF-8 one.
    damaged = _inject(clean, "»".encode(), b"\xbb")
    assert damaged.count("»".encode()) == clean.count("»".encode()) - 1
    record = parse_page(damaged)
    assert HIROSHIMA_CREW <= _names(record)
    assert not any("Ã" in name for name in _names(record))
    expected = parse_page(clean)
    assert [m.name for m in record.crew] == [m.name for m in expected.crew]
    repairs = [w for w in record.warnings if w.startswith("decoding:")]
    assert len(repairs) == 1
    line = clean.decode("utf-8").splitlines().index(next(l for l in clean.decode("utf-8").splitlines() if "»" in l)) + 1
    assert f"1 line(s) are not (line {line})" in repairs[0]
    assert "Windows-1252" in repairs[0]
    assert [w for w in record.warnings if w not in repairs] == expected.warnings


def test_a_stray_byte_on_the_line_of_an_accented_name_keeps_the_name():
    clean = HIROSHIMA.read_bytes()
    # "hair stylist" with a Latin-1 "ï" (0xEF followed by ASCII: not UTF-8) on Éliane's line.
    damaged = _inject(
        clean,
        "Éliane Marcus .... hair stylist".encode(),
        "Éliane Marcus .... hair styl\xefst".encode("latin-1").replace(b"\xc9", "É".encode()),
    )
    record = parse_page(damaged)
    makeup = [(m.name, m.job) for m in record.crew if m.department == "makeup"]
    assert ("Éliane Marcus", "hair stylïst") in makeup
    assert HIROSHIMA_CREW <= _names(record)
    assert any(w.startswith("decoding: page is UTF-8 but 1 line(s)") for w in record.warnings)


def test_utf8_with_byte_order_mark_and_crlf_and_one_invalid_byte():
    data = (TEST_PAGES / "kagemusha-utf8-bom-crlf.txt").read_bytes()
    damaged = data.replace(b"\r\n", b" \xe9\r\n", 1)  # a Latin-1 "é" at the end of line 1
    record = parse_page(damaged)
    assert [(m.name, m.character) for m in record.cast][2] == ("仲代達矢", "武田信玄")
    assert "\ufffd" not in repr(record.to_dict())
    assert any(w.startswith("decoding: page is UTF-8 but 1 line(s) are not (line 1)") for w in record.warnings)


def test_amelie_as_utf8_with_one_invalid_byte():
    text = decode_bytes((TEST_PAGES / "amelie-windows-1252.txt").read_bytes())
    data = text.encode("utf-8")
    damaged = _inject(data, b"Yann Tiersen", b"Yann Tiersen\xa0")  # a Latin-1 no-break space
    record = parse_page(damaged)
    assert record.title == "Amélie"
    assert record.original_title == "Le fabuleux destin d’Amélie Poulain"
    assert record.cast[4].character == "Hipolito – l’écrivain"
    assert ("Rufus", "Raphaël Poulain") in [(m.name, m.character) for m in record.cast]
    assert "Yann Tiersen" in _names(record)
    assert any(w.startswith("decoding: page is UTF-8 but 1 line(s)") for w in record.warnings)


def test_a_windows_1252_page_is_read_as_before_without_a_warning():
    record = parse_page((TEST_PAGES / "amelie-windows-1252.txt").read_bytes())
    assert record.title == "Amélie"
    assert not any(w.startswith("decoding:") for w in record.warnings)


def test_a_windows_1252_page_with_one_utf8_line_reads_that_line_as_utf8():
    data = (TEST_PAGES / "amelie-windows-1252.txt").read_bytes()
    damaged = _inject(data, b"Yolande Moreau", "Yolande Moreau (Éliane)".encode())
    decoded = decode_page(damaged)
    assert "Yolande Moreau (Éliane)" in decoded.text
    assert "Raphaël Poulain" in decoded.text and "Ã" not in decoded.text
    assert len(decoded.repairs) == 1 and "mostly Windows-1252" in decoded.repairs[0]


def test_html_page_with_one_invalid_byte():
    text = decode_bytes(HIROSHIMA_HTML.read_bytes(), declared="iso-8859-1")
    data = text.encode("utf-8")
    damaged = _inject(data, b"<h6>Awards &#x26; Reviews</h6>", b"<h6>Awards &#x26; Reviews\xbb</h6>")
    record = parse_page(damaged)
    expected = parse_page(data)
    assert "Éliane Marcus" in _names(record)
    assert _names(record) == _names(expected)
    assert any(w.startswith("decoding: page is UTF-8 but 1 line(s)") for w in record.warnings)


# --- a page double-encoded as a whole --------------------------------------------------


def test_double_encoded_text_page_is_repaired():
    clean = HIROSHIMA.read_bytes()
    damaged = _double_encode(clean.decode("utf-8")).encode("utf-8")
    assert "Ã‰liane Marcus".encode() in damaged
    record = parse_page(damaged)
    expected = parse_page(clean)
    assert HIROSHIMA_CREW <= _names(record)
    repairs = [w for w in record.warnings if w.startswith("decoding:")]
    assert len(repairs) == 1 and "double-encoded" in repairs[0]
    without = record.to_dict()
    without["warnings"] = [w for w in without["warnings"] if w not in repairs]
    assert without == expected.to_dict()


def test_double_encoded_html_page_is_repaired():
    text = decode_bytes(HIROSHIMA_HTML.read_bytes(), declared="iso-8859-1")
    damaged = _double_encode(text).encode("utf-8")
    record = parse_page(damaged)
    assert "Éliane Marcus" in _names(record)
    assert _names(record) == _names(parse_page(text.encode("utf-8")))
    assert any("double-encoded" in w for w in record.warnings)


def test_twice_double_encoded_is_repaired_twice():
    text = "Éliane Marcus\u00a0.... hair stylist » l’écrivain\n"
    fixed, repair = repair_double_encoding(_double_encode(_double_encode(text)))
    assert fixed == text
    assert "(2 times)" in repair


def test_a_real_a_tilde_in_a_name_is_never_touched():
    # Mojibake-looking pairs, but "João" has an "ã" no double encoding produces
    # before a letter: the evidence is not clear, nothing changes.
    text = "Cast\nJoão Ã©vora\nLéa Ã‰mile\u00a0»\n"
    decoded = decode_page(text.encode("utf-8"))
    assert decoded.text == text and decoded.repairs == []
    # A correct page with its accents is left alone.
    clean = HIROSHIMA.read_bytes()
    assert decode_page(clean) == (clean.decode("utf-8"), "utf-8", [])


def test_one_mojibake_sequence_is_not_enough_evidence():
    text = "Title\nÃ© is what a broken page shows\n"
    assert decode_page(text.encode("utf-8")).text == text


# --- properties ------------------------------------------------------------------------

_DANGEROUS = "ÃÂâ€™©»\u00a0\u0081é‰ÉèœŸ™ã"
_text_with_dangerous_characters = st.text(alphabet=st.sampled_from(list(_DANGEROUS) + list("ab \n")), max_size=40)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_valid_utf8_text_never_changes(text):
    if text.startswith("\ufeff"):
        text = "x" + text
    # The one exception, tested below: text that is as a whole the double encoding of
    # another text (st.text() practically never draws one).
    assume(not _is_a_double_encoding(text))
    decoded = decode_page(text.encode("utf-8"))
    assert decoded.text == _newlines(text)
    assert decoded.repairs == []


@settings(max_examples=500, deadline=None)
@given(_text_with_dangerous_characters)
def test_valid_utf8_changes_only_when_it_is_exactly_a_double_encoding(text):
    decoded = decode_page(text.encode("utf-8"))
    if decoded.text == text:
        assert decoded.repairs == []
    else:
        # Repaired: the input is, character for character, the double encoding of the
        # output (once or more), and the warning says so.
        assert len(decoded.repairs) == 1 and "double-encoded" in decoded.repairs[0]
        again = decoded.text
        for _ in range(3):
            again = _double_encode(again)
            if again == text:
                break
        assert again == text


@settings(max_examples=300, deadline=None)
@given(
    st.text(min_size=1).filter(lambda t: "\n" not in t and "\r" not in t),
    st.text(alphabet="aéÉ’ »", min_size=1, max_size=20),
)
def test_a_real_non_mojibake_character_keeps_the_text(text, word):
    page = f"{text}\nJoão {word}\n"
    decoded = decode_page(page.encode("utf-8"))
    assert decoded.text == page


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.booleans(), st.text(alphabet="abc ÉéàÃ©’»\u00a0Ł日", max_size=20)), min_size=1, max_size=12)
)
def test_every_valid_utf8_line_of_a_damaged_page_stays_as_it_is(lines):
    """Lines that are valid UTF-8 come out unchanged whatever the other lines hold."""
    encoded = []
    for broken, line in lines:
        raw = line.encode("utf-8")
        if broken:
            raw += b" \xe9 \x92"  # Windows-1252 bytes: never valid UTF-8 here
        encoded.append(raw)
    any_broken = any(broken for broken, _ in lines)
    assume(any_broken)  # a page that is valid UTF-8 as a whole: the properties above
    text = decode_page(b"\n".join(encoded)).text
    out = text.split("\n")
    assert len(out) == len(lines)
    has_utf8_line = any(not broken and not line.isascii() for broken, line in lines)
    for (broken, line), got in zip(lines, out):
        if not broken and has_utf8_line:
            assert got == line
        if broken:
            assert got.endswith(" é ’")
