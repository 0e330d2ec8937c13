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
SMOKE_SECONDS ?= 20   # fuzz-smoke (CI): how long each target runs
TARGET        ?= mask
TARGETS       := mask write hello

B := build

include proofs/wp.mk

MODEL_SRC   := $(wildcard model/*.c)
HARNESS_SRC := fuzz/op.c fuzz/text.c fuzz/outcome.c fuzz/model_side.c \
               fuzz/exec.c fuzz/report.c fuzz/decode.c fuzz/scenario.c \
               fuzz/real_openssl.c fuzz/pair_openssl.c fuzz/config.c fuzz/buffers.c \
               fuzz/hello_wire.c fuzz/target.c
CORE_SRC    := $(MODEL_SRC) $(HARNESS_SRC)
HEADERS     := $(wildcard model/*.h model/logic/*.acsl fuzz/*.h)
LAW_SRC     := $(wildcard model/laws/*.c)

.PHONY: all deps prove fuzz fuzz-run fuzz-smoke test verify bench mutants coverage clean
.DELETE_ON_ERROR:

all: $(B)/sslmode $(B)/abi_check.o $(TARGETS:%=$(B)/replay-%)

# --- set-up ---------------------------------------------------------------
deps:
	@./.ci/deps

# --- the command line and the test binaries ---------------------------------
# The tool for people: no sanitizer (SSL_MODE_ASYNC switches stacks, which
# makes ASan print warnings into every answer). Tests under sanitizers use
# the unit, replay and fuzz binaries.
$(B)/sslmode: $(CORE_SRC) fuzz/sslmode.c $(HEADERS) | $(B)
	$(CC) $(CFLAGS) -o $@ $(CORE_SRC) fuzz/sslmode.c $(LDLIBS)

# Fails to compile if a model constant differs from <openssl/ssl.h>.
$(B)/abi_check.o: fuzz/abi_check.c $(HEADERS) | $(B)
	$(CC) $(CFLAGS) -c -o $@ fuzz/abi_check.c

SAN_SRC := fuzz/sanitizer_options.c

$(B)/replay-%: $(CORE_SRC) fuzz/target_%.c fuzz/replay.c $(SAN_SRC) $(HEADERS) | $(B)
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $(CORE_SRC) fuzz/target_$*.c fuzz/replay.c $(SAN_SRC) $(LDLIBS)

$(B)/unit-%: tests/unit/%.c $(CORE_SRC) $(SAN_SRC) $(HEADERS) | $(B)
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $< $(CORE_SRC) $(SAN_SRC) $(LDLIBS)

UNIT_TESTS := $(patsubst tests/unit/%.c,$(B)/unit-%,$(wildcard tests/unit/*.c))

# --- fuzzing ------------------------------------------------------------------
$(B)/fuzz-%: $(CORE_SRC) fuzz/target_%.c $(SAN_SRC) $(HEADERS) | $(B)
	$(CC) $(CFLAGS) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	  -o $@ $(CORE_SRC) fuzz/target_$*.c $(SAN_SRC) $(LDLIBS)

fuzz: $(TARGETS:%=$(B)/fuzz-%)

# Runs one target on a scratch copy of its corpus (the committed corpus only
# changes when someone adds to it on purpose).
fuzz-run: $(B)/fuzz-$(TARGET)
	@./tests/fuzz-run.sh $(TARGET) $(strip $(SECONDS))

fuzz-smoke: fuzz
	@for t in $(TARGETS); do ./tests/fuzz-run.sh $$t $(strip $(SMOKE_SECONDS)) || exit 1; done

# --- proofs -------------------------------------------------------------------
prove: deps
	@FCT="$(FCT)" ./proofs/prove.sh

# --- tests --------------------------------------------------------------------
# Installs what is missing first, so that `make test` works first on a fresh
# machine too.
test: deps
	@$(MAKE) --no-print-directory all $(UNIT_TESTS)
	@./tests/run.sh

verify: deps
	@./tests/verify.sh $(strip $(FUZZ_SECONDS))

bench: $(B)/bench
	@$(B)/bench

$(B)/bench: tests/bench.c $(CORE_SRC) $(HEADERS) | $(B)
	$(CC) $(CFLAGS) -O2 -o $@ tests/bench.c $(CORE_SRC) $(LDLIBS)

mutants: all
	@./proofs/mutants.sh

# The model's line and branch coverage reached by the committed corpora.
$(B)/cov-replay-%: $(CORE_SRC) fuzz/target_%.c fuzz/replay.c $(HEADERS) | $(B)
	$(CC) $(CFLAGS) -O0 -fprofile-instr-generate -fcoverage-mapping \
	  -o $@ $(CORE_SRC) fuzz/target_$*.c fuzz/replay.c $(LDLIBS)

coverage: $(TARGETS:%=$(B)/cov-replay-%)
	@./tests/coverage.sh $(TARGETS)

$(B):
	mkdir -p $@

clean:
	rm -rf $(B)
