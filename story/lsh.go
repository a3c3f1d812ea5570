package story

// bandTable is an open-addressing hash table from a 32-bit band key to the
// first article (its index) that produced the key. Keys are well mixed, so
// the key doubles as the probe start; 0 marks an empty slot. Eight bytes
// per slot, at most 3/4 full.
type bandTable struct {
	keys []uint32
	vals []uint32
	n    int
}

func newBandTable(hint int) *bandTable {
	size := 1024
	for size*3/4 < hint {
		size *= 2
	}
	return &bandTable{keys: make([]uint32, size), vals: make([]uint32, size)}
}

// get returns the article stored under key.
func (t *bandTable) get(key uint32) (uint32, bool) {
	mask := uint32(len(t.keys) - 1)
	for i := key & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case key:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// putIfAbsent stores val under key unless the key is already present.
func (t *bandTable) putIfAbsent(key, val uint32) {
	if (t.n+1)*4 > len(t.keys)*3 {
		t.grow()
	}
	mask := uint32(len(t.keys) - 1)
	for i := key & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case key:
			return
		case 0:
			t.keys[i], t.vals[i] = key, val
			t.n++
			return
		}
	}
}

func (t *bandTable) grow() {
	old := *t
	size := len(old.keys) * 2
	t.keys, t.vals, t.n = make([]uint32, size), make([]uint32, size), 0
	for i, k := range old.keys {
		if k != 0 {
			t.putIfAbsent(k, old.vals[i])
		}
	}
}

// bandKeys computes the key of every band of rows values of a sketch.
func bandKeys(s Sketch, rows int, out []uint32) []uint32 {
	out = out[:0]
	for b := 0; (b+1)*rows <= len(s.Values); b++ {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for _, v := range s.Values[b*rows : (b+1)*rows] {
			h = mix64(h ^ uint64(v))
		}
		k := uint32(h >> 32)
		if k == 0 {
			k = 1
		}
		out = append(out, k)
	}
	return out
}
