package gazetteer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Entry is one place of the gazetteer.
type Entry struct {
	ID      int     // GeoNames id; 0 for the regions written here
	Name    string  // display name
	Lat     float64 // degrees
	Lon     float64
	Pop     int    // population (for admin areas the sum of their towns)
	Feature string // GeoNames feature code (PPL, PPLC, ADM1, ...) or RGN/PEN/SEA...
	Country string // ISO 3166-1 alpha-2; "" for regions spanning countries
	Admin1  string // GeoNames admin1 code within the country ("LA", "13")
	Admin2  string // GeoNames admin2 code within the admin1 ("079")
}

// The binary form, little-endian:
//
//	"SRGZ" u32 version
//	u32 nStrings-bytes, the string blob
//	u32 nFeatures, then each feature code as u8 length + bytes
//	u32 nCodes, each admin code as u32 blob offset + u8 length
//	u32 nEntries, each entry fixed size (entrySize bytes): u32 id, i24 lat
//	    and i24 lon (1e-4 degree), u32 population, u32 name offset, u8 name
//	    length, u8 feature, 2 bytes country, u16 admin1 code, u16 admin2 code
//	u32 nKeys, each key: u32 blob offset, u8 length, u16 posting count (the
//	    postings of the keys follow each other in key order)
//	u32 nPostings, each u32 entry index
//
// Strings live once in the blob; entries and keys refer to them by offset,
// so loading makes no string copies when the blob is embedded.
const (
	magic     = "SRGZ"
	version   = 3
	entrySize = 4 + 3 + 3 + 4 + 4 + 1 + 1 + 2 + 2 + 2 // 26
	keySize   = 4 + 1 + 2
)

// Gazetteer is a loaded gazetteer: entries and a sorted name-key index. It
// is immutable and safe for concurrent use.
type Gazetteer struct {
	Entries []Entry
	data    string // the whole encoded form; keys are read from it in place
	blob    string
	keys    string   // nKeys * keySize bytes
	first   []uint32 // first posting of each key
	post    string   // nPostings * 4 bytes
	nKeys   int
	admin1  map[string]int // "US.LA" -> entry index of the ADM1
	admin2  map[string]int // "US.LA.079" -> entry index of the ADM2
}

// Builder collects entries and names and encodes them.
type Builder struct {
	entries []Entry
	names   map[string][]int // key -> entry indices
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder { return &Builder{names: map[string][]int{}} }

// Add adds an entry under its names (the display name is always one) and
// returns its index.
func (b *Builder) Add(e Entry, names ...string) int {
	i := len(b.entries)
	b.entries = append(b.entries, e)
	seen := map[string]bool{}
	for _, n := range append([]string{e.Name}, names...) {
		k := Key(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		b.names[k] = append(b.names[k], i)
	}
	return i
}

// AddName adds another name to entry i.
func (b *Builder) AddName(i int, name string) {
	k := Key(name)
	if k == "" {
		return
	}
	for _, j := range b.names[k] {
		if j == i {
			return
		}
	}
	b.names[k] = append(b.names[k], i)
}

// Len is the number of entries so far.
func (b *Builder) Len() int { return len(b.entries) }

// Entry returns entry i for reading or updating.
func (b *Builder) Entry(i int) *Entry { return &b.entries[i] }

// Encode returns the binary form. Postings of each key are ordered by
// population, largest first.
func (b *Builder) Encode() ([]byte, error) {
	var blob strings.Builder
	strOff := map[string]uint32{}
	str := func(s string) (uint32, error) {
		if o, ok := strOff[s]; ok {
			return o, nil
		}
		if len(s) > math.MaxUint16 {
			return 0, fmt.Errorf("string too long: %d bytes", len(s))
		}
		o := uint32(blob.Len())
		blob.WriteString(s)
		strOff[s] = o
		return o, nil
	}
	feats := []string{}
	featIx := map[string]int{}
	codes := []string{}
	codeIx := map[string]int{}
	code := func(s string) int {
		if i, ok := codeIx[s]; ok {
			return i
		}
		codeIx[s] = len(codes)
		codes = append(codes, s)
		return len(codes) - 1
	}
	code("")
	type enc struct {
		nameOff uint32
		nameLen uint16
		feat    int
		a1, a2  int
	}
	ents := make([]enc, len(b.entries))
	for i, e := range b.entries {
		o, err := str(e.Name)
		if err != nil {
			return nil, err
		}
		if len(e.Name) > math.MaxUint8 {
			return nil, fmt.Errorf("name too long: %q", e.Name)
		}
		if _, ok := featIx[e.Feature]; !ok {
			featIx[e.Feature] = len(feats)
			feats = append(feats, e.Feature)
		}
		ents[i] = enc{nameOff: o, nameLen: uint16(len(e.Name)), feat: featIx[e.Feature], a1: code(e.Admin1), a2: code(e.Admin2)}
	}
	if len(feats) > 255 || len(codes) > math.MaxUint16 {
		return nil, errors.New("too many feature or admin codes")
	}
	keys := make([]string, 0, len(b.names))
	for k := range b.names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	keyOff := make([]uint32, len(keys))
	for i, k := range keys {
		o, err := str(k)
		if err != nil {
			return nil, err
		}
		keyOff[i] = o
	}
	codeOff := make([]uint32, len(codes))
	for i, c := range codes {
		o, err := str(c)
		if err != nil {
			return nil, err
		}
		codeOff[i] = o
	}
	le := binary.LittleEndian
	out := []byte(magic)
	out = le.AppendUint32(out, version)
	out = le.AppendUint32(out, uint32(blob.Len()))
	out = append(out, blob.String()...)
	out = le.AppendUint32(out, uint32(len(feats)))
	for _, f := range feats {
		out = append(out, byte(len(f)))
		out = append(out, f...)
	}
	out = le.AppendUint32(out, uint32(len(codes)))
	for i, c := range codes {
		out = le.AppendUint32(out, codeOff[i])
		out = append(out, byte(len(c)))
	}
	out = le.AppendUint32(out, uint32(len(b.entries)))
	for i, e := range b.entries {
		x := ents[i]
		out = le.AppendUint32(out, uint32(e.ID))
		out = append24(out, int32(math.Round(e.Lat*1e4)))
		out = append24(out, int32(math.Round(e.Lon*1e4)))
		out = le.AppendUint32(out, uint32(min(e.Pop, math.MaxUint32)))
		out = le.AppendUint32(out, x.nameOff)
		out = append(out, byte(x.nameLen))
		out = append(out, byte(x.feat))
		cc := (e.Country + "  ")[:2]
		out = append(out, cc...)
		out = le.AppendUint16(out, uint16(x.a1))
		out = le.AppendUint16(out, uint16(x.a2))
	}
	out = le.AppendUint32(out, uint32(len(keys)))
	var post []uint32
	for i, k := range keys {
		ps := append([]int(nil), b.names[k]...)
		sort.SliceStable(ps, func(x, y int) bool { return b.entries[ps[x]].Pop > b.entries[ps[y]].Pop })
		if len(ps) > math.MaxUint16 {
			ps = ps[:math.MaxUint16]
		}
		if len(k) > math.MaxUint8 {
			return nil, fmt.Errorf("key too long: %q", k)
		}
		out = le.AppendUint32(out, keyOff[i])
		out = append(out, byte(len(k)))
		out = le.AppendUint16(out, uint16(len(ps)))
		for _, p := range ps {
			post = append(post, uint32(p))
		}
	}
	out = le.AppendUint32(out, uint32(len(post)))
	for _, p := range post {
		out = le.AppendUint32(out, p)
	}
	return out, nil
}

// Decode loads the binary form. The returned gazetteer keeps data (it
// slices names out of it without copying), so data must not change.
func Decode(data string) (*Gazetteer, error) {
	r := reader{s: data}
	if r.bytes(4) != magic {
		return nil, errors.New("gazetteer: bad magic")
	}
	if v := r.u32(); v != version {
		return nil, fmt.Errorf("gazetteer: version %d, want %d", v, version)
	}
	g := &Gazetteer{data: data, admin1: map[string]int{}, admin2: map[string]int{}}
	g.blob = r.bytes(int(r.u32()))
	nf := int(r.u32())
	if r.err != nil || nf > 255 {
		return nil, errors.New("gazetteer: truncated header")
	}
	feats := make([]string, nf)
	for i := range feats {
		feats[i] = r.bytes(int(r.u8()))
	}
	nc := int(r.u32())
	if r.err != nil || nc > len(data) {
		return nil, errors.New("gazetteer: truncated code table")
	}
	codes := make([]string, nc)
	for i := range codes {
		o, l := int(r.u32()), int(r.u8())
		codes[i] = g.str(o, l, &r)
	}
	ne := int(r.u32())
	if r.err != nil || ne*entrySize > len(data) {
		return nil, errors.New("gazetteer: truncated entries")
	}
	g.Entries = make([]Entry, ne)
	get := func(tab []string, i int) string {
		if i < 0 || i >= len(tab) {
			r.fail()
			return ""
		}
		return tab[i]
	}
	for i := range g.Entries {
		e := &g.Entries[i]
		e.ID = int(r.u32())
		e.Lat = float64(r.i24()) / 1e4
		e.Lon = float64(r.i24()) / 1e4
		e.Pop = int(r.u32())
		o := int(r.u32())
		l := int(r.u8())
		e.Name = g.str(o, l, &r)
		e.Feature = get(feats, int(r.u8()))
		e.Country = strings.TrimSpace(r.bytes(2))
		e.Admin1 = get(codes, int(r.u16()))
		e.Admin2 = get(codes, int(r.u16()))
		switch e.Feature {
		case "ADM1":
			g.admin1[e.Country+"."+e.Admin1] = i
		case "ADM2":
			g.admin2[e.Country+"."+e.Admin1+"."+e.Admin2] = i
		}
	}
	g.nKeys = int(r.u32())
	if r.err != nil || g.nKeys*keySize > len(data) {
		return nil, errors.New("gazetteer: truncated keys")
	}
	g.keys = r.bytes(g.nKeys * keySize)
	np := int(r.u32())
	if r.err != nil || np*4 > len(data) {
		return nil, errors.New("gazetteer: truncated postings")
	}
	g.post = r.bytes(np * 4)
	if r.err != nil {
		return nil, errors.New("gazetteer: truncated")
	}
	// place every key's postings and check them once, so lookups need no checks
	g.first = make([]uint32, g.nKeys)
	po := 0
	for i := 0; i < g.nKeys; i++ {
		rec := g.keys[i*keySize:]
		ko, kl := int(le32(rec)), int(rec[4])
		pc := int(le16(rec[5:]))
		if ko+kl > len(g.blob) || (po+pc)*4 > len(g.post) {
			return nil, fmt.Errorf("gazetteer: key %d out of range", i)
		}
		g.first[i] = uint32(po)
		po += pc
	}
	for i := 0; i < np; i++ {
		if int(le32(g.post[i*4:])) >= ne {
			return nil, fmt.Errorf("gazetteer: posting %d out of range", i)
		}
	}
	return g, nil
}

func (g *Gazetteer) str(o, l int, r *reader) string {
	if o < 0 || o+l > len(g.blob) {
		r.fail()
		return ""
	}
	return g.blob[o : o+l]
}

func le32(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
func le16(s string) uint16 { return uint16(s[0]) | uint16(s[1])<<8 }

func (g *Gazetteer) key(i int) string {
	rec := g.keys[i*keySize:]
	o, l := int(le32(rec)), int(rec[4])
	return g.blob[o : o+l]
}

// Lookup returns the indices of the entries named by key (see Key), largest
// population first, or nil.
func (g *Gazetteer) Lookup(key string) []int {
	i := sort.Search(g.nKeys, func(i int) bool { return g.key(i) >= key })
	if i >= g.nKeys || g.key(i) != key {
		return nil
	}
	po, pc := int(g.first[i]), int(le16(g.keys[i*keySize+5:]))
	out := make([]int, pc)
	for j := range out {
		out[j] = int(le32(g.post[(po+j)*4:]))
	}
	return out
}

// HasPrefix reports whether some key starts with prefix followed by a space:
// the spotter uses it to decide whether to try a longer name.
func (g *Gazetteer) HasPrefix(prefix string) bool {
	p := prefix + " "
	i := sort.Search(g.nKeys, func(i int) bool { return g.key(i) >= p })
	return i < g.nKeys && strings.HasPrefix(g.key(i), p)
}

// Size is the size of the encoded form in bytes.
func (g *Gazetteer) Size() int { return len(g.data) }

// NumKeys is the number of distinct name keys.
func (g *Gazetteer) NumKeys() int { return g.nKeys }

// Admin1 returns the ADM1 entry of a country's admin1 code ("US", "LA").
func (g *Gazetteer) Admin1(country, code string) (Entry, bool) {
	i, ok := g.admin1[country+"."+code]
	if !ok {
		return Entry{}, false
	}
	return g.Entries[i], true
}

// Admin2 returns the ADM2 entry of an admin2 code.
func (g *Gazetteer) Admin2(country, a1, a2 string) (Entry, bool) {
	i, ok := g.admin2[country+"."+a1+"."+a2]
	if !ok {
		return Entry{}, false
	}
	return g.Entries[i], true
}

type reader struct {
	s   string
	p   int
	err error
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated")
	}
}

func (r *reader) bytes(n int) string {
	if r.err != nil || n < 0 || r.p+n > len(r.s) {
		r.fail()
		return ""
	}
	s := r.s[r.p : r.p+n]
	r.p += n
	return s
}

func (r *reader) u8() uint8 {
	b := r.bytes(1)
	if b == "" {
		return 0
	}
	return b[0]
}

func (r *reader) u16() uint16 {
	b := r.bytes(2)
	if b == "" {
		return 0
	}
	return le16(b)
}

// i24 reads a signed 24-bit integer.
func (r *reader) i24() int32 {
	b := r.bytes(3)
	if b == "" {
		return 0
	}
	v := int32(uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16)
	return v << 8 >> 8
}

func append24(out []byte, v int32) []byte {
	u := uint32(v)
	return append(out, byte(u), byte(u>>8), byte(u>>16))
}

func (r *reader) u32() uint32 {
	b := r.bytes(4)
	if b == "" {
		return 0
	}
	return le32(b)
}
