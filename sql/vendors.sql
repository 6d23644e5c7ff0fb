-- vendors: the catalog ships with the real expert networks, with fixed ids
SELECT id, name, location, tags, is_active
FROM expert_network.vendor_platforms
ORDER BY id;

-- the pg_dump filter leaves out exactly the shipped rows
INSERT INTO expert_network.vendor_platforms (name, location) VALUES ('Boutique Experts Ltd', 'Dublin, Ireland');
SELECT format('SELECT name FROM expert_network.vendor_platforms %s ORDER BY name', c.cond) AS dumped_rows
FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(tab, cond)
WHERE e.extname = 'expert_network' AND c.tab = 'expert_network.vendor_platforms'::regclass
\gset
:dumped_rows;
DELETE FROM expert_network.vendor_platforms WHERE name = 'Boutique Experts Ltd';
