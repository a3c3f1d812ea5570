// Package clean turns the text a reader produced into vigie's clean
// article text: normalised characters and spaces, scraper boilerplate and
// datelines removed, and the publication date, outlet, title and dateline
// filled in, while keeping a map from clean offsets back to the raw input.
//
// The rules are data: boilerplate.go (trailer markers, lines to drop,
// kickers), datelines.go (dateline shapes and month names), outlets.go
// (agency and site signatures) and published.go (date line, URL and date
// stamp patterns).
package clean
