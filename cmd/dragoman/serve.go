package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
	dhttp "github.com/dragoman-news/dragoman/http"
	"github.com/dragoman-news/dragoman/internal/dbopen"
	"github.com/dragoman-news/dragoman/pipeline"
	"github.com/spf13/cobra"
)

func init() {
	var (
		addr, db, token string
		maxBody         int64
		timeout         time.Duration
		maxAnalyses     int
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the HTTP API and the web UI over a corpus",
		Long: `Serve the JSON API (/api/v1, described at /openapi.json) and the web pages
for analysts (search, articles with their entities, quotes and events marked,
actor profiles, dyad charts, and a page to analyse pasted text).

Reads are open. Writes (POST /api/v1/articles) need a bearer token, given
with --token or the DRAGOMAN_TOKEN environment variable; without one every
write is refused. The default address listens on this machine only.

Examples:
  dragoman ingest examples/articles && dragoman serve
  DRAGOMAN_TOKEN=s3cret dragoman serve --addr 127.0.0.1:9090 --db corpus.db
  dragoman serve --db postgres://user@dbhost/dragoman   # several servers may share it
  curl -s 'http://127.0.0.1:8080/api/v1/search?q=ceasefire'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if token == "" {
				token = os.Getenv("DRAGOMAN_TOKEN")
			}
			ctx := cmd.Context()
			store, err := dbopen.Open(ctx, db, dbopen.Options{})
			if err != nil {
				return fmt.Errorf("open %s: %w", db, err)
			}
			defer store.Close()
			pl, err := pipeline.New(pipeline.Options{})
			if err != nil {
				return err
			}
			logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
			srv, err := dhttp.New(dhttp.Config{
				Store:       store,
				Parse:       parseBody,
				Analyze:     pl.Analyze,
				Token:       token,
				MaxBody:     maxBody,
				Timeout:     timeout,
				MaxAnalyses: maxAnalyses,
				Logger:      logger,
			})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", addr, err)
			}
			hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: timeout + 5*time.Second, WriteTimeout: timeout + 10*time.Second, IdleTimeout: 2 * time.Minute}
			writes := "writes need the bearer token"
			if token == "" {
				writes = "writes are refused (no --token)"
			}
			fmt.Fprintf(os.Stderr, "dragoman: serving %s on http://%s (%s)\n", db, ln.Addr(), writes)
			errc := make(chan error, 1)
			go func() { errc <- hs.Serve(ln) }()
			select {
			case err := <-errc:
				if !errors.Is(err, http.ErrServerClosed) {
					return err
				}
			case <-ctx.Done():
				sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				_ = hs.Shutdown(sctx)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().StringVar(&db, "db", "dragoman.db", "corpus: a SQLite file or a postgres:// URL")
	cmd.Flags().StringVar(&token, "token", "", "bearer token that writes need (default $DRAGOMAN_TOKEN)")
	cmd.Flags().Int64Var(&maxBody, "max-body", 8<<20, "largest request body in bytes")
	cmd.Flags().DurationVar(&timeout, "timeout", 30*time.Second, "longest a request may take")
	cmd.Flags().IntVar(&maxAnalyses, "max-analyses", 4, "analyses allowed to run at once")
	rootCmd.AddCommand(cmd)
}

// parseBody reads the articles of a request body with the article readers.
// A JSON object is one article in the JSON Lines schema; text/html is a
// page; anything else is detected from the content.
func parseBody(ctx context.Context, name, contentType string, body []byte) ([]dragoman.Article, error) {
	var opts article.Options
	switch {
	case contentType == "text/html":
		opts.Format = article.FormatHTML
	case contentType == "application/json" || contentType == "application/x-ndjson" || contentType == "application/jsonl":
		opts.Format = article.FormatJSONL
		body = bytes.TrimSpace(body)
		if len(body) > 0 && body[0] == '{' && !bytes.Contains(body, []byte("}\n{")) {
			body = compactJSON(body)
		}
	case contentType == "text/plain" && !strings.HasPrefix(strings.TrimSpace(string(body[:min(len(body), 64)])), "<"):
		opts.Format = article.FormatText
	}
	var out []dragoman.Article
	for it, err := range article.ReadReader(ctx, bytes.NewReader(body), name, opts) {
		if err != nil {
			return out, err
		}
		out = append(out, it.Article)
	}
	return out, nil
}

// compactJSON puts one pretty-printed JSON object on one line, as the JSON
// Lines reader wants it; invalid JSON is left for the reader to report.
func compactJSON(b []byte) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return b
	}
	return buf.Bytes()
}
