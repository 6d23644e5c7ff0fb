/*
 * test/memory/canary.c — deliberate memory errors and undefined behaviour.
 *
 * `make check-memory` builds this with the module's sanitizer flags, calls
 * each function in its throwaway cluster before the suite, and fails unless
 * the server log shows the report each one must cause: the proof that a
 * report caused by the module would be seen.  Never part of the extension.
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(en_canary_heap_overflow);
PG_FUNCTION_INFO_V1(en_canary_use_after_free);
PG_FUNCTION_INFO_V1(en_canary_stack_overflow);
PG_FUNCTION_INFO_V1(en_canary_shift);

/*
 * Writes the byte after a palloc'd array of n bytes.  n must be a multiple
 * of 8 above the 8 kB chunk limit: such a chunk is a malloc'd block of its
 * own, which ends where the array does.  Small chunks share blocks, inside
 * which the sanitizer sees no boundary.
 */
Datum
en_canary_heap_overflow(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(0);
	char	   *volatile bytes = palloc0(n);

	bytes[n] = 1;
	PG_RETURN_INT32(bytes[0]);
}

/* Reads a palloc'd array of n bytes (above the chunk limit) after pfree */
Datum
en_canary_use_after_free(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(0);
	char	   *volatile bytes = palloc0(n);

	pfree(bytes);
	PG_RETURN_INT32(bytes[n / 2]);
}

/* Writes element i of a 16-byte array on the stack */
Datum
en_canary_stack_overflow(PG_FUNCTION_ARGS)
{
	int32		i = PG_GETARG_INT32(0);
	volatile char bytes[16] = {0};

	bytes[i] = 1;
	PG_RETURN_INT32(bytes[0]);
}

/* Shifts a 32-bit 1 left by n places (undefined from 32 on) */
Datum
en_canary_shift(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(0);

	PG_RETURN_INT32(1 << n);
}
