// Package pos is a fast part-of-speech tagger and noun/verb phrase chunker
// for English news: two greedy averaged-perceptron models (Penn Treebank
// tags, then CoNLL-2000 style B-NP/I-NP/B-VP... chunk tags) written here and
// trained on the POS and chunk columns of CoNLL-2003 eng.train.
//
// The shipped model (model.bin.gz, go:embed) is rebuilt with
//
//	sitrep train events-pos --conll ../shared/data/ner/conll2003/eng.train
//
// It tags tokens it is given; it does not tokenize or split sentences (see
// internal/nlp), and it does not parse beyond flat chunks.
package pos

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"
)

//go:embed model.bin.gz
var modelGz []byte

// Tagger holds the two models. It is read-only after loading and safe for
// concurrent use.
type Tagger struct {
	pos   *perceptron
	chunk *perceptron
}

var (
	defOnce sync.Once
	defTag  *Tagger
	defErr  error
)

// Default returns the embedded tagger, loaded once.
func Default() (*Tagger, error) {
	defOnce.Do(func() { defTag, defErr = Load(bytes.NewReader(modelGz)) })
	return defTag, defErr
}

// Tag returns the POS tags and chunk tags of words.
func (t *Tagger) Tag(words []string) (tags, chunks []string) {
	tags = make([]string, len(words))
	chunks = make([]string, len(words))
	low := make([]string, len(words))
	shapes := make([]string, len(words))
	for i, w := range words {
		low[i] = strings.ToLower(w)
		shapes[i] = shape(w)
	}
	sc := &scorer{}
	scores := make([]float64, len(t.pos.classes))
	for i := range words {
		sc.reset(t.pos, scores)
		posFeaturesTo(sc, words, low, shapes, tags, i)
		tags[i] = t.pos.classes[argmax(scores)]
	}
	cs := make([]float64, len(t.chunk.classes))
	for i := range words {
		sc.reset(t.chunk, cs)
		chunkFeaturesTo(sc, low, tags, chunks, i)
		chunks[i] = t.chunk.classes[argmax(cs)]
	}
	return tags, chunks
}

// scorer adds the weights of features built in a scratch buffer, without
// allocating a string per feature (the map lookup with string(bytes) does
// not allocate).
type scorer struct {
	p      *perceptron
	scores []float64
	buf    []byte
}

func (s *scorer) reset(p *perceptron, scores []float64) {
	s.p, s.scores = p, scores
	for i := range scores {
		scores[i] = 0
	}
}

// add scores the feature made of parts joined as written, looked up by
// its 64-bit FNV-1a hash.
func (s *scorer) add(parts ...string) {
	h := uint64(fnvOffset)
	for _, x := range parts {
		for i := 0; i < len(x); i++ {
			h ^= uint64(x[i])
			h *= fnvPrime
		}
	}
	if ws, ok := s.p.byHash[h]; ok {
		for c, v := range ws {
			s.scores[c] += float64(v)
		}
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnv(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// index builds the hash index the tagger looks features up in.
func (p *perceptron) index() {
	p.byHash = make(map[uint64][]float32, len(p.w))
	for f, ws := range p.w {
		p.byHash[fnv(f)] = ws
	}
}

func argmax(v []float64) int {
	bi := 0
	for i := range v {
		if v[i] > v[bi] {
			bi = i
		}
	}
	return bi
}

// posFeaturesTo scores the same features posFeatures lists.
func posFeaturesTo(s *scorer, words, low, shapes, tags []string, i int) {
	w := low[i]
	s.add("b")
	s.add("w=", w)
	s.add("s3=", suffix(w, 3))
	s.add("s2=", suffix(w, 2))
	s.add("s1=", suffix(w, 1))
	s.add("sh=", shapes[i])
	s.add("p1=", at(low, i-1))
	s.add("n1=", at(low, i+1))
	s.add("n2=", at(low, i+2))
	s.add("t1=", at(tags, i-1))
	s.add("t12=", at(tags, i-2), "|", at(tags, i-1))
	s.add("t1w=", at(tags, i-1), "|", w)
	s.add("ns3=", suffix(at(low, i+1), 3))
	if i == 0 {
		s.add("first")
	}
	if strings.ContainsRune(w, '-') {
		s.add("hyph")
	}
}

// chunkFeaturesTo scores the same features chunkFeatures lists.
func chunkFeaturesTo(s *scorer, low, tags, chunks []string, i int) {
	s.add("b")
	s.add("w=", low[i])
	s.add("t=", tags[i])
	s.add("tp=", at(tags, i-1))
	s.add("tn=", at(tags, i+1))
	s.add("tpp=", at(tags, i-2))
	s.add("tnn=", at(tags, i+2))
	s.add("tpt=", at(tags, i-1), "|", tags[i])
	s.add("ttn=", tags[i], "|", at(tags, i+1))
	s.add("c1=", at(chunks, i-1))
	s.add("c1t=", at(chunks, i-1), "|", tags[i])
	s.add("wp=", at(low, i-1))
}

// shape maps a word to a coarse shape: Xx, X, x, d, X.X. ...
func shape(w string) string {
	var b strings.Builder
	var last rune = -1
	n := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c != last {
			b.WriteRune(c)
			last = c
			n++
			if n > 5 {
				break
			}
		}
	}
	return b.String()
}

func suffix(s string, n int) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		if len(s) <= n {
			return s
		}
		return s[len(s)-n:]
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[len(r)-n:])
}

func at(s []string, i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(s) {
		return "</s>"
	}
	return s[i]
}

func posFeatures(buf []string, words, low, shapes, tags []string, i int) []string {
	w := low[i]
	buf = append(buf, "b",
		"w="+w,
		"s3="+suffix(w, 3),
		"s2="+suffix(w, 2),
		"s1="+suffix(w, 1),
		"sh="+shapes[i],
		"p1="+at(low, i-1),
		"n1="+at(low, i+1),
		"n2="+at(low, i+2),
		"t1="+at(tags, i-1),
		"t12="+at(tags, i-2)+"|"+at(tags, i-1),
		"t1w="+at(tags, i-1)+"|"+w,
		"ns3="+suffix(at(low, i+1), 3),
	)
	if i == 0 {
		buf = append(buf, "first")
	}
	if strings.ContainsRune(w, '-') {
		buf = append(buf, "hyph")
	}
	return buf
}

func chunkFeatures(buf []string, low, tags, chunks []string, i int) []string {
	return append(buf, "b",
		"w="+low[i],
		"t="+tags[i],
		"tp="+at(tags, i-1),
		"tn="+at(tags, i+1),
		"tpp="+at(tags, i-2),
		"tnn="+at(tags, i+2),
		"tpt="+at(tags, i-1)+"|"+tags[i],
		"ttn="+tags[i]+"|"+at(tags, i+1),
		"c1="+at(chunks, i-1),
		"c1t="+at(chunks, i-1)+"|"+tags[i],
		"wp="+at(low, i-1),
	)
}

// perceptron is a multiclass averaged perceptron over string features.
type perceptron struct {
	classes []string
	cidx    map[string]int
	w       map[string][]float32 // feature -> weight per class (averaged after training)
	byHash  map[uint64][]float32 // the same, by feature hash (for tagging)
	// training state
	tot   map[string][]float64
	stamp map[string][]int
	n     int
}

func newPerceptron() *perceptron {
	return &perceptron{cidx: map[string]int{}, w: map[string][]float32{}, tot: map[string][]float64{}, stamp: map[string][]int{}}
}

func (p *perceptron) class(c string) int {
	if i, ok := p.cidx[c]; ok {
		return i
	}
	p.cidx[c] = len(p.classes)
	p.classes = append(p.classes, c)
	return len(p.classes) - 1
}

func (p *perceptron) best(feats []string, scores []float64) int {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		ws, ok := p.w[f]
		if !ok {
			continue
		}
		for c, v := range ws {
			scores[c] += float64(v)
		}
	}
	bi := 0
	for c := range scores {
		if scores[c] > scores[bi] {
			bi = c
		}
	}
	return bi
}

func (p *perceptron) update(feats []string, truth, guess int) {
	p.n++
	if truth == guess {
		return
	}
	nc := len(p.classes)
	for _, f := range feats {
		ws := p.w[f]
		if len(ws) < nc {
			ws = append(ws, make([]float32, nc-len(ws))...)
			p.w[f] = ws
			p.tot[f] = append(p.tot[f], make([]float64, nc-len(p.tot[f]))...)
			p.stamp[f] = append(p.stamp[f], make([]int, nc-len(p.stamp[f]))...)
		}
		for _, c := range [2]int{truth, guess} {
			d := float32(1)
			if c == guess {
				d = -1
			}
			p.tot[f][c] += float64(p.n-p.stamp[f][c]) * float64(ws[c])
			p.stamp[f][c] = p.n
			ws[c] += d
		}
	}
}

func (p *perceptron) average(minAbs float64) {
	for f, ws := range p.w {
		keep := false
		for c := range ws {
			tot := p.tot[f][c] + float64(p.n-p.stamp[f][c])*float64(ws[c])
			v := tot / float64(p.n)
			ws[c] = float32(math.Round(v*1000) / 1000)
			if math.Abs(v) >= minAbs {
				keep = true
			}
		}
		if !keep {
			delete(p.w, f)
		}
	}
	p.tot, p.stamp = nil, nil
}

// Sentence is one training sentence.
type Sentence struct {
	Words, Tags, Chunks []string
}

// ReadCoNLL reads CoNLL-2003 style columns (word POS chunk NER), skipping
// -DOCSTART- lines. Chunk tags are normalised to BIO (IOB1 I- after O or
// another type becomes B-).
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			for i, c := range cur.Chunks {
				if strings.HasPrefix(c, "I-") && (i == 0 || cur.Chunks[i-1] == "O" || cur.Chunks[i-1][2:] != c[2:]) {
					cur.Chunks[i] = "B-" + c[2:]
				}
			}
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flush()
			continue
		}
		if f[0] == "-DOCSTART-" {
			continue
		}
		if len(f) < 3 {
			return nil, fmt.Errorf("line %d: want word POS chunk columns, got %d fields", line, len(f))
		}
		cur.Words = append(cur.Words, f[0])
		cur.Tags = append(cur.Tags, f[1])
		cur.Chunks = append(cur.Chunks, f[2])
	}
	flush()
	return out, sc.Err()
}

// Train trains both models for iters passes over sents.
func Train(sents []Sentence, iters int) *Tagger {
	t := &Tagger{pos: newPerceptron(), chunk: newPerceptron()}
	for _, s := range sents {
		for i := range s.Words {
			t.pos.class(s.Tags[i])
			t.chunk.class(s.Chunks[i])
		}
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	scores := make([]float64, len(t.pos.classes))
	cs := make([]float64, len(t.chunk.classes))
	var buf []string
	seed := uint32(1)
	for it := 0; it < iters; it++ {
		for _, si := range order {
			s := sents[si]
			low := make([]string, len(s.Words))
			shapes := make([]string, len(s.Words))
			for i, w := range s.Words {
				low[i] = strings.ToLower(w)
				shapes[i] = shape(w)
			}
			tags := make([]string, len(s.Words))
			for i := range s.Words {
				buf = posFeatures(buf[:0], s.Words, low, shapes, tags, i)
				g := t.pos.best(buf, scores)
				t.pos.update(buf, t.pos.cidx[s.Tags[i]], g)
				tags[i] = t.pos.classes[g]
			}
			// chunker trains on gold tags half the time, predicted otherwise
			ctags := tags
			if it%2 == 0 {
				ctags = s.Tags
			}
			chunks := make([]string, len(s.Words))
			for i := range s.Words {
				buf = chunkFeatures(buf[:0], low, ctags, chunks, i)
				g := t.chunk.best(buf, cs)
				t.chunk.update(buf, t.chunk.cidx[s.Chunks[i]], g)
				chunks[i] = t.chunk.classes[g]
			}
		}
		// deterministic shuffle
		for i := len(order) - 1; i > 0; i-- {
			seed = seed*1664525 + 1013904223
			j := int(seed % uint32(i+1))
			order[i], order[j] = order[j], order[i]
		}
	}
	t.pos.average(0.05)
	t.chunk.average(0.05)
	t.pos.index()
	t.chunk.index()
	return t
}

// Accuracy returns POS and chunk tag accuracy on sents.
func (t *Tagger) Accuracy(sents []Sentence) (posAcc, chunkAcc float64) {
	var n, okP, okC int
	for _, s := range sents {
		tags, chunks := t.Tag(s.Words)
		for i := range tags {
			n++
			if tags[i] == s.Tags[i] {
				okP++
			}
			if chunks[i] == s.Chunks[i] {
				okC++
			}
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(okP) / float64(n), float64(okC) / float64(n)
}

const magic = "SRPOS1"

// Save writes the tagger gzip-compressed.
func (t *Tagger) Save(w io.Writer) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	for _, p := range []*perceptron{t.pos, t.chunk} {
		writeStr := func(s string) {
			binary.Write(bw, binary.LittleEndian, uint16(len(s)))
			bw.WriteString(s)
		}
		binary.Write(bw, binary.LittleEndian, uint16(len(p.classes)))
		for _, c := range p.classes {
			writeStr(c)
		}
		feats := make([]string, 0, len(p.w))
		for f := range p.w {
			feats = append(feats, f)
		}
		sort.Strings(feats)
		binary.Write(bw, binary.LittleEndian, uint32(len(feats)))
		for _, f := range feats {
			writeStr(f)
			ws := p.w[f]
			// sparse: count, then (class, weight*1000 as int16-ish int32)
			var nz []int
			for c, v := range ws {
				if v != 0 {
					nz = append(nz, c)
				}
			}
			bw.WriteByte(byte(len(nz)))
			for _, c := range nz {
				bw.WriteByte(byte(c))
				binary.Write(bw, binary.LittleEndian, int32(math.Round(float64(ws[c])*1000)))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a tagger written by Save.
func Load(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("pos model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("pos model: bad header")
	}
	readStr := func() (string, error) {
		var n uint16
		if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
			return "", err
		}
		b := make([]byte, n)
		_, err := io.ReadFull(br, b)
		return string(b), err
	}
	t := &Tagger{}
	for k := 0; k < 2; k++ {
		p := newPerceptron()
		p.tot, p.stamp = nil, nil
		var nc uint16
		if err := binary.Read(br, binary.LittleEndian, &nc); err != nil {
			return nil, fmt.Errorf("pos model: %w", err)
		}
		for i := 0; i < int(nc); i++ {
			c, err := readStr()
			if err != nil {
				return nil, fmt.Errorf("pos model: %w", err)
			}
			p.class(c)
		}
		var nf uint32
		if err := binary.Read(br, binary.LittleEndian, &nf); err != nil {
			return nil, fmt.Errorf("pos model: %w", err)
		}
		for i := 0; i < int(nf); i++ {
			f, err := readStr()
			if err != nil {
				return nil, fmt.Errorf("pos model: %w", err)
			}
			nz, err := br.ReadByte()
			if err != nil {
				return nil, fmt.Errorf("pos model: %w", err)
			}
			ws := make([]float32, nc)
			for j := 0; j < int(nz); j++ {
				c, err := br.ReadByte()
				if err != nil {
					return nil, fmt.Errorf("pos model: %w", err)
				}
				var v int32
				if err := binary.Read(br, binary.LittleEndian, &v); err != nil {
					return nil, fmt.Errorf("pos model: %w", err)
				}
				if int(c) >= int(nc) {
					return nil, errors.New("pos model: class out of range")
				}
				ws[c] = float32(v) / 1000
			}
			p.w[f] = ws
		}
		p.index()
		if k == 0 {
			t.pos = p
		} else {
			t.chunk = p
		}
	}
	return t, nil
}
