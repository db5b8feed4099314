# alertmon — build, test, demo, install. Every target installs what a fresh Debian 12 lacks.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift

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

.PHONY: deps build release test demo install uninstall clean

deps:
ifneq ($(strip $(APT_PKGS)),)
	@echo "installing: $(APT_PKGS)"
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PKGS)
endif

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build
	SWIFT_BACKTRACE=interactive=no $(SWIFT) test

demo: deps
	$(SWIFT) run alertmon demo

clean:
	rm -rf .build
