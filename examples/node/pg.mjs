// examples/node/pg.mjs — expert_network from node-postgres: the identity of
// each transaction, a workflow change, the interview lifecycle API and the
// errors the database raises.  The same steps as examples/python/app.py,
// with the same output (examples/expected.txt); run by test/t/clients.sh.
//
// Connects with the usual PG* environment variables, as a role that
// expert_network.grant_access(role, 'app') gave the app level.
import pg from 'pg';

const pool = new pg.Pool({ max: 2 });

// Run fn(client) in one transaction acting for one application user: the
// identity is set with set_config(..., true), so it ends with the
// transaction and a pooled connection never carries it to the next request.
async function asUser(userId, fn) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('expert_network.user_id', $1, true)", [userId]);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

// What an error from the database says: SQLSTATE, message, and the fields a
// client maps to a form (table, column, constraint) where there are any.
function describe(err) {
  const where = [err.table && `table ${err.table}`, err.column && `column ${err.column}`,
    err.constraint && `constraint ${err.constraint}`].filter(Boolean).join(', ');
  return `SQLSTATE ${err.code}: ${err.message}` + (where ? ` (${where})` : '');
}

async function refused(client, what, query, params) {
  await client.query('SAVEPOINT attempt');
  try {
    await client.query(query, params);
    throw new Error(`${what}: not refused`);
  } catch (err) {
    if (!err.code) throw err;
    await client.query('ROLLBACK TO SAVEPOINT attempt');
    console.log(`refused, ${what}: ${describe(err)}`);
    if (err.hint) console.log(`  hint: ${err.hint}`);
  }
}

const one = async (client, query, params) => (await client.query(query, params)).rows[0];

const interviewId = await asUser('usr_example_a', async (c) => {
  const project = await one(c, `INSERT INTO expert_network.projects (project_code, project_name)
                                VALUES ($1, $2) RETURNING id`, ['EX-1', 'Example']);
  const campaign = await one(c, `INSERT INTO expert_network.campaigns
        (project_id, campaign_name, industry_vertical, start_date, target_completion_date, min_calls, max_calls)
      VALUES ($1, 'Automation buyers', 'Industrials', '2027-01-04', '2027-02-26', 4, 8)
      RETURNING id, campaign_name, status`, [project.id]);
  console.log(`campaign "${campaign.campaign_name}" created: ${campaign.status}`);

  const active = await one(c, `UPDATE expert_network.campaigns SET status = 'active'
                               WHERE id = $1 RETURNING status`, [campaign.id]);
  console.log(`campaign: draft -> ${active.status}`);

  const enrollment = await one(c, `INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id)
      SELECT $1, v.id FROM expert_network.vendor_platforms AS v WHERE v.name = 'GLG'
      RETURNING id, status`, [campaign.id]);
  const enrolled = await one(c, `UPDATE expert_network.campaign_vendor_enrollments SET status = 'enrolled'
      WHERE id = $1 RETURNING status, enrolled_at IS NOT NULL AS stamped`, [enrollment.id]);
  console.log(`GLG enrollment: ${enrollment.status} -> ${enrolled.status} (enrolled_at set: ${enrolled.stamped})`);

  const expert = await one(c, `INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, company)
      SELECT $1, v.id, 'Dana Reyes', 'Former VP Operations', 'Acme Robotics'
        FROM expert_network.vendor_platforms AS v WHERE v.name = 'GLG'
      RETURNING id, name, status`, [campaign.id]);
  console.log(`expert ${expert.name} proposed by GLG: ${expert.status}`);

  const reviewed = await one(c, `UPDATE expert_network.experts SET status = 'reviewed'
                                 WHERE id = $1 RETURNING status`, [expert.id]);
  const next = await c.query("SELECT s FROM expert_network.allowed_transitions('expert', $1) AS s", [reviewed.status]);
  console.log(`expert: proposed -> ${reviewed.status}; next: ${next.rows.map((r) => r.s).join(', ')}`);
  await refused(c, 'reviewed -> completed',
    "UPDATE expert_network.experts SET status = 'completed' WHERE id = $1", [expert.id]);

  const booked = await one(c, `SELECT expert_network.schedule_interview($1, '2027-01-12', '15:00', 45,
                                 'America/New_York') AS id`, [expert.id]);
  const interview = await one(c, `SELECT i.status, e.status AS expert_status, c.scheduled_calls
      FROM expert_network.interviews AS i JOIN expert_network.experts AS e ON e.id = i.expert_id
      JOIN expert_network.campaigns AS c ON c.id = i.campaign_id WHERE i.id = $1`, [booked.id]);
  console.log(`interview booked: ${interview.status}; expert ${interview.expert_status};` +
    ` scheduled calls ${interview.scheduled_calls}`);

  await one(c, "SELECT expert_network.complete_interview($1, 'Knew the buyers') AS id", [booked.id]);
  const done = await one(c, `SELECT i.status, e.status AS expert_status, c.completed_calls
      FROM expert_network.interviews AS i JOIN expert_network.experts AS e ON e.id = i.expert_id
      JOIN expert_network.campaigns AS c ON c.id = i.campaign_id WHERE i.id = $1`, [booked.id]);
  console.log(`interview ${done.status}; expert ${done.expert_status}; completed calls ${done.completed_calls}`);

  await refused(c, 'a rating of 7', 'SELECT expert_network.rate_interview($1, 7)', [booked.id]);
  await c.query('SELECT expert_network.rate_interview($1, 4.5, 4, 5, 4, $2)', [booked.id, 'Clear on pricing']);
  const rated = await one(c, `SELECT rating::text FROM expert_network.completed_interviews
                              WHERE interview_id = $1`, [booked.id]);
  console.log(`rated ${rated.rating}`);
  return booked.id;
});

// Another user sees none of it, and cannot touch it: the interview does not
// exist for them (P0002), exactly as an id that exists nowhere.
await asUser('usr_example_b', async (c) => {
  const seen = await one(c, 'SELECT count(*)::int AS n FROM expert_network.campaigns');
  console.log(`usr_example_b sees ${seen.n} campaigns`);
  await refused(c, "usr_example_b cancels usr_example_a's interview",
    'SELECT expert_network.cancel_interview($1)', [interviewId]);
});

// Without an identity, a write says why it cannot be done.
const client = await pool.connect();
try {
  await client.query("INSERT INTO expert_network.projects (project_code, project_name) VALUES ('EX-2', 'Nobody')");
  console.log('a write without an identity: not refused');
} catch (err) {
  console.log(`refused, a write without an identity: ${describe(err)}`);
} finally {
  client.release();
}
await pool.end();
console.log('done');
