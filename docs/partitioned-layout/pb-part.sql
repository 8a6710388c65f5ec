\set w random(1, 50)
INSERT INTO bench.part (uid, wg, actor_kind, actor_id, typ, txt, res, created_at) VALUES (gen_random_uuid(), :w, 'USER', '42', 'LOGIN', 'measured activity number 1', '{"k":1}', timestamptz '2025-01-01' + random() * interval '50 days') RETURNING id;
