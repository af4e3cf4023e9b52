package ner

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
)

// nRow is the width of a weight row: every label but O.
const nRow = nLabels - 1

// nClusterLevels is how many word-cluster granularities a word carries.
const nClusterLevels = 3

// Model is a trained tagger: hashed feature weights (int16, rows of
// nRow: the O label's weight is always zero, so rows hold the 16 others
// and fill exactly half a cache line), the gazetteer derived from the training labels and the word
// clusters. It is immutable once built.
type Model struct {
	bits uint
	w    []int16 // first stage
	w2   []int16 // second (stacked) stage, nil for a one-stage model
	lexicon
}

// lexicon is what the features look up besides the weights.
type lexicon struct {
	gaz    map[uint64]uint8 // hash of a lower-cased word sequence -> type bits
	gazMax int
	// silver: names the tagger itself found in unlabelled news, with the
	// types it mostly gave them (same keys and bits as gaz)
	silver   map[uint64]uint8
	clusters map[uint64][nClusterLevels]uint32
	// vocab: the case-folded words of the training data
	vocab map[uint64]struct{}
}

func (m *Model) mask() uint64 { return 1<<m.bits - 1 }

const modelMagic = "sitrep-ner-4\n"

// WriteTo writes the model in its compact file format (flate-compressed
// sparse rows).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var raw bytes.Buffer
	put := func(v uint64) {
		var b [binary.MaxVarintLen64]byte
		raw.Write(b[:binary.PutUvarint(b[:], v)])
	}
	put(uint64(m.bits))
	put(uint64(m.gazMax))
	keys := make([]uint64, 0, len(m.gaz))
	for k := range m.gaz {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	put(uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		put(k - prev)
		prev = k
		raw.WriteByte(m.gaz[k])
	}
	keys = keys[:0]
	for k := range m.clusters {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	put(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		put(k - prev)
		prev = k
		for _, c := range m.clusters[k] {
			put(uint64(c))
		}
	}
	keys = keys[:0]
	for k := range m.silver {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	put(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		put(k - prev)
		prev = k
		raw.WriteByte(m.silver[k])
	}
	keys = keys[:0]
	for k := range m.vocab {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	put(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		put(k - prev)
		prev = k
	}
	stages := [][]int16{m.w}
	if m.w2 != nil {
		stages = append(stages, m.w2)
	}
	put(uint64(len(stages)))
	for _, w := range stages {
		rows := len(w) / nRow
		last := -1
		var nz int
		for r := 0; r < rows; r++ {
			if !isZero(w[r*nRow : (r+1)*nRow]) {
				nz++
			}
		}
		put(uint64(nz))
		for r := 0; r < rows; r++ {
			row := w[r*nRow : (r+1)*nRow]
			if isZero(row) {
				continue
			}
			put(uint64(r - last))
			last = r
			for _, v := range row {
				put(uint64(uint16(v)<<1 ^ uint16(v>>15)))
			}
		}
	}
	var out bytes.Buffer
	out.WriteString(modelMagic)
	fw, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := fw.Write(raw.Bytes()); err != nil {
		return 0, err
	}
	if err := fw.Close(); err != nil {
		return 0, err
	}
	n, err := w.Write(out.Bytes())
	return int64(n), err
}

func isZero(row []int16) bool {
	for _, v := range row {
		if v != 0 {
			return false
		}
	}
	return true
}

// ReadModel decodes a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != modelMagic {
		return nil, errors.New("ner model: bad header")
	}
	fr := bufio.NewReader(flate.NewReader(br))
	var err error
	get := func() uint64 {
		if err != nil {
			return 0
		}
		var v uint64
		v, err = binary.ReadUvarint(fr)
		return v
	}
	m := &Model{}
	m.bits = uint(get())
	if err == nil && (m.bits < 8 || m.bits > 26) {
		return nil, fmt.Errorf("ner model: bad table size 2^%d", m.bits)
	}
	m.gazMax = int(get())
	n := get()
	m.gaz = make(map[uint64]uint8, n)
	var k uint64
	for i := uint64(0); i < n && err == nil; i++ {
		k += get()
		var b byte
		if err == nil {
			b, err = fr.ReadByte()
		}
		m.gaz[k] = b
	}
	n = get()
	m.clusters = make(map[uint64][nClusterLevels]uint32, n)
	k = 0
	for i := uint64(0); i < n && err == nil; i++ {
		k += get()
		var c [nClusterLevels]uint32
		for j := range c {
			c[j] = uint32(get())
		}
		m.clusters[k] = c
	}
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	n = get()
	m.silver = make(map[uint64]uint8, min(n, 1<<20))
	k = 0
	for i := uint64(0); i < n && err == nil; i++ {
		k += get()
		var b byte
		if err == nil {
			b, err = fr.ReadByte()
		}
		m.silver[k] = b
	}
	n = get()
	m.vocab = make(map[uint64]struct{}, min(n, 1<<20))
	k = 0
	for i := uint64(0); i < n && err == nil; i++ {
		k += get()
		m.vocab[k] = struct{}{}
	}
	rows := 1 << m.bits
	nst := get()
	if err == nil && (nst < 1 || nst > 2) {
		return nil, fmt.Errorf("ner model: %d stages", nst)
	}
	for s := uint64(0); s < nst && err == nil; s++ {
		w := make([]int16, rows*nRow)
		nz := get()
		ri := -1
		for i := uint64(0); i < nz && err == nil; i++ {
			ri += int(get())
			if ri >= rows || ri < 0 {
				return nil, fmt.Errorf("ner model: row %d out of range", ri)
			}
			row := w[ri*nRow : (ri+1)*nRow]
			for j := range row {
				u := uint16(get())
				row[j] = int16(u>>1) ^ -int16(u&1)
			}
		}
		if s == 0 {
			m.w = w
		} else {
			m.w2 = w
		}
	}
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	return m, nil
}
