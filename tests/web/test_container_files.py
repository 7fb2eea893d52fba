"""The Dockerfile and compose.yaml run what the README's "Production" section runs (Docker is not needed here)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _dockerfile() -> dict[str, list[str]]:
    steps: dict[str, list[str]] = {}
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if line and not line.startswith("#"):
            instruction, _, rest = line.partition(" ")
            steps.setdefault(instruction, []).append(rest)
    return steps


def _readme_production_commands() -> list[str]:
    section = (ROOT / "README.md").read_text().split("## Production", 1)[1]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    return [line.replace(".venv/bin/", "") for line in block.splitlines() if ".venv/bin/" in line]


def test_the_image_runs_the_readmes_production_commands():
    steps = _dockerfile()
    [command] = steps["CMD"]
    image_commands = [re.sub(r"\s+", " ", part.strip()) for part in json.loads(command)[2].split("&&")]
    image_commands.append(steps["RUN"][-2].split(" ", 2)[2])  # collectstatic, after its environment
    readme = _readme_production_commands()

    assert readme == [
        "python manage.py migrate",
        "python manage.py collectstatic --noinput",
        "gunicorn config.wsgi --workers 2 --bind 127.0.0.1:8000",
    ]
    assert image_commands == [
        "python manage.py migrate --noinput",
        "exec gunicorn config.wsgi --workers 2 --bind 0.0.0.0:8000",  # reachable from outside the container
        "python manage.py collectstatic --noinput",
    ]
    assert steps["FROM"] == ["python:3.11-slim"]  # the README's Python
    assert "pip install --no-cache-dir --require-hashes -r requirements.lock" in steps["RUN"]


def test_the_lock_pins_what_requirements_txt_pins_and_hashes_everything():
    def pins(text: str) -> dict[str, str]:
        found = {}
        for line in text.splitlines():
            match = re.match(r"^([A-Za-z0-9_.-]+)(?:\[[^]]*\])?==([^ ;\\]+)", line)
            if match:
                found[match.group(1).lower().replace("_", "-")] = match.group(2)
        return found

    wanted = pins((ROOT / "requirements.txt").read_text())
    lock_text = (ROOT / "requirements.lock").read_text()
    locked = pins(lock_text)
    assert {name: locked.get(name) for name in wanted} == wanted  # regenerate the lock when a pin changes
    assert set(locked) > set(wanted)  # the indirect ones too (asgiref, sqlparse…)
    entries = re.split(r"\n(?=[a-z])", lock_text.split("\n\n", 1)[1])
    assert all("--hash=sha256:" in entry for entry in entries if "==" in entry)
    assert "file://" not in lock_text  # no machine's own package index


def test_the_images_static_files_step_works_with_only_its_build_time_key(tmp_path):
    step = _dockerfile()["RUN"][-2]
    assert step.startswith("DEBUG=0 SECRET_KEY=collectstatic-only python manage.py collectstatic")
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(DEBUG="0", SECRET_KEY="collectstatic-only", STATIC_ROOT=str(tmp_path))

    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "staticfiles.json").exists()  # whitenoise's manifest: hashed names, as served


def test_compose_points_the_site_at_its_postgresql_service():
    compose = (ROOT / "compose.yaml").read_text()
    user = re.search(r"POSTGRES_USER: (\S+)", compose).group(1)
    password = re.search(r"POSTGRES_PASSWORD: (\S+)", compose).group(1)
    database = re.search(r"POSTGRES_DB: (\S+)", compose).group(1)

    assert f"DATABASE_URL: postgres://{user}:{password}@db:5432/{database}" in compose
    assert re.search(r"^  db:\n    image: postgres:15$", compose, re.M)
    assert '- "8000:8000"' in compose and "build: ." in compose
