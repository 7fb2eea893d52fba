"""``manage.py parse_page``: records as UTF-8 JSON, one-line errors naming the file, exit status 1."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from tests.conftest import SAMPLES, TEST_PAGES

HIROSHIMA = str(SAMPLES / "hiroshima-mon-amour-1959.combined.txt")
GASLIGHT = str(SAMPLES / "gaslight-1944.combined-2010.extracted.txt")


def _run(*files):
    stdout, stderr = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("parse_page", *files, stdout=stdout, stderr=stderr)
    except SystemExit as exit:
        code = exit.code
    return code, stdout.getvalue(), stderr.getvalue()


def test_one_file_prints_one_object():
    code, out, err = _run(HIROSHIMA)
    assert code == 0 and err == ""
    record = json.loads(out)
    assert record["title"] == "Hiroshima Mon Amour"
    assert record["rating"] == {"value": 8.0, "best": 10, "votes": 21203}
    # UTF-8 as printed, never \u escapes; indented by two spaces.
    assert '"name": "Éliane Marcus"' in out
    assert "\\u00c9" not in out
    assert '\n  "title": "Hiroshima Mon Amour"' in out


def test_two_files_print_a_list():
    code, out, err = _run(HIROSHIMA, GASLIGHT)
    assert code == 0 and err == ""
    records = json.loads(out)
    assert [r["title"] for r in records] == ["Hiroshima Mon Amour", "Gaslight"]


def test_bad_files_give_one_line_errors_and_exit_1(tmp_path):
    other_site = tmp_path / "other-site.txt"
    other_site.write_text("Welcome to my blog\nNothing here about films.\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out, err = _run(str(missing), HIROSHIMA, str(other_site))
    assert code == 1
    assert [r["title"] for r in json.loads(out)] == ["Hiroshima Mon Amour"]
    lines = err.strip().split("\n")
    assert len(lines) == 2
    assert lines[0].startswith(f"{missing}: cannot read")
    assert lines[1] == f"{other_site}: not an IMDb title page: looks like a page of another site"


def test_windows_1252_page_prints_as_utf8():
    code, out, _ = _run(str(TEST_PAGES / "amelie-windows-1252.txt"))
    assert code == 0
    assert '"title": "Amélie"' in out
    assert json.loads(out)["original_title"] == "Le fabuleux destin d’Amélie Poulain"


@pytest.mark.parametrize("name", ["kagemusha-utf8-bom-crlf.txt"])
def test_command_reads_bytes_of_any_encoding(name):
    code, out, _ = _run(str(TEST_PAGES / name))
    assert code == 0
    assert json.loads(out)["cast"][2]["name"] == "仲代達矢"


def test_real_process_writes_utf8_bytes_under_a_c_locale():
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "DEBUG": "1"}
    env.pop("PYTHONIOENCODING", None)
    env.pop("PYTHONUTF8", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "parse_page", HIROSHIMA],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Éliane Marcus".encode("utf-8") in result.stdout
    assert json.loads(result.stdout.decode("utf-8"))["title"] == "Hiroshima Mon Amour"
