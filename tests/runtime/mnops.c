// SPDX-License-Identifier: GPL-2.0
/*
 * mnops - perform one memory operation at a time with /dev/mnrec open
 * (mnrec.ko records the mmu_notifier invalidations of this process) and
 * check each operation's invalidations against the event the mmu_notifier
 * event series defines for it:
 *
 *	munmap(), mremap() moving the range		UNMAP
 *	mprotect()					PROTECTION_VMA
 *	madvise(MADV_DONTNEED), madvise(MADV_FREE)	CLEAR
 *	THP split, THP collapse (khugepaged)		CLEAR
 *	KSM merge (a page replaced by the KSM page)	CLEAR
 *	clear_refs "4" (soft-dirty)			SOFT_DIRTY
 *	fork(): the parent's private pages write-	PROTECTION_PAGE
 *	protected; then a write to one of them:
 *	its page replaced by a copy			CLEAR
 *
 * An operation expects one or two events, each with the ranges its
 * invalidations must lie in and a range they must cover.  The events are
 * right when every invalidation has an expected one and each expected one
 * covers its range; "range" is ok when every invalidation lies in the
 * ranges (of its event; of any, if its event is unexpected) and the covers
 * are covered; "pairing" is ok when every end closes a start of the same
 * event and range, none is left open and none was lost.  A row passes when
 * all three hold.  Rows are printed as "mnrt ..." lines, the records of a
 * failed row (of every row with -v) as "mnrt-detail ..." lines, then
 * "mnrt-done failed=N na=N".
 * With /dev/mndemo (the example driver of make demo, ported, see
 * examples/mndemo) open too, a last row checks that it received as many
 * starts and ends as mnrec over all the operations, and as many starts that
 * could not block: both notifiers are on this process's mm; and one that a
 * second open shares its notifier; and one that its ->invalidate_range,
 * ->change_pte and ->clear_young were called (flushes/changes/young, F/C/Y:
 * the last with page_idle only).  Without /dev/mnrec (a kernel before the
 * event series) each row checks mndemo's counts only: at least one start,
 * each with its end.
 * Exit status: 0 all rows pass or n/a, 1 a row failed, 2 no /dev/mnrec.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXREC 4096
#define MAXRANGE 128
#define HPAGE (2UL << 20)

struct rec {
	char kind;			/* 'S', 'E' or 'L' (lost) */
	char event[32];
	char blockable;
	unsigned int flags;
	unsigned long start, end;
};

struct range {
	unsigned long start, end;	/* [start, end) */
};

struct expect {
	const char *event;
	struct range allow[MAXRANGE];	/* every invalidation lies in one */
	int nallow;
	struct range cover;		/* every page in some invalidation */
};

struct row {
	const char *op;
	struct expect exp[2];
	int nexp;
	const char *na;			/* why the operation cannot run */
};

static int fd;
static unsigned long pg;
static struct rec recs[MAXREC];
static int nrec;
static int failed, na, verbose;
static long starts, ends, nonblocking;	/* every record drained */
static int dfd = -1;			/* /dev/mndemo, when it is there */
static int demo_only;			/* no /dev/mnrec: mndemo's counts only */
static long dlast[6];			/* demo_only: mndemo's counts at drain() */

static int demo_counts(int f, long *c);
static void demo_row(const struct row *row);
static char buf[MAXREC * 96];

static void drain(void)
{
	size_t len = 0;
	ssize_t n;
	char *line, *next;

	if (demo_only) {
		demo_counts(dfd, dlast);
		return;
	}
	nrec = 0;
	while ((n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	for (line = buf; *line; line = next) {
		struct rec *r = &recs[nrec];

		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (nrec == MAXREC) {
			recs[MAXREC - 1].kind = 'L';
			break;
		}
		if (line[0] == 'L') {
			r->kind = 'L';
			nrec++;
		} else if (sscanf(line, "%c %31s %c %x %lx %lx", &r->kind,
				  r->event, &r->blockable, &r->flags,
				  &r->start, &r->end) == 6) {
			starts += r->kind == 'S';
			ends += r->kind == 'E';
			nonblocking += r->kind == 'S' && r->blockable == 'N';
			nrec++;
		}
	}
}

static int inside(unsigned long s, unsigned long e, const struct range *r)
{
	/* an end of ~0UL (the whole address space) is the last byte */
	return s >= r->start && (e <= r->end || r->end == ~0UL);
}

/* Every page of the cover of x in a start of its event (or of any: any). */
static int covered(const struct expect *x, int any)
{
	unsigned long a;
	int i;

	for (a = x->cover.start; a < x->cover.end; a += pg) {
		for (i = 0; i < nrec; i++)
			if (recs[i].kind == 'S' &&
			    (any || !strcmp(recs[i].event, x->event)) &&
			    recs[i].start <= a && (recs[i].end > a ||
						   recs[i].end == ~0UL))
				break;
		if (i == nrec)
			return 0;
	}
	return 1;
}

/* Every end closes the latest open start of the same event and range. */
static int paired(void)
{
	int open[MAXREC], nopen = 0, i, j;

	for (i = 0; i < nrec; i++) {
		if (recs[i].kind == 'L')
			return 0;
		if (recs[i].kind == 'S') {
			open[nopen++] = i;
			continue;
		}
		for (j = nopen - 1; j >= 0; j--) {
			struct rec *s = &recs[open[j]];

			if (!strcmp(s->event, recs[i].event) &&
			    s->start == recs[i].start && s->end == recs[i].end)
				break;
		}
		if (j < 0)
			return 0;
		memmove(&open[j], &open[j + 1], (nopen - j - 1) * sizeof(int));
		nopen--;
	}
	return nopen == 0;
}

static void print_row(const char *op, const char *exp, const char *got,
		      const char *range, const char *pair, const char *result)
{
	printf("mnrt %-16s %-22s %-22s %-5s %-7s %s\n", op, exp, got, range,
	       pair, result);
	fflush(stdout);
}

/* Collect the records of the operation just done and print its row. */
static void check(struct row *row)
{
	char exp[64] = "", got[64] = "";
	int range_ok = 1, event_ok = 1, pair_ok, i, k;

	for (k = 0; k < row->nexp; k++)
		snprintf(exp + strlen(exp), sizeof(exp) - strlen(exp), "%s%s",
			 k ? "+" : "", row->exp[k].event);
	if (row->na) {
		char why[160];

		snprintf(why, sizeof(why), "n/a (%s)", row->na);
		print_row(row->op, exp, "-", "-", "-", why);
		na++;
		return;
	}
	if (demo_only) {
		demo_row(row);
		return;
	}
	drain();
	for (i = 0; i < nrec; i++) {
		struct rec *r = &recs[i];
		int known = 0, in = 0, any = 0, a;

		if (r->kind != 'S')
			continue;
		if (!strstr(got, r->event))
			snprintf(got + strlen(got), sizeof(got) - strlen(got),
				 "%s%s", *got ? "+" : "", r->event);
		for (k = 0; k < row->nexp; k++) {
			int mine = !strcmp(r->event, row->exp[k].event);

			known |= mine;
			for (a = 0; a < row->exp[k].nallow; a++) {
				if (!inside(r->start, r->end,
					    &row->exp[k].allow[a]))
					continue;
				in |= mine;
				any = 1;
			}
		}
		event_ok &= known;
		/* in the ranges of its event, or of any if unexpected */
		range_ok &= known ? in : any;
	}
	for (k = 0; k < row->nexp; k++) {
		event_ok &= covered(&row->exp[k], 0);
		range_ok &= covered(&row->exp[k], 1);
	}
	pair_ok = paired();
	if (!*got)
		strcpy(got, "none");
	print_row(row->op, exp, got, range_ok ? "ok" : "BAD",
		  pair_ok ? "ok" : "BAD",
		  event_ok && range_ok && pair_ok ? "pass" : "FAIL");
	if (!(event_ok && range_ok && pair_ok))
		failed++;
	else if (!verbose)
		return;
	for (k = 0; k < row->nexp; k++)
		printf("mnrt-detail   expected %s in %d range(s), covering %lx-%lx\n",
		       row->exp[k].event, row->exp[k].nallow,
		       row->exp[k].cover.start, row->exp[k].cover.end);
	for (i = 0; i < nrec; i++)
		printf("mnrt-detail   %c %s %c %x %lx-%lx\n", recs[i].kind,
		       recs[i].event, recs[i].blockable, recs[i].flags,
		       recs[i].start, recs[i].end);
	fflush(stdout);
}

/* One expected event over one range (allowed and covered). */
static void expect1(struct row *row, const char *event, unsigned long start,
		    unsigned long len)
{
	struct expect *x = &row->exp[row->nexp++];

	x->event = event;
	x->allow[0].start = x->cover.start = start;
	x->allow[0].end = x->cover.end = start + len;
	x->nallow = 1;
}

static char *area(unsigned long len, char fill)
{
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mnops: mmap");
		exit(1);
	}
	memset(p, fill, len);
	return p;
}

/* A 2 MB aligned anonymous range, not yet touched. */
static char *hpage_area(void)
{
	char *p = mmap(NULL, 2 * HPAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *h;

	if (p == MAP_FAILED) {
		perror("mnops: mmap");
		exit(1);
	}
	h = (char *)(((unsigned long)p + HPAGE - 1) & ~(HPAGE - 1));
	if (h > p)
		munmap(p, h - p);
	munmap(h + HPAGE, p + 2 * HPAGE - (h + HPAGE));
	return h;
}

static int put(const char *path, const char *val)
{
	int f = open(path, O_WRONLY);
	int ok;

	if (f < 0)
		return -1;
	ok = write(f, val, strlen(val)) == (ssize_t)strlen(val);
	close(f);
	return ok ? 0 : -1;
}

static long get(const char *path, const char *key)
{
	char line[256];
	long v = -1;
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, strlen(key))) {
			v = atol(line + strlen(key));
			break;
		}
	fclose(f);
	return v;
}

/* kB of anonymous huge pages mapped by this process */
static long thp_kb(void)
{
	return get("/proc/self/smaps_rollup", "AnonHugePages:");
}

static void op_munmap(void)
{
	struct row row = { .op = "munmap" };
	char *b = area(16 * pg, 1);

	drain();
	munmap(b + 4 * pg, 4 * pg);
	expect1(&row, "UNMAP", (unsigned long)b + 4 * pg, 4 * pg);
	check(&row);
	munmap(b, 16 * pg);
}

/* Grow 4 pages to 8 where the next 4 are mapped: the range must move. */
static void op_mremap(void)
{
	struct row row = { .op = "mremap move" };
	char *b = area(8 * pg, 1), *n;

	drain();
	n = mremap(b, 4 * pg, 8 * pg, MREMAP_MAYMOVE);
	if (n == MAP_FAILED || n == b)
		row.na = n == b ? "grown in place" : strerror(errno);
	expect1(&row, "UNMAP", (unsigned long)b, 4 * pg);
	check(&row);
	munmap(b + 4 * pg, 4 * pg);
	if (n != MAP_FAILED)
		munmap(n, 8 * pg);
}

static void op_mprotect(void)
{
	struct row row = { .op = "mprotect" };
	char *b = area(16 * pg, 1);

	drain();
	mprotect(b + 4 * pg, 4 * pg, PROT_READ);
	expect1(&row, "PROTECTION_VMA", (unsigned long)b + 4 * pg, 4 * pg);
	check(&row);
	munmap(b, 16 * pg);
}

static void op_madvise(const char *op, int advice)
{
	struct row row = { .op = op };
	char *b = area(16 * pg, 1);

	drain();
	if (madvise(b + 4 * pg, 4 * pg, advice))
		row.na = strerror(errno);
	expect1(&row, "CLEAR", (unsigned long)b + 4 * pg, 4 * pg);
	check(&row);
	munmap(b, 16 * pg);
}

/* Zap one page of a huge page: the pmd is split first. */
static void op_thp_split(void)
{
	struct row row = { .op = "THP split" };
	char *h = hpage_area();

	if (madvise(h, HPAGE, MADV_HUGEPAGE))
		row.na = "no transparent huge pages";
	h[0] = 1;
	if (!row.na && thp_kb() <= 0)
		row.na = "no huge page at fault";
	drain();
	if (!row.na)
		madvise(h + pg, pg, MADV_DONTNEED);
	expect1(&row, "CLEAR", (unsigned long)h, HPAGE);
	check(&row);
	munmap(h, HPAGE);
}

static void op_thp_collapse(void)
{
	struct row row = { .op = "THP collapse" };
	const char *k = "/sys/kernel/mm/transparent_hugepage/khugepaged/";
	char path[128];
	char *h = hpage_area();
	int i;

	snprintf(path, sizeof(path), "%sscan_sleep_millisecs", k);
	if (put(path, "10"))
		row.na = "no khugepaged";
	snprintf(path, sizeof(path), "%salloc_sleep_millisecs", k);
	put(path, "10");
	snprintf(path, sizeof(path), "%spages_to_scan", k);
	put(path, "4096");
	memset(h, 1, HPAGE);		/* small pages: THP is "madvise" */
	if (!row.na && thp_kb() != 0)
		row.na = "huge page at fault (THP not in madvise mode)";
	drain();
	if (!row.na && madvise(h, HPAGE, MADV_HUGEPAGE))
		row.na = "no transparent huge pages";
	for (i = 0; !row.na && i < 300 && thp_kb() <= 0; i++)
		usleep(100000);
	if (!row.na && i == 300)
		row.na = "khugepaged did not collapse within 30 s";
	expect1(&row, "CLEAR", (unsigned long)h, HPAGE);
	check(&row);
	munmap(h, HPAGE);
}

static void op_ksm(void)
{
	struct row row = { .op = "KSM merge" };
	const char *k = "/sys/kernel/mm/ksm/";
	char path[128];
	char *b = area(2 * pg, 'k');
	int i;

	snprintf(path, sizeof(path), "%ssleep_millisecs", k);
	put(path, "10");
	snprintf(path, sizeof(path), "%spages_to_scan", k);
	put(path, "1000");
	snprintf(path, sizeof(path), "%srun", k);
	if (put(path, "1"))
		row.na = "no KSM";
	snprintf(path, sizeof(path), "%spages_sharing", k);
	drain();
	if (!row.na && madvise(b, 2 * pg, MADV_MERGEABLE))
		row.na = "madvise(MADV_MERGEABLE) refused";
	for (i = 0; !row.na && i < 300 && get(path, "") <= 0; i++)
		usleep(100000);
	if (!row.na && i == 300)
		row.na = "ksmd did not merge within 30 s";
	expect1(&row, "CLEAR", (unsigned long)b, 2 * pg);
	check(&row);
	snprintf(path, sizeof(path), "%srun", k);
	put(path, "2");			/* unmerge, stop */
	munmap(b, 2 * pg);
}

static void op_soft_dirty(void)
{
	struct row row = { .op = "soft-dirty" };
	char *b = area(16 * pg, 1);

	drain();
	if (put("/proc/self/clear_refs", "4"))
		row.na = "no /proc/self/clear_refs";
	expect1(&row, "SOFT_DIRTY", 0, 0);
	row.exp[0].allow[0].end = ~0UL;	/* the whole address space */
	row.exp[0].cover.start = (unsigned long)b;
	row.exp[0].cover.end = (unsigned long)b + 16 * pg;
	check(&row);
	munmap(b, 16 * pg);
}

/* The mappings of this process, from /proc/self/maps. */
static int maps(struct range *r)
{
	char line[512];
	int n = 0;
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f)
		return 0;
	while (n < MAXRANGE && fgets(line, sizeof(line), f))
		if (sscanf(line, "%lx-%lx", &r[n].start, &r[n].end) == 2)
			n++;
	fclose(f);
	return n;
}

/*
 * fork() write-protects every private page of the parent (PROTECTION_PAGE
 * over whole mappings); while the child lives, the parent's writes copy the
 * page (CLEAR over that page): the written page of the buffer, and any
 * other page the parent writes on its way (stack, data).
 */
static void op_fork(void)
{
	struct row row = { .op = "fork+COW" };
	char *b = area(16 * pg, 1);
	int p[2], k;
	pid_t pid;
	char c;

	if (pipe(p)) {
		perror("mnops: pipe");
		exit(1);
	}
	for (k = 0; k < 2; k++) {
		row.exp[k].nallow = maps(row.exp[k].allow);
		row.exp[k].event = k ? "CLEAR" : "PROTECTION_PAGE";
	}
	row.nexp = 2;
	row.exp[0].cover.start = (unsigned long)b;
	row.exp[0].cover.end = (unsigned long)b + 16 * pg;
	row.exp[1].cover.start = (unsigned long)b + 5 * pg;
	row.exp[1].cover.end = (unsigned long)b + 6 * pg;
	fflush(stdout);
	drain();
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		if (read(p[0], &c, 1) < 0)
			_exit(1);
		_exit(0);
	}
	if (pid < 0)
		row.na = strerror(errno);
	*(volatile char *)(b + 5 * pg) = 2;
	check(&row);
	close(p[1]);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	munmap(b, 16 * pg);
}

/*
 * mndemo's counts on F: starts, ends, nonblocking, then flushes, changes and
 * young; 0 when unreadable
 */
static int demo_counts(int f, long *c)
{
	char line[160];
	ssize_t n = pread(f, line, sizeof(line) - 1, 0);

	if (n <= 0)
		return 0;
	line[n] = '\0';
	return sscanf(line, "starts %ld ends %ld nonblocking %ld flushes %ld "
		      "changes %ld young %ld", &c[0], &c[1], &c[2], &c[3], &c[4],
		      &c[5]) == 6;
}

/*
 * Page aging: the pages of a fresh mapping marked idle through
 * /sys/kernel/mm/page_idle/bitmap (CONFIG_IDLE_PAGE_TRACKING), which asks
 * every notifier of this mm whether its device used them (->clear_young).
 * Returns the pages marked, 0 without page_idle.
 */
static int op_idle(void)
{
	int n = 64, marked = 0, i, f, pm;
	char *b;

	f = open("/sys/kernel/mm/page_idle/bitmap", O_WRONLY);
	if (f < 0)
		return 0;
	pm = open("/proc/self/pagemap", O_RDONLY);
	b = mmap(NULL, n * pg, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pm < 0 || b == MAP_FAILED)
		goto out;
	/* more pages than a pagevec holds: most of them reach the LRU */
	for (i = 0; i < n; i++)
		b[i * pg] = 1;
	for (i = 0; i < n; i++) {
		uint64_t e, bit;
		off_t at = ((uintptr_t)b / pg + i) * sizeof(e);

		if (pread(pm, &e, sizeof(e), at) != sizeof(e) || !(e >> 63))
			continue;
		e &= (1ULL << 55) - 1;		/* the pfn */
		bit = 1ULL << (e % 64);
		marked += pwrite(f, &bit, sizeof(bit), e / 64 * 8) == 8;
	}
	munmap(b, n * pg);
out:
	if (pm >= 0)
		close(pm);
	close(f);
	return marked;
}

/*
 * The ported example driver saw what mnrec saw (C0: its counts when mnops
 * began); a second open shares the first one's notifier, one object per mm,
 * so it reads the same counts.  Its other callbacks were called too:
 * ->invalidate_range (->arch_invalidate_secondary_tlbs from 6.6) on the
 * invalidations, ->change_pte on the copies on write and KSM merges before
 * 6.10 (none from 6.10), ->clear_young on the IDLED pages marked idle.
 */
static void op_demo(const long *c0, int idled)
{
	char exp[64], got[64];
	long c[6], c2[6];
	int f2 = open("/dev/mndemo", O_RDONLY), ok, major, minor;
	struct utsname u;

	drain();
	ok = demo_counts(dfd, c);
	if (!demo_only) {
		snprintf(exp, sizeof(exp), "%ld/%ld/%ld", starts, ends,
			 nonblocking);
		snprintf(got, sizeof(got), "%ld/%ld/%ld", c[0] - c0[0],
			 c[1] - c0[1], c[2] - c0[2]);
		ok = ok && !strcmp(exp, got) && starts > 0;
		print_row("mndemo S/E/N", exp, ok ? got : "-", "-", "-",
			  ok ? "pass" : "FAIL");
		failed += !ok;
	}

	/* change_pte: none from 6.10 on; young: none without page_idle */
	strcpy(exp, "-");
	strcpy(got, "-");
	ok = demo_counts(dfd, c) && !uname(&u) &&
	     sscanf(u.release, "%d.%d", &major, &minor) == 2;
	if (ok) {
		int chg = major < 6 || (major == 6 && minor < 10);

		snprintf(exp, sizeof(exp), ">0/%s/%s", chg ? ">0" : "0",
			 idled ? ">0" : "-");
		snprintf(got, sizeof(got), "%ld/%ld/%ld", c[3] - c0[3],
			 c[4] - c0[4], c[5] - c0[5]);
		ok = c[3] > c0[3] && (c[4] > c0[4]) == chg &&
		     (!idled || c[5] > c0[5]);
	}
	print_row("mndemo F/C/Y", exp, got, "-", "-",
		  ok ? "pass" : "FAIL");
	failed += !ok;

	ok = f2 >= 0 && demo_counts(dfd, c) && demo_counts(f2, c2) &&
	     !memcmp(c, c2, sizeof(c));
	print_row("mndemo 2 opens", "one notifier", ok ? "one notifier" : "two",
		  "-", "-", ok ? "pass" : "FAIL");
	failed += !ok;
	if (f2 >= 0)
		close(f2);
}

/*
 * Without mnrec (a kernel before the event series, make demo): the
 * operation's starts and ends as mndemo counted them; at least one start,
 * each with its end.
 */
static void demo_row(const struct row *row)
{
	char got[64];
	long c[6], s = 0, e = 0;
	int ok = demo_counts(dfd, c);

	if (ok) {
		s = c[0] - dlast[0];
		e = c[1] - dlast[1];
	}
	snprintf(got, sizeof(got), "S/E %ld/%ld", s, e);
	ok = ok && s > 0 && s == e;
	print_row(row->op, "-", got, "-", ok ? "ok" : "bad",
		  ok ? "pass" : "FAIL");
	failed += !ok;
}

int main(int argc, char **argv)
{
	long c0[6];

	verbose = argc > 1 && !strcmp(argv[1], "-v");
	pg = sysconf(_SC_PAGESIZE);
	fd = open("/dev/mnrec", O_RDONLY | O_NONBLOCK);
	dfd = open("/dev/mndemo", O_RDONLY);
	if (fd < 0 && dfd < 0) {
		perror("mnops: /dev/mnrec");
		printf("mnrt-done failed=1 na=0\n");
		return 2;
	}
	demo_only = fd < 0;
	if (dfd >= 0 && !demo_counts(dfd, c0)) {
		perror("mnops: /dev/mndemo");
		printf("mnrt-done failed=1 na=0\n");
		return 2;
	}
	drain();
	starts = ends = nonblocking = 0;
	put("/sys/kernel/mm/transparent_hugepage/enabled", "madvise");
	print_row("operation", "expected", "received", "range", "pairing",
		  "result");
	op_munmap();
	op_mremap();
	op_mprotect();
	op_madvise("madvise DONTNEED", MADV_DONTNEED);
	op_madvise("madvise FREE", MADV_FREE);
	op_thp_split();
	op_thp_collapse();
	op_ksm();
	/* These two leave write-protected ptes behind: they come last. */
	op_soft_dirty();
	op_fork();
	if (dfd >= 0)
		op_demo(c0, op_idle());
	printf("mnrt-done failed=%d na=%d\n", failed, na);
	close(fd);
	close(dfd);
	return failed ? 1 : 0;
}
