; imports.scm: the package clause and the import specs of a Go source file.
;
; Captures:
;   @package       the package_clause
;   @package.name  its package_identifier
;   @import        one import_spec (grouped or not)
;   @import.name   the explicit local name (`u "net/url"`, `_ "C"`, `. "fmt"`), when written
;   @import.path   the path string literal, quotes included

(package_clause (package_identifier) @package.name) @package

(import_spec
  name: (_)? @import.name
  path: (_) @import.path) @import
