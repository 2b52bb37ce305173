// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: the calls.  A start gets a range,
// initialised right before it with mmu_notifier_range_init(); an end that
// follows a start on the same bounds shares its range; an end with no
// start in its function is left, and said.  The range is declared first
// thing in the function.
//
// Reads: callers, refused (through converting_caller; crossing.cocci and
// object.cocci refuse the functions they convert themselves).

// Starts: the range is initialised right before the call.
@depends on patch && taken@
identifier f : script:ocaml() { converting_caller f };
expression M, S, E, R;
statement S1, S2;
@@
f(...) {
  <...
(
+ mmu_notifier_range_init(&range, M, S, E);
  mmu_notifier_invalidate_range_start(
-   M, S, E
+   &range
  );
|
+ mmu_notifier_range_init(&range, M, S, E);
  if (mmu_notifier_invalidate_range_start_nonblock(
-   M, S, E
+   &range
  )) S1 else S2
|
+ mmu_notifier_range_init(&range, M, S, E);
  if (mmu_notifier_invalidate_range_start_nonblock(
-   M, S, E
+   &range
  )) S1
|
+ mmu_notifier_range_init(&range, M, S, E);
  R = mmu_notifier_invalidate_range_start_nonblock(
-   M, S, E
+   &range
  );
)
  ...>
}

// Ends that follow a start with the same arguments, on a path where neither
// bound is assigned in between, share its range.
@depends on patch && taken exists@
identifier f : script:ocaml() { converting_caller f };
expression M, S, E, X;
assignment operator aop;
symbol range;
@@
f(...) {
  ... when any
  mmu_notifier_range_init(&range, M, S, E);
  ... when != S aop X
      when != E aop X
      when != S++
      when != E++
      when != M aop X
(
- mmu_notifier_invalidate_range_end(M, S, E);
+ mmu_notifier_invalidate_range_end(&range);
|
- mmu_notifier_invalidate_range_only_end(M, S, E);
+ mmu_notifier_invalidate_range_only_end(&range);
)
  ... when any
}

// An end with no start in the same function: its start happened elsewhere,
// on a range this function does not have (a callee that hands its bounds
// back is for range_struct/crossing.cocci).  A range of its own would not
// be the one the start saw: the end is left, and said.
@lone depends on patch && taken@
identifier f : script:ocaml() { converting_caller f };
expression M, S, E;
position p;
@@
f(...) {
  <...
(
  mmu_notifier_invalidate_range_end@p(M, S, E);
|
  mmu_notifier_invalidate_range_only_end@p(M, S, E);
)
  ...>
}

@script:ocaml@
f << lone.f;
p << lone.p;
@@
say (List.hd p) f "left" ["lone-end"] "an end with no start on its bounds in this function: the range its start saw is not known here, not converted"

@depends on patch && taken@
identifier f : script:ocaml() { converting_caller f };
symbol range;
@@
f(...) {
+ struct mmu_notifier_range range;
  <+... mmu_notifier_range_init(&range, ...) ...+>
}

// kernel style: a blank line between the declarations and the code
@depends on patch && taken@
identifier f : script:ocaml() { converting_caller f };
symbol range;
statement S;
@@
f(...) {
  struct mmu_notifier_range range;
+
  S
  ...
}
