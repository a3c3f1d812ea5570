// Package ingest reads news articles from files, directories, archives and
// standard input, and turns each into an article.Article passed through
// clean.Clean.
package ingest
