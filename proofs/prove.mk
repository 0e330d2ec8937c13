# proofs/prove.mk: one WP unit per model file, re-proved only when the file,
# a header or .acsl file it includes, or the WP flags change. Run by
# proofs/prove.sh (make prove) with -j; not meant to be called by hand.
# Each unit writes build/proofs/<unit>.{log,md,json} (<unit>: conn_write,
# laws/dup, ...); prove.sh assembles them into proofs/results.{md,json}.
include proofs/wp.mk

B := build/proofs
# names.c is the flag-name table: no function, nothing for WP to prove.
UNIT_SRC := $(filter-out model/names.c,$(wildcard model/*.c)) $(wildcard model/laws/*.c)
# Started first, so that -j does not end waiting on one long unit: the
# slowest units of the last clean run (proofs/results.md, per file).
FIRST    := conn_read conn_write conn_read_record world conn_statem conn_read_hello conn_shutdown conn_check
ALL      := $(patsubst model/%.c,%,$(UNIT_SRC))
UNITS    := $(filter $(ALL),$(FIRST)) $(filter-out $(FIRST),$(ALL))

.PHONY: units
.DELETE_ON_ERROR:
units: $(UNITS:%=$(B)/%.json)

# A unit's result: its .json is written last, so it exists only for a run
# that finished (proved or not; prove.sh reads the verdict from it).
$(B)/%.json: model/%.c proofs/wp.mk proofs/prove.mk proofs/prove-unit.sh proofs/results.report
	@proofs/prove-unit.sh $< $(B)/$* $(WP_FLAGS) $(WP_SMOKE)

# What each unit includes (the model's headers and model/logic/*.acsl;
# system headers and Frama-C's own libc are left out: they do not change).
$(B)/%.d: model/%.c
	@mkdir -p $(@D)
	@cpp -MM -Imodel -MT $(B)/$*.json -MT $@ $< >$@

include $(UNITS:%=$(B)/%.d)
