package events

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"sort"
	"strings"

	"sitrep/internal/country"
)

// The actor gazetteer maps a person's or organisation's name to the
// country (alpha-3, or IGO/NGO) and CAMEO role it acts for. A user can
// build one from actor dictionaries such as PETRARCH-2 / Phoenix's with
// `sitrep train events-actors` and give it to NewWithGazetteer (`sitrep
// eval events --actors FILE`). None ships: the issue asks that PETRARCH's
// dictionaries be reference, not part of the product, so the default coder
// knows actors from the text and the entities stage alone.

// gazEntry is what the gazetteer says of a name.
type gazEntry struct {
	country, role string
}

// Gazetteer is a read-only name -> actor index.
type Gazetteer struct {
	full    map[string]gazEntry // normalised full name
	surname map[string]gazEntry // last word of a person's name, when all its bearers share a country
}

// LoadGazetteer reads a gazetteer file written by `sitrep train
// events-actors` (a gzipped TSV).
func LoadGazetteer(r io.Reader) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("events gazetteer: %w", err)
	}
	defer zr.Close()
	return ReadGazetteer(zr)
}

// ReadGazetteer reads the TSV written by WriteGazetteer: kind (F full
// name, S surname), key, country, role.
func ReadGazetteer(r io.Reader) (*Gazetteer, error) {
	g := &Gazetteer{full: map[string]gazEntry{}, surname: map[string]gazEntry{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("events gazetteer line %d: %d fields, want 4", n, len(f))
		}
		e := gazEntry{country: f[2], role: f[3]}
		switch f[0] {
		case "F":
			g.full[f[1]] = e
		case "S":
			g.surname[f[1]] = e
		default:
			return nil, fmt.Errorf("events gazetteer line %d: kind %q", n, f[0])
		}
	}
	return g, sc.Err()
}

// gazKey normalises a name: lower case, no dots, single spaces, no
// possessive, no leading article.
func gazKey(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	s = strings.NewReplacer(".", "", "_", " ", "’", "'").Replace(s)
	f := strings.Fields(s)
	if len(f) > 1 && f[0] == "the" {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// Full looks up a full name.
func (g *Gazetteer) Full(name string) (country3, role string, ok bool) {
	if g == nil {
		return "", "", false
	}
	e, ok := g.full[gazKey(name)]
	return e.country, e.role, ok
}

// Surname looks up a person by the last word of name alone; it answers
// only for surnames all of whose bearers in the dictionaries act for one
// country.
func (g *Gazetteer) Surname(name string) (country3, role string, ok bool) {
	if g == nil {
		return "", "", false
	}
	f := strings.Fields(gazKey(name))
	if len(f) == 0 {
		return "", "", false
	}
	e, ok := g.surname[f[len(f)-1]]
	return e.country, e.role, ok
}

// BuildGazetteer reads TABARI/PETRARCH .actors files (NAME_ lines, +SYNONYM
// lines, [CODE dates] codes; # comments) and returns the TSV lines
// WriteGazetteer writes. A code's first three letters must be an ISO
// alpha-3 country or IGO/NGO; an open-ended code (">date") or an undated
// one is preferred over dated ones. Persons are the entries marked
// "CountryInfo" or carrying dated codes; their surnames are indexed when
// unambiguous.
func BuildGazetteer(files ...io.Reader) (map[string]gazEntry, map[string]gazEntry, error) {
	ix := country.Default()
	full := map[string]gazEntry{}
	fullBad := map[string]bool{}
	sur := map[string]gazEntry{}
	surBad := map[string]bool{}
	type actor struct {
		names  []string
		codes  []string // preferred first
		person bool
	}
	codeOf := func(c string) (gazEntry, bool) {
		f := strings.Fields(c)
		if len(f) == 0 || len(f[0]) < 3 {
			return gazEntry{}, false
		}
		cc := f[0][:3]
		role := ""
		if len(f[0]) >= 6 {
			role = f[0][3:6]
		}
		if cc == "IGO" || cc == "NGO" {
			return gazEntry{country: cc, role: cc}, true
		}
		if _, ok := ix.ByAlpha3(cc); !ok {
			return gazEntry{}, false
		}
		return gazEntry{country: cc, role: role}, true
	}
	flush := func(a *actor) {
		if a == nil || len(a.names) == 0 {
			return
		}
		var best gazEntry
		found := false
		// open-ended or undated codes first, then the others in order
		for pass := 0; pass < 2 && !found; pass++ {
			for _, c := range a.codes {
				dated := strings.ContainsAny(c, "-<") || (strings.Count(c, " ") > 0 && !strings.Contains(c, ">"))
				if (pass == 0) == dated {
					continue
				}
				if e, ok := codeOf(c); ok {
					best, found = e, true
					break
				}
			}
		}
		if !found {
			return
		}
		if best.role == "ELI" {
			// an elite who has held office: the government role
			for _, c := range a.codes {
				if e, ok := codeOf(c); ok && e.country == best.country && e.role == "GOV" {
					best.role = "GOV"
					break
				}
			}
		}
		var names []string
		for _, n := range a.names {
			names = append(names, n)
			if i := strings.IndexByte(n, '('); i > 0 {
				// "LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)": the name alone too
				names = append(names, n[:i])
			}
		}
		for _, n := range names {
			k := gazKey(n)
			if k == "" || fullBad[k] {
				continue
			}
			if o, ok := full[k]; ok && o.country != best.country {
				fullBad[k] = true
				delete(full, k)
				continue
			}
			full[k] = best
		}
		if a.person {
			f := strings.Fields(gazKey(a.names[0]))
			if len(f) >= 2 {
				s := f[len(f)-1]
				if len(s) >= 4 && !surBad[s] {
					if o, ok := sur[s]; ok && o.country != best.country {
						surBad[s] = true
						delete(sur, s)
					} else if !ok {
						sur[s] = best
					}
				}
			}
		}
	}
	for _, r := range files {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		var cur *actor
		for sc.Scan() {
			ln := sc.Text()
			comment := ""
			if i := strings.IndexByte(ln, '#'); i >= 0 {
				ln, comment = ln[:i], ln[i:]
			}
			if strings.TrimSpace(ln) == "" {
				continue
			}
			var codes []string
			for rest := ln; ; {
				i := strings.IndexByte(rest, '[')
				if i < 0 {
					break
				}
				j := strings.IndexByte(rest[i:], ']')
				if j < 0 {
					break
				}
				codes = append(codes, strings.TrimSpace(rest[i+1:i+j]))
				rest = rest[i+j+1:]
			}
			head := ln
			if i := strings.IndexByte(head, '['); i >= 0 {
				head = head[:i]
			}
			head = strings.TrimSpace(head)
			switch {
			case head == "":
				if cur != nil {
					cur.codes = append(cur.codes, codes...)
					for _, c := range codes {
						if strings.Count(strings.TrimSpace(c), " ") > 0 {
							cur.person = true
						}
					}
				}
			case strings.HasPrefix(head, "+"):
				if cur != nil {
					cur.names = append(cur.names, strings.TrimPrefix(head, "+"))
					cur.codes = append(cur.codes, codes...)
				}
			case strings.HasPrefix(head, "!") || strings.HasPrefix(head, "&") || strings.HasPrefix(head, "<"):
				// substitution sets and other directives: not actors
			case cur != nil && len(cur.codes) == 0:
				// several names before one block of codes are one actor
				cur.names = append(cur.names, head)
				cur.codes = append(cur.codes, codes...)
				cur.person = cur.person || strings.Contains(comment, "CountryInfo")
			default:
				flush(cur)
				cur = &actor{names: []string{head}, codes: codes, person: strings.Contains(comment, "CountryInfo")}
			}
		}
		flush(cur)
		if err := sc.Err(); err != nil {
			return nil, nil, err
		}
	}
	return full, sur, nil
}

// WriteGazetteer writes the index as sorted TSV lines.
func WriteGazetteer(w io.Writer, full, sur map[string]gazEntry) error {
	var lines []string
	for k, e := range full {
		lines = append(lines, "F\t"+k+"\t"+e.country+"\t"+e.role)
	}
	for k, e := range sur {
		lines = append(lines, "S\t"+k+"\t"+e.country+"\t"+e.role)
	}
	sort.Strings(lines)
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		if strings.ContainsAny(l[2:], "\n") {
			continue
		}
		if _, err := bw.WriteString(l + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}
