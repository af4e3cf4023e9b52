package events

import (
	"strings"

	"sitrep/internal/article"
)

// compatible: nothing two drafts say about a happening contradicts.
func compatible(a, b *draft) bool {
	if a.ev.Source.Country != "" && b.ev.Source.Country != "" && a.ev.Source.Country != b.ev.Source.Country {
		return false
	}
	if a.ev.Target.Country != "" && b.ev.Target.Country != "" && a.ev.Target.Country != b.ev.Target.Country {
		return false
	}
	if a.ev.Mode != "" && b.ev.Mode != "" && a.ev.Mode != b.ev.Mode {
		return false
	}
	if a.dateExplicit && b.dateExplicit && !strings.HasPrefix(a.ev.Date, b.ev.Date) && !strings.HasPrefix(b.ev.Date, a.ev.Date) {
		return false
	}
	if a.theme != "" && b.theme != "" && a.theme != b.theme && a.theme != "claim" && b.theme != "claim" {
		return false
	}
	if a.ev.Location != nil && b.ev.Location != nil && a.ev.Location.Country != "" && b.ev.Location.Country != "" && a.ev.Location.Country != b.ev.Location.Country {
		return false
	}
	return true
}

// linkScore: how strongly two compatible drafts seem to tell of the same
// happening (0: no sign at all).
func linkScore(a, b *draft) int {
	sc := 0
	if a.theme != "" && a.theme == b.theme && a.theme != "claim" {
		sc += 4
	}
	if b.anaphoric && b.sent != a.sent && (b.theme == "" || a.theme == b.theme) {
		sc++
	}
	if a.ev.Location != nil && b.ev.Location != nil && a.ev.Location.Name == b.ev.Location.Name {
		sc += 2
	}
	if a.ev.Source.Name != "" && a.ev.Source.Name == b.ev.Source.Name && a.ev.Target.Name == b.ev.Target.Name && a.ev.Target.Name != "" {
		sc += 2
	}
	// a bare report of a happening right after another of the same type
	if b.sent-a.sent <= 1 && (bare(b) || bare(a)) {
		sc++
	}
	return sc
}

// absorb folds b into a: first-found attributes stay, gaps are filled, a
// more specific place or an explicit date wins.
func absorb(a, b *draft, addEvidence bool) {
	if a.ev.Source.Name == "" || (a.ev.Source.Country == "" && b.ev.Source.Country != "") {
		if b.ev.Source.Name != "" {
			a.ev.Source = b.ev.Source
		}
	}
	if a.ev.Target.Name == "" || (a.ev.Target.Country == "" && b.ev.Target.Country != "") {
		if b.ev.Target.Name != "" {
			if a.ev.Target.Name != "" && b.ev.Target.Country != "" {
				a.ev.Target.Country = b.ev.Target.Country
			} else {
				a.ev.Target = b.ev.Target
			}
		}
	}
	if a.ev.Mode == "" {
		a.ev.Mode = b.ev.Mode
		if b.ev.CAMEO != "" {
			a.ev.CAMEO = b.ev.CAMEO
		}
	}
	if !a.dateExplicit && b.dateExplicit {
		a.ev.Date, a.dateExplicit = b.ev.Date, true
	} else if a.dateExplicit && b.dateExplicit && len(b.ev.Date) > len(a.ev.Date) {
		a.ev.Date = b.ev.Date
	}
	if b.ev.Location != nil && (a.ev.Location == nil || (!a.specificLoc && b.specificLoc)) {
		a.ev.Location, a.specificLoc = b.ev.Location, b.specificLoc
	}
	if b.ev.Fatalities != nil && (a.ev.Fatalities == nil || *b.ev.Fatalities > *a.ev.Fatalities) {
		a.ev.Fatalities = b.ev.Fatalities
	}
	if b.ev.Injured != nil && (a.ev.Injured == nil || *b.ev.Injured > *a.ev.Injured) {
		a.ev.Injured = b.ev.Injured
	}
	if a.ev.ClaimedBy == "" {
		a.ev.ClaimedBy = b.ev.ClaimedBy
	}
	if a.theme == "" || a.theme == "claim" {
		a.theme = b.theme
	}
	if b.ev.Confidence > a.ev.Confidence {
		a.ev.Confidence = b.ev.Confidence
	}
	if addEvidence && b.ev.Evidence.Start != a.ev.Evidence.Start {
		dup := false
		for _, m := range a.ev.More {
			if m.Start == b.ev.Evidence.Start {
				dup = true
			}
		}
		if !dup {
			a.ev.More = append(a.ev.More, b.ev.Evidence)
		}
	}
	if b.sent > a.sent {
		a.sent = b.sent
	}
	if b.pos > a.lastPos {
		a.lastPos = b.pos
	}
}

// merge makes one event per happening in the article.
func (c *Coder) merge(ds []*draft, d *discourse) []article.Event {
	var out []*draft
	for _, dr := range ds {
		var best *draft
		bestScore := 0
		for i := len(out) - 1; i >= 0; i-- {
			o := out[i]
			if o.ev.Type != dr.ev.Type || o.ev.Hypothetical != dr.ev.Hypothetical || o.ev.Negated != dr.ev.Negated {
				continue
			}
			if !compatible(o, dr) {
				continue
			}
			sc := 0
			if dr.theme == "claim" {
				if dr.sent-o.sent <= 3 {
					sc = 1
				}
			} else {
				sc = linkScore(o, dr)
			}
			if sc > bestScore || (sc == bestScore && sc > 0 && o.lastPos > best.lastPos) {
				best, bestScore = o, sc
			}
		}
		if best != nil {
			absorb(best, dr, true)
			continue
		}
		if dr.theme == "claim" {
			continue // a claim with nothing to attach to
		}
		dr.lastPos = dr.pos
		out = append(out, dr)
	}
	evs := make([]article.Event, 0, len(out))
	for _, o := range out {
		if o.ev.Source.Name == "" && o.ev.Target.Name == "" && (!conflictual[o.ev.Type] || o.ev.Location == nil && o.ev.Fatalities == nil && o.ev.ClaimedBy == "") {
			continue // nothing to say who or where
		}
		if o.ev.Location == nil && o.verbal && o.ev.Source.Name != "" {
			// a statement happens where its speaker spoke
			if l := d.speakerLoc[o.ev.Source.Name]; l != nil {
				cp := *l
				o.ev.Location = &cp
			}
		}
		if o.ev.Confidence > 1 {
			o.ev.Confidence = 1
		}
		if o.ev.Confidence < 0.05 {
			o.ev.Confidence = 0.05
		}
		o.ev.Confidence = float64(int(o.ev.Confidence*1000+0.5)) / 1000
		evs = append(evs, o.ev)
	}
	return evs
}
