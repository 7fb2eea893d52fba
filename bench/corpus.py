"""Score the parser on corpora of real pages with facts read by hand.

    python bench/corpus.py                      # ../shared/corpus, HTML and text apart
    python bench/corpus.py --verbose            # and every fact that does not match
    python bench/corpus.py --corpus DIR …       # another corpus laid out the same way

A corpus is a folder with ``expected.json`` (facts keyed ``pages/<file>`` or
``html/<file>.html``), ``check_records.py`` (the scorer, whose ``facts()`` compares one
record with its page's facts) and the pages in ``pages/``, ``html/`` and
``text-from-html/`` (a text extraction is scored against its HTML page's facts). Pages
are parsed in this process by ``catalogue.parsing.parse_page``, as ``manage.py
parse_page`` does, so the figures equal the corpus's own ``score`` script's.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.parsing import PageError, parse_page  # noqa: E402

SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
# Pages that are not title pages: the corpus keeps them for other parsers.
_NOT_SCORED = ("reviews", "synopsis")


@dataclass
class Score:
    """Facts right and in all, for one group of pages, with the misses by page."""

    good: int = 0
    total: int = 0
    misses: dict[str, list[str]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.good / self.total if self.total else 0.0


def load_scorer(corpus: Path):
    spec = importlib.util.spec_from_file_location(f"check_records_{abs(hash(corpus))}", corpus / "check_records.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_files(corpus: Path) -> dict[str, list[Path]]:
    """The scored pages by group: ``text`` (text pages and extractions of HTML) and ``html``."""
    text = sorted((corpus / "pages").glob("*.txt")) + sorted((corpus / "text-from-html").glob("*.txt"))
    html = sorted((corpus / "html").glob("*.html"))
    keep = lambda paths: [p for p in paths if not any(word in p.name for word in _NOT_SCORED)]  # noqa: E731
    return {"text": keep(text), "html": keep(html)}


def expected_key(expected: dict, path: Path) -> str | None:
    key = f"pages/{path.name}"
    if key in expected:
        return key
    key = f"html/{path.name.rsplit('.', 1)[0]}.html"
    return key if key in expected else None


def score_corpus(corpus: Path) -> dict[str, Score]:
    """Parse every page of ``corpus`` and score it; a page that fails to parse scores 0 of its facts."""
    scorer = load_scorer(corpus)
    expected = scorer.EXPECTED
    scores = {}
    for group, paths in corpus_files(corpus).items():
        score = scores[group] = Score()
        for path in paths:
            key = expected_key(expected, path)
            if key is None:
                continue
            name = f"{path.parent.name}/{path.name}"
            try:
                record = json.loads(json.dumps(parse_page(path.read_bytes()).to_dict()))
            except PageError as error:
                score.failed[name] = str(error)
                record = {}
            results = scorer.facts(expected[key], record)
            score.good += sum(1 for ok, _ in results if ok)
            score.total += len(results)
            missed = [label for ok, label in results if not ok]
            if missed:
                score.misses[name] = missed
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", help="a corpus folder (default ../shared/corpus)")
    parser.add_argument("--verbose", action="store_true", help="print every fact that does not match")
    args = parser.parse_args(argv)
    corpora = args.corpus or [SHARED_CORPUS]
    for corpus in corpora:
        if not (corpus / "expected.json").exists():
            print(f"{corpus}: no expected.json here", file=sys.stderr)
            return 2
        scores = score_corpus(corpus)
        good = sum(s.good for s in scores.values())
        total = sum(s.total for s in scores.values())
        for group, score in scores.items():
            print(f"{corpus.name} {group:4}: {score.good}/{score.total} facts ({score.share:.1%})")
            if args.verbose:
                for name, error in score.failed.items():
                    print(f"  {name}: FAILED {error}")
                for name, missed in score.misses.items():
                    print(f"  {name}:")
                    for label in missed:
                        print(f"     MISS {label}")
        print(f"{corpus.name} all : {good}/{total} facts ({good / total if total else 0:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
