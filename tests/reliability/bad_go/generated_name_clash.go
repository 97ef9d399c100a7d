// bindc-expect: exit 2
// bindc-expect-anywhere: error: package bad already declares RegisterPythonModule, which bindc generates
package bad

func RegisterPythonModule() {}
