-- question_tree(): the 10,000-question screener, walked in C
SELECT * FROM expert_network.question_tree('cafe0000-0000-4000-8000-000000000000');
