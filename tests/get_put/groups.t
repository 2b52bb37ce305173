#!/bin/sh
# The files get_put's group takes beside its candidates (scripts/prefilter,
# dirgrep= of scripts/steps/get_put): the module exit of the candidate's
# own module, as the directory's Makefile builds it, and the headers; not
# the module exits of the other modules of the directory.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
w=$tmp/w
d=$w/drivers/misc/mnx
mkdir -p "$d" "$w/drivers/misc/mny"
# mnx.ko is mnx_main.o and mnx_mm.o; mnx_trace.o comes with a config
# option; mnx_other.ko is a module of its own
cat > "$d/Makefile" <<'MK'
obj-$(CONFIG_MNX) += mnx.o mnx_other.o
mnx-y := mnx_main.o \
	 mnx_mm.o
mnx-$(CONFIG_MNX_TRACE) += mnx_trace.o
ccflags-y += -DDEBUG
MK
printf '#include "mnx.h"\nint mnx_get(struct mm_struct *mm)\n{\n\treturn mmu_notifier_register(&mn, mm);\n}\n' > "$d/mnx_mm.c"
printf 'static void __exit mnx_exit(void)\n{\n}\nmodule_exit(mnx_exit);\n' > "$d/mnx_main.c"
printf 'static void __exit mnx_trace_exit(void)\n{\n}\nmodule_exit(mnx_trace_exit);\n' > "$d/mnx_trace.c"
printf 'static void __exit other_exit(void)\n{\n}\nmodule_exit(other_exit);\n' > "$d/mnx_other.c"
printf 'struct mnx_dev {\n\tDECLARE_HASHTABLE(mms, 4);\n};\n' > "$d/mnx.h"
# a directory with no Makefile: every file with a match joins
printf 'int y_get(struct mm_struct *mm)\n{\n\treturn mmu_notifier_register(&mn, mm);\n}\n' > "$w/drivers/misc/mny/a.c"
printf 'module_exit(y_exit);\n' > "$w/drivers/misc/mny/b.c"
git -C "$w" init -q && git -C "$w" add -A &&
	git -C "$w" -c user.name=t -c user.email=t@localhost commit -q -m t || exit 1

got=$("$TOP"/scripts/prefilter "$w" | awk -F'\t' '$1 == "get_put" { print $2 }' | tr '\n' ' ')
want="drivers/misc/mnx/mnx.h drivers/misc/mnx/mnx_main.c drivers/misc/mnx/mnx_mm.c drivers/misc/mnx/mnx_trace.c drivers/misc/mny/a.c drivers/misc/mny/b.c "
[ "$got" = "$want" ] || { echo "get_put candidates: '$got'"; echo "expected:             '$want'"; fail=1; }
exit $fail
