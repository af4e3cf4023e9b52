package classify

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

const modelMagic = "SRTOPIC2"

// modelHeader is the JSON part of a model file.
type modelHeader struct {
	Cfg    FeatureConfig `json:"features"`
	Labels []string      `json:"labels"`
	Bias   []float32     `json:"bias"`
	A      []float32     `json:"platt_a"`
	B      []float32     `json:"platt_b"`
	Scale  []float32     `json:"scale"`
}

// Write stores the model, quantised to int8, as a gzip stream: the magic
// "SRTOPIC2", a little-endian uint32 header length, a JSON header, a bitmap
// of the buckets that have a non-zero weight (one bit a bucket, low bit
// first) and then, for each such bucket in order, its labels' int8 weights.
// A float model is quantised first (the receiver is changed).
func (m *Model) Write(w io.Writer) error {
	m.Quantise()
	zw, err := newGzip(w)
	if err != nil {
		return err
	}
	h, err := json.Marshal(modelHeader{Cfg: m.Cfg, Labels: m.Labels, Bias: m.Bias, A: m.A, B: m.B, Scale: m.Scale})
	if err != nil {
		return err
	}
	var n [4]byte
	binary.LittleEndian.PutUint32(n[:], uint32(len(h)))
	bw := bufio.NewWriterSize(zw, 1<<16)
	bw.WriteString(modelMagic)
	bw.Write(n[:])
	bw.Write(h)
	k := m.K()
	nb := len(m.Q) / k
	bitmap := make([]byte, (nb+7)/8)
	for b := 0; b < nb; b++ {
		for _, v := range m.Q[b*k : b*k+k] {
			if v != 0 {
				bitmap[b/8] |= 1 << (b % 8)
				break
			}
		}
	}
	bw.Write(bitmap)
	row := make([]byte, k)
	for b := 0; b < nb; b++ {
		if bitmap[b/8]&(1<<(b%8)) == 0 {
			continue
		}
		for j, v := range m.Q[b*k : b*k+k] {
			row[j] = byte(v)
		}
		bw.Write(row)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadModel parses a model written by Write, checking every size.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	defer zr.Close()
	var head [12]byte
	if _, err := io.ReadFull(zr, head[:]); err != nil {
		return nil, fmt.Errorf("model: short header: %w", err)
	}
	if string(head[:8]) != modelMagic {
		return nil, errors.New("model: not a sitrep topic model")
	}
	hl := binary.LittleEndian.Uint32(head[8:])
	if hl > 1<<20 {
		return nil, fmt.Errorf("model: header of %d bytes is too long", hl)
	}
	hb := make([]byte, hl)
	if _, err := io.ReadFull(zr, hb); err != nil {
		return nil, fmt.Errorf("model: header: %w", err)
	}
	var h modelHeader
	if err := json.Unmarshal(hb, &h); err != nil {
		return nil, fmt.Errorf("model: header: %w", err)
	}
	k := len(h.Labels)
	switch {
	case k == 0 || k > 4096:
		return nil, fmt.Errorf("model: %d labels", k)
	case h.Cfg.Bits < 4 || h.Cfg.Bits > 24:
		return nil, fmt.Errorf("model: %d hash bits", h.Cfg.Bits)
	case h.Cfg.MaxTokens <= 0:
		return nil, fmt.Errorf("model: max tokens %d", h.Cfg.MaxTokens)
	case h.Cfg.MaxN < h.Cfg.MinN || h.Cfg.MaxN > 16:
		return nil, fmt.Errorf("model: character n-grams %d..%d", h.Cfg.MinN, h.Cfg.MaxN)
	case len(h.Bias) != k || len(h.A) != k || len(h.B) != k || len(h.Scale) != k:
		return nil, errors.New("model: per-label arrays do not match the labels")
	}
	n := (1 << h.Cfg.Bits) * k
	if n > 1<<28 {
		return nil, fmt.Errorf("model: %d weights is too many", n)
	}
	nb := 1 << h.Cfg.Bits
	bitmap := make([]byte, (nb+7)/8)
	if _, err := io.ReadFull(zr, bitmap); err != nil {
		return nil, fmt.Errorf("model: bucket bitmap: %w", err)
	}
	q := make([]int8, n)
	br := bufio.NewReaderSize(zr, 1<<16)
	row := make([]byte, k)
	for b := 0; b < nb; b++ {
		if bitmap[b/8]&(1<<(b%8)) == 0 {
			continue
		}
		if _, err := io.ReadFull(br, row); err != nil {
			return nil, fmt.Errorf("model: weights: %w", err)
		}
		for j, v := range row {
			q[b*k+j] = int8(v)
		}
	}
	return &Model{Cfg: h.Cfg, Labels: h.Labels, Bias: h.Bias, A: h.A, B: h.B, Scale: h.Scale, Q: q}, nil
}

func newGzip(w io.Writer) (*gzip.Writer, error) {
	return gzip.NewWriterLevel(w, gzip.DefaultCompression)
}
