# Regenerate the mmu_notifier API conversions as a reviewable patch series.
#
#   make setup                     install tools, provision the default tree
#   make check                     run the test suite
#   make series [KERNEL=/path]     probe -> convert -> split -> gate -> series
#   make series M=/path/to/module [KERNEL=/path]  port an external module's source
#   make kobj [KERNEL=/path]       prepare the tree for external module builds, print its O=
#   make runtime [KERNEL=/path]    boot the tree under qemu, check every event at run time
#   make demo                      the example driver ported, built and booted
#   make survey KERNELS="DIR ..."  make series on every tree, one table
#
# Variables: KERNEL= tree to convert (default: kernel/ submodule, else Debian's
# linux-source-5.10), O= work directory (default build/), STEPS= steps to run
# (default: every step the tree still needs), J= parallel jobs, V=1 verbose,
# M= external module to port (series; COMPAT=1: to the newest API, with a
# layer that builds it on older kernels), PATCHES= where series writes the
# patches (default patches/), KERNELS= the trees of survey, NARROW=0 spatch
# on whole files (see README, Speed).

O	?= build
PATCHES ?= patches
J	?= $(shell nproc)
V	?= 0
export KERNEL O J V STEPS GATE SPLIT COMPAT NARROW

ifeq ($(V),1)
Q =
else
Q = @
endif

S = scripts

.PHONY: help setup check kobj probe candidates worktree convert coverage series gate events bench runtime demo survey clean

help:
	@sed -n 's/^#\(   make.*\)/\1/p; s/^# \(Variables.*\)/\n\1/p' $(firstword $(MAKEFILE_LIST))
	@echo
	@echo 'Targets:'
	@echo '  setup       install Debian packages (coccinelle, sparse, ...) and the default tree'
	@echo '  check       the test suite (T=pattern selects tests)'
	@echo '  probe       print the tree'"'"'s mmu_notifier API generation and the steps it needs'
	@echo '  candidates  the files any step may touch (one git grep)'
	@echo '  convert     scratch clone of the tree, core changes and semantic patches, one commit a step'
	@echo '  coverage    every old-API site left after conversion, with the reason'
	@echo '  series      git format-patch of the converted branch into patches/'
	@echo '              (M=DIR: port the external module DIR instead, into $(O)/module.patch)'
	@echo '  gate        checkpatch, build and sparse of every patch (GATE=0 skips it in series)'
	@echo '  events      the event chosen at every site, with its evidence and confidence'
	@echo '  survey      make series on every tree of KERNELS="DIR ...", one table (O/survey/survey.txt)'
	@echo '  bench       time and memory: pipeline vs naive spatch --dir vs floor (BENCH_NAIVE=sample)'
	@echo '  demo        examples/mndemo (v4.19 API) ported to the tree, with and without COMPAT=1, built, booted'
	@echo '  kobj        prepare the tree for external module builds (defconfig + KVM, modules_prepare), print the directory'
	@echo '  runtime     tiny kernel + recording module booted under qemu (TCG): each operation'"'"'s event, range, pairing'
	@echo '  clean       remove $(O)/ and the generated patches/*.patch'

setup:
	$(Q)$(S)/setup

check:
	$(Q)tests/run $(T)

# Every target that reads or writes $(O) runs under $(O)'s lock, taken once by
# the outermost make (scripts/worktree --lock): a second run on the same O
# stops at once, and Ctrl-C or kill stops the whole run before the lock goes.
LOCKED = probe candidates worktree convert coverage series gate events bench
ifneq ($(MMU_LOCK),$(abspath $(O)))
$(LOCKED):
	$(Q)$(S)/worktree --lock $(O) $(MAKE) --no-print-directory $@
else
$(O):
	$(Q)mkdir -p $@

probe: | $(O)
	$(Q)tree=$$($(S)/provision) && $(S)/probe "$$tree" > $(O)/probe.tmp && mv $(O)/probe.tmp $(O)/probe
	$(Q)cat $(O)/probe

candidates: worktree
	$(Q)$(S)/prefilter $(O)/work > $(O)/candidates
	$(Q)cut -f1 $(O)/candidates | sort | uniq -c | sed 's/^ */  CANDIDATES /'

worktree: probe
	$(Q)tree=$$($(S)/provision) && $(S)/worktree "$$tree" $(O)/work

convert: candidates
	$(Q)$(S)/convert $(O)

coverage: | $(O)
	$(Q)$(S)/coverage $(O)/work

# M=DIR: series ports the external module in DIR instead (scripts/module)
ifneq ($(M),)
series: | $(O)
	$(Q)tree=$$($(S)/provision) && $(S)/module "$(M)" "$$tree" $(O)
else
series: convert
	$(Q)$(S)/series $(O) $(PATCHES)
endif

gate: | $(O)
	$(Q)$(S)/gate $(O)

events: | $(O)
	$(Q)$(S)/events report $(O)

bench: | $(O)
	$(Q)$(S)/bench
endif

survey:
	$(Q)$(if $(KERNELS),,$(error KERNELS="DIR DIR ..." names the trees to survey))
	$(Q)$(S)/survey $(O)/survey $(KERNELS)

# A build directory of the tree for external modules (scripts/kobj):
# defconfig + KVM, modules_prepare; build with
# scripts/kobj -m DIR M=/path/to/module modules
kobj:
	$(Q)tree=$$($(S)/provision) && $(S)/kobj "$$tree"

runtime:
	$(Q)tree=$$($(S)/provision) && $(S)/runtime "$$tree"

# The README's first command after setup: the example driver ported to the
# default tree, with and without COMPAT, built, and booted (scripts/demo).
demo:
	$(Q)tree=$$($(S)/provision) && $(S)/demo "$$tree" $(O)

clean:
	rm -rf $(O) patches/*.patch
