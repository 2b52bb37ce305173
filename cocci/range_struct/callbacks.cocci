// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: the callbacks, found through the
// .invalidate_range_start/end entries of struct mmu_notifier_ops
// initialisers (plain or array), their old prototypes (v4.9-v4.18 without
// blockable, v4.19-v4.20 with it), and the parameters a callback writes.
// Changes nothing.
//
// Writes: cbs (callback -> "start" | "end"), params ((callback, parameter)
// -> field of the range; (callback, "") marks a callback found), written.
// Reads: refused (through converting).

@s_ops@
identifier I, fs;
expression E;
@@
(
struct mmu_notifier_ops I = { .invalidate_range_start = fs, };
|
struct mmu_notifier_ops I[] = { ..., [E] = { .invalidate_range_start = fs, }, ...};
)

@script:ocaml@
fs << s_ops.fs;
@@
Hashtbl.replace cbs fs "start"

@e_ops@
identifier I, fe;
expression E;
@@
(
struct mmu_notifier_ops I = { .invalidate_range_end = fe, };
|
struct mmu_notifier_ops I[] = { ..., [E] = { .invalidate_range_end = fe, }, ...};
)

@script:ocaml@
fe << e_ops.fe;
@@
Hashtbl.replace cbs fe "end"

// The old prototypes: start(mn, mm, start, end, blockable) since v4.19,
// start(mn, mm, start, end) before, end(mn, mm, start, end) always.
@sig5 depends on s_ops || e_ops@
identifier f : script:ocaml() { is_cb f };
identifier mn, mm, s, e, b;
type T;
@@
T f(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long s,
    unsigned long e, bool b) { ... }

@script:ocaml@
f << sig5.f;
mm << sig5.mm;
s << sig5.s;
e << sig5.e;
b << sig5.b;
@@
note f [mm; s; e; b] ["mm"; "start"; "end"; "blockable"]

@sig4 depends on s_ops || e_ops@
identifier f : script:ocaml() { is_cb f };
identifier mn, mm, s, e;
type T;
@@
T f(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long s,
    unsigned long e) { ... }

@script:ocaml@
f << sig4.f;
mm << sig4.mm;
s << sig4.s;
e << sig4.e;
@@
note f [mm; s; e] ["mm"; "start"; "end"]

// A callback that assigns a parameter: start/end get a local copy, the
// others (mm, blockable) are not rewritten mechanically.
@cb depends on sig5 || sig4@
identifier f : script:ocaml() { converting f };
@@
f(...) { ... }

@wr@
identifier cb.f;
identifier x : script:ocaml(f) { is_param f x };
expression E;
assignment operator aop;
position p;
@@
f(...) {
  <+...
(
  x@p aop E
|
  x@p++
|
  x@p--
|
  ++x@p
|
  --x@p
|
  &x@p
)
  ...+>
}

@script:ocaml@
f << cb.f;
x << wr.x;
@@
Hashtbl.replace written (f, x) ()
