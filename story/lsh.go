package story

// bandTable is an open-addressing hash table (linear probing) from an LSH
// band (its number and 32-bit key) to the first article, by index, that
// produced it. It stores no keys: a slot holds the article index + 1 and
// one byte of the key, and a candidate slot is confirmed by recomputing the
// stored article's key for the band from its stored signature (keyOf). Five
// bytes per slot, at most 3/4 full.
type bandTable struct {
	fps   []uint8  // key fingerprint, never 0; 0 marks an empty slot
	vals  []uint32 // article index + 1
	n     int
	keyOf func(idx uint32, band int) uint32
}

func newBandTable(hint int, keyOf func(idx uint32, band int) uint32) *bandTable {
	size := max(1024, hint/3*4+4)
	return &bandTable{fps: make([]uint8, size), vals: make([]uint32, size), keyOf: keyOf}
}

// fingerprint is the byte of a key kept in its slot (the low byte, which
// the slot position, taken from the high bits, barely depends on).
func fingerprint(key uint32) uint8 {
	if fp := uint8(key); fp != 0 {
		return fp
	}
	return 1
}

// slot is where the probe for key starts.
func (t *bandTable) slot(key uint32) int {
	return int(uint64(key) * uint64(len(t.fps)) >> 32)
}

// get returns the article stored under the band's key.
func (t *bandTable) get(band int, key uint32) (uint32, bool) {
	fp := fingerprint(key)
	for i := t.slot(key); ; {
		switch t.fps[i] {
		case 0:
			return 0, false
		case fp:
			if v := t.vals[i] - 1; t.keyOf(v, band) == key {
				return v, true
			}
		}
		if i++; i == len(t.fps) {
			i = 0
		}
	}
}

// room reports whether k more entries keep the table at most 3/4 full.
func (t *bandTable) room(k int) bool {
	return (t.n+k)*4 <= len(t.fps)*3
}

// putIfAbsent stores val under the band's key unless the key is already
// present. The caller keeps room in the table (see room).
func (t *bandTable) putIfAbsent(band int, key, val uint32) {
	fp := fingerprint(key)
	for i := t.slot(key); ; {
		switch t.fps[i] {
		case 0:
			t.fps[i], t.vals[i] = fp, val+1
			t.n++
			return
		case fp:
			if t.keyOf(t.vals[i]-1, band) == key {
				return
			}
		}
		if i++; i == len(t.fps) {
			i = 0
		}
	}
}

// bandKey hashes band number band of rows signature values.
func bandKey(band int, vals []uint16) uint32 {
	h := uint64(band+1) * 0x9e3779b97f4a7c15
	for _, v := range vals {
		h = mix64(h ^ uint64(v))
	}
	return uint32(h >> 32)
}

// bandKeys computes the key of every band of rows values of a signature.
func bandKeys(sig []uint16, rows int, out []uint32) []uint32 {
	out = out[:0]
	for b := 0; (b+1)*rows <= len(sig); b++ {
		out = append(out, bandKey(b, sig[b*rows:(b+1)*rows]))
	}
	return out
}
