package ingest

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// decodeText returns data as UTF-8: unchanged when it is valid UTF-8,
// decoded as Windows-1252 otherwise (a superset of Latin-1 for printable
// text). A leading UTF-8 byte-order mark is kept; clean removes it.
func decodeText(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return []byte(string([]rune(string(data))))
	}
	return out
}
