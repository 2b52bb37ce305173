#!/bin/sh
# The module exit's order (cocci/get_put/exit.cocci) and the deferred
# free's error path (cocci/get_put/defer.cocci), on teardown_order/ (an
# amdkfd-shaped driver, converted: its triad checks the output) and on
# variants of deferred_free/ whose exit has no safe place for
# mmu_notifier_synchronize(): left as they were, and reported.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
# shown: the rule's records (stdin) as people read them (scripts/lib.sh)
shown() { (. "$TOP/scripts/lib.sh" && records_text -); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
# has OUT LINE-FRAGMENT...: the report OUT has every fragment
has() {
	out=$1
	shift
	for want; do
		case $out in
		*"$want"*) ;;
		*) printf 'report lacks\n  %s\nreport:\n%s\n' "$want" "$out"; fail=1 ;;
		esac
	done
}

# The error path of create_process() frees after
# mmu_notifier_unregister_no_release(): reported with its code, and left.
d=$tmp/hk
mkdir -p "$d"
cp "$TOP"/tests/get_put/teardown_order/*.[ch] "$d"/
out=$(cd "$d" && "$TOP"/scripts/cocci get_put hk.h hk_chardev.c hk_module.c hk_process.c hk_topology.c 2>/dev/null | shown)
has "$out" \
	'hk_process.c:153: hk_process: left: mmu_notifier_unregister_no_release() in create_process() stays [unsynced-free]: kfree() at hk_process.c:158 frees the object with no SRCU grace period after the unregistration' \
	'mmu_notifier_put() would free it through hk_process_free_notifier(), the release of a whole object' \
	'fix by hand: register the notifier last in create_process()'
case $out in *"module exit"*) printf 'hk: the exit is reported:\n%s\n' "$out"; fail=1 ;; esac
grep -q 'mmu_notifier_unregister_no_release(&process->mmu_notifier, process->mm);' "$d/hk_process.c" ||
	{ echo "hk: the error path's unregistration changed"; fail=1; }

# Without its module exit (amdkfd from v4.20: the exit is amdgpu's): the
# group's teardowns are named for whoever adds the call.
rm "$d/hk_module.c"
cp "$TOP"/tests/get_put/teardown_order/*.[ch] "$d"/
rm "$d/hk_module.c"
out=$(cd "$d" && "$TOP"/scripts/cocci get_put hk.h hk_chardev.c hk_process.c hk_topology.c 2>/dev/null | shown)
has "$out" 'module exit: left: no module_exit() in the file group, mmu_notifier_synchronize() not added [no-exit]: if hk_process.c is built into a module, its exit must call it so that no free_notifier() outlives the module, before it tears down what a pending free_notifier() may use (hk_process_destroy_wq() calls destroy_workqueue())'

# variant NAME SED-SCRIPT: deferred_free/ with its module exit edited;
# prints the report
variant() {
	v=$tmp/$1
	mkdir -p "$v"
	cp "$TOP"/tests/get_put/deferred_free/*.[ch] "$v"/
	sed -i "$2" "$v/dxmod.c"
	cp -r "$v" "$v.orig"
	(cd "$v" && "$TOP"/scripts/cocci get_put dx.h dxproc.c dxmod.c 2>/dev/null) | shown
}
# unchanged NAME: the variant's exit gained nothing
unchanged() {
	cmp -s "$tmp/$1.orig/dxmod.c" "$tmp/$1/dxmod.c" ||
		{ echo "$1: the exit changed:"; diff -u "$tmp/$1.orig/dxmod.c" "$tmp/$1/dxmod.c"; fail=1; }
}

# A driver unregistration (->remove() may drop notifiers) after the
# teardown: no place is both after the last put and before the teardown.
out=$(variant order 's/^\tdx_process_exit();$/&\n\tpci_unregister_driver(\&dx_pci_driver);/')
has "$out" 'dxmod.c:10: module exit: left: mmu_notifier_synchronize() not added to dx_module_exit() [exit-order]: the exit tears down at dxmod.c:12 (dx_process_exit() -> destroy_workqueue()) what a pending ->free_notifier() may use, and may still drop notifiers at dxmod.c:13 (pci_unregister_driver()), after it'
unchanged order

# The unregistration first: the call goes between the two.
out=$(variant before 's/^\tdx_process_exit();$/\tpci_unregister_driver(\&dx_pci_driver);\n&/')
case $out in *"module exit"*) printf 'before: the exit is reported:\n%s\n' "$out"; fail=1 ;; esac
printf '\tpci_unregister_driver(&dx_pci_driver);\n\tmmu_notifier_synchronize();\n\tdx_process_exit();\n}\n' > "$tmp/want"
sed -n '/^static void __exit dx_module_exit/,/^}/p' "$tmp/before/dxmod.c" | tail -n 4 | cmp -s - "$tmp/want" ||
	{ echo "before: the exit is"; cat "$tmp/before/dxmod.c"; fail=1; }

# The first teardown inside a branch: not on every path.
out=$(variant nested 's/^\tdx_process_exit();$/\tif (dx_ready)\n\t\tdx_process_exit();/; s/^static void __exit dx_module_exit/static bool dx_ready;\n\n&/')
has "$out" 'module exit: left: mmu_notifier_synchronize() not added to dx_module_exit() [exit-nested]: the exit'"'"'s first teardown, at dxmod.c:15 (dx_process_exit() -> destroy_workqueue()), is inside a branch or a loop'
unchanged nested

# Nothing that tears down: at the end, as before (sgi-gru, radeon).
out=$(variant plain 's/^\tdx_process_exit();$/\tdx_unregister_chrdev();/')
printf '\tdx_unregister_chrdev();\n\tmmu_notifier_synchronize();\n}\n' > "$tmp/want"
sed -n '/^static void __exit dx_module_exit/,/^}/p' "$tmp/plain/dxmod.c" | tail -n 3 | cmp -s - "$tmp/want" ||
	{ echo "plain: the exit is"; cat "$tmp/plain/dxmod.c"; fail=1; }
exit $fail
