// Package article defines the types shared by every stage of the vigie
// pipeline: the Article itself, and the annotations later stages attach to
// it (sentences, entity mentions, time expressions and events).
//
// It imports nothing else from vigie, so every stage can depend on it.
//
// Offsets: every Start/End pair in this package is a UTF-8 byte offset into
// Article.Text (the clean text), half-open: Text[Start:End] is the span.
// RawMap maps clean-text offsets back to Article.Raw.
package article
