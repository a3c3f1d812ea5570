package sqlite

import (
	"fmt"

	"github.com/klauspost/compress/s2"
)

// Column packing. An article's raw bytes and its annotations JSON are
// stored compressed with S2 (a Snappy-compatible codec that encodes and
// decodes at hundreds of MB/s per core): the annotations shrink ≈ 4×, plain
// text ≈ 1.8× and HTML more, so the writer has half the pages to write and
// the database is smaller. Column articles.packed tells which of the row's
// values are packed (rows written before migration 8 have none).
const (
	packedRaw         = 1 // articles.raw is packed
	packedAnnotations = 2 // articles.annotations is packed
)

// pack compresses b (nil stays nil).
func pack(b []byte) []byte {
	if b == nil {
		return nil
	}
	return s2.Encode(nil, b)
}

// unpack decompresses a value written by pack.
func unpack(b []byte) ([]byte, error) {
	if b == nil {
		return nil, nil
	}
	out, err := s2.Decode(nil, b)
	if err != nil {
		return nil, fmt.Errorf("decompressing: %w", err)
	}
	return out, nil
}
