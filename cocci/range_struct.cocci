// SPDX-License-Identifier: GPL-2.0-only
/// mm/mmu_notifier: pass struct mmu_notifier_range to invalidate_range_start/end
///
/// The invalidate_range_start/end callbacks of struct mmu_notifier_ops and
/// the mmu_notifier_invalidate_range_start/end() calls take one
/// struct mmu_notifier_range instead of (mm, start, end[, blockable]), so
/// that further information about an invalidation (why it happens, which
/// vma) can be added later without touching every notifier user again.
///
/// Callbacks: found through the .invalidate_range_start/end entries of
/// struct mmu_notifier_ops initialisers (plain or array) in the same file
/// group; their parameters become range->mm, range->start, range->end and
/// range->blockable.  A callback that assigns any of them, or takes its
/// address, keeps a local copy initialised from the range.
/// Callers: mmu_notifier_range_init() then the start call on &range; end
/// calls with the same arguments in the same function share that range; a
/// lone end call gets its own range.  Locals that carry the bounds to the
/// notifier (mmun_start/mmun_end) are folded into the range where that is
/// safe: the init takes their values, later reads read range.start/end.
///
/// Sites the rule cannot convert, and some shapes it converts, are printed
/// as records (cocci/lib/record.cocci; range_struct/facts.cocci names
/// them), shown as "file:line: function: reason", in patch mode too;
/// -D report prints them and changes nothing.
//
// Confidence: High
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Comments: the core change (struct, init helper, prototypes) is
//  cocci/core/range_struct.cocci
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers
// Narrow: mmu_notifier|invalidate_range
// Keywords: mmu_notifier, invalidate_range_start, invalidate_range_end

virtual patch
virtual report
virtual int_start
virtual no_invalidate_page

// The rule in parts, in the order spatch runs them (scripts/rule prints it
// as one file), the record emitter first.  Each part's header says what
// it matches and the facts (the OCaml tables of range_struct/facts.cocci)
// it writes and reads.
#include "lib/record.cocci"
#include "range_struct/facts.cocci"

// Callbacks: found, their prototypes, their bodies.
#include "range_struct/callbacks.cocci"
#include "range_struct/prototype.cocci"
#include "range_struct/body.cocci"
#include "range_struct/int_start.cocci"
#include "range_struct/invalidate_page.cocci"

// A range that crosses a function: the start in a callee, the end in its
// caller.
#include "range_struct/crossing.cocci"

// Callers: the functions with old calls, a range kept in an object two of
// them share, the calls of the others.
#include "range_struct/callers.cocci"
#include "range_struct/object.cocci"
#include "range_struct/calls.cocci"

// Locals that carry the bounds to the notifier (mmun_start/mmun_end),
// folded into the range when it is safe.
#include "range_struct/fold.cocci"
#include "range_struct/fold_check.cocci"
#include "range_struct/fold_apply.cocci"

// Trampolines of a vendor's compatibility layer.
#include "range_struct/trampoline.cocci"
