package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-news/vigie/article"
)

var update = flag.Bool("update", false, "rewrite golden files")

func gz(t testing.TB, data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, head, want string
	}{
		{"a.txt", " date 2023-05 Texte", FormatText},
		{"a.txt", "<!DOCTYPE html><html>", FormatHTML},
		{"a", "<?xml version=\"1.0\"?><rss version=\"2.0\">", FormatFeed},
		{"a.xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">", FormatFeed},
		{"a.data", "{\"text\": \"x\"}\n", FormatJSONL},
		{"a.jsonl", "{\"text\": \"x\"}\n", FormatJSONL},
		{"a.htm", "hello", FormatHTML},
		{"a.pdf", "%PDF-1.4", FormatBinary},
		{"noext", "plain words", FormatText},
	}
	for _, tt := range tests {
		if got := DetectFormat(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("DetectFormat(%q, %q) = %q, want %q", tt.name, tt.head, got, tt.want)
		}
	}
}

func TestReadBytes(t *testing.T) {
	text := " date 2022-07 Deux ministres à Tbilissi\n\nLes deux ministres se sont rencontrés samedi.\n"
	latin1 := []byte("Le minist\xe8re a publi\xe9 un communiqu\xe9.\n")
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Exemple</title><language>fr</language>
<item><title>Premier</title><link>https://ex.example/2021/01/11/a</link><pubDate>Mon, 11 Jan 2021 10:00:00 +0000</pubDate><description>&lt;p&gt;Le premier texte du flux.&lt;/p&gt;</description></item>
<item><title>Vide</title><description></description></item>
</channel></rss>`
	jsonl := `{"url":"https://www.example.am/news/1","title":"Un titre","text":"Le texte de l'article.","published":"2023-05-19"}
{"text": broken
{"html":"<html><body><article><p>Un paragraphe extrait d'une page HTML dans un enregistrement.</p></article></body></html>","published":"Fri, 19 May 2023 10:00:00 GMT"}

{"title":"sans texte"}
`
	tests := []struct {
		name      string
		data      []byte
		wantPaths []string
		wantErrs  []error // per item, nil for an article
		check     func(t *testing.T, items []Item)
	}{
		{name: "a.txt", data: []byte(text), wantPaths: []string{"a.txt"}, wantErrs: []error{nil},
			check: func(t *testing.T, items []Item) {
				a := items[0].Article
				if a.Title != "Deux ministres à Tbilissi" || a.Published.String() != "2022-07" || a.Format != FormatText {
					t.Errorf("got %+v", a)
				}
			}},
		{name: "a.txt.gz", data: gz(t, []byte(text)), wantPaths: []string{"a.txt.gz"}, wantErrs: []error{nil}},
		{name: "latin1.txt", data: latin1, wantPaths: []string{"latin1.txt"}, wantErrs: []error{nil},
			check: func(t *testing.T, items []Item) {
				a := items[0].Article
				if a.Text != "Le ministère a publié un communiqué." {
					t.Errorf("Text = %q", a.Text)
				}
				if r, ok := a.RawMap.ToRaw(3); !ok || r != 3 {
					t.Errorf("RawMap.ToRaw(3) = %d, %v", r, ok)
				}
			}},
		{name: "empty.txt", data: []byte(" \n\n"), wantPaths: []string{"empty.txt"}, wantErrs: []error{ErrEmpty}},
		{name: "bin.txt", data: []byte("abc\x00\x01\x02def"), wantPaths: []string{"bin.txt"}, wantErrs: []error{ErrBinary}},
		{name: "trunc.txt.gz", data: gz(t, []byte(strings.Repeat(text, 50)))[:60], wantPaths: []string{"trunc.txt.gz"}, wantErrs: []error{errAny}},
		{name: "nobody.html", data: []byte("<html><head><title>x</title></head></html>"), wantPaths: []string{"nobody.html"}, wantErrs: []error{ErrNoBody}},
		{name: "f.xml", data: []byte(feed), wantPaths: []string{"f.xml#1", "f.xml#2"}, wantErrs: []error{nil, ErrNoText},
			check: func(t *testing.T, items []Item) {
				a := items[0].Article
				if a.Text != "Le premier texte du flux." || a.Title != "Premier" || a.Published.String() != "2021-01-11" || a.Outlet != "ex.example" {
					t.Errorf("got %+v", a)
				}
			}},
		{name: "r.jsonl", data: []byte(jsonl), wantPaths: []string{"r.jsonl#1", "r.jsonl#2", "r.jsonl#3", "r.jsonl#5"}, wantErrs: []error{nil, errAny, nil, ErrNoText},
			check: func(t *testing.T, items []Item) {
				a := items[0].Article
				if a.Outlet != "example.am" || a.Published.String() != "2023-05-19" || a.Title != "Un titre" || a.Path != "r.jsonl#1" {
					t.Errorf("got %+v", a)
				}
				if !strings.HasPrefix(items[1].Err.Error(), "r.jsonl:2: ") {
					t.Errorf("line error = %v", items[1].Err)
				}
				if b := items[2].Article; b == nil || b.Published.String() != "2023-05-19" || !strings.Contains(b.Text, "Un paragraphe") {
					t.Errorf("html record = %+v", b)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := ReadBytes(tt.name, tt.data, Options{})
			if len(items) != len(tt.wantPaths) {
				t.Fatalf("got %d items, want %d: %+v", len(items), len(tt.wantPaths), items)
			}
			for i, it := range items {
				if it.Path != tt.wantPaths[i] {
					t.Errorf("item %d path %q, want %q", i, it.Path, tt.wantPaths[i])
				}
				switch want := tt.wantErrs[i]; {
				case want == nil && it.Err != nil:
					t.Errorf("item %d: unexpected error %v", i, it.Err)
				case want == errAny && it.Err == nil, want != nil && want != errAny && !errors.Is(it.Err, want):
					t.Errorf("item %d: error %v, want %v", i, it.Err, want)
				case want == nil && it.Article == nil:
					t.Errorf("item %d: no article", i)
				}
			}
			if tt.check != nil {
				tt.check(t, items)
			}
		})
	}
}

var errAny = errors.New("any error")

func TestTooLarge(t *testing.T) {
	items := ReadBytes("big.txt", bytes.Repeat([]byte("word "), 100), Options{MaxBytes: 100})
	if len(items) != 1 || !errors.Is(items[0].Err, ErrTooLarge) {
		t.Fatalf("got %+v", items)
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", []byte("Un texte.\n"))
	write("sub/b.txt.gz", gz(t, []byte("Un autre texte.\n")))
	write("sub/gold.jsonl", []byte(`{"file":"a.txt"}`))
	write(".hidden/c.txt", []byte("caché"))
	write(".d.txt", []byte("caché"))
	write("img.png", []byte("\x89PNG\r\n"))
	write("blob.dat", []byte("\x00\x01\x02\x03"))
	var paths []string
	err := Walk(context.Background(), []string{dir, filepath.Join(dir, "missing.txt")}, Options{}, func(it Item) error {
		rel, _ := filepath.Rel(dir, it.Path)
		if it.Err != nil {
			rel += " ERR"
		}
		paths = append(paths, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "a.txt sub/b.txt.gz missing.txt ERR"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("walked %q, want %q", got, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Walk(ctx, []string{dir}, Options{}, func(Item) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Walk with cancelled context = %v", err)
	}
}

// TestHTMLGolden extracts the hand-written pages of testdata/html and
// compares title, date, outlet and text with the .golden files.
func TestHTMLGolden(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if len(pages) == 0 {
		t.Fatal("no test pages")
	}
	for _, p := range pages {
		t.Run(filepath.Base(p), func(t *testing.T) {
			items, err := ReadFile(context.Background(), p, Options{})
			if err != nil || len(items) != 1 || items[0].Err != nil {
				t.Fatalf("ReadFile: %v %+v", err, items)
			}
			a := items[0].Article
			got := "title: " + a.Title + "\npublished: " + a.Published.String() + "\noutlet: " + a.Outlet +
				"\nurl: " + a.URL + "\ndateline: " + datelineString(a.Dateline) + "\n\n" + a.Text + "\n"
			golden := strings.TrimSuffix(p, ".html") + ".golden"
			if *update {
				os.WriteFile(golden, []byte(got), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("reading golden (run with -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func datelineString(d *article.Dateline) string {
	if d == nil {
		return ""
	}
	return d.Place + " | " + d.Date.String() + " | " + d.Agency
}

func FuzzReadBytes(f *testing.F) {
	f.Add("a.txt", []byte(" date 2023-05 Texte\n\nSTEPANAKERT, 25 MAI, ARTSAKHPRESS :"))
	f.Add("a.html", []byte("<html><body><p>Un texte <b>gras</b></p></body></html>"))
	f.Add("a.jsonl", []byte("{\"text\":\"x\"}\n{bad\n"))
	f.Add("a.xml", []byte(`<?xml version="1.0"?><rss><channel><item><description>x</description></item></channel></rss>`))
	f.Add("a.gz", []byte("\x1f\x8b\x08\x00"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		for _, it := range ReadBytes(name, data, Options{MaxBytes: 1 << 20}) {
			if it.Err == nil && it.Article == nil {
				t.Fatalf("item without article or error: %+v", it)
			}
		}
	})
}

func BenchmarkReadText(b *testing.B) {
	para := "Le ministre des Affaires étrangères a rencontré son homologue à Genève pour discuter du processus de paix.\n\n"
	data := []byte(" date 2023-05 Un titre\n\n" + strings.Repeat(para, 40) + "STEPANAKERT, 25 MAI, ARTSAKHPRESS :")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ReadBytes("a.txt", data, Options{})
	}
}

func BenchmarkReadHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "html", "news-en.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ReadBytes("a.html", data, Options{})
	}
}
