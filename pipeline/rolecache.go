package pipeline

import (
	"slices"
	"sync"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
)

// roleCache memoises roleClasses: the event stage asks for the roles of
// the same persons on the same dates over and over, and each answer
// parses the KB's role dates. It is safe for concurrent use.
type roleCache struct {
	k  *kb.KB
	mu sync.RWMutex
	m  map[roleKey][]string
}

type roleKey struct {
	id string
	on article.Date
}

// maxRoleCache bounds the cache; it is emptied when full.
const maxRoleCache = 1 << 16

func newRoleCache(k *kb.KB) *roleCache {
	return &roleCache{k: k, m: make(map[roleKey][]string)}
}

// classes returns roleClasses(k, id, on), a slice the caller may modify.
func (c *roleCache) classes(id string, on article.Date) []string {
	key := roleKey{id, on}
	c.mu.RLock()
	out, ok := c.m[key]
	c.mu.RUnlock()
	if !ok {
		out = roleClasses(c.k, id, on)
		c.mu.Lock()
		if len(c.m) >= maxRoleCache {
			clear(c.m)
		}
		c.m[key] = out
		c.mu.Unlock()
	}
	return slices.Clone(out)
}
