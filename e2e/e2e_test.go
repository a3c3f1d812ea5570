// Package e2e drives vigie's web UI in a real browser (the system
// chromium through playwright-core). It needs /usr/bin/chromium, node and
// e2e/node_modules (cd e2e && npm ci); the test skips without them.
package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/ingest"
	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/pipeline"
	"github.com/vigie-news/vigie/sample"
	"github.com/vigie-news/vigie/server"
	"github.com/vigie-news/vigie/store/sqlite"
)

const chromium = "/usr/bin/chromium"

// loadSample ingests the bundled sample corpus with the standard analysis
// pipeline, as `vigie ingest` does.
func loadSample(t *testing.T, ctx context.Context, st *sqlite.DB) {
	t.Helper()
	dir, err := sample.WriteTo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	pl, err := pipeline.Default(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var arts []*article.Article
	err = ingest.Walk(ctx, []string{dir}, ingest.Options{}, func(it ingest.Item) error {
		if it.Err != nil {
			t.Logf("skipping %s: %v", it.Path, it.Err)
			return nil
		}
		if err := pl.Process(ctx, it.Article); err != nil {
			t.Logf("analysing %s: %v", it.Path, err)
		}
		arts = append(arts, it.Article)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	t.Logf("ingested %d sample articles", len(arts))
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("browser test skipped: %s is absent (apt-get install -y chromium)", chromium)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("browser test skipped: node is not installed")
	}
	if _, err := os.Stat(filepath.Join("node_modules", "playwright-core")); err != nil {
		t.Skip("browser test skipped: e2e/node_modules is absent (cd e2e && npm ci)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "e2e.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	loadSample(t, ctx, st)
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	srvCtx, stop := context.WithCancel(ctx)
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- server.ListenAndServe(srvCtx, "127.0.0.1:0", server.New(st, server.Options{KB: k}), nil, func(u string) { urls <- u })
	}()
	var base string
	select {
	case base = <-urls:
	case err := <-done:
		t.Fatalf("server did not start: %v", err)
	}
	artifacts, _ := filepath.Abs("artifacts")
	cmd := exec.CommandContext(ctx, node, "browser.mjs")
	cmd.Env = append(os.Environ(), "VIGIE_URL="+base, "VIGIE_ARTIFACTS="+artifacts, "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("browser run:\n%s", out)
	stop()
	if serr := <-done; serr != nil {
		t.Errorf("server: %v", serr)
	}
	if err != nil {
		t.Fatalf("browser checks failed: %v (screenshots in %s)", err, artifacts)
	}
	t.Logf("screenshots in %s", artifacts)
}
