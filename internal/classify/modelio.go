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

const modelMagic = "SRTOPIC1"

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
// "SRTOPIC1", a little-endian uint32 header length, a JSON header and then
// buckets*labels int8 weights, bucket-major. A float model is quantised
// first (the receiver is changed).
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
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	bw.Write(n[:])
	bw.Write(h)
	q := make([]byte, len(m.Q))
	for i, v := range m.Q {
		q[i] = byte(v)
	}
	bw.Write(q)
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
	q := make([]int8, n)
	buf := make([]byte, 1<<16)
	for off := 0; off < n; {
		c := min(len(buf), n-off)
		if _, err := io.ReadFull(zr, buf[:c]); err != nil {
			return nil, fmt.Errorf("model: weights: %w", err)
		}
		for i := 0; i < c; i++ {
			q[off+i] = int8(buf[i])
		}
		off += c
	}
	return &Model{Cfg: h.Cfg, Labels: h.Labels, Bias: h.Bias, A: h.A, B: h.B, Scale: h.Scale, Q: q}, nil
}

func newGzip(w io.Writer) (*gzip.Writer, error) { return gzip.NewWriterLevel(w, gzip.BestCompression) }
