# sslmode: the reference model of OpenSSL's SSL mode flags.
# `make verify` does everything; `make test` runs the tests. README.md says more.

# clang for everything: libFuzzer needs it, and one compiler keeps warnings alike.
ifeq ($(origin CC),default)
CC := clang
endif
OPT       ?= -O1 -g
CFLAGS    ?= $(OPT) -std=c11 -Wall -Wextra -Werror -D_GNU_SOURCE
SANITIZE  ?= -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDLIBS    ?= -lssl -lcrypto

SECONDS       ?= 60   # fuzz-run: how long
FUZZ_SECONDS  ?= 60   # verify: how long each target runs
SMOKE_SECONDS ?= 20   # fuzz-smoke (CI): how long each differential target runs
SCENARIO_SMOKE_SECONDS ?= 10 # fuzz-smoke: how long the scenario target runs
JOBS          ?= 1    # fuzz-run: processes side by side (libFuzzer -fork)
BENCH_SECONDS ?= 3    # bench: how long each rate is measured (CI: 0.2)
TARGET        ?= mask
# The differential targets (decode, golden, bench, coverage), and every
# libFuzzer target: those and scenario, the text front end's.
TARGETS       := mask write hello
FUZZ_TARGETS  := $(TARGETS) scenario

B := build

# The OpenSSL versions `make openssl` builds (openssl/versions; "Other OpenSSL
# versions" below). Defined here: .PHONY and .PRECIOUS read it at once.
OPENSSL_PROFILES := $(shell awk '!/^\#/ && NF { print $$1 }' openssl/versions)

# The project's version: the VERSION file is its one source (sslmode
# --version, the manual page).
VERSION := $(shell cat VERSION)

# The first target in this file is `all`; wp.mk is included above it, so
# the default goal is named here (plain `make` ran wp.mk's wp-flags).
.DEFAULT_GOAL := all
include proofs/wp.mk

MODEL_SRC   := $(wildcard model/*.c)
HARNESS_SRC := fuzz/op.c fuzz/text.c fuzz/outcome.c fuzz/model_side.c \
               fuzz/exec.c fuzz/report.c fuzz/decode.c fuzz/scenario.c \
               fuzz/real_openssl.c fuzz/pair_openssl.c fuzz/pair_clock.c fuzz/pair_watch.c fuzz/config.c fuzz/ciphers.c fuzz/buffers.c \
               fuzz/hello_wire.c fuzz/target.c
CORE_SRC    := $(MODEL_SRC) $(HARNESS_SRC)
HEADERS     := $(wildcard model/*.h model/logic/*.acsl fuzz/*.h)
LAW_SRC     := $(wildcard model/laws/*.c)

# The shared sources are compiled once per flavour into a static library
# (build/libsslmode-FLAVOUR.a) that every binary of that flavour links:
#   plain  the command line and the benchmark
#   san    ASan+UBSan: the unit tests and the corpus replays
#   fuzz   the same with libFuzzer's coverage: the fuzz targets
#   cov    llvm-cov's counters: make coverage
#   engine a fuzzing engine's own flags (ENGINE_CFLAGS: ClusterFuzzLite,
#          OSS-Fuzz; .clusterfuzzlite/build.sh)
# Two files are linked as objects, not from the archive: they define
# functions nobody in the program calls by name (time(), which libssl calls,
# and the sanitizers' default options), so an archive would leave them out.
FLAVOUR_CFLAGS_plain :=
FLAVOUR_CFLAGS_san   := $(SANITIZE)
FLAVOUR_CFLAGS_fuzz  := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
FLAVOUR_CFLAGS_cov   := -O0 -fprofile-instr-generate -fcoverage-mapping
FLAVOUR_CFLAGS_engine = $(ENGINE_CFLAGS)
INTERPOSED := fuzz/pair_clock.c
LIB_SRC    := $(filter-out $(INTERPOSED),$(CORE_SRC))

define FLAVOUR
$(B)/obj/$(1)/%.o: %.c $$(HEADERS) VERSION
	@mkdir -p $$(dir $$@)
	$$(CC) $$(CFLAGS) $$(FLAVOUR_CFLAGS_$(1)) -DSSLMODE_VERSION='"$$(VERSION)"' -c -o $$@ $$<
$(B)/libsslmode-$(1).a: $$(LIB_SRC:%.c=$(B)/obj/$(1)/%.o)
	@rm -f $$@
	$$(AR) rcs $$@ $$^
LINK_$(1) := $(B)/libsslmode-$(1).a $$(INTERPOSED:%.c=$(B)/obj/$(1)/%.o)
endef
$(foreach f,plain san fuzz cov engine,$(eval $(call FLAVOUR,$(f))))

.PHONY: all deps prove fuzz fuzz-run fuzz-smoke test verify bench mutants coverage golden clean \
        install uninstall spec conformance conformance-modes engine-fuzz cflite-check corpus-merge \
        openssl openssl-all $(OPENSSL_PROFILES:%=openssl-%) FORCE
.DELETE_ON_ERROR:
.PRECIOUS: $(foreach f,plain san fuzz cov engine,$(B)/obj/$(f)/%.o) # objects made through a pattern are kept
.PRECIOUS: $(foreach p,$(OPENSSL_PROFILES),$(B)/obj/plain-$(p)/%.o $(B)/obj/san-$(p)/%.o $(B)/openssl/$(p)-%/stamp)

all: $(B)/sslmode $(B)/sslmode.1 $(B)/abi_check.o $(FUZZ_TARGETS:%=$(B)/replay-%)

# --- set-up ---------------------------------------------------------------
deps:
	@./.ci/deps

# --- the command line and the test binaries ---------------------------------
# The tool for people: no sanitizer (SSL_MODE_ASYNC switches stacks, which
# makes ASan print warnings into every answer). Tests under sanitizers use
# the unit, replay and fuzz binaries.
$(B)/sslmode: $(B)/obj/plain/fuzz/sslmode.o $(LINK_plain)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# The manual page, sslmode(1): doc/sslmode.pod with the README's marked
# regions (the scenario grammar, the exit status) put in by doc/md2pod.pl,
# which says why; then pod2man, which stops on any POD error.
$(B)/sslmode.pod: doc/sslmode.pod doc/md2pod.pl README.md | $(B)
	perl doc/md2pod.pl README.md < doc/sslmode.pod > $@

$(B)/sslmode.1: $(B)/sslmode.pod VERSION
	pod2man --section=1 --name=SSLMODE --center="sslmode manual" \
	  --release="sslmode $(VERSION)" --errors=die $< $@

# --- installing -----------------------------------------------------------------
# make install [PREFIX=/usr/local] [DESTDIR=]: the tool, its manual page and
# the committed scenarios (not fail/ or bad/) as examples; make uninstall
# removes exactly those files (and the examples' directories, when empty).
PREFIX   ?= /usr/local
BINDIR   := $(DESTDIR)$(PREFIX)/bin
MAN1DIR  := $(DESTDIR)$(PREFIX)/share/man/man1
DOCDIR   := $(DESTDIR)$(PREFIX)/share/doc/sslmode
EXAMPLES := $(wildcard tests/scenarios/*.scn)

install: $(B)/sslmode $(B)/sslmode.1
	install -d $(BINDIR) $(MAN1DIR) $(DOCDIR)/examples
	install -m 755 $(B)/sslmode $(BINDIR)/sslmode
	install -m 644 $(B)/sslmode.1 $(MAN1DIR)/sslmode.1
	install -m 644 $(EXAMPLES) $(DOCDIR)/examples/

uninstall:
	rm -f $(BINDIR)/sslmode $(MAN1DIR)/sslmode.1 $(EXAMPLES:tests/scenarios/%=$(DOCDIR)/examples/%)
	rmdir $(DOCDIR)/examples $(DOCDIR) 2>/dev/null || true

# Fails to compile if a model constant differs from <openssl/ssl.h>.
$(B)/abi_check.o: fuzz/abi_check.c $(HEADERS) | $(B)
	$(CC) $(CFLAGS) -c -o $@ fuzz/abi_check.c

SAN_SRC := fuzz/sanitizer_options.c

$(B)/replay-%: $(B)/obj/san/fuzz/target_%.o $(B)/obj/san/fuzz/replay.o \
               $(SAN_SRC:%.c=$(B)/obj/san/%.o) $(LINK_san)
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $^ $(LDLIBS)

$(B)/unit-%: $(B)/obj/san/tests/unit/%.o $(SAN_SRC:%.c=$(B)/obj/san/%.o) $(LINK_san)
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $^ $(LDLIBS)

UNIT_TESTS := $(patsubst tests/unit/%.c,$(B)/unit-%,$(wildcard tests/unit/*.c))

# --- fuzzing ------------------------------------------------------------------
$(B)/fuzz-%: $(B)/obj/fuzz/fuzz/target_%.o $(SAN_SRC:%.c=$(B)/obj/fuzz/%.o) $(LINK_fuzz)
	$(CC) $(CFLAGS) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	  -o $@ $^ $(LDLIBS)

fuzz: $(FUZZ_TARGETS:%=$(B)/fuzz-%)

# Runs one target on a scratch copy of its corpus, build/corpus/TARGET, in
# JOBS processes (libFuzzer's -fork). The committed corpus only changes when
# someone adds to it on purpose: make corpus-merge.
fuzz-run: $(B)/fuzz-$(TARGET)
	@./tests/fuzz-run.sh $(TARGET) $(strip $(SECONDS)) $(strip $(JOBS))

# Adds to fuzz/corpus/TARGET what a fuzz-run found that the committed seeds do
# not reach (libFuzzer -merge=1), prints it, and adds its golden decoding.
corpus-merge: $(B)/fuzz-$(TARGET) $(B)/sslmode
	@./tests/corpus-merge.sh $(TARGET)

# The scenario target only parses (thousands of inputs a second): a short
# run is enough in CI.
fuzz-smoke: fuzz
	@for t in $(TARGETS); do ./tests/fuzz-run.sh $$t $(strip $(SMOKE_SECONDS)) || exit 1; done
	@./tests/fuzz-run.sh scenario $(strip $(SCENARIO_SMOKE_SECONDS))

# --- fuzzing on an engine ------------------------------------------------------
# .clusterfuzzlite/build.sh (ClusterFuzzLite, OSS-Fuzz) builds every target
# with the engine's flags: ENGINE_CFLAGS (its sanitizer and
# -fsanitize=fuzzer-no-link), linked by ENGINE_LD (the engine's C++ compiler
# and flags) with LIB_FUZZING_ENGINE. The binaries are $(B)/engine/TARGET.
ENGINE_CFLAGS      ?= -fsanitize=address,fuzzer-no-link
ENGINE_LD          ?= $(CC) $(ENGINE_CFLAGS)
LIB_FUZZING_ENGINE ?= -fsanitize=fuzzer

$(B)/engine/%: $(B)/obj/engine/fuzz/target_%.o $(SAN_SRC:%.c=$(B)/obj/engine/%.o) $(LINK_engine)
	@mkdir -p $(dir $@)
	$(ENGINE_LD) -o $@ $^ $(LIB_FUZZING_ENGINE) $(LDLIBS)

engine-fuzz: $(FUZZ_TARGETS:%=$(B)/engine/%)

# Runs .clusterfuzzlite/build.sh as the engine would (without the engine),
# then each binary it made on its seed corpus: tests/cflite.sh.
cflite-check:
	@./tests/cflite.sh

# --- other OpenSSL versions (openssl/) ------------------------------------------
# make openssl OPENSSL=3.5   fetches and builds that version's libraries
#                            (openssl/fetch-build.sh, once; build/openssl/3.5-plain/)
#                            and links build/sslmode-3.5 and build/replay-TARGET-3.5
#                            against them;
# make openssl-all           the same for every profile of openssl/versions.
# OPENSSL_FLAVOURS="plain fuzz" also builds the libraries of the fuzz flavour
# (build/openssl/3.5-fuzz/). The default build (the system's 3.0) is not
# touched: these binaries have the profile in their name, and their objects
# are compiled against that version's headers into build/obj/plain-3.5/ and
# build/obj/san-3.5/.
# OPENSSL_PROFILES: defined near the top (the .PHONY and .PRECIOUS lists use it).
OPENSSL_FLAVOURS ?= plain
OPENSSL          ?=

# $(1) a profile. The libraries are linked by path, with what their
# libcrypto.pc says they need (3.5: -lz -lzstd; all: -ldl -pthread).
define OPENSSL_PROFILE
OSSL_CFLAGS_$(1) := -I$(B)/openssl/$(1)-plain/include \
  -DSSLMODE_OPENSSL_LIB='"$(B)/openssl/$(1)-plain, Debian $$(shell awk '$$$$1 == "$(1)" { print $$$$2 }' openssl/versions)"'
FLAVOUR_CFLAGS_plain-$(1) := $$(OSSL_CFLAGS_$(1))
FLAVOUR_CFLAGS_san-$(1)   := $$(SANITIZE) $$(OSSL_CFLAGS_$(1))
OSSL_STAMP_$(1) := $(B)/openssl/$(1)-plain/stamp
OSSL_LIBS_$(1)  = $(B)/openssl/$(1)-plain/lib/libssl.a $(B)/openssl/$(1)-plain/lib/libcrypto.a \
                  $$$$(sed -n 's/^Libs.private: *//p' $(B)/openssl/$(1)-plain/lib/pkgconfig/libcrypto.pc)
$(B)/openssl/$(1)-%/stamp: FORCE
	@nice -n 19 ./openssl/fetch-build.sh $(1) $$*
$$(foreach f,plain san,$$(patsubst %.c,$(B)/obj/$$(f)-$(1)/%.o,$$(CORE_SRC) $$(SAN_SRC) \
    fuzz/sslmode.c fuzz/replay.c $$(TARGETS:%=fuzz/target_%.c))): $(B)/openssl/$(1)-plain/stamp
$(B)/sslmode-$(1): $(B)/obj/plain-$(1)/fuzz/sslmode.o $$(LINK_plain-$(1))
	$$(CC) $$(CFLAGS) -o $$@ $$^ $$(OSSL_LIBS_$(1))
$(B)/replay-%-$(1): $(B)/obj/san-$(1)/fuzz/target_%.o $(B)/obj/san-$(1)/fuzz/replay.o \
                    $$(SAN_SRC:%.c=$(B)/obj/san-$(1)/%.o) $$(LINK_san-$(1))
	$$(CC) $$(CFLAGS) $$(SANITIZE) -o $$@ $$^ $$(OSSL_LIBS_$(1))
openssl-$(1): $$(OPENSSL_FLAVOURS:%=$(B)/openssl/$(1)-%/stamp)
	@$$(MAKE) --no-print-directory $(B)/sslmode-$(1) $$(TARGETS:%=$(B)/replay-%-$(1))
endef
$(foreach p,$(OPENSSL_PROFILES),$(eval $(call FLAVOUR,plain-$(p))) $(eval $(call FLAVOUR,san-$(p))) \
  $(eval $(call OPENSSL_PROFILE,$(p))))

openssl:
ifeq ($(filter $(OPENSSL),$(OPENSSL_PROFILES)),)
	@echo "make openssl: say which version: OPENSSL=$(subst $(eval) ,|,$(OPENSSL_PROFILES)) (openssl/versions)$(if $(OPENSSL), (not \`$(OPENSSL)\`))" >&2; exit 2
else
	@$(MAKE) --no-print-directory openssl-$(OPENSSL)
endif

openssl-all: $(OPENSSL_PROFILES:%=openssl-%)

FORCE:

# --- proofs -------------------------------------------------------------------
prove: deps
	@FCT="$(FCT)" ./proofs/prove.sh

# --- the specification --------------------------------------------------------
# Regenerates the committed spec/index.md (from the rules' tags) and
# spec/SSL_CTX_set_mode.3 (pod2man of the corrected page). `make test` fails
# when either is stale.
spec:
	@./spec/tools/mkspec.sh

# --- conformance across libraries ---------------------------------------------
# conformance-modes builds and runs one probe per library (OpenSSL, BoringSSL,
# wolfSSL: conformance/probe_*.c, each linked against its library alone) and
# writes spec/conformance.md: their SSL_MODE_* names, values and default
# masks. `make test` fails when the committed page differs from what it
# writes. For now `make conformance` is this alone; the committed scenarios,
# run on every library's backend, will join it (issue 17).
conformance: conformance-modes

conformance-modes: deps
	@CC="$(CC)" ./conformance/mkmodes.sh spec/conformance.md

# --- tests --------------------------------------------------------------------
# Installs what is missing first, so that `make test` works first on a fresh
# machine too.
test: deps
	@$(MAKE) --no-print-directory all $(UNIT_TESTS)
	@./tests/run.sh

# Rewrites fuzz/golden/ from the committed corpus: only after a decoder
# change made on purpose, with DECODE_FORMAT bumped (fuzz/decode.h).
golden: $(B)/sslmode
	@./tests/golden.sh update

verify: deps
	@./tests/verify.sh $(strip $(FUZZ_SECONDS))

bench: $(B)/bench
	@$(B)/bench $(strip $(BENCH_SECONDS))

$(B)/bench: $(B)/obj/plain/tests/bench.o $(LINK_plain)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

mutants: all
	@./proofs/mutants.sh

# The model's line and branch coverage reached by the committed corpora.
$(B)/cov-replay-%: $(B)/obj/cov/fuzz/target_%.o $(B)/obj/cov/fuzz/replay.o $(LINK_cov)
	$(CC) $(CFLAGS) $(FLAVOUR_CFLAGS_cov) -o $@ $^ $(LDLIBS)

coverage: $(TARGETS:%=$(B)/cov-replay-%)
	@./tests/coverage.sh $(TARGETS)

$(B):
	mkdir -p $@

clean:
	rm -rf $(B)
