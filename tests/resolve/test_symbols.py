"""The symbol table: first claim wins, and allocated identifiers never collide."""

from __future__ import annotations

from bindc.resolve.symbols import SymbolTable


def test_claim_refuses_a_taken_name_and_names_its_holder():
    t = SymbolTable("m")
    assert t.claim("point", "type Point") is None
    assert t.claim("point", "func Point") == "type Point"
    assert t.claim("GoError", "func GoError") == "bindc"


def test_allocate_bumps_the_stem_until_every_template_is_free():
    t = SymbolTable("m")
    t.reserve("bindcpy_m_S_init")
    stem = t.allocate("S.Init", "m_S_init", ("bindcpy_{}", "bindcgo_{}"))
    assert stem == "m_S_init_2"
    assert t.allocate("other", "m_S_init", ("bindcpy_{}",)) == "m_S_init_3"  # _2 went to S.Init
    assert t.allocate("third", "m_S_init", ("bindcgo_{}",)) == "m_S_init"  # free in that template
    assert t.allocate("S.Init", "ignored", ()) == "m_S_init_2"  # one key, one stem
    assert t.stem("S.Init") == "m_S_init_2"


def test_in_package_names_are_taken_from_the_start():
    t = SymbolTable("m", go_taken={"bindcget_X"})
    assert t.allocate(("variable", "X"), "X", ("bindcget_{}", "bindcset_{}")) == "X_2"
