package ner

// Internally the tagger predicts BILOU labels (Begin, Inside, Last,
// Unit-length, Outside), which learn entity boundaries better than BIO;
// Tag converts them back to BIO.

const (
	nTypes  = 4
	nLabels = 1 + 4*nTypes // O, then B, I, L, U for each type
)

var typeNames = [nTypes]string{"PER", "ORG", "LOC", "MISC"}

// label positions within a type
const (
	posB = iota
	posI
	posL
	posU
)

func typeIndex(t string) int {
	for i, n := range typeNames {
		if n == t {
			return i
		}
	}
	return -1
}

func mkLabel(typ, pos int) uint8 { return uint8(1 + typ*4 + pos) }

func labelType(l uint8) int { return (int(l) - 1) / 4 }
func labelPos(l uint8) int  { return (int(l) - 1) % 4 }

// bioTags are the output strings for each label, shared, never allocated.
var bioTags = func() [nLabels]string {
	var out [nLabels]string
	out[0] = "O"
	for t := 0; t < nTypes; t++ {
		out[mkLabel(t, posB)] = "B-" + typeNames[t]
		out[mkLabel(t, posU)] = "B-" + typeNames[t]
		out[mkLabel(t, posI)] = "I-" + typeNames[t]
		out[mkLabel(t, posL)] = "I-" + typeNames[t]
	}
	return out
}()

// toBILOU converts BIO tags (IOB2; unknown types become O) to labels.
func toBILOU(tags []string, out []uint8) []uint8 {
	out = out[:0]
	for i, t := range tags {
		if t == "O" || len(t) < 3 {
			out = append(out, 0)
			continue
		}
		typ := typeIndex(t[2:])
		if typ < 0 {
			out = append(out, 0)
			continue
		}
		next := i+1 < len(tags) && len(tags[i+1]) > 2 && tags[i+1][0] == 'I' && tags[i+1][2:] == t[2:]
		begin := t[0] == 'B' || i == 0 || len(tags[i-1]) < 3 || tags[i-1][2:] != t[2:]
		switch {
		case begin && next:
			out = append(out, mkLabel(typ, posB))
		case begin:
			out = append(out, mkLabel(typ, posU))
		case next:
			out = append(out, mkLabel(typ, posI))
		default:
			out = append(out, mkLabel(typ, posL))
		}
	}
	return out
}

// allowed reports whether label l may follow prev (0 = O or sentence start).
func allowed(prev, l uint8) bool {
	open := prev != 0 && (labelPos(prev) == posB || labelPos(prev) == posI)
	if l == 0 {
		return !open
	}
	p := labelPos(l)
	if open {
		return labelType(l) == labelType(prev) && (p == posI || p == posL)
	}
	return p == posB || p == posU
}
