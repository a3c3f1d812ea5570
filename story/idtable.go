package story

import "hash/maphash"

// idTable maps article ids to article indexes without keeping the ids a
// second time: a slot packs 32 bits of the id's hash with the index + 1,
// and a candidate slot is confirmed against the article's own id. Eight
// bytes per slot, at most 3/4 full (a Go map takes about five times that).
type idTable struct {
	slots []uint64 // hash<<32 | index+1; 0 marks an empty slot
	n     int
	idOf  func(idx uint32) string
}

var idSeed = maphash.MakeSeed()

func newIDTable(hint int, idOf func(uint32) string) *idTable {
	size := 64
	for size*3/4 < hint {
		size *= 2
	}
	return &idTable{slots: make([]uint64, size), idOf: idOf}
}

func idHash(id string) uint32 { return uint32(maphash.String(idSeed, id)) }

// get returns the index of the article with the given id.
func (t *idTable) get(id string) (uint32, bool) {
	h := idHash(id)
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if uint32(s>>32) == h {
			if idx := uint32(s) - 1; t.idOf(idx) == id {
				return idx, true
			}
		}
	}
}

// put files idx under id, which the table does not hold yet.
func (t *idTable) put(id string, idx uint32) {
	if (t.n+1)*4 > len(t.slots)*3 {
		old := t.slots
		t.slots = make([]uint64, 2*len(old))
		for _, s := range old {
			if s != 0 {
				t.insert(s)
			}
		}
	}
	t.insert(uint64(idHash(id))<<32 | uint64(idx+1))
	t.n++
}

func (t *idTable) insert(s uint64) {
	mask := uint32(len(t.slots) - 1)
	for i := uint32(s>>32) & mask; ; i = (i + 1) & mask {
		if t.slots[i] == 0 {
			t.slots[i] = s
			return
		}
	}
}
