#!/usr/bin/python3
"""examples/python/app.py -- expert_network from Python (psycopg 3, Debian's
python3-psycopg): the identity of each transaction, a workflow change, the
interview lifecycle API and the errors the database raises.  The same steps
as examples/node/pg.mjs, with the same output (examples/expected.txt); run
by test/t/clients.sh.

Connects with the usual PG* environment variables, as a role that
expert_network.grant_access(role, 'app') gave the app level.
"""
from contextlib import contextmanager

import psycopg


@contextmanager
def as_user(conn, user_id):
    """One transaction acting for one application user: the identity is set
    with set_config(..., true), so it ends with the transaction."""
    with conn.transaction():
        conn.execute("SELECT set_config('expert_network.user_id', %s, true)", (user_id,))
        yield conn


def describe(err):
    """SQLSTATE, message, and the fields a client maps to a form (table,
    column, constraint) where there are any."""
    d = err.diag
    where = ", ".join(f"{label} {value}" for label, value in
                      (("table", d.table_name), ("column", d.column_name),
                       ("constraint", d.constraint_name)) if value)
    return f"SQLSTATE {err.sqlstate}: {d.message_primary}" + (f" ({where})" if where else "")


def refused(conn, what, query, params=()):
    try:
        with conn.transaction():       # a savepoint inside the user's transaction
            conn.execute(query, params)
    except psycopg.errors.Error as err:
        if err.sqlstate is None:
            raise
        print(f"refused, {what}: {describe(err)}")
        if err.diag.message_hint:
            print(f"  hint: {err.diag.message_hint}")
    else:
        raise RuntimeError(f"{what}: not refused")


def one(conn, query, params=()):
    return conn.execute(query, params).fetchone()


with psycopg.connect(autocommit=True) as conn:
    with as_user(conn, "usr_example_a") as c:
        (project,) = one(c, """INSERT INTO expert_network.projects (project_code, project_name)
                               VALUES (%s, %s) RETURNING id""", ("EX-1", "Example"))
        campaign, name, status = one(c, """INSERT INTO expert_network.campaigns
              (project_id, campaign_name, industry_vertical, start_date, target_completion_date, min_calls, max_calls)
            VALUES (%s, 'Automation buyers', 'Industrials', '2027-01-04', '2027-02-26', 4, 8)
            RETURNING id, campaign_name, status""", (project,))
        print(f'campaign "{name}" created: {status}')

        (status,) = one(c, """UPDATE expert_network.campaigns SET status = 'active'
                              WHERE id = %s RETURNING status""", (campaign,))
        print(f"campaign: draft -> {status}")

        enrollment, pending = one(c, """INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id)
            SELECT %s, v.id FROM expert_network.vendor_platforms AS v WHERE v.name = 'GLG'
            RETURNING id, status""", (campaign,))
        enrolled, stamped = one(c, """UPDATE expert_network.campaign_vendor_enrollments SET status = 'enrolled'
            WHERE id = %s RETURNING status, enrolled_at IS NOT NULL""", (enrollment,))
        print(f"GLG enrollment: {pending} -> {enrolled} (enrolled_at set: {str(stamped).lower()})")

        expert, name, status = one(c, """INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, company)
            SELECT %s, v.id, 'Dana Reyes', 'Former VP Operations', 'Acme Robotics'
              FROM expert_network.vendor_platforms AS v WHERE v.name = 'GLG'
            RETURNING id, name, status""", (campaign,))
        print(f"expert {name} proposed by GLG: {status}")

        (status,) = one(c, """UPDATE expert_network.experts SET status = 'reviewed'
                              WHERE id = %s RETURNING status""", (expert,))
        after = [s for (s,) in c.execute("SELECT s FROM expert_network.allowed_transitions('expert', %s) AS s",
                                         (status,))]
        print(f"expert: proposed -> {status}; next: {', '.join(after)}")
        refused(c, "reviewed -> completed",
                "UPDATE expert_network.experts SET status = 'completed' WHERE id = %s", (expert,))

        (interview,) = one(c, """SELECT expert_network.schedule_interview(%s, '2027-01-12', '15:00', 45,
                                   'America/New_York')""", (expert,))
        status, expert_status, scheduled = one(c, """SELECT i.status, e.status, c.scheduled_calls
            FROM expert_network.interviews AS i JOIN expert_network.experts AS e ON e.id = i.expert_id
            JOIN expert_network.campaigns AS c ON c.id = i.campaign_id WHERE i.id = %s""", (interview,))
        print(f"interview booked: {status}; expert {expert_status}; scheduled calls {scheduled}")

        one(c, "SELECT expert_network.complete_interview(%s, 'Knew the buyers')", (interview,))
        status, expert_status, completed = one(c, """SELECT i.status, e.status, c.completed_calls
            FROM expert_network.interviews AS i JOIN expert_network.experts AS e ON e.id = i.expert_id
            JOIN expert_network.campaigns AS c ON c.id = i.campaign_id WHERE i.id = %s""", (interview,))
        print(f"interview {status}; expert {expert_status}; completed calls {completed}")

        refused(c, "a rating of 7", "SELECT expert_network.rate_interview(%s, 7)", (interview,))
        c.execute("SELECT expert_network.rate_interview(%s, 4.5, 4, 5, 4, %s)", (interview, "Clear on pricing"))
        (rating,) = one(c, """SELECT rating::text FROM expert_network.completed_interviews
                              WHERE interview_id = %s""", (interview,))
        print(f"rated {rating}")

    # Another user sees none of it, and cannot touch it: the interview does
    # not exist for them (P0002), exactly as an id that exists nowhere.
    with as_user(conn, "usr_example_b") as c:
        (seen,) = one(c, "SELECT count(*) FROM expert_network.campaigns")
        print(f"usr_example_b sees {seen} campaigns")
        refused(c, "usr_example_b cancels usr_example_a's interview",
                "SELECT expert_network.cancel_interview(%s)", (interview,))

    # Without an identity, a write says why it cannot be done.
    try:
        conn.execute("INSERT INTO expert_network.projects (project_code, project_name) VALUES ('EX-2', 'Nobody')")
        print("a write without an identity: not refused")
    except psycopg.errors.Error as err:
        print(f"refused, a write without an identity: {describe(err)}")
print("done")
