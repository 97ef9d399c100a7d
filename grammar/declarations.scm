; declarations.scm: the top-level declarations of a Go source file (what bindc can bind).
;
; Only direct children of source_file match: declarations inside function bodies are local.
; The frontend reads the structure of each captured node (parameters, results, fields)
; through tree-sitter field names; this query only finds and classifies the declarations.
;
; Captures:
;   @definition.function  a function_declaration
;   @definition.method    a method_declaration
;   @receiver             the receiver parameter_list of a method
;   @type_parameters      a type_parameter_list (generic functions, types and aliases)
;   @definition.type      a type_spec (`type T U`) inside a type declaration
;   @definition.alias     a type_alias (`type T = U`) inside a type declaration
;   @definition.const     a const_spec (one line of a const declaration, possibly several names)
;   @definition.var       a var_spec (one line of a var declaration, possibly several names)
;   @declaration          the enclosing type/const/var declaration (holds the group's doc)
;   @name                 the declared identifier (functions, methods, types, aliases)

(source_file
  (function_declaration
    name: (identifier) @name
    type_parameters: (type_parameter_list)? @type_parameters) @definition.function)

(source_file
  (method_declaration
    receiver: (parameter_list) @receiver
    name: (field_identifier) @name) @definition.method)

(source_file
  (type_declaration
    (type_spec
      name: (type_identifier) @name
      type_parameters: (type_parameter_list)? @type_parameters) @definition.type) @declaration)

(source_file
  (type_declaration
    (type_alias
      name: (type_identifier) @name
      type_parameters: (type_parameter_list)? @type_parameters) @definition.alias) @declaration)

(source_file
  (const_declaration
    (const_spec) @definition.const) @declaration)

(source_file
  (var_declaration
    [
      (var_spec) @definition.var
      (var_spec_list (var_spec) @definition.var)
    ]) @declaration)
