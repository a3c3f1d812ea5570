package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/server"
)

// serveCommand is `vigie serve`: the HTTP API and web UI over the database.
func (a *app) serveCommand() *cobra.Command {
	var addr, token string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the HTTP API and the web UI over the database",
		Long: `Serve the JSON API (/api/v1, described at /api/v1/openapi.json), the web UI (/),
health probes (/healthz, /readyz) and Prometheus metrics (/metrics).

The server binds to 127.0.0.1 by default. POST /api/v1/articles (ingest over
HTTP, analysed like "vigie ingest") is off unless an ingest token is given with
--ingest-token or the VIGIE_INGEST_TOKEN environment variable; requests must
then send "Authorization: Bearer TOKEN". Stops gracefully on Ctrl-C / SIGTERM.`,
		Example: `  vigie serve
  vigie serve --addr 0.0.0.0:9000 --ingest-token "$(openssl rand -hex 16)"`,
		Args: args(0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if token == "" {
				token = os.Getenv("VIGIE_INGEST_TOKEN")
			}
			return a.serve(cmd.Context(), addr, token)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on, HOST:PORT")
	cmd.Flags().StringVar(&token, "ingest-token", "", "enable POST /api/v1/articles for this bearer token (default $VIGIE_INGEST_TOKEN)")
	return cmd
}

// serve runs the HTTP API and web UI until ctx is cancelled.
func (a *app) serve(ctx context.Context, addr, token string) error {
	st, err := a.store(ctx)
	if err != nil {
		return err
	}
	k, err := a.knowledgeBase()
	if err != nil {
		return err
	}
	opts := server.Options{KB: k, Logger: a.log, IngestToken: token}
	if token != "" {
		pl, err := a.pipeline()
		if err != nil {
			return err
		}
		opts.Analyze = func(ctx context.Context, art *article.Article) error { return pl.Process(ctx, art) }
		stories, err := a.storyIndex(ctx, st)
		if err != nil {
			return err
		}
		// Articles ingested over HTTP join the cross-article stories as
		// with `vigie ingest`.
		opts.AfterPut = func(ctx context.Context, arts []*article.Article) error {
			for _, art := range arts {
				stories.add(art)
			}
			return stories.flush(ctx)
		}
	}
	h := server.New(st, opts)
	return server.ListenAndServe(ctx, addr, h, a.log, func(url string) {
		fmt.Fprintf(a.out, "vigie: serving %s (Ctrl-C to stop)\n", url)
	})
}
