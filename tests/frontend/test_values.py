"""const and var declarations: one ValueDecl per name, iota positions and groups."""


def table(parsed):
    return [(v.kind, v.name, v.type.go_syntax() if v.type else None, v.value, v.iota_index, v.group)
            for v in parsed.values]


def test_const_block_keeps_iota_positions_and_implicit_repetition(parse_clean) -> None:
    parsed = parse_clean("""
        type Kind int

        const (
            Invalid Kind = iota
            Bool
            _
            Int, Uint = iota * 10, iota * 100
            Float
        )

        const Pi = 3.14
    """)
    assert table(parsed) == [
        ("const", "Invalid", "Kind", "iota", 0, 1),
        ("const", "Bool", None, None, 1, 1),
        ("const", "_", None, None, 2, 1),
        ("const", "Int", None, "iota * 10", 3, 1),
        ("const", "Uint", None, "iota * 100", 3, 1),
        ("const", "Float", None, None, 4, 1),
        ("const", "Pi", None, "3.14", 0, 2),
    ]


def test_var_forms(parse_clean) -> None:
    parsed = parse_clean("""
        var Version = "1.0"
        var (
            a, b int = 1, 2
            c, d = pair()
            e float64
        )
    """)
    assert table(parsed) == [
        ("var", "Version", None, '"1.0"', 0, 0),
        ("var", "a", "int", "1", 0, 1),
        ("var", "b", "int", "2", 0, 1),
        ("var", "c", None, "pair()", 1, 1),
        ("var", "d", None, "pair()", 1, 1),
        ("var", "e", "float64", None, 2, 1),
    ]
    assert parsed.values[0].exported and not parsed.values[1].exported
    assert (parsed.values[2].span.line, parsed.values[2].span.col) == (5, 8)
