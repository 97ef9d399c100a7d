"""Every grammar/*.scm compiles, and the captures the frontend reads still exist."""

import pytest

from bindc.frontend import queries
from bindc.resources import grammar_dir

SCM_FILES = sorted(grammar_dir().glob("*.scm"))


@pytest.mark.parametrize("path", SCM_FILES, ids=lambda p: p.name)
def test_query_compiles(path) -> None:
    query = queries.load_query(path.stem)
    assert query.pattern_count > 0


@pytest.mark.parametrize("stem", sorted(queries.CAPTURES))
def test_capture_names_match_what_the_frontend_reads(stem: str) -> None:
    query = queries.load_query(stem)
    names = {query.capture_name(i) for i in range(query.capture_count)}
    assert names == queries.CAPTURES[stem], f"grammar/{stem}.scm captures changed"


@pytest.mark.parametrize("path", SCM_FILES, ids=lambda p: p.name)
def test_query_file_documents_purpose_and_captures(path) -> None:
    header = path.read_text().split("\n\n")[0]
    assert header.startswith(f"; {path.name}:")
    if path.stem in queries.CAPTURES:
        for capture in queries.CAPTURES[path.stem]:
            assert f"@{capture}" in header, f"{path.name} header does not document @{capture}"


def test_queries_are_compiled_once() -> None:
    assert queries.load_query("declarations") is queries.load_query("declarations")
