package sample

import (
	"io/fs"
	"os"
	"testing"
)

func TestSampleSize(t *testing.T) {
	n := 0
	fs.WalkDir(FS(), "corpus", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	if n < 30 {
		t.Fatalf("sample has %d files, want at least 30", n)
	}
	dir, err := WriteTo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != n {
		t.Fatalf("wrote %d files, want %d", len(ents), n)
	}
}
