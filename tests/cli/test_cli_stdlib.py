"""The CLI on unmodified packages: ``bindc generate strings --out DIR``, ``bindc build net/url``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.test_cli import invoke
from tests.conftest import run_python


def test_generate_standard_library_package_into_a_wrapper(tmp_path: Path) -> None:
    out = tmp_path / "wrap"
    r = invoke("generate", "strings", "--out", str(out), cwd=tmp_path)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["strings.pyi", "strings_bindc.c", "strings_bindc.go"]
    go = (out / "strings_bindc.go").read_text()
    assert "package strings" in go and '\t"strings"\n' in go and "strings.ToUpper(" in go
    assert "def fields(s: str, /) -> list[str]:" in (out / "strings.pyi").read_text()   # []string: a list
    assert "def lines(s: str, /) -> _GoIterator[str]:" in (out / "strings.pyi").read_text()  # iter.Seq: an iterator
    assert "warning: ToUpperSpecial skipped: parameter c: type unicode.SpecialCase" in r.output
    assert invoke("check", "strings", "--out", str(out), cwd=tmp_path).exit_code == 0


@pytest.mark.go
def test_build_net_url_skips_what_it_cannot_bind(tmp_path: Path) -> None:
    out = tmp_path / "ext"
    r = invoke("build", "net/url", "--out", str(out), "--module", "go_url", cwd=tmp_path)
    assert r.exit_code == 0, r.output
    assert "ParseQuery skipped" not in r.output   # Values (a map type with methods) is a value class
    run_python("import go_url\nassert go_url.query_escape('a b&c') == 'a+b%26c'\n"
               "u = go_url.parse('https://user@example.com:8080/a%20b?q=1#frag')\n"   # *URL: a class
               "assert (u.scheme, u.host, u.path, u.raw_query, u.fragment) == "
               "('https', 'example.com:8080', '/a b', 'q=1', 'frag')\n"
               "assert u.port() == '8080' and str(u) == 'https://user@example.com:8080/a%20b?q=1#frag'\n"
               "assert u.user.username() == 'user'\n"
               "try:\n    go_url.parse('%zz')\nexcept go_url.Error as e:\n"            # *url.Error: an exception class
               "    assert e.op == 'parse' and 'invalid URL escape' in str(e)\n"
               "else:\n    raise AssertionError('no url.Error')\n"
               "q = go_url.parse_query('a=1&b=2&a=3')\n"                            # url.Values: a value class
               "assert q.value == {'a': ['1', '3'], 'b': ['2']} and q.get('a') == '1' and q.has('b')\n"
               "q.add('c', 'x y'); q.del_('b')\n"
               "assert q.encode() == 'a=1&a=3&c=x+y' and u.query().value == {'q': ['1']}\n"
               "assert go_url.Values({'k': ['v']}).encode() == 'k=v'\n"
               "try:\n    go_url.query_unescape('%zz')\nexcept go_url.EscapeError as e:\n"  # a string type with Error()
               "    assert e.value == '%zz' and str(e) == 'invalid URL escape \"%zz\"'\n"
               "else:\n    raise AssertionError('no url.EscapeError')\n", path=out)
    assert any(p.name.startswith("go_url.") and p.suffix == ".so" for p in out.iterdir())
    assert os.path.exists(out / "go_url.pyi")
