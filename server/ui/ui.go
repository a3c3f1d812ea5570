// Package ui embeds vigie's built web UI (dist/). The sources are in
// src/; "go generate ./server/ui" rebuilds dist/ with npm and esbuild,
// and dist/ is committed so that building vigie never needs Node.js.
package ui

import (
	"embed"
	"io/fs"
)

//go:generate npm ci --no-audit --no-fund
//go:generate npm run build

//go:embed dist
var dist embed.FS

// FS returns the built UI files (index.html, assets/...).
func FS() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil { // "dist" is embedded: cannot fail
		panic(err)
	}
	return sub
}
