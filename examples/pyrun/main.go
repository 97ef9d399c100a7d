// Command pyrun is a small `python` built on the py4go runtime: a Go program that embeds
// CPython, configured like the python command, and runs a module, a file or a command string
// with the same stdout, stderr and exit status python would have.
//
//	pyrun [-I] [-P] [--venv DIR] [-X OPT]... (-c CODE | -m MODULE | FILE) [ARGS...]
//
// -I is python's isolated mode (no PYTHON* variables, no user site, nothing unsafe in front of
// sys.path), -P python's safe path, --venv runs inside a virtual environment as DIR/bin/python
// would, -X passes an -X option (utf8, dev, faulthandler, importtime...). Everything after the
// code, module or file goes to sys.argv.
//
// Build it from this directory with the flags for your Python:
//
//	eval "$(bindc env)" && go build -o pyrun .
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	python "github.com/py4go/py4go/runtime"
)

// usage is printed, as python prints its own, for a command line pyrun does not understand.
const usage = "usage: pyrun [-I] [-P] [--venv DIR] [-X OPT]... (-c CODE | -m MODULE | FILE) [ARGS...]"

// command is a parsed pyrun command line.
type command struct {
	config python.Config
	kind   string // "-c", "-m" or "file"
	target string // the code, module or file
	args   []string
}

func main() {
	cmd, err := parse(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "pyrun: %v\n%s\n", err, usage)
		os.Exit(2)
	}
	os.Exit(run(cmd))
}

// parse reads pyrun's options up to the first -c, -m or file name, as python does: what
// follows belongs to the program.
func parse(argv []string) (*command, error) {
	cmd := &command{config: python.Config{InstallSignalHandlers: true}}
	for i := 0; i < len(argv); i++ {
		a := argv[i]
		value := func() (string, error) {
			if i+1 >= len(argv) {
				return "", fmt.Errorf("option %s needs an argument", a)
			}
			i++
			return argv[i], nil
		}
		var err error
		switch {
		case a == "-I":
			cmd.config.Isolated = true
		case a == "-P":
			cmd.config.SafePath = true
		case a == "--venv":
			cmd.config.Venv, err = value()
		case strings.HasPrefix(a, "--venv="):
			cmd.config.Venv = strings.TrimPrefix(a, "--venv=")
		case a == "-X":
			var x string
			x, err = value()
			cmd.config.XOptions = append(cmd.config.XOptions, x)
		case strings.HasPrefix(a, "-X"):
			cmd.config.XOptions = append(cmd.config.XOptions, a[2:])
		case a == "-c" || a == "-m":
			cmd.kind = a
			cmd.target, err = value()
			if err == nil {
				cmd.args = argv[i+1:]
			}
			return cmd, err
		case a == "-" || (strings.HasPrefix(a, "-") && len(a) > 1):
			return nil, fmt.Errorf("unknown option %s", a)
		default:
			cmd.kind, cmd.target, cmd.args = "file", a, argv[i+1:]
			return cmd, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return nil, errors.New("nothing to run (the interactive interpreter is not offered)")
}

// run starts Python, runs the program and finalizes, returning python's exit status.
func run(cmd *command) int {
	if err := python.Initialize(cmd.config); err != nil {
		fmt.Fprintln(os.Stderr, "pyrun:", err)
		return 1
	}
	var status int
	var err error
	switch cmd.kind {
	case "-c":
		status, err = python.RunCommand(cmd.target, cmd.args...)
	case "-m":
		status, err = python.RunModule(cmd.target, cmd.args...)
	default:
		status, err = python.RunFile(cmd.target, cmd.args...)
	}
	if err != nil {
		var perr *fs.PathError
		if errors.As(err, &perr) {
			// python's words: "python3: can't open file '/abs/x.py': [Errno 2] No such file or directory"
			abs, _ := filepath.Abs(cmd.target)
			fmt.Fprintf(os.Stderr, "pyrun: can't open file %s: %s\n", quote(abs), errnoText(perr.Err))
		} else {
			fmt.Fprintln(os.Stderr, "pyrun:", err)
		}
	}
	// Like python's exit: non-daemon threads, atexit hooks, flushing stdout and stderr; a
	// failure there (stdout closed under it) is status 120, as in python.
	if err := python.Finalize(); err != nil {
		return 120
	}
	return status
}

// quote is Python's repr of a str without quotes inside (enough for a file name).
func quote(s string) string {
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `\'`) + "'"
}

// errnoText is "[Errno 2] No such file or directory", as Python's OSError prints.
func errnoText(err error) string {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return err.Error()
	}
	text := errno.Error()
	if text != "" {
		text = strings.ToUpper(text[:1]) + text[1:]
	}
	return fmt.Sprintf("[Errno %d] %s", int(errno), text)
}
