"""The parser against corpora of real pages whose facts were read by hand.

``../shared/corpus`` is the team's corpus (beside the project, as CI lays it out);
``tests/corpus`` is the project's own, gathered from public repositories' saved pages.
Each group (HTML pages; text pages and text extractions of HTML) must get its share of
facts right: the figures are printed by ``python bench/corpus.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import SHARED_CORPUS, score_corpus

OWN_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TARGET = 0.99


def _report(score) -> str:
    lines = [f"{score.good}/{score.total} facts ({score.share:.1%})"]
    for name, missed in score.misses.items():
        lines += [f"{name}: {label}" for label in missed]
    lines += [f"{name}: FAILED {error}" for name, error in score.failed.items()]
    return "\n".join(lines)


@pytest.mark.skipif(not (SHARED_CORPUS / "expected.json").exists(), reason="../shared/corpus is not beside the project")
@pytest.mark.parametrize("group", ["html", "text"])
def test_shared_corpus_scores_at_least_99_percent(group):
    score = score_corpus(SHARED_CORPUS)[group]
    assert score.total > 400
    assert score.share >= TARGET, _report(score)


@pytest.mark.parametrize("group", ["html", "text"])
def test_own_corpus_scores_at_least_99_percent(group):
    score = score_corpus(OWN_CORPUS)[group]
    assert score.total > 40
    assert score.share >= TARGET, _report(score)
