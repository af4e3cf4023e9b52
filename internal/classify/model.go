package classify

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
)

// Model is a linear one-vs-rest logistic model over hashed features: one
// weight per (bucket, label), a bias per label and a per-label Platt
// calibration (score = sigmoid(A*z + B)). Weights are float32 while it
// trains and int8 with a per-label scale once quantised for shipping.
type Model struct {
	Cfg    FeatureConfig
	Labels []string
	Bias   []float32
	A, B   []float32 // Platt calibration per label

	W     []float32 // len buckets*K, bucket-major; nil once quantised
	Q     []int8    // quantised weights, len buckets*K
	Scale []float32 // per label: weight = Q*Scale
}

// K is the number of labels.
func (m *Model) K() int { return len(m.Labels) }

// Example is one training document: its features and which labels hold.
// Pos lists label indexes of which at least one is true (one for a plain
// label; several when a corpus label is a union such as "Health and
// environment"). Unknown lists labels the corpus cannot say anything about;
// every other label is a negative.
type Example struct {
	F       Features
	Pos     []int
	Unknown []int
}

// TrainOptions are the learner's hyperparameters.
type TrainOptions struct {
	Epochs    int
	LR        float64 // AdaGrad base learning rate
	L2        float64 // weight decay on touched weights
	Seed      uint64
	CalibFrac float64 // share of examples held out to fit the calibration (0 = none)
}

// DefaultTrain are the hyperparameters the shipped model and the evaluation use.
func DefaultTrain() TrainOptions {
	return TrainOptions{Epochs: 8, LR: 0.3, L2: 1e-6, Seed: 1, CalibFrac: 0.1}
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// target codes per label for one example
const (
	tNeg int8 = iota
	tPos
	tUnion
	tUnknown
)

func targets(ex *Example, k int, buf []int8) []int8 {
	buf = buf[:k]
	for i := range buf {
		buf[i] = tNeg
	}
	code := tPos
	if len(ex.Pos) > 1 {
		code = tUnion
	}
	for _, p := range ex.Pos {
		buf[p] = code
	}
	for _, u := range ex.Unknown {
		buf[u] = tUnknown
	}
	return buf
}

// Train fits a model on examples. With opt.CalibFrac > 0 it holds that share
// out, trains on the rest, fits the calibration on the held-out part, then
// retrains on everything with the same hyperparameters and keeps that
// calibration.
func Train(ctx context.Context, examples []Example, labels []string, cfg FeatureConfig, opt TrainOptions) (*Model, error) {
	if len(labels) == 0 {
		return nil, fmt.Errorf("train: no labels")
	}
	if len(examples) == 0 {
		return nil, fmt.Errorf("train: no examples")
	}
	k := len(labels)
	for i := range examples {
		for _, p := range examples[i].Pos {
			if p < 0 || p >= k {
				return nil, fmt.Errorf("train: example %d: label index %d out of range", i, p)
			}
		}
	}
	m := &Model{Cfg: cfg, Labels: labels}
	m.A, m.B = make([]float32, k), make([]float32, k)
	for i := range m.A {
		m.A[i] = 1
	}
	if opt.CalibFrac > 0 && len(examples) >= 20 {
		r := rand.New(rand.NewPCG(opt.Seed, 7))
		perm := r.Perm(len(examples))
		nh := int(float64(len(examples)) * opt.CalibFrac)
		hold := make([]Example, 0, nh)
		rest := make([]Example, 0, len(examples)-nh)
		for i, j := range perm {
			if i < nh {
				hold = append(hold, examples[j])
			} else {
				rest = append(rest, examples[j])
			}
		}
		if err := m.fit(ctx, rest, opt); err != nil {
			return nil, err
		}
		m.calibrate(hold)
	}
	if err := m.fit(ctx, examples, opt); err != nil {
		return nil, err
	}
	return m, nil
}

// fit runs AdaGrad SGD over examples, replacing the model's weights.
func (m *Model) fit(ctx context.Context, examples []Example, opt TrainOptions) error {
	k := m.K()
	nb := 1 << m.Cfg.Bits
	m.W = make([]float32, nb*k)
	m.Bias = make([]float32, k)
	m.Q, m.Scale = nil, nil
	gsq := make([]float32, nb) // AdaGrad accumulator per bucket
	bsq := make([]float64, k)
	r := rand.New(rand.NewPCG(opt.Seed, 11))
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	z := make([]float64, k)
	g := make([]float32, k)
	tbuf := make([]int8, k)
	lr := float32(opt.LR)
	l2 := float32(opt.L2)
	for ep := 0; ep < opt.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, ei := range order {
			ex := &examples[ei]
			t := targets(ex, k, tbuf)
			m.raw(ex.F, z)
			// gradient of the loss with respect to each logit
			q := 1.0
			for j := 0; j < k; j++ {
				if t[j] == tUnion {
					q *= 1 - sigmoid(z[j])
				}
			}
			q = math.Max(q, 1e-12)
			var gs float32
			for j := 0; j < k; j++ {
				p := sigmoid(z[j])
				var gj float64
				switch t[j] {
				case tNeg:
					gj = p
				case tPos:
					gj = p - 1
				case tUnion:
					gj = -p * q / math.Max(1-q, 1e-12)
				}
				g[j] = float32(gj)
				gs += g[j] * g[j]
				bsq[j] += gj * gj
				if gj != 0 {
					m.Bias[j] -= float32(opt.LR * gj / math.Sqrt(bsq[j]+1e-8))
				}
			}
			if gs == 0 {
				continue
			}
			for fi, b := range ex.F.Idx {
				v := ex.F.Val[fi]
				gsq[b] += gs * v * v
				step := lr * v / float32(math.Sqrt(float64(gsq[b])+1e-8))
				row := m.W[int(b)*k : int(b)*k+k]
				for j := range row {
					row[j] -= step*g[j] + lr*l2*row[j]
				}
			}
		}
	}
	return nil
}

// raw writes the uncalibrated logits of f into z.
func (m *Model) raw(f Features, z []float64) {
	k := m.K()
	acc := make([]float32, 64)[:k]
	if k > 64 {
		acc = make([]float32, k)
	}
	if m.W != nil {
		for fi, b := range f.Idx {
			v := f.Val[fi]
			row := m.W[int(b)*k : int(b)*k+k]
			for j, w := range row {
				acc[j] += v * w
			}
		}
		for j := range acc {
			z[j] = float64(acc[j] + m.Bias[j])
		}
		return
	}
	if k <= 64 && m.rawInt(f, z) {
		return
	}
	for fi, b := range f.Idx {
		v := f.Val[fi]
		row := m.Q[int(b)*k : int(b)*k+k]
		acc := acc[:len(row)]
		for j, w := range row {
			acc[j] += v * float32(w)
		}
	}
	for j := range acc {
		z[j] = float64(acc[j]*m.Scale[j] + m.Bias[j])
	}
}

// rawInt is the fast path of raw for a quantised model: features take at
// most two distinct values (words and character n-grams, both scaled by the
// same norm), so the int8 weights are summed as integers per value and
// multiplied once. It reports false, having written nothing, when f has
// more than two distinct values.
func (m *Model) rawInt(f Features, z []float64) bool {
	k := m.K()
	if len(f.Idx) == 0 {
		for j := 0; j < k; j++ {
			z[j] = float64(m.Bias[j])
		}
		return true
	}
	var a0, a1 [64]int32
	v0, v1 := f.Val[0], float32(0)
	have1 := false
	for fi, b := range f.Idx {
		v := f.Val[fi]
		row := m.Q[int(b)*k : int(b)*k+k]
		var acc []int32
		switch {
		case v == v0:
			acc = a0[:len(row)]
		case have1 && v == v1:
			acc = a1[:len(row)]
		case !have1:
			v1, have1 = v, true
			acc = a1[:len(row)]
		default:
			return false
		}
		for j, w := range row {
			acc[j] += int32(w)
		}
	}
	for j := 0; j < k; j++ {
		z[j] = float64((v0*float32(a0[j])+v1*float32(a1[j]))*m.Scale[j] + m.Bias[j])
	}
	return true
}

// scores writes calibrated per-label probabilities of f into p.
func (m *Model) scores(f Features, p []float64) {
	m.raw(f, p)
	for j := range p[:m.K()] {
		p[j] = sigmoid(float64(m.A[j])*p[j] + float64(m.B[j]))
	}
}

// top returns the label with the best calibrated score of f, comparing
// calibrated logits (the sigmoid is monotonic). z is scratch of length K.
func (m *Model) top(f Features, z []float64) int {
	m.raw(f, z)
	best, bv := 0, math.Inf(-1)
	for j := range z[:m.K()] {
		if v := float64(m.A[j])*z[j] + float64(m.B[j]); v > bv {
			best, bv = j, v
		}
	}
	return best
}

// calibrate fits Platt's A and B per label on held-out examples, using the
// examples whose target for that label is definite, and counting a union as
// a positive of its best-scoring member.
func (m *Model) calibrate(hold []Example) {
	k := m.K()
	zs := make([][]float64, k)
	ys := make([][]float64, k)
	z := make([]float64, k)
	tbuf := make([]int8, k)
	for i := range hold {
		t := targets(&hold[i], k, tbuf)
		m.raw(hold[i].F, z)
		// a union counts as a positive for its best-scoring member only
		bestU := -1
		for j := 0; j < k; j++ {
			if t[j] == tUnion && (bestU < 0 || z[j] > z[bestU]) {
				bestU = j
			}
		}
		if bestU >= 0 {
			zs[bestU], ys[bestU] = append(zs[bestU], z[bestU]), append(ys[bestU], 1)
		}
		for j := 0; j < k; j++ {
			switch t[j] {
			case tNeg:
				zs[j], ys[j] = append(zs[j], z[j]), append(ys[j], 0)
			case tPos:
				zs[j], ys[j] = append(zs[j], z[j]), append(ys[j], 1)
			}
		}
	}
	for j := 0; j < k; j++ {
		a, b := platt(zs[j], ys[j])
		m.A[j], m.B[j] = float32(a), float32(b)
	}
}

// platt fits p = sigmoid(a*z+b) by Newton's method with Platt's smoothed
// targets; it returns the identity (1, 0) when the data cannot support a fit.
func platt(z, y []float64) (float64, float64) {
	var npos, nneg float64
	for _, v := range y {
		if v > 0 {
			npos++
		} else {
			nneg++
		}
	}
	if npos < 3 || nneg < 3 {
		return 1, 0
	}
	hi, lo := (npos+1)/(npos+2), 1/(nneg+2)
	tgt := func(i int) float64 {
		if y[i] > 0 {
			return hi
		}
		return lo
	}
	// loss is the cross-entropy against the smoothed targets.
	loss := func(a, b float64) float64 {
		var f float64
		for i := range z {
			u := a*z[i] + b
			// log(1+exp(u)) - t*u, computed stably
			f += math.Max(u, 0) + math.Log1p(math.Exp(-math.Abs(u))) - tgt(i)*u
		}
		return f
	}
	// Newton's method with backtracking (Lin, Lin & Weng 2007).
	a, b := 1.0, 0.0
	f := loss(a, b)
	for it := 0; it < 100; it++ {
		var g1, g2, h11, h12, h22 float64
		for i := range z {
			p := sigmoid(a*z[i] + b)
			d := p - tgt(i)
			w := p * (1 - p)
			g1 += d * z[i]
			g2 += d
			h11 += w * z[i] * z[i]
			h12 += w * z[i]
			h22 += w
		}
		if math.Abs(g1) < 1e-6 && math.Abs(g2) < 1e-6 {
			break
		}
		h11 += 1e-12
		h22 += 1e-12
		det := h11*h22 - h12*h12
		if det <= 0 {
			break
		}
		da := -(h22*g1 - h12*g2) / det
		db := -(h11*g2 - h12*g1) / det
		gd := g1*da + g2*db
		step := 1.0
		for ; step > 1e-10; step /= 2 {
			na, nb := a+step*da, b+step*db
			if nf := loss(na, nb); nf < f+1e-4*step*gd {
				a, b, f = na, nb, nf
				break
			}
		}
		if step <= 1e-10 {
			break
		}
	}
	if a <= 0 || math.IsNaN(a) || math.IsNaN(b) {
		return 1, 0
	}
	return a, b
}

// Quantise replaces the float weights by int8 weights with a symmetric
// per-label scale (the label's largest |w| maps to 127).
func (m *Model) Quantise() {
	if m.W == nil {
		return
	}
	k := m.K()
	nb := len(m.W) / k
	m.Scale = make([]float32, k)
	m.Q = make([]int8, len(m.W))
	mx := make([]float32, k)
	for b := 0; b < nb; b++ {
		for j, w := range m.W[b*k : b*k+k] {
			mx[j] = max(mx[j], abs32(w))
		}
	}
	inv := make([]float32, k)
	for j := range mx {
		s := mx[j] / 127
		if s == 0 {
			s = 1
		}
		m.Scale[j], inv[j] = s, 1/s
	}
	for b := 0; b < nb; b++ {
		q := m.Q[b*k : b*k+k]
		for j, w := range m.W[b*k : b*k+k] {
			v := w * inv[j]
			if v >= 0 {
				v += 0.5
			} else {
				v -= 0.5
			}
			q[j] = int8(max(-127, min(127, v)))
		}
	}
	m.W = nil
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}
