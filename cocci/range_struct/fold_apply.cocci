// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: a candidate range_struct/fold_check.cocci
// found safe is folded: the init takes the values (above the widening call
// if there is one), the locals go, and every use left reads range.start or
// range.end.
//
// Reads the bindings of fcand (range_struct/fold.cocci) and fold_ok
// (range_struct/fold_check.cocci), no table.

// The init takes the values, above the widening call if there is one.
// (Where the assignments come right before it, in their place: spatch would
// take the blank line after the declarations with them.)
@depends on patch exists@
identifier fcand.f, fcand.ls, fcand.le;
expression fcand.M, fold_ok.y1, fold_ok.y2;
identifier F;
expression list es;
expression E1, E2;
symbol range;
@@
f(...) {
  ... when any
- ls = E1;
- le = E2;
+ mmu_notifier_range_init(&range, M, y1, y2);
  F(es, &ls, &le);
- mmu_notifier_range_init(&range, M, ls, le);
  ... when any
}

@depends on patch exists@
identifier fcand.f, fcand.ls, fcand.le;
expression fcand.M, fold_ok.y1, fold_ok.y2;
identifier F;
expression list es;
symbol range;
@@
f(...) {
  ... when any
+ mmu_notifier_range_init(&range, M, y1, y2);
  F(es, &ls, &le);
- mmu_notifier_range_init(&range, M, ls, le);
  ... when any
}

@depends on patch@
identifier fcand.f, fcand.ls, fcand.le;
expression fcand.M, fold_ok.y1, fold_ok.y2;
symbol range;
@@
f(...) {
  <...
  mmu_notifier_range_init(&range, M,
-   ls, le
+   y1, y2
  );
  ...>
}

// The locals go (in one rule: spatch would put the trailing comments of
// declarations removed by two rules on the line above, where scripts/tidy
// finds one) ...
@depends on patch exists@
identifier fcand.f, fcand.ls, fcand.le;
expression fold_ok.y1;
type T;
expression E;
@@
f(...) {
  ... when any
(
- T ls;
|
- T ls = E;
|
- ls = E;
|
- T le;
|
- T le = E;
|
- le = E;
)
  ... when any
}

// (a rule takes only one of two names declared together, "unsigned long
// mmun_start, mmun_end;")
@depends on patch exists@
identifier fcand.f, fcand.le;
expression fold_ok.y1;
type T;
expression E;
@@
f(...) {
  ... when any
(
- T le;
|
- T le = E;
|
- le = E;
)
  ... when any
}

// ... and every use left reads the range.
@depends on patch@
identifier fcand.f, fcand.ls;
expression fold_ok.y1;
@@
f(...) {
  <...
- ls
+ range.start
  ...>
}

@depends on patch@
identifier fcand.f, fcand.le;
expression fold_ok.y1;
@@
f(...) {
  <...
- le
+ range.end
  ...>
}
