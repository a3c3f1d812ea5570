package ingest

import "errors"

// Errors reported for input the readers cannot use; test with errors.Is.
var (
	// ErrEmpty is reported for an empty file or record.
	ErrEmpty = errors.New("empty input")
	// ErrBinary is reported for content that is neither text nor a known format.
	ErrBinary = errors.New("binary content")
	// ErrTooLarge is reported for input over Options.MaxBytes.
	ErrTooLarge = errors.New("input too large")
	// ErrNoBody is reported for an HTML page without a body.
	ErrNoBody = errors.New("HTML page has no body")
	// ErrNoText is reported when no text can be extracted from a page or record.
	ErrNoText = errors.New("no text found")
)
