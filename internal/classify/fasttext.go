package classify

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// The fastText supervised format, used to hand identical splits to sitrep
// and to fastText: one document a line, "__label__<label> <words>", with
// the label's spaces written as underscores and the words as Normalize
// gives them.

const ftPrefix = "__label__"

// FastTextLabel returns label in the form it takes in a fastText file.
func FastTextLabel(label string) string { return ftPrefix + strings.ReplaceAll(label, " ", "_") }

// WriteFastText writes docs in fastText format.
func WriteFastText(w io.Writer, docs []Doc) error {
	bw := bufio.NewWriter(w)
	for _, d := range docs {
		bw.WriteString(FastTextLabel(d.Label))
		if t := Normalize(d.Headline + " " + d.Body); t != "" {
			bw.WriteByte(' ')
			bw.WriteString(t)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// ReadFastText reads a fastText-format file. The label keeps its fastText
// spelling (without the prefix); the rest of the line is the body. A line
// with no label is counted in Bad and skipped; a line with several labels
// keeps the first.
func ReadFastText(r io.Reader) ([]Doc, ReadStats, error) {
	var docs []Doc
	var st ReadStats
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<26)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var label string
		rest := line
		for strings.HasPrefix(rest, ftPrefix) {
			tok, tail, _ := strings.Cut(rest, " ")
			if label == "" {
				label = tok[len(ftPrefix):]
			}
			rest = strings.TrimLeft(tail, " ")
		}
		if label == "" {
			st.Bad++
			continue
		}
		docs = append(docs, Doc{Body: rest, Label: label})
	}
	st.Read = len(docs)
	if err := sc.Err(); err != nil {
		return docs, st, fmt.Errorf("fasttext file: %w", err)
	}
	return docs, st, nil
}

// PredictLines reads fastText-format (or plain) lines from r and writes the
// top label of each, as "__label__<label>", one a line.
func (m *Model) PredictLines(r io.Reader, w io.Writer) error {
	ex := newExtractor(m.Cfg)
	p := make([]float64, m.K())
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<26)
	bw := bufio.NewWriterSize(w, 1<<16)
	names := make([]string, m.K())
	for i, l := range m.Labels {
		names[i] = FastTextLabel(l)
	}
	for sc.Scan() {
		line := sc.Text()
		for strings.HasPrefix(line, ftPrefix) {
			_, line, _ = strings.Cut(line, " ")
		}
		best := m.top(ex.extract(line), p)
		bw.WriteString(names[best])
		bw.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return bw.Flush()
}
