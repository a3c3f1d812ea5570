// Command vigie turns news articles into a searchable, deduplicated
// database of political events: who did what to whom, when, where and
// how, each tied to the sentence that says it.
//
// Run "vigie --help" for the commands, or "vigie demo" to try it on the
// bundled sample corpus.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes scripts can rely on.
const (
	exitOK      = 0 // success (for ingest: at least the readable inputs were stored)
	exitFailure = 1 // the command could not do its job
	exitUsage   = 2 // bad flags or arguments
	exitNoMatch = 3 // a lookup (show, entity, event, story) found nothing
)

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, a ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, a...)}
}

func notFoundErr(format string, a ...any) error {
	return &exitError{code: exitNoMatch, err: fmt.Errorf(format, a...)}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command line and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	root := app.rootCommand()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	app.close()
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "vigie: %v\n", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if isUsage(err) {
		return exitUsage
	}
	return exitFailure
}
