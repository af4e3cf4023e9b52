package ner

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"sitrep/internal/nlp"
)

// Word clusters: distributional classes of words computed from unlabelled
// text. Each word of the vocabulary gets a vector of its left and right
// neighbours (positive PMI over the most frequent context words), reduced
// by a fixed random projection and clustered by spherical k-means into
// clusterK[2], clusterK[1] and clusterK[0] classes: three granularities,
// in the spirit of the prefixes of Brown clusters.

var clusterK = [nClusterLevels]int{64, 256, 1024}

const (
	clusterMinCount = 4
	clusterMaxVocab = 60000
	clusterContexts = 1000
	clusterDims     = 160
	clusterIters    = 8
)

// ClusterOptions tune BuildClusters; zero values take the defaults.
type ClusterOptions struct {
	Log     *slog.Logger
	Workers int
}

// BuildClusters clusters the words of texts (each one token sequence).
// It is deterministic.
func BuildClusters(ctx context.Context, texts [][]string, opt ClusterOptions) (map[string][nClusterLevels]uint32, error) {
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = 2
	}
	start := time.Now()
	freq := map[string]int{}
	for _, t := range texts {
		for _, w := range t {
			freq[w]++
		}
	}
	type wc struct {
		w string
		n int
	}
	all := make([]wc, 0, len(freq))
	for w, n := range freq {
		if n >= clusterMinCount {
			all = append(all, wc{w, n})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return all[i].w < all[j].w
	})
	if len(all) > clusterMaxVocab {
		all = all[:clusterMaxVocab]
	}
	if len(all) < clusterK[2]*2 {
		return nil, fmt.Errorf("ner clusters: vocabulary of %d words is too small", len(all))
	}
	idx := make(map[string]int32, len(all))
	for i, x := range all {
		idx[x.w] = int32(i)
	}
	nctx := min(clusterContexts, len(all))
	// co-occurrence counts: left context c in [0,nctx), right in [nctx, 2nctx)
	co := make([]map[int32]float32, len(all))
	for i := range co {
		co[i] = map[int32]float32{}
	}
	ctxTotal := make([]float64, 2*nctx)
	var total float64
	for _, t := range texts {
		for i, w := range t {
			wi, ok := idx[w]
			if !ok {
				continue
			}
			if i > 0 {
				if c, ok := idx[t[i-1]]; ok && int(c) < nctx {
					co[wi][c]++
					ctxTotal[c]++
					total++
				}
			}
			if i+1 < len(t) {
				if c, ok := idx[t[i+1]]; ok && int(c) < nctx {
					co[wi][c+int32(nctx)]++
					ctxTotal[int(c)+nctx]++
					total++
				}
			}
		}
	}
	log.Info("ner clusters: counted", "texts", len(texts), "vocab", len(all), "elapsed", time.Since(start).Round(time.Millisecond))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// fixed random projection
	rng := rand.New(rand.NewPCG(1, 2))
	proj := make([]float32, 2*nctx*clusterDims)
	for i := range proj {
		proj[i] = float32(rng.NormFloat64())
	}
	vecs := make([]float32, len(all)*clusterDims)
	for wi := range all {
		var rowTotal float64
		for _, n := range co[wi] {
			rowTotal += float64(n)
		}
		v := vecs[wi*clusterDims : (wi+1)*clusterDims]
		keys := make([]int32, 0, len(co[wi]))
		for c := range co[wi] {
			keys = append(keys, c)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
		for _, c := range keys {
			pmi := math.Log(float64(co[wi][c]) * total / (rowTotal * ctxTotal[c]))
			if pmi <= 0 {
				continue
			}
			p := proj[int(c)*clusterDims : (int(c)+1)*clusterDims]
			for d := range v {
				v[d] += float32(pmi) * p[d]
			}
		}
		normalizeVec(v)
	}
	co = nil
	log.Info("ner clusters: vectors", "dims", clusterDims, "elapsed", time.Since(start).Round(time.Millisecond))
	// each level clusters the words themselves, seeded with the most
	// frequent words (clustering the fine centroids instead lumped
	// leaders' names with countries at the coarse levels)
	levels := [nClusterLevels][]int32{}
	for l := nClusterLevels - 1; l >= 0; l-- {
		levels[l], _ = sphericalKMeans(ctx, vecs, len(all), clusterK[l], clusterIters, workers)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		log.Info("ner clusters: k-means", "k", clusterK[l], "elapsed", time.Since(start).Round(time.Millisecond))
	}
	out := make(map[string][nClusterLevels]uint32, len(all))
	for wi, x := range all {
		var c [nClusterLevels]uint32
		for l := range c {
			c[l] = uint32(levels[l][wi]) + 1
		}
		out[x.w] = c
	}
	log.Info("ner clusters: done", "words", len(out), "elapsed", time.Since(start).Round(time.Millisecond))
	return out, nil
}

func normalizeVec(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

// sphericalKMeans clusters n unit vectors of clusterDims into k classes,
// seeded with the first k vectors (the most frequent words).
func sphericalKMeans(ctx context.Context, vecs []float32, n, k, iters, workers int) ([]int32, []float32) {
	D := clusterDims
	cents := make([]float32, k*D)
	copy(cents, vecs[:k*D])
	assign := make([]int32, n)
	for it := 0; it < iters && ctx.Err() == nil; it++ {
		var wg sync.WaitGroup
		chunk := (n + workers - 1) / workers
		for wk := 0; wk < workers; wk++ {
			lo, hi := wk*chunk, min(n, (wk+1)*chunk)
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := lo; i < hi; i++ {
					v := vecs[i*D : (i+1)*D]
					bestC, bestS := int32(0), float32(-2)
					for c := 0; c < k; c++ {
						s := dot(v, cents[c*D:(c+1)*D])
						if s > bestS {
							bestC, bestS = int32(c), s
						}
					}
					assign[i] = bestC
				}
			}()
		}
		wg.Wait()
		clear(cents)
		counts := make([]int, k)
		for i, c := range assign {
			counts[c]++
			cv := cents[int(c)*D : (int(c)+1)*D]
			for d, x := range vecs[i*D : (i+1)*D] {
				cv[d] += x
			}
		}
		for c := 0; c < k; c++ {
			if counts[c] == 0 { // empty: reseed with a word deterministically
				copy(cents[c*D:(c+1)*D], vecs[((c*7919)%n)*D:((c*7919)%n+1)*D])
				continue
			}
			normalizeVec(cents[c*D : (c+1)*D])
		}
	}
	return assign, cents
}

func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

// clusterKey is the form words are clustered under: the lower-cased normal
// form the tagger looks up.
func clusterKey(s *scratch, w string) string {
	s.norm, _ = normalize(s.norm, w)
	s.low = lowerBytes(s.low, s.norm)
	return string(s.low)
}

// BuildClustersFromFiles reads unlabelled text from files (see the
// ner-clusters command for the formats) plus the words of CoNLL files,
// tokenises it with nlp.Tokenize and clusters the words.
func BuildClustersFromFiles(ctx context.Context, files, conll []string, log *slog.Logger) (map[string][nClusterLevels]uint32, error) {
	var s scratch
	intern := map[string]string{}
	key := func(w string) string {
		k := clusterKey(&s, w)
		if v, ok := intern[k]; ok {
			return v
		}
		intern[k] = k
		return k
	}
	var texts [][]string
	tokens := 0
	addText := func(text string) {
		toks := nlp.Tokenize(text)
		if len(toks) == 0 {
			return
		}
		t := make([]string, len(toks))
		for i, tok := range toks {
			t[i] = key(tok.Text)
		}
		tokens += len(t)
		texts = append(texts, t)
	}
	for _, path := range conll {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		docs, err := ReadCoNLL(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for _, d := range docs {
			for _, sent := range d.Sentences {
				t := make([]string, len(sent.Words))
				for i, w := range sent.Words {
					t[i] = key(w)
				}
				tokens += len(t)
				texts = append(texts, t)
			}
		}
	}
	for _, path := range files {
		if err := readTextFile(path, addText); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		log.Info("ner clusters: read", "file", path, "tokens_so_far", tokens)
	}
	return BuildClusters(ctx, texts, ClusterOptions{Log: log})
}

// readTextFile calls add for every text in a CSV, JSON Lines or plain text
// file.
func readTextFile(path string, add func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	name := path
	if strings.HasSuffix(name, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		defer gz.Close()
		r = gz
		name = strings.TrimSuffix(name, ".gz")
	}
	return readTexts(r, name, add)
}

// readTexts calls add for every text of r, read as CSV (name ends in
// .csv: every field of 20+ bytes with a space), JSON Lines (.jsonl: the
// "title" and "text" fields; bad lines are skipped) or plain text lines.
func readTexts(r io.Reader, name string, add func(string)) error {
	switch {
	case strings.HasSuffix(name, ".csv"):
		cr := csv.NewReader(r)
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			for _, field := range rec {
				if len(field) >= 20 && strings.Contains(field, " ") {
					add(field)
				}
			}
		}
	case strings.HasSuffix(name, ".jsonl"):
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
		for sc.Scan() {
			var rec map[string]any
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				continue // one bad line does not lose the file
			}
			for _, k := range []string{"title", "text"} {
				if v, ok := rec[k].(string); ok {
					add(v)
				}
			}
		}
		return sc.Err()
	default:
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
		for sc.Scan() {
			add(sc.Text())
		}
		return sc.Err()
	}
}

// WriteClustersFile writes clusters as gzipped lines "word c1 c2 c3",
// sorted by word.
func WriteClustersFile(path string, cs map[string][nClusterLevels]uint32) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	gz, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	bw := bufio.NewWriter(gz)
	words := make([]string, 0, len(cs))
	for w := range cs {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		c := cs[w]
		fmt.Fprintf(bw, "%s", w)
		for _, x := range c {
			fmt.Fprintf(bw, " %d", x)
		}
		bw.WriteByte('\n')
	}
	err = errors.Join(bw.Flush(), gz.Close())
	return errors.Join(err, f.Close())
}

// ReadClustersFile reads a file written by WriteClustersFile.
func ReadClustersFile(path string) (map[string][nClusterLevels]uint32, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	cs, err := readClusters(gz)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cs, nil
}

func readClusters(r io.Reader) (map[string][nClusterLevels]uint32, error) {
	out := map[string][nClusterLevels]uint32{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) != 1+nClusterLevels {
			return nil, fmt.Errorf("clusters line %d: want a word and %d ids", line, nClusterLevels)
		}
		var c [nClusterLevels]uint32
		for i := range c {
			v, err := strconv.ParseUint(f[1+i], 10, 32)
			if err != nil {
				return nil, fmt.Errorf("clusters line %d: %w", line, err)
			}
			c[i] = uint32(v)
		}
		out[f[0]] = c
	}
	return out, sc.Err()
}
