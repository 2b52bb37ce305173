#!/bin/sh
# The decision of cocci/event_tag.cocci on its own: a test rule made of its
# parts cocci/event_tag/scan.cocci and decide.cocci and a driver that gives
# decide the facts the rule's SmPL would gather (range ends, an mmu_gather
# parameter, a const local) and prints its answer at each site of a small
# C file, against answers read and checked by hand: one case a branch.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v spatch >/dev/null 2>&1 || { echo "spatch not installed"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
{ cat "$TOP/cocci/event_tag/scan.cocci" "$TOP/cocci/event_tag/decide.cocci"; cat <<'RULE'

// The driver: the facts of -D cases=FILE, then decide at each of its sites
// in -D file=FILE, one "FN:LINE: EVENT (confidence): evidence" a site.
@script:ocaml@
file << virtual.file;
cases << virtual.cases;
@@
scan file;
let ic = open_in cases in
(try while true do
	match Str.split (Str.regexp "[ \t]+") (input_line ic) with
	| ["end"; fn; l] -> Hashtbl.add ends (file, fn) (int_of_string l)
	| ["gather"; fn] -> Hashtbl.replace gathers (file, fn) ()
	| ["const"; fn; x; v] -> Hashtbl.replace consts (file, fn, x) v
	| ["site"; fn; l; owner; s; e] ->
		let (ev, c, why) =
			decide file fn (int_of_string l) (owner = "1") s e in
		Printf.printf "%s:%s: %s (%s): %s\n" fn l ev c why
	| _ -> ()
done with End_of_file -> close_in ic)
RULE
} > decide.cocci

# The sites: mover's window ends at its end() (the clear after it is not
# seen); cleaner's walk reaches clean_pte through the on-stack mm_walk;
# zapper's start is a const local holding vma->vm_start; gathered zaps
# into its mmu_gather parameter; starter's range ends elsewhere, so the
# callbacks sharing its ops (ender) count; migrator's owner and device
# migration need MIGRATE in the tree's enum.
cat > decide.c <<'C'
static void mover(unsigned long s, unsigned long e)
{
	init(&range);
	move_pte(p);
	end(&range);
	ptep_get_and_clear(q);
}

static int clean_pte(pte_t *pte)
{
	return pte_mkclean(*pte);
}

static void cleaner(struct vm_area_struct *vma)
{
	struct mm_walk w = { .pte_entry = clean_pte };
	init(&range);
	walk_page_range(vma, &w);
	end(&range);
}

static void zapper(struct vm_area_struct *vma)
{
	const unsigned long start = vma->vm_start;
	init(&range);
	zap_page_range(vma, start, vma->vm_end);
	end(&range);
}

static void gathered(struct mmu_gather *tlb)
{
	init(&range);
	unmap_single_vma(tlb);
	end(&range);
}

static int starter(pte_t *pte)
{
	init(&range);
	return 0;
}

static int ender(pte_t *pte)
{
	return ptep_set_wrprotect(pte);
}

static const struct mm_walk_ops split_ops = {
	.pte_entry = starter,
	.pte_hole = ender,
};

static void migrator(void)
{
	init_owner(&range);
	src = migrate_pfn(pfn) | MIGRATE_PFN_VALID;
	end(&range);
}

static void confused(void)
{
	init(&range);
	clear_soft_dirty(p);
	pte_modify(p, prot);
	end(&range);
}

static void idle(void)
{
	init(&range);
	end(&range);
}
C
# The facts the rule's SmPL would give (end FN LINE: an _end() call;
# gather FN: an mmu_gather parameter; const FN NAME VALUE: a const local),
# then the sites (site FN LINE OWNER START END; OWNER 1: _init_owner()).
cat > cases <<'CASES'
end mover 5
end cleaner 19
end zapper 27
end gathered 34
end migrator 57
end confused 65
end idle 71
const zapper start vma->vm_start
gather gathered
site mover 3 0 s e
site cleaner 17 0 s e
site zapper 25 0 start vma->vm_end
site gathered 32 0 s e
site starter 39 0 s e
site migrator 55 1 s e
site migrator 55 0 s e
site confused 62 0 s e
site idle 70 0 s e
CASES
cat > want <<'WANT'
mover:3: UNMAP (high): ptes moved or page tables freed: move_pte
cleaner:17: PROTECTION_PAGE (high): pages write-protected or cleaned: pte_mkclean in clean_pte
zapper:25: UNMAP (high): whole vma zapped (vma->vm_start..vma->vm_end): zap_page_range
gathered:32: UNMAP (high): ptes zapped into the caller's mmu_gather: unmap_single_vma
starter:39: PROTECTION_PAGE (high): range ended outside the function; pages write-protected or cleaned: ptep_set_wrprotect in ender
migrator:55: MIGRATE (high): device migration, owner given: MIGRATE_PFN_VALID, migrate_pfn
migrator:55: CLEAR (low): no page-table change seen, conservative
confused:62: CLEAR (low): conflicting signals: clear_soft_dirty; pte_modify
idle:70: CLEAR (low): no page-table change seen, conservative
WANT
rc=0
spatch --very-quiet --sp-file decide.cocci -D file=decide.c -D cases=cases \
	-D events=MIGRATE decide.c > got 2>&1 &&
	diff -u want got || { echo "-D events=MIGRATE: the decisions differ (above)"; rc=1; }
# Without -D events the enum is v5.2's five: no MIGRATE.
sed 's/^migrator:55: MIGRATE (high): .*/migrator:55: CLEAR (low): no page-table change seen, conservative/' want > want.five
spatch --very-quiet --sp-file decide.cocci -D file=decide.c -D cases=cases \
	decide.c > got 2>&1 &&
	diff -u want.five got || { echo "no -D events: the decisions differ (above)"; rc=1; }
exit $rc
