package classify

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Doc is one labelled document of a training corpus, in the corpus's own
// label set.
type Doc struct {
	Headline string
	Body     string
	Label    string // the corpus's own label
	Date     string // YYYY-MM-DD when the corpus has one
}

// Corpus names and their files under ../shared/data/topics.
const (
	CorpusWCEP = "wcep"
	CorpusBBC  = "bbc"
	CorpusAG   = "ag_news"
	CorpusNYT  = "nyt"
	CorpusWT   = "wikitimes"
)

// CorpusFiles maps each corpus to its file relative to the shared directory.
var corpusFiles = map[string]string{
	CorpusWCEP: "data/topics/wikipedia_current_events/wcep_2002_2019.jsonl.gz",
	CorpusBBC:  "data/topics/bbc_news/bbc_news.csv",
	CorpusAG:   "data/topics/ag_news/test.csv",
	CorpusNYT:  "data/topics/nyt_cap_headlines/nytimes_headlines.csv",
	CorpusWT:   "data/topics/wikipedia_current_events/wikitimes_cep_2015-09.json",
}

// CorpusNames lists the corpora in evaluation order.
func CorpusNames() []string { return []string{CorpusWCEP, CorpusBBC, CorpusAG, CorpusNYT} }

// CorpusPath returns the default path of a corpus under shared.
func CorpusPath(shared, name string) (string, error) {
	f, ok := corpusFiles[name]
	if !ok {
		return "", fmt.Errorf("unknown corpus %q", name)
	}
	return filepath.Join(shared, f), nil
}

// ReadStats counts what a reader skipped.
type ReadStats struct {
	Read    int // documents returned
	Skipped int // records without a usable label or text
	Bad     int // malformed records
}

// LoadCorpus reads the named corpus from path (see CorpusPath).
func LoadCorpus(name, path string) ([]Doc, ReadStats, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, ReadStats{}, err
	}
	defer f.Close()
	r, err := maybeGzip(f)
	if err != nil {
		return nil, ReadStats{}, fmt.Errorf("%s: %w", path, err)
	}
	switch name {
	case CorpusWCEP:
		return ReadWCEP(r)
	case CorpusBBC:
		return ReadBBC(r)
	case CorpusAG:
		return ReadAG(r)
	case CorpusNYT:
		return ReadNYT(r)
	case CorpusWT:
		return ReadWikiTimes(r)
	}
	return nil, ReadStats{}, fmt.Errorf("unknown corpus %q", name)
}

// maybeGzip returns a reader that gunzips r when it starts with the gzip magic.
func maybeGzip(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		return gzip.NewReader(br)
	}
	return br, nil
}

// wcepRecord is one line of the portal scrape.
type wcepRecord struct {
	Date        string   `json:"date"`
	Category    *string  `json:"category"`
	Text        string   `json:"text"`
	IsHeading   bool     `json:"is_heading"`
	SourceNames []string `json:"source_names"`
}

// ReadWCEP reads portal-format JSON Lines: items with a normalised category
// that are not headings. The trailing cited outlets ("(Reuters) (BBC)") are
// cut off so the model learns from the event text, not the outlet. Lines
// that do not parse are counted in Bad and skipped.
func ReadWCEP(r io.Reader) ([]Doc, ReadStats, error) {
	var docs []Doc
	var st ReadStats
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var rec wcepRecord
		if err := json.Unmarshal(line, &rec); err != nil {
			st.Bad++
			continue
		}
		if rec.Category == nil || *rec.Category == "" || rec.IsHeading {
			st.Skipped++
			continue
		}
		text := stripSources(rec.Text, len(rec.SourceNames))
		if text == "" {
			st.Skipped++
			continue
		}
		docs = append(docs, Doc{Body: text, Label: *rec.Category, Date: rec.Date})
	}
	if err := sc.Err(); err != nil {
		return docs, st, err
	}
	st.Read = len(docs)
	return docs, st, nil
}

// stripSources removes up to n trailing parenthesised groups.
func stripSources(s string, n int) string {
	s = strings.TrimSpace(s)
	for ; n > 0 && strings.HasSuffix(s, ")"); n-- {
		i := strings.LastIndexByte(s, '(')
		if i < 0 {
			break
		}
		s = strings.TrimSpace(s[:i])
	}
	return s
}

// ReadBBC reads the BBC CSV (id, category, title, text with a header row).
func ReadBBC(r io.Reader) ([]Doc, ReadStats, error) {
	return readCSV(r, true, func(rec []string) (Doc, bool) {
		if len(rec) != 4 || strings.TrimSpace(rec[1]) == "" {
			return Doc{}, false
		}
		return Doc{Headline: rec[2], Body: rec[3], Label: strings.TrimSpace(rec[1])}, true
	})
}

var agClasses = map[string]string{"1": "World", "2": "Sports", "3": "Business", "4": "Sci/Tech"}

var agFix = strings.NewReplacer("#39;", "'", "quot;", "\"", "&lt;", "<", "&gt;", ">", "&amp;", "&", "#36;", "$", `\n`, " ", `\\`, " ", `\`, " ")

// ReadAG reads the AG News CSV (class index 1-4, title, description; no header).
// The HTML-entity residue the SOURCE notes is decoded.
func ReadAG(r io.Reader) ([]Doc, ReadStats, error) {
	return readCSV(r, false, func(rec []string) (Doc, bool) {
		if len(rec) != 3 {
			return Doc{}, false
		}
		lab, ok := agClasses[strings.TrimSpace(rec[0])]
		if !ok {
			return Doc{}, false
		}
		return Doc{Headline: agFix.Replace(rec[1]), Body: agFix.Replace(rec[2]), Label: lab}, true
	})
}

// ReadNYT reads the NYT front-page headline CSV (Article_ID, Date, Title,
// Subject, Topic_Code). Only the headline is used: Subject is a coder's
// summary, not text a reader sees.
func ReadNYT(r io.Reader) ([]Doc, ReadStats, error) {
	return readCSV(r, true, func(rec []string) (Doc, bool) {
		if len(rec) != 5 || strings.TrimSpace(rec[4]) == "" {
			return Doc{}, false
		}
		return Doc{Headline: strings.ReplaceAll(rec[2], "&amp;", "&"), Label: strings.TrimSpace(rec[4]), Date: rec[1]}, true
	})
}

// readCSV reads records one by one so a malformed record costs only itself.
func readCSV(r io.Reader, header bool, conv func([]string) (Doc, bool)) ([]Doc, ReadStats, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var docs []Doc
	var st ReadStats
	first := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				st.Bad++
				if st.Bad > 1000 {
					return docs, st, fmt.Errorf("too many malformed CSV records: %w", err)
				}
				continue
			}
			return docs, st, err
		}
		if first && header {
			first = false
			continue
		}
		first = false
		d, ok := conv(rec)
		if !ok {
			st.Bad++
			continue
		}
		if strings.TrimSpace(d.Headline+d.Body) == "" {
			st.Skipped++
			continue
		}
		docs = append(docs, d)
	}
	st.Read = len(docs)
	return docs, st, nil
}

// wikiTimesCategory maps WikiTimes category names onto the portal headings.
var wikiTimesCategory = map[string]string{
	"War_Conflict":           "Armed conflicts and attacks",
	"Disaster_Accident":      "Disasters and accidents",
	"International_Relation": "International relations",
	"Law_Crime":              "Law and crime",
	"Politics":               "Politics and elections",
	"Business_Finance":       "Business and economy",
	"Entertainment_Culture":  "Arts and culture",
	"Sports":                 "Sports",
	"Technology_Internet":    "Science and technology",
	"Health_Medical_Pharma":  "Health and environment",
}

// ReadWikiTimes reads the WikiTimes one-month export (a JSON array), with
// labels in the portal's 10 categories.
func ReadWikiTimes(r io.Reader) ([]Doc, ReadStats, error) {
	var evs []struct {
		Date        string `json:"date"`
		Description string `json:"description"`
		Category    struct {
			Name string `json:"name"`
		} `json:"category"`
	}
	if err := json.NewDecoder(r).Decode(&evs); err != nil {
		return nil, ReadStats{}, fmt.Errorf("wikitimes: %w", err)
	}
	var docs []Doc
	var st ReadStats
	for _, e := range evs {
		lab, ok := wikiTimesCategory[e.Category.Name]
		if !ok || strings.TrimSpace(e.Description) == "" {
			st.Skipped++
			continue
		}
		docs = append(docs, Doc{Body: strings.TrimSpace(e.Description), Label: lab, Date: e.Date})
	}
	st.Read = len(docs)
	return docs, st, nil
}

// Dedupe drops documents whose normalised body (the headline when there is
// no body) repeats an earlier one, and returns how many it dropped. The same
// body under a slightly different title counts as a repeat.
func Dedupe(docs []Doc) ([]Doc, int) {
	seen := make(map[string]bool, len(docs))
	out := docs[:0:0]
	for _, d := range docs {
		key := Normalize(d.Body)
		if key == "" {
			key = Normalize(d.Headline)
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, d)
	}
	return out, len(docs) - len(out)
}
