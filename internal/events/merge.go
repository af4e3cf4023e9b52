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

// linked: some positive sign two drafts tell of the same happening.
func linked(a, b *draft) bool {
	if a.theme != "" && a.theme == b.theme && a.theme != "claim" {
		return true
	}
	if b.anaphoric || a.anaphoric {
		return true
	}
	if a.ev.Location != nil && b.ev.Location != nil && a.ev.Location.Name == b.ev.Location.Name {
		return true
	}
	if a.ev.Source.Name != "" && a.ev.Source.Name == b.ev.Source.Name && a.ev.Target.Name == b.ev.Target.Name && a.ev.Target.Name != "" {
		return true
	}
	// a bare report of a happening right after another of the same type
	if b.sent-a.sent <= 1 && (b.ev.Source.Name == "" && b.ev.Target.Name == "" || a.ev.Source.Name == "" && a.ev.Target.Name == "") {
		return true
	}
	return false
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
}

// merge makes one event per happening in the article.
func (c *Coder) merge(ds []*draft, d *discourse) []article.Event {
	var out []*draft
	for _, dr := range ds {
		var best *draft
		for i := len(out) - 1; i >= 0; i-- {
			o := out[i]
			if o.ev.Type != dr.ev.Type || o.ev.Hypothetical != dr.ev.Hypothetical || o.ev.Negated != dr.ev.Negated {
				continue
			}
			if !compatible(o, dr) {
				continue
			}
			if dr.theme == "claim" {
				if dr.sent-o.sent <= 3 {
					best = o
					break
				}
				continue
			}
			if linked(o, dr) {
				best = o
				break
			}
		}
		if best != nil {
			absorb(best, dr, true)
			continue
		}
		if dr.theme == "claim" {
			continue // a claim with nothing to attach to
		}
		out = append(out, dr)
	}
	evs := make([]article.Event, 0, len(out))
	for _, o := range out {
		if o.ev.Source.Name == "" && o.ev.Target.Name == "" && o.ev.Location == nil && o.ev.Fatalities == nil && o.ev.ClaimedBy == "" {
			continue // nothing to say who or where
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
