-- test/ops/checksums.sql — every row of every table of the extension, as a
-- checksum per table: name | rows | md5 of the rows' text, sorted.  Run as a
-- superuser (row-level security would hide rows); equal lines before and
-- after an operation (pg_upgrade, replication) mean the same rows, byte for
-- byte as text.  Tables are found in the catalog, so a new table is covered
-- without editing this file.
SELECT c.relname,
       (pg_catalog.xpath('/row/n/text()', x.x))[1]::text AS rows,
       (pg_catalog.xpath('/row/md5/text()', x.x))[1]::text AS md5
  FROM pg_catalog.pg_class AS c
 CROSS JOIN LATERAL pg_catalog.query_to_xml(
         pg_catalog.format(
             'SELECT pg_catalog.count(*) AS n,'
             ' pg_catalog.md5(COALESCE(pg_catalog.string_agg(t::text, E''\n'' ORDER BY t::text COLLATE "C"), '''')) AS md5'
             ' FROM %s AS t', c.oid::pg_catalog.regclass),
         false, true, '') AS x(x)
 WHERE c.relnamespace = (SELECT e.extnamespace FROM pg_catalog.pg_extension AS e
                          WHERE e.extname = 'expert_network')
   AND c.relkind IN ('r', 'p')
 ORDER BY c.relname;
