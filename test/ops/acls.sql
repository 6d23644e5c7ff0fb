-- test/ops/acls.sql — who may do what on the extension's objects, one line
-- per object: the schema's, relations' (tables, views, sequences), columns'
-- and functions' ACLs, the extension's initial privileges (pg_init_privs),
-- and the access levels recorded for roles.  Run as a superuser.
WITH ext AS (
    SELECT e.oid, e.extnamespace FROM pg_catalog.pg_extension AS e
     WHERE e.extname = 'expert_network'
)
SELECT line FROM (
    SELECT pg_catalog.format('schema %s acl=%s', n.nspname, n.nspacl) AS line
      FROM pg_catalog.pg_namespace AS n, ext WHERE n.oid = ext.extnamespace
  UNION ALL
    SELECT pg_catalog.format('relation %s acl=%s', c.relname, c.relacl)
      FROM pg_catalog.pg_class AS c, ext
     WHERE c.relnamespace = ext.extnamespace AND c.relkind NOT IN ('i', 'I')
  UNION ALL
    SELECT pg_catalog.format('column %s.%s acl=%s', c.relname, a.attname, a.attacl)
      FROM pg_catalog.pg_class AS c
      JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid, ext
     WHERE c.relnamespace = ext.extnamespace AND a.attacl IS NOT NULL
  UNION ALL
    SELECT pg_catalog.format('function %s acl=%s', p.oid::pg_catalog.regprocedure, p.proacl)
      FROM pg_catalog.pg_proc AS p, ext WHERE p.pronamespace = ext.extnamespace
  UNION ALL
    SELECT pg_catalog.format('initial %s type=%s acl=%s',
                             pg_catalog.pg_describe_object(i.classoid, i.objoid, i.objsubid),
                             i.privtype, i.initprivs)
      FROM pg_catalog.pg_init_privs AS i, pg_catalog.pg_depend AS d, ext
     WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
       AND d.refobjid = ext.oid AND d.deptype = 'e'
       AND d.classid = i.classoid AND d.objid = i.objoid
  UNION ALL
    SELECT pg_catalog.format('role %s super=%s bypassrls=%s login=%s', r.rolname,
                             r.rolsuper, r.rolbypassrls, r.rolcanlogin)
      FROM pg_catalog.pg_roles AS r
     WHERE r.rolname !~ '^pg_'
) AS facts
ORDER BY line COLLATE "C";
