/*
 * expert_network.c
 *	  Module entry point: registers the settings of every part, then reserves
 *	  the expert_network. prefix so that a misspelt setting is an error.
 */
#include "expert_network.h"

#include "fmgr.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	MarkGUCPrefixReserved(EN_GUC_PREFIX);
}
