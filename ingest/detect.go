package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Formats DetectFormat returns; they are also Article.Format values.
const (
	FormatText   = "text"
	FormatHTML   = "html"
	FormatJSONL  = "jsonl"
	FormatFeed   = "feed"
	FormatBinary = "binary"
)

// sniffLen is how many leading bytes content sniffing looks at.
const sniffLen = 4096

// extFormats maps file extensions to formats.
var extFormats = map[string]string{
	".txt": FormatText, ".text": FormatText, ".md": FormatText,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML,
	".jsonl": FormatJSONL, ".ndjson": FormatJSONL, ".json": FormatJSONL,
	".rss": FormatFeed, ".atom": FormatFeed, ".xml": FormatFeed,
}

// binaryMagic are prefixes of binary formats.
var binaryMagic = [][]byte{
	[]byte("%PDF"), []byte("\x89PNG"), []byte("\xff\xd8\xff"), []byte("GIF8"), []byte("PK\x03\x04"),
	[]byte("\x7fELF"), []byte("SQLite format 3"), []byte("BZh"), []byte("\xfd7zXZ"), []byte("7z\xbc\xaf"),
}

// DetectFormat returns the format of an input from its name (a ".gz"
// suffix already removed) and its first bytes: content sniffing wins when
// it is unambiguous (a feed or an HTML page in a ".txt" file, JSON lines
// with an unknown extension), the extension decides otherwise, plain
// text by default.
func DetectFormat(name string, head []byte) string {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	for _, m := range binaryMagic {
		if bytes.HasPrefix(t, m) {
			return FormatBinary
		}
	}
	lower := bytes.ToLower(t[:min(len(t), 1024)])
	switch {
	case bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<rss")) || bytes.HasPrefix(lower, []byte("<feed")) || bytes.HasPrefix(lower, []byte("<rdf:rdf")):
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")) {
			return FormatFeed
		}
		if bytes.Contains(lower, []byte("<html")) {
			return FormatHTML
		}
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.HasPrefix(lower, []byte("<head")) || bytes.HasPrefix(lower, []byte("<body")) ||
		(bytes.HasPrefix(lower, []byte("<!--")) && bytes.Contains(lower, []byte("<html"))):
		return FormatHTML
	}
	if f, ok := extFormats[strings.ToLower(filepath.Ext(name))]; ok {
		return f
	}
	if bytes.HasPrefix(t, []byte("{")) {
		return FormatJSONL
	}
	if bytes.HasPrefix(t, []byte("<")) && (bytes.Contains(lower, []byte("<p")) || bytes.Contains(lower, []byte("<div"))) {
		return FormatHTML
	}
	return FormatText
}

// isBinary reports whether data does not look like text: NUL bytes, or
// (for input that is not UTF-8) too many control characters.
func isBinary(data []byte) bool {
	head := data[:min(len(data), 1<<16)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if !utf8.Valid(head[:max(0, len(head)-3)]) {
		high := 0
		for _, c := range head {
			if c >= 0x80 {
				high++
			}
		}
		if high*100 > len(head)*30 {
			return true
		}
	}
	return ctrl*100 > len(head)
}
