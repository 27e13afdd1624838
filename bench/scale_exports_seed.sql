-- Data of python -m bench scale-exports on PostgreSQL (psql -v users=… proposals=… supports=… comments=…).
-- Text with quotes, separators, line breaks and formula triggers, council supports, deleted comments.
BEGIN;
TRUNCATE comments_comment, proposals_support, proposals_proposal CASCADE;
DELETE FROM accounts_user WHERE email LIKE '%@scaleexp.invalid';
INSERT INTO consultations_consultation (slug, title, summary, body, visibility, tools, created_at, updated_at, synthesis, premoderated)
SELECT 'nationale-2026', 'Consultation nationale', '', '', 'public', '[]', now(), now(), '', false
WHERE NOT EXISTS (SELECT 1 FROM consultations_consultation WHERE slug='nationale-2026');
INSERT INTO councils_council (slug, name, description, status, created_at, moderation_status)
SELECT 'conseil-' || n, CASE WHEN n % 3 = 0 THEN '=Conseil, "citoyen" ' || n ELSE 'Conseil citoyen n°' || n END, '', 'active', now(), 'visible'
FROM generate_series(1, 50) n WHERE NOT EXISTS (SELECT 1 FROM councils_council);
INSERT INTO accounts_user (password, is_superuser, is_staff, is_active, date_joined, email, display_name)
SELECT '!', false, false, true, now(), 'u' || n || '@scaleexp.invalid', 'Habitant ' || n FROM generate_series(1, :users) n;
CREATE TEMP TABLE u AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM accounts_user WHERE email LIKE '%@scaleexp.invalid';
CREATE INDEX ON u (n);
INSERT INTO proposals_proposal (consultation_id, author_id, title, body, attachment, state, answer, withdrawal_reason,
  support_count, comment_count, created_at, updated_at, moderation_status, image_alt, body_html, answer_html, support_threshold, answered_at)
SELECT (SELECT id FROM consultations_consultation WHERE slug='nationale-2026'), u.id,
  CASE WHEN p % 97 = 0 THEN '=SOMME(A1) proposition ' || p ELSE 'Végétaliser la place n°' || p END,
  'Je propose, avec « guillemets » et "doubles", de végétaliser;' || E'\n-la cour\r\n=cmd ' || p,
  '', CASE WHEN p % 5 = 0 THEN 'accepted' ELSE 'published' END, CASE WHEN p % 5 = 0 THEN 'Réponse officielle, +1' ELSE '' END, '',
  p % 300, 0, timestamptz '2026-01-01 08:00+00' + p * interval '37 minutes', now(),
  CASE WHEN p % 11 = 0 THEN 'hidden' ELSE 'visible' END, '', '', '', NULL,
  CASE WHEN p % 5 = 0 THEN timestamptz '2026-06-01 08:00+00' + p * interval '1 minute' END
FROM generate_series(0, :proposals - 1) p JOIN u ON u.n = p % :users;
CREATE TEMP TABLE pr AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM proposals_proposal;
CREATE INDEX ON pr (n);
-- supports: user (s % users), proposal (s / users) keeps (proposal, user) unique
INSERT INTO proposals_support (created_at, proposal_id, user_id, council_id)
SELECT timestamptz '2026-01-01 00:00+00' + s * interval '7 seconds', pr.id, u.id,
  CASE WHEN s % 1000 = 0 THEN (SELECT min(id) FROM councils_council) + (s / 1000) % 50 END
FROM generate_series(0, :supports - 1) s JOIN u ON u.n = s % :users JOIN pr ON pr.n = (s / :users) % :proposals
WHERE s % 1000 <> 0 OR (s / 1000) < 50 * :proposals;
INSERT INTO comments_comment (content_type_id, object_id, parent_id, depth, author_id, body, body_html, position, notify_replies, created_at, moderation_status, deleted_at, on_behalf_type_id, on_behalf_id)
SELECT (SELECT id FROM django_content_type WHERE app_label='proposals' AND model='proposal'), pr.id, NULL, 0, u.id,
  CASE WHEN c % 13 = 0 THEN '@moi, je suis ' || c ELSE 'Commentaire n°' || c || ', d’accord;' || E'\n+1' END, '',
  (ARRAY['', 'for', 'against', 'neutral'])[c % 4 + 1], true, timestamptz '2026-01-02 00:00+00' + c * interval '13 seconds',
  CASE WHEN c % 17 = 0 THEN 'pending' ELSE 'visible' END, CASE WHEN c % 29 = 0 THEN now() END,
  CASE WHEN c % 101 = 0 THEN (SELECT id FROM django_content_type WHERE app_label='councils' AND model='council') END,
  CASE WHEN c % 101 = 0 THEN (SELECT min(id) FROM councils_council) + c % 50 END
FROM generate_series(0, :comments - 1) c JOIN u ON u.n = (c * 7) % :users JOIN pr ON pr.n = c % :proposals;
COMMIT;
ANALYZE;
