# alertmon — build, test, demo, install. Every target installs what a fresh Debian 12 lacks.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
# install builds this configuration (install-check uses debug, which `make test` has just built).
CONFIG ?= release
# Release builds carry the Swift runtime and Foundation inside the binary: the installed alertmon
# needs no toolchain libraries, and it starts in about half the time (no dynamic symbol binding).
STATIC_FLAGS := --static-swift-stdlib
BUILD_FLAGS = -c $(CONFIG) $(if $(filter release,$(CONFIG)),$(STATIC_FLAGS))

BINDIR := $(DESTDIR)$(PREFIX)/bin
SHAREDIR := $(DESTDIR)$(PREFIX)/share/alertmon
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

APT_PKGS :=
ifeq ($(wildcard /usr/include/sqlite3.h),)
APT_PKGS += libsqlite3-dev
endif
ifeq ($(wildcard /usr/include/ncurses.h),)
APT_PKGS += libncurses-dev
endif
ifeq ($(shell command -v tmux),)
APT_PKGS += tmux
endif

.PHONY: deps build release test install-check score demo install uninstall clean

deps:
ifneq ($(strip $(APT_PKGS)),)
	@echo "installing: $(APT_PKGS)"
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PKGS)
endif

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release $(STATIC_FLAGS)

test: deps
	$(SWIFT) build
	SWIFT_BACKTRACE=interactive=no $(SWIFT) test
	$(MAKE) --no-print-directory install-check

# Installs the debug build into a temporary prefix and runs it from another directory.
install-check:
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  $(MAKE) --no-print-directory install PREFIX="$$tmp/prefix" CONFIG=debug >/dev/null && \
	  out=$$(cd / && env -u ALERTMON_DATA_DIR HOME="$$tmp/home" "$$tmp/prefix/bin/alertmon" demo) && \
	  grep -q 'normal → red' <<<"$$out" && grep -q 'red → yellow' <<<"$$out" && \
	  grep -q "from $$tmp/prefix/share/alertmon/Samples" <<<"$$out" && \
	  test -s "$$tmp/prefix/share/bash-completion/completions/alertmon" && \
	  $(MAKE) --no-print-directory uninstall PREFIX="$$tmp/prefix" >/dev/null && \
	  test ! -e "$$tmp/prefix/bin/alertmon" && \
	  echo "install-check: the installed alertmon runs from / and uninstalls cleanly"

# Scores the parser on the shared corpora (seed and dev) and fails below the quality bar.
SHARED ?= ../shared
MIN_SCORE ?= 0.95
score: build
	@if [ ! -d "$(SHARED)/corpus" ]; then echo "score: $(SHARED)/corpus is absent; skipped"; exit 0; fi; \
	  tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; bin=$$($(SWIFT) build --show-bin-path); \
	  for set in seed dev; do \
	    "$$bin/alertmon" parse --format jsonl "$(SHARED)"/corpus/$$set/*.txt > "$$tmp/$$set.jsonl" 2>/dev/null; \
	    printf '%s: ' $$set; \
	    rc=0; python3 "$(SHARED)/tools/score-transitions" "$(SHARED)/corpus/$$set/expected.jsonl" "$$tmp/$$set.jsonl" \
	      --min-precision $(MIN_SCORE) --min-recall $(MIN_SCORE) > "$$tmp/$$set.score" || rc=$$?; \
	    if [ $$rc != 0 ]; then cat "$$tmp/$$set.score"; echo "score: $$set is below $(MIN_SCORE)"; exit 1; fi; \
	    tail -n 1 "$$tmp/$$set.score"; \
	  done

demo: deps
	$(SWIFT) run alertmon demo

install: deps
	$(SWIFT) build $(BUILD_FLAGS) --product alertmon
	@bin=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path); \
	  install -d "$(BINDIR)" "$(SHAREDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)" && \
	  install -m 755 "$$bin/alertmon" "$(BINDIR)/alertmon" && \
	  for r in "$$bin"/*.resources; do [ -e "$$r" ] || continue; \
	    rm -rf "$(BINDIR)/$$(basename "$$r")"; cp -R "$$r" "$(BINDIR)/"; done && \
	  for d in Samples Themes; do [ -d "$$d" ] || continue; \
	    rm -rf "$(SHAREDIR)/$$d"; cp -R "$$d" "$(SHAREDIR)/"; done && \
	  "$(BINDIR)/alertmon" --generate-completion-script bash > "$(BASHDIR)/alertmon" && \
	  "$(BINDIR)/alertmon" --generate-completion-script zsh > "$(ZSHDIR)/_alertmon" && \
	  "$(BINDIR)/alertmon" --generate-completion-script fish > "$(FISHDIR)/alertmon.fish"
	@echo "installed $(BINDIR)/alertmon"

uninstall:
	rm -f "$(BINDIR)/alertmon" "$(BASHDIR)/alertmon" "$(ZSHDIR)/_alertmon" "$(FISHDIR)/alertmon.fish"
	rm -rf "$(BINDIR)"/alertmon_*.resources "$(BINDIR)"/GRDB_*.resources "$(SHAREDIR)"

clean:
	rm -rf .build

# Benchmarks (issue 7): make bench, make bench-quick — see docs/BENCHMARKS.md.
include bench.mk
