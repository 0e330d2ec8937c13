# proofs/wp.mk: the flags of every WP run, in one place. Included by the
# Makefile and by proofs/prove.mk (make prove, make prove FCT=...);
# proofs/mutants.sh reads them with `make -s -f proofs/wp.mk wp-flags`.
#
# Alt-Ergo is not packaged for Debian 12: Qed (built in), Z3 and CVC4 only.
# The prover timeout is wall-clock time, and the machine is shared: with 10 s,
# under a load of 6 on 2 cores, Z3 got about 2 s of CPU and failed goals it
# proves in 2 s ("Failed (Unknown error)", its output "timeout"). A proved
# goal takes no longer with 30; only a goal that fails waits the whole limit.
# Unsigned and signed downcasts and unsigned overflow are alarms too, so no
# silent modular arithmetic is left in the model (proofs/README.md).
WP_TIMEOUT ?= 30
WP_PAR     ?= 2
WP_FLAGS := -c11 -cpp-extra-args=-Imodel \
  -wp -wp-rte -warn-unsigned-downcast -warn-unsigned-overflow -warn-signed-downcast \
  -wp-prover qed,z3,cvc4 -wp-timeout $(WP_TIMEOUT) -wp-par $(WP_PAR) \
  -wp-no-pruning -wp-no-ground
# Two of Qed's simplifications are off: most of a unit's time was Qed
# simplifying, not the provers proving. Pruning (of branches Qed finds
# trivial) and ground propagation cost more than they save on the model's
# goals, whose connection values are large structures: on write_on, 115 s
# with both, 58 s without, all 92 goals proved either way (proofs/README.md,
# "Where the time goes"). Neither changes what a goal states.
# Smoke tests (make prove only: they say whether a proof is vacuous, not
# whether a contract holds, so the mutants run without them). Per-statement
# and per-call tests are off: proofs/README.md, "What the goals are".
WP_SMOKE := -wp-smoke-tests -wp-no-smoke-dead-code -wp-no-smoke-dead-call

.PHONY: wp-flags wp-smoke-flags
wp-flags:
	@echo $(WP_FLAGS)
wp-smoke-flags:
	@echo $(WP_SMOKE)
