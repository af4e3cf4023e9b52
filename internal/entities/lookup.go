package entities

import "sitrep/internal/article"

// Lookup returns the entity of ents that goes by name: its name, an alias or
// a mention's text, compared as the stage compares names (case, dots and a
// leading "the" ignored), or through the alias table ("ISIS" finds Islamic
// State). It returns nil when none does.
func Lookup(ents []article.Entity, name string) *article.Entity {
	k := normKey(name)
	canon := ""
	if a, ok := lookupAlias(name); ok {
		canon = normKey(a.Name)
	}
	for i := range ents {
		e := &ents[i]
		if normKey(e.Name) == k || canon != "" && normKey(e.Name) == canon {
			return e
		}
		for _, al := range e.Aliases {
			if normKey(al) == k {
				return e
			}
		}
		for _, m := range e.Mentions {
			if normKey(m.Text) == k {
				return e
			}
		}
	}
	return nil
}

// Covering returns the entity with a mention overlapping the rune range
// [start, end) of Body (the first in ents order), or nil: how the events
// coder maps a phrase of a sentence to its merged entity.
func Covering(ents []article.Entity, start, end int) *article.Entity {
	for i := range ents {
		for _, m := range ents[i].Mentions {
			if m.Start < end && start < m.End {
				return &ents[i]
			}
		}
	}
	return nil
}
