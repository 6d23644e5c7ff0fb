/*
 * uuid_v7.c
 *	  Time-ordered UUIDs (version 7, RFC 9562) for the ids of rows written in
 *	  bulk and in time order: status_history.
 *
 * A random (version 4) key puts each new row at a random place in the
 * primary key's index, so a statement writing 100,000 history rows dirties
 * leaf pages all over it.  A version 7 id starts with the time, so new ids
 * go to the index's right edge, one page after another.
 *
 * Layout: 48 bits of Unix time in milliseconds, the version (7), 12 bits of
 * sub-millisecond time, the variant (0b10), 62 random bits.  Within one
 * backend the ids strictly increase: when the clock has not moved on (or
 * went back), the 60-bit time field is the previous one plus one.  Ids of
 * different backends interleave in time order, kept apart by the random
 * bits.
 *
 * The random bits come from the backend's PRNG (seeded from a strong source
 * when the process starts), not from pg_strong_random(): they keep ids of
 * different sessions apart, and need not be unguessable — a history id is
 * no secret.  Drawing 8 bytes from the operating system for every history
 * row cost more than the rest of this function many times over.
 */
#include "expert_network.h"

#include "common/pg_prng.h"
#include "datatype/timestamp.h"

PG_FUNCTION_INFO_V1(expert_network_uuid_v7);

/*
 * uuid_v7(): a new version 7 UUID.
 */
Datum
expert_network_uuid_v7(PG_FUNCTION_ARGS)
{
	/* milliseconds << 12 | sub-millisecond fraction, of the last id made */
	static uint64 last = 0;
	/* Unix time in microseconds, from PostgreSQL's clock */
	uint64		us = (uint64) (GetCurrentTimestamp() +
							   (int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * USECS_PER_DAY);
	uint64		stamp = ((us / 1000) << 12) | (((us % 1000) << 12) / 1000);
	uint64		bits = pg_prng_uint64(&pg_global_prng_state);
	pg_uuid_t  *uuid = palloc(UUID_LEN);

	if (stamp <= last)
		stamp = last + 1;
	last = stamp;

	/* 48 bits of milliseconds, big-endian */
	for (int i = 0; i < 6; i++)
		uuid->data[i] = (uint8) (stamp >> (12 + 8 * (5 - i)));
	/* version 7, then the 12 bits of fraction */
	uuid->data[6] = (uint8) (0x70 | ((stamp >> 8) & 0x0F));
	uuid->data[7] = (uint8) (stamp & 0xFF);
	/* variant 0b10, then 62 random bits */
	for (int i = 8; i < 16; i++)
		uuid->data[i] = (uint8) (bits >> (8 * (15 - i)));
	uuid->data[8] = (uint8) ((uuid->data[8] & 0x3F) | 0x80);

	PG_RETURN_UUID_P(uuid);
}
