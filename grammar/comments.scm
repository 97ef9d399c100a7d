; comments.scm: every comment of a Go source file.
;
; Doc comments and //py4go: directives are attached to declarations by position (a comment
; group ending on the line just above a declaration), which the frontend computes from these
; nodes; Go's rules for that are positional, so a structural query cannot express them.
;
; Captures:
;   @comment  one `// ...` line comment or `/* ... */` block comment

(comment) @comment
