#!/usr/bin/env bash
# scale_out: the schema agrees with the README's scale-out plan ("Scale-out
# (Citus), on paper"): every relation has one Citus role there; distributed
# tables carry user_id NOT NULL and their foreign keys carry it on both sides
# (or point at a reference table); nothing else points at a distributed
# table; the unique keys without user_id and the statement triggers with
# transition tables are exactly those the plan lists.
set -u
. "$(dirname "$0")/lib.bash"
readme="$(dirname "$0")/../../README.md"
db=en_scale_out

fresh_db $db
q $db "CREATE EXTENSION expert_network" >/dev/null
ok $? "CREATE EXTENSION"

# the section, and its three tables as "name<TAB>cell" lines
section=$(awk '/^## Scale-out/ {on = 1; next} /^## / {on = 0} on' "$readme")
[ -n "$section" ]; ok $? "README has the scale-out section"
# rows of the table whose header line contains $1: the first cell's names
# (each `name` in it), each with the row's second cell
rows() {
  awk -v head="$1" -F '|' '
    index($0, head) && /^\|/ {on = 1; getline; next}
    on && !/^\|/ {on = 0}
    on {
      cell = $2; rest = $3
      while (match(cell, /`[^`]+`/)) {
        print substr(cell, RSTART + 1, RLENGTH - 2) "\t" rest
        cell = substr(cell, RSTART + RLENGTH)
      }
    }' <<<"$section"
}
roles=$(rows "| relation | Citus role |" | sed 's/\t *\([a-z]*\).*/\t\1/')
keys=$(rows "| unique key without" | cut -f1)
triggers=$(rows "| trigger function" | while IFS=$'\t' read -r fn tables; do
  grep -o '`[^`]*`' <<<"$tables" | tr -d '`' | sed "s/^/$fn /"; done | sort)

# the plan as a table of the database, then compared with the catalog
plan_sql="CREATE TABLE scale_plan (relation name PRIMARY KEY, role text NOT NULL);"
while IFS=$'\t' read -r rel role; do
  [ -n "$rel" ] && plan_sql+="INSERT INTO scale_plan VALUES ('$rel', '$role');"
done <<<"$roles"
q $db "$plan_sql" >/dev/null
ok $? "the plan's table of relations reads (one row per relation)"

is "$(q $db "SELECT string_agg(DISTINCT role, ' ' ORDER BY role) FROM scale_plan")" \
   "distributed local reference view" "the plan uses the four roles"

is "$(q $db "
  SELECT coalesce(string_agg(coalesce(c.relname, p.relation) || ': ' ||
         CASE WHEN c.relname IS NULL THEN 'in the plan, not in the schema' ELSE 'not in the plan' END, '; '), '')
    FROM (SELECT relname FROM pg_class
           WHERE relnamespace = 'expert_network'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'f')) c
    FULL JOIN scale_plan p ON p.relation = c.relname
   WHERE c.relname IS NULL OR p.relation IS NULL")" "" "every relation of the schema is in the plan, and only those"

is "$(q $db "
  SELECT coalesce(string_agg(p.relation, ', '), '') FROM scale_plan p
   WHERE (p.role = 'view') <> EXISTS (SELECT FROM pg_class c WHERE c.relname = p.relation
                                        AND c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'v')")" \
   "" "the plan's views are the schema's views"

is "$(q $db "
  SELECT coalesce(string_agg(p.relation, ', '), '') FROM scale_plan p
   WHERE p.role = 'distributed' AND NOT EXISTS (
         SELECT FROM pg_attribute a
          WHERE a.attrelid = ('expert_network.' || quote_ident(p.relation))::regclass
            AND a.attname = 'user_id' AND a.atttypid = 'text'::regtype AND a.attnotnull AND NOT a.attisdropped)")" \
   "" "every distributed table has user_id text NOT NULL"

# foreign keys: (table, role, target, target role, whether user_id is in the
# same position of both column lists)
fk_sql="
  SELECT c.conname, s.role AS from_role, t.role AS to_role,
         EXISTS (SELECT FROM generate_subscripts(c.conkey, 1) AS k
                  WHERE (SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = c.conkey[k]) = 'user_id'
                    AND (SELECT attname FROM pg_attribute WHERE attrelid = c.confrelid AND attnum = c.confkey[k]) = 'user_id')
           AS carries_user
    FROM pg_constraint c
    JOIN pg_class cs ON cs.oid = c.conrelid JOIN scale_plan s ON s.relation = cs.relname
    JOIN pg_class ct ON ct.oid = c.confrelid JOIN scale_plan t ON t.relation = ct.relname
   WHERE c.contype = 'f' AND c.connamespace = 'expert_network'::regnamespace"
is "$(q $db "SELECT coalesce(string_agg(conname, ', '), '') FROM ($fk_sql) f
              WHERE from_role = 'distributed' AND NOT (to_role = 'reference' OR (to_role = 'distributed' AND carries_user))")" \
   "" "every foreign key of a distributed table carries user_id on both sides, or points at a reference table"
is "$(q $db "SELECT coalesce(string_agg(conname, ', '), '') FROM ($fk_sql) f
              WHERE from_role <> 'distributed' AND to_role = 'distributed'")" \
   "" "no reference or local table points at a distributed table"
[ "$(q $db "SELECT count(*) FROM ($fk_sql) f WHERE from_role = 'distributed' AND carries_user")" -gt 20 ]
ok $? "the composite foreign keys were found (the check above is not vacuous)"

is "$(q $db "
  SELECT string_agg(x.relname COLLATE \"C\", ' ' ORDER BY x.relname COLLATE \"C\")
    FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
    JOIN pg_class c ON c.oid = i.indrelid JOIN scale_plan p ON p.relation = c.relname
   WHERE c.relnamespace = 'expert_network'::regnamespace AND p.role = 'distributed' AND i.indisunique
     AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'user_id'
                                                AND a.attnum = ANY (i.indkey))")" \
   "$(LC_ALL=C sort <<<"$keys" | tr '\n' ' ' | sed 's/ $//')" \
   "the unique keys without user_id are exactly those the plan lists"

is "$(q $db "
  SELECT string_agg(DISTINCT (p.proname || ' ' || c.relname) COLLATE \"C\", E'\n')
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
   WHERE c.relnamespace = 'expert_network'::regnamespace AND NOT t.tgisinternal
     AND (t.tgoldtable IS NOT NULL OR t.tgnewtable IS NOT NULL)")" \
   "$(LC_ALL=C sort <<<"$triggers")" \
   "the statement triggers with transition tables are exactly those the plan lists"

dropdb $db
done_testing
