// examples/node/drizzle.mjs — expert_network from Drizzle ORM (node-postgres
// driver): tables declared in the schema expert_network, each request a
// transaction acting for one application user, a workflow change, the
// lifecycle API through sql``, and the database's refusals as errors.
// Output: examples/drizzle.expected; run by test/t/clients.sh.
//
// The owner key user_id is not declared: the database fills it from the
// transaction's identity and row-level security scopes every query, so the
// application never names it.
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgSchema, uuid, text, integer, date, timestamp } from 'drizzle-orm/pg-core';
import { and, eq, sql } from 'drizzle-orm';

const en = pgSchema('expert_network');

const projects = en.table('projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectCode: text('project_code').notNull(),
  projectName: text('project_name').notNull(),
});

const campaigns = en.table('campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id'),
  campaignName: text('campaign_name').notNull(),
  industryVertical: text('industry_vertical').notNull(),
  startDate: date('start_date').notNull(),
  targetCompletionDate: date('target_completion_date').notNull(),
  minCalls: integer('min_calls').notNull(),
  maxCalls: integer('max_calls').notNull(),
  status: text('status').notNull(),
  scheduledCalls: integer('scheduled_calls').notNull(),
  completedCalls: integer('completed_calls').notNull(),
});

const vendorPlatforms = en.table('vendor_platforms', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
});

const enrollments = en.table('campaign_vendor_enrollments', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignId: uuid('campaign_id').notNull(),
  vendorPlatformId: uuid('vendor_platform_id').notNull(),
  status: text('status').notNull(),
});

const experts = en.table('experts', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignId: uuid('campaign_id').notNull(),
  vendorPlatformId: uuid('vendor_platform_id').notNull(),
  name: text('name').notNull(),
  title: text('title').notNull(),
  status: text('status').notNull(),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
});

const pool = new pg.Pool({ max: 2 });
const db = drizzle(pool);

// One request: a transaction acting for one application user.
const asUser = (userId, fn) => db.transaction(async (tx) => {
  await tx.execute(sql`SELECT set_config('expert_network.user_id', ${userId}, true)`);
  return fn(tx);
});

// Drizzle wraps the driver's error; the database's fields are on the cause.
const dbError = (err) => (err && err.code ? err : err && err.cause && err.cause.code ? err.cause : null);

await asUser('usr_example_c', async (tx) => {
  const [project] = await tx.insert(projects).values({ projectCode: 'EX-3', projectName: 'Drizzle' })
    .returning({ id: projects.id });
  const [campaign] = await tx.insert(campaigns).values({
    projectId: project.id, campaignName: 'Robotics integrators', industryVertical: 'Industrials',
    startDate: '2027-02-01', targetCompletionDate: '2027-03-31', minCalls: 2, maxCalls: 6,
  }).returning({ id: campaigns.id, status: campaigns.status });
  console.log(`campaign created: ${campaign.status}`);

  const [glg] = await tx.select({ id: vendorPlatforms.id }).from(vendorPlatforms)
    .where(eq(vendorPlatforms.name, 'GLG'));
  await tx.insert(enrollments).values({ campaignId: campaign.id, vendorPlatformId: glg.id, status: 'enrolled' });
  const [expert] = await tx.insert(experts).values({
    campaignId: campaign.id, vendorPlatformId: glg.id, name: 'Sam Ito', title: 'Integration lead',
  }).returning({ id: experts.id, status: experts.status });
  console.log(`expert proposed: ${expert.status}`);

  const [reviewed] = await tx.update(experts).set({ status: 'reviewed' })
    .where(eq(experts.id, expert.id)).returning({ status: experts.status, reviewedAt: experts.reviewedAt });
  console.log(`expert ${reviewed.status}, reviewed_at set: ${reviewed.reviewedAt !== null}`);

  try {
    await tx.transaction(async (sp) => {          // a savepoint
      await sp.update(experts).set({ status: 'completed' }).where(eq(experts.id, expert.id));
    });
    console.log('reviewed -> completed: not refused');
  } catch (err) {
    const e = dbError(err);
    if (!e) throw err;
    console.log(`refused: SQLSTATE ${e.code} on ${e.table}.${e.column}: ${e.message}`);
  }

  const booked = await tx.execute(sql`SELECT expert_network.schedule_interview(${expert.id}, '2027-02-09', '10:30',
                                                                        30, 'Europe/London') AS id`);
  const [counts] = await tx.select({ scheduled: campaigns.scheduledCalls, completed: campaigns.completedCalls })
    .from(campaigns).where(eq(campaigns.id, campaign.id));
  console.log(`booked; scheduled calls ${counts.scheduled}, completed calls ${counts.completed}`);

  await tx.execute(sql`SELECT expert_network.complete_interview(${booked.rows[0].id})`);
  const [after] = await tx.select({ scheduled: campaigns.scheduledCalls, completed: campaigns.completedCalls })
    .from(campaigns).where(eq(campaigns.id, campaign.id));
  const [done] = await tx.select({ status: experts.status }).from(experts)
    .where(and(eq(experts.campaignId, campaign.id), eq(experts.id, expert.id)));
  console.log(`completed; expert ${done.status}; scheduled calls ${after.scheduled}, completed calls ${after.completed}`);
});

await asUser('usr_example_d', async (tx) => {
  const rows = await tx.select({ id: campaigns.id }).from(campaigns);
  console.log(`usr_example_d sees ${rows.length} campaigns`);
});

await pool.end();
console.log('done');
