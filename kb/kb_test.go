package kb

import (
	"testing"
	"time"
)

func TestDefaultLoads(t *testing.T) {
	start := time.Now()
	k, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Default took %v, want < 1s", d)
	}
	if k.Len() == 0 {
		t.Fatal("empty default KB")
	}
	for _, p := range Check(k) {
		t.Logf("check: %s", p)
	}
}
