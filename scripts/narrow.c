// SPDX-License-Identifier: GPL-2.0-only
/*
 * scripts/narrow.c - show a semantic patch only the functions it can reach.
 *
 *   narrow [-c] REGEX IN OUT	write IN to OUT, each function definition
 *				the rule cannot reach replaced, line for
 *				line, by a marker comment naming the line
 *   narrow -r ORIG NARROWED FILE
 *				put ORIG's lines back in FILE (the rule's
 *				output from NARROWED) in place of the
 *				markers; exit 1, FILE untouched, if they are
 *				not NARROWED's markers in the same order (the
 *				rule touched what it was not shown: the
 *				caller runs it on the whole file)
 *
 * spatch tries every rule on every top-level element of a file, at a cost
 * for each (rule environment, element) pair even when the element cannot
 * match; a candidate file of mm/ has hundreds of functions of which a
 * handful invalidate anything.  A function is reachable when its text
 * matches REGEX (POSIX ERE); with -c also when a reachable element reaches
 * it: a function that one calls, a variable one names or that names a
 * reachable function (the ops of a page walk), a function that uses a
 * reachable variable.  Declarations, macros and every other element that
 * is not a function definition are kept.  Lines keep their numbers, so
 * what the rule prints about the narrowed file holds for the original.
 * Functions cut next to each other make one block of markers, which ends
 * with a declaration: spatch removes the comments before a function it
 * removes, up to the code before them.
 *
 * A file whose braces cannot be followed through its preprocessor
 * conditionals (a branch that opens a brace the other does not) is copied
 * unchanged, and so is a function that shares a line with another
 * element or holds half of a conditional.
 */
#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARK "/*MNS_NARROWED "
/* ends a block of markers (see above) */
#define SEP " struct mns_narrowed;"

static void die(const char *s)
{
	fprintf(stderr, "narrow: %s\n", s);
	exit(2);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL;
	size_t n = 0, cap = 0, r;

	if (!f) {
		perror(path);
		exit(2);
	}
	do {
		if (cap - n < 65536)
			b = xrealloc(b, cap = 2 * cap + 65536);
		r = fread(b + n, 1, cap - n - 1, f);
		n += r;
	} while (r);
	fclose(f);
	b[n] = 0;
	*len = n;
	return b;
}

/* A token the segmentation needs: an identifier or one punctuator. */
struct tok {
	size_t at, len;
	int dir;	/* 0 code, else a directive line (see lex()) */
};

/* A top-level element: tokens [t0, t1]. */
struct item {
	int t0, t1, fn, reach;
	size_t name, namelen;	/* function or variable it defines */
};

static char *src;
static size_t srclen;
static struct tok *toks;
static int ntoks;

static void add_tok(size_t at, size_t len, int dir)
{
	static int cap;

	if (ntoks == cap)
		toks = xrealloc(toks, (cap = 2 * cap + 1024) * sizeof(*toks));
	toks[ntoks].at = at;
	toks[ntoks].len = len;
	toks[ntoks++].dir = dir;
}

static int isid(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static int is(int t, char c)
{
	return toks[t].len == 1 && src[toks[t].at] == c && !toks[t].dir;
}

static int ident(int t)
{
	return !toks[t].dir && (isalpha((unsigned char)src[toks[t].at]) || src[toks[t].at] == '_');
}

/* Identifiers and the punctuators { } ( ) [ ] ; = ,; comments, literals
 * and numbers skipped; a preprocessor line is one token (dir 1 #if*, 2
 * #else or #elif, 3 #endif, -1 any other), followed by its identifiers
 * (dir -2).
 */
static void lex(void)
{
	size_t i = 0;
	int bol = 1;

	while (i < srclen) {
		char c = src[i];

		if (c == '\n') {
			bol = 1;
			i++;
		} else if (isspace((unsigned char)c)) {
			i++;
		} else if (c == '/' && src[i + 1] == '*') {
			char *e = strstr(src + i + 2, "*/");

			i = e ? (size_t)(e - src) + 2 : srclen;
		} else if (c == '/' && src[i + 1] == '/') {
			while (i < srclen && src[i] != '\n')
				i++;
		} else if (c == '"' || c == '\'') {
			for (i++; i < srclen && src[i] != c && src[i] != '\n'; i++)
				if (src[i] == '\\')
					i++;
			i++;
			bol = 0;
		} else if (c == '#' && bol) {
			size_t s = i, w;
			int dir = 0;

			for (i++; i < srclen && (src[i] == ' ' || src[i] == '\t'); i++)
				;
			for (w = i; isid(src[w]); w++)
				;
			if (!strncmp(src + i, "if", 2))
				dir = 1;
			else if (w - i == 4 &&
				 (!strncmp(src + i, "else", 4) || !strncmp(src + i, "elif", 4)))
				dir = 2;
			else if (w - i == 5 && !strncmp(src + i, "endif", 5))
				dir = 3;
			add_tok(s, 1, dir ? dir : -1);
			/* the directive's identifiers, to the end of its logical line */
			while (i < srclen && src[i] != '\n') {
				if (src[i] == '\\' && src[i + 1] == '\n') {
					i += 2;
				} else if (src[i] == '/' && src[i + 1] == '*') {
					char *e = strstr(src + i + 2, "*/");

					i = e ? (size_t)(e - src) + 2 : srclen;
				} else if (isalpha((unsigned char)src[i]) || src[i] == '_') {
					for (w = i; isid(src[w]); w++)
						;
					add_tok(i, w - i, -2);
					i = w;
				} else {
					i++;
				}
			}
		} else if (isalpha((unsigned char)c) || c == '_') {
			size_t s = i;

			while (isid(src[i]))
				i++;
			add_tok(s, i - s, 0);
			bol = 0;
		} else if (isdigit((unsigned char)c)) {
			while (isid(src[i]) || src[i] == '.')
				i++;
			bol = 0;
		} else {
			if (strchr("{}()[];=,", c))
				add_tok(i, 1, 0);
			i++;
			bol = 0;
		}
	}
}

/* A set of identifiers (spans of src), open addressing. */
struct set {
	struct ent {
		size_t at, len;
	} *e;
	size_t cap, n;
};

static unsigned long hash(size_t at, size_t len)
{
	unsigned long h = 5381;

	while (len--)
		h = h * 33 + (unsigned char)src[at++];
	return h;
}

static int set_has(struct set *s, size_t at, size_t len)
{
	size_t i;

	if (!s->cap)
		return 0;
	for (i = hash(at, len) & (s->cap - 1); s->e[i].len; i = (i + 1) & (s->cap - 1))
		if (s->e[i].len == len && !memcmp(src + s->e[i].at, src + at, len))
			return 1;
	return 0;
}

static void set_add(struct set *s, size_t at, size_t len)
{
	size_t i;

	if (set_has(s, at, len))
		return;
	if (2 * (s->n + 1) > s->cap) {
		struct set old = *s;

		s->cap = s->cap ? 2 * s->cap : 1024;
		s->e = calloc(s->cap, sizeof(*s->e));
		if (!s->e)
			die("out of memory");
		s->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.e[i].len)
				set_add(s, old.e[i].at, old.e[i].len);
		free(old.e);
	}
	for (i = hash(at, len) & (s->cap - 1); s->e[i].len; i = (i + 1) & (s->cap - 1))
		;
	s->e[i].at = at;
	s->e[i].len = len;
	s->n++;
}

static size_t line_start(size_t at)
{
	while (at && src[at - 1] != '\n')
		at--;
	return at;
}

static size_t line_end(size_t at)
{
	while (at < srclen && src[at] != '\n')
		at++;
	return at;
}

static int blank(size_t from, size_t to)
{
	for (; from < to; from++)
		if (!isspace((unsigned char)src[from]))
			return 0;
	return 1;
}

/* The elements of the file; 0 when its braces cannot be followed. */
static int segment(struct item **items, int *nitems)
{
	int depth = 0, paren = 0, t, start = -1, cap = 0, n = 0;
	int cstack[64], cparen[64], cend[64], nc = 0;
	struct item *it = NULL;

	for (t = 0; t < ntoks; t++) {
		if (toks[t].dir > 0) {
			/* each branch of a conditional must leave the braces as
			 * the first one did
			 */
			if (toks[t].dir == 1) {
				if (nc == 64)
					return 0;
				cstack[nc] = depth;
				cparen[nc] = paren;
				cend[nc++] = -1;
			} else if (nc == 0) {
				return 0;
			} else {
				if (cend[nc - 1] == -1)
					cend[nc - 1] = depth;
				else if (cend[nc - 1] != depth)
					return 0;
				if (toks[t].dir == 2) {
					depth = cstack[nc - 1];
					paren = cparen[nc - 1];
				} else {
					nc--;
				}
			}
		}
		if (depth == 0 && paren == 0 && toks[t].dir) {
			/* a directive line between elements is an element */
			if (start < 0) {
				int e = t;

				while (e + 1 < ntoks && toks[e + 1].dir == -2)
					e++;
				if (n == cap)
					it = xrealloc(it, (cap = 2 * cap + 64) * sizeof(*it));
				it[n++] = (struct item){ t, e, 0, 0, 0, 0 };
				t = e;
			}
			continue;
		}
		if (toks[t].dir)
			continue;
		if (start < 0)
			start = t;
		if (is(t, '(') || is(t, '[')) {
			paren++;
		} else if (is(t, ')') || is(t, ']')) {
			paren--;
		} else if (is(t, '{')) {
			if (depth == 0 && paren == 0 && t > start && is(t - 1, ')')) {
				/* a function definition: its body ends the element */
				int d = 1, u = t + 1;

				for (; u < ntoks && d; u++) {
					if (toks[u].dir)
						continue;
					d += is(u, '{') - is(u, '}');
				}
				if (d)
					return 0;
				/* conditionals inside the body are checked below,
				 * when the function is cut
				 */
				if (n == cap)
					it = xrealloc(it, (cap = 2 * cap + 64) * sizeof(*it));
				it[n++] = (struct item){ start, u - 1, 1, 0, 0, 0 };
				start = -1;
				t = u - 1;
				continue;
			}
			depth++;
		} else if (is(t, '}')) {
			depth--;
		} else if (is(t, ';') && depth == 0 && paren == 0) {
			if (n == cap)
				it = xrealloc(it, (cap = 2 * cap + 64) * sizeof(*it));
			it[n++] = (struct item){ start, t, 0, 0, 0, 0 };
			start = -1;
		}
		if (depth < 0 || paren < 0)
			return 0;
	}
	if (depth || paren || nc || start >= 0)
		return 0;
	*items = it;
	*nitems = n;
	return 1;
}

/* What an element defines: a function's name (the identifier before its
 * first parenthesis), a variable's (the identifier before its first =, [
 * or ;, at the element's own level, or the first argument of a macro that
 * defines one: [static] DEFINE_HASHTABLE(name, bits);).
 */
static void name_of(struct item *e)
{
	int t = e->t0, d = 0;

	if (!e->fn && t + 4 <= e->t1 && ident(t) && toks[t].len == 6 &&
	    !strncmp(src + toks[t].at, "static", 6))
		t++;
	if (!e->fn && t + 3 <= e->t1 && ident(t) && is(t + 1, '(') && ident(t + 2) &&
	    (is(t + 3, ',') || is(t + 3, ')'))) {
		e->name = toks[t + 2].at;
		e->namelen = toks[t + 2].len;
		return;
	}

	for (t = e->t0; t <= e->t1; t++) {
		if (toks[t].dir)
			continue;
		if (d == 0 && t > e->t0 && ident(t - 1) &&
		    (is(t, '(') ? e->fn : (is(t, '=') || is(t, '[') || is(t, ';') || is(t, ',')))) {
			e->name = toks[t - 1].at;
			e->namelen = toks[t - 1].len;
			return;
		}
		d += is(t, '(') + is(t, '{') - is(t, ')') - is(t, '}');
	}
}

/* The identifiers the reachable elements name; the reachable functions and
 * variables.
 */
static struct set named, fns, vars, defs;

static void reach(struct item *e)
{
	int t;

	e->reach = 1;
	if (e->fn && e->namelen)
		set_add(&fns, e->name, e->namelen);
	else if (e->namelen && !set_has(&defs, e->name, e->namelen))
		set_add(&vars, e->name, e->namelen);
	for (t = e->t0; t <= e->t1; t++)
		if (ident(t) || toks[t].dir == -2)
			set_add(&named, toks[t].at, toks[t].len);
}

/* Reachable from what is reached: a function or variable it names, a
 * variable that names a reachable function (the ops of a page walk), a
 * function that uses a reachable variable (a table of the objects).
 */
static int reachable(struct item *e)
{
	int t;

	if (e->namelen && set_has(&named, e->name, e->namelen))
		return 1;
	for (t = e->t0; t <= e->t1; t++)
		if (ident(t) && set_has(e->fn ? &vars : &fns, toks[t].at, toks[t].len))
			return 1;
	return 0;
}

/* Lines [*l0, *l1) of a function to cut, 0 when it shares a line or holds
 * half of a conditional.
 */
static int span(struct item *e, size_t *l0, size_t *l1)
{
	size_t a = toks[e->t0].at, b = toks[e->t1].at + 1;
	int t, c = 0;

	if (!blank(line_start(a), a) || !blank(b, line_end(b)))
		return 0;
	for (t = e->t0; t <= e->t1; t++) {
		if (toks[t].dir == 1)
			c++;
		else if (toks[t].dir == 3 && --c < 0)
			return 0;
	}
	if (c)
		return 0;
	*l0 = line_start(a);
	*l1 = line_end(b);
	return 1;
}

/* A function to cut: not reachable, alone on its lines */
static int cuttable(struct item *e, size_t *l0, size_t *l1)
{
	return !e->reach && e->fn && span(e, l0, l1);
}

static void narrow(const char *re, const char *out, int closure)
{
	struct item *items;
	int n, i, changed;
	regex_t rx;
	FILE *f;
	size_t at, l0, l1, m0, line = 1;

	if (regcomp(&rx, re, REG_EXTENDED | REG_NOSUB))
		die("bad regular expression");
	lex();
	f = fopen(out, "wb");
	if (!f) {
		perror(out);
		exit(2);
	}
	if (!segment(&items, &n)) {
		fwrite(src, 1, srclen, f);
		fclose(f);
		return;
	}
	for (i = 0; i < n; i++) {
		name_of(&items[i]);
		if (items[i].fn && items[i].namelen)
			set_add(&defs, items[i].name, items[i].namelen);
	}
	for (i = 0; i < n; i++) {
		size_t a = toks[items[i].t0].at, b = toks[items[i].t1].at + toks[items[i].t1].len;
		char c = src[b];

		src[b] = 0;
		if (!regexec(&rx, src + a, 0, NULL, 0))
			reach(&items[i]);
		src[b] = c;
	}
	while (closure) {
		changed = 0;
		for (i = 0; i < n; i++)
			if (!items[i].reach && reachable(&items[i])) {
				reach(&items[i]);
				changed = 1;
			}
		if (!changed)
			break;
	}

	at = 0;
	for (i = 0; i < n; i++) {
		if (!cuttable(&items[i], &l0, &l1))
			continue;
		/* functions cut next to each other are one block */
		while (i + 1 < n && cuttable(&items[i + 1], &m0, &l1))
			i++;
		for (; at < l0; at++) {
			fputc(src[at], f);
			line += src[at] == '\n';
		}
		for (; at < l1; at++) {
			if (at == line_start(at))
				fprintf(f, MARK "%zu*/", line);
			line += src[at] == '\n';
			if (src[at] == '\n')
				fputc('\n', f);
		}
		fputs(SEP, f);
	}
	fwrite(src + at, 1, srclen - at, f);
	if (fclose(f))
		die("write error");
}

/* The line numbers of the markers of S, in order; *n of them. */
static unsigned long *marks(char *s, size_t *n)
{
	size_t ml = strlen(MARK);
	unsigned long *m = NULL;
	char *p, *e;

	*n = 0;
	for (p = s; (p = strstr(p, MARK)); p = e) {
		m = xrealloc(m, (*n + 1) * sizeof(*m));
		m[(*n)++] = strtoul(p + ml, &e, 10);
		/* a marker is a whole line */
		if ((p != s && p[-1] != '\n') ||
		    (strncmp(e, "*/\n", 3) && strncmp(e, "*/" SEP "\n", 3 + strlen(SEP))))
			m[*n - 1] = 0;
	}
	return m;
}

/* FILE, the rule's output from NARROWED, with ORIG's lines in place of the
 * markers.  1 when FILE does not have NARROWED's markers, each a line, in
 * the same order: FILE is then left as it is.
 */
static int restore(const char *orig, const char *narrowed, const char *file)
{
	size_t olen, nlen, flen, nm, fm, i, *lines = NULL, nlines = 0;
	char *o = slurp(orig, &olen), *s = slurp(file, &flen), *p, *e;
	unsigned long *want = marks(slurp(narrowed, &nlen), &nm), *got = marks(s, &fm);
	FILE *f;

	for (i = 0; i < olen; i++)
		nlines += o[i] == '\n';
	lines = xrealloc(NULL, (nlines + 2) * sizeof(*lines));
	for (nlines = 0, i = 0; i <= olen; i++)
		if (i == 0 || o[i - 1] == '\n')
			lines[nlines++] = i;
	if (nm != fm)
		return 1;
	for (i = 0; i < nm; i++)
		if (got[i] != want[i] || !got[i] || got[i] >= nlines)
			return 1;
	if (!nm)
		return 0;
	f = fopen(file, "wb");
	if (!f) {
		perror(file);
		exit(2);
	}
	for (p = s; (e = strstr(p, MARK)); p = strchr(e, '\n') + 1) {
		unsigned long l = strtoul(e + strlen(MARK), NULL, 10);

		fwrite(p, 1, e - p, f);
		fwrite(o + lines[l - 1], 1, lines[l] - lines[l - 1], f);
	}
	fwrite(p, 1, s + flen - p, f);
	if (fclose(f))
		die("write error");
	return 0;
}

int main(int argc, char **argv)
{
	int closure = argc == 5 && !strcmp(argv[1], "-c");

	if (argc == 5 && !strcmp(argv[1], "-r"))
		return restore(argv[2], argv[3], argv[4]);
	if (argc != 4 + closure || argv[1 + closure][0] == '-')
		die("usage: narrow [-c] REGEX IN OUT | narrow -r ORIG NARROWED FILE");
	src = slurp(argv[2 + closure], &srclen);
	narrow(argv[1 + closure], argv[3 + closure], closure);
	return 0;
}
