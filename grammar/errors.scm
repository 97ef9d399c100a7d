; errors.scm: syntax errors found by the tree-sitter parser.
;
; Captures:
;   @error    an ERROR node: tokens the parser could not fit into the grammar
;   @missing  a MISSING node: a zero-width token the parser inserted to recover (`)`, `}`, ...)

(ERROR) @error

(MISSING) @missing
