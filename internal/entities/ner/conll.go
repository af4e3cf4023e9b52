package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one tokenised sentence with its gold BIO tags (Tags may be
// nil for unlabelled text).
type Sentence struct {
	Words []string
	Tags  []string
}

// Document is a run of sentences that belong together (a CoNLL
// -DOCSTART- block, or one article).
type Document struct {
	Sentences []Sentence
}

// ReadCoNLL reads CoNLL-2003 style data: one token per line, the word in
// the first column and the NER tag in the last, blank lines between
// sentences and -DOCSTART- lines between documents. IOB1 tags are converted
// to IOB2 (BIO). A file without -DOCSTART- lines is one document. A line
// with a single column, or a tag that is not O, B-X or I-X, is an error
// naming its line.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var docs []Document
	var cur Document
	var sent Sentence
	flushSent := func() {
		if len(sent.Words) > 0 {
			sent.Tags = toIOB2(sent.Tags)
			cur.Sentences = append(cur.Sentences, sent)
		}
		sent = Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = Document{}
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			flushSent()
			continue
		}
		f := strings.Fields(text)
		if f[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(f) < 2 {
			return docs, fmt.Errorf("conll line %d: want at least 2 columns (word ... tag), got %q", line, text)
		}
		tag := f[len(f)-1]
		if !validTag(tag) {
			return docs, fmt.Errorf("conll line %d: bad tag %q (want O, B-X or I-X)", line, tag)
		}
		sent.Words = append(sent.Words, f[0])
		sent.Tags = append(sent.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return docs, fmt.Errorf("conll line %d: %w", line+1, err)
	}
	flushDoc()
	return docs, nil
}

func validTag(t string) bool {
	if t == "O" {
		return true
	}
	return len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-'
}

// toIOB2 rewrites IOB1 tags in place so every entity starts with B-.
func toIOB2(tags []string) []string {
	prev := "O"
	for i, t := range tags {
		if t[0] == 'I' && (prev == "O" || prev[2:] != t[2:]) {
			tags[i] = "B-" + t[2:]
		}
		prev = tags[i]
	}
	return tags
}
