-- Data of python -m bench scale-exports on SQLite: the PostgreSQL seed's shape, by recursive CTEs.
BEGIN;
DELETE FROM comments_comment;
DELETE FROM proposals_support;
DELETE FROM proposals_proposal;
DELETE FROM accounts_user WHERE email LIKE '%@scaleexp.invalid';
INSERT INTO consultations_consultation (slug, title, summary, body, visibility, tools, created_at, updated_at, synthesis, premoderated)
SELECT 'nationale-2026', 'Consultation nationale', '', '', 'public', '[]', '2026-01-01 00:00:00', '2026-01-01 00:00:00', '', 0
WHERE NOT EXISTS (SELECT 1 FROM consultations_consultation WHERE slug = 'nationale-2026');
CREATE TEMP TABLE seq AS WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < :supports) SELECT n FROM s;
INSERT INTO councils_council (slug, name, description, status, created_at, moderation_status)
SELECT 'conseil-' || n, CASE WHEN n % 3 = 0 THEN '=Conseil, "citoyen" ' || n ELSE 'Conseil citoyen n°' || n END, '', 'active',
  '2026-01-01 00:00:00', 'visible'
FROM seq WHERE n BETWEEN 1 AND 50 AND NOT EXISTS (SELECT 1 FROM councils_council);
INSERT INTO accounts_user (password, is_superuser, is_staff, is_active, date_joined, email, display_name)
SELECT '!', 0, 0, 1, '2026-01-01 00:00:00', 'u' || n || '@scaleexp.invalid', 'Habitant ' || n FROM seq WHERE n < :users;
CREATE TEMP TABLE u AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM accounts_user WHERE email LIKE '%@scaleexp.invalid';
CREATE INDEX u_n ON u (n);
INSERT INTO proposals_proposal (consultation_id, author_id, title, body, attachment, state, answer, withdrawal_reason,
  support_count, comment_count, created_at, updated_at, moderation_status, image_alt, body_html, answer_html, support_threshold, answered_at)
SELECT (SELECT id FROM consultations_consultation WHERE slug = 'nationale-2026'), u.id,
  CASE WHEN p.n % 97 = 0 THEN '=SOMME(A1) proposition ' || p.n ELSE 'Végétaliser la place n°' || p.n END,
  'Je propose, avec « guillemets » et "doubles", de végétaliser;' || char(10) || '-la cour' || char(13, 10) || '=cmd ' || p.n,
  '', CASE WHEN p.n % 5 = 0 THEN 'accepted' ELSE 'published' END, CASE WHEN p.n % 5 = 0 THEN 'Réponse officielle, +1' ELSE '' END, '',
  p.n % 300, 0, strftime('%Y-%m-%d %H:%M:%S', '2026-01-01 08:00:00', '+' || (p.n * 37) || ' minutes'), '2026-01-01 00:00:00',
  CASE WHEN p.n % 11 = 0 THEN 'hidden' ELSE 'visible' END, '', '', '', NULL,
  CASE WHEN p.n % 5 = 0 THEN strftime('%Y-%m-%d %H:%M:%S', '2026-06-01 08:00:00', '+' || p.n || ' minutes') END
FROM seq p JOIN u ON u.n = p.n % :users WHERE p.n < :proposals;
CREATE TEMP TABLE pr AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM proposals_proposal;
CREATE INDEX pr_n ON pr (n);
INSERT INTO proposals_support (created_at, proposal_id, user_id, council_id)
SELECT strftime('%Y-%m-%d %H:%M:%S', '2026-01-01 00:00:00', '+' || (s.n * 7) || ' seconds'), pr.id, u.id,
  CASE WHEN s.n % 1000 = 0 THEN (SELECT min(id) FROM councils_council) + (s.n / 1000) % 50 END
FROM seq s JOIN u ON u.n = s.n % :users JOIN pr ON pr.n = (s.n / :users) % :proposals WHERE s.n < :supports;
INSERT INTO comments_comment (content_type_id, object_id, parent_id, depth, author_id, body, body_html, position, notify_replies,
  created_at, moderation_status, deleted_at, on_behalf_type_id, on_behalf_id)
SELECT (SELECT id FROM django_content_type WHERE app_label = 'proposals' AND model = 'proposal'), pr.id, NULL, 0, u.id,
  CASE WHEN c.n % 13 = 0 THEN '@moi, je suis ' || c.n ELSE 'Commentaire n°' || c.n || ', d’accord;' || char(10) || '+1' END, '',
  CASE c.n % 4 WHEN 0 THEN '' WHEN 1 THEN 'for' WHEN 2 THEN 'against' ELSE 'neutral' END, 1,
  strftime('%Y-%m-%d %H:%M:%S', '2026-01-02 00:00:00', '+' || (c.n * 13) || ' seconds'),
  CASE WHEN c.n % 17 = 0 THEN 'pending' ELSE 'visible' END, CASE WHEN c.n % 29 = 0 THEN '2026-06-01 00:00:00' END,
  CASE WHEN c.n % 101 = 0 THEN (SELECT id FROM django_content_type WHERE app_label = 'councils' AND model = 'council') END,
  CASE WHEN c.n % 101 = 0 THEN (SELECT min(id) FROM councils_council) + c.n % 50 END
FROM seq c JOIN u ON u.n = (c.n * 7) % :users JOIN pr ON pr.n = c.n % :proposals WHERE c.n < :comments;
COMMIT;
