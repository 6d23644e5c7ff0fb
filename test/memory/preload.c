/*
 * test/memory/preload.c — preloaded after libasan (LD_PRELOAD) into the
 * server of `make check-memory`, so that Debian's postgres, which is not
 * built with the sanitizers, starts and reports under them.
 *
 * swift_demangle: libasan, preloaded, initializes itself on the first
 * malloc, which library constructors make before libasan's own runs, some
 * of them inside glibc's locale and gettext locks (libgpg-error's
 * bindtextdomain, libp11-kit's newlocale).  Initializing, libasan looks up
 * an optional swift_demangle and clears the lookup's error with dlerror,
 * which translates the message through gettext, which takes and releases
 * those same locks: the lock held by the constructor is released under it,
 * and the process waits forever at its next use (postgres -V, or psql at
 * exit).  Defined here, the lookup succeeds and dlerror has nothing to
 * translate.  libasan calls it to demangle Swift names: there are none.
 *
 * __ubsan_default_options: libubsan comes in with the module and
 * initializes at its first report, in a backend.  It reads UBSAN_OPTIONS
 * from /proc/self/environ, which PostgreSQL has overwritten with the process
 * title by then; getenv still sees the environment the postmaster started
 * with.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

extern char *swift_demangle(const char *mangled, size_t length, char *buffer,
							size_t *buffer_size, uint32_t flags);
extern const char *__ubsan_default_options(void);

/* no Swift here: nothing to demangle */
char *
swift_demangle(const char *mangled, size_t length, char *buffer,
			   size_t *buffer_size, uint32_t flags)
{
	(void) mangled;
	(void) length;
	(void) buffer;
	(void) buffer_size;
	(void) flags;
	return NULL;
}

/* UBSan's options, from the environment the server started with */
const char *
__ubsan_default_options(void)
{
	const char *options = getenv("UBSAN_OPTIONS");

	return options != NULL ? options : "";
}
