#!/usr/bin/env bash
# orm: the schema as an ORM's introspection reads it (issue 17, 0.15.0).
# drizzle-kit pull (examples/node/drizzle/drizzle.config.ts, versions pinned
# by examples/node/package-lock.json) of a fresh install:
#   - as the cluster's superuser: TypeScript that compiles (tsc), with the
#     enum types (the six statuses; 0.16.0: the gates' rules and decisions),
#     every primary key, unique constraint and foreign key the catalog has,
#     no default written as code, and the lines of the schema.ts and
#     relations.ts shipped in examples/node/drizzle, in whatever order the
#     pull writes its tables (so the shipped files are the current schema); typed.ts, compiled with it,
#     must fail to compile where it says so (a status outside its set);
#   - as an application role: TypeScript that compiles too, with the enums
#     and foreign keys (information_schema shows the primary and unique keys
#     of a table only to its owner: the README says to use the shipped
#     schema or a superuser's pull).
# Skipped, saying so, without node and npm.
set -u
. "$(dirname "$0")/lib.bash"
examples=$(cd "$(dirname "$0")/../../examples" && pwd)
db=en_orm
role=en_orm_app
pw=orm

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "ok 1 # SKIP drizzle-kit pull: node or npm is not installed"
  echo "1..1"
  exit 0
fi

app_db $db $role $pw

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/drizzle"
cp "$examples"/node/package.json "$examples"/node/package-lock.json "$work"/
cp "$examples"/node/drizzle/drizzle.config.ts "$examples"/node/drizzle/tsconfig.json \
   "$examples"/node/drizzle/typed.ts "$work/drizzle/"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >npm.log 2>&1)
ok $? "npm ci: drizzle-kit, drizzle-orm and typescript as examples/node/package-lock.json pins them" ||
  sed 's/^/# /' "$work/npm.log"

# url USER PASSWORD: the database's address for node-postgres
url() {
  USER_=$1 PASS_=$2 DB_=$db node -e '
    const e = encodeURIComponent, env = process.env;
    const host = env.PGHOST || "localhost";
    const at = host.startsWith("/") ? "localhost" : host;
    const q = host.startsWith("/") ? "?host=" + e(host) + "&port=" + (env.PGPORT || 5432) : "";
    const port = host.startsWith("/") ? "" : ":" + (env.PGPORT || 5432);
    console.log("postgresql://" + e(env.USER_) + ":" + e(env.PASS_) + "@" + at + port + "/" + e(env.DB_) + q);'
}

# pull NAME URL: drizzle-kit pull into $work/NAME, then tsc over it and typed.ts
pull() {
  local name=$1 out
  out=$(cd "$work" && OUT="./$name" DATABASE_URL=$2 npx drizzle-kit pull --config drizzle/drizzle.config.ts 2>&1)
  ok $? "$name: drizzle-kit pull" || printf '%s\n' "$out" | tail -20 | sed 's/^/# /'
  cp "$work/drizzle/tsconfig.json" "$work/drizzle/typed.ts" "$work/$name/"
  out=$(cd "$work" && npx tsc -p "$name" 2>&1)
  ok $? "$name: the pulled schema.ts and relations.ts compile with typed.ts (tsc --strict)" ||
    printf '%s\n' "$out" | head -20 | sed 's/^/# /'
}

count() { grep -c -- "$1" "$2" || true; }

# what the catalog has, access_levels aside (left out by the config)
keys() {
  q $db "SELECT pg_catalog.count(*) FROM pg_catalog.pg_constraint AS k
          WHERE k.connamespace = 'expert_network'::pg_catalog.regnamespace AND k.contype = '$1'
            AND k.conrelid <> 'expert_network.access_levels'::pg_catalog.regclass"
}
enums=$(q $db "SELECT pg_catalog.count(*) FROM pg_catalog.pg_type
                WHERE typnamespace = 'expert_network'::pg_catalog.regnamespace AND typtype = 'e'")
tables=$(q $db "SELECT pg_catalog.count(*) FROM pg_catalog.pg_class
                 WHERE relnamespace = 'expert_network'::pg_catalog.regnamespace AND relkind = 'r'
                   AND relname <> 'access_levels'")

# as the superuser the suite runs as
pull super "$(url "$PGUSER" "${PGPASSWORD:-}")"
s=$work/super/schema.ts
is "$enums" 8 "the schema has eight enum types (0.16.0: the six statuses, the gates' rules and decisions)"
is "$(count '\.enum("' "$s")" "$enums" "super: every enum type is a pgEnum"
is "$(count '\.table("' "$s")" "$tables" "super: every table but access_levels"
is "$(($(count 'primaryKey()' "$s") + $(count '	primaryKey({' "$s")))" "$(keys p)" "super: every primary key"
is "$(count '	unique(' "$s")" "$(keys u)" "super: every unique constraint"
is "$(count '	foreignKey({' "$s")" "$(keys f)" "super: every foreign key"
is "$(grep -cE '\.default\((expert_network|CURRENT_USER)|\.default\(\[|unknown\(' "$s")" 0 \
   "super: no default written as code, no array default, no column of an unknown type"
owned=$(q $db "SELECT pg_catalog.count(*) FROM pg_catalog.pg_attribute AS a JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid
                WHERE c.relnamespace = 'expert_network'::pg_catalog.regnamespace AND c.relkind = 'r'
                  AND a.attname = 'user_id' AND NOT a.attisdropped")
is "$(count 'userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`)' "$s")" \
   "$owned" "super: every user_id ($owned) has its default as sql\`\`, so an insert may leave it out"
# drizzle-kit writes the tables in the order its catalog queries return
# them, with no ORDER BY: pg_class's physical order, which a GRANT (a new
# row version, here grant_access()) changes, and where the new versions
# land depends on the space vacuum has freed by then.  So the files are
# compared line by line, in an order of their own (each import's names
# sorted, each block's lines sorted, the blocks sorted)
canonical() {
  node -e '
    const text = require("fs").readFileSync(process.argv[1], "utf8");
    const blocks = text.split(/\n\s*\n/).map((block) => block.split("\n")
      .map((line) => line.replace(/^(import \{ )(.*)( \} from .*)$/,
        (all, head, names, tail) => head + names.split(", ").sort().join(", ") + tail))
      .filter((line) => line.trim() !== "").sort().join("\n"));
    console.log(blocks.filter((block) => block !== "").sort().join("\n\n"));' "$1"
}
for f in schema relations; do
  canonical "$examples/node/drizzle/$f.ts" >"$work/$f.shipped"
  canonical "$work/super/$f.ts" >"$work/$f.pulled"
done
diff -u "$work/schema.shipped" "$work/schema.pulled" >"$work/schema.diff"
ok $? "super: the pull is examples/node/drizzle/schema.ts as shipped, in any order (npm run pull regenerates it)" ||
  head -20 "$work/schema.diff" | sed 's/^/# /'
diff -u "$work/relations.shipped" "$work/relations.pulled" >"$work/relations.diff"
ok $? "super: and relations.ts" || head -20 "$work/relations.diff" | sed 's/^/# /'

# typed.ts can fail: without its @ts-expect-error lines, tsc refuses the
# status outside its set
sed -i '/@ts-expect-error/d' "$work/super/typed.ts"
out=$(cd "$work" && npx tsc -p super 2>&1)
ok $((! $?)) "super: a status outside its set does not compile (TS2322/TS2820)"
is "$(printf '%s\n' "$out" | grep -cE 'TS2322|TS2820')" 2 "super: both, the typo and the other entity's status"

# as the application role
pull app "$(url $role $pw)"
a=$work/app/schema.ts
is "$(count '\.enum("' "$a")" "$enums" "app: every enum type"
is "$(count '	foreignKey({' "$a")" "$(keys f)" "app: every foreign key"
echo "# app: $(($(count 'primaryKey()' "$a") + $(count '	primaryKey({' "$a"))) of $(keys p) primary keys, $(count '	unique(' "$a") of $(keys u) unique constraints (information_schema shows them to the tables' owner only)"

dropdb $db
q postgres "DROP ROLE $role" >/dev/null
done_testing
