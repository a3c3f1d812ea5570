package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/pipeline"
	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/story"
)

// knowledgeBase returns the shipped KB merged with --kb files, loaded once.
func (a *app) knowledgeBase() (*kb.KB, error) {
	if a.kb != nil {
		return a.kb, nil
	}
	k, err := a.loadKB()
	if err == nil {
		a.kb = k
	}
	return k, err
}

func (a *app) loadKB() (*kb.KB, error) {
	if len(a.kbFiles) == 0 {
		k, err := kb.Default()
		if err != nil {
			return nil, fmt.Errorf("loading the shipped knowledge base: %w", err)
		}
		return k, nil
	}
	k, err := kb.LoadFiles(a.kbFiles...)
	if err != nil {
		return nil, fmt.Errorf("loading knowledge base files: %w", err)
	}
	return k, nil
}

// pipeline builds the analysis chain once.
func (a *app) pipeline() (*pipeline.Pipeline, error) {
	k, err := a.knowledgeBase()
	if err != nil {
		return nil, err
	}
	p, err := pipeline.Default(pipeline.Options{KB: k, Logger: a.log, AllEvents: true})
	if err != nil {
		return nil, fmt.Errorf("building the analysis pipeline: %w", err)
	}
	return p, nil
}

// storyState keeps the cross-article story index in step with the store.
type storyState struct {
	mu      sync.Mutex
	ix      *story.Index
	st      store.Store
	sk      sketchStore // nil when the store keeps no sketches
	touched map[string]bool
	// assign holds the event → story assignments flush writes.
	assign map[string]string
	// held, when not nil (see holdAssignments), keeps each added article's
	// assignments until stored tells whether the article's own write
	// carried them (Event.Story).
	held map[string]map[string]string
	// sketch ids and encodings added since the last flush.
	skIDs  []string
	skData [][]byte
	// recordsWritten counts the story records flush has stored.
	recordsWritten int
}

// sketchStore is implemented by stores that keep the articles' MinHash
// sketches (store/sqlite), so that duplicate detection continues across
// ingest runs without re-reading the stored texts.
type sketchStore interface {
	PutSketches(ctx context.Context, ids []string, sketches [][]byte) error
	Sketches(ctx context.Context, fn func(id, dupOf string, sketch []byte) error) error
}

// storyIndex restores the story index from the stored stories, so that new
// articles join existing story events without recomputing the corpus.
func (a *app) storyIndex(ctx context.Context, st store.Store) (*storyState, error) {
	ix := story.NewIndex(story.DefaultOptions())
	if st != nil {
		recs, err := st.Stories(ctx, store.StoryFilter{Limit: 1 << 30})
		if err != nil {
			return nil, fmt.Errorf("loading stories: %w", err)
		}
		// The store lists newest first; the index wants them in creation order.
		var raws []json.RawMessage
		for i := len(recs) - 1; i >= 0; i-- {
			raws = append(raws, recs[i].Data)
		}
		if err := ix.LoadStories(raws); err != nil {
			return nil, fmt.Errorf("restoring stories: %w", err)
		}
	}
	s := &storyState{ix: ix, st: st, touched: map[string]bool{}, assign: map[string]string{}}
	if sk, ok := st.(sketchStore); ok && st != nil {
		s.sk = sk
		start := time.Now()
		n := 0
		err := sk.Sketches(ctx, func(id, dupOf string, data []byte) error {
			var sketch story.Sketch
			if err := sketch.UnmarshalBinary(data); err != nil {
				return fmt.Errorf("article %s: %w", id, err)
			}
			ix.Preload(id, dupOf, sketch)
			n++
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("loading duplicate sketches: %w", err)
		}
		a.log.Debug("duplicate index rebuilt from stored sketches", "articles", n, "seconds", time.Since(start).Seconds())
	}
	return s, nil
}

// add attaches an article's events to stories (setting Event.Story).
func (s *storyState) add(art *article.Article) {
	// Sketching reads only the text: it needs no lock.
	sketch := s.ix.Sketch(art.Text)
	var skData []byte
	if s.sk != nil && sketch.Valid() {
		if data, err := sketch.MarshalBinary(); err == nil {
			skData = data
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ids := s.ix.AddSketched(art, sketch)
	if skData != nil {
		s.skIDs, s.skData = append(s.skIDs, art.ID), append(s.skData, skData)
	}
	assign := s.assign
	if s.held != nil && len(ids) > 0 {
		if assign = s.held[art.ID]; assign == nil {
			assign = make(map[string]string, len(ids))
			s.held[art.ID] = assign
		}
	}
	for ev, sid := range ids {
		s.touched[sid] = true
		assign[ev] = sid
	}
}

// holdAssignments makes add keep each article's event → story
// assignments until stored is called for it: for callers that add an
// article before storing it, whose events then carry their stories.
func (s *storyState) holdAssignments() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held == nil {
		s.held = map[string]map[string]string{}
	}
}

// stored tells the story state (after holdAssignments) that arts were
// stored, written[i] telling whether arts[i]'s events were written (a new
// or re-analysed article) with the Event.Story values add set: those
// assignments need no separate update. The others go to the next flush.
func (s *storyState) stored(arts []*article.Article, written []bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, art := range arts {
		held, ok := s.held[art.ID]
		if !ok {
			continue
		}
		delete(s.held, art.ID)
		var carried map[string]string
		if written[i] {
			carried = make(map[string]string, len(art.Events))
			for _, e := range art.Events {
				if e.ID != "" {
					carried[e.ID] = e.Story
				}
			}
		}
		for ev, sid := range held {
			if c, ok := carried[ev]; ok && c == sid {
				continue
			}
			s.assign[ev] = sid
		}
	}
}

// flush writes the stories touched since the last flush. It takes a
// snapshot under the lock and writes it after releasing it, so the story
// stage keeps attaching new articles meanwhile.
func (s *storyState) flush(ctx context.Context) error {
	s.mu.Lock()
	skIDs, skData := s.skIDs, s.skData
	s.skIDs, s.skData = nil, nil
	// Story returns copies: they are encoded after the lock is released,
	// so that the story stage keeps adding articles meanwhile.
	var touched []*story.Story
	for id := range s.touched {
		if st := s.ix.Story(id); st != nil {
			touched = append(touched, st)
		}
	}
	assign := s.assign
	s.touched = map[string]bool{}
	s.assign = map[string]string{}
	s.mu.Unlock()

	var recs []store.StoryRecord
	var encErr error
	for _, st := range touched {
		data, err := st.Record()
		if err != nil {
			encErr = fmt.Errorf("encoding story %s: %w", st.ID, err)
			continue
		}
		recs = append(recs, store.StoryRecord{ID: st.ID, Type: st.Type, Date: st.Date, Data: data, NumArticles: st.NumArticles, NumSources: st.NumSources})
	}

	if s.sk != nil && len(skIDs) > 0 {
		if err := s.sk.PutSketches(ctx, skIDs, skData); err != nil {
			return fmt.Errorf("storing duplicate sketches: %w", err)
		}
	}
	if encErr != nil {
		return encErr
	}
	if s.st == nil || len(recs) == 0 && len(assign) == 0 {
		return nil
	}
	if err := s.st.PutStories(ctx, recs); err != nil {
		return fmt.Errorf("storing stories: %w", err)
	}
	s.mu.Lock()
	s.recordsWritten += len(recs)
	s.mu.Unlock()
	if len(assign) == 0 {
		return nil
	}
	if err := s.st.SetEventStories(ctx, assign); err != nil {
		return fmt.Errorf("linking events to stories: %w", err)
	}
	return nil
}
