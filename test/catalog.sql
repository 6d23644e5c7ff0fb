-- test/catalog.sql — describes the installed expert_network as sorted text
-- lines, one catalog fact a line.  Two databases whose lines are equal have
-- the same extension: the upgrade harness compares an old version updated
-- with ALTER EXTENSION against a fresh install of the latest version.
--
-- Covers: extension and config-dump registrations, members, the schema,
-- relations (kind, ACL, RLS, options, comments, view definitions), columns
-- (position, type, null, default, generation, ACL, comment), constraints,
-- indexes, triggers, policies, functions (signature, result, language,
-- volatility, strictness, security, parallel safety, config, ACL, body),
-- operators, operator classes and their families' members, types,
-- sequences, default and initial privileges.

-- names print qualified as seen from pg_catalog alone, whatever the caller's path
SET search_path = pg_catalog, pg_temp;

WITH ext AS (
    SELECT e.oid, e.extnamespace FROM pg_catalog.pg_extension e
    WHERE e.extname = 'expert_network'
),
rels AS (
    SELECT c.* FROM pg_catalog.pg_class c, ext WHERE c.relnamespace = ext.extnamespace
),
procs AS (
    SELECT p.* FROM pg_catalog.pg_proc p, ext WHERE p.pronamespace = ext.extnamespace
)
SELECT line FROM (
    SELECT pg_catalog.format('extension %s version=%s relocatable=%s owner=%s',
                             e.extname, e.extversion, e.extrelocatable,
                             pg_catalog.pg_get_userbyid(e.extowner)) AS line
    FROM pg_catalog.pg_extension e, ext WHERE e.oid = ext.oid
  UNION ALL
    SELECT pg_catalog.format('config-dump %s filter=%L', u.tab::pg_catalog.regclass, u.cond)
    FROM pg_catalog.pg_extension e, ext,
         LATERAL ROWS FROM (pg_catalog.unnest(e.extconfig), pg_catalog.unnest(e.extcondition)) AS u(tab, cond)
    WHERE e.oid = ext.oid
  UNION ALL
    SELECT 'member ' || pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid)
    FROM pg_catalog.pg_depend d, ext
    WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
      AND d.refobjid = ext.oid AND d.deptype = 'e'
  UNION ALL
    SELECT pg_catalog.format('schema %s owner=%s acl=%s comment=%L', n.nspname,
                             pg_catalog.pg_get_userbyid(n.nspowner), n.nspacl,
                             pg_catalog.obj_description(n.oid, 'pg_namespace'))
    FROM pg_catalog.pg_namespace n, ext WHERE n.oid = ext.extnamespace
  UNION ALL
    SELECT pg_catalog.format('relation %s kind=%s owner=%s acl=%s rls=%s force_rls=%s persistence=%s options=%s comment=%L view=%L',
                             c.relname, c.relkind, pg_catalog.pg_get_userbyid(c.relowner),
                             c.relacl, c.relrowsecurity, c.relforcerowsecurity,
                             c.relpersistence, c.reloptions,
                             pg_catalog.obj_description(c.oid, 'pg_class'),
                             CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid) END)
    FROM rels c WHERE c.relkind NOT IN ('i', 'I')
  UNION ALL
    SELECT pg_catalog.format('column %s.%s position=%s type=%s notnull=%s default=%L identity=%L generated=%L collation=%s acl=%s comment=%L',
                             c.relname, a.attname,
                             pg_catalog.row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum),
                             pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
                             pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,
                             a.attcollation::pg_catalog.regcollation, a.attacl,
                             pg_catalog.col_description(c.oid, a.attnum))
    FROM rels c
    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
  UNION ALL
    SELECT pg_catalog.format('constraint %s.%s %s validated=%s comment=%L',
                             c.relname, k.conname, pg_catalog.pg_get_constraintdef(k.oid),
                             k.convalidated, pg_catalog.obj_description(k.oid, 'pg_constraint'))
    FROM rels c JOIN pg_catalog.pg_constraint k ON k.conrelid = c.oid
  UNION ALL
    SELECT pg_catalog.format('index %s clustered=%s comment=%L', pg_catalog.pg_get_indexdef(i.indexrelid),
                             i.indisclustered, pg_catalog.obj_description(i.indexrelid, 'pg_class'))
    FROM rels c JOIN pg_catalog.pg_index i ON i.indrelid = c.oid
  UNION ALL
    SELECT pg_catalog.format('trigger %s enabled=%s comment=%L', pg_catalog.pg_get_triggerdef(t.oid),
                             t.tgenabled, pg_catalog.obj_description(t.oid, 'pg_trigger'))
    FROM rels c JOIN pg_catalog.pg_trigger t ON t.tgrelid = c.oid AND NOT t.tgisinternal
  UNION ALL
    SELECT pg_catalog.format('policy %s.%s permissive=%s roles=%s cmd=%s using=%L check=%L',
                             p.tablename, p.policyname, p.permissive, p.roles, p.cmd, p.qual, p.with_check)
    FROM pg_catalog.pg_policies p, ext
    WHERE p.schemaname = (SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = ext.extnamespace)
  UNION ALL
    SELECT pg_catalog.format('function %s kind=%s returns=%s lang=%s volatile=%s strict=%s secdef=%s leakproof=%s parallel=%s cost=%s rows=%s config=%s owner=%s acl=%s bin=%s src=%s comment=%L',
                             p.oid::pg_catalog.regprocedure, p.prokind,
                             pg_catalog.pg_get_function_result(p.oid), l.lanname,
                             p.provolatile, p.proisstrict, p.prosecdef, p.proleakproof,
                             p.proparallel, p.procost, p.prorows, p.proconfig,
                             pg_catalog.pg_get_userbyid(p.proowner), p.proacl, p.probin,
                             pg_catalog.md5(p.prosrc),
                             pg_catalog.obj_description(p.oid, 'pg_proc'))
    FROM procs p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
  UNION ALL
    SELECT pg_catalog.format('function-args %s %s', p.oid::pg_catalog.regprocedure,
                             pg_catalog.pg_get_function_arguments(p.oid))
    FROM procs p
  UNION ALL
    SELECT pg_catalog.format('operator %s result=%s function=%s commutator=%s negator=%s restrict=%s join=%s merges=%s hashes=%s owner=%s comment=%L',
                             o.oid::pg_catalog.regoperator, o.oprresult::pg_catalog.regtype,
                             o.oprcode::pg_catalog.regprocedure, o.oprcom::pg_catalog.regoperator,
                             o.oprnegate::pg_catalog.regoperator, o.oprrest, o.oprjoin,
                             o.oprcanmerge, o.oprcanhash, pg_catalog.pg_get_userbyid(o.oprowner),
                             pg_catalog.obj_description(o.oid, 'pg_operator'))
    FROM pg_catalog.pg_operator o, ext WHERE o.oprnamespace = ext.extnamespace
  UNION ALL
    SELECT pg_catalog.format('opclass %s method=%s type=%s default=%s storage=%s family=%s owner=%s comment=%L',
                             c.opcname, a.amname, c.opcintype::pg_catalog.regtype, c.opcdefault,
                             c.opckeytype::pg_catalog.regtype, f.opfname,
                             pg_catalog.pg_get_userbyid(c.opcowner),
                             pg_catalog.obj_description(c.oid, 'pg_opclass'))
    FROM pg_catalog.pg_opclass c
    JOIN pg_catalog.pg_am a ON a.oid = c.opcmethod
    JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily, ext
    WHERE c.opcnamespace = ext.extnamespace
  UNION ALL
    SELECT pg_catalog.format('opfamily %s operator %s strategy=%s types=%s,%s purpose=%s sortfamily=%s',
                             f.opfname, o.amopopr::pg_catalog.regoperator, o.amopstrategy,
                             o.amoplefttype::pg_catalog.regtype, o.amoprighttype::pg_catalog.regtype,
                             o.amoppurpose, o.amopsortfamily)
    FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_amop o ON o.amopfamily = f.oid, ext
    WHERE f.opfnamespace = ext.extnamespace
  UNION ALL
    SELECT pg_catalog.format('opfamily %s function %s types=%s,%s %s', f.opfname, p.amprocnum,
                             p.amproclefttype::pg_catalog.regtype, p.amprocrighttype::pg_catalog.regtype,
                             p.amproc::pg_catalog.regprocedure)
    FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_amproc p ON p.amprocfamily = f.oid, ext
    WHERE f.opfnamespace = ext.extnamespace
  UNION ALL
    SELECT pg_catalog.format('type %s type=%s owner=%s acl=%s default=%L notnull=%s comment=%L',
                             t.typname, t.typtype, pg_catalog.pg_get_userbyid(t.typowner), t.typacl,
                             t.typdefault, t.typnotnull, pg_catalog.obj_description(t.oid, 'pg_type'))
    FROM pg_catalog.pg_type t, ext
    WHERE t.typnamespace = ext.extnamespace
      AND t.typelem = 0                         -- not an array type
      AND (t.typrelid = 0 OR t.typtype = 'c' AND
           (SELECT r.relkind FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid) = 'c')
  UNION ALL
    SELECT pg_catalog.format('enum %s %s %s', t.typname, e.enumsortorder, e.enumlabel)
    FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid, ext
    WHERE t.typnamespace = ext.extnamespace
  UNION ALL
    SELECT pg_catalog.format('sequence %s type=%s start=%s inc=%s min=%s max=%s cache=%s cycle=%s',
                             c.relname, s.seqtypid::pg_catalog.regtype, s.seqstart, s.seqincrement,
                             s.seqmin, s.seqmax, s.seqcache, s.seqcycle)
    FROM rels c JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
  UNION ALL
    SELECT pg_catalog.format('default-acl role=%s type=%s acl=%s',
                             pg_catalog.pg_get_userbyid(d.defaclrole), d.defaclobjtype, d.defaclacl)
    FROM pg_catalog.pg_default_acl d, ext WHERE d.defaclnamespace = ext.extnamespace
  UNION ALL
    SELECT pg_catalog.format('init-priv %s type=%s acl=%s',
                             pg_catalog.pg_describe_object(i.classoid, i.objoid, i.objsubid),
                             i.privtype, i.initprivs)
    FROM pg_catalog.pg_init_privs i
    JOIN pg_catalog.pg_depend d ON d.classid = i.classoid AND d.objid = i.objoid AND d.deptype = 'e', ext
    WHERE d.refobjid = ext.oid
) facts
ORDER BY line COLLATE "C";
