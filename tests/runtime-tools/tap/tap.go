// Package tap is hutch's stand-in for github.com/mndrix/tap-go, which runtime-tools'
// validation programs import and Debian 12 does not package. It writes the Test Anything
// Protocol (version 13) to stdout with the handful of methods those programs call.
package tap

import (
	"encoding/json"
	"fmt"
	"strings"
)

// T counts the test points of one TAP stream.
type T struct {
	*stream
	// todo marks the next test point as expected to fail (a TAP "# TODO" directive).
	todo bool
}

type stream struct {
	n       int
	planned bool
}

// New starts a stream.
func New() *T { return &T{stream: &stream{}} }

// Todo is the stream whose next test point is a known gap, not a failure.
func (t *T) Todo() *T { return &T{stream: t.stream, todo: true} }

// Header prints the version line, and the plan when the count is known (n > 0).
func (t *T) Header(n int) {
	fmt.Println("TAP version 13")
	if n > 0 {
		fmt.Printf("1..%d\n", n)
		t.planned = true
	}
}

// Ok records one test point.
func (t *T) Ok(ok bool, description string) {
	t.n++
	status := "ok"
	if !ok {
		status = "not ok"
	}
	directive := ""
	if t.todo {
		directive = " # TODO"
	}
	fmt.Printf("%s %d - %s%s\n", status, t.n, oneLine(description), directive)
}

// Pass records a passing test point.
func (t *T) Pass(description string) { t.Ok(true, description) }

// Fail records a failing test point.
func (t *T) Fail(description string) { t.Ok(false, description) }

// Skip records count skipped test points, with the reason.
func (t *T) Skip(count int, reason string) {
	for i := 0; i < count; i++ {
		t.n++
		fmt.Printf("ok %d # SKIP %s\n", t.n, oneLine(reason))
	}
}

// Diagnostic prints a comment line.
func (t *T) Diagnostic(message string) {
	for _, l := range strings.Split(message, "\n") {
		fmt.Printf("# %s\n", l)
	}
}

// Diagnosticf prints a formatted comment line.
func (t *T) Diagnosticf(format string, a ...interface{}) {
	t.Diagnostic(fmt.Sprintf(format, a...))
}

// YAML prints a YAML block (JSON is YAML) about the last test point.
func (t *T) YAML(v interface{}) error {
	b, err := json.MarshalIndent(v, "  ", "  ")
	if err != nil {
		return err
	}
	fmt.Printf("  ---\n  %s\n  ...\n", b)
	return nil
}

// Count is the number of test points so far.
func (t *T) Count() int { return t.n }

// AutoPlan prints the plan from the count, unless Header printed one.
func (t *T) AutoPlan() {
	if !t.planned {
		fmt.Printf("1..%d\n", t.n)
		t.planned = true
	}
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
