package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/vigie-news/vigie/article"
)

// DefaultMaxBytes is the default limit on the size of one input file (after
// gzip decompression).
const DefaultMaxBytes = 50 << 20

// Options configure the readers. The zero value is usable.
type Options struct {
	// MaxBytes is the largest input accepted, after decompression;
	// DefaultMaxBytes when 0.
	MaxBytes int64
	// Extractor is the HTML extractor; ExtractorAuto when "".
	Extractor Extractor
	// Logger receives debug messages about skipped files; none when nil.
	Logger *slog.Logger
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func (o Options) logger() *slog.Logger {
	if o.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Logger
}

// Item is one result of reading: an article, or the error that kept a
// file or a record from giving one. Path names the input ("dir/a.txt",
// "feed.xml#3", "file.jsonl#12"; "-" for stdin).
type Item struct {
	Path    string
	Article *article.Article
	Err     error
}

// Walk reads every path in turn and calls fn for each article or error, in
// order, streaming (one file in memory at a time; JSONL line by line).
//
// A path is a file, a directory or "-" for standard input. Directories are
// walked recursively in lexical order, skipping hidden files and
// directories (names starting with "."), annotation files named
// "gold.jsonl", and files that are binary or of an unknown binary type
// (images, PDFs, archives...); a file named explicitly is always read and
// reported as an error item when unusable. The format of each file is
// detected from its extension and its content (see DetectFormat); gzip
// compression is undone first (".gz" or the gzip magic number).
//
// Walk stops and returns fn's error if fn returns one, or ctx's error when
// it is done; errors of individual files and records are items, not
// Walk's error. A path that does not exist is an error item.
func Walk(ctx context.Context, paths []string, opts Options, fn func(Item) error) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("reading inputs: %w", err)
		}
		if p == "-" {
			if err := readStream(ctx, "-", os.Stdin, opts, true, fn); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if err := fn(Item{Path: p, Err: fmt.Errorf("reading %s: %w", p, err)}); err != nil {
				return err
			}
			continue
		}
		if !info.IsDir() {
			if err := readPath(ctx, p, opts, true, fn); err != nil {
				return err
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fn(Item{Path: path, Err: fmt.Errorf("walking %s: %w", path, err)})
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			if d.Name() == "gold.jsonl" || binaryExt[strings.ToLower(filepath.Ext(path))] {
				opts.logger().Debug("skipping file", "path", path)
				return nil
			}
			return readPath(ctx, path, opts, false, fn)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// binaryExt lists extensions of files a directory walk skips.
var binaryExt = map[string]bool{
	".pdf": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".ico": true,
	".svg": true, ".zip": true, ".tar": true, ".tgz": true, ".bz2": true, ".xz": true, ".7z": true,
	".exe": true, ".so": true, ".dll": true, ".mp3": true, ".mp4": true, ".avi": true, ".mov": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".sqlite": true, ".db": true, ".bin": true,
	".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".odt": true, ".class": true, ".o": true,
}

func readPath(ctx context.Context, path string, opts Options, explicit bool, fn func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Path: path, Err: fmt.Errorf("reading %s: %w", path, err)})
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > opts.maxBytes() {
		return fn(Item{Path: path, Err: fmt.Errorf("reading %s: %w: %d bytes, limit %d", path, ErrTooLarge, info.Size(), opts.maxBytes())})
	}
	return readStream(ctx, path, f, opts, explicit, fn)
}

// readStream reads one input: undoes gzip, detects the format and runs the
// reader.
func readStream(ctx context.Context, name string, r io.Reader, opts Options, explicit bool, fn func(Item) error) error {
	br := bufio.NewReader(r)
	base := name
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fn(Item{Path: name, Err: fmt.Errorf("reading gzip %s: %w", name, err)})
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
		base = strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".GZ")
	} else if strings.HasSuffix(strings.ToLower(name), ".gz") {
		return fn(Item{Path: name, Err: fmt.Errorf("reading gzip %s: %w", name, gzip.ErrHeader)})
	}
	head, _ := br.Peek(sniffLen)
	format := DetectFormat(base, head)
	if format == FormatJSONL {
		return readJSONL(ctx, name, br, opts, fn)
	}
	data, err := io.ReadAll(io.LimitReader(br, opts.maxBytes()+1))
	if err != nil {
		return fn(Item{Path: name, Err: fmt.Errorf("reading %s: %w", name, err)})
	}
	if int64(len(data)) > opts.maxBytes() {
		return fn(Item{Path: name, Err: fmt.Errorf("reading %s: %w: limit %d bytes", name, ErrTooLarge, opts.maxBytes())})
	}
	items := readBytesAs(name, format, data, opts)
	for _, it := range items {
		if !explicit && errors.Is(it.Err, ErrBinary) {
			opts.logger().Debug("skipping binary file", "path", name)
			continue
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}

// ReadFile reads one file (any supported format, gzip or not) and returns
// its items. The error is ctx's; file and record errors are items.
func ReadFile(ctx context.Context, path string, opts Options) ([]Item, error) {
	var items []Item
	err := readPath(ctx, path, opts, true, func(it Item) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

// ReadBytes reads an in-memory input named name (the name's extension
// helps detect the format; gzip is undone).
func ReadBytes(name string, data []byte, opts Options) []Item {
	var items []Item
	_ = readStream(context.Background(), name, bytes.NewReader(data), opts, true, func(it Item) error {
		items = append(items, it)
		return nil
	})
	return items
}

// readBytesAs runs the reader for a format other than JSONL.
func readBytesAs(name, format string, data []byte, opts Options) []Item {
	path := name
	if name == "-" {
		path = ""
	}
	fail := func(err error) []Item { return []Item{{Path: name, Err: fmt.Errorf("reading %s: %w", name, err)}} }
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(ErrEmpty)
	}
	if format == FormatBinary || isBinary(data) {
		return fail(ErrBinary)
	}
	switch format {
	case FormatHTML:
		a, err := readHTML(data, "", opts)
		if err != nil {
			return fail(err)
		}
		a.Path = path
		return []Item{{Path: name, Article: a}}
	case FormatFeed:
		return readFeed(name, data, opts)
	default:
		a, err := readText(data)
		if err != nil {
			return fail(err)
		}
		a.Path = path
		return []Item{{Path: name, Article: a}}
	}
}
