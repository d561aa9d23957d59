package http

import (
	lru "container/list"
	"sync"
	"time"
)

// resultCache keeps recent answers of the dearest read (full-text search)
// for a short time. Analysts repeat searches (paging back, reloading, the
// same topic from several screens), and a search of a common word costs
// milliseconds of CPU, so a small LRU with a short lifetime takes most of
// the load off the store while keeping answers at most ttl old.
type resultCache[V any] struct {
	mu    sync.Mutex
	ttl   time.Duration
	max   int
	order *lru.List // front: most recently used
	items map[string]*lru.Element
}

type cacheEntry[V any] struct {
	key string
	val V
	at  time.Time
}

func newResultCache[V any](max int, ttl time.Duration) *resultCache[V] {
	return &resultCache[V]{ttl: ttl, max: max, order: lru.New(), items: map[string]*lru.Element{}}
}

func (c *resultCache[V]) get(key string) (V, bool) {
	var zero V
	if c == nil || c.max <= 0 {
		return zero, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return zero, false
	}
	e := el.Value.(*cacheEntry[V])
	if time.Since(e.at) > c.ttl {
		c.order.Remove(el)
		delete(c.items, key)
		return zero, false
	}
	c.order.MoveToFront(el)
	return e.val, true
}

func (c *resultCache[V]) put(key string, val V) {
	if c == nil || c.max <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		el.Value = &cacheEntry[V]{key, val, time.Now()}
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&cacheEntry[V]{key, val, time.Now()})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*cacheEntry[V]).key)
	}
}

// clear drops every entry; called after this server stores articles.
func (c *resultCache[V]) clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order.Init()
	clear(c.items)
}
