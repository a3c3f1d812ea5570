package event

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/vigie-news/vigie/article"
)

// polecatRecord is one POLECAT-style event record.
type polecatRecord struct {
	EventID       string   `json:"event_id"`
	StoryDate     string   `json:"story_date,omitempty"`
	EventDate     string   `json:"event_date,omitempty"`
	EventType     string   `json:"event_type"`
	EventMode     string   `json:"event_mode,omitempty"`
	Contexts      []string `json:"contexts,omitempty"`
	Actor         string   `json:"actor"`
	ActorCountry  string   `json:"actor_country,omitempty"`
	ActorSector   string   `json:"actor_sector,omitempty"`
	Recipient     string   `json:"recipient,omitempty"`
	RecipCountry  string   `json:"recipient_country,omitempty"`
	RecipSector   string   `json:"recipient_sector,omitempty"`
	Host          []string `json:"host,omitempty"`
	Location      string   `json:"location,omitempty"`
	Factuality    string   `json:"factuality"`
	Confidence    float64  `json:"confidence"`
	Language      string   `json:"language,omitempty"`
	Publisher     string   `json:"publisher,omitempty"`
	URL           string   `json:"url,omitempty"`
	ArticleID     string   `json:"article_id"`
	EvidenceStart int      `json:"evidence_start"`
	EvidenceEnd   int      `json:"evidence_end"`
	EvidenceText  string   `json:"evidence_text,omitempty"`
}

// sides splits participants into the source and target sides, each a
// "; "-joined list of names, with the first actor's country and sector.
func sides(ev *article.Event) (src, tgt []article.Actor, hosts []string) {
	for _, a := range ev.Actors {
		switch a.Role {
		case article.RoleHost:
			hosts = append(hosts, a.Name)
		case article.RoleTarget:
			tgt = append(tgt, a)
		default:
			src = append(src, a)
		}
	}
	return src, tgt, hosts
}

func joinNames(as []article.Actor) (names, country, sector string) {
	var ns []string
	for _, a := range as {
		ns = append(ns, a.Name)
	}
	if len(as) > 0 {
		country, sector = as[0].Country, as[0].Sector
	}
	return strings.Join(ns, "; "), country, sector
}

// WritePOLECAT writes events as POLECAT-style JSON records, one per line.
// articles supplies story metadata by article id; it may be nil.
func WritePOLECAT(w io.Writer, events []article.Event, articles map[string]*article.Article) error {
	enc := json.NewEncoder(w)
	for i := range events {
		ev := &events[i]
		src, tgt, hosts := sides(ev)
		r := polecatRecord{EventID: ev.ID, EventDate: ev.Date.String(), EventType: ev.Type, EventMode: ev.Mode,
			Contexts: ev.Contexts, Host: hosts, Factuality: ev.Factuality, Confidence: ev.Confidence, ArticleID: ev.ArticleID}
		r.Actor, r.ActorCountry, r.ActorSector = joinNames(src)
		r.Recipient, r.RecipCountry, r.RecipSector = joinNames(tgt)
		if ev.Place != nil {
			r.Location = ev.Place.Name
		}
		if len(ev.Evidence) > 0 {
			r.EvidenceStart, r.EvidenceEnd, r.EvidenceText = ev.Evidence[0].Start, ev.Evidence[0].End, ev.Evidence[0].Text
		}
		if a := articles[ev.ArticleID]; a != nil {
			r.StoryDate, r.Language, r.Publisher, r.URL = a.Published.String(), a.Lang, a.Outlet, a.URL
		}
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("writing POLECAT record %s: %w", ev.ID, err)
		}
	}
	return nil
}

// gdeltHeader is the column list of WriteGDELTCSV (a GDELT 1.0 subset).
var gdeltHeader = []string{"GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
	"Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode", "EventRootCode",
	"QuadClass", "ActionGeo_FullName", "SOURCEURL", "PLOVERType", "Factuality"}

// WriteGDELTCSV writes events as GDELT-style CSV with CAMEO root codes.
// articles supplies source URLs by article id; it may be nil.
func WriteGDELTCSV(w io.Writer, events []article.Event, articles map[string]*article.Article) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(gdeltHeader); err != nil {
		return fmt.Errorf("writing GDELT header: %w", err)
	}
	for i := range events {
		ev := &events[i]
		src, tgt, _ := sides(ev)
		a1, c1, s1 := joinNames(src)
		a2, c2, s2 := joinNames(tgt)
		info, _ := LookupType(ev.Type)
		date := ""
		if ev.Date.Known() {
			date = strings.ReplaceAll(ev.Date.String(), "-", "")
			for len(date) < 8 {
				date += "00"
			}
		}
		place, url := "", ""
		if ev.Place != nil {
			place = ev.Place.Name
		}
		if a := articles[ev.ArticleID]; a != nil {
			url = a.URL
		}
		rec := []string{ev.ID, date, a1, c1, s1, a2, c2, s2, "1", info.CAMEO, info.CAMEO,
			strconv.Itoa(info.QuadClass), place, url, ev.Type, ev.Factuality}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("writing GDELT row %s: %w", ev.ID, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("flushing GDELT CSV: %w", err)
	}
	return nil
}
