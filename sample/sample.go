// Package sample holds vigie's bundled demonstration corpus: short
// articles written for vigie about documented events of Armenia–Azerbaijan
// diplomacy and conflict (2019–2025), in French and English, in the styles
// of different outlets, some with scraper leftovers (share bars, newsletter
// prompts, kickers, datelines), plus a few off-topic articles. The texts
// are vigie's own; the facts are public.
package sample

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed corpus
var files embed.FS

// FS returns the sample corpus; its files sit under "corpus/".
func FS() fs.FS { return files }

// WriteTo copies the sample corpus into dir (created if needed) and
// returns the directory holding the files.
func WriteTo(dir string) (string, error) {
	out := filepath.Join(dir, "corpus")
	err := fs.WalkDir(files, "corpus", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		return "", fmt.Errorf("writing sample corpus to %s: %w", dir, err)
	}
	return out, nil
}
