# vigie — build and test entry points. `make test` is what CI runs.
GO ?= go

.PHONY: all build test check demo bench e2e

all: build

build:
	$(GO) build -o bin/vigie ./cmd/vigie

# Everything CI checks: formatting, vet, and every test (unit, golden, CLI
# integration, corpus-scored tests that read ../shared when it is there).
test: check
	$(GO) test -count=1 ./...

check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

demo:
	$(GO) run ./cmd/vigie demo

bench:
	$(GO) run ./cmd/vigie bench
